"""Turn an evaluation into a verdict: which provisions block, why, how sure, and what would lift them."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .engine import Evaluation
from .facts import Proposal
from .loading import RuleBook

VERDICT_SCHEMA = "constraint-engine/verdict/1"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


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


class Step(Model):
    rule: str
    kind: str
    about: str
    matched: dict[str, dict[str, Any]]
    concluded: dict[str, Any] | None


class Derivation(Model):
    steps: list[Step]
    parameters: dict[str, str]


class Verdict(Model):
    schema_: str = Field(VERDICT_SCHEMA, alias="schema")
    outcome: Literal["blocked", "permitted", "error"]
    date: dt.date
    date_defaulted: bool
    action: str
    facts: list[str]
    blocked_by: list[BlockedBy]
    exceptions: list[ExceptionCheck]
    caveats: list[str]
    derivation: Derivation
    error: str | None = None

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)


def _sources(book: RuleBook, owner: str, keys: list[str]) -> list[SourceRef]:
    return [
        SourceRef(key=k, **s.model_dump()) for k, s in zip(keys, book.source_list(owner, keys), strict=True)
    ]


def explain(book: RuleBook, proposal: Proposal, ev: Evaluation) -> Verdict:
    blocked = [book.provisions[p] for p in dict.fromkeys(ev.blocks)]
    engaged = [book.provisions[p] for p in dict.fromkeys(ev.engaged)]
    held = set(ev.lifts)
    caveats: list[str] = []
    if proposal.date_defaulted:
        caveats.append(f"No date was given: the action is evaluated as of today, {proposal.date}.")
    for prov in engaged:
        if prov.status != "verified":
            caveats.append(
                f"{prov.citation} ({prov.title}) is {prov.status.upper()}: not verified against enacted text."
            )
        caveats.extend(f"{prov.citation}: {c}" for c in prov.caveats)
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
        if lift.status != "verified" and lift_id in held:
            caveats.append(
                f"{lift.title} lifts the block, but the exception itself is {lift.status.upper()}."
            )
    for nl_id in dict.fromkeys(ev.not_lifts):
        nl = book.not_lifts[nl_id]
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
    if ev.ignored:
        caveats.append(f"No loaded rule pack considers these facts: {', '.join(sorted(set(ev.ignored)))}.")
    return Verdict(
        schema=VERDICT_SCHEMA,
        outcome=ev.outcome,
        date=proposal.date,
        date_defaulted=proposal.date_defaulted,
        action=proposal.action.text,
        facts=[f.text for f in proposal.facts],
        blocked_by=[
            BlockedBy(
                provision=p.id,
                citation=p.citation,
                aliases=list(p.aliases),
                title=p.title,
                summary=p.summary,
                status=p.status,
                sources=_sources(book, p.id, p.sources),
                cure=list(p.cure),
            )
            for p in blocked
        ],
        exceptions=exceptions,
        caveats=list(dict.fromkeys(caveats)),
        derivation=Derivation(
            steps=[
                Step(rule=f.rule, kind=f.kind, about=f.target, matched=f.matched, concluded=f.concluded)
                for f in ev.firings
            ],
            parameters=_parameters_used(book, engaged, proposal),
        ),
        error=ev.error,
    )


def _lift_reason(held: bool, summary: str, proposal: Proposal, fact: str) -> str:
    if held:
        return f"Holds: {summary}"
    given = [f.text for f in proposal.facts if f.type == fact]
    if given:
        return f"Does not hold: the facts given ({'; '.join(given)}) do not meet it. {summary}"
    return f"Does not hold: no fact of this kind was given. {summary}"


def _parameters_used(book: RuleBook, engaged: list[Any], proposal: Proposal) -> dict[str, str]:
    out: dict[str, str] = {}
    for prov in engaged:
        for pid in prov.parameters:
            value = proposal.overrides.get(pid, book.parameters[pid].value_on(proposal.date))
            out[pid] = str(value)
    return out
