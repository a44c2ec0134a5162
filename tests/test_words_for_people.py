"""Text meant for people names no field, fact type, engine rule or provision id: every library scenario's
explanation, in every format a person reads (text, Markdown, HTML, and the labels of the DOT graph)."""

from __future__ import annotations

import re

import pytest

from constraint_engine.features import collect
from constraint_engine.loading import load_rulebook
from constraint_engine.render import render_verdict
from constraint_engine.running import Runner
from tests.conftest import ROOT

SNAKE = re.compile(r"(?<![\w./:-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w/])")
RULE_ID = re.compile(r"\b(?:engage|undecided|lift|not-lift|block|duty|undetermined|probe|case):[a-z0-9]")
URL = re.compile(r"https?://[^\s\"'<>)\]]+")


def _people_text(out: str, fmt: str) -> list[str]:
    """What a person reads of an output: for DOT, the labels and tooltips only (node names are the graph's)."""
    if fmt == "dot":
        return re.findall(r'(?:label|tooltip)="((?:[^"\\]|\\.)*)"', out)
    return out.splitlines()


@pytest.fixture(scope="module")
def verdicts() -> list:
    runner = Runner()
    specs, errors = collect([ROOT / "scenarios"])
    assert not errors
    return [r.verdict for r in runner.run_all(specs, with_cures=True) if r.verdict is not None]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "dot"])
def test_no_engine_name_reaches_a_reader(verdicts: list, fmt: str):
    book = load_rulebook()
    # Interpretations and parameters are named on purpose: a reader passes them to --assume and --set.
    ids = (set(book.provisions) | set(book.lifts) | set(book.not_lifts)) - set(book.parameters)
    own_id = re.compile(
        r"(?<![\w.-])(" + "|".join(sorted(map(re.escape, ids), key=len, reverse=True)) + r")(?![\w.-])"
    )
    leaks: dict[str, str] = {}
    for v in verdicts:
        for line in _people_text(render_verdict(v, fmt), fmt):
            line = URL.sub("", line)
            for found in [*SNAKE.findall(line), *RULE_ID.findall(line), *own_id.findall(line)]:
                leaks.setdefault(found, f"{v.action}: {line.strip()[:160]}")
    assert not leaks, "\n".join(f"{k}  <-  {where}" for k, where in sorted(leaks.items()))
