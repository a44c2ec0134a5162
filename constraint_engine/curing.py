"""What would lift a block, with this case's numbers and dates, each proven by re-evaluation.

Candidates come from the law: each lift's cure as its pack writes it (a template with values computed for
this case, models.CureTemplate), else the facts the lift's own conditions need; the boundary of each
condition that brings the action under the provision, in its pack's words; and the other routes a
provision names. This module holds the machinery only: no statute's words, facts or numbers. A candidate
is offered only if the engine, evaluating the changed proposal, no longer finds that provision blocking.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .bounds import check_date_bounds
from .cases import Case
from .conditions import Among, AnyOf, Compare, Condition, Expr, Lit
from .engine import Adapter, Evaluation
from .facts import Fact, Proposal
from .interpreting import all_hold, quantity, value_of
from .loading import RuleBook
from .models import CureTemplate, Lift, Provision


@dataclass(frozen=True)
class Cure:
    provision: str
    text: str
    proposal: Proposal
    group: str = ""  # alternatives, the least demanding first: only the first proven one is offered


def cures(engine: Adapter, case: Case, ev: Evaluation) -> dict[str, list[str]]:
    """For each blocking provision, the cures that re-evaluation proves would lift its block."""
    book = case.book
    proven: dict[str, list[str]] = {}
    for pid in dict.fromkeys(ev.blocks):
        prov = book.provisions[pid]
        texts: list[str] = []
        settled: set[str] = set()

        def proves(changed: Proposal, pid: str = pid) -> bool:
            # A cure lifts its block and adds none: fixing one provision by breaking another is no cure.
            after = engine.evaluate(case.changed(changed))
            return (
                after.outcome != "error" and pid not in after.blocks and set(after.blocks) <= set(ev.blocks)
            )

        for cure in candidates(case, prov, proves):
            if cure.group and cure.group in settled:
                continue
            if proves(cure.proposal) and cure.text not in texts:
                texts.append(cure.text)
                if cure.group:
                    settled.add(cure.group)
        proven[pid] = texts
    return proven


def candidates(case: Case, prov: Provision, proves: Proves | None = None) -> Iterator[Cure]:
    """Every cure to try, in the order offered: each lift's (its pack's template, else the facts its own
    conditions need), each boundary of the provision, then the other routes the provision names."""
    book, proposal = case.book, case.proposal
    for lift_id in prov.lifted_by:
        lift = book.lifts[lift_id]
        if lift.cure:
            yield from _from_templates(case, prov, lift.cure, proves)
        else:
            cure = _synthesized(case, prov, lift)
            if cure is not None:
                yield cure
    for cond in book.active_where(prov, proposal.date):
        yield from _boundary_cures(case, prov, cond)
    yield from _from_templates(case, prov, prov.also_cured_by, proves)


Proves = Callable[[Proposal], bool]


def _from_templates(
    case: Case, prov: Provision, templates: list[CureTemplate], proves: Proves | None
) -> Iterator[Cure]:
    for template in templates:
        cure = _from_template(case, prov, template, proves)
        if cure is not None:
            yield cure


def _from_template(case: Case, prov: Provision, t: CureTemplate, proves: Proves | None) -> Cure | None:
    """A pack's cure for this case: its values computed, its changes made; None where it has no value
    here, its `only_if` fails, or no change could be a fact (a date out of range)."""
    book, proposal = case.book, case.proposal
    by_type: dict[str, list[dict[str, Any]]] = {}
    for f in case.facts:
        by_type.setdefault(f["t"], []).append(f)
    values: dict[str, Any] = {"t": "cure"}
    for name, q in t.let.items():
        value = quantity(q, case.params, values, by_type)
        if value is None:
            return None
        values[name] = value
    if not all_hold(t.only_if, case.params, values, case.facts[0]):
        return None
    words = book.phrasebook
    removed = {
        i
        for change in t.removes
        for i, f in enumerate(case.facts[1 : len(proposal.facts) + 1])
        if f["t"] == change.fact and all_hold(change.where, case.params, f, case.facts[0])
    }
    kept = tuple(f for i, f in enumerate(proposal.facts) if i not in removed)
    added: list[Fact] = []
    for change in t.adds:
        fields = {
            k: _typed(words.facts.get(change.fact, {}).get(k), v, values) for k, v in change.fields.items()
        }
        made = _fact(change.fact, fields, words.fact_words(change.fact))
        if made is None:
            return None
        added.append(made)
    changed = proposal.model_copy(update={"facts": kept + tuple(added)})
    if t.action:
        fields = {k: _typed(words.facts["action"].get(k), v, values) for k, v in t.action.items()}
        action = _fact("action", {**proposal.action.fields, **fields}, proposal.action.text)
        if action is None:
            return None
        changed = changed.model_copy(update={"action": action})
    if t.date is not None:
        day = _typed("date", t.date, values)
        if not isinstance(day, dt.date):
            return None
        changed = changed.model_copy(update={"date": day})
    if t.largest is not None:
        found = _largest(changed, t.largest.field, t.largest.low, proves)
        if found is None:
            return None
        values[t.largest.field], changed = found
    return Cure(prov.id, _say(t.says, values), changed, t.group)


def _largest(proposal: Proposal, name: str, low: int, proves: Proves | None) -> tuple[int, Proposal] | None:
    """The largest value of an action field, from `low` to its own, with which the action is lifted."""
    high = proposal.action.fields.get(name)
    if proves is None or not isinstance(high, int) or isinstance(high, bool) or high < low:
        return None

    def with_value(v: int) -> Proposal:
        action = Fact(type="action", fields={**proposal.action.fields, name: v}, text=proposal.action.text)
        return proposal.model_copy(update={"action": action})

    if not proves(with_value(low)):
        return None
    while low < high:
        mid = (low + high + 1) // 2
        low, high = (mid, high) if proves(with_value(mid)) else (low, mid - 1)
    return low, with_value(low)


_NAME = re.compile(r"^\{([a-z_][a-z0-9_]*)\}$")


def _typed(kind: str | None, raw: Any, values: dict[str, Any]) -> Any:
    """A field's value for a cure's fact: {name} is a computed value (an ordinal, for a date field)."""
    m = _NAME.match(raw) if isinstance(raw, str) else None
    if m is None:
        return raw
    value = values[m.group(1)]
    if kind == "date" and isinstance(value, int):
        try:
            return dt.date.fromordinal(value)
        except (ValueError, OverflowError):
            return None
    return value


class _Says(string.Formatter):
    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec == "date":
            return (
                dt.date.fromordinal(value).isoformat() if isinstance(value, int) and value > 0 else str(value)
            )
        return super().format_field(value, format_spec)


def _say(template: str, values: dict[str, Any]) -> str:
    return _Says().format(template, **values)


def _synthesized(case: Case, prov: Provision, lift: Lift) -> Cure | None:
    """Facts built from a lift's own conditions: equalities, lists, and boundaries evaluated for this case."""
    book, proposal = case.book, case.proposal
    facts: list[Fact] = []
    details: list[str] = []
    for pattern in lift.when:
        conditions = list(pattern.where)
        for dep in pattern.depending_on:
            conditions += dep.cases[str(book.value(dep.interpretation, proposal.date))]
        fields: dict[str, Any] = {}
        for cond in conditions:
            if isinstance(cond, AnyOf) or (isinstance(cond, Among) and cond.negated):
                return None
            if isinstance(cond, Compare) and cond.op == "ne":
                return None
            op = cond.op
            rhs = cond.values[0] if isinstance(cond, Among) else cond.value
            value = _evaluate(case, rhs, _is_date(book, pattern.fact, cond.field))
            if value is None:
                return None
            step: Any = dt.timedelta(days=1) if isinstance(value, dt.date) else 1
            if op in ("lt", "gt") and not isinstance(value, str):
                value = value - step if op == "lt" else value + step
            fields[cond.field] = value
            if op in ("lte", "lt", "gte", "gt") and isinstance(value, dt.date | int):
                word = {"lte": "on or before", "lt": "before", "gte": "on or after", "gt": "after"}[op]
                if isinstance(value, int):
                    word = {"lte": "at most", "lt": "under", "gte": "at least", "gt": "over"}[op]
                details.append(
                    f"{book.phrasebook.field_words(pattern.fact, cond.field)} {word} {fields[cond.field]}"
                )
        made = _fact(pattern.fact, fields, pattern.fact.replace("_", " "))
        if made is None:
            return None
        facts.append(made)
    changed = proposal.model_copy(update={"facts": proposal.facts + tuple(facts)})
    action_fields = dict(proposal.action.fields)
    for cond in lift.action_where:  # conditions on the action itself: move it to the boundary
        if not isinstance(cond, Compare) or cond.op not in ("lte", "gte", "eq"):
            return None
        value = _evaluate(case, cond.value, _is_date(book, "action", cond.field))
        if not isinstance(value, int):
            return None
        action_fields[cond.field] = value
        bound = {"lte": "at most", "gte": "at least", "eq": "exactly"}[cond.op]
        details.append(f"{book.phrasebook.field_words('action', cond.field)} {bound} {value}")
    if lift.action_where:
        action = _fact("action", action_fields, proposal.action.text)
        if action is None:
            return None
        changed = changed.model_copy(update={"action": action})
    text = lift.title
    if details:
        text += f" ({', '.join(details)})"
    return Cure(prov.id, text, changed)


