"""`constraint-engine check`: run feature files like Cucumber (FILE:LINE, @rerun files, --name, --tags,
--fail-fast), in several processes, writing any of the report formats."""

from __future__ import annotations

import contextlib
import json
import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

if TYPE_CHECKING:
    from ..loading import RuleDirs
    from ..running import Runner

from .base import (
    _PARALLEL_MIN,
    _close,
    _color,
    _count,
    _fail_input,
    _runner,
    _worker_options,
    _workers,
    jobs_option,
    law_options,
    main,
)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@law_options
@click.option(
    "--format",
    "formats",
    multiple=True,
    metavar="FORMAT[:FILE]",
    help="text (the default), json, junit, cucumber, message (Cucumber Messages, NDJSON, as cucumber-js "
    "writes), progress (a character per scenario) or rerun (FILE:LINE of each failed scenario, which check "
    "reads back); repeatable, each with :FILE but one, e.g. --format progress --format junit:out.xml.",
)
@click.option(
    "--tags", metavar="EXPRESSION", help='Only scenarios whose tags match, e.g. "@history and not @cli".'
)
@click.option(
    "--name", "name", metavar="REGEX", help="Only scenarios whose name matches the regular expression."
)
@click.option("--fail-fast", is_flag=True, help="Stop after the first scenario that fails or errs.")
@click.option(
    "--report", type=click.Path(path_type=Path), help="Also write an HTML report of every scenario."
)
@click.option(
    "--strict", is_flag=True, help="A scenario with no Then step fails instead of being reported unchecked."
)
@jobs_option
def check(
    paths: tuple[Path, ...],
    rules_dir: RuleDirs,
    settings: tuple[str, ...],
    assumptions: tuple[str, ...],
    formats: tuple[str, ...],
    report: Path | None,
    jobs: int | None,
    tags: str | None,
    name: str | None,
    fail_fast: bool,
    strict: bool,
) -> None:
    """Run every scenario in PATHS (feature files or folders; FILE:LINE runs the scenario or Examples row at
    that line) and check its expectations.

    A scenario with no Then step is reported unchecked (a failure with --strict). Exits 0 when all pass or
    are unchecked, 1 when any fails or errors, 2 on bad input (which is reported in every format too).
    """
    from ..batch import run_in_processes
    from ..errors import InputError
    from ..features import SpecStream, collect, collect_streaming
    from ..outputs import check_target
    from ..render.run import closing_line, count_statuses

    fmt, files = _formats(formats)
    targets = [(path, f"--format {file_fmt}:FILE") for file_fmt, path in files]
    targets += [(report, "--report")] if report is not None else []
    try:  # a file that could not be written is said before the run, not after it
        for path, what in targets:
            check_target(path, what)
    except InputError as exc:
        _fail_input([exc])
    runner = _runner(rules_dir, settings, assumptions)  # checks the law and the options before any work
    started = time.time()
    paths, wanted = _at_lines(paths)
    empty: list[InputError] = []
    selecting = bool(wanted or tags or name)  # a selection reads the whole list: no streaming then
    specs: Any
    try:
        gather = collect if selecting else collect_streaming
        specs, input_errors = gather(paths, runner.registry, empty)
    except InputError as exc:
        _fail_input([exc])
    for note in empty:  # as cucumber-js: 0 scenarios, not an error; said, so a forgotten file is noticed
        click.echo(f"note: {note.file}: {note.problem.rstrip('.')}: 0 scenarios.", err=True)
    if wanted:
        specs = _at(specs, wanted)
    if tags:
        specs = _select(specs, tags)
    if name:
        specs = _named(specs, name)
    if fmt != "text":  # the document goes to stdout; a person or a CI log still sees every input error
        for err in input_errors:
            click.echo(f"error: {err.message()}", err=True)
    # Outputs that show whole explanations and cures.
    explained = fmt == "json" or report is not None or any(f == "json" for f, _ in files)
    how = {"with_cures": explained, "brief": not explained, "strict": strict}
    color = fmt == "text" and _color()
    jobs = _workers(jobs, len(specs))
    parallel = jobs > 1 and len(specs) >= _PARALLEL_MIN
    from ..render.run import JsonRunWriter, scenario_json, scenario_plain

    # With plain text or JSON and no report, the workers render their own scenarios: returning
    # (status, text or plain data) pairs is far cheaper than returning verdicts.
    render: Any = None
    if parallel and report is None and not files and not color and fmt in ("text", "json"):
        render = scenario_plain if fmt == "text" else scenario_json
    if parallel:
        options = _worker_options(rules_dir, runner, settings, assumptions)
        stream: Any = iter(run_in_processes(specs, jobs, options, render=render, **how))
    else:
        stream = runner.run_all(specs, **how)
    # Each result is written (or rendered for the report) as it comes, and then dropped: memory holds the
    # output, never the run's verdicts (junit and cucumber group by file, and keep brief results).
    statuses: list[str] = []
    kept: list[Any] = []
    parts: list[Any] = []
    writer: Any = None
    console: Any = None
    out = _Chunks()
    if fmt == "json":
        writer = JsonRunWriter(out)
    elif fmt == "text" and color:
        from rich.console import Console
        from rich.markup import escape

        console = Console(highlight=False, soft_wrap=True)
        for err in input_errors:
            console.print(f"[bold red]ERROR[/] {escape(err.message())}")
    elif fmt == "text":
        for err in input_errors:
            click.echo(f"ERROR {err.message()}")
    spool: Any = None
    if report is not None:
        from ..outputs import SpooledSections
        from ..render.html import report_part, report_section

        try:
            spool = SpooledSections(report, what="--report")
        except InputError as exc:
            _fail_input([exc])
    for_files: list[Any] = []  # the results, for the documents written to files
    progress: list[str] = []  # --format progress: the failures' messages, printed after the dots
    try:
        for item in stream:
            if fail_fast and statuses and statuses[-1] in ("failed", "error"):
                out.flush()
                _close(stream)
                break
            if render is not None:  # a worker's (status, rendering): JSON data or plain text
                status, done = item
                statuses.append(status)
                if writer is not None:
                    writer.scenario(done)
                else:
                    out(done + "\n")
                continue
            r = item
            statuses.append(r.status)
            if writer is not None:
                writer.scenario(scenario_json(r))
            elif console is not None:
                from ..render.run import print_scenario

                print_scenario(console, r)
            elif fmt == "text":
                out(scenario_plain(r) + "\n")
            elif fmt == "progress":
                click.echo(_PROGRESS.get(r.status, "?"), nl=False)
                if r.status in ("failed", "error"):
                    progress.append(f"{r.spec.file}:{r.spec.row_line or r.spec.line}: {r.spec.name}")
                    progress.extend(f"  {m}" for m in r.messages)
            else:
                kept.append(r)
            if files:
                for_files.append(r)
            if spool is not None:
                parts.append(report_part(r))
                try:
                    spool.add(report_section(r, len(statuses)))
                except InputError as exc:  # F01: a full disk under --report; the old report is kept
                    out.flush()
                    _fail_input([exc])
    except BaseException:  # an interrupt, a fault: what was done is still shown, as it was line by line
        with contextlib.suppress(OSError):
            out.flush()
        raise
    out.flush()
    if isinstance(specs, SpecStream) and specs.errors:  # a file changed between its two readings
        input_errors = [*input_errors, *specs.errors]
        for err in specs.errors:
            click.echo(f"error: {err.message()}", err=True)
    counts = count_statuses(statuses, input_errors)
    if fail_fast and len(statuses) < len(specs):
        left = len(specs) - len(statuses)
        click.echo(
            f"note: stopped at the first failure (--fail-fast): {_count(left, 'scenario')} not run.", err=True
        )
    if fmt == "progress":
        click.echo("")
        for message in progress:
            click.echo(message)
        click.echo(closing_line(counts))
    success = not input_errors and not counts["failed"] and not counts["errors"]
    if writer is not None:
        writer.close(statuses, input_errors)
        out.flush()
    elif fmt in ("junit", "cucumber", "message", "rerun"):
        try:
            click.echo(_document(fmt, kept, input_errors, runner, started, success), nl=False)
        except InputError as exc:  # a feature file that changed or vanished since it was run
            _fail_input([exc])
    elif console is not None:
        console.print(closing_line(counts))
    elif fmt == "text":
        click.echo(closing_line(counts))
    if spool is not None:
        from ..render.html import run_report

        try:
            spool.finish(*run_report(parts, input_errors, counts))
        except InputError as exc:
            _fail_input([exc])
    for file_fmt, path in files:
        from ..outputs import write_atomically

        try:
            text = _document(file_fmt, for_files, input_errors, runner, started, success)
            write_atomically(path, text, what=f"--format {file_fmt}:FILE")
        except InputError as exc:
            _fail_input([exc])
    _exit_for(counts, input_errors)


