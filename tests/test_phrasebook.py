"""A statute's vocabulary is data: the loader refuses every conflict with its file and line, and a statute
written only in YAML runs beside the bundled law."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from constraint_engine.cli import main
from constraint_engine.errors import InputErrors
from constraint_engine.loading import RuleDirs, load_rulebook
from constraint_engine.steps import bundled_registry
from tests.conftest import ROOT

WPR = ROOT / "examples" / "war-powers-resolution"

HEAD = """pack: moot
title: A moot-court statute
authority: a test
sources:
  S1: {title: "t", url: "https://example.org", kind: commentary}
vocabulary:
"""


def load_errors(tmp_path: Path, vocabulary: str) -> list[str]:
    """The messages (with file:line) of loading the bundled law plus one pack with this vocabulary."""
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "moot.yaml").write_text(HEAD + vocabulary, encoding="utf-8")
    with pytest.raises(InputErrors) as caught:
        load_rulebook(RuleDirs(None, (folder,)))
    return [e.message() for e in caught.value.errors]


def line_of(tmp_path: Path, needle: str) -> int:
    text = (tmp_path / "packs" / "moot.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(text, start=1) if needle in line)


def test_an_unknown_placeholder_type_is_an_error_with_its_line(tmp_path: Path):
    errors = load_errors(
        tmp_path,
        """  phrases:
    - given: the court sat for {sittings} sessions
      meaning: m
      example: the court sat for 3 sessions
      types: {sittings: sessions}
      asserts: {fact: act_of_congress}
""",
    )
    assert len(errors) == 1
    assert f"moot.yaml:{line_of(tmp_path, 'types:')}:" in errors[0]
    assert "unknown placeholder type 'sessions' for {sittings}" in errors[0]
    assert "Accepted: one of date, count, senators, days" in errors[0]


def test_a_placeholder_without_a_type_names_the_types_accepted(tmp_path: Path):
    errors = load_errors(
        tmp_path,
        """  phrases:
    - given: the court sat for {sittings} sessions
      meaning: m
      example: the court sat for 3 sessions
      asserts: {fact: act_of_congress}
""",
    )
    assert "placeholder {sittings} has no type" in errors[0] and "types: {sittings: TYPE}" in errors[0]


def test_a_phrase_declared_twice_is_an_error_naming_the_first(tmp_path: Path):
    errors = load_errors(
        tmp_path,
        """  phrases:
    - given: Congress has declared war
      meaning: again
      asserts: {fact: war_declared}
""",
    )
    assert len(errors) == 1
    assert "the phrase 'Congress has declared war' is already declared at" in errors[0]
    assert "rules/vocabulary.yaml:" in errors[0]


def test_one_phrase_with_two_meanings_is_an_error(tmp_path: Path):
    errors = load_errors(
        tmp_path,
        """  phrases:
    - given: Congress has declared war
      meaning: an Act instead
      asserts: {fact: act_of_congress}
""",
    )
    assert "with another meaning: one phrase with two meanings" in errors[0]


def test_two_phrases_for_one_meaning_is_an_error_that_points_to_also(tmp_path: Path):
    errors = load_errors(
        tmp_path,
        """  phrases:
    - given: Congress went to war
      meaning: m
      asserts: {fact: war_declared}
""",
    )
    assert len(errors) == 1
    assert f"moot.yaml:{line_of(tmp_path, 'Congress went to war')}:" in errors[0]
    assert "states the same as 'Congress has declared war'" in errors[0]
    assert "Accepted: one phrase, with the other wording under also:" in errors[0]


def test_a_template_that_would_capture_another_phrase_is_refused(tmp_path: Path):
    errors = load_errors(
        tmp_path,
        """  facts:
    moot_hearing:
      meaning: m
      fields: {country: str}
  phrases:
    - given: the moot court heard {country}
      meaning: m
      example: the moot court heard Germany
      asserts: {fact: moot_hearing, fields: {country: "{country}"}}
    - given: the {actor} court heard Germany
      meaning: tried first, being more specific, so it would take the text above
      example: the President court heard Germany
      asserts: {fact: moot_hearing, fields: {country: Germany}}
