"""The command line. Heavy modules load inside the commands, so `--help` starts fast."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import functools
import json
import os
import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from . import __version__

if TYPE_CHECKING:
    from .loading import RuleDirs
    from .running import Runner

VERDICT_FORMATS = ("text", "json", "markdown", "html", "dot")
_PARALLEL_MIN = 200  # with fewer scenarios, starting the workers costs more than it saves
MAX_GRID_POINTS = 2_000_000  # explore: each point is an evaluation held in memory
_KEYWORD = re.compile(r"^\s*(Given|When|Then|And|But|\*)\s+", re.IGNORECASE)


def _fail_input(errors: list[Any]) -> NoReturn:
    """Report bad input (no traceback) and exit 2."""
    for err in errors:
        message = getattr(err, "message", None)
        click.echo(f"error: {message() if callable(message) else err}", err=True)
    sys.exit(2)


def _pairs(values: tuple[str, ...], option: str) -> dict[str, str]:
    from .errors import InputError
    from .inputs import assignments

    try:
        return assignments(values, option)
    except InputError as exc:
        _fail_input([exc])


def _runner(rules_dir: RuleDirs, settings: tuple[str, ...] = (), assumptions: tuple[str, ...] = ()) -> Runner:
    from .errors import InputError, InputErrors
    from .running import Runner

    try:
        return Runner(
            rules_dir, settings=_pairs(settings, "--set"), assumptions=_pairs(assumptions, "--assume")
        )
    except InputErrors as exc:
        _fail_input(list(exc.errors))
    except InputError as exc:
        _fail_input([exc])


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _width() -> int | None:
    """A terminal's width (COLUMNS overrides it); None when the output is not a terminal: no hard wraps."""
    if not sys.stdout.isatty():
        return None
    import shutil

    return shutil.get_terminal_size().columns


def _color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def rules_options(command: Any) -> Any:
    """--rules DIR (replaces the bundled packs) and --with-rules DIR (adds packs to them; repeatable), given
    to the command as one `rules_dir` value."""

    @functools.wraps(command)
    def with_law(
        *args: Any,
        rules_dir: Path | None,
        with_rules: tuple[Path, ...],
        amend: tuple[Path, ...],
        **kwargs: Any,
    ) -> Any:
        from .loading import RuleDirs

        dirs = RuleDirs(rules_dir, tuple(with_rules), amendments=tuple(amend))
        return command(*args, rules_dir=dirs, **kwargs)

    with_law = click.option(
        "--amend",
        "amend",
        multiple=True,
        type=click.Path(path_type=Path),
        metavar="FILE",
        help="Amend the law as a bill would: repeal, replace or add provisions, lifts and parameters "
        "(a YAML file; see rules/README.md; repeatable).",
    )(with_law)
    with_law = click.option(
        "--with-rules",
        "with_rules",
        multiple=True,
        type=click.Path(path_type=Path),
        metavar="DIR",
        help="Add the rule packs in DIR to the law, with their phrases (repeatable).",
    )(with_law)
    return click.option(
        "--rules",
        "rules_dir",
        type=click.Path(path_type=Path),
        metavar="DIR",
        help="Rule pack folder that replaces the bundled law.",
    )(with_law)


def law_options(command: Any) -> Any:
    """--rules, --with-rules, --engine, --set and --assume: which law, run by what, amended how, read
    which way."""
    inner = command

    @functools.wraps(inner)
    def with_engine(*args: Any, rules_dir: RuleDirs, engine: str, **kwargs: Any) -> Any:
        import dataclasses

        return inner(*args, rules_dir=dataclasses.replace(rules_dir, engine=engine), **kwargs)

    command = click.option(
        "--engine",
        type=click.Choice(["durable", "clips", "both"]),
        default="durable",
        show_default=True,
        help="The engine that runs the law; both: each evaluation in durable-rules and in CLIPS, and any "
        "difference between them is an error (CLIPS: pip install 'constraint-engine[clips]').",
    )(with_engine)
    command = click.option(
        "--assume",
        "assumptions",
        multiple=True,
        metavar="NAME=VALUE",
        help="Read an uncertain point one way: an interpretation and one of its readings, as "
        "`constraint-engine rules --params` lists them (repeatable).",
    )(command)
    command = click.option(
        "--set",
        "settings",
        multiple=True,
        metavar="PARAM=VALUE",
        help="What-if: amend a parameter for this run, with an id as `constraint-engine rules --params` "
        "lists it, e.g. --set some.period-days=90 (repeatable).",
    )(command)
    return rules_options(command)