def _fact(type_: str, fields: dict[str, Any], text: str) -> Fact | None:
    """A fact a cure proposes, or None where none can exist (a negative count, a date out of range): such a
    cure is not offered, never an error."""
    try:
        for value in fields.values():
            if isinstance(value, dt.date):
                check_date_bounds(value)
        return Fact(type=type_, fields=fields, text=text)
    except ValueError:  # pydantic's ValidationError is a ValueError
        return None


def _is_date(book: RuleBook, fact: str, field: str) -> bool:
    return field == "date" or book.phrasebook.facts.get(fact, {}).get(field) == "date"


def _evaluate(case: Case, expr: Expr, is_date: bool) -> Any:
    """The value of a boundary for this case, as the reference interpreter reads it (a date where the field
    compared is one), to propose a candidate. Only proposes: the engine re-evaluates every candidate."""
    if isinstance(expr, Lit) and isinstance(expr.value, str):
        return expr.value
    action = case.facts[0]  # the case's facts and parameters, computed once for all its candidates
    value = value_of(expr, case.params, action, {"action": action})
    if not isinstance(value, int):
        return value if isinstance(value, str) else None
    if is_date:
        try:
            return dt.date.fromordinal(value) if value > 0 else None
        except (ValueError, OverflowError):
            return None
    return value


