"""A user's own project runs the law's phrases with only the installed packages: no conftest of its own."""

from __future__ import annotations

import pytest

from tests.conftest import OPT_IN

FEATURE = """@my-team
Feature: Our policy checks
  Scenario: Withdrawal without Congress is barred
    Given the date is 2026-03-01
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is blocked by "22 USC 1928f(a)"

  Scenario: A wrong expectation shows the verdict
    Given the date is 2026-03-01
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is permitted

  Scenario: A step the law does not know
    Given the Senate voted 60-40
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is blocked
"""


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makefile(".feature", **{"features/policy": FEATURE})
    pytester.makepyfile(test_law='from pytest_bdd import scenarios\n\nscenarios("features")\n')
    pytester.makeconftest(OPT_IN)
    return pytester


def test_a_project_with_only_features_and_scenarios_runs_the_law(project: pytest.Pytester):
    result = project.runpytest("-W", "error::pytest.PytestUnknownMarkWarning", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=2)
    out = result.stdout.str()
    assert "expected the action to be permitted, but it is blocked by" in out
    assert "verdict: blocked (blocked by 22 U.S.C. 1928f(a)" in out  # the failing Then shows the verdict
    assert "undefined step 'the Senate voted 60-40'. Nearest known phrase:" in out


def test_a_misspelt_keyword_fails_the_run_instead_of_dropping_the_scenario(project: pytest.Pytester):
    project.makefile(
        ".feature", **{"features/typo": "Feature: x\n  Scenaro: y\n    Given the date is 2026-03-01\n"}
    )
    result = project.runpytest("-p", "no:cacheprovider")
    assert result.ret != 0
    assert "'Scenaro:' is not a Gherkin keyword; did you mean 'Scenario:'?" in result.stdout.str()


def test_what_ifs_and_readings_work_as_on_the_command_line(pytester: pytest.Pytester):
    pytester.makefile(
        ".feature",
        **{
            "features/notice": """Feature: Notice
  Scenario: 90 days of notice under a 90-day what-if
    Given the date is 2026-03-01
    And an Act of Congress authorizes the action
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-12-01
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is permitted
"""
        },
    )
    pytester.makepyfile(test_law='from pytest_bdd import scenarios\n\nscenarios("features")\n')
    pytester.makeconftest(OPT_IN)
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(failed=1)
    pytester.runpytest("-p", "no:cacheprovider", "--ce-set", "nsa.notice-days=90").assert_outcomes(passed=1)


def test_a_data_table_on_one_of_the_laws_steps_fails_it(pytester: pytest.Pytester):
    pytester.makefile(
        ".feature",
        **{
            "features/table": """Feature: Table
  Scenario: A table no phrase takes
    Given the date is 2026-03-01
    When the President proposes to suspend the North Atlantic Treaty
      | country | Germany |
    Then the action is blocked
"""
        },
    )
    pytester.makepyfile(test_law='from pytest_bdd import scenarios\n\nscenarios("features")\n')
    pytester.makeconftest(OPT_IN)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    assert "a data table is attached to this step, but no phrase takes one" in result.stdout.str()


def test_a_statute_added_with_ce_with_rules_brings_its_phrases_as_steps(pytester: pytest.Pytester):
    from tests.conftest import ROOT

    wpr = ROOT / "examples" / "war-powers-resolution"
    pytester.makefile(
        ".feature", **{"features/clock": (wpr / "scenarios" / "sixty-day-clock.feature").read_text()}
    )
    pytester.makepyfile(test_law='from pytest_bdd import scenarios\n\nscenarios("features")\n')
    pytester.makeconftest(OPT_IN)
    # The pack lives in the project (a path outside it would make pytest take that tree's ini file).
    pack = (wpr / "rules" / "war-powers-resolution.yaml").read_text()
    pytester.makefile(".yaml", **{"law/war-powers-resolution": pack})
    added = pytester.runpytest("-p", "no:cacheprovider", "--ce-with-rules", "law")
    added.assert_outcomes(passed=7)
    # From a subfolder, the folder is still the rootdir's, and an ini key says it once for every run.
    pytester.mkdir("sub")
    pytester.makefile(".cfg", setup="[tool:pytest]\n")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(pytester.path / "sub")
        pytester.runpytest(
            "-p", "no:cacheprovider", "--ce-with-rules", "law", str(pytester.path)
        ).assert_outcomes(passed=7)
    pytester.makeini("[pytest]\nce_with_rules = law\n")
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=7)
    pytester.makeini("[pytest]\n")
    bundled_only = pytester.runpytest("-p", "no:cacheprovider")
    bundled_only.assert_outcomes(failed=7)
    assert "undefined step 'United States Armed Forces were introduced into hostilities on 2026-03-01'" in (
        bundled_only.stdout.str()
    )


