"""The reports CI tools read validate against their published schemas (vendored in tests/data/schemas)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import xmlschema
from click.testing import CliRunner

from constraint_engine.cli import main
from tests.conftest import ROOT

SCHEMAS = ROOT / "tests" / "data" / "schemas"
MIXED = """@team
Feature: Mixed results
  A feature's description, on two
  lines.

  Scenario: Passing
    Given the date is 2026-03-01
    When the President proposes to suspend the North Atlantic Treaty
    Then the action is blocked

  Scenario: The second Then fails, the first holds
    Given the date is 2026-03-01
    When the President proposes to suspend the North Atlantic Treaty
    Then the action is blocked
    And the action is permitted

  Scenario: An invalid value
    Given the date is 2026-02-30
    When the President proposes to suspend the North Atlantic Treaty
    Then the action is blocked

  Scenario: An unknown phrase
    Given the Senate voted 60-40
    When the President proposes to suspend the North Atlantic Treaty
    Then the action is blocked

  Scenario Outline: The same name in every row
    Given the date is <date>
    When the President proposes to suspend the North Atlantic Treaty
    Then the action is blocked

    Examples:
      | date       |
      | 2026-03-01 |
      | 2026-03-02 |
"""


def _report(fmt: str, *paths: Path) -> str:
    result = CliRunner().invoke(main, ["check", *map(str, paths), "--format", fmt])
    assert result.exit_code in (0, 1), result.output
    return result.output


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("reports") / "mixed.feature"
    path.write_text(MIXED, encoding="utf-8")
    return path


def _cucumber_valid(features: list[object]) -> None:
    schema = json.loads((SCHEMAS / "canonical.json").read_text(encoding="utf-8"))
    jsonschema.validate({"implementation": "constraint-engine", "features": features}, schema)


def test_the_librarys_cucumber_report_validates():
    _cucumber_valid(json.loads(_report("cucumber", ROOT / "scenarios")))


def test_the_librarys_junit_report_validates():
    xmlschema.XMLSchema(str(SCHEMAS / "junit-10.xsd")).validate(_report("junit", ROOT / "scenarios"))


def test_a_report_of_failures_and_errors_validates_and_says_what_failed_where(mixed: Path):
    features = json.loads(_report("cucumber", mixed))
    _cucumber_valid(features)
    (feature,) = features
    assert feature["name"] == "Mixed results" and feature["keyword"] == "Feature"
    assert feature["description"] == "A feature's description, on two\nlines."
    assert feature["tags"] == [{"name": "@team", "line": 1}]
    elements = {e["name"]: e for e in feature["elements"]}
    two_thens = [s["result"]["status"] for s in elements["The second Then fails, the first holds"]["steps"]]
    assert two_thens == ["passed", "passed", "passed", "failed"]  # the failing Then, not the first
    invalid = [s["result"]["status"] for s in elements["An invalid value"]["steps"]]
    assert invalid == ["failed", "skipped", "skipped"]  # an invalid value fails; it is not undefined
    unknown = [s["result"]["status"] for s in elements["An unknown phrase"]["steps"]]
    assert unknown == ["undefined", "skipped", "skipped"]
    rows = [e for e in feature["elements"] if e["keyword"] == "Scenario Outline"]
    assert len(rows) == 2 and rows[0]["id"] != rows[1]["id"]


def test_junit_names_are_unique_and_every_case_has_a_time(mixed: Path):
    text = _report("junit", mixed)
    schema = xmlschema.XMLSchema(str(SCHEMAS / "junit-10.xsd"))
    schema.validate(text)
    doc = schema.to_dict(text)
    (suite,) = doc["testsuite"]
    names = [case["@name"] for case in suite["testcase"]]
    assert len(names) == len(set(names)) == 6
    assert "The same name in every row (line 34)" in names
    assert all("@time" in case for case in suite["testcase"]) and "@time" in suite
    lines = {p["@name"]: p["@value"] for p in suite["properties"][0]["property"]}
    assert lines["line of Passing"] == "6"


def _envelopes(*paths: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in _report("message", *paths).splitlines()]


def test_cucumber_messages_validate_envelope_by_envelope(mixed: Path):
    schema = json.loads((SCHEMAS / "cucumber-messages" / "messages.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    envelopes = _envelopes(mixed, ROOT / "scenarios" / "nato-support-act")
    for envelope in envelopes:
        errors = sorted(validator.iter_errors(envelope), key=str)
        assert not errors, (envelope, errors[0].message)
    kinds = [next(iter(e)) for e in envelopes]
    for kind in (
        "meta",
        "source",
        "gherkinDocument",
        "pickle",
        "stepDefinition",
        "testRunStarted",
        "testCase",
        "testCaseStarted",
        "testStepStarted",
        "testStepFinished",
        "testCaseFinished",
        "testRunFinished",
    ):
        assert kind in kinds, kind
    assert kinds[0] == "meta" and kinds[-1] == "testRunFinished"


def test_cucumber_messages_say_what_the_run_said(mixed: Path):
    envelopes = _envelopes(mixed)
    pickles = {e["pickle"]["id"]: e["pickle"] for e in envelopes if "pickle" in e}  # type: ignore[index]
    cases = {e["testCase"]["id"]: e["testCase"] for e in envelopes if "testCase" in e}  # type: ignore[index]
    started = {
        e["testCaseStarted"]["id"]: e["testCaseStarted"]["testCaseId"]
        for e in envelopes
        if "testCaseStarted" in e
    }  # type: ignore[index]
    steps: dict[str, list[str]] = {}
    for e in envelopes:
        if "testStepFinished" in e:
            done = e["testStepFinished"]  # type: ignore[index]
            name = pickles[cases[started[done["testCaseStartedId"]]]["pickleId"]]["name"]
            steps.setdefault(name, []).append(done["testStepResult"]["status"])
    assert steps["Passing"] == ["PASSED", "PASSED", "PASSED"]
    # Cucumber's rule: the first failing step fails, what follows it is skipped.
    assert steps["The second Then fails, the first holds"] == ["PASSED", "PASSED", "PASSED", "FAILED"]
    assert steps["An unknown phrase"] == ["UNDEFINED", "SKIPPED", "SKIPPED"]
    assert steps["An invalid value"][0] == "FAILED"
    assert [e["testRunFinished"]["success"] for e in envelopes if "testRunFinished" in e] == [False]  # type: ignore[index]
    durations = [
        e["testStepFinished"]["testStepResult"]["duration"]  # type: ignore[index]
        for e in envelopes
        if "testStepFinished" in e
    ]
    assert any(d["seconds"] or d["nanos"] for d in durations)  # measured, not zero
