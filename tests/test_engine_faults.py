"""The engine never crashes on valid input, and survives any engine error (issue: never a confident wrong answer).

durable-rules 2.0.28 raises error 311 when a rule reads a field a fact lacks, and deleting such a half-built
session corrupts the heap. The compiler guards every read; the adapter never deletes a failed session.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from click.testing import CliRunner

import constraint_engine.compiling as compiling
from constraint_engine import engine as engine_module
from constraint_engine.cli import main
from constraint_engine.compiling import compile_rulebook, guard_reads, matcher_depth, unguarded_reads
from constraint_engine.engine import Engine
from constraint_engine.errors import InputError
from constraint_engine.loading import load_rulebook
from tests.helpers import proposal
from tests.wide_packs import wide_pack

EXPIRY = ("funds_expiry", {"date": dt.date(2026, 9, 30)})
WITHDRAW = "the President proposes to withdraw the United States from the North Atlantic Treaty"


def _unguarded_engine() -> Engine:
    """The bundled law compiled as it was before the guards: a read of action.days a withdrawal lacks."""
    with (
        mock.patch.object(compiling, "guard_reads", lambda all_: all_),
        mock.patch.object(compiling, "unguarded_reads", lambda definition: []),
    ):
        return Engine(compile_rulebook(load_rulebook()))


def test_every_read_in_the_bundled_law_is_guarded():
    compiled = compile_rulebook(load_rulebook(), probes=True)
    assert unguarded_reads(compiled.definition) == []


def test_an_unguarded_read_is_found_and_guard_reads_guards_it():
    rule = [
        {"a": {"t": "action"}},
        {"f0": {"$and": [{"t": "special_message"}, {"$gte": {"date": {"a": "days"}}}]}},
    ]
    assert unguarded_reads({"r": {"all": rule}}) == [("r", ("a", "days"))]
    guarded = guard_reads(rule)
    assert guarded[0] == {"a": {"$and": [{"$ex": {"days": 1}}, {"t": "action"}]}}
    assert unguarded_reads({"r": {"all": guarded}}) == []


# A Given that only the Impoundment Control Act reads, beside an action it does not govern.
UNREAD_GIVEN = [
    "evaluate",
    WITHDRAW,
    "--given",
    "the date is 2026-03-01",
    "--given",
    "the funds expire on 2026-09-30",
]


def test_a_valid_given_no_provision_of_the_action_reads_is_evaluated_not_crashed():
    result = CliRunner().invoke(main, UNREAD_GIVEN)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("BLOCKED")


def test_the_same_in_a_fresh_process_exits_normally():
    # A heap corruption shows only as a signal in a process of its own.
    done = subprocess.run(
        [sys.executable, "-c", "from constraint_engine.cli import main; main()", *UNREAD_GIVEN],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_an_engine_error_is_an_error_verdict_and_the_next_evaluation_is_unharmed():
    engine = _unguarded_engine()
    bad = proposal("withdraw", "2026-03-01", EXPIRY)
    good = proposal("withdraw", "2026-03-01")
    first = engine.evaluate(bad)
    assert first.outcome == "error"
    assert "error code: 311" in (first.error or "") and "does not have" in (first.error or "")
    for _ in range(3):  # in a warm process the fault must not leak into the next verdict
        assert engine.evaluate(good).outcome == "blocked"
        assert engine.evaluate(bad).outcome == "error"
    assert engine.hosts_discarded == 4


def test_after_too_many_faults_the_engine_fails_closed_rather_than_leak(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(engine_module, "MAX_FAULTS", 3)
    engine = _unguarded_engine()
    bad = proposal("withdraw", "2026-03-01", EXPIRY)
    for _ in range(3):
        assert engine.evaluate(bad).outcome == "error"
    after = engine.evaluate(proposal("withdraw", "2026-03-01"))
    assert after.outcome == "error" and "no longer trusted" in (after.error or "")


def test_check_reports_every_scenario_when_one_hits_an_engine_error(tmp_path: Path, monkeypatch):
    import constraint_engine.law as running

    feature = tmp_path / "mixed.feature"
    feature.write_text(
        "Feature: Mixed\n"
        "  Scenario: Faulting\n    Given the date is 2026-03-01\n    And the funds expire on 2026-09-30\n"
        f"    When {WITHDRAW}\n    Then the action is blocked\n"
        "  Scenario: Fine\n    Given the date is 2026-03-01\n"
        f"    When {WITHDRAW}\n    Then the action is blocked\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(running, "_LAW", {})
    monkeypatch.setenv("CONSTRAINT_ENGINE_CACHE", "off")  # the law compiled as patched, not a cached one
    with (
        mock.patch.object(compiling, "guard_reads", lambda all_: all_),
        mock.patch.object(compiling, "unguarded_reads", lambda definition: []),
    ):
        result = CliRunner().invoke(main, ["check", str(feature), "--jobs", "1"])
    running._LAW.clear()
    assert result.exit_code == 1
    assert "ERROR Faulting" in result.output and "error code: 311" in result.output
    assert "PASS  Fine" in result.output
    assert result.output.rstrip().endswith("1 passed, 0 failed, 1 error")


def test_durables_matcher_limit_is_modelled_exactly_at_the_boundary(tmp_path: Path):
    at_limit = compile_rulebook(load_rulebook(wide_pack(tmp_path / "w64", 64)))
    assert matcher_depth(at_limit.definition)[0] == 64
    ev = Engine(at_limit).evaluate(
        proposal("reduce-korea-forces", "2026-03-01", count=10, actor="Secretary of Defense")
    )
    assert ev.outcome == "blocked" and len(ev.blocks) == 64
    with pytest.raises(InputError, match="too wide for durable-rules: one fact can meet up to 65"):
        compile_rulebook(load_rulebook(wide_pack(tmp_path / "w65", 65)))


def test_the_bundled_law_has_headroom_under_the_matcher_limit():
    depth, _ = matcher_depth(compile_rulebook(load_rulebook(), probes=True).definition)
    assert depth <= 32


def test_a_too_wide_pack_is_refused_by_check_and_lint_with_exit_2(tmp_path: Path):
    folder = wide_pack(tmp_path / "w70", 70)
    result = CliRunner().invoke(
        main,
        [
            "evaluate",
            "the Secretary of Defense proposes to reduce United States forces in the Republic of Korea to 10",
            "--rules",
            str(folder),
        ],
    )
    assert result.exit_code == 2 and "too wide for durable-rules" in result.output
    linted = CliRunner().invoke(main, ["lint", str(folder)])
    assert linted.exit_code == 2 and "wide.yaml: error: the rule packs are too wide" in linted.output
