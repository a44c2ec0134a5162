"""Run compiled rules in durable-rules: a thread-free host, a resident session, a firing trace.

See the design notes on durable-rules 2.0.28: its timer threads race, errors inside actions are swallowed,
a new session costs a memset per rule pattern, and negation is decided when a match is queued. This adapter
runs only positive rules, records every firing itself (what a rule concludes stays in the trace, never
asserted back), decides blocks from the trace, and turns any fault into the outcome "error", never
"permitted". One session is reused: each evaluation asserts its facts, reads the trace, and retracts them,
leaving the session as new; it is replaced every `RECYCLE` evaluations and after any fault.
"""

from __future__ import annotations

import abc
import functools
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from .cases import Case
from .compiling import PARAMS, CompiledRules, RuleMeta
from .errors import InputError
from .facts import Proposal

try:
    import durable_rules_engine
    from durable import engine as durable_engine

    DURABLE_MISSING = ""
except ImportError as exc:  # e.g. Python 3.13 without the build flag: CLIPS can still run the law
    durable_rules_engine = None
    durable_engine = None
    DURABLE_MISSING = str(exc)

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


if durable_engine is not None:

    class _SyncHost(durable_engine.Host):
        """A host with no background threads: every derivation is done when assert_facts returns."""

        def _run(self) -> None:
            pass


@dataclass(frozen=True)
class Firing:
    rule: str
    kind: str
    target: str
    matched_now: dict[str, dict[str, Any]]  # the facts it matched, when known at once
    concluded: dict[str, Any] | None
    message: str = ""  # or the engine's message, read only when someone asks (most never do)

    @functools.cached_property
    def matched(self) -> dict[str, dict[str, Any]]:
        """The facts the rule matched (without the parameters fact or the session id)."""
        if not self.message:
            return self.matched_now
        facts = json.loads(self.message)[self.rule]
        return {n: {k: v for k, v in f.items() if k != "sid"} for n, f in facts.items() if n != PARAMS}


@dataclass
class Evaluation:
    outcome: Outcome
    blocks: list[str] = field(default_factory=list)
    engaged: list[str] = field(default_factory=list)
    lifts: list[str] = field(default_factory=list)
    not_lifts: list[str] = field(default_factory=list)
    duties_unmet: list[str] = field(default_factory=list)  # duty provisions engaged and not (yet) met
    undetermined: list[str] = field(default_factory=list)  # provisions that need a fact the scenario lacks
    unencoded: list[str] = field(default_factory=list)  # of those, the ones the packs do not encode that day
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


# Each abandoned session leaks its pools (~2 MB measured); past this many faults in one engine, it is no
# longer trusted and every later evaluation fails closed instead of growing memory without bound.
MAX_FAULTS = 16
# A resident session is replaced after this many evaluations: durable keeps ~11 bytes per evaluation in a
# long-lived session, and detects duplicate facts by a 32-bit hash (a false duplicate was seen after 46,010
# distinct facts in one session); a few thousand facts per session stay far from both.
RECYCLE = 500
# Live sessions an engine keeps, one per parameters fact (a day's law, a reading): durable allows 1,024 per
# ruleset. Asserting the parameters fact is half an evaluation's cost, so each stays resident in its session.
# Each live session holds about 1.3 MB of durable's pools, so at most about 40 MB (5,000 random scenarios
# over 25 years have 17 parameters facts).
MAX_SESSIONS = 32


# One encoder for every evaluation (json.dumps with options makes one per call).
_to_json = json.JSONEncoder(ensure_ascii=False).encode


class _Session:
    """One durable-rules session, holding one parameters fact resident between evaluations."""

    __slots__ = ("sid", "params", "text", "uses")

    def __init__(self, sid: str, params: dict[str, Any]):
        self.sid, self.params, self.uses = sid, params, 0
        # durable's C core reads a resident fact's values from the very text it was asserted in: the text
        # lives as long as the session (freed, it was seen to make a lift stop firing at random).
        self.text = json.dumps([{**params, "sid": sid, "id": "p"}], ensure_ascii=False)


def _unused(c: Any) -> None:
    raise AssertionError("durable-rules dispatched an action itself; the driver runs them")


# More firings than this in one call means the engine is looping: an error, never a verdict.
MAX_FIRINGS = 10_000


