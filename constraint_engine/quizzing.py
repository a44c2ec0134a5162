"""Exercise mode: predict each scenario's verdict and authority, then see the explanation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .citations import matches
from .errors import InputError
from .explaining import Verdict
from .running import Runner, ScenarioSpec


@dataclass
class Question:
    spec: ScenarioSpec
    verdict: Verdict

    def prompt(self) -> str:
        lines = [f"{self.spec.name}  ({self.spec.location})"]
        lines += [f"    {s.keyword_word} {s.text}" for s in self.steps()]
        return "\n".join(lines)

    def steps(self) -> list[_Shown]:
        shown = []
        for step in self.spec.steps:
            if step.kind == "then":
                continue
            shown.append(
                _Shown({"given": "Given", "when": "When"}.get(step.kind or "given", "Given"), step.text)
            )
        return shown

    def key(self) -> str:
        if self.verdict.outcome == "blocked":
            return "blocked by " + "; ".join(dict.fromkeys(b.citation for b in self.verdict.blocked_by))
        return self.verdict.outcome


@dataclass
class _Shown:
    keyword_word: str
    text: str


def questions(runner: Runner, specs: list[ScenarioSpec]) -> list[Question]:
    out = []
    for spec in specs:
        proposal = runner.proposal(runner.build(spec), spec)
        verdict = runner.evaluate(proposal, with_cures=True)
        if verdict.outcome == "error":
            raise InputError(f"{spec.location}: the scenario cannot be evaluated: {verdict.error}")
        out.append(Question(spec, verdict))
    return out


def score(question: Question, outcome: str, authority: str) -> tuple[int, list[str]]:
    """Two points a question: one for the outcome, one for naming a blocking authority (or none)."""
    notes = []
    points = 0
    right = question.verdict.outcome
    said = {"b": "blocked", "p": "permitted"}.get(outcome.strip().lower()[:1], outcome.strip().lower())
    if said == right:
        points += 1
        notes.append(f"Right: the action is {right}.")
    else:
        notes.append(f"Not quite: the action is {right}.")
    citations = [c for b in question.verdict.blocked_by for c in (b.citation, *b.aliases)]
    if right == "blocked":
        if authority.strip() and matches(authority, citations):
            points += 1
            notes.append(f"Right: {authority.strip()} is among the blocking authorities.")
        else:
            notes.append(f"The blocking authorities are: {question.key().removeprefix('blocked by ')}.")
    elif not authority.strip() or authority.strip().lower() in ("none", "-"):
        points += 1
    else:
        notes.append("Nothing blocks it, so no authority applies.")
    return points, notes


def run_quiz(
    items: list[Question],
    ask: Callable[[str], str],
    show: Callable[[str], None],
    explain: Callable[[Verdict], str],
) -> tuple[int, int]:
    total = 0
    for n, q in enumerate(items, start=1):
        show(f"\nQuestion {n} of {len(items)}\n{q.prompt()}")
        outcome = ask("Blocked or permitted? [b/p]")
        authority = (
            ask("By what authority? (a citation, or none)") if outcome.strip().lower().startswith("b") else ""
        )
        points, notes = score(q, outcome, authority)
        total += points
        show("\n".join(notes) + f"  ({points}/2)")
        show(explain(q.verdict))
    return total, 2 * len(items)
