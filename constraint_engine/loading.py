"""Load rule pack files: safe YAML, validated models and cross-pack checks, each error with file and line."""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import functools
import importlib.resources
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .amending import amend
from .citations import CitationIndex
from .conditions import Among, AnyOf, Condition, Expr, FieldRef, Lit, Param, subexprs, tested_fields
from .errors import InputError, InputErrors
from .models import PRIMARY_SOURCE_KINDS, CureTemplate, Lift, NotALift, Parameter, Provision, RulePack, Source
from .names import names
from .phrasebook import Phrasebook, build, template_regex
from .quantities import (
    Aggregate,
    DaysCovered,
    Derivation,
    FirstOf,
    FiscalYear,
    If,
    Least,
    MemberOf,
    QArith,
    Quantity,
    SpecialDate,
    params_read,
)
from .safe_yaml import Path_, _line_for, load_validated


def default_rules_dir() -> Path:
    """The bundled law: rules/ beside the package in a checkout, constraint_engine/rules when installed."""
    checkout = Path(__file__).resolve().parent.parent / "rules"
    if checkout.is_dir() and any(checkout.glob("*.yaml")):
        return checkout
    return Path(str(importlib.resources.files("constraint_engine") / "rules"))


SHARED_VOCABULARY = "vocabulary.yaml"  # the facts several packs read; kept when --rules replaces the packs


@dataclass(frozen=True)
class RuleDirs:
    """Which packs make the law: --rules DIR replaces the bundled ones; each --with-rules DIR adds to them."""

    base: Path | None = None
    extra: tuple[Path, ...] = ()
    engine: str = "durable"  # and the engine that runs it: durable, clips or both (--engine)
    amendments: tuple[Path, ...] = ()  # bills that change it (--amend FILE), applied in order

    def files(self) -> list[Path]:
        files = pack_files(self.base or default_rules_dir())
        if self.base is not None and not any(f.name == SHARED_VOCABULARY for f in files):
            files.insert(0, default_rules_dir() / SHARED_VOCABULARY)  # the action and the acts of Congress
        for folder in self.extra:
            files += pack_files(folder)
        return files

    def folder(self) -> str:
        return str(self.base or default_rules_dir())


def rule_dirs(rules: Path | RuleDirs | None) -> RuleDirs:
    return rules if isinstance(rules, RuleDirs) else RuleDirs(rules)


