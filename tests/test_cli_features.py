"""The CLI's own behaviour, specified in features/*.feature and run by pytest-bdd."""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pytest_bdd import given, parsers, scenarios, then, when

from constraint_engine.cli import main

scenarios("features")


class Run:
    def __init__(self) -> None:
        self.exit_code: int | None = None
        self.output = ""


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.chdir(tmp_path)
    return Run()


@given(parsers.parse('a feature file "{name}" containing:'))
def feature_file(docstring: str, name: str, run: Run) -> None:
    Path(name).write_text(docstring + "\n", encoding="utf-8")


@when(parsers.parse('I run "{args}"'))
def invoke(args: str, run: Run) -> None:
    result = CliRunner().invoke(main, shlex.split(args), catch_exceptions=True)
    run.exit_code = result.exit_code
    run.output = result.output
    if result.exception and not isinstance(result.exception, SystemExit):
        run.output += f"\nTraceback: {result.exception!r}"


@then(parsers.parse("the exit code is {code:d}"))
def exit_code(code: int, run: Run) -> None:
    assert run.exit_code == code, run.output


@then(parsers.parse('the output contains "{text}"'))
def output_contains(text: str, run: Run) -> None:
    assert text in run.output, run.output


@then(parsers.parse('the output ends with "{text}"'))
def output_ends_with(text: str, run: Run) -> None:
    assert run.output.rstrip().endswith(text), run.output


@then("the output has no traceback")
def no_traceback(run: Run) -> None:
    assert "Traceback" not in run.output, run.output


@then(parsers.parse('the JSON field "{path}" is "{value}"'))
def json_field(path: str, value: str, run: Run) -> None:
    node: Any = json.loads(run.output)
    for part in path.split("."):
        node = node[int(part)] if isinstance(node, list) else node[part]
    assert str(node) == value
