"""Property: for any action and any extra Given from the vocabulary, `evaluate` never dies by a signal,
never prints a traceback and never fails inside the engine: it gives a verdict or an input error (exit 2)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constraint_engine.names import names
from constraint_engine.steps import bundled_registry

ACTORS = names().actors.canonical

ROOT = Path(__file__).resolve().parent.parent

# Values for each placeholder: plausible ones, boundary ones and ones beyond every bound.
DATES = st.one_of(
    st.dates().map(str),
    st.sampled_from(["1949-08-23", "1949-08-24", "2023-12-22", "2025-12-18", "2026-09-30", "9999-12-31"]),
)
VALUES = {
    "date": DATES,
    "date2": DATES,
    "program": st.sampled_from(
        ["USAI", "European Deterrence Initiative", "baltic security initiative", "Nope"]
    ),
    "count": st.one_of(st.integers(0, 3_000_000).map("{:,}".format), st.just("99999999999999999999")),
    "days": st.integers(0, 40_000).map(str),
    "hours": st.integers(0, 1_000_000).map(str),
    "yeas": st.integers(0, 120).map(str),
    "nays": st.integers(0, 120).map(str),
    "present": st.integers(0, 120).map(str),
    "money": st.one_of(st.integers(0, 10**20).map("${:,}".format), st.just("$9223372036854775808")),
    "actor": st.sampled_from([*ACTORS, "president", "Vice President"]),
    "country": st.sampled_from(["Germany", "germany", "Deutschland", "Japan", "Atlantis", "Poland"]),
    "country2": st.sampled_from(["Poland", "Japan", "Germany", "Republic of Korea", "Narnia"]),
    "status": st.sampled_from(["met", "pending", "breached"]),
    "ground": st.sampled_from(["to provide for contingencies", "for policy reasons", "for fun"]),
    "name": st.sampled_from(["senate.present", "ndaa-fy2026.1249.dip-days", "no.such"]),
    "value": st.sampled_from(["present", "cumulative", "continuing", "nonsense"]),
    "citation": st.just("22 U.S.C. 1928f(a)"),
}
WHENS = [s for s in bundled_registry().steps if s.kind == "when"]
GIVENS = [s for s in bundled_registry().steps if s.kind == "given"]


@st.composite
def phrase(draw, step):  # type: ignore[no-untyped-def]
    return step.template.format(**{name: draw(VALUES[name]) for name in step.parameters})


@st.composite
def cases(draw):  # type: ignore[no-untyped-def]
    action = draw(phrase(draw(st.sampled_from(WHENS))))
    givens = [draw(phrase(step)) for step in draw(st.lists(st.sampled_from(GIVENS), max_size=4))]
    return action, givens


def _run_batch(batch: list[tuple[str, list[str]]]) -> list[dict]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.evaluate_batch"],
        input=json.dumps(batch),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert done.returncode == 0, f"the process died (exit {done.returncode}): {done.stderr[-2000:]}"
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(results) == len(batch)
    for r in results:
        assert not r["crashed"], r["detail"]
        assert not r["traceback"], r["args"]
        # 0: a verdict; 2: an input error. 1 would be an error verdict: an internal fault, never valid here.
        assert r["code"] in (0, 2), r
    return results


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(st.lists(cases(), min_size=40, max_size=40))
def test_evaluate_never_crashes_for_any_action_and_extra_given(batch):  # type: ignore[no-untyped-def]
    _run_batch(batch)


def test_every_action_with_every_single_given_is_evaluated_without_a_crash():
    batch = []
    for when in WHENS:
        actors = ACTORS if "{actor}" in when.template else ("",)
        for actor in actors:
            action = when.example.replace("President", actor, 1) if actor else when.example
            for extra in GIVENS:
                batch.append((action, ["the date is 2026-03-01", extra.example]))
    results = _run_batch(batch)
    assert sum(r["code"] == 0 for r in results) > len(results) // 2  # most are verdicts, not refusals