@dataclass(frozen=True)
class RuleBook:
    """Every loaded pack, indexed; the input to the compiler."""

    packs: tuple[RulePack, ...]
    files: tuple[str, ...]
    phrasebook: Phrasebook
    provisions: dict[str, Provision] = field(default_factory=dict)
    parameters: dict[str, Parameter] = field(default_factory=dict)
    lifts: dict[str, Lift] = field(default_factory=dict)
    not_lifts: dict[str, NotALift] = field(default_factory=dict)
    sources: dict[str, dict[str, Source]] = field(default_factory=dict)
    pack_of: dict[str, str] = field(default_factory=dict)
    # What-if values of parameters and the readings chosen for interpretations, for this law alone: an
    # amended law is another RuleBook (`amended`), never a field of a case.
    settings: dict[str, Any] = field(default_factory=dict)
    scenario_readings: frozenset[str] = frozenset()  # of the settings, the readings a scenario gives itself
    bills: tuple[str, ...] = ()  # what each bill (--amend) that changed this law does, in a sentence

    def amended(self, settings: dict[str, Any], *, by_scenario: bool = False) -> RuleBook:
        """This law with these parameter values and readings (checked values, see `override`) in force over
        its own; everything loaded and indexed is shared. `by_scenario`: a scenario's own readings ("Given
        the interpretation ... is ..."), said so in its verdict."""
        if not settings:
            return self
        new = copy.copy(self)  # keeps the cached citation index and interpretations
        object.__setattr__(new, "settings", {**self.settings, **settings})
        if by_scenario:
            object.__setattr__(new, "scenario_readings", self.scenario_readings | set(settings))
        return new

    @functools.cached_property
    def citations(self) -> CitationIndex:
        """Every provision's citation and aliases, whatever its window in force (built once); a pack's title
        and short names cite each of its provisions ("NATO Support Act")."""
        return CitationIndex(
            (p.id, [p.citation, *p.aliases, *self.pack_names(p.id)]) for p in self.provisions.values()
        )

    def pack_names(self, owner_id: str) -> list[str]:
        """The title and short names of the pack holding a provision: each cites it ("NATO Support Act")."""
        pack = next((p for p in self.packs if p.pack == self.pack_of.get(owner_id)), None)
        return [] if pack is None else [pack.title, *pack.short_names]

    @functools.cached_property
    def by_action_kind(self) -> dict[str, list[Provision]]:
        """The provisions governing each kind of action, in the law's order (built once)."""
        out: dict[str, list[Provision]] = {}
        for prov in self.provisions.values():
            for kind in prov.applies_to.actions:
                out.setdefault(kind, []).append(prov)
        return out

    @functools.cached_property
    def derived_interpretations(self) -> dict[str, list[str]]:
        """The interpretations each fact type's derived quantities read (a reading can change a verdict
        through them too, not only through a provision's `depending_on`)."""
        out: dict[str, list[str]] = {}
        for (fact, _), d in self.phrasebook.derived.items():
            read = params_read(d.value) | params_read(d.default)
            names = [pid for pid in sorted(read) if pid in self.interpretations]
            if names:
                out[fact] = list(dict.fromkeys([*out.get(fact, []), *names]))
        return out

    def interpretations_over(self, kind: str) -> list[str]:
        """The interpretations the provisions over this kind of action read, theirs and their lifts', in
        the law's order (each kind's found once)."""
        found = self._interpretations_by_kind.get(kind)
        if found is None:
            names = [n for p in self.by_action_kind.get(kind, []) for n in self.interpretations_read_by(p)]
            found = self._interpretations_by_kind[kind] = list(dict.fromkeys(names))
        return found

    def interpretations_read_by(self, prov: Provision, given: set[str] | None = None) -> list[str]:
        """The interpretations a provision and its lifts read; with `given` (the fact types a case states),
        only those of the facts it needs and of the lifts whose facts are all there."""
        names = [d.interpretation for d in prov.applies_to.depending_on]
        for w in prov.applies_to.with_facts:
            if given is None or w.fact in given:
                names += [d.interpretation for d in w.depending_on]
        for lift_id in prov.lifted_by:
            lift = self.lifts[lift_id]
            if given is None or all(pat.fact in given for pat in lift.when):
                names += [d.interpretation for d in lift.depending_on]
                names += [d.interpretation for pat in lift.when for d in pat.depending_on]
        return names

    @functools.cached_property
    def _interpretations_by_kind(self) -> dict[str, list[str]]:
        return {}

    @functools.cached_property
    def interpretations(self) -> frozenset[str]:
        """The ids of the named interpretations (parameters of unit choice)."""
        return frozenset(p.id for p in self.parameters.values() if p.is_interpretation)

    def value(self, pid: str, day: dt.date) -> Any:
        """A parameter's value for an evaluation: this law's setting, else the value in force on `day`."""
        if pid in self.settings:
            return self.settings[pid]
        return self.parameters[pid].value_on(day)

    def active_where(self, prov: Provision, day: dt.date) -> list[Any]:
        """A provision's conditions on the action, with the case of each interpretation in force."""
        where = list(prov.applies_to.where)
        for dep in prov.applies_to.depending_on:
            where += dep.cases[str(self.value(dep.interpretation, day))]
        return where

    def override(self, pid: str, raw: str, *, interpretation: bool) -> Any:
        """A what-if value (--set) or an interpretation (--assume), checked against the parameter."""
        kind = "interpretation" if interpretation else "parameter"
        names = sorted(p.id for p in self.parameters.values() if p.is_interpretation == interpretation)
        param = self.parameters.get(pid)
        if param is None or param.is_interpretation != interpretation:
            import difflib

            near = [n for n in names if n.startswith(pid)] or difflib.get_close_matches(pid, names, 3, 0.6)
            hint = f" Did you mean {' or '.join(near[:3])}?" if near else ""
            listing = "rules --params" if not interpretation else "rules --params (the choices)"
            said = f"{'an' if interpretation else 'a'} {kind} id, as `constraint-engine {listing}` lists them"
            accepted = said if near else ", ".join(names)
            raise InputError(f"unknown {kind} {pid!r}.{hint}", accepted=accepted)
        try:
            return param.parse(raw)
        except ValueError as exc:
            raise InputError(f"{pid}: {exc}.") from None  # the message says what is accepted

    def file_of(self, owner_id: str) -> str:
        """The rule pack file that defines a provision, lift or parameter."""
        pack = self.pack_of[owner_id]
        return next(f for f, p in zip(self.files, self.packs, strict=True) if p.pack == pack)

    def source_list(self, owner_id: str, keys: Iterable[str]) -> list[Source]:
        pack = self.pack_of[owner_id]
        return [self.sources[pack][k] for k in keys]


