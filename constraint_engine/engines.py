"""Which engine runs the law: durable-rules (the default), CLIPS, or both, each confirming the other.

With `both`, every evaluation runs in each engine; a difference in outcome, blocks, engagements, lifts,
not-lifts, duties or undetermined provisions is an error verdict that shows the two answers side by side,
never silently one of them.
"""

from __future__ import annotations

from typing import Any, Literal

from .compiling import CompiledRules
from .engine import Adapter, Engine, Evaluation, Firing, _Trace
from .interpreting import Interpreter

EngineName = Literal["durable", "clips", "both"]
ENGINES: tuple[EngineName, ...] = ("durable", "clips", "both")


def make_engine(compiled: CompiledRules, name: str = "durable", *, guarded: bool = True) -> Adapter:
    """The engine by its name, answering to the reference interpreter (unless `guarded` is False: tests of
    the engines themselves)."""
    engine: Adapter
    if name == "durable":
        engine = Engine(compiled)
    else:
        from .clips_engine import ClipsEngine

        if name == "clips":
            engine = ClipsEngine(compiled)
        else:
            engine = BothEngines(Engine(compiled), ClipsEngine(compiled))
    return Guarded(engine) if guarded else engine


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


class Reference(Adapter):
    """The reference interpreter's reading made an evaluation by the same decisions as an engine's. It gives
    no verdict: it screens the other readings of an interpretation, so that only a reading the law's own
    reading says would change the outcome is run in the engine (and checked there as every verdict is)."""

    trace_matches = False

    def __init__(self, compiled: CompiledRules, interpreter: Interpreter | None = None):
        self.compiled = compiled
        self.interpreter = interpreter or Interpreter(compiled.book)

    def evaluate_facts(self, params: dict[str, Any], facts: list[dict[str, Any]]) -> Evaluation:
        trace = _Trace()
        try:
            reading = self.interpreter.read(params, facts)
        except Exception as exc:  # an error outcome: never the same as a verdict, so the engine runs
            trace.errors.append(f"reference interpreter: {exc!r}")
        else:
            for kind, ids in (
                ("engage", reading.engaged),
                ("lift", reading.lifts),
                ("not-lift", reading.not_lifts),
                ("undecided", reading.undecided),
            ):
                trace.firings += [Firing(f"{kind}:{t}", kind, t, {}, None) for t in sorted(ids)]
        return self._result(trace, params, [])


class Guarded(Adapter):
    """An engine whose every reading is checked by the reference interpreter (`interpreting`): which
    provisions the action falls under, which lifts and not-lifts hold, which provisions lack a fact. Any
    difference is an error verdict naming both answers; the engine's verdict stands only when they agree."""

    def __init__(self, inner: Adapter):
        self.inner = inner
        self.compiled = inner.compiled
        self.reference = Reference(inner.compiled)
        self.interpreter = self.reference.interpreter
        self.name = (
            "durable-rules"
            if isinstance(inner, Engine)
            else "the engines"
            if isinstance(inner, BothEngines)
            else "CLIPS"
        )

    @property
    def trace_matches(self) -> bool:
        return self.inner.trace_matches

    @trace_matches.setter
    def trace_matches(self, value: bool) -> None:
        self.inner.trace_matches = value

    def evaluate_facts(self, params: dict[str, Any], facts: list[dict[str, Any]]) -> Evaluation:
        ev = self.inner.evaluate_facts(params, facts)
        if ev.outcome == "error":
            return ev
        try:
            ref = self.interpreter.read(params, facts)
        except Exception as exc:  # the oracle failed: no verdict rests on an unchecked reading
            return Evaluation(outcome="error", params=params, error=f"reference interpreter: {exc!r}")
        undecided = {f.target for f in ev.firings if f.kind == "undecided"}
        pairs = (
            ("engaged", set(ev.engaged), ref.engaged),
            ("lifts", set(ev.lifts), ref.lifts),
            ("not-lifts", set(ev.not_lifts), ref.not_lifts),
            ("missing a needed fact", undecided, ref.undecided),
        )
        differences = [
            f"{part}: {self.name} {_words(sorted(x))}, the reference interpreter {_words(sorted(y))}"
            for part, x, y in pairs
            if x != y
        ]
        if not differences:
            return ev
        return Evaluation(
            outcome="error",
            params=params,
            error="the engine and the law's reference reading disagree, so no verdict is given (a defect of "
            "constraint-engine: report it): " + "; ".join(differences),
        )


def _words(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(value) if value else "none"
    return str(value)