class _Driver:
    """durable-rules' C core for one registered ruleset, driven directly.

    What durable's Python host does per firing (a Closure, a Promise, the session state serialised back
    with update_state) is skipped: an action here only records its firing, and never touches the state.
    Facts go in as one JSON text, which retracts them again. This class is the seam fault-injection tests
    replace (`assert_facts`, `retract_facts`).
    """

    def __init__(self, host: Any, name: str, actions: dict[str, Callable[[str], None]]):
        self.host = host  # keeps the registration alive
        self.handle = host.get_ruleset(name)._handle
        self.actions = actions

    def assert_facts(self, text: str) -> None:
        self._run(durable_rules_engine.assert_facts(self.handle, text), text)

    def retract_facts(self, text: str) -> None:
        self._run(durable_rules_engine.retract_facts(self.handle, text), text)

    def delete_state(self, sid: str) -> None:
        durable_rules_engine.delete_state(self.handle, sid)

    def _run(self, result: Any, text: str) -> None:
        code, state = result[0], result[1]
        # 1: some fact of the batch reached no rule (an action no provision of this law considers). durable
        # still handled the rest of the batch; the firings it queued are run as for 0.
        if code == 2:
            raise durable_engine.MessageObservedException(json.loads(text))
        if code == 3:
            return
        started = durable_rules_engine.start_action_for_state(self.handle, state)
        message = started[1] if started else None
        fired = 0
        while message:
            fired += 1
            if fired > MAX_FIRINGS:
                raise RuntimeError(f"more than {MAX_FIRINGS} firings in one evaluation")
            self.actions[_rule_of(message)](message)
            message = durable_rules_engine.complete_and_start_action(self.handle, state)


def _rule_of(message: str) -> str:
    """The rule a fired message is for: its first key ({"engage:x": {...}}); the ids the compiler makes hold
    no quote or backslash, so the key is the text up to the next quote."""
    return message[2 : message.index('"', 2)]


def _unencoded(compiled: CompiledRules, proposal: Proposal, ev: Evaluation) -> Evaluation:
    """A provision in force on the day but not encoded for it (encoded_from) decides nothing the engine can
    see: the verdict cannot be "permitted" on its account, so it is undetermined and says why."""
    kind, actor = proposal.action.fields.get("kind"), proposal.action.fields.get("actor")
    unknown = [
        p.id
        for p in compiled.partly_encoded
        if p.applies_to.covers(kind, actor) and p.unencoded_on(proposal.date)
    ]
    if not unknown or ev.outcome == "error":
        return ev
    ev.undetermined = [*ev.undetermined, *unknown]
    ev.unencoded = unknown
    if ev.outcome == "permitted":
        ev.outcome = "undetermined"
    return ev


class Adapter(abc.ABC):
    """What every engine shares: from a firing trace, the provisions that block, owe a duty or are
    undetermined, and the outcome. An engine fills the trace; this reads it the same way whichever ran."""

    compiled: CompiledRules
    trace_matches: bool

    def evaluate(self, case: Case | Proposal) -> Evaluation:
        """One case's evaluation (a bare proposal is read under the law as compiled, unamended)."""
        if isinstance(case, Proposal):
            case = Case(case, self.compiled.book)
        params = case.params_from(self.compiled)
        ev = self.evaluate_facts(params, case.facts_with(params))
        return _unencoded(self.compiled, case.proposal, ev)

    @abc.abstractmethod
    def evaluate_facts(self, params: dict[str, Any], facts: list[dict[str, Any]]) -> Evaluation:
        """Fill a trace for these facts and read it (`_result`): each engine fills it its own way."""

    def _decide(self, trace: _Trace, ev: Evaluation, found: dict[str, list[str]]) -> None:
        """The provisions that block, owe a duty, or are undetermined: engaged (or undecided) and none of
        their lifts fired. Each gets a firing in the trace, so the derivation shows it as a step."""
        if trace.errors:
            return
        engaged = set(ev.engaged)
        undecided = {f.target for f in trace.firings if f.kind == "undecided"}
        relevant = engaged | undecided
        if not relevant:
            return
        lifted = set(ev.lifts)
        concluded = {(f.kind, f.target): f.concluded for f in trace.firings if f.concluded is not None}
        for d in self.compiled.decisions:
            if d.provision not in relevant or d.lifted_by & lifted:
                continue
            if d.kind is not None and d.provision in engaged:
                self._decided(trace, found, d.kind, d.provision, concluded.get(("engage", d.provision)))
            if d.needs and d.provision in undecided:
                fact = concluded.get(("undecided", d.provision))
                self._decided(trace, found, "undetermined", d.provision, fact)

    def _decided(
        self, trace: _Trace, found: dict[str, list[str]], kind: str, target: str, fact: dict[str, Any] | None
    ) -> None:
        # As the gated rule matched it before blocks were decided here: the fact it read, and the gate.
        matched = (
            {"e": dict(fact), "g": {"t": "evaluate", "id": "gate"}} if self.trace_matches and fact else {}
        )
        trace.firings.append(Firing(f"{kind}:{target}", kind, target, matched, None))
        found[kind].append(target)

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
        self._decide(trace, ev, found)
        if trace.errors:
            ev.outcome = "error"
            ev.error = "; ".join(trace.errors)
        elif ev.blocks:
            ev.outcome = "blocked"
        elif ev.undetermined:
            ev.outcome = "undetermined"
        return ev


