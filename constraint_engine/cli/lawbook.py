"""`rules`, `steps`, `lint` and `coverage`: reading the law, its phrases, checking packs and scenarios, and
which conditions the scenarios reach."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from ..loading import RuleDirs

from .base import (
    _count,
    _fail_input,
    _runner,
    law_options,
    main,
    rules_options,
)


@main.command()
@click.argument("provision", required=False)
@click.option("--as-of", "as_of", metavar="DATE", help="Only the law in force on this day (YYYY-MM-DD).")
@click.option("--params", is_flag=True, help="List every parameter and interpretation with its dated values.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@rules_options
def rules(provision: str | None, as_of: str | None, params: bool, fmt: str, rules_dir: RuleDirs) -> None:
    """Browse the law: every provision in force, or one PROVISION whole, or (--params) the parameters."""
    from ..browsing import parameters_listing, provision_detail, provisions_listing
    from ..errors import InputError, InputErrors
    from ..loading import load_rulebook

    day = None
    if as_of is not None:
        from ..bounds import check_date_bounds

        try:
            day = check_date_bounds(dt.date.fromisoformat(as_of))
        except ValueError as exc:
            said = str(exc) if "outside" in str(exc) else "it is not a date; accepted: YYYY-MM-DD"
            _fail_input([f"--as-of {as_of!r}: {said}."])
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
        from ..browsing import Doc

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
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@rules_options
def steps(fmt: str, rules_dir: RuleDirs) -> None:
    """List every phrase the law's packs declare and the engine's own, grouped Given / When / Then, each
    with the pack that declares it, its placeholders and an example."""
    from ..browsing import steps_listing
    from ..errors import InputError, InputErrors
    from ..loading import load_rulebook
    from ..steps import registry_for

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


@main.command("lint")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@rules_options
@click.option("--strict", is_flag=True, help="Exit 1 when there are warnings (and no errors).")
def lint_command(paths: tuple[Path, ...], rules_dir: RuleDirs, strict: bool) -> None:
    """Check rule packs and feature files without evaluating anything.

    Exits 0 when clean, 2 when there are errors, and 1 with warnings only under --strict.
    """
    from ..linting import lint

    findings, _ = lint(paths, rules_dir)
    for f in findings:
        click.echo(f.text())
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    click.echo(f"{_count(errors, 'error')}, {_count(warnings, 'warning')}")
    if errors:
        sys.exit(2)
    sys.exit(1 if strict and warnings else 0)


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
    from ..covering import coverage, coverage_text
    from ..errors import InputError
    from ..features import collect

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
