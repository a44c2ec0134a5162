"""What would lift a block, with this case's numbers and dates, each proven by re-evaluation.

Candidates come from the provision itself: the facts that would satisfy each of its exceptions or
duties, and the boundary of each condition that brings the action under it. A candidate is offered
only if the engine, evaluating the changed proposal, no longer finds that provision blocking.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .bounds import check_date_bounds
from .cases import engine_facts
from .compiling import params_for
from .conditions import Among, AnyOf, Compare, Condition, Expr, FieldRef, Lit, references
from .engine import Adapter, Evaluation
from .facts import Fact, Proposal
from .interpreting import value_of
from .loading import RuleBook
from .models import Lift, Provision

SFRC_HFAC = "the Senate Foreign Relations Committee and the House Foreign Affairs Committee"
CERTIFIERS = {
    "secretary-of-defense": "the Secretary of Defense",
    "eucom-commander": "the Commander of U.S. European Command",
}


@dataclass(frozen=True)
class Cure:
    provision: str
    text: str
    proposal: Proposal
    group: str = ""  # alternatives, the least demanding first: only the first proven one is offered


def cures(engine: Adapter, book: RuleBook, proposal: Proposal, ev: Evaluation) -> dict[str, list[str]]:
    """For each blocking provision, the cures that re-evaluation proves would lift its block."""
    proven: dict[str, list[str]] = {}
    for pid in dict.fromkeys(ev.blocks):
        prov = book.provisions[pid]
        texts: list[str] = []
        settled: set[str] = set()
        for cure in candidates(book, prov, proposal):
            if cure.group and cure.group in settled:
                continue
            after = engine.evaluate(cure.proposal)
            # A cure lifts its block and adds none: fixing one provision by breaking another is no cure.
            lifted = (
                after.outcome != "error" and pid not in after.blocks and set(after.blocks) <= set(ev.blocks)
            )
            if lifted and cure.text not in texts:
                texts.append(cure.text)
                if cure.group:
                    settled.add(cure.group)
        proven[pid] = texts
    return proven


def candidates(book: RuleBook, prov: Provision, proposal: Proposal) -> Iterator[Cure]:
    for lift_id in prov.lifted_by:
        yield from _lift_cures(book, prov, book.lifts[lift_id], proposal)
    for cond in book.active_where(prov, proposal.date, proposal.overrides):
        yield from _boundary_cures(book, prov, cond, proposal)
    if any(p.fact == "prior_rescission_proposal" for p in prov.applies_to.with_facts):
        yield _deferral_instead(prov, proposal)


def _deferral_instead(prov: Provision, proposal: Proposal) -> Cure:
    """Funds may not be proposed for rescission twice; a deferral on a lawful ground is the other route."""
    kept = tuple(
        f
        for f in proposal.facts
        if not (f.type == "special_message" and f.fields.get("proposes") == "rescind")
    )
    added = (
        Fact(type="special_message", fields={"proposes": "defer", "date": proposal.date}, text="deferral"),
        Fact(type="deferral_ground", fields={"ground": "contingencies"}, text="contingencies"),
    )
    text = (
        "instead of proposing the rescission again, send a special message deferring the funds on a lawful "
        f"ground (such as contingencies) by {proposal.date}, ending within the fiscal year (2 U.S.C. 684)"
    )
    return Cure(prov.id, text, proposal.model_copy(update={"facts": kept + added}))


def _param(book: RuleBook, proposal: Proposal, pid: str) -> Any:
    return book.value(pid, proposal.date, proposal.overrides)


def _with_facts(proposal: Proposal, drop: str, *facts: Fact) -> Proposal:
    kept = tuple(f for f in proposal.facts if f.type != drop)
    return proposal.model_copy(update={"facts": kept + facts})


def _lift_cures(book: RuleBook, prov: Provision, lift: Lift, proposal: Proposal) -> Iterator[Cure]:
    types = [p.fact for p in lift.when]
    if types == ["senate_vote"]:
        yield _senate_cure(book, prov, proposal)
    elif types == ["notice"]:
        yield from _notice_cures(book, prov, proposal)
    elif types == ["special_message"] and _reads(lift.when[0].where, "recess_days"):
        cure = _shorter_withholding(book, prov, proposal)
        if cure is not None:
            yield cure
    elif types[:1] == ["consultation"]:
        # (c)(1): consult on or before the first written notice (with none yet, before the action).
        notices = [
            d for f in proposal.facts if f.type == "notice" and isinstance(d := f.fields["date"], dt.date)
        ]
        first = min(notices) if notices else proposal.date
        kept = tuple(f for f in proposal.facts if f.type != "consultation")
        # On the day of the notice if that counts as prior under the reading in force, else the day before.
        for by in (first, first - dt.timedelta(days=1)):
            consult = Fact(type="consultation", fields={"date": by}, text="consultation")
            text = f"consult {SFRC_HFAC} before the written notice (on or before {by})"
            yield Cure(prov.id, text, proposal.model_copy(update={"facts": (*kept, consult)}), "consultation")
    elif set(types) == {"certification"}:
        given = {f.fields.get("by") for f in proposal.facts if f.type == "certification"}
        missing = [by for by in CERTIFIERS if by not in given]
        added = tuple(
            Fact(type="certification", fields={"by": by}, text=f"{CERTIFIERS[by]} certified")
            for by in missing
        )
        names = " and ".join(CERTIFIERS[by] for by in missing)
        text = f"obtain the certification of {names}" + (" as well" if given else "")
        yield Cure(prov.id, text, proposal.model_copy(update={"facts": proposal.facts + added}))
    else:
        cure = _synthesized(book, prov, lift, proposal)
        if cure is not None:
            yield cure


def _reads(conditions: tuple[Condition, ...], name: str) -> bool:
    """Some condition reads the field `name` as a value ({field: name})."""
    return any(isinstance(r, FieldRef) and r.name == name for c in conditions for r in references(c))


def _shorter_withholding(book: RuleBook, prov: Provision, proposal: Proposal) -> Cure | None:
    """Withhold no longer than the review period: 45 days of continuous session after the rescission message.

    Each day added either counts toward the period or is a day of adjournment, so the days still allowed
    never grow with the length withheld, and the longest lawful length is found by bisection.
    """
    messages = [
        f.fields["date"]
        for f in proposal.facts
        if f.type == "special_message" and f.fields.get("proposes") == "rescind"
    ]
    days = proposal.action.fields.get("days")
    if not messages or not isinstance(days, int):
        return None
    review = int(_param(book, proposal, "ica.review-days"))

    def with_days(d: int) -> Proposal:
        action = Fact(type="action", fields={**proposal.action.fields, "days": d}, text=proposal.action.text)
        return proposal.model_copy(update={"action": action})

    def lawful(d: int) -> bool:
        p = with_days(d)
        facts = engine_facts(book.phrasebook, p, params_for(book, p.date, p.overrides))
        return any(
            f["date"] + review + f["recess_days"] >= proposal.date.toordinal() + d
            for f in facts
            if f["t"] == "special_message"
            and f.get("proposes") == "rescind"
            and isinstance(f.get("date"), int)
        )

    low, high = 0, days
    if not lawful(low):
        return None
    while low < high:  # the largest d with lawful(d)
        mid = (low + high + 1) // 2
        low, high = (mid, high) if lawful(mid) else (low, mid - 1)
    text = (
        f"release the funds within {review} days of continuous session after the special message "
        f"(withhold for at most {low} days)"
    )
    return Cure(prov.id, text, with_days(low))


_PLAIN = {
    "act_of_congress": "an Act of Congress authorizing the action (both Houses, and presented)",
    "consultation": f"consult {SFRC_HFAC} before the written notice",
}


def _synthesized(book: RuleBook, prov: Provision, lift: Lift, proposal: Proposal) -> Cure | None:
    """Facts built from a lift's own conditions: equalities, lists, and boundaries evaluated for this case."""
    facts: list[Fact] = []
    details: list[str] = []
    for pattern in lift.when:
        conditions = list(pattern.where)
        for dep in pattern.depending_on:
            conditions += dep.cases[str(book.value(dep.interpretation, proposal.date, proposal.overrides))]
        fields: dict[str, Any] = {}
        for cond in conditions:
            if isinstance(cond, AnyOf) or (isinstance(cond, Among) and cond.negated):
                return None
            if isinstance(cond, Compare) and cond.op == "ne":
                return None
            op = cond.op
            rhs = cond.values[0] if isinstance(cond, Among) else cond.value
            value = _evaluate(book, proposal, rhs, _is_date(book, pattern.fact, cond.field))
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
                details.append(f"{cond.field.replace('_', ' ')} {word} {fields[cond.field]}")
        made = _fact(pattern.fact, fields, pattern.fact.replace("_", " "))
        if made is None:
            return None
        facts.append(made)
    changed = proposal.model_copy(update={"facts": proposal.facts + tuple(facts)})
    action_fields = dict(proposal.action.fields)
    for cond in lift.action_where:  # conditions on the action itself: move it to the boundary
        if not isinstance(cond, Compare) or cond.op not in ("lte", "gte", "eq"):
            return None
        value = _evaluate(book, proposal, cond.value, _is_date(book, "action", cond.field))
        if not isinstance(value, int):
            return None
        action_fields[cond.field] = value
        bound = {"lte": "at most", "gte": "at least", "eq": "exactly"}[cond.op]
        details.append(f"{cond.field.replace('_', ' ')} {bound} {value}")
    if lift.action_where:
        action = _fact("action", action_fields, proposal.action.text)
        if action is None:
            return None
        changed = changed.model_copy(update={"action": action})
    text = _PLAIN.get(lift.when[0].fact, lift.title)
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


