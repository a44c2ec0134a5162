"""`evaluate`, `explain` and `diff`: one verdict, the verdicts of a file, and what an amendment changes."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from ..loading import RuleDirs

from .base import (
    _KEYWORD,
    VERDICT_FORMATS,
    _color,
    _fail_input,
    _file_and_line,
    _runner,
    _width,
    law_options,
    main,
)


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

    from ..errors import InputError
    from ..inputs import visible_controls
    from ..render import render_verdict
    from ..steps import StepError

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
    from ..errors import InputError
    from ..features import parse_feature
    from ..render import render_verdict

    path, line = _file_and_line(target)
    runner = _runner(rules_dir, settings, assumptions)
    try:
        specs = parse_feature(Path(path), runner.registry)
    except InputError as exc:
        _fail_input([exc])
    if line is not None:  # as check reads FILE:LINE: a scenario's or a step's line, an Outline, a row
        from .checking import _at

        specs = _at(specs, {specs[0].file: {line}}) if specs else specs
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
        click.echo(
            json.dumps(docs[0] if line is not None and len(docs) == 1 else docs, indent=2, ensure_ascii=False)
        )
    elif fmt == "html" and len(verdicts) > 1:
        from ..render.html import verdicts_page

        click.echo(verdicts_page(verdicts), nl=False)
    else:
        click.echo(
            "\n".join(render_verdict(v, fmt, color=_color(), width=_width()) for v in verdicts), nl=False
        )
    if any(v.outcome == "error" for v in verdicts):
        sys.exit(1)


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

    from ..errors import InputError
    from ..features import collect
    from ..running import compare

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
        for said in amended.book.bills:
            click.echo(said)
        for c in changes:
            click.echo(f"{c['file']}:{c['line']}  {c['name']}")
            click.echo(f"      {c['before']} -> {c['after']}")
            for line in c["because"]:
                click.echo(f"      {line}")
        click.echo(f"{len(changes)} of {len(specs)} scenarios change")
    sys.exit(1 if changes else 0)
