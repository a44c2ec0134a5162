"""Compile a RuleBook into one durable-rules JSON ruleset.

Strata (durable-rules decides a negation when a match is queued, so negation must come last):
  1. `engage:<provision>`  the action falls under a provision in force      -> asserts {t: engaged}
     `lift:<lift>`         an exception or a complied duty holds            -> asserts {t: lift}
     `not-lift:<id>`       a fact that is mistaken for an exception is seen -> recorded only
  2. `block:<provision>`   gated on {t: evaluate}: engaged and no lift holds -> recorded only
Parameters reach the rules as fields of one {t: params} fact, resolved for the scenario's date,
so a dated amendment or a what-if value never needs a new ruleset.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal

from .errors import InputError
from .loading import RuleBook
from .models import DependingOn, Lift, Parameter, Provision

PARAMS = "p"
ACTION = "a"
GATE = "evaluate"
RuleKind = Literal["start", "engage", "lift", "not-lift", "block", "probe"]


def param_key(pid: str) -> str:
    return pid.replace(".", "_").replace("-", "_")


@dataclass(frozen=True)
class RuleMeta:
    rule_id: str
    kind: RuleKind
    target: str  # the provision, lift or not-lift this rule is about
    asserts: dict[str, Any] | None  # the fact it derives, when a later rule needs it


@dataclass
class CompiledRules:
    name: str
    definition: dict[str, dict[str, Any]]
    rules: dict[str, RuleMeta]
    fact_types: frozenset[str]
    book: RuleBook
    _changes: list[dt.date] = field(default_factory=list)
    _params_cache: dict[tuple[int, tuple[tuple[str, Any], ...]], dict[str, Any]] = field(default_factory=dict)

    def params_fact(self, day: dt.date, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
        """The {t: params} fact for a day: each parameter's value in force then, unless overridden.

        Values change only on the dates some value starts, so the fact is cached per interval between them.
        """
        key = (bisect.bisect_right(self._changes, day), tuple(sorted((overrides or {}).items())))
        cached = self._params_cache.get(key)
        if cached is None:
            cached = {"t": "params"}
            for pid, param in self.book.parameters.items():
                value = (overrides or {}).get(pid, param.value_on(day))
                cached.update(encode_param(param, value))
            if len(self._params_cache) > 4096:
                self._params_cache.clear()
            self._params_cache[key] = cached
        return cached


def encode_param(param: Parameter, value: Any) -> dict[str, Any]:
    key = param_key(param.id)
    if param.is_interpretation:
        return {key: str(value)}
    if isinstance(value, Fraction):
        return {f"{key}__num": value.numerator, f"{key}__den": value.denominator}
    if isinstance(value, dt.date):
        return {key: value.toordinal()}
    return {key: value}


def _expr(raw: Any, own: str) -> Any:
    """Compile an expression evaluated while matching fact alias `own`."""
    if isinstance(raw, dt.date):
        return raw.toordinal()
    if isinstance(raw, int | str):
        return raw
    if "param" in raw:
        part = raw.get("part", "value")
        suffix = {"value": "", "numerator": "__num", "denominator": "__den"}[part]
        return {PARAMS: param_key(raw["param"]) + suffix}
    if "field" in raw:
        alias = _alias(raw.get("fact", own))
        return {"$m": raw["field"]} if alias == own else {alias: raw["field"]}
    ((op, args),) = raw.items()
    if op == "ceil_fraction":
        # ceil(of * n / d) as (of * n + d - 1) / d: integer-exact, where (of * n) / d would truncate.
        num = {PARAMS: param_key(args["param"]) + "__num"}
        den = {PARAMS: param_key(args["param"]) + "__den"}
        scaled = {"$mul": {"$l": _expr(args["of"], own), "$r": num}}
        rounded_up = {"$add": {"$l": scaled, "$r": {"$sub": {"$l": den, "$r": 1}}}}
        return {"$div": {"$l": rounded_up, "$r": den}}
    return {f"${op}": {"$l": _expr(args[0], own), "$r": _expr(args[1], own)}}


_OPS = {"ne": "$neq", "lt": "$lt", "lte": "$lte", "gt": "$gt", "gte": "$gte"}


def _alias(fact: str) -> str:
    return ACTION if fact == "action" else fact


def _condition(raw: dict[str, Any], own: str) -> dict[str, Any]:
    ((key, body),) = raw.items()
    if key == "any":
        return _either([_condition(sub, own) for sub in body])
    ((op, rhs),) = body.items()
    if op == "eq":
        return {key: _expr(rhs, own)}
    if op == "in":
        return _either([{key: _expr(v, own)} for v in rhs])
    if op == "not_in":
        return _both([{"$neq": {key: _expr(v, own)}} for v in rhs])
    return {_OPS[op]: {key: _expr(rhs, own)}}


def _either(items: list[dict[str, Any]]) -> dict[str, Any]:
    return items[0] if len(items) == 1 else {"$or": items}


def _both(items: list[dict[str, Any]]) -> dict[str, Any]:
    """A conjunction ordered so durable-rules evaluates it correctly.

    durable-rules 2.0.28 mis-evaluates a reference to another fact (e.g. a parameter) placed after an
    `$or` in the same `$and` (measured: a 45-day dip was read as longer than 45 days). So: plain
    conditions first, then at most one `$or` holding references, then `$or`s of literals only.
    """
    plain = [c for c in items if not _has_or(c)]
    with_refs = [c for c in items if _has_or(c) and _has_ref(c)]
    literal_ors = [c for c in items if _has_or(c) and not _has_ref(c)]
    if len(with_refs) > 1:
        raise CompileError(
            "a rule combines two 'any' conditions that both compare with a parameter or another fact, "
            "which durable-rules cannot evaluate reliably; split the rule or move one comparison out of 'any'"
        )
    ordered = plain + with_refs + literal_ors
    return ordered[0] if len(ordered) == 1 else {"$and": ordered}


class CompileError(ValueError):
    """A rule the engine cannot evaluate faithfully."""

    owner = ""
    accepted = "one comparison with a parameter or another fact per 'any'"


def _has_or(node: Any) -> bool:
    if isinstance(node, dict):
        return "$or" in node or any(_has_or(v) for v in node.values())
    if isinstance(node, list):
        return any(_has_or(v) for v in node)
    return False


def _has_ref(node: Any) -> bool:
    """True when the condition compares with a field of another fact or of itself ($m)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in (PARAMS, ACTION, "$m") and isinstance(value, str):
                return True
            if key[:1] in ("f", "w") and key[1:].isdigit() and isinstance(value, str):
                return True
            if _has_ref(value):
                return True
    elif isinstance(node, list):
        return any(_has_ref(v) for v in node)
    return False