""",
    )
    assert len(errors) == 1, errors
    assert f"moot.yaml:{line_of(tmp_path, 'the moot court heard {country}')}:" in errors[0]
    assert (
        "would also capture 'the moot court heard Germany'" in errors[0]
        and "one shadows the other" in errors[0]
    )


def test_a_general_phrase_beside_a_more_specific_one_is_not_a_conflict(tmp_path: Path):
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "moot.yaml").write_text(
        HEAD
        + """  facts:
    moot_hearing:
      meaning: m
      fields: {country: str}
  phrases:
    - given: the moot court heard {country} on appeal
      meaning: the more specific, tried first
      example: the moot court heard Germany on appeal
      asserts: {fact: moot_hearing, fields: {country: "{country}"}}
    - given: the moot court heard {country}
      meaning: m
      example: the moot court heard Germany
      asserts: {fact: moot_hearing, fields: {country: Germany}}
""",
        encoding="utf-8",
    )
    book = load_rulebook(RuleDirs(None, (folder,)))
    assert len(book.phrasebook.phrases) > 50


def test_a_field_the_fact_does_not_declare_is_an_error(tmp_path: Path):
    errors = load_errors(
        tmp_path,
        """  phrases:
    - given: the Senate voted on {date}
      meaning: m
      example: the Senate voted on 2026-03-01
      asserts: {fact: senate_vote, fields: {date: "{date}"}}
""",
    )
    assert len(errors) == 1
    assert f"moot.yaml:{line_of(tmp_path, 'asserts:')}:" in errors[0]
    assert (
        "senate_vote has no field 'date'. Accepted: fields of senate_vote: yeas, present, voting" in errors[0]
    )


def test_a_value_of_the_wrong_type_and_an_unknown_fact_are_errors(tmp_path: Path):
    errors = load_errors(
        tmp_path,
        """  phrases:
    - given: the Senate counted {count} votes on {date}
      meaning: m
      example: the Senate counted 3 votes on 2026-03-01
      asserts: {fact: senate_vote, fields: {yeas: "{date}"}}
    - given: the moot court ruled
      meaning: m
      asserts: {fact: moot_ruling}
""",
    )
    assert any("senate_vote.yeas is a int, but this gives a date" in e for e in errors), errors
    assert any("unknown fact 'moot_ruling'" in e for e in errors), errors


def test_an_example_that_breaks_its_own_requirement_is_an_error(tmp_path: Path):
    errors = load_errors(
        tmp_path,
        """  facts:
    moot_vote:
      meaning: m
      fields: {yeas: int, nays: int}
  phrases:
    - given: the bench split {yeas} to {nays}
      meaning: m
      example: the bench split 2 to 7
      types: {yeas: senators, nays: senators}
      requires:
        - that: {gte: ["{yeas}", "{nays}"]}
          message: "{yeas} to {nays} is not a majority; accepted: more yeas than nays"
      asserts: {fact: moot_vote, fields: {yeas: "{yeas}", nays: "{nays}"}}
""",
    )
    assert errors == [
        f"{tmp_path / 'packs' / 'moot.yaml'}:{line_of(tmp_path, 'example:')}: the example does not hold: 2 to 7 "
        "is not a majority; accepted: more yeas than nays. Accepted: the phrase with real values, each one its "
        "placeholder accepts"
    ]


def test_a_fact_declared_twice_and_a_rule_reading_an_undeclared_one_are_errors(tmp_path: Path):
    errors = load_errors(
        tmp_path,
        """  facts:
    senate_vote: {meaning: again}
provisions:
  - id: moot.p
    reference: M
    citation: Moot Act 1
    title: t
    text: t
    summary: s
    status: reported
    sources: [S1]
    in_force: {since: 2000-01-01}
    applies_to:
      actions: [withdraw, adjourn-court]
      with_facts: [{fact: moot_ruling}]
    cure: [c]
