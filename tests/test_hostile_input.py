"""Hostile input and faults that need more than a command line: an environment variable, an injected
disk fault, durable's own registration, or renderers fed text no scenario file could carry.
The CLI behaviours are specified in features/hostile_input.feature."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from durable import engine as durable_engine

from constraint_engine.cli import main
from constraint_engine.compiling import network_limits
from constraint_engine.loading import default_rules_dir

ROOT = Path(__file__).resolve().parents[1]

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


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(tmp_path: Path):
    feature = tmp_path / "big.feature"
    feature.write_text(GOOD, encoding="utf-8")
    result = run("check", str(feature), env={"CONSTRAINT_ENGINE_MAX_FILE_BYTES": "100"})
    assert result.exit_code == 2 and "larger than 100 bytes" in result.output
    assert "CONSTRAINT_ENGINE_MAX_FILE_BYTES" in result.output


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


# -- 10-13. nothing executed or injected from data -------------------------------------------------------------


def _hostile_verdict():  # type: ignore[no-untyped-def]
    from constraint_engine.running import Runner
    from constraint_engine.steps import ScenarioBuilder, bundled_registry

    runner = Runner()
    builder = ScenarioBuilder()
    bundled_registry().apply("given", "the date is 2026-03-01", builder)
    bundled_registry().apply("when", "the President proposes to suspend the North Atlantic Treaty", builder)
    p = runner.case(builder).proposal
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
    from constraint_engine.cli.base import _cell

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


def test_full_width_digits_in_a_count_are_refused():
    result = run("evaluate", REDUCE.replace("{count}", "７０,０００"))
    assert result.exit_code == 2 and "is not a whole number" in result.output


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
    # Refused before durable-rules sees it, whichever of its limits the pack meets first (a thousand
    # provisions testing one field after the same tests is too wide for its matcher).
    assert result.exit_code == 2
    assert "too wide for durable-rules" in result.output or "too large for durable-rules" in result.output


F04_PACK = """\
pack: f04
title: F04
authority: a test pack
sources:
  S1: {title: "test", url: "https://example.org", kind: commentary}
vocabulary:
  facts:
    thing: {meaning: A thing., fields: {b: str, text: str}}
  actions:
    do-it: {meaning: do it}
  phrases:
    - given: the thing is {b} and {text}
      meaning: A thing.
      example: the thing is x and y
      types: {b: {choices: {x: x, z: z}}, text: {choices: {y: y, w: w}}}
      asserts: {fact: thing, fields: {b: "{b}", text: "{text}"}}
    - when: the President proposes to do it
      meaning: Doing it.
      example: the President proposes to do it
      proposes: {kind: do-it, actor: President}
