"""The reference interpreter: the law's conditions in plain Python, the oracle the engines answer to.

It reads the typed condition tree (`conditions`) of every provision, lift and not-lift, and the same input
the engines get (the parameters fact for the day, and the case's facts with dates as ordinals), and says
which provisions the action falls under, which lifts and not-lifts hold, and which provisions cannot be
decided for a missing fact. It shares no code with the compiler or the engines below the tree: a
disagreement between it and an engine is an engine's (or the compiler's) fault, and is reported as an
error, never as a verdict (`engines.Guarded`).

Its meaning of a condition, which the compiled rules must match:
- a comparison holds only when both its sides have a value: a field the fact lacks, or a value read from
  a field another fact lacks, makes it false (so `ne` and `not_in` are false on a missing field too);
- arithmetic is on whole numbers, `div` truncates toward zero; a division by zero has no value;
- a fact pattern is met by any fact of its type that meets its conditions; patterns later in a lift may
  read the fields of the facts matched by earlier ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .bounds import AFTER_ANY_DATE
from .conditions import (
    Among,
    AnyOf,
    Arith,
    CeilFraction,
    Compare,
    Condition,
    Expr,
    FieldRef,
    Lit,
    Param,
    param_key,
    reads_field,
    references,
    tested_fields,
)
from .loading import RuleBook
from .models import DependingOn, Provision
from .quantities import (
    Aggregate,
    DaysCovered,
    Derivation,
    FirstOf,
    FiscalYear,
    Groups,
    If,
    Least,
    MemberOf,
    QArith,
    Quantity,
    SpecialDate,
)

Fact = dict[str, Any]


@dataclass(frozen=True)
class Reading:
    """What the law says of one case, before blocks are decided from it."""

    engaged: frozenset[str]
    lifts: frozenset[str]
    not_lifts: frozenset[str]
    undecided: frozenset[str]


@dataclass(slots=True)
class _Env:
    params: Fact
    bound: dict[str, Fact]  # fact type -> the fact bound to it in this rule (the action, earlier patterns)
    own_type: str
    own: Fact


def value_of(expr: Expr, params: Fact, own: Fact, others: dict[str, Fact] | None = None) -> Any:
    """An expression's value for one fact (`own`), with `others` the facts it may read by type; None when
    it has none (a missing field, a division by zero)."""
    return _value(expr, _Env(params, others or {}, "", own))


_PART = {"value": "", "numerator": "__num", "denominator": "__den"}


def _value(expr: Expr, env: _Env) -> Any:
    if isinstance(expr, Lit):
        v = expr.value
        return v if isinstance(v, int | str) else v.toordinal()
    if isinstance(expr, Param):
        return env.params.get(param_key(expr.id) + _PART[expr.part])
    if isinstance(expr, FieldRef):
        fact = env.own if expr.fact in (None, env.own_type) else env.bound.get(expr.fact)
        return None if fact is None else fact.get(expr.name)
    if isinstance(expr, CeilFraction):
        n, d = (
            env.params.get(param_key(expr.param) + "__num"),
            env.params.get(param_key(expr.param) + "__den"),
        )
        of = _value(expr.of, env)
        if not (_whole(n, d, of) and isinstance(d, int)):
            return None
        return _div(of * n + d - 1, d)
    left, right = _value(expr.left, env), _value(expr.right, env)
    if not _whole(left, right):
        return None
    if expr.op == "add":
        return left + right
    if expr.op == "sub":
        return left - right
    if expr.op == "mul":
        return left * right
    return _div(left, right)


def _whole(*values: Any) -> bool:
    return all(isinstance(v, int) and not isinstance(v, bool) for v in values)


def _div(a: int, b: int) -> int | None:
    if b == 0:
        return None
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


def _compare(left: Any, op: str, right: Any) -> bool:
    if left is None or right is None:
        return False
    if isinstance(left, str) != isinstance(right, str):
        return op == "ne"  # a word is never equal to a number
    if op == "eq":
        return bool(left == right)
    if op == "ne":
        return bool(left != right)
    if isinstance(left, str):
        return False  # words are only equal or not
    if op == "lt":
        return bool(left < right)
    if op == "lte":
        return bool(left <= right)
    if op == "gt":
        return bool(left > right)
    return bool(left >= right)


def holds(cond: Condition, env: _Env) -> bool:
    if isinstance(cond, Compare):
        return _compare(env.own.get(cond.field), cond.op, _value(cond.value, env))
    if isinstance(cond, AnyOf):
        return any(holds(c, env) for c in cond.options)
    left = env.own.get(cond.field)
    assert isinstance(cond, Among)
    values = [_value(v, env) for v in cond.values]
    if cond.negated:
        return all(_compare(left, "ne", v) for v in values)
    return any(_compare(left, "eq", v) for v in values)


# -- derived quantities (quantities.py): computed once per case, before any engine runs ----------------------


def quantity(
    q: Quantity, params: Fact, own: Fact, by_type: dict[str, list[Fact]], groups: Groups | None = None
) -> Any:
    """A derived quantity's value for one fact of the case (`own`; the action is `by_type["action"][0]`);
    None when it has none (nothing to take the first or least of, a missing field)."""
    action = by_type.get("action", [own])[0]
    if isinstance(q, MemberOf):
        name, day = (
            quantity(q.name, params, own, by_type, groups),
            quantity(q.on, params, own, by_type, groups),
        )
        if not isinstance(name, str) or not _whole(day):
            return None
        members = (groups or {}).get(q.group, ())
        held = any(
            n == name and (since is None or since <= day) and (until is None or day <= until)
            for n, since, until in members
        )
        return "yes" if held else "no"
    if isinstance(q, SpecialDate):
        return 1 if q.word == "before-any-date" else AFTER_ANY_DATE.toordinal()
    if isinstance(q, Aggregate):
        env_for = lambda f: _Env(params, {"action": action}, q.fact, f)  # noqa: E731
        chosen = [f for f in by_type.get(q.fact, []) if _all_hold(q.where, env_for(f))]
        if q.op == "exists":
            return "yes" if chosen else "no"
        if q.op == "count":
            return len(chosen)
        values = [f.get(q.field) for f in chosen if q.field is not None]
        if q.op == "first":
            return values[0] if values else None
        numbers: list[int] = [v for v in values if isinstance(v, int) and not isinstance(v, bool)]
        if q.op == "sum":
            return sum(numbers)
        if not numbers:
            return None
        return min(numbers) if q.op == "min" else max(numbers)
    if isinstance(q, DaysCovered):
        start, end = (quantity(w, params, own, by_type, groups) for w in q.within)
        if not _whole(start, end):
            return None
        spans = []
        for f in by_type.get(q.fact, []):
            env = _Env(params, {"action": action}, q.fact, f)
            first, last = _value(q.first, env), _value(q.last, env)
            if _whole(first, last) and max(first, start) <= min(last, end):
                spans.append((max(first, start), min(last, end)))
        covered, reached = 0, None  # the union of the spans, each day counted once, without a set of days
        for first, last in sorted(spans):
            if reached is not None and first <= reached:
                first = reached + 1
            if first <= last:
                covered += last - first + 1
            reached = last if reached is None else max(reached, last)
        return covered
    if isinstance(q, FiscalYear):
        day = quantity(q.of, params, own, by_type, groups)
        if not _whole(day) or not 1 <= day <= dt.date.max.toordinal():
            return None
        date = dt.date.fromordinal(day)
        return date.year + (1 if date.month >= 10 else 0)
    if isinstance(q, If):
        pick = q.then if all_hold(q.conditions, params, own, action) else q.otherwise
        return None if pick is None else quantity(pick, params, own, by_type, groups)
    if isinstance(q, FirstOf):
        return next(
            (v for o in q.options if (v := quantity(o, params, own, by_type, groups)) is not None), None
        )
    if isinstance(q, Least):
        found = [v for o in q.options if _whole(v := quantity(o, params, own, by_type, groups))]
        if not found:
            return None
        return max(found) if q.greatest else min(found)
    if isinstance(q, QArith):
        left, right = (
            quantity(q.left, params, own, by_type, groups),
            quantity(q.right, params, own, by_type, groups),
        )
        return (
            _value(Arith(q.op, Lit(left), Lit(right)), _Env(params, {}, "", own))
            if _whole(left, right)
            else None
        )
    return _value(q, _Env(params, {"action": action}, own.get("t", ""), own))


def all_hold(conditions: tuple[Condition, ...], params: Fact, own: Fact, action: Fact) -> bool:
    """Every condition holds of `own` (which may read the action's fields as {field, fact: action})."""
    return _all_hold(conditions, _Env(params, {"action": action}, own.get("t", ""), own))


def derive(
    derived: dict[str, Derivation],
    params: Fact,
    own: Fact,
    by_type: dict[str, list[Fact]],
    groups: Groups | None = None,
) -> None:
    """Fill in one fact's derived fields, in the order they are declared (a later one may read an earlier)."""
    for name, d in derived.items():
        value = None if d.value is None else quantity(d.value, params, own, by_type, groups)
        if value is None and d.value is None and name in own:
            continue  # the scenario gave it: a default only fills a gap
        if value is None and d.default is not None:
            value = quantity(d.default, params, own, by_type, groups)
        if value is None:
            own.pop(name, None)
        else:
            own[name] = value


def _all_hold(conditions: tuple[Condition, ...] | list[Condition], env: _Env) -> bool:
    for c in conditions:  # noqa: SIM110 (a loop, not all(...): a generator per check costs)
        if not holds(c, env):
            return False
    return True


class Interpreter:
    """The law of a RuleBook, read directly from its condition trees."""

    def __init__(self, book: RuleBook):
        self.book = book
        # Indexes that let a case skip what cannot apply to it (the same reading, a fraction of the work):
        # provisions by the kinds of action they govern, lifts and not-lifts by the fact types they need.
        self._by_kind = book.by_action_kind
        self._lifts = [(lift, frozenset(p.fact for p in lift.when)) for lift in book.lifts.values()]

    def read(self, params: Fact, facts: list[Fact]) -> Reading:
        by_type: dict[str, list[Fact]] = {}
        for f in facts:
            by_type.setdefault(f["t"], []).append(f)
        actions = by_type.get("action", [])
        engaged, undecided = set(), set()
        for action in actions:
            for prov in self._by_kind.get(action.get("kind"), ()):  # type: ignore[arg-type]
                if not self._subject(prov, action):
                    continue
                if self._engages(prov, params, action, by_type):
                    engaged.add(prov.id)
                if any(self._undecided(prov, need.field, params, action, by_type) for need in prov.needs):
                    undecided.add(prov.id)
        present = by_type.keys()
        lifts = {
            lift.id
            for lift, needed in self._lifts
            if needed <= present
            for action in actions
            if self._lift_holds(lift, params, action, by_type)
        }
        not_lifts = {
            nl.id
            for nl in self.book.not_lifts.values()
            if actions
            and any(
                _all_hold(nl.where, _Env(params, {"action": actions[0]}, nl.fact, f))
                for f in by_type.get(nl.fact, [])
            )
        }
        return Reading(frozenset(engaged), frozenset(lifts), frozenset(not_lifts), frozenset(undecided))

    # -- provisions ----------------------------------------------------------------------------------------

    def _chosen(self, deps: list[DependingOn], params: Fact) -> list[Condition]:
        if not deps:
            return []
        out: list[Condition] = []
        for dep in deps:
            out += dep.cases.get(str(params.get(param_key(dep.interpretation))), ())
        return out

    def _pattern_where(self, pat: Any, params: Fact) -> list[Condition] | tuple[Condition, ...]:
        """A fact pattern's conditions, with the case of each interpretation in force."""
        if not pat.depending_on:
            return pat.where
        return [*pat.where, *self._chosen(pat.depending_on, params)]

    def _subject(self, prov: Provision, action: Fact) -> bool:
        """The action's kind, actor and date make it the provision's subject."""
        date = action.get("date")
        if (
            action.get("kind") not in prov.applies_to.actions
            or action.get("actor") not in prov.applies_to.actors
        ):
            return False
        if not isinstance(date, int) or date < prov.evaluated_from.toordinal():
            return False
        return prov.in_force.until is None or date <= prov.in_force.until.toordinal()

    def action_where(self, prov: Provision, params: Fact) -> list[Condition] | tuple[Condition, ...]:
        """The provision's conditions on the action, with the case of each interpretation in force."""
        if not prov.applies_to.depending_on:
            return prov.applies_to.where
        return [*prov.applies_to.where, *self._chosen(prov.applies_to.depending_on, params)]

    def _facts_exist(
        self, prov: Provision, params: Fact, action: Fact, by_type: dict[str, list[Fact]]
    ) -> bool:
        for pat in prov.applies_to.with_facts:
            where = self._pattern_where(pat, params)
            env_for = lambda f, p=pat: _Env(params, {"action": action}, p.fact, f)  # noqa: E731
            if not any(_all_hold(where, env_for(f)) for f in by_type.get(pat.fact, [])):
                return False
        return True

    def _engages(self, prov: Provision, params: Fact, action: Fact, by_type: dict[str, list[Fact]]) -> bool:
        env = _Env(params, {"action": action}, "action", action)
        return _all_hold(self.action_where(prov, params), env) and self._facts_exist(
            prov, params, action, by_type
        )

    def _undecided(
        self, prov: Provision, needed: str, params: Fact, action: Fact, by_type: dict[str, list[Fact]]
    ) -> bool:
        """The action is the provision's subject, but lacks the fact it needs (the conditions that read
        that field are set aside: they cannot be decided)."""
        if needed in action:
            return False
        where = [c for c in self.action_where(prov, params) if not reads_field(c, {needed}, "action")]
        env = _Env(params, {"action": action}, "action", action)
        return _all_hold(where, env) and self._facts_exist(prov, params, action, by_type)

    def holding(
        self, prov: Provision, params: Fact, action: Fact, conditions: list[Condition]
    ) -> list[Condition]:
        """Which of these conditions on the action hold here."""
        env = _Env(params, {"action": action}, "action", action)
        return [c for c in conditions if holds(c, env)]

    def has_values(self, cond: Condition, params: Fact, action: Fact) -> bool:
        """Every field and parameter the condition reads has a value here (a failure is then the facts')."""
        env = _Env(params, {"action": action}, "action", action)
        if any(f not in action for f in tested_fields(cond)):
            return False
        return all(_value(r, env) is not None for r in references(cond))

    # -- lifts ---------------------------------------------------------------------------------------------

    def _lift_holds(self, lift: Any, params: Fact, action: Fact, by_type: dict[str, list[Fact]]) -> bool:
        where = lift.action_where
        if lift.depending_on:
            where = [*where, *self._chosen(lift.depending_on, params)]
        if not _all_hold(where, _Env(params, {"action": action}, "action", action)):
            return False
        if len(lift.when) == 1:  # most lifts: one fact to find, no join to walk
            pat = lift.when[0]
            conds = self._pattern_where(pat, params)
            return any(
                _all_hold(conds, _Env(params, {"action": action}, pat.fact, f))
                for f in by_type.get(pat.fact, [])
            )
        return next(self._joins(lift.when, 0, params, {"action": action}, by_type), None) is not None

    def _joins(
        self, patterns: Any, i: int, params: Fact, bound: dict[str, Fact], by_type: dict[str, list[Fact]]
    ) -> Iterator[dict[str, Fact]]:
        """Every way of matching the patterns from i on, each reading the facts bound before it."""
        if i == len(patterns):
            yield bound
            return
        pat = patterns[i]
        where = self._pattern_where(pat, params)
        for f in by_type.get(pat.fact, []):
            if _all_hold(where, _Env(params, bound, pat.fact, f)):
                yield from self._joins(patterns, i + 1, params, {**bound, pat.fact: f}, by_type)
