"""Load rule pack files: safe YAML, validated models and cross-pack checks, each error with file and line."""

from __future__ import annotations

import datetime as dt
import functools
import importlib.resources
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .citations import CitationIndex
from .conditions import Among, AnyOf, Condition, Expr, FieldRef, Lit, Param, subexprs
from .errors import InputError, InputErrors
from .inputs import read_text, visible_everywhere
from .models import PRIMARY_SOURCE_KINDS, Lift, NotALift, Parameter, Provision, RulePack, Source
from .names import names
from .phrasebook import Phrasebook, build, template_regex

Path_ = tuple[str | int, ...]


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
    def interpretations(self) -> frozenset[str]:
        """The ids of the named interpretations (parameters of unit choice)."""
        return frozenset(p.id for p in self.parameters.values() if p.is_interpretation)

    def value(self, pid: str, day: dt.date, overrides: dict[str, Any] | None = None) -> Any:
        """A parameter's value for an evaluation: the run's override, else the value in force on `day`."""
        if overrides and pid in overrides:
            return overrides[pid]
        return self.parameters[pid].value_on(day)

    def active_where(
        self, prov: Provision, day: dt.date, overrides: dict[str, Any] | None = None
    ) -> list[Any]:
        """A provision's conditions on the action, with the case of each interpretation in force."""
        where = list(prov.applies_to.where)
        for dep in prov.applies_to.depending_on:
            where += dep.cases[str(self.value(dep.interpretation, day, overrides))]
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


def _lines(node: yaml.Node, path: Path_, out: dict[Path_, int]) -> None:
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            sub = (*path, str(key.value))
            out[sub] = key.start_mark.line + 1
            _lines(value, sub, out)
            out[sub] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _lines(item, (*path, i), out)


def _line_for(loc: Iterable[Any], lines: dict[Path_, int]) -> int:
    path: Path_ = ()
    best = lines.get((), 1)
    for part in loc:
        path = (*path, part)
        if path in lines:
            best = lines[path]
    return best


def safe_loader() -> Any:
    """The safe loader to use: the C one (several times faster) when it builds this `yaml`'s nodes, else the
    pure-Python one; both construct no Python objects.

    Decided when a pack is loaded, not when this module is imported: the C extension `yaml._yaml` is
    initialised once per process, so after `yaml` is imported again (pytester's in-process runs, a
    reloader, notebook autoreload) it still builds the first import's node classes, which the new
    constructor does not recognise ("could not determine a constructor for the tag None")."""
    c_loader = getattr(yaml, "CSafeLoader", None)
    if c_loader is None:
        return yaml.SafeLoader
    key = id(yaml.nodes.MappingNode)
    known = _C_LOADER_FITS.get(key)
    if known is None:
        probe = c_loader("a: 1")
        try:
            known = isinstance(probe.get_single_node(), yaml.nodes.MappingNode)
        finally:
            probe.dispose()
        _C_LOADER_FITS[key] = known
    return c_loader if known else yaml.SafeLoader


_C_LOADER_FITS: dict[int, bool] = {}


def load_yaml(text: str, file: str) -> tuple[Any, dict[Path_, int]]:
    """Parse YAML with the safe loader only; a tag that would build a Python object is refused."""
    if "\x00" in text:
        raise InputError(
            "the file holds a NUL byte.",
            file=file,
            line=text[: text.index("\x00")].count("\n") + 1,
            accepted="a UTF-8 YAML text file",
        )
    try:
        loader = safe_loader()(text)
    except yaml.YAMLError as exc:  # the reader refuses control characters before parsing starts
        raise InputError(f"YAML error: {exc}.", file=file, line=1, accepted="printable UTF-8 text") from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise InputError(
                "the file is empty.", file=file, line=1, accepted="a YAML mapping with a 'pack' key"
            )
        _check_nodes(node, file)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = (exc.problem or str(exc)).strip()
        if isinstance(exc, yaml.constructor.ConstructorError):
            problem += " (rule packs are data: tags that construct objects are refused)"
        raise InputError(
            f"YAML error: {problem}.", file=file, line=line, accepted="plain YAML data"
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(f"YAML error: {exc}.", file=file, line=1, accepted="plain YAML data") from None
    except ValueError as exc:  # PyYAML builds dates itself and raises a bare ValueError for 2026-02-30
        raise InputError(
            f"{exc}.",
            file=file,
            line=_bad_timestamp_line(loader, node),
            accepted="a real calendar date, YYYY-MM-DD",
        ) from None
    finally:
        loader.dispose()
    lines: dict[Path_, int] = {}
    _lines(node, (), lines)
    return data, lines


MAX_EXPANDED_NODES = 100_000  # values any pack may reach once its aliases are expanded (the law has ~10,000)
ALIAS_GROWTH = 10  # a larger pack may grow by aliases to this many times the values it writes
MAX_PACK_NODES = 2_000_000  # values one pack may write (a 10,000-provision pack writes about 300,000)


def _check_nodes(root: yaml.Node, file: str) -> None:
    """One walk over the document before anything is built from it. Aliases may reuse a value; they may not
    expand a file to millions of values, nor contain themselves. A key may not be given twice in a mapping:
    YAML would silently keep only the last value."""
    size: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:  # iterative, so a deep document cannot exhaust Python's recursion either
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            open_nodes.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in children)
            continue
        if key in size:
            continue
        if key in open_nodes:
            raise InputError(
                "a YAML alias refers to a value that contains it.",
                file=file,
                line=node.start_mark.line + 1,
                accepted="aliases to values defined before them, without cycles",
            )
        if isinstance(node, yaml.MappingNode):
            _refuse_duplicate_keys(node, file)
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in size)
    # Sizes are counted, never built, so the walk is linear in the file even when aliases would expand it.
    written, expanded = len(size), size[id(root)]
    if written > MAX_PACK_NODES:
        raise InputError(
            f"the pack holds {written:,} values, more than the {MAX_PACK_NODES:,} one pack may hold.",
            file=file,
            line=1,
            accepted="a statute per pack: split a larger body of law over several packs",
        )
    if expanded > max(MAX_EXPANDED_NODES, ALIAS_GROWTH * written):
        # F07: this used to be said of any large pack, aliases or none.
        raise InputError(
            f"YAML aliases expand this file from {written:,} to {expanded:,} values.",
            file=file,
            line=1,
            accepted=f"aliases that reuse a value a few times (as rules/README.md shows): at most "
            f"{max(MAX_EXPANDED_NODES, ALIAS_GROWTH * written):,} values once expanded",
        )