"""


def test_a_placeholder_named_like_the_engines_own_arguments_works(tmp_path: Path):
    # F04: {b} and {text} collided with the handler's own parameters (TypeError in check, lint and steps).
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "p.yaml").write_text(F04_PACK, encoding="utf-8")
    feature = tmp_path / "t.feature"
    feature.write_text(
        "Feature: f\n  Scenario: s\n    Given the date is 2026-03-01\n    And the thing is x and y\n"
        "    When the President proposes to do it\n    Then the action is permitted\n",
        encoding="utf-8",
    )
    rules = str(tmp_path / "rules")
    for args in (["check"], ["lint"]):
        result = CliRunner().invoke(main, [*args, "--with-rules", rules, str(feature)])
        assert result.exit_code == 0, result.output
        assert "Traceback" not in result.output


@pytest.mark.parametrize("count", ["-0", "-00", "-0,000", "-5"])
def test_a_signed_count_is_refused_even_when_zero(count: str):
    # F13: -0, -00 and -0,000 were read as 0 (+5 was refused).
    from constraint_engine.placeholders import StepError, parse_whole

    with pytest.raises(StepError, match="is negative"):
        parse_whole(count, "troop count")


def _pack_with_phrase(folder: Path, template: str) -> Path:
    folder.mkdir()
    (folder / "p.yaml").write_text(
        F04_PACK.replace("the thing is {b} and {text}", template).replace(
            "the thing is x and y", template.replace("{b}", "x").replace("{text}", "y")
        ),
        encoding="utf-8",
    )
    return folder


def test_adjacent_placeholders_are_refused_when_the_pack_loads(tmp_path: Path):
    # F05: "{b} {text}" let an 80-word step backtrack for seconds (160 words: minutes).
    rules = _pack_with_phrase(tmp_path / "rules", "the thing is {b} {text}")
    result = CliRunner().invoke(main, ["steps", "--with-rules", str(rules)])
    assert result.exit_code == 2
    assert "{b} and {text} have no word between them" in result.output
    assert "p.yaml:" in result.output


def test_a_suggestion_for_a_long_undefined_step_is_bounded(monkeypatch: pytest.MonkeyPatch):
    # 4,500 undefined 2,000-character steps took 177 s to report (39 ms each). Now the spelling is compared
    # over a bounded prefix with the dozen phrases that share most words, and a text seen before is not
    # ranked again (bench: 37 ms -> 6.6 ms for a new 2,000-character text).
    import difflib

    from constraint_engine.running import Runner

    registry = Runner().registry
    text = " ".join(["the troops of the Senate withdraw funds from"] * 50)[:2000]
    compared: list[int] = []
    real = difflib.SequenceMatcher

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        compared.append(len(args[1]) if len(args) > 1 else 0)
        return real(*args, **kwargs)

    monkeypatch.setattr(difflib, "SequenceMatcher", counting)
    first = registry.suggest("given", text)
    assert 0 < len(compared) < len(registry.steps) and max(compared) <= 300
    for _ in range(100):
        assert registry.suggest("given", text) == first
    assert len(compared) < len(registry.steps)  # the repeats were not ranked again


@pytest.mark.parametrize("fmt", ["json", "text", "junit"])
def test_a_full_disk_under_stdout_is_one_line_and_exit_2(fmt: str):
    # F02: an OSError from writing stdout printed a 32-line traceback.
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [
                sys.executable,
                "-c",
                "from constraint_engine.cli import entry; entry()",
                "check",
                "--format",
                fmt,
                str(ROOT / "scenarios/north-atlantic-treaty"),
            ],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert proc.returncode == 2
    assert proc.stderr.strip() == "error: cannot write the output: No space left on device."


def test_a_full_disk_under_report_is_one_line_and_exit_2_and_keeps_the_old_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # F01: the InputError from the spool escaped as a traceback.
    import errno
    import tempfile

    from constraint_engine import outputs

    class Full:
        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        def close(self) -> None:
            pass

    monkeypatch.setattr(outputs.tempfile, "TemporaryFile", lambda **kwargs: Full())
    report = tmp_path / "report.html"
    report.write_text("the old report", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["check", "--report", str(report), str(ROOT / "scenarios/north-atlantic-treaty")]
    )
    assert result.exit_code == 2
    assert "cannot write the file: No space left on device" in result.output
    assert "Traceback" not in result.output
    assert report.read_text(encoding="utf-8") == "the old report"
    assert tempfile  # the module is the one patched


@pytest.mark.parametrize(
    "args",
    [
        ["rules", "aeca.36b"],
        ["evaluate", "the President proposes to sell $20,000,000 of major defense equipment to Saudi Arabia"],
        [
            "evaluate",
            "--format",
            "dot",
            "the President proposes to sell $20,000,000 of major defense equipment to Saudi Arabia",
        ],
    ],
)
def test_control_and_bidi_characters_in_a_pack_never_reach_the_terminal_raw(tmp_path: Path, args: list[str]):
    # F08: ESC sequences in a pack's title (OSC 52 writes the clipboard) reached the terminal raw; F12: a
    # right-to-left override could make a verdict read backwards.
    from tests.test_one_meaning import AECA, AT_LEAST

    rules = tmp_path / "rules"
    rules.mkdir()
    hostile = AECA.replace("WHERE", AT_LEAST).replace(
        "    title: t\n", '    title: "Sale \\e]52;c;aGk=\\a limit \\u202eDEKCOLB"\n', 1
    )
    (rules / "aeca.yaml").write_text(hostile, encoding="utf-8")
    result = CliRunner().invoke(main, [args[0], "--rules", str(rules), *args[1:]])
    assert result.exit_code in (0, 1), result.output
    assert "\x1b" not in result.output and "\u202e" not in result.output and "\x07" not in result.output
    assert "\\x1b]52" in result.output or "DEKCOLB" not in result.output


def test_a_bidi_override_in_a_scenario_name_is_shown_escaped(tmp_path: Path):
    feature = tmp_path / "bidi.feature"
    feature.write_text(
        "Feature: f\n  Scenario: PERMITTED \u202eDEKCOLB\n    Given the date is 2026-03-01\n"
        "    When the President proposes to suspend the North Atlantic Treaty\n    Then the action is blocked\n",
        encoding="utf-8",
    )
    for fmt in ("text", "junit"):
        result = CliRunner().invoke(main, ["check", "--format", fmt, str(feature)])
        assert "\u202e" not in result.output
        assert "\\u202e" in result.output


def test_a_written_file_keeps_its_mode_or_gets_the_umasks_and_a_link_is_written_through(tmp_path: Path):
    # F03: --report, -o and --plot wrote mode 0600 whatever the umask or the old file's mode, and replaced a
    # symbolic link with a regular file (its target was never updated).
    import stat

    from constraint_engine.outputs import write_atomically

    old = tmp_path / "old.html"
    old.write_text("old", encoding="utf-8")
    old.chmod(0o640)
    write_atomically(old, "new", what="--report")
    assert stat.S_IMODE(old.stat().st_mode) == 0o640 and old.read_text(encoding="utf-8") == "new"

    previous = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.html"
        write_atomically(fresh, "x", what="--report")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
    finally:
        os.umask(previous)

    target = tmp_path / "served" / "report.html"
    target.parent.mkdir()
    target.write_text("before", encoding="utf-8")
    link = tmp_path / "report.html"
    link.symlink_to(target)
    result = CliRunner().invoke(
        main, ["check", "--report", str(link), str(ROOT / "scenarios/north-atlantic-treaty")]
    )
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and "<html" in target.read_text(encoding="utf-8").lower()


def test_a_ruleset_too_large_for_durable_names_the_pack_at_fault(tmp_path: Path):
    # F07: a 300-provision pack added beside the law was refused naming the bundled folder's first pack.
    from tests.wide_packs import wide_pack

    folder = wide_pack(tmp_path / "added", 300)
    pack = folder / "wide.yaml"
    pack.write_text(
        pack.read_text(encoding="utf-8")
        .replace("reduce-korea-forces", "reduce-wideland-forces")
        .replace("the Republic of Korea", "Wideland"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main,
        [
            "evaluate",
            "--with-rules",
            str(folder),
            "the President proposes to suspend the North Atlantic Treaty",
        ],
    )
    assert result.exit_code == 2, result.output
    assert "too large for durable-rules" in result.output or "too wide for durable-rules" in result.output
    assert "wide.yaml" in result.output and "rules/" not in result.output.split(":")[0]


def _faulty_engines(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every durable-rules call fails, in a law of its own (the process's cached law is left alone)."""
    from constraint_engine import engine
    from constraint_engine import law as running

    monkeypatch.setattr(running, "_LAW", {})
    monkeypatch.setattr(running, "_PROBES", {})

    def broken(self, text):  # type: ignore[no-untyped-def]
        raise RuntimeError("simulated fault in durable-rules")

    monkeypatch.setattr(engine._Driver, "assert_facts", broken)