_FORMATS = ("text", "json", "junit", "cucumber", "message", "progress", "rerun")


class _Chunks:
    """What a run writes to stdout as it goes, a few hundred pieces at a time: click.echo flushes at every
    call (a system call per scenario). A terminal gets each line at once; a pipe or a file gets them when 256
    are waiting or, once a fifth of a second has passed, when the next scenario ends, and whatever is waiting
    when the run stops, however it stops."""

    def __init__(self, size: int = 256, seconds: float = 0.2):
        self.pending: list[str] = []
        self.size = 1 if sys.stdout.isatty() else size
        self.seconds = seconds
        self.since = time.monotonic()

    def __call__(self, text: str) -> None:
        self.pending.append(text)
        if len(self.pending) >= self.size or time.monotonic() - self.since >= self.seconds:
            self.flush()

    def flush(self) -> None:
        self.since = time.monotonic()
        if self.pending:
            text = "".join(self.pending)
            self.pending.clear()
            click.echo(text, nl=False)


def _formats(asked: tuple[str, ...]) -> tuple[str, list[tuple[str, Path]]]:
    """--format values: the one for stdout (text unless named) and each FORMAT:FILE."""
    stdout: list[str] = []
    files: list[tuple[str, Path]] = []
    for value in asked:
        name, _, file = value.partition(":")
        if name not in _FORMATS:
            _fail_input([f"--format {value!r}: unknown format {name!r}. Accepted: {', '.join(_FORMATS)}."])
        if file or value.endswith(":"):
            if not file:
                _fail_input(
                    [f"--format {value!r}: no file after the colon. Accepted: {name}:FILE, or {name}."]
                )
            if name == "progress":
                _fail_input([f"--format {value!r}: progress is for a terminal. Accepted: text:FILE instead."])
            if any(Path(file).resolve() == Path(other).resolve() for _, other in files):
                _fail_input(
                    [f"--format {value!r}: another --format already writes {file}. Accepted: a file each."]
                )
            files.append((name, Path(file)))
        else:
            stdout.append(name)
    if len(stdout) > 1:
        _fail_input(
            [
                f"--format: {' and '.join(stdout)} would both write to the screen. "
                "Accepted: one of them, the others with :FILE."
            ]
        )
    return (stdout[0] if stdout else "text"), files


