"""Faults and signals: a killed worker loses only its own scenarios; SIGTERM and SIGINT stop the workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import constraint_engine.batch as running
from constraint_engine.cli import main

SCENARIO = """  Scenario: {name}
    Given the date is 2026-03-01
    When the President proposes to suspend the North Atlantic Treaty
    Then the action is blocked
"""


def _library(tmp_path: Path, n: int, doomed: str = "") -> Path:
    names = [f"s{i}" for i in range(n)]
    if doomed:
        names[n // 2] = doomed
    text = "Feature: Many\n" + "".join(SCENARIO.format(name=name) for name in names)
    path = tmp_path / "many.feature"
    path.write_text(text, encoding="utf-8")
    return path


_real_run_chunk = running._run_chunk


def _killing_run_chunk(specs, how):  # type: ignore[no-untyped-def]
    if any(s.name == "kill me" for s in specs):
        os.kill(os.getpid(), signal.SIGKILL)
    return _real_run_chunk(specs, how)


def test_a_worker_killed_mid_run_loses_only_its_scenarios(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(running, "_run_chunk", _killing_run_chunk)  # forked workers inherit it
    feature = _library(tmp_path, 300, doomed="kill me")
    result = CliRunner().invoke(main, ["check", str(feature), "--jobs", "2"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "ERROR kill me" in result.output and "worker died" in result.output
    chunk = running._CHUNK
    assert result.output.rstrip().endswith(f"{300 - chunk} passed, 0 failed, {chunk} errors")


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_stops_the_workers_and_exits_with_its_code(tmp_path: Path, signum: int, code: int):
    feature = _library(tmp_path, 4000)
    report = tmp_path / "run.html"
    report.write_text("the old report", encoding="utf-8")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from constraint_engine.cli import entry; entry()",
            "check",
            str(feature),
            "--jobs",
            "2",
            "--report",
            str(report),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2:
        time.sleep(0.2)
        workers = [c for c in _children(proc.pid) if c != proc.pid]
    assert workers, "the workers did not start"
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    assert "Traceback" not in err and "Aborted!" not in err
    time.sleep(0.5)
    alive = [
        w
        for w in workers
        if Path(f"/proc/{w}").exists() and "Z" not in Path(f"/proc/{w}/stat").read_text().split()[2]
    ]
    assert alive == []
    assert report.read_text() == "the old report"  # no partial report replaced it