def load_pack(path: Path) -> tuple[RulePack, dict[Path_, int]]:
    return load_validated(path, RulePack, "a UTF-8 YAML rule pack", "keys pack, title, ...")


def pack_files(rules_dir: Path) -> list[Path]:
    if not rules_dir.is_dir():
        raise InputError(
            "the rules folder does not exist.", file=str(rules_dir), accepted="a folder of *.yaml"
        )
    files = sorted(rules_dir.glob("*.yaml"))
    if not files:
        raise InputError(
            "the rules folder holds no rule packs.", file=str(rules_dir), accepted="*.yaml files"
        )
    return files


def load_rulebook(rules: Path | RuleDirs | None = None) -> RuleBook:
    """Load and cross-check every pack; raises InputErrors listing every problem found."""
    files = rule_dirs(rules).files()
    errors: list[InputError] = []
    loaded: list[tuple[Path, RulePack, dict[Path_, int]]] = []
    for f in files:
        try:
            pack, lines = load_pack(f)
            loaded.append((f, pack, lines))
        except InputError as e:
            errors.append(e)
        except InputErrors as e:
            errors.extend(e.errors)
    if errors:
        raise InputErrors(errors)
    bills: list[str] = []
    repealed_by: dict[str, str] = {}
    for bill in rule_dirs(rules).amendments:
        loaded, said = amend(loaded, bill, repealed_by)
        bills.append(said)

    def locate(i: int, loc: Path_) -> tuple[str, int]:
        return str(loaded[i][0]), _line_for(loc, loaded[i][2])

    phrasebook, errors = build([p for _, p, _ in loaded], locate)
    book = RuleBook(
        packs=tuple(p for _, p, _ in loaded),
        files=tuple(str(f) for f, _, _ in loaded),
        phrasebook=phrasebook,
        bills=tuple(bills),
    )
    errors += _index_and_check(book, loaded)
    if errors:
        raise InputErrors(errors)
    return book


def _index_and_check(
    book: RuleBook, loaded: list[tuple[Path, RulePack, dict[Path_, int]]]
) -> Iterator[InputError]:
    # Parameters have ids of their own: a provision and its parameter may share a name.
    seen_params: dict[str, str] = {}
    seen_rules: dict[str, str] = {}
    for f, pack, lines in loaded:
        book.sources[pack.pack] = dict(pack.sources)
        kinds: list[tuple[str, list[Any], dict[str, Any]]] = [
            ("parameters", list(pack.parameters), book.parameters),
            ("lifts", list(pack.lifts), book.lifts),
            ("not_lifts", list(pack.not_lifts), book.not_lifts),
            ("provisions", list(pack.provisions), book.provisions),
        ]
        for section, items, index in kinds:
            seen = seen_params if section == "parameters" else seen_rules
            for i, item in enumerate(items):
                where = f"{f}:{_line_for((section, i, 'id'), lines)}"
                if item.id in seen:
                    yield InputError(
                        f"duplicate id {item.id!r}; it is already used at {seen[item.id]}.",
                        file=str(f),
                        line=_line_for((section, i, "id"), lines),
                        accepted="ids unique across all packs",
                    )
                    continue
                seen[item.id] = where
                if section == "provisions":
                    item = _with_actors(book, item, str(f), _line_for((section, i, "applies_to"), lines))
                index[item.id] = item
                book.pack_of.setdefault(item.id, pack.pack)
    for f, pack, lines in loaded:
        yield from _check_references(book, f, pack, lines)


