"""A verdict's derivation as a Graphviz digraph: facts, rules, conclusions and the blocking provisions."""

from __future__ import annotations

from ..explaining import Verdict


def _escape(text: str) -> str:
    r"""Text inside a DOT double-quoted label: a backslash starts an escape there (\n, \l, \N), so it is
    doubled; a double quote is escaped; a line break becomes a space. Nothing else can end the string."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", " ").replace("\n", " ")


def _q(text: str) -> str:
    return '"' + _escape(text) + '"'


def verdict_dot(v: Verdict) -> str:
    lines = [
        "digraph derivation {",
        "  rankdir=LR;",
        '  node [fontname="Helvetica", fontsize=10];',
        f"  label={_q(f'{v.outcome.upper()}: {v.action} ({v.date})')};",
    ]
    style = {
        "input": 'shape=box, style="rounded,filled", fillcolor="#eef3fb"',
        "derived": 'shape=box, style="rounded,filled", fillcolor="#f4f4f4"',
        "verdict": 'shape=octagon, style=filled, fillcolor="#f8d7da"',
    }
    for f in v.derivation.facts:
        lines.append(f"  {_q(f.id)} [label={_q(f'{f.id}: {f.text}')}, {style[f.kind]}];")
    for i, s in enumerate(v.derivation.steps):
        rule = f"rule{i}"
        lines.append(f"  {rule} [label={_q(s.rule)}, shape=ellipse, tooltip={_q(s.title)}];")
        for source in s.inputs:
            lines.append(f"  {_q(source)} -> {rule};")
        if s.concluded:
            lines.append(f"  {rule} -> {_q(s.concluded)};")
    notes = [
        f"The answer depends on {d.interpretation}: "
        + "; ".join(f"{r} -> {o}" for r, o in d.outcomes.items())
        for d in v.depends_on
    ]
    notes += [f"Undetermined under {m.citation}: add {' or '.join(m.add)}" for m in v.undetermined]
    notes += [f"Duty under {d.citation}: {d.status}" for d in v.duties]
    notes += [c for c in v.caveats if c.startswith(("Interpretation", "What-if"))]
    if notes:
        # Each note escaped on its own; then joined with DOT's left-justified line break.
        text = "\\l".join(_escape(n) for n in notes) + "\\l"
        lines.append(f'  notes [shape=note, label="{text}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"