def _refuse_duplicate_keys(node: yaml.MappingNode, file: str) -> None:
    first: dict[str, int] = {}
    for key, _ in node.value:
        if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
            line = key.start_mark.line + 1
            if key.value in first:
                raise InputError(
                    f"{key.value}: duplicate key (first given on line {first[key.value]}); YAML "
                    "would silently keep only the last value.",
                    file=file,
                    line=line,
                    accepted="each key once in a mapping",
                )
            first[key.value] = line


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _bad_timestamp_line(loader: Any, node: yaml.Node | None) -> int | None:
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode) and current.tag == "tag:yaml.org,2002:timestamp":
            try:
                loader.construct_yaml_timestamp(current)
            except ValueError:
                return current.start_mark.line + 1
        elif isinstance(current, yaml.MappingNode):
            stack.extend(v for kv in current.value for v in kv)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return None


def _describe(err: Any) -> str:
    loc = ".".join(str(p) for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    msg = str(err["msg"]).removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        msg = "unknown key"
    elif err["type"] == "missing":
        msg = "required key is missing"
    return f"{loc}: {msg}" if loc else msg


def load_pack(path: Path) -> tuple[RulePack, dict[Path_, int]]:
    file = str(path)
    text = read_text(path, "a UTF-8 YAML rule pack")
    data, lines = load_yaml(text, file)
    data = visible_everywhere(data)
    if not isinstance(data, dict):
        raise InputError(
            "a rule pack is a YAML mapping.", file=file, line=1, accepted="keys pack, title, ..."
        )
    try:
        return RulePack.model_validate(data), lines
    except ValidationError as exc:
        errors = [
            InputError(
                _describe(e) + ".",
                file=file,
                line=_line_for(e["loc"], lines),
                accepted=_accepted_for(e),
            )
            for e in exc.errors()
        ]
        raise InputErrors(errors) from None


def _accepted_for(err: Any) -> str:
    if err["type"] == "extra_forbidden":
        return "the keys documented in rules/README.md (installed as constraint_engine/rules/README.md)"
    if err["type"] == "literal_error":
        return str(err.get("ctx", {}).get("expected", ""))
    if err["type"].startswith("date"):
        return "an ISO date such as 2023-12-22"
    return ""


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

    def locate(i: int, loc: Path_) -> tuple[str, int]:
        return str(loaded[i][0]), _line_for(loc, loaded[i][2])

    phrasebook, errors = build([p for _, p, _ in loaded], locate)
    book = RuleBook(
        packs=tuple(p for _, p, _ in loaded), files=tuple(str(f) for f, _, _ in loaded), phrasebook=phrasebook
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
                index[item.id] = item
                book.pack_of.setdefault(item.id, pack.pack)
    for f, pack, lines in loaded:
        yield from _check_references(book, f, pack, lines)


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


def _expr_problems(book: RuleBook, expr: Expr, fact: str, aliases: set[str]) -> Iterator[str]:
    for e in subexprs(expr):
        if isinstance(e, Param):
            if e.id not in book.parameters:
                yield f"unknown parameter {e.id!r}."
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
