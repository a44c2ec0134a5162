"""`python -m constraint_engine.cli`: the same command as `constraint-engine`."""

from .base import entry

entry()