def _with_actors(book: RuleBook, prov: Provision, file: str, line: int) -> Provision:
    """A provision's actors, checked against the law's names; none listed means every actor it names."""
    actors = book.phrasebook.names.actors
    for actor in prov.applies_to.actors:
        if actor not in actors.canonical:
            raise InputError(
                f"{prov.id}: unknown actor {actor!r}.", file=file, line=line, accepted=actors.accepted()
            )
    if prov.applies_to.actors:
        return prov
    every = prov.applies_to.model_copy(update={"actors": list(actors.canonical)})
    return prov.model_copy(update={"applies_to": every})


def _check_references(
    book: RuleBook, f: Path, pack: RulePack, lines: dict[Path_, int]
) -> Iterator[InputError]:
    def err(loc: Path_, problem: str, accepted: str) -> InputError:
        accepted = getattr(problem, "accepted", accepted)  # a problem may know better what is accepted
        return InputError(problem, file=str(f), line=_line_for(loc, lines), accepted=accepted)

    yield from _vocabulary_references(book, pack, err)
    params = ", ".join(sorted(book.parameters)) or "(none)"
    for i, prov in enumerate(pack.provisions):
        if prov.status == "verified" and not any(
            pack.sources[k].kind in PRIMARY_SOURCE_KINDS for k in prov.sources
        ):
            yield err(
                ("provisions", i, "sources"),
                f"{prov.id} is marked verified but cites no primary or official source.",
                f"a source of kind {', '.join(PRIMARY_SOURCE_KINDS)}; or the status reported",
            )
        for j, lift_id in enumerate(prov.lifted_by):
            if lift_id not in book.lifts:
                yield err(
                    ("provisions", i, "lifted_by", j),
                    f"unknown lift {lift_id!r}.",
                    ", ".join(sorted(book.lifts)),
                )
        for j, pid in enumerate(prov.parameters):
            if pid not in book.parameters:
                yield err(("provisions", i, "parameters", j), f"unknown parameter {pid!r}.", params)
        for j, cond in enumerate(prov.applies_to.where):
            for problem in _condition_problems(book, cond, "action", {"action"}):
                yield err(
                    ("provisions", i, "applies_to", "where", j), problem, book.phrasebook.fields_of("action")
                )
        for j, dep in enumerate(prov.applies_to.depending_on):
            for problem in _depending_problems(book, dep, "action"):
                yield err(("provisions", i, "applies_to", "depending_on", j), problem, _interpretations(book))
        for j, pattern in enumerate(prov.applies_to.with_facts):
            for k, cond in enumerate(pattern.where):
                for problem in _condition_problems(book, cond, pattern.fact, {"action"}):
                    yield err(
                        ("provisions", i, "applies_to", "with_facts", j, "where", k),
                        problem,
                        book.phrasebook.fields_of(pattern.fact),
                    )
    for i, lift in enumerate(pack.lifts):
        for j, cond in enumerate(lift.action_where):
            for problem in _condition_problems(book, cond, "action", {"action"}):
                yield err(("lifts", i, "action_where", j), problem, book.phrasebook.fields_of("action"))
        for j, dep in enumerate(lift.depending_on):
            for problem in _depending_problems(book, dep, "action"):
                yield err(("lifts", i, "depending_on", j), problem, _interpretations(book))
        for j, pattern in enumerate(lift.when):
            earlier = [p.fact for p in lift.when[:j]]  # a lift may compare with a fact it matched before
            readable = {"action", *(f for f in earlier if earlier.count(f) == 1)}
            for k, cond in enumerate(pattern.where):
                for problem in _condition_problems(book, cond, pattern.fact, readable):
                    yield err(
                        ("lifts", i, "when", j, "where", k), problem, book.phrasebook.fields_of(pattern.fact)
                    )
            for k, dep in enumerate(pattern.depending_on):
                for problem in _depending_problems(book, dep, pattern.fact, readable):
                    yield err(("lifts", i, "when", j, "depending_on", k), problem, _interpretations(book))
    for i, lift in enumerate(pack.lifts):
        for j, template in enumerate(lift.cure):
            for loc, problem in _cure_problems(book, template):
                yield err(("lifts", i, "cure", j, *loc), problem, "")
    for i, prov in enumerate(pack.provisions):
        for j, template in enumerate(prov.also_cured_by):
            for loc, problem in _cure_problems(book, template):
                yield err(("provisions", i, "also_cured_by", j, *loc), problem, "")
    derived: list[tuple[Path_, str, Derivation]] = [
        (("facts", n, "derived", f), n, d)
        for n, fd in pack.vocabulary.facts.items()
        for f, d in fd.derived.items()
    ]
    derived += [(("action_derived", f), "action", d) for f, d in pack.vocabulary.action_derived.items()]
    for loc, own, d in derived:
        for part, q in (("value", d.value), ("default", d.default)):
            if q is not None:
                for problem in _quantity_problems(book, q, own):
                    yield err(("vocabulary", *loc, part), problem, "")
    for i, nl in enumerate(pack.not_lifts):
        for j, cond in enumerate(nl.where):
            for problem in _condition_problems(book, cond, nl.fact, {"action"}):
                yield err(("not_lifts", i, "where", j), problem, book.phrasebook.fields_of(nl.fact))
        for j, lift_id in enumerate(nl.not_for):
            if lift_id not in book.lifts:
                yield err(
                    ("not_lifts", i, "not_for", j),
                    f"unknown lift {lift_id!r}.",
                    ", ".join(sorted(book.lifts)),
                )