jobs_option = click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: the number of cores); the output is the same as a serial run's.",
)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit cannot fail a second time."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def entry() -> None:
    """The console command: an interrupt exits 130 and SIGTERM 143, after the workers are stopped."""
    import signal

    stopped: list[int] = []

    def stop(signum: int, frame: Any) -> None:
        # Unwinding stops the worker pools' processes, and no partly written file is renamed into place.
        stopped.append(128 + signum)
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        main()
    except OSError as exc:
        # F02: the output itself cannot be written (a full disk, a closed pipe): one line, exit 2, never a
        # traceback. (A broken pipe says nothing: the reader left.)
        _quiet_stdout()
        if exc.errno != errno.EPIPE:
            with contextlib.suppress(OSError):
                click.echo(f"error: cannot write the output: {exc.strerror or exc}.", err=True)
        stopped.append(2)
    finally:
        if stopped:
            # Unwound and cleaned up. Leave now: a pool's manager thread may wait for ever on a result a
            # terminated worker was half-way through sending, and the interpreter would join it at exit.
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(stopped[0])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="constraint-engine")
def main() -> None:
    """Evaluate proposed executive actions on NATO against the law that constrains them."""


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
    from .batch import run_in_processes
    from .errors import InputError
    from .features import collect
    from .render.run import closing_line, count_statuses

    fmt, files = _formats(formats)
    runner = _runner(rules_dir, settings, assumptions)  # checks the law and the options before any work
    started = time.time()
    paths, wanted = _at_lines(paths)
    empty: list[InputError] = []
    try:
        specs, input_errors = collect(paths, runner.registry, empty)
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
    from .render.run import JsonRunWriter, scenario_json, scenario_plain

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
    if fmt == "json":
        writer = JsonRunWriter(lambda text: click.echo(text, nl=False))
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
        from .outputs import SpooledSections
        from .render.html import report_part, report_section

        try:
            spool = SpooledSections(report, what="--report")
        except InputError as exc:
            _fail_input([exc])
    for_files: list[Any] = []  # the results, for the documents written to files
    progress: list[str] = []  # --format progress: the failures' messages, printed after the dots
    for item in stream:
        if fail_fast and statuses and statuses[-1] in ("failed", "error"):
            _close(stream)
            break
        if render is not None:  # a worker's (status, rendering): JSON data or plain text
            status, done = item
            statuses.append(status)
            if writer is not None:
                writer.scenario(done)
            else:
                click.echo(done)
            continue
        r = item
        statuses.append(r.status)
        if writer is not None:
            writer.scenario(scenario_json(r))
        elif console is not None:
            from .render.run import print_scenario

            print_scenario(console, r)
        elif fmt == "text":
            click.echo(scenario_plain(r))
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
                _fail_input([exc])
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
        from .render.html import run_report

        try:
            spool.finish(*run_report(parts, input_errors, counts))
        except InputError as exc:
            _fail_input([exc])
    for file_fmt, path in files:
        from .outputs import write_atomically

        try:
            text = _document(file_fmt, for_files, input_errors, runner, started, success)
            write_atomically(path, text, what=f"--format {file_fmt}:FILE")
        except InputError as exc:
            _fail_input([exc])
    _exit_for(counts, input_errors)


_FORMATS = ("text", "json", "junit", "cucumber", "message", "progress", "rerun")


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
    from .render.run import JsonRunWriter, closing_line, count_statuses, scenario_json, scenario_plain

    if fmt == "junit":
        from .render.junit import run_junit

        return run_junit(results, input_errors)
    if fmt == "cucumber":
        from .render.junit import run_cucumber

        return json.dumps(run_cucumber(results, input_errors), indent=2, ensure_ascii=False) + "\n"
    if fmt == "message":
        from .render.messages import run_messages

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