def test_after_16_engine_faults_the_cli_fails_closed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # The path after MAX_FAULTS had never been seen from user input: every scenario is an error, never a
    # verdict, and the later ones say the engine is no longer trusted.
    _faulty_engines(monkeypatch)
    feature = tmp_path / "many.feature"
    rows = "\n".join(f"      | {d:02d} |" for d in range(1, 21))
    feature.write_text(
        "Feature: many\n  Scenario Outline: s\n    Given the date is 2026-03-<d>\n"
        "    When the President proposes to suspend the North Atlantic Treaty\n    Then the action is permitted\n"
        "    Examples:\n      | d |\n" + rows + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["check", "--jobs", "1", str(feature)])
    assert result.exit_code == 1
    assert (
        result.output.count("ERROR") == 20
        and "PASS" not in result.output
        and "-> permitted" not in result.output
    )
    assert "no longer trusted" in result.output
    assert result.output.rstrip().endswith("0 passed, 0 failed, 20 errors")


def test_after_16_engine_faults_the_server_fails_closed(monkeypatch: pytest.MonkeyPatch):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from constraint_engine.running import Runner
    from constraint_engine.web import create_app

    _faulty_engines(monkeypatch)
    client = TestClient(create_app(Runner()), base_url="http://127.0.0.1")
    outcomes = []
    for _ in range(20):
        r = client.post(
            "/api/evaluate", json={"action": "the President proposes to suspend the North Atlantic Treaty"}
        )
        assert r.status_code == 200
        outcomes.append((r.json()["outcome"], r.json()["error"] or ""))
    assert {o for o, _ in outcomes} == {"error"}
    assert "no longer trusted" in outcomes[-1][1]