def _senate_cure(book: RuleBook, prov: Provision, proposal: Proposal) -> Cure:
    size = int(_param(book, proposal, "senate.size"))
    quorum = int(_param(book, proposal, "senate.quorum"))
    fraction = Fraction(_param(book, proposal, "nsa.senate-fraction"))
    votes = [f for f in proposal.facts if f.type == "senate_vote"]
    given = votes[0].fields["present"] if votes else size
    present = given if isinstance(given, int) else size
    if not quorum <= present <= size:
        present = size
    yeas = math.ceil(present * fraction)
    vote = Fact(type="senate_vote", fields={"yeas": yeas, "present": present}, text=f"{yeas} of {present}")
    text = (
        f"advice and consent of the Senate with at least {yeas} of the {present} Senators present concurring"
    )
    return Cure(prov.id, text, _with_facts(proposal, "senate_vote", vote))


def _notice_cures(book: RuleBook, prov: Provision, proposal: Proposal) -> Iterator[Cure]:
    days = int(_param(book, proposal, "nsa.notice-days"))
    deadline = proposal.date - dt.timedelta(days=days)
    notice = Fact(type="notice", fields={"date": deadline}, text=f"notice on {deadline}")
    yield Cure(
        prov.id,
        f"written notice to {SFRC_HFAC} on or before {deadline}",
        _with_facts(proposal, "notice", notice),
    )
    given = [f.fields["date"] for f in proposal.facts if f.type == "notice"]
    if given and isinstance(given[0], dt.date):
        earliest = given[0] + dt.timedelta(days=days)
        yield Cure(prov.id, f"act on or after {earliest}", proposal.model_copy(update={"date": earliest}))


