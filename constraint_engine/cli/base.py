"""What every command shares: the `constraint-engine` group, the options that choose and amend the law, how
bad input is reported (exit 2), the terminal's width and colour, and the worker count."""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from .. import __version__

if TYPE_CHECKING:
    from ..loading import RuleDirs
    from ..running import Runner


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
    from ..errors import InputError
    from ..inputs import assignments

    try:
        return assignments(values, option)
    except InputError as exc:
        _fail_input([exc])


def _runner(rules_dir: RuleDirs, settings: tuple[str, ...] = (), assumptions: tuple[str, ...] = ()) -> Runner:
    from ..errors import InputError, InputErrors
    from ..running import Runner

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
        from ..loading import RuleDirs

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
    except SystemExit as done:
        # click answers a closed pipe (`check ... | head`) with exit 1, which here means a scenario failed:
        # it is said as a shell says a process stopped by SIGPIPE, 141, and nothing is printed.
        if done.code != 1 or "PacifyFlushWrapper" not in type(sys.stdout).__name__:
            raise
        _quiet_stdout()
        stopped.append(128 + getattr(signal, "SIGPIPE", 13))
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


def _file_and_line(target: str) -> tuple[str, int | None]:
    head, sep, tail = target.rpartition(":")
    if sep and re.fullmatch(r"[0-9]{1,9}", tail):  # ASCII digits only, as everywhere
        return head, int(tail)
    return target, None


if __name__ == "__main__":
    main()


def _workers(asked: int | None, tasks: int | None) -> int:
    """Worker processes: as asked, but never more than the CPUs this process may use, nor than the tasks."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    jobs = min(asked or usable, usable)
    if asked is not None and asked > usable:
        click.echo(f"note: --jobs {asked} is more than the {usable} usable CPUs; using {usable}.", err=True)
    return max(1, min(jobs, tasks)) if tasks is not None else jobs


def _worker_options(
    rules_dir: RuleDirs, runner: Runner, settings: tuple[str, ...], assumptions: tuple[str, ...]
) -> dict[str, Any]:
    return {
        "rules_dir": rules_dir,
        "today": runner.today,
        "settings": _pairs(settings, "--set"),
        "assumptions": _pairs(assumptions, "--assume"),
    }


def _close(stream: Any) -> None:
    """Stop a run early: a generator of worker results shuts its workers down when closed."""
    close = getattr(stream, "close", None)
    if close is not None:
        close()


def _cell(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run: text starting with =, +, -, @, tab or CR gets a leading '."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
