"""Browse the law: provisions in force on a day, one provision whole, the parameters with their dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .explaining import describe_condition
from .loading import RuleBook
from .models import Provision
from .phrasebook import PLACEHOLDER, Phrasebook, either_of
from .steps import StepDef, StepRegistry, js_regex


@dataclass(frozen=True)
class Doc:
    text: str
    data: Any


def _in_force(p: Provision, day: dt.date | None) -> bool:
    if day is None:
        return True
    return p.in_force.contains(day)


def _window(p: Provision) -> str:
    return f"{p.in_force.since} to {p.in_force.until}" if p.in_force.until else f"from {p.in_force.since}"


def provisions_listing(book: RuleBook, day: dt.date | None) -> Doc:
    rows = [p for p in book.provisions.values() if _in_force(p, day)]
    head = f"Provisions in force on {day}" if day else "Provisions"
    lines = [f"{head}: {len(rows)}", ""]
    for p in rows:
        lines.append(f"{p.id}  [{p.status}]  {_window(p)}")
        lines.append(f"    {p.citation}: {p.title}")
        # The values in force on the day asked, else today's (or the window's nearest day): never the first
        # values of a parameter that has since been amended.
        ref = day or _nearest_in_window(p, dt.date.today())
        params = ", ".join(f"{pid} = {_value(book, pid, ref)}" for pid in p.parameters)
        if params:
            lines.append(f"    parameters (in force on {ref}): {params}")
    data = [
        {
            "id": p.id,
            "citation": p.citation,
            "title": p.title,
            "status": p.status,
            "since": str(p.in_force.since),
            "until": str(p.in_force.until) if p.in_force.until else None,
            "summary": p.summary,
        }
        for p in rows
    ]
    return Doc("\n".join(lines) + "\n", {"as_of": str(day) if day else None, "provisions": data})


def _nearest_in_window(p: Provision, day: dt.date) -> dt.date:
    if day < p.in_force.since:
        return p.in_force.since
    if p.in_force.until is not None and day > p.in_force.until:
        return p.in_force.until
    return day


def _value(book: RuleBook, pid: str, day: dt.date) -> str:
    value = book.parameters[pid].value_on(day)
    return f"{value:,}" if isinstance(value, int) else str(value)


def provision_detail(book: RuleBook, pid: str) -> Doc:
    p = book.provisions[pid]
    day = max(dt.date.today(), p.in_force.since)
    lines = [
        f"{p.citation} - {p.title}",
        f"id {p.id} (reference {p.reference}); status {p.status}; in force {_window(p)}",
    ]
    if p.in_force.note:
        lines.append(f"    {p.in_force.note}")
    if p.aliases:
        lines.append(f"also cited as: {'; '.join(p.aliases)}")
    lines += ["", "The text, in our words:", f"    {p.text}", "", "In short:", f"    {p.summary}", ""]
    lines.append("It applies when:")
    actions = book.phrasebook.action_words(p.applies_to.actions)
    actors = either_of(p.applies_to.actors)
    lines.append(f"    the action is to {actions}, taken by the {actors}")
    for cond in p.applies_to.where:
        lines.append(f"    and {describe_condition(book, cond, day)}")
    for pattern in p.applies_to.with_facts:
        lines.append(f"    and there is this fact: {book.phrasebook.fact_words(pattern.fact)}")
    for dep in p.applies_to.depending_on:
        for value, conds in dep.cases.items():
            said = " and ".join(describe_condition(book, c, day) for c in conds) or "no further condition"
            lines.append(f"    if {dep.interpretation} is {value!r}: {said}")
    if p.lifted_by:
        lines += ["", "It is lifted by any of:"]
        for lift_id in p.lifted_by:
            lift = book.lifts[lift_id]
            lines.append(f"    {lift.title} ({lift.citation}) [{lift.status}]")
            lines.append(f"        {lift.summary}")
    else:
        lines += ["", "No exception lifts it."]
    lines += ["", "What would cure a block:", *(f"    {c}" for c in p.cure)]
    if p.caveats:
        lines += ["", "Caveats:", *(f"    {c}" for c in p.caveats)]
    lines += ["", "Sources:"]
    lines += [
        f"    {key}: {s.title} <{s.url}>"
        for key, s in zip(p.sources, book.source_list(p.id, p.sources), strict=True)
    ]
    data = {
        **p.model_dump(mode="json"),
        "sources": [
            {"key": k, **s.model_dump()}
            for k, s in zip(p.sources, book.source_list(p.id, p.sources), strict=True)
        ],
        "lifted_by": [book.lifts[x].model_dump(mode="json") for x in p.lifted_by],
    }
    return Doc("\n".join(lines) + "\n", data)


def parameters_listing(book: RuleBook, day: dt.date | None) -> Doc:
    lines = ["Parameters (set with --set ID=VALUE) and interpretations (--assume ID=VALUE)", ""]
    data = []
    for p in sorted(book.parameters.values(), key=lambda x: (x.is_interpretation, x.id)):
        kind = "interpretation" if p.is_interpretation else p.unit
        lines.append(f"{p.id}  ({kind})  {p.title}")
        if p.is_interpretation:
            for value, meaning in p.choices.items():
                lines.append(f"    {value}: {meaning}")
        if day is not None:
            now = f"{p.value_on(day)}" if p.in_force_on(day) else "no value (before its first)"
            lines.append(f"    in force on {day}: {now}")
            lines.append("    its values:")
        for v in p.values:
            mark = " <- in force" if day is not None and p.entry_on(day) is v and p.in_force_on(day) else ""
            note = f"  ({v.note})" if v.note else ""
            lines.append(f"    since {v.since}: {v.shown}  [{v.status}; {', '.join(v.sources)}]{note}{mark}")
        data.append(
            {
                "id": p.id,
                "kind": kind,
                "title": p.title,
                "choices": p.choices,
                "values": [v.model_dump(mode="json") for v in p.values],
                "in_force": str(p.value_on(day)) if day is not None and p.in_force_on(day) else None,
            }
        )
    return Doc("\n".join(lines) + "\n", {"as_of": str(day) if day else None, "parameters": data})


def _placeholder(step: StepDef, name: str, phrasebook: Phrasebook | None) -> dict[str, Any]:
    """A placeholder for a page: its type, the words of the fact field it fills (a slider's label), and the
    limits a value must keep (the type's bounds; another placeholder it may not exceed, yeas <= present)."""
    kind = step.types[name]
    out: dict[str, Any] = {"name": name, "type": kind.name, "accepts": kind.accepts}
    decl = step.phrase.decl if step.phrase else None
    words = None
    if decl is not None and phrasebook is not None:
        fields = decl.asserts.fields if decl.asserts else (decl.qualifies or decl.proposes or {})
        fact = decl.asserts.fact if decl.asserts else "action"
        for field_name, value in fields.items():
            if value == f"{{{name}}}":
                words = phrasebook.field_words(fact, field_name)
        for req in decl.requires:
            a, b = (req.that.get("lte") or [None, None])[:2]
            if a == f"{{{name}}}" and isinstance(b, str) and PLACEHOLDER.fullmatch(b):
                out["at_most"] = b[1:-1]
    if decl is None and phrasebook is not None and name == "date":  # the engine's own "the date is {date}"
        words = phrasebook.field_words("action", "date")
    words = words or name.replace("_", " ").rstrip("0123456789")
    out["words"] = words
    label = words.removeprefix("the ")
    out["label"] = label[:1].upper() + label[1:]
    if kind.ranged and kind.field_type == "int":
        out["min"] = 0
        if kind.maximum is not None:
            out["max"] = kind.maximum
    return out


def steps_listing(registry: StepRegistry, phrasebook: Phrasebook | None = None) -> Doc:
    """Every phrase of a law, by Given / When / Then, with the pack that declares it, its placeholders and an
    example."""
    lines: list[str] = []
    data: dict[str, list[dict[str, Any]]] = {"given": [], "when": [], "then": []}
    for kind in ("given", "when", "then"):
        steps = [s for s in registry.steps if s.kind == kind]
        lines += [f"{kind.capitalize()} ({len(steps)} phrases)", ""]
        for step in steps:
            source = f"rule pack {step.pack} ({step.phrase.where})" if step.phrase else "the engine"
            lines.append(f"  {kind.capitalize()} {step.template}")
            lines.append(f"      {step.meaning}")
            for name in step.parameters:
                lines.append(f"      {{{name}}}: {step.types[name].accepts}")
            if step.parameters:
                lines.append(f"      e.g. {kind.capitalize()} {step.example}")
            lines.append(f"      declared by {source}")
            data[kind].append(
                {
                    "phrase": step.template,
                    "meaning": step.meaning,
                    "parameters": [_placeholder(step, n, phrasebook) for n in step.parameters],
                    "example": step.example,
                    "regex": step.regex.pattern,
                    "regex_js": js_regex(step.regex.pattern),
                    "pack": step.pack or None,
                    "declared_at": step.phrase.where if step.phrase else None,
                }
            )
        lines.append("")
    return Doc("\n".join(lines), {"schema": "constraint-engine/steps/1", **data})
