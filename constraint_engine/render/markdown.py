"""A verdict as Markdown, for notes, issues and course material."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from ..explaining import Verdict


def _escaped(node: Any, key: str = "") -> Any:
    """Every text from a pack or a scenario, made inert: Markdown renders raw HTML, so <, > and & are
    entities; a URL keeps only characters that cannot end a link target."""
    if isinstance(node, str):
        if key == "url":
            return quote(node, safe=":/?#[]@!$&'*+,;=%~.-_")
        return node.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if isinstance(node, dict):
        return {k: _escaped(v, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_escaped(v, key) for v in node]
    return node


def verdict_markdown(verdict: Verdict) -> str:
    v = Verdict.model_validate(_escaped(verdict.to_json_dict()))
    out = [f"## {v.outcome.upper()}: {v.action}", ""]
    out.append(f"- **Date:** {v.date}" + (" (today: no date was given)" if v.date_defaulted else ""))
    for fact in v.facts:
        out.append(f"- **Given:** {fact}")
    if v.error:
        out.append(f"- **Error:** {v.error}")
    for d in v.depends_on:
        readings = "; ".join(
            f"{r}: {o}" + (" (the reading used)" if r == d.used else "") for r, o in d.outcomes.items()
        )
        out.append(f"- **The answer depends on the interpretation `{d.interpretation}`:** {readings}")
    for m in v.undetermined:
        needs = m.reason or "add " + "; or ".join(m.add)
        out.append(f"- **Undetermined under {m.citation}** ({m.title}): {needs}")
    for duty in v.duties:
        unlawful = " The action, as carried out, is unlawful." if duty.status == "breached" else ""
        out.append(
            f"- **Duty under {duty.citation}: {duty.status}.** {duty.who} must {duty.what}, {duty.by_when}. "
            f"{duty.reason}{unlawful}"
        )
    for b in v.blocked_by:
        out += ["", f"### Blocked by {b.citation}: {b.title}", "", f"*Status: {b.status}.* {b.summary}", ""]
        if b.cure:
            out.append("**Any one of these would lift it** (each checked by re-evaluation):")
            out += [f"- {c}" for c in b.cure]
            out.append("")
        out.append("**Sources:**")
        out += [f"- {s.key}: [{s.title}]({s.url})" for s in b.sources]
    if v.exceptions:
        out += ["", "### Exceptions and duties considered", ""]
        for x in v.exceptions:
            out.append(
                f"- **{x.title}** ({x.citation}): {'holds' if x.held else 'does not hold'}. {x.reason}"
            )
    if v.considered:
        out += ["", "### Provisions considered that do not reach this action", ""]
        out += [f"- **{c.citation}** ({c.title}, {c.status}): {c.why}" for c in v.considered]
    if v.caveats:
        out += ["", "### Caveats", ""]
        out += [f"- {c}" for c in v.caveats]
    out += ["", "### Derivation", "", "| Rule | From | Concludes | Conditions |", "| --- | --- | --- | --- |"]
    texts = {f.id: f.text for f in v.derivation.facts}
    for s in v.derivation.steps:
        concluded = f"{s.concluded}: {texts.get(s.concluded, '')}" if s.concluded else ""
        cells = [s.title, ", ".join(s.inputs), concluded, "; ".join(s.conditions)]
        out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    out += ["", "Facts: " + "; ".join(f"{f.id} = {f.text}" for f in v.derivation.facts if f.kind == "input")]
    if v.derivation.parameters:
        out.append("Parameters: " + "; ".join(f"`{k}` = {val}" for k, val in v.derivation.parameters.items()))
    return "\n".join(out) + "\n"