def _vocabulary_references(book: RuleBook, pack: RulePack, err: Any) -> Iterator[InputError]:
    """Every fact, action and phrase the pack's rules name is one some pack declares."""
    words = book.phrasebook
    facts = f"a fact some pack declares: {words.fact_names()}"
    kinds = "a kind of action some pack declares: " + ", ".join(words.actions)
    givens = [re.compile(template_regex(t)) for p in words.phrases if p.kind == "given" for t in p.templates]
    for i, prov in enumerate(pack.provisions):
        for j, kind in enumerate(prov.applies_to.actions):
            if kind not in words.actions:
                yield err(("provisions", i, "applies_to", "actions", j), f"unknown action {kind!r}.", kinds)
        for j, pattern in enumerate(prov.applies_to.with_facts):
            if pattern.fact not in words.facts:
                yield err(
                    ("provisions", i, "applies_to", "with_facts", j), f"unknown fact {pattern.fact!r}.", facts
                )
        for j, need in enumerate(prov.needs):
            if need.field not in words.facts.get("action", {}):
                yield err(
                    ("provisions", i, "needs", j),
                    f"needs: {need.field!r} is not a field of the action.",
                    words.fields_of("action"),
                )
            if not any(g.match(need.phrase) for g in givens):
                yield err(
                    ("provisions", i, "needs", j, "phrase"),
                    f"needs: {need.phrase!r} is not written in a Given phrase some pack declares.",
                    "a Given phrase as `constraint-engine steps` lists it, its {placeholders} left or filled",
                )
    for i, lift in enumerate(pack.lifts):
        for j, pattern in enumerate(lift.when):
            if pattern.fact not in words.facts:
                yield err(("lifts", i, "when", j, "fact"), f"unknown fact {pattern.fact!r}.", facts)
    for i, nl in enumerate(pack.not_lifts):
        if nl.fact not in words.facts:
            yield err(("not_lifts", i, "fact"), f"unknown fact {nl.fact!r}.", facts)


