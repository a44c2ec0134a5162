"""Hostile input and faults: bounded time and memory, nothing executed from data, nothing lost on disk."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from durable import engine as durable_engine

from constraint_engine.cli import main
from constraint_engine.compiling import network_limits
from constraint_engine.loading import default_rules_dir

GOOD = """Feature: Good
  Scenario: One
    Given the date is 2026-03-01
    When the President proposes to suspend the North Atlantic Treaty
    Then the action is blocked
"""
REDUCE = "the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to {count} for 60 days"


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), env=env)


def _law(tmp_path: Path) -> Path:
    folder = tmp_path / "law"
    shutil.copytree(default_rules_dir(), folder, ignore=shutil.ignore_patterns("*.md", "__*"))
    return folder


# -- 1. only regular files, and a size cap --------------------------------------------------------------------


def test_a_symlink_to_dev_zero_is_refused_without_reading_it(tmp_path: Path):
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "z.feature").symlink_to("/dev/zero")
    result = run("check", str(tmp_path / "z"))
    assert result.exit_code == 2 and "not a regular file" in result.output


def test_a_fifo_feature_and_a_fifo_pack_are_refused_not_waited_on(tmp_path: Path):
    os.mkfifo(tmp_path / "x.feature")
    (tmp_path / "good.feature").write_text(GOOD, encoding="utf-8")
    result = run("check", str(tmp_path))
    assert (
        result.exit_code == 2
        and "x.feature: not a regular file" in result.output
        and "PASS  One" in result.output
    )
    law = _law(tmp_path)
    os.mkfifo(law / "x.yaml")
    linted = run("lint", str(law))
    assert linted.exit_code == 2 and "x.yaml: error: not a regular file" in linted.output


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(tmp_path: Path):
    feature = tmp_path / "big.feature"
    feature.write_text(GOOD, encoding="utf-8")
    result = run("check", str(feature), env={"CONSTRAINT_ENGINE_MAX_FILE_BYTES": "100"})
    assert result.exit_code == 2 and "larger than 100 bytes" in result.output
    assert "CONSTRAINT_ENGINE_MAX_FILE_BYTES" in result.output


# -- 2. YAML aliases ------------------------------------------------------------------------------------------


def test_a_billion_laughs_pack_is_refused_quickly(tmp_path: Path):
    law = _law(tmp_path)
    rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        rows.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    (law / "bomb.yaml").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run("lint", str(law))
    assert (
        result.exit_code == 2 and "YAML aliases expand this file to more than 100,000 values" in result.output
    )


def test_a_recursive_alias_is_refused_without_a_traceback(tmp_path: Path):
    law = _law(tmp_path)
    (law / "loop.yaml").write_text("pack: &x [*x]\n", encoding="utf-8")
    result = run("lint", str(law))
    assert result.exit_code == 2 and "refers to a value that contains it" in result.output
    assert "Traceback" not in result.output and "RecursionError" not in result.output


# -- 3. workers -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1000", "99999999999"])
def test_jobs_are_capped_at_the_usable_cpus(tmp_path: Path, jobs: str):
    (tmp_path / "good.feature").write_text(GOOD, encoding="utf-8")
    result = run("check", str(tmp_path), "--jobs", jobs)
    assert result.exit_code == 0 and f"--jobs {jobs} is more than the" in result.output


# -- 4. bounded work per input --------------------------------------------------------------------------------


def test_a_huge_step_is_refused_before_any_matching(tmp_path: Path):
    feature = tmp_path / "long.feature"
    step = "Given the President " + "x" * 160_000
    feature.write_text(GOOD.replace("    Then", f"    {step}\n    Then"), encoding="utf-8")
    result = run("check", str(feature))
    assert result.exit_code == 1 and "characters long; accepted: a phrase of at most 2,000" in result.output


def test_the_frontier_of_a_long_axis_is_found():
    from constraint_engine.exploring import Axis, frontier

    n = 60_000
    points = [
        {"count": i, "outcome": "blocked" if i < n // 2 else "permitted", "blocked_by": []} for i in range(n)
    ]
    (edge,) = frontier(points, [Axis("count", list(range(n)))])
    assert (edge["from"]["count"], edge["to"]["count"]) == (n // 2 - 1, n // 2)


# -- 7-9. nothing lost on disk --------------------------------------------------------------------------------


def test_new_refuses_to_overwrite_a_file_unless_forced(tmp_path: Path):
    out = tmp_path / "mine.feature"
    out.write_text("my own work\n", encoding="utf-8")
    action = "the President proposes to suspend the North Atlantic Treaty"
    result = run("new", action, "-o", str(out))
    assert result.exit_code == 2 and "the file exists; it is not overwritten" in result.output
    assert out.read_text() == "my own work\n"
    assert run("new", action, "-o", str(out), "--force").exit_code == 0
    assert out.read_text().startswith("Feature:")


def test_a_failed_write_leaves_the_old_report_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import errno

    (tmp_path / "good.feature").write_text(GOOD, encoding="utf-8")
    report = tmp_path / "run.html"
    report.write_text("the old report", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = run("check", str(tmp_path / "good.feature"), "--report", str(report))
    assert result.exit_code == 2 and "No space left on device" in result.output
    assert report.read_text() == "the old report"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".run.html")] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["new", "the President proposes to suspend the North Atlantic Treaty", "-o", "nodir/x.feature"],
            "does not exist",
        ),
        (["new", "the President proposes to suspend the North Atlantic Treaty", "-o", "."], "is a folder"),
        (
            ["explore", REDUCE, "--range", "count=70000..80000:5000", "--plot", "/nonexistent/g.png"],
            "does not exist",
        ),
    ],
)
def test_a_bad_output_path_is_one_line_and_exit_2(args: list[str], message: str):
    result = run(*args)
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


# -- 10-13. nothing executed or injected from data -------------------------------------------------------------


def _hostile_verdict():  # type: ignore[no-untyped-def]
    from constraint_engine.running import Runner
    from constraint_engine.steps import REGISTRY, ScenarioBuilder

    runner = Runner()
    builder = ScenarioBuilder()
    REGISTRY.apply("given", "the date is 2026-03-01", builder)
    REGISTRY.apply("when", "the President proposes to suspend the North Atlantic Treaty", builder)
    p = runner.proposal(builder)
    text = 'x <img src=x onerror=alert(1)> \\" ]; injected [label="pwn" URL="javascript:alert(1)"'
    return runner.evaluate(
        p.model_copy(update={"action": p.action.model_copy(update={"text": text})}), with_cures=True
    )


def test_markdown_passes_no_raw_html_from_data():
    from constraint_engine.render import render_verdict

    md = render_verdict(_hostile_verdict(), "markdown")
    assert "<img" not in md and "&lt;img src=x onerror=alert(1)&gt;" in md


@pytest.mark.skipif(
    shutil.which("dot") is None and not os.environ.get("CI"), reason="graphviz is not installed"
)
def test_dot_output_parses_even_with_hostile_text_and_injects_no_node(tmp_path: Path):
    from constraint_engine.render import render_verdict

    out = tmp_path / "v.dot"
    out.write_text(render_verdict(_hostile_verdict(), "dot"), encoding="utf-8")
    plain = subprocess.run(["dot", "-Tplain", str(out)], capture_output=True, text=True, check=True).stdout
    assert not any(line.split()[1] == "injected" for line in plain.splitlines() if line.startswith("node "))


def test_csv_cells_cannot_run_as_formulas():
    from constraint_engine.cli import _cell

    assert [_cell(v) for v in ["=HYPERLINK(1)", "+1", "-1", "@SUM", "plain", 5]] == [
        "'=HYPERLINK(1)",
        "'+1",
        "'-1",
        "'@SUM",
        "plain",
        5,
    ]


def test_control_characters_in_a_scenario_name_reach_no_output_raw(tmp_path: Path):
    feature = tmp_path / "ctl.feature"
    feature.write_text(
        GOOD.replace("Scenario: One", "Scenario: evil \x1b]0;PWNED\x07 \x1b]52;c;aGk=\x07 \x01"),
        encoding="utf-8",
    )
    for fmt in ("text", "junit", "cucumber", "json"):
        result = run("check", str(feature), "--format", fmt)
        assert result.exit_code == 0
        assert "\x1b" not in result.output and "\x07" not in result.output and "\x01" not in result.output
        if fmt == "junit":
            ET.fromstring(result.output)
        if fmt in ("cucumber", "json"):
            json.loads(result.output)
    assert "evil \\x1b]0;PWNED\\x07" in run("check", str(feature)).output


# -- 14-17. friendly where it is merely unusual ----------------------------------------------------------------


def test_a_utf8_bom_is_accepted(tmp_path: Path):
    feature = tmp_path / "bom.feature"
    feature.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert run("check", str(feature)).exit_code == 0


@pytest.mark.parametrize("given", ["the date is ٢٠٢٦-03-01", "the date is ２０２６-03-01"])
def test_only_ascii_digits_are_numbers(given: str):
    result = run("evaluate", "the President proposes to suspend the North Atlantic Treaty", "--given", given)
    assert result.exit_code == 2 and "is not a date" in result.output


def test_full_width_digits_in_a_count_are_refused():
    result = run("evaluate", REDUCE.replace("{count}", "７０,０００"))
    assert result.exit_code == 2 and "is not a whole number" in result.output


def test_a_reversed_date_range_is_an_error():
    result = run("explore", REDUCE.replace("{count}", "70,000"), "--range", "date=2026-03-01..2026-01-01")
    assert result.exit_code == 2 and "it is reversed" in result.output


def test_durables_network_sizes_are_modelled_as_it_counts_them():
    def ruleset(n: int, shared_first: bool) -> dict:
        gate, own = {"g": {"t": "evaluate"}}, lambda i: {"e": {"$and": [{"t": "x"}, {"k": i}]}}
        return {f"r{i}": {"all": [gate, own(i)] if shared_first else [own(i), gate]} for i in range(n)}

    class Host(durable_engine.Host):
        def _run(self) -> None:
            pass

    for n, shared in [(256, False), (257, False), (257, True)]:
        definition = ruleset(n, shared)
        rules = {k: {**v, "run": lambda c: None} for k, v in definition.items()}
        try:
            Host().set_rulesets({f"t{n}{shared}": rules})
            refused = False
        except Exception as exc:
            refused = "error code: 108" in str(exc)
        assert bool(network_limits(definition)) == refused


def test_a_pack_of_a_thousand_provisions_is_refused_in_words(tmp_path: Path):
    law = _law(tmp_path)
    lines = [
        "pack: many",
        "title: Many",
        "authority: a test",
        "sources:",
        '  S1: {title: "t", url: "https://example.org", kind: commentary}',
        "provisions:",
    ]
    countries = ["Germany", "France", "Poland", "Italy", "Spain"]
    for i in range(1000):
        lines += [
            f"  - id: many.p-{i}",
            f"    reference: M{i}",
            f"    citation: Many Act sec. {i}",
            "    title: t",
            "    text: t",
            "    summary: s",
            "    status: reported",
            "    sources: [S1]",
            f"    in_force: {{since: {2000 + i % 20}-01-{1 + i % 28:02d}}}",
            "    applies_to:",
            "      actions: [return-installation]",
            "      where:",
            f"        - country: {{eq: {countries[i % 5]}}}",
            "    cure: [c]",
        ]
    (law / "many.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("lint", str(law))
    assert (
        result.exit_code == 2
        and "too large for durable-rules" in result.output
        and "error 108" in result.output
    )
