"""Derived quantities: values a pack computes from a case's facts, declared beside the facts they fill in.

A statute often reads a quantity no scenario states directly: the forces in the action's country before
it, the day of the first written notice, the days of adjournment within a review period. A pack declares
each under its vocabulary as an expression over the case's facts, so that adding a statute never needs
Python (rules/README.md, "Derived quantities"):

    action_derived:
      forces_there:
        meaning: the forces in the action's country before the action
        value: {first: {fact: headcount, field: count, where: [place: {eq: {field: country, fact: action}}]}}

This module is the expression tree and its parser; the reference interpreter (`interpreting.derive`)
evaluates it once per case, and both engines receive the same values as fields of the facts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

from .conditions import (
    ARITHMETIC,
    Arith,
    ArithOp,
    CeilFraction,
    Condition,
    Expr,
    FieldRef,
    Lit,
    Param,
    conditions_to_raw,
    expr_to_raw,
    parse_conditions,
    parse_expr,
    subexprs,
    values_of,
)

Over = Literal["first", "min", "max", "sum", "count", "exists"]
OVER: tuple[str, ...] = ("first", "min", "max", "sum", "count", "exists")
# Dates no scenario can give: before every date (an item "always" in the area) and after every date
# (no notice given). They are words in a pack, and ordinals to the engine.
SPECIAL_DATES = ("before-any-date", "after-any-date")


@dataclass(frozen=True)
class Aggregate:
    """A value over the case's facts of one type that meet `where`: the first one's field, the least, the
    greatest, the sum, how many, or whether any exists ("yes"/"no")."""

    op: Over
    fact: str
    field: str | None
    where: tuple[Condition, ...] = ()


@dataclass(frozen=True)
class DaysCovered:
    """How many days, counted once, the facts of one type cover within a window: each fact covers the days
    from `first` to `last` (expressions over that fact), within the window from `within[0]` to `within[1]`."""

    fact: str
    first: Expr
    last: Expr
    within: tuple[Quantity, Quantity]


@dataclass(frozen=True)
class FiscalYear:
    """The federal fiscal year a date falls in (it begins on October 1 of the year before)."""

    of: Quantity


@dataclass(frozen=True)
class QArith:
    op: ArithOp
    left: Quantity
    right: Quantity


@dataclass(frozen=True)
class Least:
    """The least (or, `greatest`, the greatest) of several values that have one."""

    options: tuple[Quantity, ...]
    greatest: bool = False


@dataclass(frozen=True)
class FirstOf:
    """The first of several values that has one (a default for a missing fact)."""

    options: tuple[Quantity, ...]


@dataclass(frozen=True)
class MemberOf:
    """ "yes" when the name is a member of the group on the day (by default the action's), else "no"."""

    group: str
    name: Quantity
    on: Quantity = FieldRef("date", "action")


@dataclass(frozen=True)
class If:
    """One value where conditions hold of the fact being derived (its earlier derived fields included),
    another where they do not: a threshold that differs by group."""

    conditions: tuple[Condition, ...]
    then: Quantity
    otherwise: Quantity | None = None


@dataclass(frozen=True)
class SpecialDate:
    word: str


_EXPRS = (Lit, Param, FieldRef, Arith, CeilFraction)

Quantity: TypeAlias = (
    Expr | Aggregate | DaysCovered | FiscalYear | QArith | Least | FirstOf | MemberOf | If | SpecialDate
)


# A group's members: each name with the first and last day (ordinals; None: no limit) it belongs.
Groups = dict[str, tuple[tuple[str, int | None, int | None], ...]]


@dataclass(frozen=True)
class Derivation:
    """One derived field: its meaning for people, its value (None: the scenario gives it), and the value it
    takes when neither the value nor the scenario gives one."""

    meaning: str
    value: Quantity | None = None
    default: Quantity | None = None


_FORMS = (
    "an expression (a literal, {param}, {field, fact}, {add|sub|mul|div: [A, B]}), "
    "{first|min|max|sum|count|exists: {fact, field, where}}, {days_covered: {fact, first, last, within}}, "
    "{fiscal_year: Q}, {least|greatest|first_of: [Q, ...]}, {member_of: {group, name, day}}, "
    "{if: [CONDITIONS], then: Q, else: Q}, "
    "before-any-date or after-any-date"
)


def parse_quantity(raw: Any, path: str) -> Quantity:
    if isinstance(raw, str) and raw in SPECIAL_DATES:
        return SpecialDate(raw)
    if isinstance(raw, dict) and "if" in raw:
        if not {"if", "then"} <= set(raw) <= {"if", "then", "else"}:
            raise ValueError(f"{path}: takes {{if: [CONDITIONS], then: QUANTITY, else: QUANTITY}}")
        try:
            conditions = parse_conditions(raw["if"])
        except ValueError as exc:
            raise ValueError(f"{path}.if{exc}") from None
        otherwise = parse_quantity(raw["else"], f"{path}.else") if "else" in raw else None
        return If(conditions, parse_quantity(raw["then"], f"{path}.then"), otherwise)
    if isinstance(raw, dict) and len(raw) == 1:
        ((op, body),) = raw.items()
        if op in OVER:
            if not isinstance(body, dict) or not isinstance(body.get("fact"), str):
                raise ValueError(f"{path}.{op}: takes {{fact: TYPE, field: NAME, where: [CONDITIONS]}}")
            unknown = set(body) - {"fact", "field", "where"}
            if unknown:
                raise ValueError(
                    f"{path}.{op}: unknown key {sorted(unknown)[0]!r}; accepted: fact, field, where"
                )
            field = body.get("field")
            if (field is None) != (op in ("count", "exists")) or not isinstance(field, str | None):
                raise ValueError(
                    f"{path}.{op}: "
                    + ("takes no field" if op in ("count", "exists") else "names the field read")
                )
            try:
                where = parse_conditions(body.get("where", []))
            except ValueError as exc:
                raise ValueError(f"{path}.{op}.where{exc}") from None
            return Aggregate(op, body["fact"], field, where)
        if op == "days_covered":
            if not isinstance(body, dict) or set(body) != {"fact", "first", "last", "within"}:
                raise ValueError(f"{path}.days_covered: takes {{fact, first, last, within: [FROM, TO]}}")
            within = body["within"]
            if not isinstance(within, list) or len(within) != 2:
                raise ValueError(f"{path}.days_covered.within: give [FROM, TO]")
            return DaysCovered(
                body["fact"],
                parse_expr(body["first"], f"{path}.days_covered.first"),
                parse_expr(body["last"], f"{path}.days_covered.last"),
                (
                    parse_quantity(within[0], f"{path}.within[0]"),
                    parse_quantity(within[1], f"{path}.within[1]"),
                ),
            )
        if op == "fiscal_year":
            return FiscalYear(parse_quantity(body, f"{path}.fiscal_year"))
        if op == "member_of":
            # `day`, not `on`: YAML 1.1 reads a bare `on:` key as true.
            if not isinstance(body, dict) or not {"group", "name"} <= set(body) <= {"group", "name", "day"}:
                raise ValueError(f"{path}.member_of: takes {{group: GROUP, name: QUANTITY, day: DAY}}")
            on = (
                parse_quantity(body["day"], f"{path}.member_of.day")
                if "day" in body
                else FieldRef("date", "action")
            )
            return MemberOf(str(body["group"]), parse_quantity(body["name"], f"{path}.member_of.name"), on)
        if op == "first_of":
            if not isinstance(body, list) or not body:
                raise ValueError(f"{path}.first_of: takes a non-empty list")
            return FirstOf(tuple(parse_quantity(q, f"{path}.first_of[{i}]") for i, q in enumerate(body)))
        if op in ("least", "greatest"):
            if not isinstance(body, list) or not body:
                raise ValueError(f"{path}.{op}: takes a non-empty list")
            return Least(
                tuple(parse_quantity(q, f"{path}.{op}[{i}]") for i, q in enumerate(body)), op == "greatest"
            )
        if op in ARITHMETIC and isinstance(body, list) and len(body) == 2:
            left, right = (parse_quantity(q, f"{path}.{op}[{i}]") for i, q in enumerate(body))
            if isinstance(left, _EXPRS) and isinstance(right, _EXPRS):
                return parse_expr(raw, path)
            return QArith(op, left, right)
    try:
        return parse_expr(raw, path)
    except ValueError:
        raise ValueError(f"{path}: {raw!r} is not a quantity; accepted: {_FORMS}") from None


def parse_derivation(raw: Any, path: str) -> Derivation:
    if isinstance(raw, Derivation):
        return raw
    if isinstance(raw, str):  # only a meaning: the scenario gives the value (kept for older packs)
        return Derivation(raw)
    if not isinstance(raw, dict) or "meaning" not in raw or set(raw) - {"meaning", "value", "default"}:
        raise ValueError(f"{path}: a derived field is {{meaning: TEXT, value: QUANTITY, default: QUANTITY}}")
    value = raw.get("value")
    default = raw.get("default")
    if value is None and default is None:
        raise ValueError(f"{path}: give its value, its default, or both")
    return Derivation(
        str(raw["meaning"]),
        None if value is None else parse_quantity(value, f"{path}.value"),
        None if default is None else parse_quantity(default, f"{path}.default"),
    )


def quantity_to_raw(q: Quantity) -> Any:
    """Back to the pack's own form (rules --format json shows quantities as the pack wrote them)."""
    if isinstance(q, SpecialDate):
        return q.word
    if isinstance(q, Aggregate):
        body: dict[str, Any] = {"fact": q.fact}
        if q.field is not None:
            body["field"] = q.field
        if q.where:
            body["where"] = conditions_to_raw(q.where)
        return {q.op: body}
    if isinstance(q, DaysCovered):
        return {
            "days_covered": {
                "fact": q.fact,
                "first": expr_to_raw(q.first),
                "last": expr_to_raw(q.last),
                "within": [quantity_to_raw(w) for w in q.within],
            }
        }
    if isinstance(q, FiscalYear):
        return {"fiscal_year": quantity_to_raw(q.of)}
    if isinstance(q, QArith):
        return {q.op: [quantity_to_raw(q.left), quantity_to_raw(q.right)]}
    if isinstance(q, Least):
        return {"greatest" if q.greatest else "least": [quantity_to_raw(o) for o in q.options]}
    if isinstance(q, FirstOf):
        return {"first_of": [quantity_to_raw(o) for o in q.options]}
    if isinstance(q, If):
        out: dict[str, Any] = {"if": conditions_to_raw(q.conditions), "then": quantity_to_raw(q.then)}
        if q.otherwise is not None:
            out["else"] = quantity_to_raw(q.otherwise)
        return out
    if isinstance(q, MemberOf):
        return {
            "member_of": {"group": q.group, "name": quantity_to_raw(q.name), "day": quantity_to_raw(q.on)}
        }
    return expr_to_raw(q)


def derivation_to_raw(d: Derivation) -> dict[str, Any]:
    out: dict[str, Any] = {"meaning": d.meaning}
    if d.value is not None:
        out["value"] = quantity_to_raw(d.value)
    if d.default is not None:
        out["default"] = quantity_to_raw(d.default)
    return out


def parts(q: Quantity | None) -> Iterator[Quantity]:
    """The quantity and every quantity inside it (the one walk of the tree that the questions below share)."""
    if q is None:
        return
    yield q
    inner: tuple[Quantity | None, ...] = ()
    if isinstance(q, DaysCovered):
        inner = q.within
    elif isinstance(q, FiscalYear):
        inner = (q.of,)
    elif isinstance(q, QArith):
        inner = (q.left, q.right)
    elif isinstance(q, Least | FirstOf):
        inner = q.options
    elif isinstance(q, MemberOf):
        inner = (q.name, q.on)
    elif isinstance(q, If):
        inner = (q.then, q.otherwise)
    for sub in inner:
        yield from parts(sub)


def member_tests(q: Quantity | None) -> list[MemberOf]:
    """Every `member_of` in a quantity."""
    return [p for p in parts(q) if isinstance(p, MemberOf)]


def facts_read(q: Quantity | None) -> set[str]:
    """The fact types a quantity reads by aggregate (not the action or its own fact)."""
    return {p.fact for p in parts(q) if isinstance(p, Aggregate | DaysCovered)}


def params_read(q: Quantity | None) -> set[str]:
    """The parameters a quantity reads: in an expression, or in the conditions of an aggregate or an `if`."""
    exprs: list[Expr] = []
    for p in parts(q):
        if isinstance(p, _EXPRS):
            exprs.append(p)
        elif isinstance(p, DaysCovered):
            exprs += [p.first, p.last]
        elif isinstance(p, Aggregate | If):
            conditions = p.where if isinstance(p, Aggregate) else p.conditions
            exprs += [v for c in conditions for v in values_of(c)]
    found: set[str] = set()
    for x in exprs:
        for e in subexprs(x):
            if isinstance(e, Param):
                found.add(e.id)
            elif isinstance(e, CeilFraction):
                found.add(e.param)
    return found


def reads_parameters(q: Quantity | None) -> bool:
    """The quantity reads a parameter (see `params_read`)."""
    return bool(params_read(q))
