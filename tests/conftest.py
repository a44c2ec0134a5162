"""Shared fixtures, and pytest-bdd steps generated from the engine's own step registry.

The scenario library and the CLI runner use one implementation of every phrase: constraint_engine.steps.
"""

from __future__ import annotations

import datetime as dt
import inspect
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when

from constraint_engine.running import Runner
from constraint_engine.steps import (
    CONVERTERS,
    REGISTRY,
    ScenarioBuilder,
    StepDef,
    check_citation,
    check_interpretation,
)

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="session")
def runner() -> Runner:
    return Runner(today=TODAY)


class Case:
    """One pytest-bdd scenario: the builder its Given/When steps fill, and its verdict, made once."""

    def __init__(self, runner: Runner):
        self.runner = runner
        self.builder = ScenarioBuilder(citations=runner.citations, interpretations=runner.interpretations)
        self._verdict: Any = None

    def verdict(self) -> Any:
        if self._verdict is None:
            self._verdict = self.runner.evaluate(self.runner.proposal(self.builder))
        return self._verdict


@pytest.fixture
def case(runner: Runner) -> Case:
    return Case(runner)


def _bdd_step(step: StepDef) -> Any:
    names = step.parameters

    def run(case: Case, **raw: str) -> None:
        args = {name: CONVERTERS[name](raw[name]) for name in names}
        if step.kind == "then":
            if "citation" in args:
                check_citation(case.runner.citations, args["citation"])
            if "name" in args:
                check_interpretation(case.runner.interpretations, args["name"])
            step.handler(case.verdict(), **args)
        else:
            text = step.template.format(**raw)
            step.handler(case.builder, text=text, **args)

    params = [inspect.Parameter("case", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    params += [inspect.Parameter(n, inspect.Parameter.POSITIONAL_OR_KEYWORD) for n in names]
    run.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    run.__name__ = f"step_{step.kind}_{abs(hash(step.template))}"
    return run


_DECORATORS = {"given": given, "when": when, "then": then}
for _step in REGISTRY.steps:
    _fn = _bdd_step(_step)
    globals()[_fn.__name__] = _DECORATORS[_step.kind](parsers.re(_step.regex.pattern))(_fn)
