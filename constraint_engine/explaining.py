"""Turn an evaluation into a verdict: which provisions block, why, how sure, and what would lift them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from .bounds import LATEST_DATE
from .cases import Case, computed_action_fields
from .conditions import (
    Among,
    AnyOf,
    CeilFraction,
    Compare,
    Condition,
    Expr,
    FieldRef,
    Lit,
    Param,
    tested_fields,
)
from .engine import Evaluation
from .facts import Proposal
from .interpreting import Interpreter
from .loading import RuleBook
from .models import Provision
from .phrasebook import either_of

# Version 2 adds the outcome "undetermined" and the fields duties, undetermined and depends_on; the fields of
# version 1 keep their meaning (blocked_by lists prohibitions only, as before duties existed).
VERDICT_SCHEMA = "constraint-engine/verdict/2"


class Model(BaseModel):
    # Built when first used (a brief verdict builds few of these; see models.Strict).
    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)


M = TypeVar("M", bound=BaseModel)


class SourceRef(Model):
    key: str
    title: str
    url: str
    kind: str


class BlockedBy(Model):
    provision: str
    citation: str
    aliases: list[str]
    title: str
    summary: str
    status: Literal["verified", "reported", "uncertain"]
    sources: list[SourceRef]
    cure: list[str]


class ExceptionCheck(Model):
    """An exception or duty that was considered: whether it held, and why (not)."""

    id: str
    kind: str
    title: str
    citation: str
    status: str
    held: bool
    lifts: list[str]
    reason: str


class DerivedFact(Model):
    id: str
    kind: Literal["input", "derived", "verdict"]
    text: str


class Step(Model):
    """One rule firing: the facts it matched, the rule (with its conditions in words), what it concluded."""

    rule: str
    kind: str
    about: str
    title: str
    conditions: list[str]
    inputs: list[str]
    concluded: str | None
    matched: dict[str, dict[str, Any]]


class Derivation(Model):
    facts: list[DerivedFact]
    steps: list[Step]
    parameters: dict[str, str]


class Considered(Model):
    """A provision that covers this kind of action but does not reach this one, and its conditions."""

    provision: str
    citation: str
    title: str
    status: str
    why: str


DutyStatus = Literal["met", "pending", "breached"]


class DutyCheck(Model):
    """A duty the action triggers: what must be done, by whom, by when, and whether the facts show it done."""

    provision: str
    citation: str
    aliases: list[str]
    title: str
    status: DutyStatus
    what: str
    who: str
    by_when: str
    reason: str


class Missing(Model):
    """A provision the engine could not decide, and the fact that would decide it."""

    provision: str
    citation: str
    title: str
    add: list[str]  # Given phrases to add
    reason: str = ""  # why no fact can decide it (the pack does not encode it for this day)

    @property
    def needs(self) -> str:
        """What would decide it, in words: the facts to add, or why nothing given can."""
        return self.reason or "add " + " or ".join(self.add)


class Dependence(Model):
    """An interpretation whose readings give different outcomes, with the outcome under each."""

    interpretation: str
    used: str
    outcomes: dict[str, str]


class Verdict(Model):
    schema_: str = Field(VERDICT_SCHEMA, alias="schema")
    outcome: Literal["blocked", "permitted", "undetermined", "error"]
    date: dt.date
    date_defaulted: bool
    action: str
    facts: list[str]
    blocked_by: list[BlockedBy]
    exceptions: list[ExceptionCheck]
    considered: list[Considered]
    caveats: list[str]
    derivation: Derivation
    error: str | None = None
    duties: list[DutyCheck] = Field(default_factory=list)
    undetermined: list[Missing] = Field(default_factory=list)
    depends_on: list[Dependence] = Field(default_factory=list)

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)


def _sources(book: RuleBook, owner: str, keys: list[str]) -> list[SourceRef]:
    return [
        SourceRef(key=k, **s.model_dump()) for k, s in zip(keys, book.source_list(owner, keys), strict=True)
    ]


def explain(
    case: Case,
    ev: Evaluation,
    cures: dict[str, list[str]] | None = None,
    *,
    brief: bool = False,
) -> Verdict:
    """The verdict for an evaluation; `cures` (from `curing`) fills each block's proven cures.

    `brief` leaves out what only an explanation shows (exceptions, caveats, derivation): for callers
    that print the outcome and the blocking provisions only, such as `check` in text. A provision that does
    not reach the action says first which of its conditions decided that, as the reference interpreter reads
    them.
    """
    book, proposal = case.book, case.proposal
    if brief:
        return _brief(book, proposal, ev)
    blocked = [book.provisions[p] for p in dict.fromkeys(ev.blocks)]
    engaged = [book.provisions[p] for p in dict.fromkeys(ev.engaged)]
    held = set(ev.lifts)
    caveats: list[str] = []
    if proposal.date_defaulted:
        caveats.append(f"No date was given: the action is evaluated as of today, {proposal.date}.")
    for prov in engaged:
        if prov.kind == "note":
            caveats.extend(f"Flag ({prov.citation}): {c}" for c in prov.caveats)
            continue
        if prov.status != "verified":
            caveats.append(
                f"{prov.citation} ({prov.title}) is {prov.status.upper()}: not verified against enacted text."
            )
        caveats.extend(f"{prov.citation}: {c}" for c in prov.caveats)
        caveats.extend(_weaker_values(book, prov, proposal))
    exceptions: list[ExceptionCheck] = []
    for lift_id in dict.fromkeys(x for p in engaged for x in p.lifted_by):
        lift = book.lifts[lift_id]
        lifts = [p.id for p in engaged if lift_id in p.lifted_by]
        exceptions.append(
            ExceptionCheck(
                id=lift.id,
                kind=lift.kind,
                title=lift.title,
                citation=lift.citation,
                status=lift.status,
                held=lift_id in held,
                lifts=lifts,
                reason=_lift_reason(lift_id in held, lift.summary, proposal, lift.when[0].fact),
            )
        )
        if lift.assumes and lift_id in held:
            caveats.append(f"Assumed: {lift.assumes}")
        if lift.status != "verified" and lift_id in held:
            caveats.append(
                f"{lift.title} lifts the block, but the exception itself is {lift.status.upper()}."
            )
    for nl_id in dict.fromkeys(ev.not_lifts):
        nl = book.not_lifts[nl_id]
        if set(nl.not_for) & held:  # the exception it is mistaken for held after all: nothing to explain
            continue
        exceptions.append(
            ExceptionCheck(
                id=nl.id,
                kind="not-an-exception",
                title=f"Not an exception: {nl.fact.replace('_', ' ')}",
                citation=nl.citation,
                status=nl.status,
                held=False,
                lifts=[],
                reason=nl.why,
            )
        )
    caveats.extend(_interpretation_caveats(book, proposal))
    caveats.extend(book.bills)  # a verdict under a bill says so, and what the bill changes
    for pid, value in book.settings.items():
        param = book.parameters[pid]
        if not param.is_interpretation:
            enacted = param.value_on(proposal.date)
            caveats.append(
                f"What-if: {pid} is set to {value} for this run (the law in force says {enacted})."
            )
    unread = sorted(
        set(ev.ignored) - book.phrasebook.read_only_to_derive
    )  # facts the case turns into the action's own fields are read
    if unread:
        said = "; ".join(book.phrasebook.fact_words(t) for t in unread)
        caveats.append(f"No loaded rule pack considers these facts: {said}.")
    return Verdict(
        **_header(proposal, ev),
        blocked_by=[_blocked_by(book, p, cures) for p in blocked],
        exceptions=exceptions,
        considered=_considered(case, {p.id for p in engaged} | set(ev.undetermined)),
        caveats=list(dict.fromkeys(caveats)),
        derivation=derivation(book, proposal, ev, engaged),
        error=ev.error,
        duties=duty_checks(book, proposal, ev),
        undetermined=missing_facts(book, ev),
    )


_CERTAINTY = {"verified": 2, "reported": 1, "uncertain": 0}


def _weaker_values(book: RuleBook, prov: Provision, proposal: Proposal) -> list[str]:
    """The parameter values in force that are less sure than the provision using them: a verified statute
    whose period changed on an unknown day rests on an uncertain value, and the verdict says so."""
    out = []
    for pid in prov.parameters:
        if pid in book.settings:
            continue  # a what-if value, said as such
        entry = book.parameters[pid].entry_on(proposal.date)
        if _CERTAINTY[entry.status] < _CERTAINTY[prov.status]:
            note = f": {entry.note}" if entry.note else ""
            value = f"{pid} = {entry.value} (from {entry.since})"
            out.append(f"{prov.citation}: {value} is {entry.status.upper()}{note}.")
    return out


def duty_checks(book: RuleBook, proposal: Proposal, ev: Evaluation) -> list[DutyCheck]:
    """Each duty the action triggers: met (a lift held), breached (a fact shows it unmet), or pending."""
    out = []
    for pid in dict.fromkeys(ev.engaged):
        prov = book.provisions[pid]
        if prov.kind != "duty" or prov.duty is None:
            continue
        status, reason = duty_status(book, ev, pid)
        out.append(
            DutyCheck(
                provision=pid,
                citation=prov.citation,
                aliases=[*prov.aliases, *book.pack_names(prov.id)],
                title=prov.title,
                status=status,
                what=prov.duty.what,
                who=prov.duty.who,
                by_when=prov.duty.by_when,
                reason=reason,
            )
        )
    return out


def missing_facts(book: RuleBook, ev: Evaluation) -> list[Missing]:
    out = []
    for pid in dict.fromkeys(ev.undetermined):
        prov = book.provisions[pid]
        reason = ""
        if prov.encoded_from is not None and pid in ev.unencoded:
            reason = f"not encoded before {prov.encoded_from.date}: {prov.encoded_from.why}"
        out.append(
            Missing(
                provision=pid,
                citation=prov.citation,
                title=prov.title,
                add=[f"Given {n.phrase}" for n in prov.needs],
                reason=reason,
            )
        )
    return out


def interpretations_for(book: RuleBook, proposal: Proposal) -> list[str]:
    """The interpretations whose reading could change this verdict: those of the provisions that cover
    this action, by this actor, in force on its day, and of their lifts whose facts the scenario gives.
    (A provision out of force, or a lift without its facts, decides nothing under any reading.)"""
    kind, actor = proposal.action.fields.get("kind"), proposal.action.fields.get("actor")
    given = {f.type for f in proposal.facts} | set(book.phrasebook.made)
    names: list[str] = []
    for p in book.by_action_kind.get(str(kind), []):
        if p.applies_to.covers(kind, actor) and p.in_force.contains(proposal.date):
            names += book.interpretations_read_by(p, given)
    return list(dict.fromkeys([*names, *_read_in_derived(book, proposal)]))


def _read_in_derived(book: RuleBook, proposal: Proposal) -> list[str]:
    """The interpretations the case's derived quantities read (the action's, its facts', made facts')."""
    if not book.derived_interpretations:
        return []
    types = ["action", *(f.type for f in proposal.facts), *book.phrasebook.made]
    return [name for t in dict.fromkeys(types) for name in book.derived_interpretations.get(t, [])]


def outcome_words(book: RuleBook, ev: Evaluation) -> str:
    """An evaluation's outcome in words, as `verdict_words` says it of the verdict made from it (without the
    facts an undetermined provision needs, and the readings: it compares the readings themselves)."""
    blocks = [book.provisions[p].citation for p in ev.blocks]
    duties = [
        (book.provisions[p].citation, duty_status(book, ev, p)[0])
        for p in dict.fromkeys(ev.engaged)
        if book.provisions[p].kind == "duty"
    ]
    return _words(ev.outcome, blocks, duties)


def verdict_words(v: Verdict) -> str:
    """A verdict's outcome in words, with what decides it: the one wording of the CLI, the reports, the
    step messages, `diff` and `explore`."""
    needs = [
        f"{m.citation}: {m.reason}" if m.reason else f"{m.citation} needs: {' or '.join(m.add)}"
        for m in v.undetermined
    ]
    return _words(
        v.outcome,
        [b.citation for b in v.blocked_by],
        [(d.citation, d.status) for d in v.duties],
        needs if v.outcome == "undetermined" else [],
        [d.interpretation for d in v.depends_on],
    )


def _words(
    outcome: str,
    blocks: Sequence[str],
    duties: Sequence[tuple[str, str]],
    needs: Sequence[str] = (),
    depends: Sequence[str] = (),
) -> str:
    words = "blocked by " + ", ".join(dict.fromkeys(blocks)) if outcome == "blocked" else outcome
    if needs:
        words += " (" + "; ".join(needs) + ")"
    for citation, status in dict.fromkeys(duties):
        words += f"; duty under {citation}: {status}"
    if depends:
        words += "; depends on " + ", ".join(depends)
    return words


def decisive(v: Verdict) -> tuple[Any, ...]:
    """What a verdict decides, to compare two verdicts whole: the outcome, the blocks, each duty and its
    status, the provisions undetermined, and the interpretations the outcome depends on."""
    return (
        v.outcome,
        sorted({b.provision for b in v.blocked_by}),
        sorted((d.provision, d.status) for d in v.duties),
        sorted(m.provision for m in v.undetermined),
        sorted((d.interpretation, tuple(sorted(d.outcomes.items()))) for d in v.depends_on),
    )


def duty_status(book: RuleBook, ev: Evaluation, pid: str) -> tuple[DutyStatus, str]:
    """met (one of its lifts held), breached (a fact shows it unmet: a not-lift of its lifts), or pending."""
    prov = book.provisions[pid]
    if pid not in ev.duties_unmet:
        held = [book.lifts[x].summary for x in prov.lifted_by if x in ev.lifts]
        return "met", "The facts show it done: " + "; ".join(held)
    fired = set(ev.not_lifts)
    breaches = [
        nl for nl in book.not_lifts.values() if nl.id in fired and set(nl.not_for) & set(prov.lifted_by)
    ]
    if breaches:
        return "breached", " ".join(nl.why for nl in breaches)
    by_when = prov.duty.by_when if prov.duty else "by the law's deadline"
    return "pending", f"Not shown: no scenario step states that it was done; it is owed {by_when}."


def _interpretation_caveats(book: RuleBook, proposal: Proposal) -> list[str]:
    """Name each interpretation the verdict rests on (those of the provisions over this kind of action),
    the reading used, and the others."""
    out = []
    kind = str(proposal.action.fields.get("kind"))
    for name in dict.fromkeys([*book.interpretations_over(kind), *_read_in_derived(book, proposal)]):
        param = book.parameters[name]
        value = str(book.value(name, proposal.date))
        how = (
            "read so by this scenario"
            if name in book.scenario_readings
            else "assumed for this run"
            if name in book.settings
            else "the default"
        )
        others = ", ".join(c for c in param.choices if c != value)
        out.append(
            f"Interpretation {name} = {value} ({how}; other readings: {others}): {param.choices[value]}"
        )
    return out


def _considered(case: Case, engaged: set[str]) -> list[Considered]:
    book, proposal = case.book, case.proposal
    kind, actor = proposal.action.fields.get("kind"), proposal.action.fields.get("actor")
    reached = {book.provisions[p].citation for p in engaged if p in book.provisions}
    seen: _Seen | None = None  # the case as the interpreter reads it, made once when first needed
    out = []
    for p in book.provisions.values():
        if p.id in engaged or kind not in p.applies_to.actions:
            continue
        if p.citation in reached:
            continue  # a sibling reading of a section that does reach the action: not news to the reader
        if actor not in p.applies_to.actors:
            why = f"It binds only the {either_of(p.applies_to.actors)}; here the {actor} acts."
        elif not p.in_force.contains(proposal.date):  # the decisive reason first, when it is this
            until = p.in_force.until
            why = (
                f"Not in force: it took effect on {p.in_force.since}; the action is on {proposal.date}."
                if proposal.date < p.in_force.since
                else f"Not in force: it ended on {until}; the action is on {proposal.date}."
            )
        else:
            seen = seen or _Seen.of(case)
            why = _why_not(book, seen, p, proposal)
        out.append(Considered(provision=p.id, citation=p.citation, title=p.title, status=p.status, why=why))
    return out


@dataclass(frozen=True)
class _Seen:
    """A case as the reference interpreter reads it: the day's parameters, the action with its derived
    fields, and the values a reader is shown ("here: ...")."""

    interpreter: Interpreter
    params: dict[str, Any]
    action: dict[str, Any]
    here: dict[str, Any]

    @classmethod
    def of(cls, case: Case) -> _Seen:
        book, proposal, params, facts = case.book, case.proposal, case.params, case.facts
        here = {
            **computed_action_fields(book.phrasebook, facts),
            **proposal.action.fields,
            "date": proposal.date,
        }
        return cls(Interpreter(book), params, facts[0], {**here, "date": proposal.date})


def _why_not(book: RuleBook, seen: _Seen, p: Provision, proposal: Proposal) -> str:
    """Why a provision in force over this kind of action does not reach it: the decisive condition first, as
    the reference interpreter reads the law (a day outside a reading's window before a missing number)."""
    interpreter, params, action, here = seen.interpreter, seen.params, seen.action, seen.here
    active = book.active_where(p, proposal.date)
    failing = [c for c in active if c not in interpreter.holding(p, params, action, active)]
    window = f"in force from {p.in_force.since}" + (f" to {p.in_force.until}" if p.in_force.until else "")
    conds = [
        f"{describe_condition(book, c, proposal.date)} (here: {_here_words(book, c, here)})" for c in active
    ]
    holds = "; ".join([window, *conds])
    why = f"It applies only when all hold: {holds}."
    if not failing:
        return why
    decisive = min(
        failing,
        key=lambda c: (
            _field(c) != "date",  # a reading's window in time decides before anything else
            not interpreter.has_values(c, params, action),  # a condition that fails on the facts given
            active.index(c),
        ),
    )
    return f"Does not apply: {_failed_words(book, decisive, here, proposal.date)}. {why}"


def _failed_words(book: RuleBook, cond: Condition, here: dict[str, Any], day: dt.date) -> str:
    """A condition that does not hold, in plain words, without double negatives or the engine's names."""
    field = _field(cond)
    if field == "kind" and not isinstance(cond, AnyOf):
        doing = book.phrasebook.action_words([str(here.get("kind"))])
        return f"it does not reach an action to {doing}"
    if field == "date" and isinstance(cond, Compare) and cond.op in ("lt", "lte", "gt", "gte"):
        when = {"lt": "before", "lte": "on or before", "gt": "after", "gte": "on or after"}[cond.op]
        bound = _expr_words(book, cond.value, day)
        return f"it reaches only actions {when} {bound}; here the action is on {day}"
    return f"{describe_condition(book, cond, day)} does not hold (here: {_here_words(book, cond, here)})"


def _here_words(book: RuleBook, cond: Condition, here: dict[str, Any]) -> str:
    field = _field(cond)
    value = here.get(field)
    if value is None:
        return f"not given ({book.phrasebook.field_words('action', field)})"
    if field == "kind":
        return "to " + book.phrasebook.action_words([str(value)])
    return _value_words(value)


def _field(condition: Condition) -> str:
    return next(tested_fields(condition))


def _value_words(value: Any) -> str:
    if isinstance(value, int) and value == 1:
        return "before any cut-off"  # the default arrival date of equipment
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _header(proposal: Proposal, ev: Evaluation) -> dict[str, Any]:
    """What every verdict states first: the outcome, the action, its date and the facts given."""
    return {
        "schema_": VERDICT_SCHEMA,
        "outcome": ev.outcome,
        "date": proposal.date,
        "date_defaulted": proposal.date_defaulted,
        "action": proposal.action.text,
        "facts": [*proposal.details, *(f.text for f in proposal.facts)],
    }


def _brief(book: RuleBook, proposal: Proposal, ev: Evaluation) -> Verdict:
    return _built(
        Verdict,
        **_header(proposal, ev),
        blocked_by=[_blocked_by(book, book.provisions[p], None) for p in dict.fromkeys(ev.blocks)],
        exceptions=[],
        considered=[],
        caveats=[],
        derivation=_built(Derivation, facts=[], steps=[], parameters={}),
        error=ev.error,
        duties=duty_checks(book, proposal, ev),
        undetermined=missing_facts(book, ev),
        depends_on=[],
    )


def _built(cls: type[M], **values: Any) -> M:
    """A model from values already of its fields' types, every field given: what `model_construct` makes,
    without its per-field search for aliases and defaults (a brief verdict per scenario; a test holds the
    two equal)."""
    made = cls.__new__(cls)
    object.__setattr__(made, "__dict__", {name: values[name] for name in cls.__pydantic_fields__})
    object.__setattr__(made, "__pydantic_fields_set__", set(values))
    object.__setattr__(made, "__pydantic_extra__", None)
    object.__setattr__(made, "__pydantic_private__", None)
    return made


def _blocked_by(book: RuleBook, p: Any, cures: dict[str, list[str]] | None) -> BlockedBy:
    return BlockedBy(
        provision=p.id,
        citation=p.citation,
        aliases=[*p.aliases, *book.pack_names(p.id)],
        title=p.title,
        summary=p.summary,
        status=p.status,
        sources=_sources(book, p.id, p.sources),
        cure=list((cures or {}).get(p.id, [])),
    )


def _lift_reason(held: bool, summary: str, proposal: Proposal, fact: str) -> str:
    if held:
        return f"Holds: {summary}"
    given = [f.text for f in proposal.facts if f.type == fact]
    if given:
        return f"Does not hold: the facts given ({'; '.join(given)}) do not meet it. {summary}"
    # Said so that it cannot be read as if the fact held: nothing in the scenario states it.
    return f"Not shown: no scenario step states that {summary[:1].lower()}{summary[1:]}"


def _parameters_used(book: RuleBook, engaged: list[Any], proposal: Proposal) -> dict[str, str]:
    out: dict[str, str] = {}
    for prov in engaged:
        for pid in prov.parameters:
            value = book.settings.get(pid, book.parameters[pid].value_on(proposal.date))
            out[pid] = str(value)
    return out


def derivation(book: RuleBook, proposal: Proposal, ev: Evaluation, engaged: list[Any]) -> Derivation:
    """The firing trace as a graph: input facts -> rules -> derived facts -> the verdict."""
    date = proposal.date
    qualified = "".join(f"; {d}" for d in proposal.details)
    facts = [DerivedFact(id="f0", kind="input", text=f"{proposal.action.text} (on {date}{qualified})")]
    facts += [
        DerivedFact(id=f"f{i}", kind="input", text=f.text) for i, f in enumerate(proposal.facts, start=1)
    ]
    steps: list[Step] = []
    # Facts the scenario states that fill in the action's own fields (a baseline, a change of the area):
    # the law reads them through the action, and the derivation says so (else they hang unconnected).
    reads = book.phrasebook.read_only_to_derive
    feeding = [f"f{i}" for i, f in enumerate(proposal.facts, start=1) if f.type in reads]
    if feeding:
        read = [book.phrasebook.fact_words(f.type) for f in proposal.facts if f.type in reads]
        steps.append(
            Step(
                rule="case:action",
                kind="case",
                about="action",
                title="The scenario's facts fill in what the law reads of the action",
                conditions=list(dict.fromkeys(read)),
                inputs=feeding,
                concluded="f0",
                matched={},
            )
        )
    verdicts = 0
    known = {f.id for f in facts}
    for firing in ev.firings:
        inputs = [str(m["id"]) for m in firing.matched.values() if "id" in m and m["id"] != "gate"]
        for m in firing.matched.values():
            # A fact the engine made for the evaluation (the first written notice): shown, never a bare id.
            if "id" in m and str(m["id"]) not in known and str(m["id"]).startswith("f"):
                known.add(str(m["id"]))
                facts.append(DerivedFact(id=str(m["id"]), kind="input", text=_made_fact_text(book, m)))
        concluded: str | None = None
        if firing.concluded is not None:
            concluded = str(firing.concluded["id"])
            facts.append(
                DerivedFact(id=concluded, kind="derived", text=_derived_text(book, firing.concluded))
            )
        elif firing.kind == "block":
            concluded, verdicts = f"v{verdicts}", verdicts + 1
            prov = book.provisions[firing.target]
            facts.append(DerivedFact(id=concluded, kind="verdict", text=f"blocked by {prov.citation}"))
        title, conditions = _rule_words(book, firing.kind, firing.target, date)
        steps.append(
            Step(
                rule=firing.rule,
                kind=firing.kind,
                about=firing.target,
                title=title,
                conditions=conditions,
                inputs=inputs,
                concluded=concluded,
                matched=firing.matched,
            )
        )
    return Derivation(facts=facts, steps=steps, parameters=_parameters_used(book, engaged, proposal))


def _made_fact_text(book: RuleBook, fact: dict[str, Any]) -> str:
    """A fact the engine makes for every evaluation, in words: its meaning and its dates."""
    shown = []
    for name, value in fact.items():
        if name in ("t", "id", "sid"):
            continue
        if book.phrasebook.facts.get(str(fact["t"]), {}).get(name) == "date" and isinstance(value, int):
            day = dt.date.fromordinal(value) if 0 < value <= dt.date.max.toordinal() else None
            value = "none given" if day is None or day > LATEST_DATE else day
        shown.append(f"{book.phrasebook.field_words(str(fact['t']), name)}: {value}")
    words = book.phrasebook.fact_words(str(fact["t"]))
    return f"{words} ({'; '.join(shown)})" if shown else words


def _derived_text(book: RuleBook, fact: dict[str, Any]) -> str:
    if fact["t"] == "engaged":
        prov = book.provisions[fact["provision"]]
        return f"{prov.citation} ({prov.title}) governs the action"
    if fact["t"] == "lift":
        return f"holds: {book.lifts[fact['lift']].title}"
    if fact["t"] == "undecided":
        prov = book.provisions[fact["provision"]]
        return f"{prov.citation} ({prov.title}) would govern the action, but a fact it needs is missing"
    return str(fact)


def _rule_words(book: RuleBook, kind: str, target: str, day: dt.date) -> tuple[str, list[str]]:
    if kind == "engage":
        p = book.provisions[target]
        window = f"in force from {p.in_force.since}" + (f" to {p.in_force.until}" if p.in_force.until else "")
        conditions = [
            f"the action is to {book.phrasebook.action_words(p.applies_to.actions)}",
            f"taken by the {either_of(p.applies_to.actors)}",
            window,
            *(describe_condition(book, c, day) for c in p.applies_to.where),
        ]
        return f"{p.citation} applies", conditions
    if kind == "lift":
        lift = book.lifts[target]
        conditions = [
            book.phrasebook.fact_words(pat.fact)
            + "".join(f", {describe_condition(book, c, day, pat.fact)}" for c in pat.where)
            for pat in lift.when
        ]
        return f"{lift.title} ({lift.citation})", conditions
    if kind == "not-lift":
        nl = book.not_lifts[target]
        return f"{book.phrasebook.fact_words(nl.fact)}: not an exception ({nl.citation})", [nl.why]
    p = book.provisions[target]
    if kind == "undecided":
        return f"{p.citation} would apply, but a fact it needs is missing", [
            f"add: Given {n.phrase}" for n in p.needs
        ]
    unless = [book.lifts[x].title for x in p.lifted_by]
    verb = {"duty": "attaches a duty not shown met", "undetermined": "cannot be decided"}.get(kind, "blocks")
    return f"{p.citation} {verb}", (
        [f"unless: {' or '.join(unless)}"] if unless else ["no exception lifts it"]
    )


_OPS = {"eq": "=", "ne": "≠", "lt": "<", "lte": "≤", "gt": ">", "gte": "≥", "in": "in", "not_in": "not in"}


def describe_condition(book: RuleBook, cond: Condition, day: dt.date, fact: str = "action") -> str:
    """A condition in words for people, with the parameter values in force on `day`: fields by the words
    their packs give them, never by their names."""
    if isinstance(cond, AnyOf):
        return "either " + " or ".join(describe_condition(book, c, day, fact) for c in cond.options)
    rhs = cond.values if isinstance(cond, Among) else (cond.value,)
    negated = cond.negated if isinstance(cond, Among) else cond.op == "ne"
    if fact == "action" and cond.field == "kind" and (isinstance(cond, Among) or cond.op in ("eq", "ne")):
        # the kinds of action, in their packs' words
        words = book.phrasebook.action_words([str(k.value) for k in rhs if isinstance(k, Lit)])
        return f"the action is {'not ' if negated else ''}to {words}"
    field = book.phrasebook.field_words(fact, cond.field)
    if isinstance(cond, Among):
        shown = ", ".join(_expr_words(book, v, day, fact) for v in rhs[:6]) + (
            ", ..." if len(rhs) > 6 else ""
        )
        return f"{field} {'is none of' if negated else 'is one of'}: {shown}"
    return f"{field} {_OPS[cond.op]} {_expr_words(book, cond.value, day, fact)}"


def _expr_words(book: RuleBook, expr: Expr, day: dt.date, fact: str = "action") -> str:
    if isinstance(expr, Lit):
        return f"{expr.value:,}" if isinstance(expr.value, int) else str(expr.value)
    if isinstance(expr, Param):
        value = book.value(expr.id, day)  # the law as amended for this run, if it is
        shown = f"{value:,}" if isinstance(value, int) else str(value)
        return f"{shown} ({expr.id})"
    if isinstance(expr, FieldRef):
        owner = expr.fact or fact
        words = book.phrasebook.field_words(owner, expr.name)
        if owner == fact:
            return words
        if owner == "action":
            return f"the action's {words}"
        meaning = book.phrasebook.fact_words(owner)
        return f"{words} of the {meaning[:1].lower()}{meaning[1:]}"
    if isinstance(expr, CeilFraction):
        share = _expr_words(book, Param(expr.param), day, fact)
        return f"{share} of {_expr_words(book, expr.of, day, fact)}, rounded up"
    symbol = {"add": "+", "sub": "−", "mul": "×", "div": "÷"}[expr.op]
    return f"{_expr_words(book, expr.left, day, fact)} {symbol} {_expr_words(book, expr.right, day, fact)}"
