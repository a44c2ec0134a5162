"""Every Gherkin dialect: the keywords follow the file's `# language:`, the phrases stay English."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from gherkin.dialect import DIALECTS, Dialect
from gherkin.parser import Parser
from gherkin.pickles.compiler import Compiler
from gherkin.token_scanner import TokenScanner

from constraint_engine.cli import main
from constraint_engine.features import _misspellings, parse_feature
from tests.conftest import OPT_IN, ROOT

DATA = ROOT / "tests" / "data" / "dialects"


def _keyword(keywords: list[str], text: str, everyone: list[str]) -> str:
    """A keyword that Gherkin will read back as such before this text (Old English has "Tha the ", so
    "Tha the action is blocked" would lose its "the")."""
    return next(
        k
        for k in keywords
        if k.strip() != "*" and not any(len(o) > len(k) and (k + text).startswith(o) for o in everyone)
    )


def _scenario_in(name: str) -> str:
    d = Dialect.for_name(name)
    assert d is not None
    every = [*d.given_keywords, *d.when_keywords, *d.then_keywords, *d.and_keywords, *d.but_keywords]
    given, when = (
        "the date is 2026-03-01",
        "the President proposes to withdraw the United States from the North Atlantic Treaty",
    )
    then = 'the action is blocked by "22 U.S.C. 1928f(a)"'
    return (
        f"# language: {name}\n"
        f"{d.feature_keywords[0]}: The law in {name}\n"
        f"  {d.scenario_keywords[0]}: A withdrawal without Congress\n"
        f"    {_keyword(d.given_keywords, given, every)}{given}\n"
        f"    {_keyword(d.when_keywords, when, every)}{when}\n"
        f"    {_keyword(d.then_keywords, then, every)}{then}\n"
    )


def test_every_one_of_the_80_dialects_passes_a_scenario_of_the_law(tmp_path: Path):
    assert len(DIALECTS) == 80
    for name in DIALECTS:
        (tmp_path / f"{name}.feature").write_text(_scenario_in(name), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json"])
    doc = json.loads(result.output)
    failing = [(s["file"], s["messages"]) for s in doc["scenarios"] if s["status"] != "passed"]
    assert not failing and not doc["input_errors"], (failing, doc["input_errors"])
    assert doc["summary"]["passed"] == 80 and result.exit_code == 0


@pytest.mark.parametrize("name", ["fr.feature", "de.feature", "bom-and-description.feature"])
def test_the_scenarios_are_those_gherkin_itself_finds(name: str):
    text = (DATA / name).read_text(encoding="utf-8").removeprefix("\ufeff")
    document = Parser().parse(TokenScanner(text))
    upstream = Compiler().compile({**document, "uri": name})
    ours = parse_feature(DATA / name)
    assert [s.name for s in ours] == [p["name"] for p in upstream] and len(ours) == 2


def test_french_and_german_scenarios_pass_in_check():
    result = CliRunner().invoke(main, ["check", str(DATA / "fr.feature"), str(DATA / "de.feature")])
    assert result.exit_code == 0 and result.output.rstrip().endswith("4 passed, 0 failed")


def test_french_and_german_scenarios_pass_in_pytest(pytester: pytest.Pytester):
    for name in ("fr", "de"):
        pytester.makefile(
            ".feature", **{f"features/{name}": (DATA / f"{name}.feature").read_text(encoding="utf-8")}
        )
    pytester.makepyfile(test_law='from pytest_bdd import scenarios\n\nscenarios("features")\n')
    pytester.makeconftest(OPT_IN)
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=4)


def test_a_misspelt_keyword_is_found_in_the_files_own_dialect():
    text = (
        "# language: fr\nFonctionnalité: x\n  Scénaro: y\n    Soit the date is 2026-03-01\n"
        "    Quand the President proposes to suspend the North Atlantic Treaty\n"
    )
    assert list(_misspellings(text)) == [
        (3, "'Scénaro:' is not a Gherkin keyword; did you mean 'Scénario:'?")
    ]
    # The same step with the English keyword, in a French file, is no step at all.
    english = "# language: fr\nFonctionnalité: x\n  Scénario: y\n    Given the date is 2026-03-01\n"
    assert [line for line, _ in _misspellings(english)] == [4]


def test_a_description_line_like_a_keyword_is_not_taken_for_a_misspelling():
    text = "Feature: x\n  Rules: house style\n\n  Scenario: y\n    Given the date is 2026-03-01\n"
    assert list(_misspellings(text)) == []


def test_a_fence_inside_a_doc_string_does_not_end_it():
    text = (
        "Feature: x\n  Scenario: y\n    Given the date is 2026-03-01\n"
        '      """\n      ```\n      Scenaro: inside the doc string\n      Given the date is 2026-03-01\n'
        '      """\n    When the President proposes to suspend the North Atlantic Treaty\n'
    )
    assert list(_misspellings(text)) == []
