"""Compile a RuleBook into one durable-rules JSON ruleset.

The rules durable-rules runs are positive only, so nothing depends on when it decides a negation:
  `engage:<provision>`    the action falls under a provision in force      -> concludes {t: engaged}
  `undecided:<provision>` it would, but a fact it needs (a baseline) is missing -> concludes {t: undecided}
  `lift:<lift>`           an exception or a complied duty holds            -> concludes {t: lift}
  `not-lift:<id>`         a fact that is mistaken for an exception is seen -> recorded only
The engine records what each rule concludes in its trace (nothing is asserted back into the session), and
decides from the trace what used to be the negated rules (`decisions`): a prohibition engaged and not lifted
blocks, a duty engaged and not met is owed, a provision undecided and not lifted is undetermined.
Parameters reach the rules as fields of one {t: params} fact, resolved for the scenario's date,
so a dated amendment or a what-if value never needs a new ruleset.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import json
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal

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
    has_reference,
    param_key,
    reads_field,
)
from .errors import InputError
from .loading import RuleBook
from .models import DependingOn, Lift, NotALift, Parameter, Provision

PARAMS = "p"
ACTION = "a"
RuleKind = Literal[
    "start", "engage", "lift", "not-lift", "block", "duty", "undecided", "undetermined", "probe"
]


@dataclass(frozen=True)
class RuleMeta:
    rule_id: str
    kind: RuleKind
    target: str  # the provision, lift or not-lift this rule is about
    asserts: dict[str, Any] | None  # the fact it derives, when a later rule needs it


@dataclass(frozen=True)
class Decision:
    """What a provision decides once the rules have run: decided in Python from the firing trace."""

    provision: str
    kind: Literal["block", "duty"] | None  # a note decides nothing
    lifted_by: frozenset[str]
    needs: bool  # undecided (a needed fact missing) and not lifted: undetermined


@dataclass
class CompiledRules:
    name: str
    definition: dict[str, dict[str, Any]]
    rules: dict[str, RuleMeta]
    fact_types: frozenset[str]
    book: RuleBook
    decisions: tuple[Decision, ...] = ()
    _changes: list[dt.date] = field(default_factory=list)
    _params_cache: dict[tuple[Any, ...], dict[str, Any]] = field(default_factory=dict)

    @functools.cached_property
    def partly_encoded(self) -> tuple[Provision, ...]:
        """The provisions encoded only from a day after they took force (checked at each evaluation)."""
        return tuple(p for p in self.book.provisions.values() if p.encoded_from is not None)

    @functools.cached_property
    def _yearly(self) -> tuple[tuple[int, int], ...]:
        """The days of the year (month, day) on which a yearly value (every_year) turns over."""
        days = {
            tuple(int(x) for x in v.every_year.split("-"))
            for p in self.book.parameters.values()
            for v in p.values
            if v.every_year
        }
        return tuple(sorted(days))  # type: ignore[arg-type]

    def params_fact(self, day: dt.date, settings: dict[str, Any] | None = None) -> dict[str, Any]:
        """The {t: params} fact for a day: each parameter's value in force then, unless the law is amended
        (`settings`, an amended RuleBook's).

        Values change only on the dates some value starts, so the fact is cached per interval between them.
        """
        # A value given as a yearly rule (every_year) changes within an interval, on its day of the year: the
        # year, and which side of each such day the action falls, are part of the key.
        yearly = (day.year, *((day.month, day.day) <= turn for turn in self._yearly)) if self._yearly else ()
        key = (bisect.bisect_right(self._changes, day), yearly, tuple(sorted((settings or {}).items())))
        cached = self._params_cache.get(key)
        if cached is None:
            cached = {"t": "params"}
            for pid, param in self.book.parameters.items():
                value = (settings or {}).get(pid, param.value_on(day))
                cached.update(encode_param(param, value))
            if len(self._params_cache) > 4096:
                self._params_cache.clear()
            self._params_cache[key] = cached
        return cached


def params_for(book: RuleBook, day: dt.date) -> dict[str, Any]:
    """The parameters fact for a day under this law, as the engines receive it (no compiled ruleset)."""
    out: dict[str, Any] = {"t": "params"}
    for pid, param in book.parameters.items():
        out.update(encode_param(param, book.value(pid, day)))
    return out


def encode_param(param: Parameter, value: Any) -> dict[str, Any]:
    key = param_key(param.id)
    if param.is_interpretation:
        return {key: str(value)}
    if isinstance(value, Fraction):
        return {f"{key}__num": value.numerator, f"{key}__den": value.denominator}
    if isinstance(value, dt.date):
        return {key: value.toordinal()}
    return {key: value}


@dataclass(frozen=True)
class Scope:
    """Where a pattern's conditions are compiled: its own alias and fact type, and the facts matched before
    it in the same rule (by type), which its conditions may read."""

    own: str
    fact: str
    earlier: tuple[tuple[str, str], ...] = ()

    def alias_of(self, ref: FieldRef) -> str:
        target = ref.fact or self.fact
        if target == self.fact:
            return self.own
        return dict(self.earlier).get(target, _alias(target))


ACTION_SCOPE = Scope(ACTION, "action")


def _expr(expr: Expr, scope: Scope) -> Any:
    """Compile an expression evaluated while matching the pattern of `scope`."""
    if isinstance(expr, Lit):
        return expr.value.toordinal() if isinstance(expr.value, dt.date) else expr.value
    if isinstance(expr, Param):
        suffix = {"value": "", "numerator": "__num", "denominator": "__den"}[expr.part]
        return {PARAMS: param_key(expr.id) + suffix}
    if isinstance(expr, FieldRef):
        alias = scope.alias_of(expr)
        return {"$m": expr.name} if alias == scope.own else {alias: expr.name}
    if isinstance(expr, CeilFraction):
        # ceil(of * n / d) as (of * n + d - 1) / d: integer-exact, where (of * n) / d would truncate.
        num = {PARAMS: param_key(expr.param) + "__num"}
        den = {PARAMS: param_key(expr.param) + "__den"}
        scaled = {"$mul": {"$l": _expr(expr.of, scope), "$r": num}}
        rounded_up = {"$add": {"$l": scaled, "$r": {"$sub": {"$l": den, "$r": 1}}}}
        return {"$div": {"$l": rounded_up, "$r": den}}
    left, right = _expr(expr.left, scope), _expr(expr.right, scope)
    if isinstance(left, int) and isinstance(right, int):
        # durable-rules 2.0.28 mis-evaluates arithmetic whose both sides are literals (count != 1 + 2 never
        # held): such a term is computed here, with the reference interpreter's meaning.
        return _folded(expr.op, left, right)
    return {f"${expr.op}": {"$l": left, "$r": right}}


def _folded(op: str, left: int, right: int) -> int:
    if op == "add":
        return left + right
    if op == "sub":
        return left - right
    if op == "mul":
        return left * right
    if right == 0:
        raise CompileError("it divides by zero")
    q = abs(left) // abs(right)
    return q if (left >= 0) == (right >= 0) else -q


_OPS = {"ne": "$neq", "lt": "$lt", "lte": "$lte", "gt": "$gt", "gte": "$gte"}


def _alias(fact: str) -> str:
    return ACTION if fact == "action" else fact


def _condition(cond: Condition, scope: Scope) -> dict[str, Any]:
    """One condition as durable-rules JSON. An alternative that reads a value (a parameter, a field) never
    reaches here: `alternatives` made a rule of its own for it (see `_both`)."""
    if isinstance(cond, AnyOf):
        return _either([_condition(sub, scope) for sub in cond.options])
    if isinstance(cond, Among):
        if cond.negated:
            return _both([{"$neq": {cond.field: _expr(v, scope)}} for v in cond.values])
        return _either([{cond.field: _expr(v, scope)} for v in cond.values])
    if cond.op == "eq":
        return {cond.field: _expr(cond.value, scope)}
    return {_OPS[cond.op]: {cond.field: _expr(cond.value, scope)}}


# A rule whose alternatives read values is compiled as one rule per alternative; past this many, the pack
# is refused rather than compiled into a ruleset too large to run.
MAX_ALTERNATIVES = 64


def alternatives(conditions: list[Condition] | tuple[Condition, ...]) -> list[list[Condition]]:
    """The conditions as alternatives, each a plain conjunction: every 'any' (and every multi-valued 'in')
    that compares with a parameter or a field becomes one alternative per option. Alternatives of literals
    stay one `$or`, which durable-rules evaluates correctly; with a value read from a fact inside it, it
    does not (its existence guard would cover every option, and a read after an `$or` is dropped)."""
    out: list[list[Condition]] = [[]]
    for cond in conditions:
        options = _options(cond)
        out = [[*done, *more] for done in out for more in options]
        if len(out) > MAX_ALTERNATIVES:
            raise CompileError(
                f"its 'any' conditions that compare with a parameter or a field make more than "
                f"{MAX_ALTERNATIVES} alternatives"
            )
    return out


def _options(cond: Condition) -> list[list[Condition]]:
    if isinstance(cond, AnyOf) and has_reference(cond):
        return [alt for option in cond.options for alt in _options(option)]
    if isinstance(cond, Among) and not cond.negated and len(cond.values) > 1 and has_reference(cond):
        return [[Compare(cond.field, "eq", v)] for v in cond.values]
    return [[cond]]


def _either(items: list[dict[str, Any]]) -> dict[str, Any]:
    return items[0] if len(items) == 1 else {"$or": items}


def _both(items: list[dict[str, Any]]) -> dict[str, Any]:
    """A conjunction in the one shape durable-rules evaluates faithfully: flat, with its `$or`s last.

    durable-rules 2.0.28 drops a comparison with another fact's field (a parameter, say) that follows a
    nested `$and` or an `$or` inside the same `$and` (docs/durable-rules.md: `not_in` compiled as a nested
    `$and` of `$neq`s before `value >= {param}` let $1 through a $14,000,000 test). So nested conjunctions
    are flattened, and alternatives (of literals only: `alternatives` expands the others) come after every
    plain test.
    """
    flat: list[dict[str, Any]] = []
    for item in items:
        flat += item["$and"] if set(item) == {"$and"} else [item]
    plain = [c for c in flat if not _has_or(c) and not is_sentinel(c)]
    ors = [c for c in flat if _has_or(c)]
    if any(_has_ref(c) for c in ors):
        raise CompileError("an alternative compares with a parameter or another fact inside an $or")
    other = next((alias for c in plain for alias in _other_facts_read(c)), None)
    if other is not None:
        plain.append(sentinel(other))
    ordered = plain + ors
    return ordered[0] if len(ordered) == 1 else {"$and": ordered}


# A comparison with another fact that always holds (two facts of one evaluation share its session id),
# ending every conjunction that compares with another fact's field. When such a comparison fails,
# durable-rules scans for the end of the conjunction starting from the comparison before the one it stands
# on, so a failing last comparison made it read past the end of its expression list (valgrind: "Invalid read
# ... after a block"; a crash when that memory is unmapped). After the sentinel, the scan lands on the end.
# A comparison with the fact's own field ($m) is decided before the join, so it needs none.
def sentinel(alias: str) -> dict[str, Any]:
    return {"sid": {alias: "sid"}}


def is_sentinel(condition: Any) -> bool:
    return isinstance(condition, dict) and set(condition) == {"sid"} and isinstance(condition["sid"], dict)


def _other_facts_read(node: Any) -> list[str]:
    """The aliases of other facts a condition reads a field of (not its own fact's, $m)."""
    out: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str) and (
                key in (PARAMS, ACTION) or (key[:1] in "fw" and key[1:].isdigit())
            ):
                out.append(key)
            else:
                out += _other_facts_read(value)
    elif isinstance(node, list):
        for value in node:
            out += _other_facts_read(value)
    return out


class CompileError(ValueError):
    """A rule the engine cannot evaluate faithfully."""

    owner = ""
    accepted = f"at most {MAX_ALTERNATIVES} alternatives that compare with a parameter or a field per rule"


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


@dataclass(frozen=True)
class _Spec:
    """A fact pattern before its alternatives are expanded: its alias, type, conditions and fixed tests."""

    scope: Scope
    conditions: tuple[Condition, ...]
    fixed: tuple[Any, ...] = ()


def _expanded(suffix: str, head: list[Any], specs: list[_Spec]) -> list[Variant]:
    """One rule per combination of the patterns' alternatives (one, mostly), after the `head` patterns."""
    combos: list[list[dict[str, Any]]] = [[]]
    for spec in specs:
        options = [
            {
                spec.scope.own: _both(
                    [{"t": spec.scope.fact}, *spec.fixed, *(_condition(c, spec.scope) for c in alt)]
                )
            }
            for alt in alternatives(spec.conditions)
        ]
        combos = [[*done, option] for done in combos for option in options]
        if len(combos) > MAX_ALTERNATIVES:
            raise CompileError(
                f"its 'any' conditions that compare with a parameter or a field make more than "
                f"{MAX_ALTERNATIVES} alternatives"
            )
    if len(combos) == 1:
        return [(suffix, [*head, *combos[0]])]
    return [(f"{suffix}{{{i}}}", [*head, *combo]) for i, combo in enumerate(combos, 1)]


def _largest_pack(book: RuleBook) -> str | None:
    """The file of the pack with the most provisions: the one to blame when the whole ruleset is too large
    (F07: the bundled folder's first pack was named, not the 300-provision pack added beside it)."""
    counts: dict[str, int] = {}
    for pid in book.provisions:
        file = book.file_of(pid)
        counts[file] = counts.get(file, 0) + 1
    return max(counts, key=lambda f: counts[f]) if counts else None


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
        if '"' in rule_id or "\\" in rule_id:  # the engine reads a firing's rule from its JSON text
            raise InputError(
                f"rule {rule_id!r}: an id or an interpretation's choice holds a quote or a backslash.",
                accepted="ids and choices of letters, digits, dots, dashes and spaces",
            )
        if kind != "start":
            all_ = _without_unread_params(all_)
        definition[rule_id] = {"all": guard_reads(all_)}
        rules[rule_id] = RuleMeta(rule_id, kind, target, asserts)

    # durable-rules 2.0.28 frees a session's action context on delete_state without ever initialising
    # it; only a session in which some action ran has it set (then cleared). This rule fires in every
    # session, so deleting one never frees garbage (a segfault, seen on the first session of a host).
    add("start", "start", "params", [{PARAMS: {"t": "params"}}], None)
    for prov in book.provisions.values():
        for suffix, patterns in _owned(prov.id, _engage, prov):
            # A note's engagement is only recorded: nothing is decided from it.
            asserts = None if prov.kind == "note" else {"t": "engaged", "provision": prov.id}
            add(f"engage:{prov.id}{suffix}", "engage", prov.id, patterns, asserts)
    for lift in book.lifts.values():
        for suffix, patterns in _owned(lift.id, _lift, lift):
            add(f"lift:{lift.id}{suffix}", "lift", lift.id, patterns, {"t": "lift", "lift": lift.id})
    for nl in book.not_lifts.values():
        for suffix, patterns in _owned(nl.id, _not_lift, nl):
            add(f"not-lift:{nl.id}{suffix}", "not-lift", nl.id, patterns, None)
    for prov in book.provisions.values():
        for suffix, patterns in _owned(prov.id, _undecided, prov):
            add(
                f"undecided:{prov.id}{suffix}",
                "undecided",
                prov.id,
                patterns,
                {"t": "undecided", "provision": prov.id},
            )
    if probes:
        for prov in book.provisions.values():
            for index, suffix, patterns in _owned(prov.id, _probes, prov):
                add(f"probe:{prov.id}#{index}{suffix}", "probe", f"{prov.id}#{index}", patterns, None)

    _check_every_fact_is_consumed(book)
    for rule_id, (alias, name) in unguarded_reads(definition):
        # The compiler guards every read; reaching this is a compiler defect, refused rather than run.
        raise InputError(
            f"rule {rule_id} reads {alias}.{name} without checking that the fact has it.",
            accepted="rules whose every field read is guarded (a defect of constraint-engine: report it)",
        )
    network = _network(definition)  # modelled once, for every limit below
    for problem in network_limits(definition, network):
        raise InputError(
            f"the rule packs are too large for durable-rules: {problem}.",
            file=_largest_pack(book),
            accepted="fewer provisions in one ruleset (split the law over several runs with --rules)",
        )
    depth, widest = matcher_depth(definition, network)
    if depth > DURABLE_STACK:
        raise InputError(
            f"the rule packs are too wide for durable-rules: one fact can meet up to {depth} rule conditions "
            f"at once, and its matcher holds {DURABLE_STACK} (error 303 at run time); the widest point is "
            f"{widest}.",
            file=_largest_pack(book),
            accepted=(
                f"at most {DURABLE_STACK}: fewer provisions that test the same field with a parameter or "
                "another fact after the same conditions (give them distinct literal tests first, such as "
                "different action kinds), or fewer alternatives under one 'any'"
            ),
        )
    fact_types = _matched_types(definition)
    digest = hashlib.sha256(json.dumps(definition, sort_keys=True).encode()).hexdigest()[:16]
    changes = sorted({v.since for p in book.parameters.values() for v in p.values})
    decisions = tuple(
        Decision(
            prov.id,
            None if prov.kind == "note" else "block" if prov.kind == "prohibition" else "duty",
            frozenset(prov.lifted_by),
            bool(prov.needs),
        )
        for prov in book.provisions.values()
    )
    return CompiledRules(f"ce_{digest}", definition, rules, frozenset(fact_types), book, decisions, changes)


Variant = tuple[str, list[Any]]


def _owned(owner: str, build: Any, item: Any) -> list[Any]:
    """Build one rule's variants; a CompileError names the provision or lift it came from."""
    try:
        return list(build(item))
    except CompileError as exc:
        exc.owner = owner
        raise


def _cases(
    deps: list[tuple[str, DependingOn]],
) -> list[tuple[str, dict[str, str], dict[str, list[Condition]]]]:
    """Each combination of the interpretations the rule depends on: (id suffix, params conditions, extra
    conditions by fact alias). Patterns that depend on the same interpretation vary together."""
    by_name: dict[str, list[tuple[str, DependingOn]]] = {}
    for alias, dep in deps:
        by_name.setdefault(dep.interpretation, []).append((alias, dep))
    combos: list[tuple[str, dict[str, str], dict[str, list[Condition]]]] = [("", {}, {})]
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


def _without_unread_params(patterns: list[Any]) -> list[Any]:
    """A rule matches the parameters fact only if it reads it: a case of an interpretation, or a value
    compared with. Every other match of it is a join the engine would do for nothing (the fact is always
    there)."""
    first, rest = patterns[0], patterns[1:]
    if first == {PARAMS: {"t": "params"}} and not _reads_params(rest):
        return rest
    return patterns


def _reads_params(node: Any) -> bool:
    if isinstance(node, dict):
        return any((k == PARAMS and isinstance(v, str)) or _reads_params(v) for k, v in node.items())
    if isinstance(node, list):
        return any(_reads_params(v) for v in node)
    return False


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
    window: list[Any] = [{"$gte": {"date": prov.evaluated_from.toordinal()}}]
    if prov.in_force.until is not None:
        window.append({"$lte": {"date": prov.in_force.until.toordinal()}})
    return window


def _engage(prov: Provision) -> list[Variant]:
    who, window = _who(prov), _window(prov)
    variants = []
    for suffix, chosen, extra in _cases(_provision_deps(prov)):
        where = (*prov.applies_to.where, *extra.get(ACTION, []))
        action = _Spec(ACTION_SCOPE, where, (*who, *window))
        variants += _expanded(suffix, [_params_pattern(chosen)], [action, *_with_facts(prov, extra)])
    return variants


def _provision_deps(prov: Provision) -> list[tuple[str, DependingOn]]:
    """The interpretations a provision's conditions depend on: on the action, and on each fact it needs."""
    deps = [(ACTION, d) for d in prov.applies_to.depending_on]
    return deps + [(f"w{i}", d) for i, p in enumerate(prov.applies_to.with_facts) for d in p.depending_on]


def _with_facts(prov: Provision, extra: dict[str, list[Condition]]) -> list[_Spec]:
    """The patterns of the facts that must exist for the provision to apply, with their case's conditions."""
    return [
        _Spec(Scope(f"w{i}", pat.fact), (*pat.where, *extra.get(f"w{i}", [])))
        for i, pat in enumerate(prov.applies_to.with_facts)
    ]


def _undecided(prov: Provision) -> list[Variant]:
    """For each fact the provision needs: the action is its subject, but that fact is missing ($nex)."""
    variants = []
    for need in prov.needs:
        needed = {need.field}
        who, window = _who(prov), _window(prov)
        for suffix, chosen, extra in _cases(_provision_deps(prov)):
            where = tuple(
                c
                for c in (*prov.applies_to.where, *extra.get(ACTION, []))
                if not reads_field(c, needed, "action")
            )
            missing = {"$nex": {need.field: 1}}
            action = _Spec(ACTION_SCOPE, where, (*who, *window, missing))
            variants += _expanded(
                f"[{need.field}]{suffix}", [_params_pattern(chosen)], [action, *_with_facts(prov, extra)]
            )
    return variants


def probe_conditions(prov: Provision) -> list[tuple[str, Condition | None]]:
    """The conditions a coverage run probes, in order: the window in force, then each condition on the action.

    Conditions that differ by interpretation are probed in each case; (case, condition) pairs share an index.
    """
    out: list[tuple[str, Condition | None]] = [("", None)]  # None: the window in force
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
        tests = window if cond is None else []
        action = _Spec(ACTION_SCOPE, () if cond is None else (cond,), (*who, *tests))
        for suffix, patterns in _expanded(f"[{case}]" if case else "", [_params_pattern(chosen)], [action]):
            out.append((index, suffix, patterns))
    return out


def _lift(lift: Lift) -> list[Variant]:
    deps = [(ACTION, d) for d in lift.depending_on]
    deps += [(f"f{i}", d) for i, pat in enumerate(lift.when) for d in pat.depending_on]
    variants = []
    for suffix, chosen, extra in _cases(deps):
        specs = [_Spec(ACTION_SCOPE, (*lift.action_where, *extra.get(ACTION, [])))]
        for i, pat in enumerate(lift.when):
            earlier = tuple((p.fact, f"f{j}") for j, p in enumerate(lift.when[:i]))  # facts matched before it
            specs.append(_Spec(Scope(f"f{i}", pat.fact, earlier), (*pat.where, *extra.get(f"f{i}", []))))
        variants += _expanded(suffix, [_params_pattern(chosen)], specs)
    return variants


def _not_lift(nl: NotALift) -> list[Variant]:
    return _expanded("", [{ACTION: {"t": "action"}}], [_Spec(Scope("f0", nl.fact), nl.where)])


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


# -- guards: durable-rules fails (error 311, then a corrupt heap) when a rule reads a field a fact lacks -----

_ALWAYS = {"t", "sid", "id"}


def _reads(node: Any, aliases: set[str], own: str, out: set[tuple[str, str]]) -> None:
    """Collect (alias, field) for every field of a fact that a condition reads as a value."""
    if isinstance(node, dict):
        if len(node) == 1:
            ((key, value),) = node.items()
            if isinstance(value, str) and (key in aliases or key == "$m"):
                out.add((own if key == "$m" else key, value))
                return
        for value in node.values():
            _reads(value, aliases, own, out)
    elif isinstance(node, list):
        for value in node:
            _reads(value, aliases, own, out)


def _patterns(all_: list[Any]) -> list[tuple[str, Any]]:
    return [next(iter(pattern.items())) for pattern in all_]


def _rule_reads(all_: list[Any]) -> set[tuple[str, str]]:
    aliases = {alias for alias, _ in _patterns(all_)}
    found: set[tuple[str, str]] = set()
    for alias, condition in _patterns(all_):
        _reads(condition, aliases, alias, found)
    return {(alias, name) for alias, name in found if alias != PARAMS and name not in _ALWAYS}


def _guards(condition: Any) -> set[str]:
    items = condition.get("$and", [condition]) if isinstance(condition, dict) else []
    return {name for item in items if isinstance(item, dict) and "$ex" in item for name in item["$ex"]}


def guard_reads(all_: list[Any]) -> list[Any]:
    """Add an existence test ($ex) to each fact pattern for every field the rule reads from that fact.

    A comparison on a fact's own field simply fails to match when the field is missing, but a value read
    from a field (another fact's, or the fact's own on the right of a comparison) raises error 311 inside
    durable-rules. With the guard, a fact that lacks the field never joins the rule.
    """
    needed: dict[str, set[str]] = {}
    for alias, name in _rule_reads(all_):
        needed.setdefault(alias, set()).add(name)
    out = []
    for alias, condition in _patterns(all_):
        missing = sorted(needed.get(alias, set()) - _guards(condition))
        if missing and not alias.endswith("$not"):
            items = condition.get("$and", [condition])
            condition = {"$and": [*({"$ex": {name: 1}} for name in missing), *items]}
        out.append({alias: condition})
    return out


def unguarded_reads(definition: dict[str, dict[str, Any]]) -> list[tuple[str, tuple[str, str]]]:
    """Every (rule, (alias, field)) read without an existence guard: empty for whatever compile emits."""
    found = []
    for rule_id, body in definition.items():
        guarded = {alias: _guards(condition) for alias, condition in _patterns(body["all"])}
        for alias, name in sorted(_rule_reads(body["all"])):
            if name not in guarded.get(alias, set()):
                found.append((rule_id, (alias, name)))
    return found


# -- durable-rules' matcher walks its alpha network with a fixed stack of 64 nodes (events.c, handleAlpha);
# past it, a fact fails with error 303. Its network is modelled here, so a pack that could overflow it is
# refused when it is compiled rather than failing scenario by scenario.

DURABLE_STACK = 64
_OPERATORS = {"$eq", "$neq", "$lt", "$lte", "$gt", "$gte", "$ex", "$nex"}


# Fixed sizes of durable's alpha nodes (rules.h): rule patterns ending at one node (error 108), $nex and
# forward children of one node (107), children of one node (a hash of 512 slots, 106).
DURABLE_BETA_LIST = 256
DURABLE_NEXT_LIST = 128
DURABLE_NEXT_BUCKET = 512


class _Alpha:
    __slots__ = ("betas", "children", "forward", "key")

    def __init__(self, key: tuple[str, str, str]) -> None:
        self.key = key  # (property, operator, value as JSON): how durable shares a node (findAlpha)
        self.children: dict[tuple[str, str, str], _Alpha] = {}
        self.forward: list[_Alpha] = []  # the node where an $or's alternatives meet again
        self.betas: set[str] = set()  # rules' leading patterns that end here (durable shares equal ones)

    def pushed(self) -> int:
        """At most how many children the matcher pushes at once: every child compared with a value read
        from a fact, every forward node, and of literal tests all but equalities on one property (of
        which at most one holds)."""
        equal_props = {k[0] for k in self.children if k[1] == "$eq" and not _is_read(k[2])}
        others = sum(1 for k in self.children if not (k[1] == "$eq" and not _is_read(k[2])))
        return len(equal_props) + others + len(self.forward)


def _is_read(value: str) -> bool:
    return value.startswith("{")


def _build(node: _Alpha, condition: Any) -> list[_Alpha]:
    """Add a condition below `node` as durable does (createAlpha); return the nodes it ends at."""
    ((key, body),) = condition.items()
    if key == "$and":
        ends = [node]
        for item in body:
            ends = [end for start in ends for end in _build(start, item)]
        return ends
    if key == "$or":
        meet = _Alpha(("$forward", "$nex", ""))
        for item in body:
            for end in _build(node, item):
                end.forward.append(meet)
        return [meet]
    if key in _OPERATORS:
        ((prop, value),) = body.items()
        op = key
    else:
        prop, value, op = key, body, "$eq"
    alpha_key = (prop, op, json.dumps(value, sort_keys=True))
    child = node.children.get(alpha_key)
    if child is None:
        child = node.children[alpha_key] = _Alpha(alpha_key)
    return [child]


def _network(definition: dict[str, dict[str, Any]]) -> _Alpha:
    root = _Alpha(("", "", ""))
    for body in definition.values():
        prefix: list[Any] = []
        for pattern in body["all"]:
            prefix.append(pattern)
            ((_, condition),) = pattern.items()
            for end in _build(root, condition):
                end.betas.add(json.dumps(prefix, sort_keys=True))
    return root


def network_limits(definition: dict[str, dict[str, Any]], network: _Alpha | None = None) -> list[str]:
    """Each fixed size of durable's rule network that this ruleset would exceed, in words."""
    nodes = _all_nodes(network or _network(definition))
    problems = []
    betas = max(len(n.betas) for n in nodes)
    if betas > DURABLE_BETA_LIST:
        problems.append(
            f"{betas} rule patterns end at one test (durable-rules allows {DURABLE_BETA_LIST}; error 108): "
            "each provision adds rules that share the same gate, so a ruleset holds at most about "
            f"{DURABLE_BETA_LIST - 20} provisions"
        )
    nexts = max(len(n.forward) + sum(k[1] == "$nex" for k in n.children) for n in nodes)
    if nexts > DURABLE_NEXT_LIST:
        problems.append(
            f"{nexts} alternatives meet at one test (durable-rules allows {DURABLE_NEXT_LIST}; error 107)"
        )
    wide = max(len(n.children) for n in nodes)
    if wide > DURABLE_NEXT_BUCKET - 1:
        problems.append(
            f"{wide} different tests follow one test "
            f"(durable-rules allows {DURABLE_NEXT_BUCKET - 1}; error 106)"
        )
    return problems


def matcher_depth(definition: dict[str, dict[str, Any]], network: _Alpha | None = None) -> tuple[int, str]:
    """The most nodes durable's matcher can hold on its stack for any fact under this ruleset, and where
    the network is widest (in words)."""
    root = network or _network(definition)
    memo: dict[int, int] = {}

    def deepest(node: _Alpha) -> int:
        # Popping `node` and pushing its children leaves the rest of its siblings waiting below them.
        if id(node) not in memo:
            below = [*node.children.values(), *node.forward]
            own = node.pushed()
            memo[id(node)] = max([own, *(own - 1 + deepest(b) for b in below)])
        return memo[id(node)]

    depth = deepest(root)
    widest = max(_all_nodes(root), key=lambda n: n.pushed())
    tests = sorted({k[0] for k in widest.children} - {"$forward"})
    where = f"{widest.pushed()} conditions on {', '.join(tests) or 'alternatives'} after the same tests"
    return depth, where


def _all_nodes(root: _Alpha) -> list[_Alpha]:
    seen: dict[int, _Alpha] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) not in seen:
            seen[id(node)] = node
            stack += [*node.children.values(), *node.forward]
    return list(seen.values())
