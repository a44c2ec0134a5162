"""Hypothesis strategies: random proposals in the core vocabulary."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from constraint_engine.facts import Fact, Proposal
from constraint_engine.names import names

ACTORS = names().actors.canonical

dates = st.dates(min_value=dt.date(1949, 8, 24), max_value=dt.date(2027, 12, 31))
treaty_kinds = st.sampled_from(["withdraw", "suspend", "terminate", "denounce", "denunciation-notice"])


@st.composite
def actions(draw: Any) -> dict[str, Any]:
    kind = draw(
        st.sampled_from(
            [
                "treaty",
                "reduce-eucom-forces",
                "relocate-equipment",
                "return-installation",
                "relinquish-saceur",
            ]
        )
    )
    if kind == "treaty":
        return {"kind": draw(treaty_kinds), "actor": draw(st.sampled_from(ACTORS))}
    if kind == "reduce-eucom-forces":
        return {
            "kind": kind,
            "actor": "Secretary of Defense",
            "count": draw(st.integers(0, 120_000)),
            "days": draw(st.integers(0, 400)),
        }
    if kind == "relocate-equipment":
        return {"kind": kind, "actor": "Secretary of Defense", "value": draw(st.integers(0, 3_000_000))}
    if kind == "return-installation":
        return {
            "kind": kind,
            "actor": "Secretary of Defense",
            "country": draw(st.sampled_from(["Germany", "Poland", "Japan"])),
        }
    return {"kind": kind, "actor": draw(st.sampled_from(ACTORS))}


@st.composite
def given_facts(draw: Any) -> list[Fact]:
    facts: list[Fact] = []
    if draw(st.booleans()):
        present = draw(st.integers(1, 100))
        facts.append(
            Fact(type="senate_vote", fields={"yeas": draw(st.integers(0, present)), "present": present})
        )
    for type_ in ["act_of_congress", "simple_resolution", "concurrent_resolution", "consultation"]:
        if draw(st.booleans()):
            facts.append(Fact(type=type_))
    if draw(st.booleans()):
        facts.append(Fact(type="notice", fields={"date": draw(dates)}))
    for by in ["secretary-of-defense", "eucom-commander"]:
        if draw(st.booleans()):
            facts.append(Fact(type="certification", fields={"by": by}))
    return facts


@st.composite
def proposals(draw: Any) -> Proposal:
    return Proposal(
        date=draw(dates), action=Fact(type="action", fields=draw(actions())), facts=tuple(draw(given_facts()))
    )
