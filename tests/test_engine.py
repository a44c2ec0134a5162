"""The engine: arithmetic, dates, stratified negation, sessions, and failing closed."""

from __future__ import annotations

import pytest

from constraint_engine.compiling import compile_rulebook
from constraint_engine.engine import Engine
from constraint_engine.loading import load_rulebook
from tests.helpers import ACT, CONSULTED, cert, notice, proposal, vote


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(compile_rulebook(load_rulebook()))


def blocks(engine: Engine, p) -> set[str]:  # type: ignore[no-untyped-def]
    ev = engine.evaluate(p)
    assert ev.outcome != "error", ev.error
    return set(ev.blocks)


@pytest.mark.parametrize(
    ("yeas", "present", "consent"),
    [
        (67, 100, True),
        (66, 100, False),
        (66, 99, True),
        (65, 98, False),
        (66, 98, True),
        (57, 86, False),  # 86 * 2 / 3 truncates to 57: the integer test must not
        (58, 86, True),
        (34, 51, True),
        (50, 50, False),  # no quorum
        (100, 100, True),
        (0, 100, False),
    ],
)
def test_two_thirds_of_senators_present_uses_exact_integers(
    engine: Engine, yeas: int, present: int, consent: bool
):
    p = proposal("withdraw", "2026-03-01", vote(yeas, present), CONSULTED, notice("2025-01-01"))
    assert ("nsa.1928f.a" not in blocks(engine, p)) is consent
    assert 3 * yeas >= 2 * present or not consent


@pytest.mark.parametrize(
    ("notice_on", "late"),
    [("2025-09-02", False), ("2025-09-03", True), ("2025-01-01", False), ("2026-03-01", True)],
)
def test_notice_must_precede_the_action_by_180_days(engine: Engine, notice_on: str, late: bool):
    p = proposal("withdraw", "2026-03-01", ACT, CONSULTED, notice(notice_on))
    assert ("nsa.1928f.c2" in blocks(engine, p)) is late


@pytest.mark.parametrize(
    ("date", "in_force"),
    [("2023-12-21", False), ("2023-12-22", True), ("2019-01-15", False), ("2030-01-01", True)],
)
def test_nato_support_act_applies_from_enactment_only(engine: Engine, date: str, in_force: bool):
    assert ({"nsa.1928f.a", "nsa.1928f.b"} <= blocks(engine, proposal("suspend", date))) is in_force


@pytest.mark.parametrize(
    ("count", "days", "blocked"),
    [(76000, 400, False), (75999, 46, True), (75999, 45, False), (75500, 44, False), (0, 46, True)],
)
def test_troop_floor_boundaries(engine: Engine, count: int, days: int, blocked: bool):
    p = proposal("reduce-eucom-forces", "2026-05-01", actor="Secretary of Defense", count=count, days=days)
    assert ("ndaa-fy2026.1249.troop-floor" in blocks(engine, p)) is blocked


def test_one_certification_is_not_enough_and_both_lift_the_floor(engine: Engine):
    base = {"actor": "Secretary of Defense", "count": 1, "days": 400}
    for certs, blocked in [
        ((), True),
        ((cert("secretary-of-defense"),), True),
        ((cert("eucom-commander"),), True),
    ]:
        p = proposal("reduce-eucom-forces", "2026-05-01", *certs, **base)
        assert ("ndaa-fy2026.1249.troop-floor" in blocks(engine, p)) is blocked
    both = proposal(
        "reduce-eucom-forces", "2026-05-01", cert("secretary-of-defense"), cert("eucom-commander"), **base
    )
    assert blocks(engine, both) == set()


def test_verdict_does_not_depend_on_whether_the_exception_is_asserted_first_or_last(engine: Engine):
    # Negation is gated: a lift asserted after the action must still cancel the block.
    facts = [vote(70, 100), CONSULTED, notice("2025-01-01")]
    forward = proposal("withdraw", "2026-03-01", *facts)
    backward = proposal("withdraw", "2026-03-01", *reversed(facts))
    assert blocks(engine, forward) == blocks(engine, backward) == set()


def test_firing_trace_records_rule_matched_facts_and_conclusion(engine: Engine):
    ev = engine.evaluate(proposal("withdraw", "2026-03-01", vote(70, 100)))
    lift = next(f for f in ev.firings if f.kind == "lift" and f.target == "nsa.exit.senate-consent")
    assert lift.rule == "lift:nsa.exit.senate-consent[senate.present=present]"
    assert lift.matched["f0"]["yeas"] == 70
    assert lift.concluded is not None
    assert {k: lift.concluded[k] for k in ("t", "lift")} == {"t": "lift", "lift": "nsa.exit.senate-consent"}
    assert {f.rule for f in ev.firings if f.kind == "block"} == {"block:nsa.1928f.c1", "block:nsa.1928f.c2"}


def test_sessions_are_deleted_so_thousands_of_evaluations_run_in_one_engine(engine: Engine):
    # durable-rules refuses more than 1,024 live sessions; each evaluation must delete its own.
    for i in range(1500):
        ev = engine.evaluate(proposal("relinquish-saceur", "2026-05-01", actor="President"))
        assert ev.outcome == "blocked", (i, ev.error)


def test_an_error_inside_a_rule_action_fails_closed(monkeypatch: pytest.MonkeyPatch):
    compiled = compile_rulebook(load_rulebook())
    engine = Engine(compiled)
    original = engine._trace.__class__

    class Exploding(original):  # type: ignore[misc, valid-type]
        @property
        def counter(self):  # type: ignore[no-untyped-def]
            raise RuntimeError("injected fault")

        @counter.setter
        def counter(self, value):  # type: ignore[no-untyped-def]
            pass

    monkeypatch.setattr("constraint_engine.engine._Trace", Exploding)
    ev = engine.evaluate(proposal("withdraw", "2026-03-01", ACT, CONSULTED, notice("2025-01-01")))
    assert ev.outcome == "error"
    assert "injected fault" in (ev.error or "")


def test_a_fact_the_engine_refuses_fails_closed(monkeypatch: pytest.MonkeyPatch):
    from durable.engine import MessageNotHandledException

    engine = Engine(compile_rulebook(load_rulebook()))

    def refuse(text):  # type: ignore[no-untyped-def]
        raise MessageNotHandledException(text)

    monkeypatch.setattr(engine._host, "assert_facts", refuse)  # the driver: the engine's seam to durable
    # Without the fault this proposal is permitted; with it, it must not be.
    ev = engine.evaluate(proposal("withdraw", "2026-03-01", ACT, CONSULTED, notice("2025-01-01")))
    assert ev.outcome == "error"
    assert "MessageNotHandledException" in (ev.error or "")


def test_facts_no_rule_considers_are_reported_not_dropped():
    from constraint_engine.loading import RuleBook

    book = load_rulebook()
    only_treaty = RuleBook(
        packs=book.packs,
        files=book.files,
        phrasebook=book.phrasebook,
        provisions={k: v for k, v in book.provisions.items() if k == "nat.art13"},
        parameters=book.parameters,
        lifts={},
        not_lifts={},
        sources=book.sources,
        pack_of=book.pack_of,
    )
    engine = Engine(compile_rulebook(only_treaty))
    ev = engine.evaluate(proposal("withdraw", "1960-01-01", vote(70, 100)))
    assert ev.outcome == "blocked"
    assert ev.ignored == ["senate_vote"]
