"""Small builders shared by the unit tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from constraint_engine.facts import Fact, Proposal


def proposal(
    kind: str, date: str, *facts: tuple[str, dict[str, Any]], actor: str = "President", **fields: Any
) -> Proposal:
    return Proposal(
        date=dt.date.fromisoformat(date),
        action=Fact(type="action", fields={"kind": kind, "actor": actor, **fields}, text=f"{actor} {kind}"),
        facts=tuple(Fact(type=t, fields=f, text=t) for t, f in facts),
    )


def vote(yeas: int, present: int) -> tuple[str, dict[str, Any]]:
    return ("senate_vote", {"yeas": yeas, "present": present})


CONSULTED = ("consultation", {})
ACT = ("act_of_congress", {})


def notice(date: str) -> tuple[str, dict[str, Any]]:
    return ("notice", {"date": dt.date.fromisoformat(date)})


def cert(by: str) -> tuple[str, dict[str, Any]]:
    return ("certification", {"by": by})
