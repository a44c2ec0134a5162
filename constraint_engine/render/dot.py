"""A verdict's derivation as a Graphviz digraph: facts, rules, conclusions and the blocking provisions."""

from __future__ import annotations

from ..explaining import Verdict


def _escape(text: str) -> str:
    r"""Text inside a DOT double-quoted label: a backslash starts an escape there (\n, \l, \N), so it is
    doubled; a double quote is escaped; a line break becomes a space. Nothing else can end the string."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", " ").replace("\n", " ")


def _q(text: str) -> str:
    return '"' + _escape(text) + '"'


def _wrapped(text: str, width: int = 44) -> str:
    """A label broken into centred lines (DOT's \\n), each escaped on its own, so the graph fits a page."""
    import textwrap

    return '"' + "\\n".join(_escape(line) for line in textwrap.wrap(text, width) or [""]) + '"'


def verdict_dot(v: Verdict) -> str:
    lines = [
        "digraph derivation {",
        "  rankdir=TB; nodesep=0.3; ranksep=0.45;",
        '  node [fontname="Helvetica", fontsize=10];',
        '  edge [fontname="Helvetica", fontsize=9];',
        f"  label={_wrapped(f'{v.outcome.upper()}: {v.action} ({v.date})', 90)};",
    ]
    style = {
        "input": 'shape=box, style="rounded,filled", fillcolor="#eef3fb"',
        "derived": 'shape=box, style="rounded,filled", fillcolor="#f4f4f4"',
        "verdict": 'shape=octagon, style=filled, fillcolor="#f8d7da"',
    }
    for f in v.derivation.facts:
        lines.append(f"  {_q(f.id)} [label={_wrapped(f'{f.id}: {f.text}')}, {style[f.kind]}];")
    concluded: dict[tuple[str, str], str] = {}  # (kind, provision or lift) -> the fact the step concluded
    for i, s in enumerate(v.derivation.steps):
        rule = f"rule{i}"
        lines.append(
            f"  {rule} [label={_wrapped(s.title, 36)}, shape=ellipse, tooltip={_q('; '.join(s.conditions))}];"
        )
        for source in s.inputs:
            lines.append(f"  {_q(source)} -> {rule};")
        if s.concluded:
            lines.append(f"  {rule} -> {_q(s.concluded)};")
            concluded[(s.kind, s.about)] = s.concluded
    verdict_of = {s.about: s.concluded for s in v.derivation.steps if s.kind == "block" and s.concluded}
    inputs = [f for f in v.derivation.facts if f.kind == "input"]
    for i, x in enumerate(v.exceptions):
        if x.held and ("lift", x.id) in concluded:  # what an exception lifts: the engagement it answers
            for prov in x.lifts:
                if ("engage", prov) in concluded:
                    lines.append(
                        f"  {_q(concluded[('lift', x.id)])} -> {_q(concluded[('engage', prov)])}"
                        ' [label="lifts", style=dashed, color="#2e7d32", fontcolor="#2e7d32"];'
                    )
        elif not x.held and x.reason.startswith("Does not hold"):
            # A fact was given but falls short (a vote, a late notice): show why it lifts nothing.
            node = f"short{i}"
            lines.append(
                f"  {node} [label={_wrapped(f'not met: {x.title} ({x.citation})')}, shape=box, "
                'style="dashed,rounded", color="#b71c1c"];'
            )
            for f in inputs:
                if f.text and f.text in x.reason:
                    lines.append(
                        f'  {_q(f.id)} -> {node} [label="falls short", style=dashed, color="#b71c1c"];'
                    )
            for prov in x.lifts:
                if prov in verdict_of:
                    lines.append(f'  {node} -> {_q(verdict_of[prov])} [label="would lift", style=dotted];')
    notes = [
        f"The answer depends on {d.interpretation}: "
        + "; ".join(f"{r} -> {o}" for r, o in d.outcomes.items())
        for d in v.depends_on
    ]
    notes += [f"Undetermined under {m.citation}: {m.needs}" for m in v.undetermined]
    notes += [f"Duty under {d.citation}: {d.status}" for d in v.duties]
    notes += [c for c in v.caveats if c.startswith(("Interpretation", "What-if"))]
    if notes:
        # Each note escaped on its own; then joined with DOT's left-justified line break.
        import textwrap

        text = "\\l".join(_escape(part) for n in notes for part in textwrap.wrap(n, 80)) + "\\l"
        lines.append(f'  notes [shape=note, label="{text}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"
