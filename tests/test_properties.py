"""Properties every verdict keeps, over generated proposals."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from constraint_engine.compiling import compile_rulebook
from constraint_engine.engine import Engine
from constraint_engine.facts import Proposal
from constraint_engine.loading import load_rulebook
from tests.strategies import proposals

ENGINE = Engine(compile_rulebook(load_rulebook()))


def _verdict(p: Proposal) -> tuple[str, frozenset[str]]:
    ev = ENGINE.evaluate(p)
    assert ev.outcome != "error", ev.error
    return ev.outcome, frozenset(ev.blocks)


@settings(max_examples=300, deadline=None)
@given(proposals(), st.randoms(use_true_random=False))
def test_shuffling_the_facts_never_changes_the_verdict(p: Proposal, rnd):  # type: ignore[no-untyped-def]
    facts = list(p.facts)
    rnd.shuffle(facts)
    assert _verdict(p) == _verdict(p.model_copy(update={"facts": tuple(facts)}))


@settings(max_examples=200, deadline=None)
@given(proposals(), proposals())
def test_an_evaluation_does_not_leak_into_the_next(first: Proposal, second: Proposal):
    alone = _verdict(second)
    _verdict(first)
    assert _verdict(second) == alone