class Engine(Adapter):
    """Evaluates proposals against one compiled ruleset in durable-rules. One engine per process; not
    thread-safe."""

    def __init__(self, compiled: CompiledRules, *, trace_matches: bool = True, recycle: int | None = None):
        """`recycle`: evaluations per session (default RECYCLE; 1 gives each evaluation a fresh session)."""
        if durable_rules_engine is None:
            raise InputError(
                f"durable-rules cannot be imported here ({DURABLE_MISSING}).",
                accepted="--engine clips (pip install 'constraint-engine[clips]'), or durable-rules built as "
                "the README says",
            )
        self.compiled = compiled
        self.trace_matches = trace_matches
        self.recycle = recycle
        self._trace = _Trace()
        # The live sessions by their parameters fact's identity, the least recently used first.
        self._sids = itertools.count()
        self._sessions: dict[int, _Session] = {}
        self._sid = ""  # the session of the evaluation under way (or the last)
        self._current: _Session | None = None
        self._started = False  # the `start` rule ran on a parameters fact just asserted
        self.hosts_discarded = 0
        self._host = self._new_host()

    def _new_host(self) -> _Driver:
        assert durable_engine is not None
        # A ruleset name registers only once per host, so each engine has a host of its own.
        host = _SyncHost()
        actions = {rule_id: self._action(meta) for rule_id, meta in self.compiled.rules.items()}
        host.set_rulesets(
            {
                self.compiled.name: {
                    # durable's own dispatch is never used (the driver runs the actions), but it wants one.
                    rule_id: {**body, "run": _unused}
                    for rule_id, body in self.compiled.definition.items()
                }
            }
        )
        return _Driver(host, self.compiled.name, actions)

    def _action(self, meta: RuleMeta) -> Callable[[str], None]:
        """What a rule does when it fires: record the firing (and, with trace_matches, the facts it matched,
        read from the engine's message)."""
        if meta.kind == "start":

            def start(message: str) -> None:
                self._started = True

            return start

        def run(message: str) -> None:
            trace = self._trace
            try:
                # What the rule concludes is recorded, not asserted: no rule reads it (blocks are decided
                # from the trace), so the session holds only the evaluation's own facts. The facts it matched
                # are kept as the engine's text, decoded only if a derivation is asked for.
                derived = None if meta.asserts is None else {**meta.asserts, "id": f"d{next(trace.counter)}"}
                kept = message if self.trace_matches else ""
                trace.firings.append(Firing(meta.rule_id, meta.kind, meta.target, {}, derived, kept))
            except Exception as exc:  # an error inside an action must fail the evaluation
                trace.errors.append(f"rule {meta.rule_id}: {type(exc).__name__}: {exc}")

        return run

    def evaluate_facts(self, params: dict[str, Any], facts: list[dict[str, Any]]) -> Evaluation:
        """Assert the facts in the session where these parameters are resident, read the verdict from the
        firing trace, and retract them again."""
        self._trace = trace = _Trace()
        if self.hosts_discarded >= MAX_FAULTS:
            trace.errors.append(
                f"engine: not evaluated: the engine failed {self.hosts_discarded} times in this process "
                "and is no longer trusted (see the first errors of this run)"
            )
            return self._result(trace, params, [])
        session = self._session(params, trace)
        if session is None:
            return self._result(trace, params, [])
        self._current = session
        sid = self._sid = session.sid
        known = self.compiled.fact_types
        batch: list[dict[str, Any]] = []
        ignored: list[str] = []
        for i, fact in enumerate(facts):
            if fact["t"] in known:
                batch.append({**fact, "sid": sid, "id": f"f{i}"})
            elif (
                fact["t"] not in self.compiled.book.phrasebook.made
            ):  # a made fact no rule reads is no one's concern
                ignored.append(fact["t"])
        failed = False
        text = _to_json(batch)  # once: the same text is retracted afterwards
        try:
            self._host.assert_facts(text)
        except Exception as exc:  # the engine refused a fact, or failed: never read as permitted
            failed = True
            trace.errors.append(f"engine: {type(exc).__name__}: {durable_message(exc)}")
        self._end_evaluation(text, failed, trace)
        return self._result(trace, params, ignored)

    def _session(self, params: dict[str, Any], trace: _Trace) -> _Session | None:
        """The live session holding this parameters fact, made if there is none (the least recently used
        is deleted past MAX_SESSIONS); None, with the error in the trace, if the engine refused it."""
        session = self._sessions.pop(id(params), None)
        if session is not None and session.params is params:
            self._sessions[id(params)] = session  # now the most recently used
            return session
        if len(self._sessions) >= MAX_SESSIONS:
            oldest = next(iter(self._sessions))
            self._delete(self._sessions.pop(oldest), trace)
        session = _Session(str(next(self._sids)), params)
        self._started = False
        try:
            self._host.assert_facts(session.text)
        except Exception as exc:
            trace.errors.append(f"engine: {type(exc).__name__}: {durable_message(exc)}")
        if trace.errors or not self._started:  # half-built: the host is abandoned
            self._abandon(trace)
            return None
        self._sessions[id(params)] = session
        return session

    def _end_evaluation(self, batch: str, unsafe: bool, trace: _Trace) -> None:
        """Leave the session as new, its parameters resident: retract what was asserted (positive rules
        cannot fire on a retraction; that nothing does is checked), or abandon the host if it failed."""
        if not unsafe:
            fired = len(trace.firings)
            try:
                self._host.retract_facts(batch)
            except Exception as exc:
                trace.errors.append(f"engine: could not retract the evaluation's facts: {exc}")
                unsafe = True
            if len(trace.firings) != fired:  # the session would not be as new: a defect, never trusted
                del trace.firings[fired:]
                trace.errors.append("engine: a rule fired while the evaluation's facts were retracted")
                unsafe = True
        if unsafe:
            self._abandon(trace)
            return
        session = self._current
        assert session is not None
        session.uses += 1
        if session.uses >= (self.recycle or RECYCLE):
            del self._sessions[id(session.params)]
            self._delete(session, trace)

    def _abandon(self, trace: _Trace) -> None:
        """A new host, with no sessions: the old one may be half-built, so none of it is trusted again."""
        old, self._host = self._host, self._new_host()
        self._sessions.clear()
        self.hosts_discarded += 1
        try:
            durable_rules_engine.delete_ruleset(old.handle)
        except Exception as exc:  # the old ruleset's memory is lost; nothing else depends on it
            trace.errors.append(f"engine: could not free an abandoned ruleset: {exc}")

    def close(self) -> None:
        """Free the engine's ruleset in durable-rules. An engine dropped without it leaves durable's C state
        beside a collected host, which was seen to crash a later engine in the same process."""
        if self._host is not None:
            try:
                durable_rules_engine.delete_ruleset(self._host.handle)
            finally:
                self._host = None  # type: ignore[assignment]

    def _delete(self, session: _Session, trace: _Trace) -> None:
        """Delete a session (the `start` rule ran in it, so durable frees only what it set)."""
        try:
            self._host.delete_state(session.sid)
        except Exception as exc:
            trace.errors.append(f"engine: could not delete session {session.sid}: {exc}")
