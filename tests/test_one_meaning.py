"""One meaning of the law: the typed condition tree, the reference interpreter that guards every engine, and
one verdict per scenario whatever the format."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from constraint_engine import compiling
from constraint_engine.cli import main
from constraint_engine.compiling import compile_rulebook
from constraint_engine.conditions import Among, AnyOf, Arith, Compare, FieldRef, Lit, Param, parse_condition
from constraint_engine.explaining import Verdict, verdict_words
from constraint_engine.interpreting import Interpreter
from constraint_engine.loading import load_rulebook

ROOT = Path(__file__).resolve().parents[1]

# The smallest pack that showed durable-rules dropping a condition: a `not_in` of two names written before a
# comparison with a parameter (Arms Export Control Act § 36(b), as a law teacher first encoded it).
AECA = """\
pack: aeca-mini
title: Mini AECA
authority: a test pack
sources:
  S1: {title: "test", url: "https://example.org", kind: commentary}
vocabulary:
  actions:
    sell-mde: {meaning: sell major defense equipment}
  phrases:
    - when: the President proposes to sell {money} of major defense equipment to {country}
      meaning: A sale.
      example: the President proposes to sell $1 of major defense equipment to Saudi Arabia
      proposes: {kind: sell-mde, actor: President, value: "{money}", country: "{country}"}
parameters:
  - id: aeca.threshold
    title: threshold
    unit: dollars
    values:
      - {since: 2000-01-01, value: 14000000, status: verified, sources: [S1]}
provisions:
  - id: aeca.36b
    reference: X
    citation: Mini Act sec. 1
    title: t
    text: t
    summary: s
    status: reported
    sources: [S1]
    in_force: {since: 2000-01-01}
    parameters: [aeca.threshold]
    applies_to:
      actions: [sell-mde]
      actors: [President]
      where:
WHERE
    cure: [sell less]
"""
NOT_IN = "        - country: {not_in: [Japan, Australia]}"
AT_LEAST = "        - value: {gte: {param: aeca.threshold}}"
LITERAL_SUM = "        - value: {ne: {add: [1, 2]}}"

SALES = """\
Feature: sales
  Scenario: one dollar to Saudi Arabia
    Given the date is 2026-03-01
    When the President proposes to sell $1 of major defense equipment to Saudi Arabia
    Then the action is permitted
  Scenario: twenty million to Saudi Arabia
    Given the date is 2026-03-01
    When the President proposes to sell $20,000,000 of major defense equipment to Saudi Arabia
    Then the action is blocked
  Scenario: twenty million to Japan
    Given the date is 2026-03-01
    When the President proposes to sell $20,000,000 of major defense equipment to Japan
    Then the action is permitted
