"""The fast path for plain Gherkin files reads exactly what gherkin-official reads, or leaves the file to it."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from constraint_engine import features
from constraint_engine.errors import InputError
from constraint_engine.features import plain_specs

ROOT = Path(__file__).resolve().parent.parent


def _official(text: str, file: str) -> list[features.ScenarioSpec] | str:
    """What the official parser makes of the text (the fast path switched off), or its error."""
    saved = features.plain_specs
    features.plain_specs = lambda text, file: None  # type: ignore[assignment]
    try:
        return features.parse_feature_text(text, file)
    except InputError as exc:
        return f"error: {exc.message()}"
    finally:
        features.plain_specs = saved


def _same(text: str, file: str = "f.feature") -> bool:
    """The fast path's answer, when it gives one, is the official one; returns whether it gave one."""
    fast = plain_specs(
        features.visible_controls(text.removeprefix("\ufeff")), file
    )  # as parse_feature_text calls it
    if fast is None:
        return False
    assert fast == _official(text, file), text
    return True


def test_every_feature_file_of_the_library_and_examples_reads_the_same():
    files = [
        *ROOT.glob("scenarios/**/*.feature"),
        *ROOT.glob("examples/**/*.feature"),
        *ROOT.glob("features/*.feature"),
    ]
    taken = sum(_same(f.read_text(encoding="utf-8"), str(f)) for f in files)
    assert (
        len(files) > 40 and taken > 5
    )  # most library files have outlines or backgrounds: the official parser


def test_the_benchmarks_generated_scenarios_take_the_fast_path():
    from bench.run import random_scenario

    rnd = random.Random(7)
    body = "\n".join(
        f"  Scenario: G{i}\n" + "\n".join(f"    {s}" for s in random_scenario(rnd)) for i in range(300)
    )
    assert _same(f"Feature: generated\n\n{body}\n")


_LINES = st.sampled_from(
    [
        "",
        "  ",
        "# a comment",
        "# language: fr",
        "@tag",
        "@a @b",
        "@a #c",
        "@a@b",
        "Feature: one",
        "Feature:",
        "  Feature:   spaced   ",
        "Scenario: s",
        "  Scenario:   spaced name  ",
        "Example: e",
        "Scenario Outline: o",
        "Examples:",
        "  | a |",
        "Background:",
        "Rule: r",
        "Given the date is 2026-03-01",
        "  Given   spaced   text  ",
        "When the President proposes to suspend the North Atlantic Treaty",
        "Then the action is blocked",
        "And more",
        "But less",
        "* star",
        "Givens typo",
        "some description",
        "  another description line",
        '"""',
        "\tGiven tab",
        "Given",
        "And",
        "a line\u2028split",
        "\x0c",
    ]
)


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(st.lists(_LINES, min_size=1, max_size=14))
def test_any_mix_of_lines_reads_the_same_or_goes_to_the_official_parser(lines: list[str]):
    _same("\n".join(lines))


@pytest.mark.parametrize(
    "text",
    [
        "Feature: f\n  d1\n\n  d2\n\n  Scenario: s\n    Given x\n",
        "@t\nFeature: f\n  @u\n  Scenario: s\n  desc\n    Given x\n    And y\n    But z\n",
        "Feature: f\n  Scenario: empty\n  Scenario: s\n    And first\n    Then t\n",
    ],
)
def test_descriptions_tags_and_conjunctions_read_the_same(text: str):
    assert _same(text)


def test_cucumbers_own_test_data_reads_the_same_or_goes_to_the_official_parser():
    # cucumber/gherkin's testdata (tests/data/cucumber-gherkin, MIT): every file the fast path takes must
    # read as gherkin-official reads it; the rest (Background, Rule, outlines, tables, CRLF, ...) it leaves.
    files = sorted((ROOT / "tests" / "data" / "cucumber-gherkin").glob("*/*.feature"))
    assert len(files) == 62
    taken = [f.name for f in files if _same(f.read_text(encoding="utf-8"), f.name)]
    assert "minimal.feature" in taken and "background.feature" not in taken