def _boundary_cures(case: Case, prov: Provision, cond: Condition) -> Iterator[Cure]:
    """The nearest value of an action field that takes the action out of the provision."""
    if not isinstance(cond, Compare):
        return  # a list of names (countries) or alternatives has no nearest value on the other side
    book, proposal = case.book, case.proposal
    field, op = cond.field, cond.op
    value = _evaluate(case, cond.value, _is_date(book, "action", field))
    if not isinstance(value, int | dt.date) or isinstance(value, bool):
        return
    step: Any = dt.timedelta(days=1) if isinstance(value, dt.date) else 1
    target, side = {
        "lt": (value, "above"),
        "lte": (value + step, "above"),
        "gt": (value, "below"),
        "gte": (value - step, "below"),
    }.get(op, (None, ""))
    template = _boundary_words(book, prov, field, side)
    if target is None or template is None:
        return
    text = _say(template, {"value": target.toordinal() if isinstance(target, dt.date) else target})
    if field == "date":
        try:
            check_date_bounds(target)
        except ValueError:
            return
        yield Cure(prov.id, text, proposal.model_copy(update={"date": target}))
    else:
        action = _fact("action", {**proposal.action.fields, field: target}, proposal.action.text)
        if action is not None:  # a count below zero is no cure: the action cannot be made lawful this way
            yield Cure(prov.id, text, proposal.model_copy(update={"action": action}))


# Moving the action's day is the same in every statute; any other field's words are its pack's.
_DATE_WORDS = {"above": "act on or after {value:date}", "below": "act on or before {value:date}"}


def _boundary_words(book: RuleBook, prov: Provision, field: str, side: str) -> str | None:
    """The words for moving `field` across the boundary: the provision's, its pack's, or (the day) ours."""
    pack = next((p for p in book.packs if p.pack == book.pack_of.get(prov.id)), None)
    for table in (prov.boundaries, pack.vocabulary.boundaries if pack else {}):
        words = table.get(field, {}).get(side)  # type: ignore[call-overload]
        if words is not None:
            return words
    return _DATE_WORDS.get(side) if field == "date" else None
