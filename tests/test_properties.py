"""Properties every verdict keeps, over generated proposals."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

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


@st.composite
def authorization(draw, day):  # type: ignore[no-untyped-def]
    """A valid authorization: a two-thirds vote, an Act of Congress, a certification, or timely notice."""
    from constraint_engine.facts import Fact

    kind = draw(st.sampled_from(["vote", "act", "secdef", "eucom", "notice"]))
    if kind == "vote":
        present = draw(st.integers(51, 100))
        yeas = draw(st.integers(-(-2 * present // 3), present))
        return Fact(type="senate_vote", fields={"yeas": yeas, "present": present})
    if kind == "notice":
        days_before = draw(st.integers(180, 3000))
        return Fact(type="notice", fields={"date": day - dt.timedelta(days=days_before)})
    if kind == "act":
        return Fact(type="act_of_congress")
    return Fact(
        type="certification",
        fields={"by": {"secdef": "secretary-of-defense", "eucom": "eucom-commander"}[kind]},
    )


@settings(max_examples=300, deadline=None)
@given(proposals(), st.data())
def test_adding_a_valid_authorization_never_adds_a_block(p: Proposal, data):  # type: ignore[no-untyped-def]
    auth = data.draw(authorization(p.date))
    before = _verdict(p)[1]
    after = _verdict(p.model_copy(update={"facts": (*p.facts, auth)}))[1]
    assert after <= before


@settings(max_examples=300, deadline=None)
@given(proposals(), st.data())
def test_removing_an_authorization_never_removes_a_block(p: Proposal, data):  # type: ignore[no-untyped-def]
    auth = data.draw(authorization(p.date))
    with_it = p.model_copy(update={"facts": (*p.facts, auth)})
    assert _verdict(with_it)[1] <= _verdict(p)[1]


_CHILD = """
import json, sys
from constraint_engine.compiling import compile_rulebook
from constraint_engine.engine import Engine
from constraint_engine.facts import Proposal
from constraint_engine.loading import load_rulebook
engine = Engine(compile_rulebook(load_rulebook()))
for line in sys.stdin:
    ev = engine.evaluate(Proposal.model_validate_json(line))
    print(json.dumps([ev.outcome, sorted(set(ev.blocks))]))
"""


@settings(max_examples=1, deadline=None)
@given(st.lists(proposals(), min_size=60, max_size=60))
def test_the_same_input_gives_the_same_verdict_in_another_process(batch: list[Proposal]):
    child = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input="\n".join(p.model_dump_json() for p in batch),
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    theirs = [tuple(json.loads(line)) for line in child.stdout.splitlines()]
    ours = [(o, sorted(b)) for o, b in (_verdict(p) for p in batch)]
    assert [(o, list(b)) for o, b in ours] == [(o, b) for o, b in theirs]


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(_JSON, st.sampled_from(["\n", "\n    "]))
def test_the_json_writer_writes_what_the_standard_library_would(value: object, newline: str):
    from constraint_engine.render.run import indented_json

    assert indented_json(value, newline) == json.dumps(value, indent=2, ensure_ascii=False).replace(
        "\n", newline
    )
