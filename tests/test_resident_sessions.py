"""One durable-rules session is reused across evaluations: it must give exactly what fresh sessions give."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from constraint_engine import engine as engine_module
from constraint_engine.compiling import compile_rulebook
from constraint_engine.engine import Engine, Evaluation
from constraint_engine.facts import Proposal
from constraint_engine.loading import load_rulebook
from tests.strategies import proposals

COMPILED = compile_rulebook(load_rulebook())
RESIDENT = Engine(COMPILED)
FRESH = Engine(COMPILED, recycle=1)  # a new session for every evaluation, as before sessions were reused


def _all_of(ev: Evaluation) -> tuple[Any, ...]:
    """Everything an evaluation decides and records, the firings with the facts they matched."""
    firings = [(f.rule, f.kind, f.target, f.matched, f.concluded) for f in ev.firings]
    return (
        ev.outcome,
        ev.blocks,
        ev.engaged,
        ev.lifts,
        ev.not_lifts,
        ev.duties_unmet,
        ev.undetermined,
        firings,
    )


def _fresh(p: Proposal) -> Evaluation:
    return FRESH.evaluate(p)


@settings(max_examples=40, deadline=None)
@given(st.lists(proposals(), min_size=1, max_size=25))
def test_any_sequence_of_evaluations_gives_the_verdicts_of_fresh_sessions(batch: list[Proposal]):
    for p in batch:
        ev = RESIDENT.evaluate(p)
        assert ev.outcome != "error", ev.error
        assert _all_of(ev) == _all_of(_fresh(p))


def test_the_session_is_replaced_after_recycle_evaluations_and_keeps_its_answers(
    monkeypatch: pytest.MonkeyPatch,
):
    monkeypatch.setattr(engine_module, "RECYCLE", 3)
    engine = Engine(COMPILED)
    p = Proposal.model_validate(
        {
            "date": "2026-03-01",
            "action": {"type": "action", "fields": {"kind": "withdraw", "actor": "President"}},
        }
    )
    sessions = set()
    for _ in range(10):
        sessions.add(engine._sid)
        ev = engine.evaluate(p)
        assert ev.outcome == "blocked" and _all_of(ev) == _all_of(_fresh(p))
    assert len(sessions) == 4  # sessions 0..3: replaced after every third evaluation
    assert engine.hosts_discarded == 0  # recycling deletes a session; it never abandons the host


def test_a_rule_that_fires_on_retraction_is_an_error_and_the_session_is_replaced(
    monkeypatch: pytest.MonkeyPatch,
):
    engine = Engine(COMPILED)
    p = Proposal.model_validate(
        {
            "date": "2026-03-01",
            "action": {"type": "action", "fields": {"kind": "withdraw", "actor": "President"}},
        }
    )
    real = engine._host.retract_facts

    def firing_retract(text: str) -> None:  # as if a negated rule had fired when the facts went away
        real(text)
        engine._trace.firings.append(engine_module.Firing("engage:x", "engage", "x", {}, None))

    monkeypatch.setattr(engine._host, "retract_facts", firing_retract)
    ev = engine.evaluate(p)
    assert ev.outcome == "error" and "fired while the evaluation's facts were retracted" in (ev.error or "")
    assert engine.hosts_discarded == 1
    again = engine.evaluate(p)  # the new host's session is new: the next evaluation is sound
    assert again.outcome == "blocked" and _all_of(again) == _all_of(_fresh(p))


def test_an_engine_holds_one_live_session_however_many_evaluations():
    # durable-rules allows 1,024 live sessions per ruleset (the 1,025th raises MemoryError): far more
    # evaluations than that, in one engine, never come near it.
    engine = Engine(COMPILED)
    p = Proposal.model_validate(
        {
            "date": "2026-03-01",
            "action": {"type": "action", "fields": {"kind": "suspend", "actor": "President"}},
        }
    )
    for _ in range(1_500):
        assert engine.evaluate(p).outcome == "blocked"
    assert int(engine._sid) <= 1_500 // engine_module.RECYCLE + 1


def _terminate(day: str, yeas: int, present: int) -> Proposal:
    return Proposal.model_validate(
        {
            "date": day,
            "action": {"type": "action", "fields": {"kind": "terminate", "actor": "President"}},
            "facts": [{"type": "senate_vote", "fields": {"yeas": yeas, "present": present}}],
        }
    )


def test_each_day_s_law_keeps_its_own_session_and_the_answers_of_fresh_ones(monkeypatch: pytest.MonkeyPatch):
    # Days under different parameters facts, interleaved, with more of them than sessions are kept: each
    # evaluation must give what a fresh session gives (a resident parameters fact whose text durable no
    # longer held once made the Senate's consent stop lifting at random).
    monkeypatch.setattr(engine_module, "MAX_SESSIONS", 3)
    engine = Engine(COMPILED)
    days = ["2003-05-01", "2012-02-01", "2019-06-01", "2024-10-27", "2026-03-01", "2025-11-26"]
    for round_ in range(40):
        for i, day in enumerate(days):
            p = _terminate(day, 60 + (round_ + i) % 20, 77)
            [str(n) * 40 for n in range(200)]  # churn the heap between evaluations
            ev = engine.evaluate(p)
            assert ev.outcome != "error", ev.error
            assert _all_of(ev) == _all_of(_fresh(p)), (day, round_)
            assert len(engine._sessions) <= 3
    assert engine.hosts_discarded == 0
