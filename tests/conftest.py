"""Shared fixtures. The law's phrases reach pytest-bdd through the installed plugin
(constraint_engine.pytest_plugin), as in any user's project; the CLI runner uses the same registry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from constraint_engine.running import Runner

pytest_plugins = ["pytester"]  # a throwaway user project runs the law through the installed plugin

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="session")
def runner() -> Runner:
    return Runner(today=TODAY)
