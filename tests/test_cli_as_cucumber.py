"""check as Cucumber users run it: FILE:LINE, --name, --fail-fast, --format progress and rerun (issue 28)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from constraint_engine.cli import main

FEATURE = """Feature: A
  Scenario: suspend is blocked
    Given the date is 2026-03-01
    When the President proposes to suspend the North Atlantic Treaty
    Then the action is permitted

  Scenario: terminate is blocked
    Given the date is 2026-03-01
    When the President proposes to terminate the North Atlantic Treaty
    Then the action is blocked

  Scenario Outline: withdraw on <date>
    Given the date is <date>
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is <verdict>

    Examples:
      | date       | verdict   |
      | 2022-01-01 | blocked   |
      | 2026-01-01 | blocked   |
"""


@pytest.fixture
def feature(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(tmp_path)
    Path("a.feature").write_text(FEATURE, encoding="utf-8")
    return "a.feature"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_rerun_names_each_failure_by_file_and_line_and_check_reads_it_back(feature: str):
    code, out, _ = run("check", feature, "--format", "rerun")
    assert code == 1 and out == "a.feature:2:19\n"  # the failed scenario and the failed Examples row
    code, out, _ = run("check", *out.split())
    assert code == 1 and "0 passed, 2 failed" in out
    assert "terminate" not in out and "2026-01-01" not in out


def test_a_rerun_file_is_read_with_an_at_sign_and_an_empty_one_runs_nothing(feature: str):
    assert run("check", feature, "--format", "rerun:rerun.txt")[0] == 1
    code, out, _ = run("check", "@rerun.txt")
    assert code == 1 and "0 passed, 2 failed" in out
    Path("rerun.txt").write_text("", encoding="utf-8")  # nothing failed last time
    code, out, err = run("check", "@rerun.txt")
    assert code == 0 and "0 passed, 0 failed" in out and "names no scenario" in err


def test_a_whole_file_wins_over_its_lines_and_no_file_runs_twice(feature: str):
    assert "2 passed, 2 failed" in run("check", feature, "a.feature:9")[1]
    assert "2 passed, 2 failed" in run("check", feature, feature)[1]
    assert "1 passed, 0 failed" in run("check", "a.feature:9", "a.feature:9")[1]


def test_one_file_for_two_outputs_or_none_after_the_colon_is_bad_input(feature: str):
    code, _, err = run("check", feature, "--format", "junit:out.xml", "--format", "json:out.xml")
    assert code == 2 and "another --format already writes out.xml" in err
    code, _, err = run("check", feature, "--format", "json:")
    assert code == 2 and "no file after the colon" in err


def test_file_line_runs_the_scenario_at_a_line_of_it_or_one_row(feature: str):
    code, out, _ = run("check", "a.feature:9", "a.feature:20")
    assert code == 0 and "terminate is blocked" in out and "withdraw on 2026-01-01" in out
    assert "2022-01-01" not in out and "1928f(a), 22" in out and "2 passed, 0 failed" in out
    code, out, _ = run("check", "a.feature:12")  # the Outline's own line: every row
    assert "withdraw on 2022-01-01" in out and "withdraw on 2026-01-01" in out


def test_a_line_with_no_scenario_is_bad_input_that_lists_the_lines_there_are(feature: str):
    code, _, err = run("check", "a.feature:6")
    assert code == 2
    assert "a.feature:6: no scenario is at line 6" in err and "2, 7, 12, 19, 20" in err


def test_name_selects_by_regular_expression_and_a_bad_one_is_bad_input(feature: str):
    code, out, _ = run("check", feature, "--name", "^terminate")
    assert code == 0 and "1 passed, 0 failed" in out
    assert run("check", feature, "--name", "(")[0] == 2
    assert run("check", feature, "--name", "nothing like it")[0] == 2


def test_fail_fast_stops_at_the_first_failure_and_says_how_many_did_not_run(feature: str):
    code, out, err = run("check", feature, "--fail-fast")
    assert code == 1 and "0 passed, 1 failed" in out
    assert "stopped at the first failure (--fail-fast): 3 scenarios not run" in err


def test_progress_prints_a_character_per_scenario_then_the_failures(feature: str):
    code, out, _ = run("check", feature, "--format", "progress")
    lines = out.splitlines()
    assert code == 1 and lines[0] == "F.F."
    assert lines[1] == "a.feature:2: suspend is blocked"  # the line that selects it, then why
    assert lines[2].startswith("  a.feature:5: Then the action is permitted")
    assert "a.feature:19: withdraw on 2022-01-01" in lines
    assert lines[-1] == "2 passed, 2 failed"


def test_steps_json_gives_each_phrase_a_regex_javascript_accepts(tmp_path: Path):
    import json
    import shutil
    import subprocess

    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    code, out, _ = run("steps", "--format", "json")
    assert code == 0
    listing = tmp_path / "steps.json"
    listing.write_text(out, encoding="utf-8")
    script = (
        "const d = require(process.argv[1]); const bad = [];"
        "for (const k of ['given', 'when', 'then']) for (const s of d[k]) {"
        "  try { if (!new RegExp(s.regex_js, 'u').test(s.example)) bad.push(s.phrase); }"
        "  catch (e) { bad.push(s.phrase + ': ' + e.message); } }"
        "console.log(JSON.stringify(bad));"
    )
    done = subprocess.run(["node", "-e", script, str(listing)], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == []
    assert sum(len(json.loads(out)[k]) for k in ("given", "when", "then")) > 50


def test_several_outputs_in_one_run_say_what_each_would_say_alone(feature: str):
    code, out, _ = run(
        "check",
        feature,
        "--format",
        "progress",
        "--format",
        "rerun:rerun.txt",
        "--format",
        "junit:out.xml",
        "--format",
        "message:run.ndjson",
        "--format",
        "json:run.json",
    )
    assert code == 1 and out.splitlines()[0] == "F.F."
    assert Path("rerun.txt").read_text(encoding="utf-8") == run("check", feature, "--format", "rerun")[1]
    assert '<testsuites name="constraint-engine" tests="4" failures="2"' in Path("out.xml").read_text(
        encoding="utf-8"
    )
    assert Path("run.ndjson").read_text(encoding="utf-8").splitlines()[-1].startswith('{"testRunFinished"')
    import json

    alone = json.loads(run("check", feature, "--format", "json")[1])
    together = json.loads(Path("run.json").read_text(encoding="utf-8"))
    assert together["summary"] == alone["summary"]
    assert [s["verdict"] for s in together["scenarios"]] == [s["verdict"] for s in alone["scenarios"]]


def test_two_outputs_on_the_screen_or_an_unknown_format_are_bad_input(feature: str):
    code, _, err = run("check", feature, "--format", "text", "--format", "json")
    assert code == 2 and "would both write to the screen" in err
    code, _, err = run("check", feature, "--format", "yaml")
    assert code == 2 and "unknown format 'yaml'. Accepted: text, json, junit" in err


MARKDOWN = """# Feature: Suspension, in Markdown