def _evaluate(book: RuleBook, proposal: Proposal, expr: Expr, is_date: bool) -> Any:
    """The value of a boundary for this case, as the reference interpreter reads it (a date where the field
    compared is one), to propose a candidate. Only proposes: the engine re-evaluates every candidate."""
    if isinstance(expr, Lit) and isinstance(expr.value, str):
        return expr.value
    params = params_for(book, proposal.date, proposal.overrides)
    facts = engine_facts(book.phrasebook, proposal, params)
    value = value_of(expr, params, facts[0], {"action": facts[0]})
    if not isinstance(value, int):
        return value if isinstance(value, str) else None
    if is_date:
        try:
            return dt.date.fromordinal(value) if value > 0 else None
        except (ValueError, OverflowError):
            return None
    return value


_BOUNDARY_TEXT = {
    ("count", "above"): "keep the count at or above {v:,}",
    ("count", "below"): "withdraw or move no more than {v:,} troops",
    ("days", "below"): "keep the period below the floor to {v} days or fewer",
    ("date", "above"): "act on or after {v}",
    ("date", "below"): "act on or before {v}",
    ("value", "below"): "relocate only items worth ${v:,} or less",
    ("in_area_since", "above"): "only items that arrived in the area on or after {v}",
}


def _boundary_cures(book: RuleBook, prov: Provision, cond: Condition, proposal: Proposal) -> Iterator[Cure]:
    """The nearest value of an action field that takes the action out of the provision."""
    if not isinstance(cond, Compare):
        return  # a list of names (countries) or alternatives has no nearest value on the other side
    field, op = cond.field, cond.op
    value = _evaluate(book, proposal, cond.value, _is_date(book, "action", field))
    if not isinstance(value, int | dt.date) or isinstance(value, bool):
        return
    step: Any = dt.timedelta(days=1) if isinstance(value, dt.date) else 1
    target, side = {
        "lt": (value, "above"),
        "lte": (value + step, "above"),
        "gt": (value, "below"),
        "gte": (value - step, "below"),
    }.get(op, (None, ""))
    template = _BOUNDARY_TEXT.get((field, side))
    if target is None or template is None:
        return
    text = template.format(v=target)
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
