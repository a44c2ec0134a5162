"""Where speed took a shorter path than the library's own, the two give the same thing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from constraint_engine.cli import main
from constraint_engine.explaining import Derivation, Verdict
from constraint_engine.running import Runner

WITHDRAW = "the President proposes to withdraw the United States from the North Atlantic Treaty"


def test_a_brief_verdict_is_the_model_pydantic_would_construct(runner: Runner):
    case, _ = runner.case_of(["the date is 2026-03-01"], WITHDRAW)
    verdict = runner.evaluate(case, brief=True)
    assert verdict.outcome == "blocked" and verdict.blocked_by
    for made in (verdict, verdict.derivation):
        cls = type(made)
        assert cls in (Verdict, Derivation)
        reference = cls.model_construct(**{name: getattr(made, name) for name in cls.model_fields})
        assert made == reference
        assert list(made.__dict__) == list(reference.__dict__)
        assert made.model_fields_set == reference.model_fields_set
        assert (made.__pydantic_extra__, made.__pydantic_private__) == (
            reference.__pydantic_extra__,
            reference.__pydantic_private__,
        )
        assert made.model_dump() == reference.model_dump()


def test_an_interrupted_check_still_shows_every_scenario_it_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # check writes its lines a few hundred at a time: an interrupt (SIGINT is SystemExit(130) at the entry
    # point) must not lose the ones waiting.
    feature = tmp_path / "many.feature"
    feature.write_text(
        "Feature: Many\n"
        + "".join(
            f"  Scenario: S{i}\n    Given the date is 2026-03-01\n    When {WITHDRAW}\n    Then the action is blocked\n"
            for i in range(10)
        ),
        encoding="utf-8",
    )
    real = Runner.run
    calls = []

    def stopped(self: Runner, *args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 7:
            raise SystemExit(130)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Runner, "run", stopped)
    result = CliRunner().invoke(main, ["check", str(feature), "--jobs", "1"])
    assert result.exit_code == 130
    assert [line.split()[1] for line in result.output.splitlines() if line.startswith("PASS")] == [
        f"S{i}" for i in range(6)
    ]
