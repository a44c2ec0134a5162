"""Which engine runs the law: durable-rules (the default), CLIPS, or both, each confirming the other.

With `both`, every evaluation runs in each engine; a difference in outcome, blocks, engagements, lifts,
not-lifts, duties or undetermined provisions is an error verdict that shows the two answers side by side,
never silently one of them.
"""

from __future__ import annotations

from typing import Any, Literal

from .compiling import CompiledRules
from .engine import Adapter, Engine, Evaluation

EngineName = Literal["durable", "clips", "both"]
ENGINES: tuple[EngineName, ...] = ("durable", "clips", "both")


def make_engine(compiled: CompiledRules, name: str = "durable") -> Adapter:
    if name == "durable":
        return Engine(compiled)
    from .clips_engine import ClipsEngine

    if name == "clips":
        return ClipsEngine(compiled)
    return BothEngines(Engine(compiled), ClipsEngine(compiled))


def decided(ev: Evaluation) -> tuple[Any, ...]:
    """What an evaluation decides, in an order that does not depend on the engine's agenda."""
    return (
        ev.outcome,
        sorted(set(ev.blocks)),
        sorted(set(ev.engaged)),
        sorted(set(ev.lifts)),
        sorted(set(ev.not_lifts)),
        sorted(set(ev.duties_unmet)),
        sorted(set(ev.undetermined)),
    )


_PARTS = ("outcome", "blocks", "engaged", "lifts", "not-lifts", "duties owed", "undetermined")


class BothEngines(Adapter):
    """Runs each evaluation in durable-rules and in CLIPS; durable's answer when they agree."""

    def __init__(self, first: Adapter, second: Adapter, names: tuple[str, str] = ("durable-rules", "CLIPS")):
        self.first, self.second, self.names = first, second, names
        self.compiled = first.compiled

    @property
    def trace_matches(self) -> bool:
        return self.first.trace_matches

    @trace_matches.setter
    def trace_matches(self, value: bool) -> None:
        self.first.trace_matches = self.second.trace_matches = value

    def evaluate_facts(self, params: dict[str, Any], facts: list[dict[str, Any]]) -> Evaluation:
        a = self.first.evaluate_facts(params, facts)
        b = self.second.evaluate_facts(params, facts)
        if a.outcome == "error" or b.outcome == "error":
            errors = [f"{n}: {e.error}" for n, e in zip(self.names, (a, b), strict=True) if e.error]
            return Evaluation(outcome="error", params=params, error="; ".join(errors))
        if decided(a) == decided(b):
            return a
        differences = [
            f"{part}: {self.names[0]} {_words(x)}, {self.names[1]} {_words(y)}"
            for part, x, y in zip(_PARTS, decided(a), decided(b), strict=True)
            if x != y
        ]
        return Evaluation(
            outcome="error",
            params=params,
            error="the two engines disagree, so no verdict is given: " + "; ".join(differences),
        )


def _words(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(value) if value else "none"
    return str(value)