def _document(
    fmt: str, results: list[Any], input_errors: list[Any], runner: Runner, started: float, success: bool
) -> str:
    """A whole run's document in a format, from its results (for a file, or a document format on stdout)."""
    from ..render.run import JsonRunWriter, closing_line, count_statuses, scenario_json, scenario_plain

    if fmt == "junit":
        from ..render.junit import run_junit

        return run_junit(results, input_errors)
    if fmt == "cucumber":
        from ..render.junit import run_cucumber

        return json.dumps(run_cucumber(results, input_errors), indent=2, ensure_ascii=False) + "\n"
    if fmt == "message":
        from ..render.messages import run_messages

        return "".join(
            f"{e}\n" for e in run_messages(results, input_errors, runner.registry, started, success)
        )
    statuses = [r.status for r in results]
    if fmt == "json":
        parts: list[str] = []
        writer = JsonRunWriter(parts.append)
        for r in results:
            writer.scenario(scenario_json(r))
        writer.close(statuses, input_errors)
        return "".join(parts)
    if fmt == "rerun":
        failed: dict[str, list[int]] = {}
        for r in results:
            if r.status in ("failed", "error"):
                failed.setdefault(r.spec.file, []).append(r.spec.row_line or r.spec.line)
        return "".join(file + "".join(f":{n}" for n in lines) + "\n" for file, lines in failed.items())
    lines = [f"ERROR {e.message()}" for e in input_errors] + [scenario_plain(r) for r in results]
    return (
        "".join(f"{line}\n" for line in lines) + closing_line(count_statuses(statuses, input_errors)) + "\n"
    )


def _exit_for(counts: dict[str, int], input_errors: list[Any]) -> NoReturn:
    if input_errors:
        sys.exit(2)
    sys.exit(1 if counts["failed"] or counts["errors"] else 0)


_PROGRESS = {"passed": ".", "failed": "F", "error": "E", "unchecked": "U"}
_AT_LINE = re.compile(r"(.+?)((?::[0-9]+)+)")


