"""Two engines, one law: CLIPS confirms durable-rules, and any difference is an error, never one answer."""

from __future__ import annotations

import copy
import datetime as dt
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from constraint_engine import engine as engine_module
from constraint_engine.cli import main
from constraint_engine.clips_engine import ClipsEngine
from constraint_engine.compiling import compile_rulebook
from constraint_engine.engine import Engine
from constraint_engine.engines import BothEngines, decided
from constraint_engine.errors import InputError
from constraint_engine.facts import Proposal
from constraint_engine.loading import load_rulebook
from tests.conftest import ROOT

COMPILED = compile_rulebook(load_rulebook())


def test_the_library_is_green_with_both_engines():
    result = CliRunner().invoke(main, ["check", "--engine", "both", str(ROOT / "scenarios")])
    assert result.exit_code == 0 and result.output.rstrip().endswith("215 passed, 0 failed")


def test_5000_generated_scenarios_get_the_same_answer_from_both_engines(tmp_path: Path):
    generated = tmp_path / "generated.feature"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "yardstick" / "gen_scenarios.py"), "5000", str(generated)],
        check=True,
    )
    result = CliRunner().invoke(main, ["check", "--engine", "both", str(generated), "--format", "json"])
    doc = json.loads(result.output)
    assert len(doc["scenarios"]) == 5000
    errors = [s["messages"] for s in doc["scenarios"] if s["status"] == "error"]
    assert errors == []  # an unchecked scenario has a verdict both engines gave alike


def test_every_boundary_of_the_bench_generator_agrees_evaluation_by_evaluation():
    sys.path.insert(0, str(ROOT / "bench"))
    import run as bench  # type: ignore[import-not-found]

    durable, clips = Engine(COMPILED), ClipsEngine(COMPILED)
    rnd = random.Random(2026)
    for _ in range(1000):
        p = bench.proposal_of(bench.random_scenario(rnd), dt.date(2026, 11, 27))
        assert decided(durable.evaluate(p)) == decided(clips.evaluate(p)), p


def test_a_deliberate_difference_is_an_error_that_shows_both_answers():
    altered = copy.deepcopy(COMPILED)
    # The floor rule of § 1249, changed for CLIPS alone: it now engages only above a million troops.
    rule = next(r for r in altered.definition if r.startswith("engage:ndaa-fy2026.1249.troop-floor"))
    altered.definition[rule] = {"all": [{"a": {"$and": [{"t": "action"}, {"$gt": {"count": 1_000_000}}]}}]}
    both = BothEngines(Engine(COMPILED), ClipsEngine(altered))
    p = Proposal.model_validate(
        {
            "date": "2026-03-01",
            "action": {
                "type": "action",
                "fields": {
                    "kind": "reduce-eucom-forces",
                    "actor": "Secretary of Defense",
                    "count": 60000,
                    "days": 90,
                },
            },
        }
    )
    ev = both.evaluate(p)
    assert ev.outcome == "error"
    assert ev.error is not None and ev.error.startswith("the two engines disagree, so no verdict is given:")
    assert "outcome: durable-rules blocked, CLIPS permitted" in ev.error
    assert "blocks: durable-rules ndaa-fy2026.1249.troop-floor, CLIPS none" in ev.error


def test_without_durable_rules_the_error_names_the_clips_engine(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(engine_module, "durable_rules_engine", None)
    monkeypatch.setattr(engine_module, "DURABLE_MISSING", "undefined symbol: PyEval_CallObject")
    with pytest.raises(InputError) as caught:
        Engine(COMPILED)
    assert "--engine clips" in caught.value.message() and "PyEval_CallObject" in caught.value.message()
