"""Shared fixtures. The law's phrases reach pytest-bdd through the plugin (constraint_engine.pytest_plugin),
which this project opts into as any user's project does; the CLI runner uses the same registry."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import pytest

# The tests' cached laws (law_cache.py) are their own, never the user's (set before the law is loaded).
os.environ.setdefault("CONSTRAINT_ENGINE_CACHE", tempfile.mkdtemp(prefix="constraint-engine-laws-"))

from constraint_engine.running import Runner  # noqa: E402

# pytester: a throwaway user project runs the law through the plugin; the plugin is opt-in, as documented.
pytest_plugins = ["pytester", "constraint_engine.pytest_plugin"]
OPT_IN = 'pytest_plugins = ["constraint_engine.pytest_plugin"]\n'  # a user project's conftest.py

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="session")
def runner() -> Runner:
    return Runner(today=TODAY)