def test_a_stream_named_as_an_output_is_written_through_never_replaced(tmp_path: Path):
    # A named pipe, or this command's own stdout or stderr, named as --format FMT:FILE: written through (the
    # pipe used to be unlinked and replaced by a regular file, /dev/stdout redirected to a file lost the run).
    import threading

    folder = str(ROOT / "scenarios" / "north-atlantic-treaty")
    cli = [sys.executable, "-m", "constraint_engine.cli", "check", folder]
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    done = subprocess.run([*cli, "--format", f"junit:{fifo}"], capture_output=True, timeout=300)
    reader.join(timeout=60)
    assert done.returncode == 0 and fifo.is_fifo() and b"<testsuites" in got[0]

    piped = subprocess.run(
        [*cli, "--format", "junit:/dev/stdout"], capture_output=True, timeout=300, text=True
    )
    assert piped.returncode == 0 and piped.stdout.index("PASS") < piped.stdout.index("<testsuites")
    to_stderr = subprocess.run(
        [*cli, "--format", "junit:/dev/stderr"], capture_output=True, timeout=300, text=True
    )
    assert (
        to_stderr.returncode == 0
        and "<testsuites" in to_stderr.stderr
        and "<testsuites" not in to_stderr.stdout
    )

    out = tmp_path / "out.txt"
    with out.open("w") as handle:  # stdout is this file: junit to it would replace what the run writes
        same = subprocess.run(
            [*cli, "--format", "junit:/dev/stdout"],
            stdout=handle,
            stderr=subprocess.PIPE,
            timeout=300,
            text=True,
        )
    assert same.returncode == 2 and "is the file this command's own output goes to" in same.stderr


def test_a_reader_closing_the_pipe_stops_check_with_141_and_no_message(tmp_path: Path):
    # click answered a closed pipe with exit 1, which means a scenario failed; every scenario here passes.
    feature = tmp_path / "many.feature"
    feature.write_text(
        "Feature: Many\n"
        + "".join(
            f"  Scenario: S{i}\n    Given the date is 2026-03-01\n"
            "    When the President proposes to suspend the North Atlantic Treaty\n    Then the action is blocked\n"
            for i in range(400)
        ),
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "constraint_engine.cli", "check", str(feature), "--jobs", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().startswith(b"PASS")
    process.stdout.close()  # as `head -1` does
    assert process.wait(timeout=300) == 141
    assert process.stderr.read() == b""
