"""check --jobs: worker processes give the same output, in the same order, as a serial run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from constraint_engine.cli import _PARALLEL_MIN, main


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    lines = ["Feature: many"]
    for i in range(_PARALLEL_MIN + 37):
        lines += [
            f"  Scenario: reduction {i}",
            f"    Given the date is 2026-0{1 + i % 9}-1{i % 10}",
            f"    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to {74000 + 97 * i:,} for {30 + i % 30} days",
            "    Then the action is blocked" if i % 3 else "    Then the action is permitted",
        ]
    path = tmp_path_factory.mktemp("parallel") / "many.feature"
    path.write_text("\n".join(lines) + "\n")
    return path


def _untimed(text: str) -> str:
    return re.sub(r' time="[0-9.]+"', "", text)


@pytest.mark.parametrize("fmt", ["text", "json", "junit"])
def test_jobs_2_gives_the_serial_output_in_the_same_order(many: Path, fmt: str):
    serial = CliRunner().invoke(main, ["check", str(many), "--jobs", "1", "--format", fmt])
    parallel = CliRunner().invoke(main, ["check", str(many), "--jobs", "2", "--format", fmt])
    assert serial.exit_code == parallel.exit_code == 1  # some expectations fail on purpose
    # JUnit records how long each scenario took, which no two runs share; everything else is the same.
    assert _untimed(serial.output) == _untimed(parallel.output)
    assert "reduction 0" in serial.output and f"reduction {_PARALLEL_MIN + 36}" in serial.output