def _at_lines(paths: tuple[Path, ...]) -> tuple[tuple[Path, ...], dict[str, set[int]]]:
    """FILE:LINE[:LINE...] arguments (as failures print them, and --format rerun writes them): the files,
    and the lines wanted in each. A path that exists as written is a path, whatever its colons."""
    out: list[Path] = []
    wanted: dict[str, set[int]] = {}
    whole: set[str] = set()  # files named without a line: every scenario, whatever lines are named too
    for path in _expand_rerun(paths):
        m = _AT_LINE.fullmatch(str(path))
        if m is None or path.exists() or not Path(m.group(1)).exists():
            whole.add(str(path))
            if path not in out:
                out.append(path)
            continue
        file = Path(m.group(1))
        if file not in out:
            out.append(file)
        wanted.setdefault(str(file), set()).update(int(n) for n in m.group(2).split(":")[1:])
    return tuple(out), {f: lines for f, lines in wanted.items() if f not in whole}


def _expand_rerun(paths: tuple[Path, ...]) -> list[Path]:
    """@FILE names a rerun file (--format rerun:FILE): its FILE:LINE entries. An empty one runs nothing,
    as in Cucumber: nothing failed last time."""
    out: list[Path] = []
    for path in paths:
        text = str(path)
        if not text.startswith("@") or path.exists():
            out.append(path)
            continue
        from ..errors import InputError
        from ..inputs import read_text

        try:
            entries = read_text(Path(text[1:]), "a rerun file").split()
        except InputError as exc:
            _fail_input([exc])
        if not entries:
            click.echo(f"note: {text[1:]} names no scenario: nothing failed last time.", err=True)
        out += [Path(entry) for entry in entries]
    return out


def _at(specs: list[Any], wanted: dict[str, set[int]]) -> list[Any]:
    """The scenarios at the wanted lines: a scenario's line or any of its steps' (every row, for an
    Outline), or one Examples row's line. A line that names no scenario is bad input, never an empty run."""
    chosen, used = [], set()
    for spec in specs:
        lines = wanted.get(spec.file)
        if lines is None:
            chosen.append(spec)  # a file or folder given without a line: every scenario
            continue
        own = {spec.line, spec.block_line or spec.line, *(s.line for s in spec.steps)}
        hit = lines & own
        if hit:
            chosen.append(spec)
            used |= {(spec.file, n) for n in hit}
    missing = [(f, n) for f, ns in wanted.items() for n in sorted(ns) if (f, n) not in used]
    if missing:
        starts: dict[str, set[int]] = {}
        for spec in specs:
            starts.setdefault(spec.file, set()).update({spec.line, spec.block_line or spec.line})
        _fail_input(
            [
                f"{f}:{n}: no scenario is at line {n}. Accepted: the line of a Scenario or Scenario Outline "
                f"({', '.join(str(x) for x in sorted(starts.get(f, set())))}, Examples rows included), "
                "or of one of its steps (a Background's selects every scenario it runs before)."
                for f, n in missing
            ]
        )
    return chosen


def _named(specs: list[Any], pattern: str) -> list[Any]:
    try:
        found = re.compile(pattern)
    except re.error as exc:
        _fail_input(
            [f"--name {pattern!r} is not a regular expression ({exc}). Accepted: e.g. 'withdraw|suspend'."]
        )
    chosen = [s for s in specs if found.search(s.name)]
    if specs and not chosen:  # selecting nothing would report "0 failed" and pass
        _fail_input([f"--name {pattern!r} matches none of the {len(specs)} scenarios' names."])
    return chosen


def _select(specs: list[Any], expression: str) -> list[Any]:
    from cucumber_tag_expressions import TagExpressionError, parse

    try:
        matcher = parse(expression)
    except TagExpressionError as exc:
        _fail_input(
            [f'--tags {expression!r}: {exc}. Accepted: tags joined by and, or, not, e.g. "@a and not @b".']
        )
    chosen = [s for s in specs if matcher.evaluate(list(s.tags))]
    if specs and not chosen:  # a filter that selects nothing would report "0 failed" and pass
        known = sorted({t for s in specs for t in s.tags})
        _fail_input(
            [
                f"--tags {expression!r} selects none of the {len(specs)} scenarios. Accepted: an "
                f"expression over the tags they have: {', '.join(known) or '(no scenario has a tag)'}."
            ]
        )
    return chosen