def _cell(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run: text starting with =, +, -, @, tab or CR gets a leading '."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _workers(asked: int | None, tasks: int | None) -> int:
    """Worker processes: as asked, but never more than the CPUs this process may use, nor than the tasks."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    jobs = min(asked or usable, usable)
    if asked is not None and asked > usable:
        click.echo(f"note: --jobs {asked} is more than the {usable} usable CPUs; using {usable}.", err=True)
    return max(1, min(jobs, tasks)) if tasks is not None else jobs


def _exit_for(counts: dict[str, int], input_errors: list[Any]) -> NoReturn:
    if input_errors:
        sys.exit(2)
    sys.exit(1 if counts["failed"] or counts["errors"] else 0)


def _worker_options(
    rules_dir: RuleDirs, runner: Runner, settings: tuple[str, ...], assumptions: tuple[str, ...]
) -> dict[str, Any]:
    return {
        "rules_dir": rules_dir,
        "today": runner.today,
        "settings": _pairs(settings, "--set"),
        "assumptions": _pairs(assumptions, "--assume"),
    }


@main.command()
@click.argument("action")
@click.option("--given", "givens", multiple=True, metavar="FACT", help="A Given phrase (repeatable).")
@click.option("--format", "fmt", type=click.Choice(VERDICT_FORMATS), default="text", show_default=True)
@click.option("--fail-if-blocked", is_flag=True, help="Exit 1 when the action is blocked.")
@law_options
def evaluate(
    action: str,
    givens: tuple[str, ...],
    fmt: str,
    fail_if_blocked: bool,
    rules_dir: RuleDirs,
    settings: tuple[str, ...],
    assumptions: tuple[str, ...],
) -> None:
    """Evaluate one proposed ACTION (a When phrase) with the given facts, and explain the verdict.

    Example: constraint-engine evaluate "the President proposes to withdraw the United States from the
    North Atlantic Treaty" --given "the date is 2026-02-10"
    """
    from pydantic import ValidationError

    from .errors import InputError
    from .inputs import visible_controls
    from .render import render_verdict
    from .steps import StepError

    runner = _runner(rules_dir, settings, assumptions)
    try:
        case, _ = runner.case_of(
            [_KEYWORD.sub("", visible_controls(fact)) for fact in givens],
            _KEYWORD.sub("", visible_controls(action)),
        )
    except InputError as exc:
        _fail_input([exc])
    except (StepError, ValidationError) as exc:
        _fail_input([f"{exc}"])
    verdict = runner.evaluate(case, with_cures=True)
    click.echo(render_verdict(verdict, fmt, color=_color(), width=_width()), nl=False)
    if verdict.outcome == "error" or (fail_if_blocked and verdict.outcome == "blocked"):
        sys.exit(1)


@main.command()
@click.argument("target", metavar="FILE[:LINE]")
@click.option("--format", "fmt", type=click.Choice(VERDICT_FORMATS), default="text", show_default=True)
@law_options
def explain(
    target: str, fmt: str, rules_dir: RuleDirs, settings: tuple[str, ...], assumptions: tuple[str, ...]
) -> None:
    """Explain the verdict of the scenario at LINE of FILE (every scenario of FILE without LINE)."""
    from .errors import InputError
    from .features import parse_feature
    from .render import render_verdict

    path, line = _file_and_line(target)
    runner = _runner(rules_dir, settings, assumptions)
    try:
        specs = parse_feature(Path(path), runner.registry)
    except InputError as exc:
        _fail_input([exc])
    if line is not None:
        starting = [s for s in specs if s.line <= line]
        last_line = max(max(st.line for st in s.steps) if s.steps else s.line for s in specs)
        if not starting or line > last_line:  # never silently the last scenario for a line past them all
            lines = ", ".join(str(s.line) for s in specs)
            _fail_input(
                [f"{path}:{line}: no scenario is at this line; its scenarios start at lines {lines}."]
            )
        specs = [max(starting, key=lambda s: s.line)]
    verdicts = []
    for spec in specs:
        try:
            case = runner.case(runner.build(spec), spec)
        except InputError as exc:
            _fail_input([exc])
        except Exception as exc:  # a StepError raised while validating the whole scenario
            _fail_input([f"{spec.location}: {exc}."])
        verdicts.append(runner.evaluate(case, with_cures=True))
    if fmt == "json":
        docs = [v.to_json_dict() for v in verdicts]
        click.echo(json.dumps(docs[0] if line is not None else docs, indent=2, ensure_ascii=False))
    elif fmt == "html" and len(verdicts) > 1:
        from .render.html import verdicts_page

        click.echo(verdicts_page(verdicts), nl=False)
    else:
        click.echo(
            "\n".join(render_verdict(v, fmt, color=_color(), width=_width()) for v in verdicts), nl=False
        )
    if any(v.outcome == "error" for v in verdicts):
        sys.exit(1)


@main.command()
@click.argument("provision", required=False)
@click.option("--as-of", "as_of", metavar="DATE", help="Only the law in force on this day (YYYY-MM-DD).")
@click.option("--params", is_flag=True, help="List every parameter and interpretation with its dated values.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@rules_options
def rules(provision: str | None, as_of: str | None, params: bool, fmt: str, rules_dir: RuleDirs) -> None:
    """Browse the law: every provision in force, or one PROVISION whole, or (--params) the parameters."""
    from .browsing import parameters_listing, provision_detail, provisions_listing
    from .errors import InputError, InputErrors
    from .loading import load_rulebook

    day = None
    if as_of is not None:
        try:
            day = dt.date.fromisoformat(as_of)
        except ValueError:
            _fail_input([f"--as-of {as_of!r} is not a date; accepted: YYYY-MM-DD."])
    try:
        book = load_rulebook(rules_dir)
    except InputErrors as exc:
        _fail_input(list(exc.errors))
    except InputError as exc:
        _fail_input([exc])
    chosen: list[str] = []
    if provision is not None:
        # An id, or a citation or alias as lawyers write it ("22 USC 1928f(a)", "Pub. L. 119-60").
        index = book.citations
        chosen = [provision] if provision in book.provisions else index.provisions(provision)
        if not chosen:
            near = "; ".join(index.nearest(provision))
            _fail_input(
                [
                    f"unknown provision {provision!r}: no id, citation or alias names it. Nearest citations: "
                    f"{near}. Accepted: an id ({', '.join(book.provisions)}) or a citation."
                ]
            )
    if chosen:
        docs = [provision_detail(book, pid) for pid in chosen]
        from .browsing import Doc

        doc = docs[0] if len(docs) == 1 else Doc("\n".join(d.text for d in docs), [d.data for d in docs])
    elif params:  # the value in force today unless --as-of says which day, then each value's history
        doc = parameters_listing(book, day or dt.date.today())
    else:
        doc = provisions_listing(book, day)
    if fmt == "json":
        click.echo(json.dumps(doc.data, indent=2, ensure_ascii=False, default=str))
    else:
        click.echo(doc.text, nl=False)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@law_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def diff(
    paths: tuple[Path, ...],
    rules_dir: RuleDirs,
    settings: tuple[str, ...],
    assumptions: tuple[str, ...],
    fmt: str,
) -> None:
    """Evaluate every scenario under the enacted law and under the amended one (--amend, --set, --assume).

    Lists each scenario whose verdict changes, with the provisions responsible. Exits 0 when nothing
    changed, 1 when something did, 2 on bad input.
    """
    import dataclasses

    from .errors import InputError
    from .features import collect
    from .running import compare

    if not settings and not assumptions and not rules_dir.amendments:
        _fail_input(["diff needs at least one --amend FILE, --set PARAM=VALUE or --assume NAME=VALUE."])
    enacted = _runner(dataclasses.replace(rules_dir, amendments=()))
    amended = _runner(rules_dir, settings, assumptions)
    try:
        specs, input_errors = collect(paths, enacted.registry)
    except InputError as exc:
        _fail_input([exc])
    if input_errors:
        _fail_input(input_errors)
    changes = compare(enacted, amended, specs)
    if fmt == "json":
        click.echo(
            json.dumps(
                {"schema": "constraint-engine/diff/1", "changes": changes}, indent=2, ensure_ascii=False
            )
        )
    else:
        for c in changes:
            click.echo(f"{c['file']}:{c['line']}  {c['name']}")
            click.echo(f"      {c['before']} -> {c['after']}")
            for line in c["because"]:
                click.echo(f"      {line}")
        click.echo(f"{len(changes)} of {len(specs)} scenarios change")
    sys.exit(1 if changes else 0)


@main.command("coverage")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@law_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--fail-under", type=click.FloatRange(0, 100), default=None, help="Exit 1 below this percentage."
)
def coverage_command(
    paths: tuple[Path, ...],
    rules_dir: RuleDirs,
    settings: tuple[str, ...],
    assumptions: tuple[str, ...],
    fmt: str,
    fail_under: float | None,
) -> None:
    """Report which provisions, boundaries and exceptions the scenarios in PATHS exercise."""
    from .covering import coverage, coverage_text
    from .errors import InputError
    from .features import collect

    runner = _runner(rules_dir, settings, assumptions)
    try:
        specs, input_errors = collect(paths, runner.registry)
    except InputError as exc:
        _fail_input([exc])
    if input_errors:
        _fail_input(input_errors)
    report = coverage(runner, specs)
    click.echo(
        json.dumps(report, indent=2, ensure_ascii=False) if fmt == "json" else coverage_text(report),
        nl=fmt == "json",
    )
    if fail_under is not None and report["percent"] < fail_under:
        click.echo(f"coverage {report['percent']}% is below --fail-under {fail_under:g}%.", err=True)
        sys.exit(1)


@main.command("lint")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@rules_options
@click.option("--strict", is_flag=True, help="Exit 1 when there are warnings (and no errors).")
def lint_command(paths: tuple[Path, ...], rules_dir: RuleDirs, strict: bool) -> None:
    """Check rule packs and feature files without evaluating anything.

    Exits 0 when clean, 2 when there are errors, and 1 with warnings only under --strict.
    """
    from .linting import lint

    findings, _ = lint(paths, rules_dir)
    for f in findings:
        click.echo(f.text())
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    click.echo(f"{_count(errors, 'error')}, {_count(warnings, 'warning')}")
    if errors:
        sys.exit(2)
    sys.exit(1 if strict and warnings else 0)


@main.command("new")
@click.argument("action")
@click.option(
    "--output", "-o", type=click.Path(path_type=Path), help="Write the skeleton here (default: print it)."
)
@click.option("--force", is_flag=True, help="Overwrite the --output file if it exists.")
@law_options
def new_command(
    action: str,
    output: Path | None,
    force: bool,
    rules_dir: RuleDirs,
    settings: tuple[str, ...],
    assumptions: tuple[str, ...],
) -> None:
    """Write a scenario skeleton for a When phrase, straddling each boundary of the law that governs it."""
    from .errors import InputError
    from .exploring import skeleton

    runner = _runner(rules_dir, settings, assumptions)
    try:
        from .inputs import visible_controls

        text = skeleton(runner, _KEYWORD.sub("", visible_controls(action)))
    except InputError as exc:
        _fail_input([exc])
    if output is None:
        click.echo(text, nl=False)
    else:
        from .outputs import write_atomically

        try:
            write_atomically(output, text, what="--output", overwrite=force)
        except InputError as exc:
            _fail_input([exc])
        click.echo(f"wrote {output}")


@main.command()
@click.argument("template")
@click.option(
    "--range",
    "ranges",
    multiple=True,
    required=True,
    metavar="NAME=LO..HI[:STEP]",
    help="An axis (repeatable).",
)
@click.option(
    "--given", "givens", multiple=True, metavar="FACT", help="A Given phrase for every point (repeatable)."
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text", show_default=True
)
@click.option(
    "--plot", type=click.Path(path_type=Path), help="Also draw the grid, coloured by verdict (.png or .svg)."
)
@jobs_option
@law_options
def explore(
    template: str,
    ranges: tuple[str, ...],
    givens: tuple[str, ...],
    fmt: str,
    plot: Path | None,
    jobs: int | None,
    rules_dir: RuleDirs,
    settings: tuple[str, ...],
    assumptions: tuple[str, ...],
) -> None:
    """Evaluate a When phrase with {placeholders} over a grid, and show where the verdict changes.

    Example: explore "the Secretary of Defense proposes to reduce United States forces in the European
    Command area of responsibility to {count} for {days} days" --range count=60000..90000:1000
    --range days=1..120 --given "the date is 2026-05-01"

    A Given may leave a number or a date open too: --given "the Senate gave its advice and consent with
    {yeas} of 100 Senators present concurring" --range yeas=60..70
    """
    from .errors import InputError
    from .exploring import explore as run_explore
    from .exploring import frontier, plan_axes, summary_text
    from .exploring import plot as draw
    from .inputs import visible_controls

    runner = _runner(rules_dir, settings, assumptions)
    template = visible_controls(_KEYWORD.sub("", template))
    givens_clean = [_KEYWORD.sub("", visible_controls(g)) for g in givens]
    try:
        axes = plan_axes(runner.registry, template, givens_clean, list(ranges))
    except InputError as exc:
        _fail_input([exc])
    if plot is not None and plot.suffix.lower() not in (".png", ".svg"):
        _fail_input([f"--plot {plot}: accepted: a .png or .svg file name."])
    if len(axes) > 2 and plot is not None:
        _fail_input(["--plot draws one or two axes; give at most two --range options."])
    options = {
        "today": runner.today,
        "rules_dir": rules_dir,
        "settings": _pairs(settings, "--set"),
        "assumptions": _pairs(assumptions, "--assume"),
    }
    total = 1
    for axis in axes:
        total *= len(axis.values)
    if total > MAX_GRID_POINTS:
        _fail_input(
            [f"--range: the grid has {total:,} points; accepted: at most {MAX_GRID_POINTS:,} in all."]
        )
    from rich.progress import Progress

    with Progress(transient=True, disable=not sys.stderr.isatty() or total < 500) as bar:
        task = bar.add_task("evaluating", total=total)
        points = run_explore(
            runner,
            options,
            template,
            axes,
            givens_clean,
            _workers(jobs, None),
            lambda n: bar.advance(task, n),
        )
    edges = frontier(points, axes)
    dated = any(a.name == "date" for a in axes) or any(
        g.lower().startswith("the date is") for g in givens_clean
    )
    day_note = "" if dated else f"Evaluated as of today, {runner.today}: no 'the date is' was given."
    if fmt == "json":
        doc = {
            "schema": "constraint-engine/explore/1",
            "template": template,
            "points": points,
            "frontier": edges,
        }
        click.echo(json.dumps(doc, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        import csv
        import io

        names = [a.name for a in axes]
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([*names, "outcome", "blocked_by", "governed_by"])
        for p in points:
            writer.writerow(
                [
                    *(_cell(p[n]) for n in names),
                    p["outcome"],
                    _cell("; ".join(p["blocked_by"])),
                    _cell("; ".join(p["governed_by"])),
                ]
            )
        click.echo(buffer.getvalue(), nl=False)
    else:
        click.echo(summary_text(points, axes, edges, day_note), nl=False)
    if plot is not None:
        from .errors import InputError
        from .outputs import write_atomically

        title = "; ".join([*givens_clean, template]) + ("" if dated else f" (as of {runner.today})")
        image = draw(points, axes, title, plot.suffix.lower().lstrip("."))
        try:
            write_atomically(plot, image, what="--plot")
        except InputError as exc:
            _fail_input([exc])
        click.echo(f"plot written to {plot}", err=True)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--answers", is_flag=True, help="Print the teacher's key instead of asking.")
@click.option(
    "--explain",
    "explain_mode",
    type=click.Choice(["brief", "full"]),
    default="brief",
    show_default=True,
    help="After each answer: three lines (verdict, authority, decisive fact), or the whole explanation too.",
)
@click.option(
    "--grade",
    "grade_file",
    type=click.Path(path_type=Path),
    metavar="ANSWERS.csv",
    help="Grade answers without asking: a CSV with columns question, outcome (b/p/u), authority.",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@law_options
def quiz(
    paths: tuple[Path, ...],
    answers: bool,
    explain_mode: str,
    grade_file: Path | None,
    fmt: str,
    rules_dir: RuleDirs,
    settings: tuple[str, ...],
    assumptions: tuple[str, ...],
) -> None:
    """Exercise mode: predict each scenario's verdict and authority, then see why (or grade a class's answers
    with --grade)."""
    from .errors import InputError
    from .features import collect
    from .inputs import read_text
    from .quizzing import grade, grade_text, pack_titles, questions, run_quiz
    from .render import render_verdict

    runner = _runner(rules_dir, settings, assumptions)
    try:
        specs, input_errors = collect(paths, runner.registry)
        if input_errors:
            _fail_input(input_errors)
        items = questions(runner, specs)
    except InputError as exc:
        _fail_input([exc])
    titles = pack_titles(runner)
    if answers:
        for n, q in enumerate(items, start=1):
            click.echo(f"{n}. {q.spec.name} ({q.spec.location}): {q.key()}")
        return
    if grade_file is not None:
        try:
            doc = grade(
                items, read_text(grade_file, "a CSV of answers"), str(grade_file), runner.citations, titles
            )
        except InputError as exc:
            _fail_input([exc])
        click.echo(
            json.dumps(doc, indent=2, ensure_ascii=False) if fmt == "json" else grade_text(doc),
            nl=fmt == "json",
        )
        return

    def ask(text: str) -> str:
        try:
            return str(click.prompt(text, default="", show_default=False))
        except (click.exceptions.Abort, EOFError):
            raise QuizStopped from None  # the answers ran out (piped answers, Ctrl-D): the score so far

    from .quizzing import QuizStopped

    got, out_of = run_quiz(
        items,
        ask=ask,
        show=click.echo,
        explain=(lambda v: render_verdict(v, "text", color=_color(), width=_width()))
        if explain_mode == "full"
        else None,
        index=runner.citations,
        titles=titles,
    )
    click.echo(f"\nScore: {got} of {out_of}")


@main.command()
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback only, by default)."
)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--exercises",
    "exercises",
    multiple=True,
    type=click.Path(path_type=Path),
    metavar="FILE_OR_DIR",
    help="Feature files for the exercise page (repeatable).",
)
@law_options
def serve(
    host: str,
    port: int,
    exercises: tuple[Path, ...],
    rules_dir: RuleDirs,
    settings: tuple[str, ...],
    assumptions: tuple[str, ...],
) -> None:
    """A local web playground and JSON API: write a scenario, see its verdict and why (pip install
    'constraint-engine[web]'). The API's documentation is served at /docs."""
    try:
        import uvicorn

        from .web import LOCAL_HOSTS, create_app
    except ImportError:
        _fail_input(["serve needs the web extra. Accepted: pip install 'constraint-engine[web]'."])
    runner = _runner(rules_dir, settings, assumptions)
    for path in exercises:
        if not path.exists():
            _fail_input([f"{path}: --exercises names no file or folder."])
    click.echo(f"constraint-engine playground on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    app = create_app(runner, list(exercises), hosts=(*LOCAL_HOSTS, host))
    # A connection idle past 5 s is closed; past 64 requests at once, 503 (each waits for the one engine).
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_keep_alive=5, limit_concurrency=64)


