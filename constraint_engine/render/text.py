"""A verdict as a readable tree for the terminal (plain text when colour is off)."""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.text import Text
from rich.tree import Tree

from ..explaining import Verdict

_OUTCOME = {
    "blocked": "[bold red]BLOCKED[/]",
    "permitted": "[bold green]PERMITTED[/]",
    "undetermined": "[bold yellow]UNDETERMINED[/]",
    "error": "[bold red]ERROR[/]",
}
_DUTY = {"met": "[green]met[/]", "pending": "[yellow]pending[/]", "breached": "[bold red]BREACHED[/]"}
_STATUS = {"verified": "green", "reported": "yellow", "uncertain": "magenta"}


def verdict_tree(v: Verdict) -> Tree:
    when = f"{v.date}" + (" (today: no date was given)" if v.date_defaulted else "")
    breached = (
        "  [bold red]but a duty was BREACHED[/]" if any(d.status == "breached" for d in v.duties) else ""
    )
    root = Tree(f"{_OUTCOME[v.outcome]}{breached}  {escape(v.action)}  [dim]on {when}[/]")
    if v.error:
        root.add(f"[red]evaluation failed: {escape(v.error)}[/]")
    for d in v.depends_on:  # before anything else: the answer is qualified
        node = root.add(
            f"[bold yellow]The answer depends on the interpretation {escape(d.interpretation)}[/]"
        )
        for reading, outcome in d.outcomes.items():
            used = " [dim](the reading used)[/]" if reading == d.used else ""
            node.add(f"{escape(reading)}: {escape(outcome)}{used}")
    for m in v.undetermined:
        node = root.add(f"[bold yellow]Undetermined under {escape(m.citation)}[/]: {escape(m.title)}")
        if m.reason:
            node.add(escape(m.reason))
        for phrase in m.add:
            node.add(f"add the fact: {escape(phrase)}")
    for duty in v.duties:
        node = root.add(
            f"[bold]Duty under {escape(duty.citation)}[/]: {escape(duty.title)}: {_DUTY[duty.status]}"
        )
        node.add(f"{escape(duty.who)} must {escape(duty.what)}, {escape(duty.by_when)}.")
        node.add(f"[dim]{escape(duty.reason)}[/]")
        if duty.status == "breached":
            node.add("[bold red]The duty was not met: the action, as carried out, is unlawful.[/]")
    if v.facts:
        given = root.add("[bold]Facts given[/]")
        for fact in v.facts:
            given.add(escape(fact))
    for b in v.blocked_by:
        status = f"[{_STATUS[b.status]}]({b.status})[/]"
        node = root.add(f"[bold]Blocked by {escape(b.citation)}[/]: {escape(b.title)} {status}")
        node.add(f"[dim]{escape(b.summary)}[/]")
        if b.cure:
            cures = node.add("[bold]Any one of these would lift it[/] (each checked by re-evaluation)")
            for cure in b.cure:
                cures.add(escape(cure))
        sources = node.add("Sources")
        for s in b.sources:
            source = sources.add(f"{s.key}: {escape(s.title)}")
            # A URL is never broken: a short token holds its place while the tree is laid out (verdict_text).
            source.add(Text(_url_token(s.url), style="dim", no_wrap=True))
    if v.exceptions:
        considered = root.add("[bold]Exceptions and duties considered[/]")
        for x in v.exceptions:
            mark = "[green]holds[/]" if x.held else "[red]does not hold[/]"
            item = considered.add(f"{escape(x.title)} ({escape(x.citation)}): {mark}")
            item.add(f"[dim]{escape(x.reason)}[/]")
    if v.considered:
        considered_node = root.add("[bold]Provisions considered that do not reach this action[/]")
        for c in v.considered:
            item = considered_node.add(f"{escape(c.citation)}: {escape(c.title)} ({c.status})")
            item.add(f"[dim]{escape(c.why)}[/]")
    if v.caveats:
        caveats = root.add("[bold yellow]Caveats[/]")
        for caveat in v.caveats:
            caveats.add(escape(caveat))
    deriv = root.add("[bold]Derivation[/] (facts → rules → conclusions)")
    texts = {f.id: f.text for f in v.derivation.facts}
    for step in v.derivation.steps:
        inputs = ", ".join(f"{i}" for i in step.inputs) or "-"
        concluded = f" ⇒ {step.concluded}: {escape(texts.get(step.concluded, ''))}" if step.concluded else ""
        node = deriv.add(f"[cyan]{escape(step.title)}[/] from {inputs}{concluded}")
        if step.conditions:
            node.add(f"[dim]{escape('; '.join(step.conditions))}[/]")
    facts = deriv.add("Facts")
    for f in v.derivation.facts:
        if f.kind == "input":
            facts.add(f"{f.id}: {escape(f.text)}")
    if v.derivation.parameters:
        params = deriv.add("Parameters in force")
        for pid, value in v.derivation.parameters.items():
            params.add(f"{pid} = {escape(value)}")
    return root


UNWRAPPED = 100_000  # wider than any line: text that is not for a terminal is not hard-wrapped


def verdict_text(v: Verdict, *, color: bool = False, width: int | None = None) -> str:
    """The verdict as a tree of lines, wrapped at `width` (a terminal's), or not wrapped at all."""
    buffer = io.StringIO()
    console = Console(
        file=buffer, force_terminal=color, no_color=not color, width=width or UNWRAPPED, highlight=False
    )
    _URLS.clear()
    console.print(verdict_tree(v))
    text = buffer.getvalue()
    for token, url in _URLS.items():  # each URL whole on its line, however narrow the terminal
        text = text.replace(token, url)
    return text


_URLS: dict[str, str] = {}


def _url_token(url: str) -> str:
    token = f"\ue000{len(_URLS)}\ue001"  # private-use characters: never in a source's text
    _URLS[token] = url
    return token
