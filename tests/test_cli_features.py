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
        self.output = ""  # stdout and stderr, as a terminal shows them
        self.stdout = ""


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.chdir(tmp_path)
    return Run()


@given(parsers.parse('a feature file "{name}" containing:'))
def feature_file(docstring: str, name: str, run: Run) -> None:
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    Path(name).write_text(docstring + "\n", encoding="utf-8")


GOOD = """
  Scenario: A good one
    Given the date is 2026-03-01
    When the President proposes to suspend the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(a)"
"""

CONTENT = {
    "binary bytes": b"\x00\x01\x02Feature",
    "latin-1 text": "Feature: Défense\n".encode("latin-1"),
    "prose": b"This is not Gherkin at all.\n",
    "a misspelt scenario keyword": b"Feature: x\n  Scenaro: y\n    Given the date is 2026-01-01\n",
    "a misspelt step keyword": b"Feature: x\n  Scenario: y\n    Gven the date is 2026-01-01\n",
    "a step without its keyword": b"Feature: x\n  Scenario: y\n    the date is 2026-01-01\n",
    "a feature and nothing else": b"Feature: x\n  Just a description.\n",
    "a self-referring alias": b"pack: &x [*x]\n",
    "a feature after a byte-order mark": b"\xef\xbb\xbfFeature: bom\n  Scenario: s\n    Given the date is 2026-03-01\n"
    b"    When the President proposes to suspend the North Atlantic Treaty\n    Then the action is blocked\n",
}


@given(parsers.parse('a feature file "{name}" whose first scenario has the step "{step}"'))
def feature_with_step(name: str, step: str, run: Run) -> None:
    text = f"Feature: Bad input\n  Scenario: The bad one\n    Given the date is 2026-03-01\n    {step}\n"
    text += "    Then the action is blocked\n" + GOOD
    Path(name).write_text(text, encoding="utf-8")


@given(parsers.parse('a file "{name}" holding {content}'))
def raw_file(name: str, content: str, run: Run) -> None:
    Path(name).write_bytes(CONTENT[content])


@given(parsers.parse('an empty folder "{name}"'))
def empty_folder(name: str, run: Run) -> None:
    Path(name).mkdir()


@given(
    parsers.parse('a copy of the bundled rules in "{folder}" with "{old}" replaced by "{new}" in "{file}"')
)
def edited_rules(folder: str, old: str, new: str, file: str, run: Run) -> None:
    from constraint_engine.loading import default_rules_dir

    Path(folder).mkdir()
    for pack in default_rules_dir().glob("*.yaml"):
        text = pack.read_text(encoding="utf-8")
        if pack.name == file:
            assert old in text
            text = text.replace(old, new, 1)
        (Path(folder) / pack.name).write_text(text, encoding="utf-8")


@when(parsers.parse('I run "{args}" with the input "{text}"'))
def invoke_with_input(args: str, text: str, run: Run) -> None:
    result = CliRunner().invoke(main, shlex.split(args), input=text + "\n", catch_exceptions=True)
    run.exit_code, run.output, run.stdout = result.exit_code, result.output, result.stdout
    if result.exception and not isinstance(result.exception, SystemExit):
        run.output += f"\nTraceback: {result.exception!r}"


@when(parsers.parse('I run "{args}"'))
def invoke(args: str, run: Run) -> None:
    result = CliRunner().invoke(main, shlex.split(args), catch_exceptions=True)
    run.exit_code = result.exit_code
    run.output = result.output
    run.stdout = result.stdout
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


@then(parsers.parse('the output does not contain "{text}"'))
def output_lacks(text: str, run: Run) -> None:
    assert text not in run.output, run.output


@then(parsers.parse('the JSON field "{path}" is "{value}"'))
def json_field(path: str, value: str, run: Run) -> None:
    node: Any = json.loads(run.stdout)
    for part in path.split("."):
        node = node[int(part)] if isinstance(node, list) else node[part]
    assert str(node) == value


@given(
    parsers.parse(
        'a copy of the bundled rules in "{folder}" with the line "{old}" followed by "{new}" in "{file}"'
    )
)
def rules_with_line(folder: str, old: str, new: str, file: str, run: Run) -> None:
    edited_rules(folder, old, old + "\n" + new, file, run)


@then("the JSON summary adds up")
def summary_adds_up(run: Run) -> None:
    counts = json.loads(run.stdout)["summary"]
    assert counts["total"] == counts["passed"] + counts["failed"] + counts["unchecked"] + counts["errors"]


@then(parsers.parse('the Cucumber report has a failed step saying "{text}"'))
def cucumber_failed(text: str, run: Run) -> None:
    steps = [s for f in json.loads(run.stdout) for e in f["elements"] for s in e["steps"]]
    assert any(
        s["result"]["status"] == "failed" and text in s["result"].get("error_message", "") for s in steps
    )


@then(parsers.parse("the JUnit report counts {tests:d} tests with {errors:d} errors and {skipped:d} skipped"))
def junit_counts(tests: int, errors: int, skipped: int, run: Run) -> None:
    import xml.etree.ElementTree as ET

    root = ET.fromstring(run.stdout)
    cases = root.findall(".//testcase")
    assert len(cases) == tests, run.stdout
    assert sum(len(c.findall("error")) for c in cases) == errors, run.stdout
    assert sum(len(c.findall("skipped")) for c in cases) == skipped, run.stdout


@then(parsers.parse('the file "{name}" contains "{text}"'))
def file_contains(name: str, text: str, run: Run) -> None:
    assert text in Path(name).read_text(encoding="utf-8")


@then(parsers.parse('the line after the first contains "{text}"'))
def second_line(text: str, run: Run) -> None:
    lines = [line for line in run.stdout.splitlines() if line.strip()]
    # The first line is the outcome and the action (wrapped onto two lines when long).
    assert any(text in line for line in lines[1:3]), run.stdout


@given(parsers.parse('a link "{name}" to "{target}"'))
def link(name: str, target: str, run: Run) -> None:
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    Path(name).symlink_to(target)


@given(parsers.parse('a FIFO "{name}"'))
def fifo(name: str, run: Run) -> None:
    import os

    Path(name).parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(name)


@given(parsers.parse('a rule pack "{name}" of {count:d} provisions without aliases'))
def wide_rule_pack(name: str, count: int, run: Run) -> None:
    from tests.wide_packs import wide_pack

    folder = Path(name).parent / ".wide"
    wide_pack(folder, count)
    (folder / "wide.yaml").rename(name)
    folder.rmdir()


@given(parsers.parse('a rule pack "{name}" of {levels:d} levels of {width:d} aliases each'))
def alias_bomb(name: str, levels: int, width: int, run: Run) -> None:
    rows = ["l0: &l0 [" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, levels):
        rows.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]")
    Path(name).write_text("\n".join(rows) + "\n", encoding="utf-8")
