"""A second, independent engine: the same compiled ruleset run by CLIPS (clipspy), so a verdict can be
confirmed by two engines that share no code below the compiled form.

Each fact type becomes a deftemplate whose slots default to the symbol `nil` (a field the fact lacks); each
compiled rule becomes a defrule that binds the slots its conditions read and tests them after its patterns,
every comparison guarded so that a missing field never matches (as in durable-rules). A fired rule calls back
into Python with its id and the ids of the facts it matched; the trace, and everything read from it, is then
produced by the same code as for durable-rules (`engine.Adapter`).
"""

from __future__ import annotations

import itertools
from typing import Any

from .compiling import PARAMS, CompiledRules, is_sentinel
from .engine import Adapter, Evaluation, Firing, _Trace
from .errors import InputError

_OPERATORS = {"$lt": "<", "$lte": "<=", "$gt": ">", "$gte": ">=", "$neq": "neq"}
_ARITHMETIC = {"$add": "+", "$sub": "-", "$mul": "*", "$div": "div"}  # div: integer division, as durable's


def clips_module() -> Any:
    try:
        import clips
    except ImportError:
        raise InputError(
            "--engine clips needs clipspy, which is not installed.",
            accepted="pip install 'constraint-engine[clips]'",
        ) from None
    return clips


class ClipsEngine(Adapter):
    """Evaluates proposals against one compiled ruleset in CLIPS: reset, assert, run, read the callbacks."""

    def __init__(self, compiled: CompiledRules, *, trace_matches: bool = True):
        clips = clips_module()
        self.compiled = compiled
        self.trace_matches = trace_matches
        self.source = clips_source(compiled)
        self.env = clips.Environment()
        self._fired: list[tuple[str, tuple[Any, ...]]] = []
        self.env.define_function(self._on_fire, name="ce-fired")
        _build(self.env, self.source)
        self._slots = {t.name: {s.name for s in t.slots} for t in self.env.templates()}
        # clipspy's Template.assert_fact keeps a handle on every fact it made, which slows each later reset;
        # the fact builder of the C API does not (see ../shared/bench/bench.py).
        from clips._clips import ffi, lib
        from clips.common import environment_builder
        from clips.values import clips_value

        self._ffi, self._lib, self._builder, self._value = ffi, lib, environment_builder, clips_value
        self._names = {name: name.encode() for name in self._slots}

    def _on_fire(self, rule: Any, *ids: Any) -> None:
        self._fired.append((str(rule), tuple(str(i) for i in ids)))

    def evaluate_facts(self, params: dict[str, Any], facts: list[dict[str, Any]]) -> Evaluation:
        trace = _Trace()
        known = self.compiled.fact_types
        inputs = [{**params, "id": "p"}]
        ignored: list[str] = []
        for i, fact in enumerate(facts):
            if fact["t"] in known:
                inputs.append({**fact, "id": f"f{i}"})
            elif fact["t"] not in self.compiled.book.phrasebook.made:
                ignored.append(fact["t"])
        by_id = {str(f["id"]): f for f in inputs}
        self._fired.clear()
        try:
            self.env.reset()
            env, lib = self.env._env, self._lib
            for fact in inputs:
                slots = self._slots[fact["t"]]
                builder = self._builder(env, "fact")
                lib.FBSetDeftemplate(builder, self._names[fact["t"]])
                for key, value in fact.items():
                    if key in slots:
                        lib.FBPutSlot(builder, key.encode(), self._value(env, value=value))
                if lib.FBAssert(builder) == self._ffi.NULL:
                    raise RuntimeError(f"CLIPS refused the fact {fact['id']} ({fact['t']})")
            self.env.run()
        except Exception as exc:  # a fault fails closed: an error verdict, never "permitted"
            trace.errors.append(f"clips: {type(exc).__name__}: {exc}")
            return self._result(trace, params, ignored)
        counter = itertools.count()
        for rule_id, pairs in self._fired:
            meta = self.compiled.rules[rule_id]
            if meta.kind == "start":
                continue
            matched: dict[str, dict[str, Any]] = {}
            if self.trace_matches:
                for alias, fact_id in zip(pairs[::2], pairs[1::2], strict=True):
                    if alias != PARAMS:
                        matched[alias] = by_id[fact_id]
            derived = None if meta.asserts is None else {**meta.asserts, "id": f"d{next(counter)}"}
            trace.firings.append(Firing(rule_id, meta.kind, meta.target, matched, derived))
        return self._result(trace, params, ignored)


def _build(env: Any, source: str) -> None:
    for construct in _constructs(source):
        env.build(construct)