_PROGRESS = {"passed": ".", "failed": "F", "error": "E", "unchecked": "U"}
_AT_LINE = re.compile(r"(.+?)((?::[0-9]+)+)")


def _close(stream: Any) -> None:
    """Stop a run early: a generator of worker results shuts its workers down when closed."""
    close = getattr(stream, "close", None)
    if close is not None:
        close()


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
        from .errors import InputError
        from .inputs import read_text

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


@main.command()
@rules_options
def lsp(rules_dir: RuleDirs) -> None:
    """A Language Server for .feature files, over stdio: completion of the law's phrases, lint's diagnostics,
    hover on a step or a citation, go to the pack line declaring a phrase (extra [lsp])."""
    try:
        from .editor import make_server
    except ImportError:
        _fail_input(
            ["the language server needs the lsp extra. Accepted: pip install 'constraint-engine[lsp]'."]
        )
    make_server(_runner(rules_dir)).start_io()  # the law loaded and checked as every command loads it


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@rules_options
def steps(fmt: str, rules_dir: RuleDirs) -> None:
    """List every phrase the law's packs declare and the engine's own, grouped Given / When / Then, each
    with the pack that declares it, its placeholders and an example."""
    from .browsing import steps_listing
    from .errors import InputError, InputErrors
    from .loading import load_rulebook
    from .steps import registry_for

    try:
        book = load_rulebook(rules_dir)
        doc = steps_listing(registry_for(book), book.phrasebook)
    except InputErrors as exc:
        _fail_input(list(exc.errors))
    except InputError as exc:
        _fail_input([exc])
    click.echo(
        json.dumps(doc.data, indent=2, ensure_ascii=False) if fmt == "json" else doc.text, nl=fmt == "json"
    )


def _file_and_line(target: str) -> tuple[str, int | None]:
    head, sep, tail = target.rpartition(":")
    if sep and re.fullmatch(r"[0-9]{1,9}", tail):  # ASCII digits only, as everywhere
        return head, int(tail)
    return target, None


if __name__ == "__main__":
    main()
