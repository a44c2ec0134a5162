"""check --jobs: worker processes give the same output, in the same order, as a serial run."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from constraint_engine.cli import main
from constraint_engine.cli.base import _PARALLEL_MIN


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


def test_workers_get_a_bounded_window_of_chunks_not_the_whole_run(monkeypatch):
    # F09: every chunk used to be submitted at once, so a 40,000-row Outline's results piled up in the parent
    # (1.42 GB). Now at most jobs x 4 chunks are in flight, and results come back as they are done.
    from concurrent.futures import ThreadPoolExecutor

    from constraint_engine import batch as running
    from constraint_engine.features import parse_feature_text
    from constraint_engine.running import Runner

    runner = Runner()
    rows = "\n".join(f"      | {n} |" for n in range(64 * 40))
    feature = (
        "Feature: f\n  Scenario Outline: w\n    Given the date is 2026-03-01\n"
        "    When the President proposes to withhold $<n> of USAI funds for 10 days\n"
        "    Examples:\n      | n |\n" + rows + "\n"
    )
    specs = parse_feature_text(feature, "f.feature", runner.registry)
    submitted: list[int] = []

    class Counting(ThreadPoolExecutor):
        def submit(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            submitted.append(1)
            return super().submit(*args, **kwargs)

    monkeypatch.setattr(running, "_WORKER", runner)
    # One thread: the engine is not thread-safe (the window is what jobs=2 asks for, whatever runs it).
    monkeypatch.setattr(running, "worker_pool", lambda jobs, options: Counting(1))
    stream = running.run_in_processes(specs, 2, {})
    first = next(stream)
    assert first.status in ("passed", "unchecked")
    assert len(submitted) <= 2 * 4  # not the 40 chunks of the run
    rest = list(stream)
    assert len(rest) + 1 == len(specs) and len(submitted) == 40


def test_a_run_past_the_streaming_size_writes_the_same_output(tmp_path: Path, monkeypatch):
    """Past STREAM_MIN scenarios a run keeps none of them (they are read again, a file at a time, as they
    run): its output is the same as when it keeps them, serial or parallel, errors in a bad file included."""
    from constraint_engine import features

    for i in range(3):
        body = "".join(
            f"  Scenario: S{i}-{j}\n    Given the date is 2026-03-{1 + j % 28:02d}\n"
            f"    When the President proposes to suspend the North Atlantic Treaty\n    Then the action is blocked\n"
            for j in range(80)
        )
        (tmp_path / f"part{i}.feature").write_text(f"Feature: part {i}\n{body}", encoding="utf-8")
    (tmp_path / "bad.feature").write_text(
        "Feature: bad\n  Scenario: s\n    Given nonsense here\n", encoding="utf-8"
    )
    runs = {}
    for stream_min in (10**9, 10):
        monkeypatch.setattr(features, "STREAM_MIN", stream_min)
        for jobs in ("1", "2"):
            result = CliRunner().invoke(main, ["check", str(tmp_path), "--jobs", jobs, "--format", "json"])
            runs[(stream_min, jobs)] = (result.exit_code, result.output)
    assert len(set(runs.values())) == 1
    assert json.loads(runs[(10, "1")][1])["summary"]["passed"] == 240