def _constructs(source: str) -> list[str]:
    return [c for c in source.split("\n\n") if c.strip()]


# -- translation ---------------------------------------------------------------------------------------------


def clips_source(compiled: CompiledRules) -> str:
    """The ruleset as CLIPS constructs: a deftemplate per fact type, a defrule per compiled rule."""
    slots: dict[str, set[str]] = {}
    rules = []
    for rule_id, body in compiled.definition.items():
        patterns = body["all"]
        aliases = {next(iter(p)) for p in patterns}
        types: dict[str, str] = {}
        reads: dict[str, set[str]] = {}
        tests = []
        for pattern in patterns:
            ((alias, condition),) = pattern.items()
            types[alias] = _type_of(condition)
            reads.setdefault(alias, {"id"})
            test = _condition(condition, alias, aliases, reads)
            if test is not None:
                tests.append(test)
        for alias, type_ in types.items():
            slots.setdefault(type_, {"id"}).update(reads[alias])
        lhs = [f"  ({types[a]} {' '.join(f'({f} ?{a}__{f})' for f in sorted(reads[a]))})" for a in types]
        if tests:
            lhs.append(f"  (test {_joined('and', tests)})")
        fired = " ".join(f'"{a}" ?{a}__id' for a in types)
        head = f"(defrule {_symbol(rule_id)}\n"
        rules.append(head + "\n".join(lhs) + f"\n  =>\n  (ce-fired {_string(rule_id)} {fired}))")
    templates = [
        f"(deftemplate {t}\n" + "\n".join(f"  (slot {f} (default nil))" for f in sorted(fields)) + ")"
        for t, fields in sorted(slots.items())
    ]
    return "\n\n".join([*templates, *rules]) + "\n"


def _type_of(condition: dict[str, Any]) -> str:
    """The fact type a pattern matches: its {t: TYPE} test, alone or among the pattern's conjunction."""
    if "t" in condition:
        return str(condition["t"])
    return next(str(c["t"]) for c in condition["$and"] if "t" in c)


def _condition(node: dict[str, Any], own: str, aliases: set[str], reads: dict[str, set[str]]) -> str | None:
    """A condition as a CLIPS boolean expression; None for the type test the pattern itself makes."""
    ((key, value),) = node.items()
    if key == "t" or is_sentinel(node):  # the type is the pattern's; the sentinel is for durable-rules only
        return None
    if key in ("$and", "$or"):
        parts = [p for p in (_condition(c, own, aliases, reads) for c in value) if p is not None]
        if not parts:
            return None
        return _joined("and" if key == "$and" else "or", parts)
    if key in ("$ex", "$nex"):
        ((field, _),) = value.items()
        var = _read(own, field, reads)
        return f"({'neq' if key == '$ex' else 'eq'} {var} nil)"
    if key in _OPERATORS:
        ((field, rhs),) = value.items()
        var = _read(own, field, reads)
        return f"(and (neq {var} nil) ({_OPERATORS[key]} {var} {_expr(rhs, own, aliases, reads)}))"
    var = _read(own, key, reads)  # {field: value}: equality
    return f"(and (neq {var} nil) (eq {var} {_expr(value, own, aliases, reads)}))"


def _joined(op: str, parts: list[str]) -> str:
    """CLIPS's and/or take two or more arguments: one alone stands for itself."""
    return parts[0] if len(parts) == 1 else f"({op} {' '.join(parts)})"


def _expr(node: Any, own: str, aliases: set[str], reads: dict[str, set[str]]) -> str:
    if isinstance(node, bool):
        raise ValueError(f"a yes/no value in a rule: {node!r}")
    if isinstance(node, int):
        return str(node)
    if isinstance(node, str):
        return _string(node)
    ((key, value),) = node.items()
    if key == "$m":
        return _read(own, value, reads)
    if key in _ARITHMETIC:
        left = _expr(value["$l"], own, aliases, reads)
        right = _expr(value["$r"], own, aliases, reads)
        return f"({_ARITHMETIC[key]} {left} {right})"
    if key in aliases:
        return _read(key, value, reads)
    raise ValueError(f"an expression CLIPS cannot take: {node!r}")


def _read(alias: str, field: str, reads: dict[str, set[str]]) -> str:
    reads.setdefault(alias, {"id"}).add(field)
    return f"?{alias}__{field}"


def _string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _symbol(rule_id: str) -> str:
    """A rule name CLIPS accepts, one for one: any character but an ASCII letter, digit or - as _HEX_."""
    plain = {c for c in rule_id if (c.isascii() and c.isalnum()) or c == "-"}
    return "r-" + "".join(c if c in plain else f"_{ord(c):x}_" for c in rule_id)