""",
    )
    assert any("fact 'senate_vote' is already declared at" in e and "vocabulary.yaml" in e for e in errors)
    assert any("unknown action 'adjourn-court'" in e for e in errors), errors
    assert any("unknown fact 'moot_ruling'" in e for e in errors), errors


def test_every_phrase_about_a_statute_is_declared_in_a_yaml_file_under_rules():
    result = CliRunner().invoke(main, ["steps", "--format", "json"])
    assert result.exit_code == 0
    doc = json.loads(result.output)
    engine = {s["phrase"] for s in doc["given"] if s["pack"] is None}
    assert engine == {"the date is {date}", 'the interpretation "{name}" is "{value}"'}
    for step in doc["given"] + doc["when"]:
        if step["phrase"] in engine:
            continue
        file, _, line = step["declared_at"].rpartition(":")
        assert Path(file).parent == ROOT / "rules" and Path(file).suffix == ".yaml" and int(line) > 0
        assert step["phrase"] in Path(file).read_text(encoding="utf-8")
    assert all(s["pack"] is None for s in doc["then"])  # the checks on a verdict are the engine's


def test_steps_lists_each_phrase_with_the_pack_that_declares_it():
    result = CliRunner().invoke(main, ["steps", "--with-rules", str(WPR / "rules")])
    assert result.exit_code == 0
    block = result.output.split(
        "Given United States Armed Forces were introduced into hostilities on {date}"
    )[1]
    assert "declared by rule pack war-powers-resolution (" in block.split("\n  Given ")[0]
    bundled = CliRunner().invoke(main, ["steps"]).output
    assert "war-powers" not in bundled and "declared by rule pack nato-support-act" in bundled


def test_the_example_statute_runs_beside_the_bundled_law():
    result = CliRunner().invoke(
        main, ["check", "--with-rules", str(WPR / "rules"), str(WPR / "scenarios"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["summary"]["passed"] == len(doc["scenarios"]) >= 20
    outcomes = {s["verdict"]["outcome"] for s in doc["scenarios"]}
    assert outcomes == {"blocked", "permitted", "undetermined"}
    assert not list(WPR.rglob("*.py")), "the example statute is written without Python"


def test_without_the_added_pack_its_phrases_are_unknown():
    result = CliRunner().invoke(main, ["check", str(WPR / "scenarios")])
    assert result.exit_code == 1
    assert "undefined step 'United States Armed Forces were introduced into hostilities on" in result.output
    assert result.output.rstrip().endswith("0 passed, 0 failed, 23 errors")


def test_explore_ranges_over_a_placeholder_a_given_leaves_open():
    result = CliRunner().invoke(
        main,
        [
            "explore",
            "the President proposes to withdraw the United States from the North Atlantic Treaty",
            "--given",
            "the date is 2026-03-01",
            "--given",
            "the Senate gave its advice and consent with {yeas} of 100 Senators present concurring",
            "--range",
            "yeas=60..70",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert [e["from"]["yeas"] for e in doc["frontier"]] == [66]  # two-thirds of 100 present is 67


def test_explore_refuses_a_range_over_a_name_no_step_leaves_open():
    result = CliRunner().invoke(
        main,
        [
            "explore",
            "the President proposes to withdraw the United States from the North Atlantic Treaty",
            "--range",
            "yeas=60..70",
        ],
    )
    assert result.exit_code == 2
    assert "--range names yeas, which the phrase does not have" in result.output
    assert "a Given may leave a number or a date open too" in result.output


def test_new_writes_a_skeleton_for_a_phrase_of_an_added_pack():
    result = CliRunner().invoke(
        main,
        [
            "new",
            "the President proposes to continue the use of United States Armed Forces in the hostilities",
            "--with-rules",
            str(WPR / "rules"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert (
        "Scenario Outline: continue a use of United States Armed Forces in hostilities on <date>"
        in result.output
    )
    assert re.search(r"\| 1973-11-06 \| permitted", result.output)


def test_the_bundled_registry_orders_the_more_specific_phrase_first():
    registry = bundled_registry()
    step, args = registry.find(
        "given", "United States forces in the European Command area of responsibility number 80,000"
    )
    assert step.pack == "vocabulary" and "European Command" in step.template and args == {"count": 80000}
    step, args = registry.find("given", "United States forces in Germany number 35,000")
    assert args == {"country": "Germany", "count": 35000}


def test_the_readme_counts_the_phrases_the_bundled_packs_declare():
    doc = json.loads(CliRunner().invoke(main, ["steps", "--format", "json"]).output)
    given = sum(1 for s in doc["given"] if s["pack"])
    when = sum(1 for s in doc["when"] if s["pack"])
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert f"the bundled law has {given} Given and {when} When phrases" in readme
