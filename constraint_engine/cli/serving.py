"""`serve` and `lsp`: the web playground and API, and the language server for editors."""

from __future__ import annotations

import errno
import os
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
    import socket

    # The port is taken here, and the socket handed to uvicorn: a port in use is bad input, said in one line
    # (uvicorn said it in its log format and exited 3).
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        socket.getaddrinfo(host, port, family, socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:  # not a name or an address at all
        _fail_input(
            [
                f"--host {host}: not an address of this machine ({getattr(exc, 'strerror', None) or exc}). "
                "Accepted: 127.0.0.1 (the default), ::1, or an address this machine has."
            ]
        )
    try:
        listening = socket.create_server((host, port), family=family)
    except OSError as exc:
        why = os.strerror(exc.errno) if exc.errno else str(exc)
        if exc.errno == errno.EADDRINUSE:
            other = port + 1 if port < 65535 else 8000
            accepted = f"a free port (--port {other}), or stop what uses this one"
        else:  # an address this machine does not have, or a port it may not take
            accepted = "127.0.0.1 (the default), ::1, or an address this machine has, and a port above 1023"
        _fail_input([f"--host {host} --port {port}: cannot listen there: {why}. Accepted: {accepted}."])
    shown = f"[{host}]" if ":" in host else host  # an IPv6 address is bracketed in a URL
    click.echo(f"constraint-engine playground on http://{shown}:{port}/ (Ctrl-C to stop)", err=True)
    app = create_app(runner, list(exercises), hosts=(*LOCAL_HOSTS, host))
    # A connection idle past 5 s is closed; past 64 requests at once, 503 (each waits for the one engine).
    config = uvicorn.Config(
        app, host=host, port=port, log_level="warning", timeout_keep_alive=5, limit_concurrency=64
    )
    uvicorn.Server(config).run(sockets=[listening])


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
