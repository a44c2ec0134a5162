"""`serve` and `lsp`: the web playground and API, and the language server for editors."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from ..loading import RuleDirs

from .base import (
    _fail_input,
    _runner,
    law_options,
    main,
    rules_options,
)


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

        from ..web import LOCAL_HOSTS, create_app
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


@main.command()
@rules_options
def lsp(rules_dir: RuleDirs) -> None:
    """A Language Server for .feature files, over stdio: completion of the law's phrases, lint's diagnostics,
    hover on a step or a citation, go to the pack line declaring a phrase (extra [lsp])."""
    try:
        from ..editor import make_server
    except ImportError:
        _fail_input(
            ["the language server needs the lsp extra. Accepted: pip install 'constraint-engine[lsp]'."]
        )
    make_server(_runner(rules_dir)).start_io()  # the law loaded and checked as every command loads it
