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

from .engine import Engine, Evaluation
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


def cures(engine: Engine, book: RuleBook, proposal: Proposal, ev: Evaluation) -> dict[str, list[str]]:
    """For each blocking provision, the cures that re-evaluation proves would lift its block."""
    proven: dict[str, list[str]] = {}
    for pid in dict.fromkeys(ev.blocks):
        prov = book.provisions[pid]
        texts: list[str] = []
        for cure in candidates(book, prov, proposal):
            after = engine.evaluate(cure.proposal)
            if after.outcome != "error" and pid not in after.blocks and cure.text not in texts:
                texts.append(cure.text)
        proven[pid] = texts
    return proven


def candidates(book: RuleBook, prov: Provision, proposal: Proposal) -> Iterator[Cure]:
    for lift_id in prov.lifted_by:
        yield from _lift_cures(book, prov, book.lifts[lift_id], proposal)
    for cond in prov.applies_to.where:
        yield from _boundary_cures(book, prov, cond, proposal)


def _param(book: RuleBook, proposal: Proposal, pid: str) -> Any:
    if pid in proposal.overrides:
        return proposal.overrides[pid]
    return book.parameters[pid].value_on(proposal.date)


def _with_facts(proposal: Proposal, drop: str, *facts: Fact) -> Proposal:
    kept = tuple(f for f in proposal.facts if f.type != drop)
    return proposal.model_copy(update={"facts": kept + facts})


def _lift_cures(book: RuleBook, prov: Provision, lift: Lift, proposal: Proposal) -> Iterator[Cure]:
    types = [p.fact for p in lift.when]
    if types == ["senate_vote"]:
        yield _senate_cure(book, prov, proposal)
    elif types == ["notice"]:
        yield from _notice_cures(book, prov, proposal)
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
        facts = tuple(Fact(type=t, text=t.replace("_", " ")) for t in types)
        text = {
            "act_of_congress": "an Act of Congress authorizing the action (both Houses, and presented)",
            "consultation": f"consult {SFRC_HFAC} before the written notice",
        }.get(types[0], lift.title)
        yield Cure(prov.id, text, proposal.model_copy(update={"facts": proposal.facts + facts}))


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


_BOUNDARY_TEXT = {
    ("count", "above"): "keep the count at or above {v:,}",
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
    if not (isinstance(rhs, dict) and set(rhs) == {"param"}):
        return
    value = _param(book, proposal, rhs["param"])
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
