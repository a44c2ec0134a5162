"""The command line. Heavy modules load inside the commands, so `--help` starts fast."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__


def _fail_input(errors: list[object]) -> None:
    """Report input errors (no traceback) and exit 2."""
    for err in errors:
        message = getattr(err, "message", None)
        click.echo(f"error: {message() if callable(message) else err}", err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="constraint-engine")
def main() -> None:
    """Evaluate proposed executive actions on NATO against the law that constrains them."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--rules",
    "rules_dir",
    type=click.Path(path_type=Path),
    help="Rule pack folder (default: the bundled law).",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def check(paths: tuple[Path, ...], rules_dir: Path | None, fmt: str) -> None:
    """Run every scenario in PATHS (feature files or folders) and check its expectations.

    Exits 0 when all pass, 1 when any fails or errors, 2 on bad input.
    """
    from .errors import InputError, InputErrors
    from .rendering import run_json, run_text, summary
    from .running import Runner, collect

    try:
        specs, input_errors = collect(paths)
        runner = Runner(rules_dir)
    except InputErrors as exc:
        _fail_input(list(exc.errors))
        return
    except InputError as exc:
        _fail_input([exc])
        return
    results = list(runner.run_all(specs))
    if fmt == "json":
        click.echo(json.dumps(run_json(results, input_errors), indent=2))
    else:
        from rich.console import Console

        run_text(Console(highlight=False, soft_wrap=True), results, input_errors)
    counts = summary(results, input_errors)
    if input_errors:
        sys.exit(2)
    sys.exit(1 if counts["failed"] or counts["errors"] else 0)


if __name__ == "__main__":
    main()
