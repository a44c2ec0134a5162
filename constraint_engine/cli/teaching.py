"""`new`, `explore` and `quiz`: writing a first outline that straddles each boundary, a grid of verdicts,
and exercises for a class."""

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
    MAX_GRID_POINTS,
    _cell,
    _color,
    _fail_input,
    _pairs,
    _runner,
    _width,
    _workers,
    jobs_option,
    law_options,
    main,
)


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
    from ..errors import InputError
    from ..exploring import skeleton

    runner = _runner(rules_dir, settings, assumptions)
    try:
        from ..inputs import visible_controls

        text = skeleton(runner, _KEYWORD.sub("", visible_controls(action)))
    except InputError as exc:
        _fail_input([exc])
    if output is None:
        click.echo(text, nl=False)
    else:
        from ..outputs import write_atomically

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
    from ..errors import InputError
    from ..exploring import explore as run_explore
    from ..exploring import frontier, plan_axes, summary_text
    from ..exploring import plot as draw
    from ..inputs import visible_controls

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
    if plot is not None:
        from ..outputs import check_target

        try:  # said before the grid is evaluated, not after
            check_target(plot, "--plot")
        except InputError as exc:
            _fail_input([exc])
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
        from ..errors import InputError
        from ..outputs import write_atomically

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
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="For --grade and --answers: their report as text or JSON (a quiz itself asks in text).",
)
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
    from ..errors import InputError
    from ..features import collect
    from ..inputs import read_text
    from ..quizzing import grade, grade_text, pack_titles, questions, run_quiz
    from ..render import render_verdict

    if answers and grade_file is not None:
        _fail_input(["--answers and --grade: the key, or a class's grades. Accepted: one of them."])
    runner = _runner(rules_dir, settings, assumptions)
    try:
        specs, input_errors = collect(paths, runner.registry)
        if input_errors:
            _fail_input(input_errors)
        items = questions(runner, specs)
    except InputError as exc:
        _fail_input([exc])
    titles = pack_titles(runner)
    if answers and fmt == "json":
        key = [
            {
                "question": n,
                "name": q.spec.name,
                "location": q.spec.location,
                "outcome": q.verdict.outcome,
                "authority": list(dict.fromkeys(b.citation for b in q.verdict.blocked_by)),
                "key": q.key(),
            }
            for n, q in enumerate(items, start=1)
        ]
        click.echo(json.dumps({"schema": "constraint-engine/quiz-key/1", "questions": key}, indent=2))
        return
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

    if fmt == "json":
        _fail_input(
            [
                "--format json: a quiz asks its questions in text. "
                "Accepted: --format json with --grade or --answers."
            ]
        )

    def ask(text: str) -> str:
        try:
            return str(click.prompt(text, default="", show_default=False))
        except (click.exceptions.Abort, EOFError):
            raise QuizStopped from None  # the answers ran out (piped answers, Ctrl-D): the score so far

    from ..quizzing import QuizStopped

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
