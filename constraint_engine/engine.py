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

import durable_rules_engine
from durable import engine as durable_engine

from .compiling import GATE, PARAMS, CompiledRules, RuleMeta
from .facts import Proposal
from .models import DERIVED_FACTS

# blocked: some prohibition blocks; undetermined: none does, but one cannot be decided without a missing fact.
Outcome = Literal["blocked", "permitted", "undetermined", "error"]


_DURABLE_ERRORS = {
    "101": "out of memory",
    "106": "more than 511 different tests follow one test in the rule network",
    "107": "more than 128 alternatives meet at one test in the rule network",
    "108": "more than 256 rule patterns end at one test in the rule network (about 230 provisions)",
    "303": "a fact matched more rule conditions at once than durable-rules' stack holds (64)",
    "311": "a rule read a field that the fact does not have",
}


def durable_message(exc: Exception) -> str:
    """The engine's message, with its error code named in words where we know it."""
    text = str(exc)
    code = text.rpartition("error code: ")[2].strip()
    return f"{text} ({_DURABLE_ERRORS[code]})" if code in _DURABLE_ERRORS else text


class _SyncHost(durable_engine.Host):
    """A host with no background threads: every derivation is done when assert_facts returns."""

    def _run(self) -> None:
        pass


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
    duties_unmet: list[str] = field(default_factory=list)  # duty provisions engaged and not (yet) met
    undetermined: list[str] = field(default_factory=list)  # provisions that need a fact the scenario lacks
    firings: list[Firing] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)
    error: str | None = None


class _Trace:
    __slots__ = ("firings", "errors", "counter", "started")

    def __init__(self) -> None:
        self.firings: list[Firing] = []
        self.errors: list[str] = []
        self.counter = itertools.count()
        self.started = False  # the `start` rule ran: the session's action context is initialised


# Each abandoned session leaks its pools (~2 MB measured); past this many faults in one engine, it is no
# longer trusted and every later evaluation fails closed instead of growing memory without bound.
MAX_FAULTS = 16


class Engine:
    """Evaluates proposals against one compiled ruleset. One engine per process; not thread-safe."""

    def __init__(self, compiled: CompiledRules, *, trace_matches: bool = True):
        self.compiled = compiled
        self.trace_matches = trace_matches
        self._trace = _Trace()
        self._sessions = itertools.count()
        self.hosts_discarded = 0
        self._host = self._new_host()

    def _new_host(self) -> _SyncHost:
        # A ruleset name registers only once per host, so each engine has a host of its own.
        host = _SyncHost()
        host.set_rulesets(
            {
                self.compiled.name: {
                    rule_id: {**body, "run": self._action(self.compiled.rules[rule_id])}
                    for rule_id, body in self.compiled.definition.items()
                }
            }
        )
        return host

    def _action(self, meta: RuleMeta) -> Callable[[Any], None]:
        if meta.kind == "start":

            def start(c: Any) -> None:
                self._trace.started = True

            return start

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
        if self.hosts_discarded >= MAX_FAULTS:
            trace.errors.append(
                f"engine: not evaluated: the engine failed {self.hosts_discarded} times in this process "
                "and is no longer trusted (see the first errors of this run)"
            )
            return self._result(trace, params, [])
        known = self.compiled.fact_types
        batch = [{**params, "sid": sid, "id": "p"}]
        ignored: list[str] = []
        for i, fact in enumerate(facts):
            if fact["t"] in known:
                batch.append({**fact, "sid": sid, "id": f"f{i}"})
            elif fact["t"] not in DERIVED_FACTS:  # a derived fact no rule reads is no one's concern
                ignored.append(fact["t"])
        failed = False
        try:
            self._host.assert_facts(name, batch)
            self._host.assert_fact(name, {"t": GATE, "sid": sid, "id": "gate"})
        except Exception as exc:  # the engine refused a fact, or failed: never read as permitted
            failed = True
            trace.errors.append(f"engine: {type(exc).__name__}: {durable_message(exc)}")
        finally:
            self._end_session(sid, failed or not trace.started, trace)
        return self._result(trace, params, ignored)

    def _end_session(self, sid: str, unsafe: bool, trace: _Trace) -> None:
        """Delete a finished session, or abandon the host whose session is half-built.

        durable-rules frees state on delete that a failed or actionless session never initialised (a
        heap corruption, then a crash). Such a session is never deleted: its whole ruleset is (that frees
        the ruleset's pools and never walks its sessions), and the next evaluation gets a fresh host.
        """
        if not unsafe:
            try:
                self._host.delete_state(self.compiled.name, sid)
                return
            except Exception as exc:
                trace.errors.append(f"engine: could not delete session {sid}: {exc}")
        old, self._host = self._host, self._new_host()
        self.hosts_discarded += 1
        try:
            durable_rules_engine.delete_ruleset(old.get_ruleset(self.compiled.name)._handle)
        except Exception as exc:  # the old ruleset's memory is lost; nothing else depends on it
            trace.errors.append(f"engine: could not free an abandoned ruleset: {exc}")

    def _result(self, trace: _Trace, params: dict[str, Any], ignored: list[str]) -> Evaluation:
        ev = Evaluation(outcome="permitted", firings=trace.firings, params=params, ignored=ignored)
        found = {
            "block": ev.blocks,
            "engage": ev.engaged,
            "lift": ev.lifts,
            "not-lift": ev.not_lifts,
            "duty": ev.duties_unmet,
            "undetermined": ev.undetermined,
        }
        for f in trace.firings:
            if f.kind in found:  # probes (coverage runs only) decide nothing
                found[f.kind].append(f.target)
        if trace.errors:
            ev.outcome = "error"
            ev.error = "; ".join(trace.errors)
        elif ev.blocks:
            ev.outcome = "blocked"
        elif ev.undetermined:
            ev.outcome = "undetermined"
        return ev
