"""The law loads however often its modules are imported in one process (pytester, reloaders, notebooks)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_the_law_loads_and_evaluates_after_its_modules_and_yamls_are_imported_again():
    code = textwrap.dedent(
        """
        import sys
        from constraint_engine.running import Runner
        from constraint_engine.steps import ScenarioBuilder

        def verdict():
            runner = Runner()
            builder = ScenarioBuilder()
            runner.registry.apply("given", "the date is 2026-03-01", builder)
            runner.registry.apply("when", "the President proposes to suspend the North Atlantic Treaty", builder)
            return runner.evaluate(runner.case(builder)).outcome

        first = verdict()
        for name in [m for m in sys.modules if m.split(".")[0] in ("constraint_engine", "yaml")]:
            del sys.modules[name]
        from constraint_engine.running import Runner
        from constraint_engine.steps import ScenarioBuilder
        print(first, verdict())
        """
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split() == ["blocked", "blocked"]


LAW_FEATURE = """\
Feature: Law
  Scenario: Suspension without the Senate
    Given the date is 2026-03-01
    When the President proposes to suspend the North Atlantic Treaty
    Then the action is blocked
"""

OUTER = """\
pytest_plugins = "pytester"

LAW = {law!r}


def _run(pytester):
    pytester.makefile(".feature", law=LAW)
    pytester.makepyfile(test_law='from pytest_bdd import scenarios\\nscenarios("law.feature")\\n')
    result = pytester.runpytest("-p", "constraint_engine.pytest_plugin")
    result.assert_outcomes(passed=1)


def test_first(pytester):
    _run(pytester)


def test_second(pytester):
    _run(pytester)
"""


def test_the_pytester_reproduction_passes(tmp_path: Path):
    pytest.importorskip("pytest_bdd")
    (tmp_path / "test_outer.py").write_text(OUTER.format(law=LAW_FEATURE), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "2 passed" in proc.stdout