def _interpretations(book: RuleBook) -> str:
    return "interpretations: " + ", ".join(
        sorted(p.id for p in book.parameters.values() if p.is_interpretation)
    )


def _depending_problems(
    book: RuleBook, dep: Any, fact: str, readable: set[str] | None = None
) -> Iterator[str]:
    param = book.parameters.get(dep.interpretation)
    if param is None or not param.is_interpretation:
        yield f"unknown interpretation {dep.interpretation!r}."
        return
    if set(dep.cases) != set(param.choices):
        yield f"the cases of {dep.interpretation!r} must be exactly its choices: {', '.join(param.choices)}."
    for conditions in dep.cases.values():
        for cond in conditions:
            yield from _condition_problems(book, cond, fact, readable or {"action"})


class _Problem(str):
    """A problem that says itself what is accepted instead of the usual hint."""

    accepted: str

    def __new__(cls, text: str, accepted: str) -> _Problem:
        made = super().__new__(cls, text)
        made.accepted = accepted
        return made


def _condition_problems(book: RuleBook, cond: Condition, fact: str, aliases: set[str]) -> Iterator[str]:
    if isinstance(cond, AnyOf):
        for sub in cond.options:
            yield from _condition_problems(book, sub, fact, aliases)
        return
    if fact in book.phrasebook.facts and cond.field not in book.phrasebook.facts[fact]:
        yield f"condition on unknown field {cond.field!r} of {fact}."
    for expr in cond.values if isinstance(cond, Among) else (cond.value,):
        yield from _expr_problems(book, expr, fact, aliases)
        if cond.field == "country" and isinstance(expr, Lit) and isinstance(expr.value, str):
            name = expr.value
            if name not in names().countries.canonical:
                # A misspelt name in the law would silently never match what a scenario says.
                known = names().countries.resolve(name)
                yield _Problem(
                    f"country {name!r} is not a canonical country name"
                    + (f"; write {known!r}." if known else "."),
                    "the canonical names of constraint_engine/vocabulary/names.yaml, such as Germany",
                )


def _quantity_problems(book: RuleBook, q: Quantity, own: str, lets: set[str] | None = None) -> Iterator[str]:
    """What a derived quantity (or a cure's value) reads that the law does not have: a fact, a field, a
    group, a parameter, or (in a cure) a value not computed before it. Each would silently have no value."""
    facts = book.phrasebook.facts
    if isinstance(q, Aggregate | DaysCovered) and q.fact not in facts:
        yield _Problem(f"reads fact {q.fact!r}, which no pack declares.", book.phrasebook.fact_names())
        return
    if isinstance(q, Aggregate):
        if q.field is not None and q.field not in facts[q.fact]:
            yield _Problem(
                f"reads field {q.field!r} of {q.fact}, which it does not have.",
                book.phrasebook.fields_of(q.fact),
            )
        for cond in q.where:
            yield from _condition_problems(book, cond, q.fact, {"action"})
    elif isinstance(q, DaysCovered):
        for e in (q.first, q.last):
            yield from _expr_problems(book, e, q.fact, {"action"})
        for w in q.within:
            yield from _quantity_problems(book, w, own, lets)
    elif isinstance(q, MemberOf):
        if q.group not in book.phrasebook.groups:
            near = difflib.get_close_matches(q.group, sorted(book.phrasebook.groups), 3, 0.6)
            hint = f" Did you mean {' or '.join(near)}?" if near else ""
            yield _Problem(
                f"member_of names group {q.group!r}, which no pack declares.{hint}",
                ", ".join(book.phrasebook.groups) or "(no groups)",
            )
        yield from _quantity_problems(book, q.name, own, lets)
        yield from _quantity_problems(book, q.on, own, lets)
    elif isinstance(q, If):
        for cond in q.conditions:
            if lets is not None:
                yield from _let_reads(cond.field if not isinstance(cond, AnyOf) else "", lets)
            else:
                yield from _condition_problems(book, cond, own, {"action"})
        for branch in (q.then, q.otherwise):
            if branch is not None:
                yield from _quantity_problems(book, branch, own, lets)
    elif isinstance(q, FirstOf | Least):
        for o in q.options:
            yield from _quantity_problems(book, o, own, lets)
    elif isinstance(q, QArith):
        yield from _quantity_problems(book, q.left, own, lets)
        yield from _quantity_problems(book, q.right, own, lets)
    elif isinstance(q, FiscalYear):
        yield from _quantity_problems(book, q.of, own, lets)
    elif not isinstance(q, SpecialDate):
        if lets is None:
            yield from _expr_problems(book, q, own, {"action"})
        else:
            for e in subexprs(q):
                if isinstance(e, FieldRef) and e.fact is None:
                    yield from _let_reads(e.name, lets)
                elif isinstance(e, FieldRef | Param):  # the action's fields, the parameters
                    yield from _expr_problems(book, e, "action", {"action"})


