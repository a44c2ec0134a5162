"""The command line, one module per group of commands. Heavy modules load inside the commands, so
`--help` starts fast."""

from . import checking, lawbook, serving, teaching, verdicts  # noqa: F401  (each registers its commands)
from .base import entry, main

__all__ = ["entry", "main"]