def _pattern(
    fact_type: str, conditions: list[dict[str, Any]], own: str, extra: list[Any] | None = None
) -> dict[str, Any]:
    return _both([{"t": fact_type}, *(extra or []), *(_condition(c, own) for c in conditions)])


def compile_rulebook(book: RuleBook, *, probes: bool = False) -> CompiledRules:
    """Compile every pack; a rule the engine could not evaluate faithfully is bad input (InputError).

    With `probes`, each condition of each provision also gets a rule of its own that fires when that
    condition holds, so `coverage` can ask the engine which side of each boundary a scenario is on.
    """
    try:
        return _compile(book, probes)
    except CompileError as exc:
        raise InputError(
            f"{exc.owner}: {exc}.", file=book.file_of(exc.owner), accepted=str(exc.accepted)
        ) from None


def _compile(book: RuleBook, probes: bool = False) -> CompiledRules:
    definition: dict[str, dict[str, Any]] = {}
    rules: dict[str, RuleMeta] = {}

    def add(
        rule_id: str, kind: RuleKind, target: str, all_: list[Any], asserts: dict[str, Any] | None
    ) -> None:
        definition[rule_id] = {"all": all_}
        rules[rule_id] = RuleMeta(rule_id, kind, target, asserts)

    # durable-rules 2.0.28 frees a session's action context on delete_state without ever initialising
    # it; only a session in which some action ran has it set (then cleared). This rule fires in every
    # session, so deleting one never frees garbage (a segfault, seen on the first session of a host).
    add("start", "start", "params", [{PARAMS: {"t": "params"}}], None)
    for prov in book.provisions.values():
        for suffix, patterns in _owned(prov.id, _engage, prov):
            add(
                f"engage:{prov.id}{suffix}",
                "engage",
                prov.id,
                patterns,
                {"t": "engaged", "provision": prov.id},
            )
    for lift in book.lifts.values():
        for suffix, patterns in _owned(lift.id, _lift, lift):
            add(f"lift:{lift.id}{suffix}", "lift", lift.id, patterns, {"t": "lift", "lift": lift.id})
    for nl in book.not_lifts.values():
        where = _rename_own(nl.where, nl.fact, "f0")
        add(
            f"not-lift:{nl.id}",
            "not-lift",
            nl.id,
            [{ACTION: {"t": "action"}}, {"f0": _pattern(nl.fact, where, "f0")}],
            None,
        )
    for prov in book.provisions.values():
        gated: list[Any] = [{"e": {"$and": [{"t": "engaged"}, {"provision": prov.id}]}}, {"g": {"t": GATE}}]
        if prov.lifted_by:
            gated.append({"x$not": _both([{"t": "lift"}, _either([{"lift": x} for x in prov.lifted_by])])})
        add(f"block:{prov.id}", "block", prov.id, gated, None)

    if probes:
        for prov in book.provisions.values():
            for index, suffix, patterns in _owned(prov.id, _probes, prov):
                add(f"probe:{prov.id}#{index}{suffix}", "probe", f"{prov.id}#{index}", patterns, None)

    _check_every_fact_is_consumed(book)
    fact_types = _matched_types(definition)
    digest = hashlib.sha256(json.dumps(definition, sort_keys=True).encode()).hexdigest()[:16]
    changes = sorted({v.since for p in book.parameters.values() for v in p.values})
    return CompiledRules(f"ce_{digest}", definition, rules, frozenset(fact_types), book, changes)


