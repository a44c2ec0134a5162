"""Tools for scenario writers and legal-studies exercises: steps, rules, lint, new, coverage, explore, quiz, CI formats."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from constraint_engine.cli import main
from constraint_engine.features import parse_feature_text
from constraint_engine.steps import bundled_registry
from tests.conftest import ROOT
from tests.test_vocabulary import WHEN

REDUCE = "the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to {count} for {days} days"


def run(*args: str, input: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_steps_lists_every_core_phrase_with_parameters_and_examples():
    code, text = run("steps")
    assert code == 0
    for phrase in [*WHEN, "the date is {date}", 'the action is blocked by "{citation}"']:
        assert phrase in text
    doc = json.loads(run("steps", "--format", "json")[1])
    assert doc["schema"] == "constraint-engine/steps/1"
    reduce = next(
        s for s in doc["when"] if s["phrase"] == REDUCE.replace("the Secretary of Defense", "the {actor}")
    )
    assert [p["name"] for p in reduce["parameters"]] == ["actor", "count", "days"]
    for step in bundled_registry().steps:  # every example is itself a valid use of its phrase
        assert step.regex.match(step.example), step.template


def test_rules_shows_one_provision_whole():
    code, text = run("rules", "ndaa-fy2026.1249.troop-floor")
    assert code == 0
    for part in [
        "Pub. L. 119-60, § 1249",
        "status reported",
        "the number of troops < 76,000",
        "if ndaa-fy2026.1249.dip-days is 'cumulative'",
        "Certifications by both the Secretary of Defense",
        "S14: Washington Examiner",
    ]:
        assert part in text, part
    assert run("rules", "no.such.provision")[0] == 2


def test_lint_is_clean_on_the_bundled_law_and_library():
    code, out = run("lint", str(ROOT / "rules"), str(ROOT / "scenarios"))
    assert code == 0 and out.strip().endswith("0 errors, 0 warnings")


def test_lint_reports_every_bad_step_with_its_line(tmp_path: Path):
    feature = tmp_path / "bad.feature"
    feature.write_text(
        "Feature: x\n  Scenario: a\n    Given the date is 2026-13-01\n"
        "    And the Senate gave its advice and consent with 101 of 100 Senators present concurring\n"
        "    When the President proposes to leave\n    Then the action is blocked\n"
        "  Scenario: a\n    When the President proposes to suspend the North Atlantic Treaty\n"
    )
    code, out = run("lint", str(feature))
    assert code == 2
    assert "bad.feature:3: error: '2026-13-01' is not a calendar date" in out
    assert "bad.feature:4: error: " in out and "at most 100" in out
    assert "bad.feature:5: error: undefined step" in out
    assert "bad.feature:7: warning: duplicate scenario name 'a'" in out
    assert "bad.feature:7: warning: the scenario has no Then step" in out


def test_lint_strict_fails_on_warnings_only(tmp_path: Path):
    feature = tmp_path / "nothen.feature"
    feature.write_text(
        "Feature: x\n  Scenario: a\n    When the President proposes to suspend the North Atlantic Treaty\n"
    )
    assert run("lint", str(feature))[0] == 0
    assert run("lint", "--strict", str(feature))[0] == 1


def test_lint_finds_provisions_no_rule_can_fire_and_schema_errors(tmp_path: Path):
    folder = tmp_path / "rules"
    folder.mkdir()
    for pack in (ROOT / "rules").glob("*.yaml"):
        text = pack.read_text()
        if pack.name == "ndaa-fy2026-1249.yaml":
            text = text.replace(
                "      actions: [relocate-equipment]\n",
                "      actions: [relocate-equipment]\n      actors: [President]\n",
                1,
            )
        (folder / pack.name).write_text(text)
    code, out = run("lint", str(folder))
    assert code == 0 and "ndaa-fy2026.1249.equipment: no When phrase proposes an action it applies to" in out
    (folder / "north-atlantic-treaty.yaml").write_text(
        (ROOT / "rules/north-atlantic-treaty.yaml")
        .read_text()
        .replace(
            "status: verified\n    sources: [NATO, S27, S28]\n    in_force",
            "status: sure\n    sources: [NATO, S27, S28]\n    in_force",
        )
    )
    code, out = run("lint", str(folder))
    assert (
        code == 2 and "north-atlantic-treaty.yaml:" in out and "'verified', 'reported' or 'uncertain'" in out
    )


def test_new_writes_an_outline_that_straddles_each_boundary_and_passes(tmp_path: Path):
    code, text = run("new", REDUCE)
    assert code == 0
    specs = parse_feature_text(text, "new.feature")
    rows = {(s.steps[1].text.split(" to ")[-1]) for s in specs}
    for needle in ["75,999 for 60 days", "76,000 for 60 days", "75,000 for 45 days", "75,000 for 46 days"]:
        assert needle in rows, needle
    dates = {s.steps[0].text for s in specs}
    assert {"the date is 2025-12-17", "the date is 2025-12-18"} <= dates
    path = tmp_path / "new.feature"
    path.write_text(text)
    assert run("check", str(path))[1].strip().endswith(f"{len(specs)} passed, 0 failed")
    assert "Given the Secretary of Defense certified the action" in text


def test_new_straddles_a_day_the_facts_compute_the_war_powers_sixty_day_clock(tmp_path: Path):
    # 1544(b): the use ends sixty days after the report was due (48 hours after the forces were introduced,
    # on the Given's 2026-03-01): the last permitted day is 2026-05-02, the first blocked 2026-05-03.
    wpr = str(ROOT / "examples" / "war-powers-resolution" / "rules")
    action = "the President proposes to continue the use of United States Armed Forces in the hostilities"
    code, text = run("new", "--with-rules", wpr, action)
    assert code == 0, text
    assert "| 2026-05-02 | permitted |" in text and "| 2026-05-03 | blocked   |" in text
    path = tmp_path / "new.feature"
    path.write_text(text, encoding="utf-8")
    code, out = run("check", "--with-rules", wpr, str(path))
    assert code == 0 and "0 failed" in out


def test_new_refuses_what_is_not_a_when_phrase():
    code, out = run("new", "the President proposes to leave NATO")
    assert code == 2 and "Nearest known phrase" in out


def test_coverage_of_the_bundled_library_is_complete():
    code, out = run("coverage", str(ROOT / "scenarios"), "--format", "json", "--fail-under", "100")
    assert code == 0
    doc = json.loads(out)
    assert doc["percent"] == 100.0
    floor = next(p for p in doc["provisions"] if p["id"] == "ndaa-fy2026.1249.troop-floor")
    assert floor["scenarios"] > 0 and floor["blocked"] > 0 and floor["permitted"] > 0
    assert all(b["holds"] and b["fails"] for b in floor["boundaries"])
    assert floor["exceptions"] == [
        {"id": "ndaa-fy2026.1249.certifications", "held": floor["exceptions"][0]["held"]}
    ]


def test_coverage_names_what_a_partial_library_leaves_untested():
    code, out = run(
        "coverage", str(ROOT / "scenarios/north-atlantic-treaty/article-13.feature"), "--fail-under", "100"
    )
    assert code == 1
    assert "nsa.1928f.a  22 U.S.C. 1928f(a)  [UNTOUCHED]" in out
    assert "coverage: " in out


def test_explore_finds_the_frontier_of_the_troop_floor(tmp_path: Path):
    code, out = run(
        "explore",
        REDUCE,
        "--range",
        "count=75000..77000:500",
        "--range",
        "days=44..47",
        "--given",
        "the date is 2026-05-01",
        "--format",
        "json",
        "--jobs",
        "1",
    )
    assert code == 0
    doc = json.loads(out)
    assert len(doc["points"]) == 5 * 4
    point = next(p for p in doc["points"] if p["count"] == 75500 and p["days"] == 46)
    assert point["outcome"] == "blocked" and point["blocked_by"] == ["Pub. L. 119-60, § 1249"]
    edges = {(e["axis"], e["from"][e["axis"]], e["to"][e["axis"]]) for e in doc["frontier"]}
    assert ("days", 45, 46) in edges and ("count", 75500, 76000) in edges


def test_explore_names_dates_no_provision_covers_as_candidate_loopholes():
    code, out = run(
        "explore",
        "the President proposes to relinquish the post of Supreme Allied Commander Europe",
        "--range",
        "date=2025-12-16..2025-12-19",
    )
    assert code == 0
    assert "date 2025-12-17 -> 2025-12-18: permitted -> blocked by Pub. L. 119-60, § 1249" in out
    assert "candidate loopholes): 2" in out


def test_explore_csv_and_plots(tmp_path: Path):
    code, out = run(
        "explore",
        REDUCE,
        "--range",
        "count=75000..76000:1000",
        "--range",
        "days=45..46",
        "--given",
        "the date is 2026-05-01",
        "--format",
        "csv",
        "--plot",
        str(tmp_path / "grid.png"),
    )
    assert code == 0 and out.splitlines()[0] == "count,days,outcome,blocked_by,governed_by"
    assert (tmp_path / "grid.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    run(
        "explore",
        REDUCE,
        "--range",
        "count=75000..76000:1000",
        "--range",
        "days=45..46",
        "--plot",
        str(tmp_path / "grid.svg"),
    )
    assert b"<svg" in (tmp_path / "grid.svg").read_bytes()[:500]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--range", "count=9..1"], "LO <= HI"),
        (["--range", "count=a..b"], "whole numbers"),
        (["--range", "count=1..2"], "no --range: days"),
        (["--range", "count=1..2", "--range", "days=1..2", "--range", "money=1..2"], "does not have"),
        (["--range", "count=1..2", "--range", "days=1..2", "--plot", "x.jpg"], ".png or .svg"),
    ],
)
def test_explore_bad_ranges_exit_2(args: list[str], says: str):
    code, out = run("explore", REDUCE, *args)
    assert code == 2 and says in out


def test_quiz_answers_is_the_teachers_key():
    code, out = run("quiz", str(ROOT / "scenarios/north-atlantic-treaty/article-13.feature"), "--answers")
    assert code == 0
    assert "1. A notice of denunciation on the last day before twenty years (hard case 22)" in out
    assert "blocked by North Atlantic Treaty, Art. 13" in out


def test_quiz_answers_in_json_and_a_json_quiz_is_bad_input():
    feature = str(ROOT / "scenarios/north-atlantic-treaty/article-13.feature")
    code, out = run("quiz", feature, "--answers", "--format", "json")
    _, text = run("quiz", feature, "--answers")
    doc = json.loads(out)
    assert code == 0 and doc["schema"] == "constraint-engine/quiz-key/1"
    # The same key as the text one, question by question.
    assert [f"{q['question']}. {q['name']} ({q['location']}): {q['key']}" for q in doc["questions"]] == (
        text.splitlines()
    )
    code, out = run("quiz", feature, "--format", "json")
    assert code == 2 and "Accepted: --format json with --grade or --answers" in out
    code, out = run("quiz", feature, "--answers", "--grade", "answers.csv")
    assert code == 2 and "--answers and --grade" in out


def test_quiz_scores_predictions_and_explains():
    path = ROOT / "scenarios/north-atlantic-treaty/article-13.feature"
    n = len(parse_feature_text(path.read_text(), str(path)))
    answers = "b\nNorth Atlantic Treaty, Art. 13\n" + "p\n" * (n - 1)
    code, out = run("quiz", str(path), input=answers)
    assert code == 0
    assert "Then the action" not in out  # the Then steps are the answer: never shown
    assert "Right: North Atlantic Treaty, Art. 13 is among the blocking authorities." in out
    assert "Not quite: the action is blocked." in out
    assert "Score: " in out and f" of {2 * n}" in out


def test_check_junit_and_cucumber_reports():
    folder = str(ROOT / "scenarios/north-atlantic-treaty/article-13.feature")
    code, xml = run("check", folder, "--format", "junit")
    assert code == 0
    suites = ET.fromstring(xml)
    cases = suites.findall(".//testcase")
    assert len(cases) == len(
        parse_feature_text((ROOT / "scenarios/north-atlantic-treaty/article-13.feature").read_text(), "x")
    )
    assert cases[0].find("system-out").text == "blocked by North Atlantic Treaty, Art. 13"
    code, out = run("check", folder, "--format", "cucumber")
    (feature,) = json.loads(out)
    step = feature["elements"][0]["steps"][0]
    assert (
        feature["keyword"] == "Feature"
        and step["result"]["status"] == "passed"
        and step["keyword"] == "Given "
    )


def test_check_tags_select_scenarios():
    code, out = run(
        "check", str(ROOT / "scenarios"), "--tags", "@history and not @nato-support-act", "--jobs", "1"
    )
    assert code == 0
    history = sum(
        len(parse_feature_text(p.read_text(), str(p))) for p in (ROOT / "scenarios/history").glob("*.feature")
    )
    assert out.strip().endswith(f"{history} passed, 0 failed")
    assert run("check", str(ROOT / "scenarios"), "--tags", "@(")[0] == 2


ART13 = ROOT / "scenarios/north-atlantic-treaty/article-13.feature"


def test_quiz_asks_again_until_the_answer_is_one_and_hides_the_authors_title_until_then():
    n = len(parse_feature_text(ART13.read_text(), str(ART13)))
    answers = "x\n\nb\nArt 13\n" + "p\n" * (n - 1)
    code, out = run("quiz", str(ART13), input=answers)
    assert code == 0
    assert out.count("Answer b (blocked), p (permitted) or u (undetermined).") == 2  # 'x', then a bare Enter
    question = out.split("Question 1 of")[1].split("Blocked, permitted")[0]
    assert "hard case 22" not in question  # the author's title would give the answer away
    assert (
        "give notice of denunciation under Article 13 of the North Atlantic Treaty on 1969-08-23" in question
    )
    assert "Right: Art 13 is among the blocking authorities." in out  # a lawyer's spelling of the citation
    assert (
        "The author's title: A notice of denunciation on the last day before twenty years (hard case 22)"
        in out
    )
    assert "Decisive: North Atlantic Treaty, Art. 13:" in out
    assert "Derivation" not in out  # three lines of feedback, the whole explanation only with --explain full


def test_quiz_grades_a_class_from_a_csv_in_text_and_json(tmp_path: Path):
    answers = tmp_path / "answers.csv"
    answers.write_text("question,outcome,authority\n1,b,Art 13\n2,b,22 USC 1928f(a)\n", encoding="utf-8")
    code, out = run("quiz", str(ART13), "--grade", str(answers))
    assert code == 0
    assert out.startswith("1. the President proposes to give notice of denunciation")
    assert "1969-08-23: 2/2" in out and "Not answered." in out and "Score: 2 of" in out
    code, out = run("quiz", str(ART13), "--grade", str(answers), "--format", "json")
    doc = json.loads(out)
    assert doc["schema"] == "constraint-engine/grade/1" and doc["score"] == 2
    assert [q["points"] for q in doc["questions"]][:2] == [2, 0]
    answers.write_text("question,outcome,authority\n9,b,\n", encoding="utf-8")
    code, out = run("quiz", str(ART13), "--grade", str(answers))
    assert code == 2 and f"{answers}:2: question '9' is not a question of the quiz." in out


def test_new_offers_only_hints_it_proved_and_names_rows_by_what_varies():
    code, out = run(
        "new",
        "the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to {count} for {days} days",
    )
    assert code == 0
    hint = out.split("# Exceptions that lift a block, each proven on a blocked row above")[1]
    # § 1249 needs both certifications: the hint gives both, proven together on a blocked row.
    assert "Given the Secretary of Defense certified the action" in hint
    assert "Given the Commander of United States European Command certified the action" in hint
    assert (
        "Scenario Outline: reduce United States forces in the European Command area of responsibility on <date>, count <count>, days <days>"
        in out
    )
    code, out = run(
        "new", "the {actor} proposes to withdraw the United States from the North Atlantic Treaty"
    )
    assert out.startswith("Feature: Withdraw the United States from the North Atlantic Treaty\n")
    assert "{" not in out.splitlines()[0]


def test_rules_params_shows_the_value_in_force_today_then_its_history():
    code, out = run("rules", "--params")
    assert code == 0
    block = out.split("ica.fiscal-year-end  (date)")[1].split("\n\n")[0]
    assert f"    in force on {dt.date.today()}: " in block and "    its values:" in block
    code, out = run("rules", "--params", "--as-of", "1975-01-01")
    assert "    in force on 1975-01-01: 1975-06-30" in out


def test_the_plot_names_the_blocking_authority_hatches_it_and_ticks_where_the_verdict_changes(tmp_path: Path):
    svg = tmp_path / "grid.svg"
    code, _ = run(
        "explore",
        "the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to {count} for {days} days",
        "--range",
        "count=70000..80000:250",
        "--range",
        "days=1..90",
        "--given",
        "the date is 2026-05-01",
        "--plot",
        str(svg),
    )
    assert code == 0
    text = svg.read_text(encoding="utf-8")
    assert "blocked by Pub. L. 119-60, § 1249" in text  # the legend names the authority
    assert "<pattern" in text  # the blocked region is hatched, not told by colour alone
    assert "76,000" in text and "46" in text  # ticks where the verdict changes
    assert (
        "#d55e00" in text.lower() and "#0072b2" in text.lower()
    )  # colours told apart in red-green blindness


def test_coverage_says_what_its_counts_mean_and_does_not_call_an_untouched_provision_half_tested():
    code, out = run("coverage", str(ROOT / "scenarios/north-atlantic-treaty"))
    assert code == 0
    assert out.startswith("Each provision: [covered/items] counts what the scenarios exercise of it")
    untouched = out.split("ica.withholding  2 U.S.C. 684  [UNTOUCHED]")[1].split("\n\n")[0].split("ica.")[0]
    assert "one side untested" not in untouched and "never exercised" not in untouched
    assert re.search(r"\[\d+/\d+ covered\]", out)