A law teacher's notes, in prose, around the case.

## Scenario: Suspension is barred

* Given the date is 2026-03-01
* When the President proposes to suspend the North Atlantic Treaty
* Then the action is permitted
"""


def test_markdown_with_gherkin_is_read_as_cucumber_reads_it(feature: str):
    Path("notes.feature.md").write_text(MARKDOWN, encoding="utf-8")
    code, out, _ = run("check", ".")
    assert code == 1 and "notes.feature.md:9: Then the action is permitted: expected" in out
    assert "2 passed, 3 failed" in out  # the Markdown scenario beside the four of a.feature
    import json

    code, out, _ = run("check", "notes.feature.md", "--format", "message")
    sources = [json.loads(line)["source"] for line in out.splitlines() if line.startswith('{"source"')]
    assert sources[0]["mediaType"] == "text/x.cucumber.gherkin+markdown"


def test_an_output_file_that_cannot_be_written_is_said_before_the_run(feature: str, tmp_path: Path):
    for asked in (["--format", f"junit:{tmp_path}/no/such/folder/out.xml"], ["--report", str(tmp_path)]):
        result = CliRunner().invoke(main, ["check", feature, *asked])
        assert result.exit_code == 2, result.output
        assert "PASS" not in result.output and "FAIL" not in result.output  # nothing was run
        assert "does not exist" in result.output or "is a folder" in result.output


def test_explore_says_a_plot_it_could_not_write_before_evaluating_the_grid(tmp_path: Path):
    result = CliRunner().invoke(
        main,
        [
            "explore",
            "the Secretary of Defense proposes to reduce United States forces in the European Command area of "
            "responsibility to {count} for 50 days",
            "--range",
            "count=70000..80000:5000",
            "--plot",
            str(tmp_path / "no" / "such" / "plot.png"),
        ],
    )
    assert (
        result.exit_code == 2 and "--plot: the folder" in result.output and "does not exist" in result.output
    )