"""


def _aeca(tmp_path: Path, *where: str) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "aeca.yaml").write_text(AECA.replace("WHERE", "\n".join(where)), encoding="utf-8")
    (tmp_path / "sales.feature").write_text(SALES, encoding="utf-8")
    return folder


@pytest.mark.parametrize("order", ["not_in first", "parameter first"])
@pytest.mark.parametrize("engine", ["durable", "clips", "both"])
def test_a_list_of_names_before_a_parameter_test_keeps_the_test(tmp_path: Path, order: str, engine: str):
    where = (NOT_IN, AT_LEAST) if order == "not_in first" else (AT_LEAST, NOT_IN)
    rules = _aeca(tmp_path, *where)
    result = CliRunner().invoke(
        main, ["check", "--rules", str(rules), "--engine", engine, str(tmp_path / "sales.feature")]
    )
    assert result.exit_code == 0, result.output
    assert "3 passed, 0 failed" in result.output


def test_arithmetic_of_literals_means_its_value(tmp_path: Path):
    # durable-rules never held `value != 1 + 2`; the compiler computes such a term.
    rules = _aeca(tmp_path, LITERAL_SUM)
    result = CliRunner().invoke(
        main,
        [
            "evaluate",
            "--rules",
            str(rules),
            "the President proposes to sell $1 of major defense equipment to Japan",
        ],
    )
    assert "BLOCKED" in result.output, result.output


def _walk(node: Any, inside: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    out = [(inside, node)]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _walk(v, (*inside, k))
    elif isinstance(node, list):
        for v in node:
            out += _walk(v, inside)
    return out


def test_the_compiler_never_emits_a_shape_durable_rules_mis_evaluates(tmp_path: Path):
    books = [load_rulebook(), load_rulebook(_aeca(tmp_path, NOT_IN, AT_LEAST, LITERAL_SUM))]
    for book in books:
        for rule_id, body in compile_rulebook(book, probes=True).definition.items():
            for pattern in body["all"]:
                ((_, condition),) = pattern.items()
                items = condition.get("$and", [condition])
                assert not any("$and" in item for item in items), f"{rule_id}: a nested $and"
                ors = [i for i, item in enumerate(items) if "$or" in item]
                refs = [i for i, item in enumerate(items) if compiling._has_ref(item)]
                assert not ors or not refs or max(refs) < min(ors), f"{rule_id}: a read after an $or"
                if any(compiling._other_facts_read(item) for item in items):
                    assert compiling.is_sentinel(items[max(refs)]), f"{rule_id}: no sentinel after the reads"
                for _path, node in _walk(condition):
                    if isinstance(node, dict) and set(node) == {"$l", "$r"}:
                        assert not (isinstance(node["$l"], int) and isinstance(node["$r"], int)), rule_id


def test_a_disagreement_with_the_reference_is_an_error_never_a_verdict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    rules = _aeca(tmp_path, NOT_IN, AT_LEAST)

    def nested(items: list[dict[str, Any]]) -> dict[str, Any]:  # the shape the compiler used to emit
        return items[0] if len(items) == 1 else {"$and": items}

    monkeypatch.setattr(compiling, "_both", nested)
    monkeypatch.setenv("CONSTRAINT_ENGINE_CACHE", "off")  # the law compiled as patched, not a cached one
    result = CliRunner().invoke(main, ["check", "--rules", str(rules), str(tmp_path / "sales.feature")])
    assert result.exit_code == 1
    assert "ERROR one dollar to Saudi Arabia" in result.output
    assert "the engine and the law's reference reading disagree" in result.output
    assert "one dollar to Saudi Arabia" not in result.output.split("ERROR")[0]  # never shown as a verdict


# -- the typed tree and the interpreter ----------------------------------------------------------------------


def test_a_condition_is_parsed_once_into_its_tree():
    cond = parse_condition(
        {
            "any": [
                {"count": {"lt": {"sub": [{"field": "x"}, {"param": "p"}]}}},
                {"country": {"not_in": ["Japan", "Israel"]}},
            ]
        }
    )
    assert cond == AnyOf(
        (
            Compare("count", "lt", Arith("sub", FieldRef("x"), Param("p"))),
            Among("country", (Lit("Japan"), Lit("Israel")), negated=True),
        )
    )
    with pytest.raises(ValueError, match=r"condition.any\[0\].count: unknown comparison 'below'"):
        parse_condition({"any": [{"count": {"below": 3}}]})


def test_rules_json_shows_conditions_as_the_pack_wrote_them():
    result = CliRunner().invoke(main, ["rules", "ndaa-fy2026.1249.troop-floor", "--format", "json"])
    assert result.exit_code == 0, result.output
    text = json.dumps(json.loads(result.output))
    assert '"param": "ndaa-fy2026.1249.troop-floor"' in text


def test_the_interpreter_reads_a_missing_field_as_no_value():
    book = load_rulebook()
    interp = Interpreter(book)
    compiled = compile_rulebook(book)
    params = compiled.params_fact(dt.date(2026, 3, 1))
    day = dt.date(2026, 3, 1).toordinal()
    action = {
        "t": "action",
        "kind": "reduce-eucom-forces",
        "actor": "Secretary of Defense",
        "date": day,
        "count": 60_000,
        "days": 90,
    }
    reading = interp.read(params, [action])
    # Without the area's baseline the floor cannot be decided, and is not engaged either.
    assert "ndaa-fy2026.1249.troop-floor" in reading.undecided | reading.engaged


# -- one verdict in every format ----------------------------------------------------------------------------

BREACHED = """\
Feature: A floor already breached
  Scenario: EUCOM already below its floor
    Given the date is 2026-05-16
    And United States forces in the European Command area of responsibility number 75,999
    When the Secretary of Defense proposes to withdraw 1 United States troops from Germany for 120 days
    Then the action is blocked
"""


def _by_format(path: Path) -> dict[str, Any]:
    """Each format's exit code and, per scenario (file name, line), what it reports."""
    runs = {fmt: CliRunner().invoke(main, ["check", "--format", fmt, str(path)]) for fmt in FORMATS}
    out: dict[str, Any] = {fmt: {"code": r.exit_code} for fmt, r in runs.items()}
    words: dict[tuple[str, int], str] = {}
    current: tuple[str, int] | None = None
    for line in runs["text"].output.splitlines():
        if line.split(" ", 1)[0] in ("PASS", "FAIL", "ERROR", "UNCHECKED") and ":" in line:
            file, _, num = line.rsplit("  ", 1)[-1].rpartition(":")
            current = (str(Path(file).resolve()), int(num))
        elif line.startswith("      -> ") and current is not None:
            words[current] = line.removeprefix("      -> ")
    out["text"]["words"] = words
    scenarios = json.loads(runs["json"].output)["scenarios"]
    out["json"]["status"] = {(str(Path(s["file"]).resolve()), s["line"]): s["status"] for s in scenarios}
    out["json"]["words"] = {
        (str(Path(s["file"]).resolve()), s["line"]): verdict_words(Verdict.model_validate(s["verdict"]))
        for s in scenarios
        if s["verdict"] is not None
    }
    cucumber = {}
    for feature in json.loads(runs["cucumber"].output):
        for el in feature["elements"]:
            steps = [st["result"]["status"] for st in el["steps"]]
            cucumber[(str(Path(feature["uri"]).resolve()), el["line"])] = (
                "failed" if "failed" in steps else "passed" if all(x == "passed" for x in steps) else "other"
            )
    out["cucumber"]["status"] = cucumber
    junit = []
    for case in ET.fromstring(runs["junit"].output).iter("testcase"):
        kinds = [child.tag for child in case if child.tag in ("failure", "error", "skipped")]
        junit.append(kinds[0] if kinds else "passed")
    out["junit"]["status"] = sorted(junit)
    return out