Variant = tuple[str, list[Any]]


def _owned(owner: str, build: Any, item: Any) -> list[Any]:
    """Build one rule's variants; a CompileError names the provision or lift it came from."""
    try:
        return list(build(item))
    except CompileError as exc:
        exc.owner = owner
        raise


def _cases(deps: list[tuple[str, DependingOn]]) -> list[tuple[str, dict[str, str], dict[str, list[Any]]]]:
    """Each combination of the interpretations the rule depends on: (id suffix, params conditions, extra
    conditions by fact alias). Patterns that depend on the same interpretation vary together."""
    by_name: dict[str, list[tuple[str, DependingOn]]] = {}
    for alias, dep in deps:
        by_name.setdefault(dep.interpretation, []).append((alias, dep))
    combos: list[tuple[str, dict[str, str], dict[str, list[Any]]]] = [("", {}, {})]
    for name, uses in by_name.items():
        values = list(uses[0][1].cases)
        expanded = []
        for suffix, chosen, extra in combos:
            for value in values:
                more = {alias: [*extra.get(alias, [])] for alias in extra}
                for alias, dep in uses:
                    more[alias] = [*more.get(alias, []), *dep.cases[value]]
                expanded.append((f"{suffix}[{name}={value}]", {**chosen, param_key(name): value}, more))
        combos = expanded
    return combos


def _params_pattern(chosen: dict[str, str]) -> dict[str, Any]:
    return {PARAMS: _both([{"t": "params"}, *({k: v} for k, v in chosen.items())])}


def _who(prov: Provision) -> list[Any]:
    """The action's kind and actor are the provision's subject."""
    return [
        _either([{"kind": k} for k in prov.applies_to.actions]),
        _either([{"actor": x} for x in prov.applies_to.actors]),
    ]