def _let_reads(name: str, lets: set[str]) -> Iterator[str]:
    if name and name not in lets:
        yield _Problem(
            f"reads {name!r}, which no value before it computes.", ", ".join(sorted(lets)) or "(none yet)"
        )


def _cure_problems(book: RuleBook, t: CureTemplate) -> Iterator[tuple[Path_, str]]:
    """A cure template's values and changes, checked against the law: a typo would silently drop the cure."""
    facts = book.phrasebook.facts
    lets: set[str] = set()
    for name, q in t.let.items():
        for problem in _quantity_problems(book, q, "action", lets):
            yield ("let", name), problem
        lets.add(name)
    for k, cond in enumerate(t.only_if):
        for name in tested_fields(cond):
            for problem in _let_reads(name, lets):
                yield ("only_if", k), problem
    for section, changes in (("removes", t.removes), ("adds", t.adds)):
        for k, change in enumerate(changes):
            if change.fact not in facts:
                yield (
                    (section, k, "fact"),
                    _Problem(
                        f"{section} fact {change.fact!r}, which no pack declares.",
                        book.phrasebook.fact_names(),
                    ),
                )
                continue
            for name in change.fields:
                if name not in facts[change.fact]:
                    yield (
                        (section, k, "fields", name),
                        _Problem(
                            f"{change.fact} has no field {name!r}.", book.phrasebook.fields_of(change.fact)
                        ),
                    )
            for cond in change.where:
                for problem in _condition_problems(book, cond, change.fact, {"action"}):
                    yield (section, k, "where"), problem
    for name in t.action:
        if name not in facts.get("action", {}):
            yield (
                ("action", name),
                _Problem(f"the action has no field {name!r}.", book.phrasebook.fields_of("action")),
            )
    if t.largest is not None and t.largest.field not in facts.get("action", {}):
        yield (
            ("largest",),
            _Problem(f"the action has no field {t.largest.field!r}.", book.phrasebook.fields_of("action")),
        )


def _expr_problems(book: RuleBook, expr: Expr, fact: str, aliases: set[str]) -> Iterator[str]:
    for e in subexprs(expr):
        if isinstance(e, Param):
            if e.id not in book.parameters:
                near = difflib.get_close_matches(e.id, sorted(book.parameters), 3, 0.6)
                hint = f" Did you mean {' or '.join(near)}?" if near else ""
                yield _Problem(
                    f"unknown parameter {e.id!r}.{hint}",
                    "a parameter id some pack declares (constraint-engine rules --params)",
                )
            elif (e.part != "value") != (book.parameters[e.id].unit == "fraction"):
                yield f"parameter {e.id!r}: part numerator/denominator is for fractions only."
        elif isinstance(e, FieldRef):
            target = e.fact or fact
            if target not in aliases | {fact}:
                known = ", ".join(sorted(aliases | {fact}))
                yield (
                    f"reference to fact {target!r}, which this rule does not match before this pattern; "
                    f"accepted: {known}."
                )
            elif target in book.phrasebook.facts and e.name not in book.phrasebook.facts[target]:
                yield f"reference to unknown field {e.name!r} of {target}."
