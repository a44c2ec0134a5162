"""Run compiled rules in durable-rules: a thread-free host, one session per evaluation, a firing trace.

See the design notes on durable-rules 2.0.28: its timer threads race, errors inside actions are
swallowed, and negation is decided when a match is queued. This adapter runs every derivation
before the gate fact that enables the (negated) blocking rules, records every firing itself,
and turns any fault into the outcome "error", never "permitted".
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from durable import engine as durable_engine

from .compiling import GATE, PARAMS, CompiledRules, RuleMeta
from .facts import Proposal

Outcome = Literal["blocked", "permitted", "error"]


class _SyncHost(durable_engine.Host):
    """A host with no background threads: every derivation is done when assert_facts returns."""

    def _run(self) -> None:
        pass


def _start(c: Any) -> None:
    """The action of the `start` rule: it only has to run (see compiling)."""


@dataclass(frozen=True)
class Firing:
    rule: str
    kind: str
    target: str
    matched: dict[str, dict[str, Any]]
    concluded: dict[str, Any] | None


@dataclass
class Evaluation:
    outcome: Outcome
    blocks: list[str] = field(default_factory=list)
    engaged: list[str] = field(default_factory=list)
    lifts: list[str] = field(default_factory=list)
    not_lifts: list[str] = field(default_factory=list)
    firings: list[Firing] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)
    error: str | None = None


class _Trace:
    __slots__ = ("firings", "errors", "counter")

    def __init__(self) -> None:
        self.firings: list[Firing] = []
        self.errors: list[str] = []
        self.counter = itertools.count()


class Engine:
    """Evaluates proposals against one compiled ruleset. One engine per process; not thread-safe."""

    def __init__(self, compiled: CompiledRules, *, trace_matches: bool = True):
        self.compiled = compiled
        self.trace_matches = trace_matches
        self._trace = _Trace()
        self._sessions = itertools.count()
        # A ruleset name registers only once per host, so each engine has a host of its own.
        self._host = _SyncHost()
        self._host.set_rulesets(
            {
                compiled.name: {
                    rule_id: {**body, "run": self._action(compiled.rules[rule_id])}
                    for rule_id, body in compiled.definition.items()
                }
            }
        )

    def _action(self, meta: RuleMeta) -> Callable[[Any], None]:
        if meta.kind == "start":
            return _start

        def run(c: Any) -> None:
            trace = self._trace
            try:
                matched: dict[str, dict[str, Any]] = {}
                if self.trace_matches:
                    for name, fact in c._m.items():
                        if name != PARAMS:
                            matched[name] = {k: v for k, v in fact.items() if k != "sid"}
                derived = None if meta.asserts is None else {**meta.asserts, "id": f"d{next(trace.counter)}"}
                trace.firings.append(Firing(meta.rule_id, meta.kind, meta.target, matched, derived))
                if derived is not None:
                    c.assert_fact(derived)
            except Exception as exc:  # an error inside an action must fail the evaluation
                trace.errors.append(f"rule {meta.rule_id}: {type(exc).__name__}: {exc}")

        return run

    def evaluate(self, proposal: Proposal) -> Evaluation:
        params = self.compiled.params_fact(proposal.date, proposal.overrides)
        return self.evaluate_facts(params, proposal.engine_facts())

    def evaluate_facts(self, params: dict[str, Any], facts: list[dict[str, Any]]) -> Evaluation:
        """Assert params and facts, then the gate; read the verdict from the firing trace."""
        name = self.compiled.name
        sid = str(next(self._sessions))
        self._trace = trace = _Trace()
        known = self.compiled.fact_types
        batch = [{**params, "sid": sid, "id": "p"}]
        ignored: list[str] = []
        for i, fact in enumerate(facts):
            if fact["t"] in known:
                batch.append({**fact, "sid": sid, "id": f"f{i}"})
            else:
                ignored.append(fact["t"])
        try:
            self._host.assert_facts(name, batch)
            self._host.assert_fact(name, {"t": GATE, "sid": sid, "id": "gate"})
        except Exception as exc:  # the engine refused a fact, or failed: never read as permitted
            trace.errors.append(f"engine: {type(exc).__name__}: {exc}")
        finally:
            try:
                self._host.delete_state(name, sid)
            except Exception as exc:
                trace.errors.append(f"engine: could not delete session {sid}: {exc}")
        return self._result(trace, params, ignored)

    def _result(self, trace: _Trace, params: dict[str, Any], ignored: list[str]) -> Evaluation:
        ev = Evaluation(outcome="permitted", firings=trace.firings, params=params, ignored=ignored)
        found = {"block": ev.blocks, "engage": ev.engaged, "lift": ev.lifts, "not-lift": ev.not_lifts}
        for f in trace.firings:
            if f.kind in found:  # probes (coverage runs only) decide nothing
                found[f.kind].append(f.target)
        if trace.errors:
            ev.outcome = "error"
            ev.error = "; ".join(trace.errors)
        elif ev.blocks:
            ev.outcome = "blocked"
        return ev
