"""Coverage of the law by a scenario library: which provisions, boundaries and exceptions it exercises.

The engine answers every question: a coverage run compiles probe rules, one per condition of each
provision, that fire when that condition holds for a scenario's action.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .compiling import probe_conditions
from .errors import InputError
from .explaining import describe_condition
from .features import ScenarioSpec
from .running import Runner


@dataclass
class _Tally:
    scenarios: set[str] = field(default_factory=set)
    blocked: set[str] = field(default_factory=set)
    permitted: set[str] = field(default_factory=set)
    holds: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    fails: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    lifted_by: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def coverage(runner: Runner, specs: list[ScenarioSpec]) -> dict[str, Any]:
    book = runner.book
    engine = runner.probe_engine()
    tallies = {pid: _Tally() for pid in book.provisions}
    errors: list[str] = []
    for spec in specs:
        try:
            scenario = runner.case(runner.build(spec), spec)
        except InputError as exc:
            errors.append(exc.message())
            continue
        ev = engine.evaluate(scenario)
        if ev.outcome == "error":
            errors.append(f"{spec.location}: {ev.error}")
            continue
        where = spec.location
        fired = {f.target for f in ev.firings if f.kind == "probe"}
        fields = scenario.proposal.action.fields
        kind, actor = fields.get("kind"), fields.get("actor")
        for pid, prov in book.provisions.items():
            if not prov.applies_to.covers(kind, actor):
                continue
            tally = tallies[pid]
            for index in range(len(probe_conditions(prov))):
                (tally.holds if f"{pid}#{index}" in fired else tally.fails)[index].add(where)
            if pid in ev.engaged:
                tally.scenarios.add(where)
                # A duty's counterpart of a block is a duty not (yet) met.
                unmet = pid in ev.blocks or pid in ev.duties_unmet or pid in ev.undetermined
                (tally.blocked if unmet else tally.permitted).add(where)
                for lift_id in set(ev.lifts) & set(prov.lifted_by):
                    tally.lifted_by[lift_id].add(where)
    rows = []
    covered = total = 0
    today = runner.today
    for pid, prov in book.provisions.items():
        t = tallies[pid]
        boundaries: list[dict[str, Any]] = []
        for index, (case, cond) in enumerate(probe_conditions(prov)):
            window = f"in force ({prov.in_force.since}" + (
                f" to {prov.in_force.until})" if prov.in_force.until else " on)"
            )
            words = window if cond is None else describe_condition(book, cond, today)
            boundary: dict[str, Any] = {
                "condition": f"{words} (if {case})" if case else words,
                "holds": len(t.holds[index]),
                "fails": len(t.fails[index]),
            }
            if cond is None and _before_every_subject(book, prov):
                boundary["fails_unreachable"] = True  # before the window, the action has no subject
            boundaries.append(boundary)
        exceptions: list[dict[str, Any]] = [{"id": x, "held": len(t.lifted_by[x])} for x in prov.lifted_by]
        items = [bool(t.scenarios)] + ([bool(t.blocked)] if prov.kind != "note" else [])
        items += [bool(t.permitted)] if prov.lifted_by else []
        items += [b["holds"] > 0 for b in boundaries]
        items += [b["fails"] > 0 for b in boundaries if not b.get("fails_unreachable")]
        items += [e["held"] > 0 for e in exceptions]
        covered += sum(items)
        total += len(items)
        rows.append(
            {
                "id": pid,
                "citation": prov.citation,
                "title": prov.title,
                "scenarios": len(t.scenarios),
                "blocked": len(t.blocked),
                "permitted": len(t.permitted),
                "boundaries": boundaries,
                "exceptions": exceptions,
                "covered": sum(items),
                "items": len(items),
                "untouched": not t.scenarios,
            }
        )
    percent = 100.0 * covered / total if total else 100.0
    return {
        "schema": "constraint-engine/coverage/1",
        "provisions": rows,
        "percent": round(percent, 1),
        "errors": errors,
    }


def coverage_text(report: dict[str, Any]) -> str:
    lines = [
        "Each provision: [covered/items] counts what the scenarios exercise of it: that some scenario",
        "reaches it, that it blocks and is lifted, each side of each condition, each exception.",
        "UNTOUCHED: no scenario reaches it at all.",
        "",
    ]
    for row in report["provisions"]:
        mark = "UNTOUCHED" if row["untouched"] else f"{row['covered']}/{row['items']} covered"
        lines.append(f"{row['id']}  {row['citation']}  [{mark}]")
        lines.append(f"    {row['scenarios']} scenarios: {row['blocked']} blocked, {row['permitted']} lifted")
        for b in row["boundaries"]:
            if row["untouched"]:
                gap = ""  # neither side is tested: the provision's mark says so once
            elif b["holds"] and (b["fails"] or b.get("fails_unreachable")):
                gap = ""
            elif not b["holds"] and not b["fails"]:
                gap = "   <- neither side tested"
            else:
                gap = "   <- one side untested"
            lines.append(f"    {b['condition']}: holds in {b['holds']}, fails in {b['fails']}{gap}")
        for x in row["exceptions"]:
            gap = "" if x["held"] or row["untouched"] else "   <- never exercised"
            lines.append(f"    exception {x['id']}: holds in {x['held']}{gap}")
    for e in report["errors"]:
        lines.append(f"error: {e}")
    lines.append(f"coverage: {report['percent']}%")
    return "\n".join(lines) + "\n"


def _before_every_subject(book: Any, prov: Any) -> bool:
    """No valid scenario falls before the provision's window: every action it covers lacks a subject then."""
    actions = book.phrasebook.actions
    since = [actions[k].subject_since for k in prov.applies_to.actions if k in actions]
    return len(since) == len(prov.applies_to.actions) and all(
        s is not None and s.date >= prov.in_force.since for s in since
    )
