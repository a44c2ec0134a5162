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

from .engine import Adapter, Evaluation
from .facts import Fact, Proposal
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


def cures(engine: Adapter, book: RuleBook, proposal: Proposal, ev: Evaluation) -> dict[str, list[str]]:
    """For each blocking provision, the cures that re-evaluation proves would lift its block."""
    proven: dict[str, list[str]] = {}
    for pid in dict.fromkeys(ev.blocks):
        prov = book.provisions[pid]
        texts: list[str] = []
        for cure in candidates(book, prov, proposal):
            after = engine.evaluate(cure.proposal)
            # A cure lifts its block and adds none: fixing one provision by breaking another is no cure.
            lifted = (
                after.outcome != "error" and pid not in after.blocks and set(after.blocks) <= set(ev.blocks)
            )
            if lifted and cure.text not in texts:
                texts.append(cure.text)
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
        notices = [f.fields["date"] for f in proposal.facts if f.type == "notice"]
        by = min(notices) if notices else proposal.date
        consult = Fact(type="consultation", fields={"date": by}, text="consultation")
        kept = tuple(f for f in proposal.facts if f.type != "consultation")
        text = f"consult {SFRC_HFAC} before the written notice (on or before {by})"
        yield Cure(prov.id, text, proposal.model_copy(update={"facts": (*kept, consult)}))
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


def _reads(node: Any, name: str) -> bool:
    """Some condition reads the field `name` as a value ({field: name})."""
    if isinstance(node, dict):
        return node.get("field") == name or any(_reads(v, name) for v in node.values())
    if isinstance(node, list):
        return any(_reads(v, name) for v in node)
    return False


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
        return any(
            m.toordinal() + review + p.recess_days(m) >= proposal.date.toordinal() + d
            for m in messages
            if isinstance(m, dt.date)
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
            ((name, body),) = cond.items()
            if name == "any":
                return None
            ((op, rhs),) = body.items()
            value = rhs[0] if op == "in" else _evaluate(book, proposal, rhs)
            if value is None or op in ("ne", "not_in"):
                return None
            step: Any = dt.timedelta(days=1) if isinstance(value, dt.date) else 1
            fields[name] = (
                {"lt": value - step, "gt": value + step}.get(op, value) if op in ("lt", "gt") else value
            )
            if op in ("lte", "lt", "gte", "gt") and isinstance(value, dt.date | int):
                word = {"lte": "on or before", "lt": "before", "gte": "on or after", "gt": "after"}[op]
                if isinstance(value, int):
                    word = {"lte": "at most", "lt": "under", "gte": "at least", "gt": "over"}[op]
                details.append(f"{name.replace('_', ' ')} {word} {fields[name]}")
        facts.append(Fact(type=pattern.fact, fields=fields, text=pattern.fact.replace("_", " ")))
    changed = proposal.model_copy(update={"facts": proposal.facts + tuple(facts)})
    action_fields = dict(proposal.action.fields)
    for cond in lift.action_where:  # conditions on the action itself: move it to the boundary
        ((name, body),) = cond.items()
        ((op, rhs),) = body.items() if name != "any" else (("", None),)
        value = _evaluate(book, proposal, rhs)
        if op not in ("lte", "gte", "eq") or not isinstance(value, int):
            return None
        action_fields[name] = value
        details.append(
            f"{name.replace('_', ' ')} {dict(lte='at most', gte='at least', eq='exactly')[op]} {value}"
        )
    if lift.action_where:
        action = Fact(type="action", fields=action_fields, text=proposal.action.text)
        changed = changed.model_copy(update={"action": action})
    text = _PLAIN.get(lift.when[0].fact, lift.title)
    if details:
        text += f" ({', '.join(details)})"
    return Cure(prov.id, text, changed)


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


def _evaluate(book: RuleBook, proposal: Proposal, expr: Any) -> Any:
    """The value of a simple boundary (literal, parameter, action field, + or -), to propose a candidate.

    Only proposes: the engine re-evaluates every candidate, so this never decides a verdict.
    """
    if isinstance(expr, bool | list):
        return None
    if isinstance(expr, int | dt.date | str):
        return expr
    if not isinstance(expr, dict):
        return None
    if set(expr) == {"param"}:
        value = _param(book, proposal, expr["param"])
        return value if isinstance(value, int | dt.date) else None
    if set(expr) <= {"field", "fact"} and "field" in expr and expr.get("fact", "action") == "action":
        # The action's fields, and those the scenario's facts give it (baselines), as the engine sees them.
        fields = {**proposal.action_context(), **proposal.action.fields, "date": proposal.date}
        value = fields.get(expr["field"], 0 if expr["field"] == "prior_days" else None)
        return value if isinstance(value, int | dt.date) else None
    if len(expr) == 1 and next(iter(expr)) in ("add", "sub"):
        ((op, args),) = expr.items()
        left, right = _evaluate(book, proposal, args[0]), _evaluate(book, proposal, args[1])
        if isinstance(left, int) and isinstance(right, int):
            return left + right if op == "add" else left - right
        if isinstance(left, dt.date) and isinstance(right, int):
            return left + dt.timedelta(days=right if op == "add" else -right)
        if isinstance(left, dt.date) and isinstance(right, dt.date) and op == "sub":
            return (left - right).days
    return None


_BOUNDARY_TEXT = {
    ("count", "above"): "keep the count at or above {v:,}",
    ("count", "below"): "withdraw or move no more than {v:,} troops",
    ("days", "below"): "keep the period below the floor to {v} days or fewer",
    ("date", "above"): "act on or after {v}",
    ("date", "below"): "act on or before {v}",
    ("value", "below"): "relocate only items worth ${v:,} or less",
    ("in_area_since", "above"): "only items that arrived in the area on or after {v}",
}


def _boundary_cures(
    book: RuleBook, prov: Provision, cond: dict[str, Any], proposal: Proposal
) -> Iterator[Cure]:
    """The nearest value of an action field that takes the action out of the provision."""
    ((field, body),) = cond.items()
    if field == "any":
        return
    ((op, rhs),) = body.items()
    value = _evaluate(book, proposal, rhs)
    if not isinstance(value, int | dt.date) or isinstance(value, bool):
        return  # a name (a country) has no nearest value on the other side
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
        yield Cure(prov.id, text, proposal.model_copy(update={"date": target}))
    else:
        action = Fact(
            type="action", fields={**proposal.action.fields, field: target}, text=proposal.action.text
        )
        yield Cure(prov.id, text, proposal.model_copy(update={"action": action}))