def test_a_failing_law_step_says_where_and_why_in_a_few_lines(project: pytest.Pytester):
    result = project.runpytest("-p", "no:cacheprovider")
    out = result.stdout.str()
    assert "policy.feature:11: Then the action is permitted: expected the action to be permitted" in out
    assert "pytest_plugin.py" not in out  # none of the plugin's frames
    failure = out.split("test_a_wrong_expectation_shows_the_verdict ___")[1].split("___")[0]
    assert "During handling" not in failure
    assert len(failure.strip().splitlines()) <= 8


def test_a_scenario_with_no_then_is_unchecked_not_passed(pytester: pytest.Pytester):
    pytester.makefile(
        ".feature",
        **{
            "features/open": "Feature: Open\n  Scenario: No prediction\n"
            "    When the President proposes to suspend the North Atlantic Treaty\n"
        },
    )
    pytester.makepyfile(test_law='from pytest_bdd import scenarios\n\nscenarios("features")\n')
    pytester.makeconftest(OPT_IN)
    result = pytester.runpytest("-p", "no:cacheprovider", "-rs")
    result.assert_outcomes(skipped=1)
    out = result.stdout.str()
    assert "open.feature:2: unchecked: the scenario has no Then step; the verdict is blocked" in out
    assert "evaluated as of today" in out  # the scenario gives no date
    pytester.runpytest("-p", "no:cacheprovider", "--ce-strict").assert_outcomes(failed=1)


def test_tags_on_examples_are_registered_marks(pytester: pytest.Pytester):
    pytester.makefile(
        ".feature",
        **{
            "features/rows": "Feature: Rows\n  Scenario Outline: Suspend on <date>\n"
            "    Given the date is <date>\n"
            "    When the President proposes to suspend the North Atlantic Treaty\n"
            "    Then the action is blocked\n\n"
            "    @recent\n    Examples:\n      | date |\n      | 2026-03-01 |\n"
        },
    )
    pytester.makepyfile(test_law='from pytest_bdd import scenarios\n\nscenarios("features")\n')
    pytester.makeconftest(OPT_IN)
    result = pytester.runpytest(
        "-p", "no:cacheprovider", "--strict-markers", "-W", "error::pytest.PytestUnknownMarkWarning"
    )
    result.assert_outcomes(passed=1)
    pytester.runpytest("-p", "no:cacheprovider", "-m", "recent").assert_outcomes(passed=1)


def test_a_project_step_that_replaces_a_law_phrase_is_named_in_a_warning(pytester: pytest.Pytester):
    pytester.makefile(
        ".feature",
        **{
            "features/mine": "Feature: Mine\n  Scenario: Theirs\n    Given the date is 2026-03-01\n"
            "    When the President proposes to suspend the North Atlantic Treaty\n"
            "    Then the action is blocked\n"
        },
    )
    pytester.makepyfile(
        test_law="from pytest_bdd import given, parsers, scenarios\n\nscenarios('features')\n\n\n"
        "@given(parsers.parse('the date is {d}'))\ndef our_date(d):\n    pass\n"
    )
    pytester.makeconftest(OPT_IN)
    result = pytester.runpytest("-p", "no:cacheprovider")
    out = result.stdout.str()
    assert (
        "mine.feature:3: the project's step test_law.our_date replaces the law's phrase 'Given the date is {date}'"
        in out
    )


def test_a_misspelt_keyword_in_a_bound_feature_outside_testpaths_fails_the_run(pytester: pytest.Pytester):
    pytester.makeini("[pytest]\ntestpaths = tests\n")
    pytester.mkdir("tests")
    pytester.makefile(
        ".feature",
        **{
            "specs/x": "Feature: X\n  Scenario: The date is dropped unseen\n    Gven the date is 2026-03-01\n"
            "    When the President proposes to suspend the North Atlantic Treaty\n"
            "    Then the action is blocked\n"
        },
    )
    (pytester.path / "tests" / "test_law.py").write_text(
        'from pytest_bdd import scenarios\n\nscenarios("../specs")\n', encoding="utf-8"
    )
    pytester.makeconftest(OPT_IN)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    assert "x.feature:3: 'Gven' is not a Gherkin step keyword; did you mean 'Given'?" in result.stdout.str()