def _window(prov: Provision) -> list[Any]:
    """The action's date is within the provision's window in force."""
    window: list[Any] = [{"$gte": {"date": prov.in_force.since.toordinal()}}]
    if prov.in_force.until is not None:
        window.append({"$lte": {"date": prov.in_force.until.toordinal()}})
    return window


def _engage(prov: Provision) -> list[Variant]:
    who, window = _who(prov), _window(prov)
    deps = [(ACTION, d) for d in prov.applies_to.depending_on]
    variants = []
    for suffix, chosen, extra in _cases(deps):
        where = [*prov.applies_to.where, *extra.get(ACTION, [])]
        patterns: list[Any] = [
            _params_pattern(chosen),
            {ACTION: _pattern("action", where, ACTION, [*who, *window])},
        ]
        for i, pat in enumerate(prov.applies_to.with_facts):
            alias = f"w{i}"
            patterns.append({alias: _pattern(pat.fact, _rename_own(pat.where, pat.fact, alias), alias)})
        variants.append((suffix, patterns))
    return variants


def probe_conditions(prov: Provision) -> list[tuple[str, dict[str, Any] | None]]:
    """The conditions a coverage run probes, in order: the window in force, then each condition on the action.

    Conditions that differ by interpretation are probed in each case; (case, condition) pairs share an index.
    """
    out: list[tuple[str, dict[str, Any] | None]] = [("", None)]  # None: the window in force
    out += [("", c) for c in prov.applies_to.where]
    for dep in prov.applies_to.depending_on:
        for value, conditions in dep.cases.items():
            out += [(f"{dep.interpretation}={value}", c) for c in conditions]
    return out


def _probes(prov: Provision) -> list[tuple[int, str, list[Any]]]:
    who, window = _who(prov), _window(prov)
    out = []
    for index, (case, cond) in enumerate(probe_conditions(prov)):
        chosen: dict[str, str] = {}
        if case:
            name, _, value = case.partition("=")
            chosen = {param_key(name): value}
        tests = window if cond is None else [_condition(cond, ACTION)]
        action = _both([{"t": "action"}, *who, *tests])
        out.append((index, f"[{case}]" if case else "", [_params_pattern(chosen), {ACTION: action}]))
    return out


def _lift(lift: Lift) -> list[Variant]:
    deps = [(f"f{i}", d) for i, pat in enumerate(lift.when) for d in pat.depending_on]
    variants = []
    for suffix, chosen, extra in _cases(deps):
        patterns: list[Any] = [
            _params_pattern(chosen),
            {ACTION: _pattern("action", lift.action_where, ACTION)},
        ]
        for i, pat in enumerate(lift.when):
            alias = f"f{i}"
            where = _rename_own([*pat.where, *extra.get(alias, [])], pat.fact, alias)
            patterns.append({alias: _pattern(pat.fact, where, alias)})
        variants.append((suffix, patterns))
    return variants


def _rename_own(conditions: list[dict[str, Any]], fact: str, alias: str) -> list[dict[str, Any]]:
    """Inside a lift's pattern, {field: x} means the pattern's own fact; mark it with its alias."""

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            if "field" in node and set(node) <= {"field", "fact"}:
                return {
                    "field": node["field"],
                    "fact": alias if node.get("fact", fact) == fact else node["fact"],
                }
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return [walk(c) for c in conditions]


def _matched_types(definition: dict[str, dict[str, Any]]) -> set[str]:
    types: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("t"), str):
                types.add(node["t"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(definition)
    return types


def _check_every_fact_is_consumed(book: RuleBook) -> None:
    # Every lift must lift something: a derived fact no rule consumes would be dropped by the engine.
    used = {lift for p in book.provisions.values() for lift in p.lifted_by}
    unused = sorted(set(book.lifts) - used)
    if unused:
        lift = book.lifts[unused[0]]
        raise InputError(
            f"lift {lift.id!r} lifts no provision.",
            file=book.file_of(lift.id),
            accepted="name it in some provision's lifted_by, or remove it",
        )
