"""Run `evaluate` on a batch of (action, givens) read as JSON from stdin, in this process, one JSON line each.

The tests run it in a child process: a crash of the C core shows there as a signal, not as a dead test run.
"""

from __future__ import annotations

import json
import sys
import traceback

from click.testing import CliRunner

from constraint_engine.cli import main


def run(cases: list[tuple[str, list[str]]]) -> None:
    runner = CliRunner()
    for action, givens in cases:
        args = ["evaluate", action]
        for g in givens:
            args += ["--given", g]
        result = runner.invoke(main, args)
        exc = result.exception
        crashed = exc is not None and not isinstance(exc, SystemExit)
        detail = "".join(traceback.format_exception(exc)) if crashed and exc else ""
        print(
            json.dumps(
                {
                    "args": args,
                    "code": result.exit_code,
                    "crashed": crashed,
                    "detail": detail,
                    "traceback": "Traceback" in result.output,
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    run(json.load(sys.stdin))
