"""The law's conditions as one typed tree, parsed once when a pack loads.

A pack writes a condition as YAML (`{count: {lt: {param: ID}}}`, `{any: [...]}`); `parse_condition` turns
it into the dataclasses below, or says what is wrong and what is accepted. Everything that reads a
condition reads this tree: validation against the vocabulary (`loading`), the durable-rules compiler
(`compiling`), the reference interpreter (`interpreting`), explanations, cures and `explore`. Nothing walks
the raw YAML again.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

from .bounds import MAX_DOLLARS, check_date_bounds

Scalar: TypeAlias = int | str | dt.date
CompareOp = Literal["eq", "ne", "lt", "lte", "gt", "gte"]
ArithOp = Literal["add", "sub", "mul", "div"]
Part = Literal["value", "numerator", "denominator"]

COMPARISONS: tuple[str, ...] = ("eq", "ne", "lt", "lte", "gt", "gte", "in", "not_in")
ARITHMETIC: tuple[str, ...] = ("add", "sub", "mul", "div")


# -- expressions: what a field is compared with ------------------------------------------------------------


@dataclass(frozen=True)
class Lit:
    """A literal: a whole number, a word or a date."""

    value: Scalar


@dataclass(frozen=True)
class Param:
    """A parameter's value in force on the action's day (or a fraction's numerator or denominator)."""

    id: str
    part: Part = "value"


@dataclass(frozen=True)
class FieldRef:
    """A field of a fact: of the pattern's own fact (fact None), or of a fact type matched before it."""

    name: str
    fact: str | None = None


@dataclass(frozen=True)
class Arith:
    """Integer arithmetic; `div` truncates toward zero, as the engines do."""

    op: ArithOp
    left: Expr
    right: Expr


@dataclass(frozen=True)
class CeilFraction:
    """A fraction parameter of an amount, rounded up: ceil(of × n / d)."""

    param: str
    of: Expr


Expr: TypeAlias = Lit | Param | FieldRef | Arith | CeilFraction


# -- conditions ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Compare:
    """A field of the pattern's fact compared with an expression."""

    field: str
    op: CompareOp
    value: Expr


@dataclass(frozen=True)
class Among:
    """A field of the pattern's fact is (or, negated, is not) one of several values."""

    field: str
    values: tuple[Expr, ...]
    negated: bool = False

    @property
    def op(self) -> str:
        return "not_in" if self.negated else "in"


@dataclass(frozen=True)
class AnyOf:
    """At least one of the conditions holds."""

    options: tuple[Condition, ...]


Condition: TypeAlias = Compare | Among | AnyOf


# -- parsing -------------------------------------------------------------------------------------------------

_EXPR_FORMS = (
    "a literal, {param: ID}, {field: NAME, fact: ALIAS}, {add|sub|mul|div: [A, B]}, "
    "{ceil_fraction: {param, of}}"
)


def parse_expr(raw: Any, path: str) -> Expr:
    """An expression: a literal, {param: ID}, {field: NAME[, fact: TYPE]} or {OP: [a, b]}."""
    if isinstance(raw, bool) or raw is None:
        raise ValueError(f"{path}: {raw!r} is not a number, string, date, parameter or field")
    if isinstance(raw, int):
        if not -MAX_DOLLARS <= raw <= MAX_DOLLARS:
            raise ValueError(
                f"{path}: {raw:,} is beyond the engine's bound; accepted: at most {MAX_DOLLARS:,} either way"
            )
        return Lit(raw)
    if isinstance(raw, dt.date):
        return Lit(check_date_bounds(raw))
    if isinstance(raw, str):
        return Lit(raw)
    if isinstance(raw, dict):
        keys = set(raw)
        if keys <= {"param", "part"} and "param" in keys and isinstance(raw["param"], str):
            part = raw.get("part", "value")
            if part not in ("value", "numerator", "denominator"):
                raise ValueError(f"{path}: part is one of value, numerator, denominator")
            return Param(raw["param"], part)
        if keys <= {"field", "fact"} and "field" in keys and isinstance(raw["field"], str):
            fact = raw.get("fact")
            if fact is not None and not isinstance(fact, str):
                raise ValueError(f"{path}: fact names a fact type, such as action")
            return FieldRef(raw["field"], fact)
        if len(keys) == 1:
            ((op, args),) = raw.items()
            if op in ARITHMETIC and isinstance(args, list) and len(args) == 2:
                return Arith(
                    op, parse_expr(args[0], f"{path}.{op}[0]"), parse_expr(args[1], f"{path}.{op}[1]")
                )
            if op == "ceil_fraction":
                if isinstance(args, dict) and set(args) == {"param", "of"} and isinstance(args["param"], str):
                    return CeilFraction(args["param"], parse_expr(args["of"], f"{path}.ceil_fraction.of"))
                raise ValueError(f"{path}: ceil_fraction takes {{param: FRACTION-ID, of: EXPRESSION}}")
    raise ValueError(f"{path}: {raw!r} is not an expression; accepted: {_EXPR_FORMS}")


def parse_condition(raw: Any, path: str = "condition") -> Condition:
    """A condition is {FIELD: {COMPARISON: EXPRESSION}} or {any: [CONDITION, ...]}."""
    if not isinstance(raw, dict) or len(raw) != 1:
        raise ValueError(
            f"{path}: a condition is one mapping {{FIELD: {{COMPARISON: VALUE}}}} or {{any: [...]}}"
        )
    ((key, body),) = raw.items()
    if not isinstance(key, str):
        raise ValueError(f"{path}: {key!r} is not a field name")
    if key == "any":
        if not isinstance(body, list) or not body:
            raise ValueError(f"{path}: 'any' takes a non-empty list of conditions")
        return AnyOf(tuple(parse_condition(sub, f"{path}.any[{i}]") for i, sub in enumerate(body)))
    if not isinstance(body, dict) or len(body) != 1:
        raise ValueError(f"{path}.{key}: give one comparison, one of {', '.join(COMPARISONS)}")
    ((op, rhs),) = body.items()
    if op not in COMPARISONS:
        raise ValueError(f"{path}.{key}: unknown comparison {op!r}; accepted: {', '.join(COMPARISONS)}")
    if op in ("in", "not_in"):
        if not isinstance(rhs, list) or not rhs:
            raise ValueError(f"{path}.{key}.{op}: takes a non-empty list of values")
        values = tuple(parse_expr(item, f"{path}.{key}.{op}[{i}]") for i, item in enumerate(rhs))
        return Among(key, values, negated=op == "not_in")
    return Compare(key, op, parse_expr(rhs, f"{path}.{key}.{op}"))


def parse_conditions(raw: Any) -> tuple[Condition, ...]:
    """A list of conditions (pydantic's validator for `Conditions`); already parsed ones pass through."""
    if isinstance(raw, tuple) and all(isinstance(c, Compare | Among | AnyOf) for c in raw):
        return raw
    if not isinstance(raw, list):
        raise ValueError("conditions are a list: [{FIELD: {COMPARISON: VALUE}}, ...]")
    return tuple(
        c if isinstance(c, Compare | Among | AnyOf) else parse_condition(c, f"[{i}]")
        for i, c in enumerate(raw)
    )


# -- back to the pack's own form (rules --format json shows conditions as the pack wrote them) -------------


def expr_to_raw(expr: Expr) -> Any:
    if isinstance(expr, Lit):
        return expr.value.isoformat() if isinstance(expr.value, dt.date) else expr.value
    if isinstance(expr, Param):
        return {"param": expr.id} if expr.part == "value" else {"param": expr.id, "part": expr.part}
    if isinstance(expr, FieldRef):
        return {"field": expr.name} if expr.fact is None else {"field": expr.name, "fact": expr.fact}
    if isinstance(expr, Arith):
        return {expr.op: [expr_to_raw(expr.left), expr_to_raw(expr.right)]}
    return {"ceil_fraction": {"param": expr.param, "of": expr_to_raw(expr.of)}}


def to_raw(cond: Condition) -> dict[str, Any]:
    if isinstance(cond, AnyOf):
        return {"any": [to_raw(c) for c in cond.options]}
    if isinstance(cond, Among):
        return {cond.field: {cond.op: [expr_to_raw(v) for v in cond.values]}}
    return {cond.field: {cond.op: expr_to_raw(cond.value)}}


def conditions_to_raw(conditions: tuple[Condition, ...]) -> list[dict[str, Any]]:
    return [to_raw(c) for c in conditions]


# -- walking -------------------------------------------------------------------------------------------------


def subexprs(expr: Expr) -> Iterator[Expr]:
    """The expression and every expression inside it."""
    yield expr
    if isinstance(expr, Arith):
        yield from subexprs(expr.left)
        yield from subexprs(expr.right)
    elif isinstance(expr, CeilFraction):
        yield Param(expr.param, "numerator")
        yield Param(expr.param, "denominator")
        yield from subexprs(expr.of)


def values_of(cond: Condition) -> Iterator[Expr]:
    """Every expression a condition compares with (nested conditions included)."""
    if isinstance(cond, AnyOf):
        for option in cond.options:
            yield from values_of(option)
    elif isinstance(cond, Among):
        yield from cond.values
    else:
        yield cond.value


def tested_fields(cond: Condition) -> Iterator[str]:
    """The fields of the pattern's own fact that the condition compares (its left-hand sides)."""
    if isinstance(cond, AnyOf):
        for option in cond.options:
            yield from tested_fields(option)
    else:
        yield cond.field


def references(cond: Condition) -> Iterator[Param | FieldRef]:
    """Every parameter and field the condition reads as a value."""
    for value in values_of(cond):
        for e in subexprs(value):
            if isinstance(e, Param | FieldRef):
                yield e


def reads_field(cond: Condition, names: set[str], own: str | None = None) -> bool:
    """The condition tests one of these fields of the pattern's fact, or reads one (of `own`, the pattern's
    fact type, or unnamed) as a value."""
    if any(f in names for f in tested_fields(cond)):
        return True
    return any(
        isinstance(r, FieldRef) and r.name in names and r.fact in (None, own) for r in references(cond)
    )


def has_reference(cond: Condition) -> bool:
    return next(references(cond), None) is not None


@functools.cache
def param_key(pid: str) -> str:
    """The parameters fact's field for a parameter, as every engine receives it (some.period-days ->
    some_period_days): one spelling for the compiler and the reference interpreter."""
    return pid.replace(".", "_").replace("-", "_")
