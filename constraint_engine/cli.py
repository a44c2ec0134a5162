"""The command line. Heavy modules load inside the commands, so `--help` starts fast."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from . import __version__

if TYPE_CHECKING:
    from .running import Runner

VERDICT_FORMATS = ("text", "json", "markdown", "html", "dot")
_KEYWORD = re.compile(r"^\s*(Given|When|Then|And|But|\*)\s+", re.IGNORECASE)


def _fail_input(errors: list[Any]) -> NoReturn:
    """Report bad input (no traceback) and exit 2."""
    for err in errors:
        message = getattr(err, "message", None)
        click.echo(f"error: {message() if callable(message) else err}", err=True)
    sys.exit(2)


def _runner(rules_dir: Path | None) -> Runner:
    from .errors import InputError, InputErrors
    from .running import Runner

    try:
        return Runner(rules_dir)
    except InputErrors as exc:
        _fail_input(list(exc.errors))
    except InputError as exc:
        _fail_input([exc])


def _color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


rules_option = click.option(
    "--rules",
    "rules_dir",
    type=click.Path(path_type=Path),
    help="Rule pack folder (default: the bundled law).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="constraint-engine")
def main() -> None:
    """Evaluate proposed executive actions on NATO against the law that constrains them."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@rules_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--report", type=click.Path(path_type=Path), help="Also write an HTML report of every scenario."
)
def check(paths: tuple[Path, ...], rules_dir: Path | None, fmt: str, report: Path | None) -> None:
    """Run every scenario in PATHS (feature files or folders) and check its expectations.

    Exits 0 when all pass, 1 when any fails or errors, 2 on bad input.
    """
    from .errors import InputError
    from .render.run import run_json, run_text, summary
    from .running import collect

    try:
        specs, input_errors = collect(paths)
    except InputError as exc:
        _fail_input([exc])
    runner = _runner(rules_dir)
    explained = fmt == "json" or report is not None
    results = list(runner.run_all(specs, with_cures=explained))
    counts = summary(results, input_errors)
    if fmt == "json":
        click.echo(json.dumps(run_json(results, input_errors), indent=2, ensure_ascii=False))
    else:
        from rich.console import Console

        run_text(Console(highlight=False, soft_wrap=True), results, input_errors)
    if report is not None:
        from .render.html import run_report

        try:
            report.write_text(run_report(results, input_errors, counts), encoding="utf-8")
        except OSError as exc:
            _fail_input([f"{report}: cannot write the report: {exc.strerror}."])
    if input_errors:
        sys.exit(2)
    sys.exit(1 if counts["failed"] or counts["errors"] else 0)


@main.command()
@click.argument("action")
@click.option("--given", "givens", multiple=True, metavar="FACT", help="A Given phrase (repeatable).")
@click.option("--format", "fmt", type=click.Choice(VERDICT_FORMATS), default="text", show_default=True)
@click.option("--fail-if-blocked", is_flag=True, help="Exit 1 when the action is blocked.")
@rules_option
def evaluate(
    action: str, givens: tuple[str, ...], fmt: str, fail_if_blocked: bool, rules_dir: Path | None
) -> None:
    """Evaluate one proposed ACTION (a When phrase) with the given facts, and explain the verdict.

    Example: constraint-engine evaluate "the President proposes to withdraw the United States from the
    North Atlantic Treaty" --given "the date is 2026-02-10"
    """
    from pydantic import ValidationError

    from .render import render_verdict
    from .steps import REGISTRY, ScenarioBuilder, StepError

    builder = ScenarioBuilder()
    try:
        for fact in givens:
            REGISTRY.apply("given", _KEYWORD.sub("", fact), builder)
        REGISTRY.apply("when", _KEYWORD.sub("", action), builder)
    except (StepError, ValidationError) as exc:
        _fail_input([f"{exc}"])
    runner = _runner(rules_dir)
    verdict = runner.evaluate(builder.proposal(dt.date.today()), with_cures=True)
    click.echo(render_verdict(verdict, fmt, color=_color()), nl=False)
    if verdict.outcome == "error" or (fail_if_blocked and verdict.outcome == "blocked"):
        sys.exit(1)


@main.command()
@click.argument("target", metavar="FILE[:LINE]")
@click.option("--format", "fmt", type=click.Choice(VERDICT_FORMATS), default="text", show_default=True)
@rules_option
def explain(target: str, fmt: str, rules_dir: Path | None) -> None:
    """Explain the verdict of the scenario at LINE of FILE (every scenario of FILE without LINE)."""
    from .errors import InputError
    from .render import render_verdict
    from .running import parse_feature

    path, line = _file_and_line(target)
    try:
        specs = parse_feature(Path(path))
    except InputError as exc:
        _fail_input([exc])
    if line is not None:
        starting = [s for s in specs if s.line <= line]
        if not starting:
            _fail_input([f"{path}:{line}: no scenario starts at or before this line."])
        specs = [max(starting, key=lambda s: s.line)]
    runner = _runner(rules_dir)
    verdicts = []
    for spec in specs:
        try:
            proposal = runner.build(spec).proposal(runner.today)
        except InputError as exc:
            _fail_input([exc])
        except Exception as exc:  # a StepError raised while validating the whole scenario
            _fail_input([f"{spec.location}: {exc}."])
        verdicts.append(runner.evaluate(proposal, with_cures=True))
    if fmt == "json":
        docs = [v.to_json_dict() for v in verdicts]
        click.echo(json.dumps(docs[0] if line is not None else docs, indent=2, ensure_ascii=False))
    elif fmt == "html" and len(verdicts) > 1:
        from .render.html import verdicts_page

        click.echo(verdicts_page(verdicts), nl=False)
    else:
        click.echo("\n".join(render_verdict(v, fmt, color=_color()) for v in verdicts), nl=False)
    if any(v.outcome == "error" for v in verdicts):
        sys.exit(1)


def _file_and_line(target: str) -> tuple[str, int | None]:
    head, sep, tail = target.rpartition(":")
    if sep and tail.isdigit():
        return head, int(tail)
    return target, None


if __name__ == "__main__":
    main()