FORMATS = ("text", "json", "junit", "cucumber")


def test_a_breached_floor_has_one_verdict_in_every_format(tmp_path: Path):
    feature = tmp_path / "floor.feature"
    feature.write_text(BREACHED, encoding="utf-8")
    codes = {}
    for fmt in ("text", "json", "junit", "cucumber"):
        result = CliRunner().invoke(main, ["check", "--format", fmt, str(feature)])
        codes[fmt] = result.exit_code
        assert "internal error" not in result.output and "ValidationError" not in result.output, fmt
    report = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["check", "--report", str(report), str(feature)])
    codes["report"] = result.exit_code
    assert "internal error" not in report.read_text(encoding="utf-8")
    assert set(codes.values()) == {0}, codes
    verdict = json.loads(CliRunner().invoke(main, ["check", "--format", "json", str(feature)]).output)
    assert verdict["scenarios"][0]["verdict"]["outcome"] == "blocked"


def test_a_breached_floor_has_the_same_verdict_in_the_api():
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from constraint_engine.running import Runner
    from constraint_engine.web import create_app

    client = TestClient(create_app(Runner()), base_url="http://127.0.0.1")
    response = client.post("/api/check", json={"feature": BREACHED})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["scenarios"][0]["status"] == "passed"
    assert body["scenarios"][0]["verdict"]["outcome"] == "blocked"


@pytest.mark.parametrize("path", ["scenarios", "tests/data/golden/generated.feature"])
def test_every_scenario_has_one_verdict_in_every_format(path: str):
    seen = _by_format(ROOT / path)
    assert len({seen[fmt]["code"] for fmt in FORMATS}) == 1, {fmt: seen[fmt]["code"] for fmt in FORMATS}
    # The same outcome, blocks, duties and readings, in the same words, in text and in JSON.
    assert seen["text"]["words"] == seen["json"]["words"]
    statuses = seen["json"]["status"]
    for key, status in statuses.items():
        expected = {"passed": "passed", "failed": "failed"}.get(status, "other")
        assert seen["cucumber"]["status"][key] == expected, key
    junit = {"passed": "passed", "failed": "failure", "error": "error", "unchecked": "skipped"}
    assert seen["junit"]["status"] == sorted(junit[s] for s in statuses.values())


def test_diff_lists_a_duty_that_turns_breached():
    result = CliRunner().invoke(
        main,
        [
            "diff",
            "--set",
            "ndaa-fy2026.ukraine-intel.notice-hours=1",
            str(ROOT / "scenarios/ndaa-fy2026-ukraine"),
        ],
    )
    assert result.exit_code == 1, result.output
    assert "Notified 48 hours after the curtailment" in result.output
    assert "is now breached (was met)" in result.output


@pytest.mark.parametrize("option", ["--set", "--assume"])
def test_a_name_given_twice_is_a_usage_error_naming_both_values(option: str):
    name = "nsa.notice-days" if option == "--set" else "senate.present"
    values = ("90", "120") if option == "--set" else ("present", "present-and-voting")
    result = CliRunner().invoke(
        main,
        [
            "check",
            option,
            f"{name}={values[0]}",
            option,
            f"{name}={values[1]}",
            str(ROOT / "scenarios/north-atlantic-treaty"),
        ],
    )
    assert result.exit_code == 2
    assert f"{name} is given twice, as '{values[0]}' and as '{values[1]}'" in result.output


def test_coverage_runs_on_the_engine_chosen():
    pytest.importorskip("clips")
    code = (
        "import sys, constraint_engine.engine as e\n"
        "e.durable_rules_engine = None\n"  # as where durable-rules cannot be imported
        "from constraint_engine.cli import entry\n"
        "sys.argv = ['constraint-engine', 'coverage', '--engine', 'clips', 'scenarios/north-atlantic-treaty']\n"
        "entry()\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "%" in proc.stdout
