"""The vocabulary of the loaded law: the facts, actions and phrases every pack declares, merged and checked.

A pack declares what it lets a scenario say (`vocabulary:` in its YAML). Here the declarations of all packs
become one phrasebook; every conflict is a load error with its file and line: a fact or action declared
twice, a phrase declared twice or with two meanings, two phrases for one meaning, a phrase that another
would capture, an unknown placeholder type, a field the fact does not declare.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import json
import operator
import re
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from dataclasses import field as dc_field
from functools import partial
from typing import Any, Literal

from .errors import InputError
from .models import ActionDecl, ChoiceDecl, FieldType, Member, PhraseDecl, RulePack
from .names import Names, names
from .placeholders import CHOICE, TYPES, PlaceholderType, StepError, choice_type, implied_type, name_types
from .quantities import Derivation, Groups, facts_read, reads_parameters

PLACEHOLDER = re.compile(r"\{(\w+)\}")
_WHOLE_PLACEHOLDER = re.compile(r"^\{(\w+)\}$")
_FACT_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_REQUIRE_OPS = ("eq", "ne", "lt", "lte", "gt", "gte")
_SPACES = re.compile(r"\s+")

# The engine's own Given phrases (constraint_engine/steps.py): no pack phrase may capture them.
ENGINE_GIVENS = {
    "the date is {date}": "the date is 2026-03-01",
    'the interpretation "{name}" is "{value}"': 'the interpretation "an.interpretation" is "a-reading"',
}

# Where a declaration is: the file and line of a path in it. Loading supplies it.
Locate = Callable[[int, tuple[str | int, ...]], tuple[str, int]]


def template_regex(template: str) -> str:
    parts = PLACEHOLDER.split(template)
    return "^" + "".join(f"(?P<{p}>.+?)" if i % 2 else re.escape(p) for i, p in enumerate(parts)) + "$"


def literal_length(template: str) -> int:
    """How specific a phrase is: its characters outside placeholders."""
    return len(PLACEHOLDER.sub("", template))


@dataclass(frozen=True)
class Phrase:
    """A pack's phrase, checked: its wordings, the type of each placeholder, and what it states."""

    kind: Literal["given", "when"]
    templates: tuple[str, ...]  # the phrase, then its other wordings
    meaning: str
    example: str
    types: dict[str, PlaceholderType]
    decl: PhraseDecl
    pack: str
    file: str
    line: int
    requirements: tuple[Requirement, ...] = ()

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def convert(self, raw: dict[str, str]) -> dict[str, Any]:
        return {name: self.types[name].parse(text) for name, text in raw.items()}

    def check(self, args: dict[str, Any]) -> None:
        """The phrase's own requirements on its values (yeas cannot exceed those present)."""
        for holds, message in self.requirements:
            if not holds(args):
                shown = {n: self.types[n].show(v) for n, v in args.items()}
                raise StepError(message.format_map(shown))


Getter = Callable[[dict[str, Any]], Any]
_OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "eq": operator.eq,
    "ne": operator.ne,
    "lt": operator.lt,
    "lte": operator.le,
    "gt": operator.gt,
    "gte": operator.ge,
}


def getter(value: Any) -> Getter:
    """A field's value as a function of the phrase's values: a placeholder's, a literal, or a sum or
    difference (dates and days mix). Read once from the pack, applied to every step."""
    if isinstance(value, str) and (m := _WHOLE_PLACEHOLDER.match(value)):
        return operator.itemgetter(m.group(1))
    if isinstance(value, dict):
        ((op, (a, b)),) = value.items()
        return partial(_arithmetic_of, op, getter(a), getter(b))
    return partial(_constant, value)


# Getters and tests are module functions bound with functools.partial, never closures: a law is cached on
# disk by pickling it (law_cache.py), and a closure cannot be pickled.


def _constant(value: Any, args: dict[str, Any]) -> Any:
    return value


def _arithmetic_of(op: str, left: Getter, right: Getter, args: dict[str, Any]) -> Any:
    return _arithmetic(op, left(args), right(args))


def _arithmetic(op: str, left: Any, right: Any) -> Any:
    if isinstance(left, dt.date) and isinstance(right, dt.date):
        return (left - right).days
    if isinstance(left, dt.date):
        return left + dt.timedelta(days=right if op == "add" else -right)
    return left + right if op == "add" else left - right


def fields_of(mapping: dict[str, Any]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """The fields a phrase states, as a function of its values (read once; run for every step)."""
    fixed = {n: v for n, v in mapping.items() if _placeholder(v) is None and not isinstance(v, dict)}
    taken = [(n, p) for n, v in mapping.items() if (p := _placeholder(v)) is not None]
    computed = [(n, getter(v)) for n, v in mapping.items() if isinstance(v, dict)]

    def fields(args: dict[str, Any]) -> dict[str, Any]:
        out = fixed.copy()
        for name, placeholder in taken:
            out[name] = args[placeholder]
        for name, get in computed:
            out[name] = get(args)
        return out

    return fields


def _placeholder(value: Any) -> str | None:
    m = _WHOLE_PLACEHOLDER.match(value) if isinstance(value, str) else None
    return m.group(1) if m else None


Requirement = tuple[Callable[[dict[str, Any]], bool], str]  # holds(values), and the message if not


def _holds(
    compare: Callable[[Any, Any], bool], a: Any, b: Any, x: str | None, y: str | None
) -> Callable[[dict[str, Any]], bool]:
    if x is not None and y is not None:  # the common cases, without a call per side
        return partial(_both_hold, compare, x, y)
    if x is not None and not isinstance(b, dict):
        return partial(_one_holds, compare, x, b)
    return partial(_getters_hold, compare, getter(a), getter(b))


def _both_hold(compare: Callable[[Any, Any], bool], x: str, y: str, args: dict[str, Any]) -> bool:
    return compare(args[x], args[y])


def _one_holds(compare: Callable[[Any, Any], bool], x: str, b: Any, args: dict[str, Any]) -> bool:
    return compare(args[x], b)


def _getters_hold(
    compare: Callable[[Any, Any], bool], left: Getter, right: Getter, args: dict[str, Any]
) -> bool:
    return compare(left(args), right(args))


def requirements_of(decl: PhraseDecl) -> tuple[Requirement, ...]:
    out = []
    for req in decl.requires:
        ((op, (a, b)),) = req.that.items()
        compare, x, y = _OPERATORS[op], _placeholder(a), _placeholder(b)
        holds = _holds(compare, a, b, x, y)
        out.append((holds, req.message))
    return tuple(out)


_NONE: dict[str, Derivation] = {}


def either_of(words: list[str]) -> str:
    """Words as a reader lists alternatives: "a", "a or b", "a, b or c"."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


@dataclass(frozen=True)
class Phrasebook:
    facts: dict[str, dict[str, FieldType]]  # every fact type and its fields, the action's included
    meanings: dict[str, str]
    derived: dict[tuple[str, str], Derivation]  # (fact, field) computed or filled in -> how, in pack order
    words: dict[tuple[str, str], str]  # (fact, field) -> the field in words for people
    actions: dict[str, ActionDecl]
    phrases: tuple[Phrase, ...]
    made: tuple[str, ...] = ()  # facts made once for every case from their derived fields
    names: Names = dc_field(default_factory=names)  # every name a phrase accepts, the packs' own included
    readings: dict[str, tuple[str, ...]] = dc_field(default_factory=dict)  # each interpretation's choices
    groups: Groups = dc_field(default_factory=dict)  # each group's members with their days

    def derivations(self, fact: str) -> dict[str, Derivation]:
        """One fact type's derived fields, in the order written (indexed once: it runs for every fact)."""
        return self._derived_by_type.get(fact, _NONE)

    @functools.cached_property
    def _derived_by_type(self) -> dict[str, dict[str, Derivation]]:
        out: dict[str, dict[str, Derivation]] = {}
        for (fact, field), d in self.derived.items():
            out.setdefault(fact, {})[field] = d
        return out

    @functools.cached_property
    def read_only_to_derive(self) -> frozenset[str]:
        """Fact types the packs read to derive a quantity (baselines, adjournments): the law reads them even
        where no rule matches them, so a verdict never says that no pack considers them."""
        read: set[str] = set()
        for (fact, _), d in self.derived.items():
            if fact not in self.made:  # a made fact is read by rules in its own right
                read |= facts_read(d.value) | facts_read(d.default)
        return frozenset(read)

    @functools.cached_property
    def derivations_read_parameters(self) -> bool:
        """Some derived quantity reads a parameter: the engine facts then differ with the law's settings."""
        return any(reads_parameters(d.value) or reads_parameters(d.default) for d in self.derived.values())

    def action_words(self, kinds: list[str]) -> str:
        """The kinds of action in words, as their packs declare them: "withdraw ... or suspend ..."."""
        return either_of([self.actions[k].meaning if k in self.actions else k for k in kinds])

    def fact_words(self, fact: str) -> str:
        """A fact in words: its declared meaning, without the final full stop."""
        return self.meanings.get(fact, fact.replace("_", " ")).rstrip(".")

    def field_words(self, fact: str, field: str) -> str:
        """A field in words for people: as its pack declares them, else its name with spaces."""
        return self.words.get((fact, field), field.replace("_", " "))

    def fields_of(self, fact: str) -> str:
        return f"fields of {fact}: " + (", ".join(self.facts.get(fact, {})) or "(none)")

    def fact_names(self) -> str:
        return ", ".join(f for f in self.facts if f != "action") or "(none)"


def _groups(packs: list[RulePack], known: Names, err: Callable[..., None]) -> Groups:
    """Every group with its members' days (ordinals), the groups it includes taken in with theirs."""
    declared = {(name, i): g for i, pack in enumerate(packs) for name, g in pack.vocabulary.groups.items()}
    by_name = {name: g for (name, _), g in declared.items()}
    out: Groups = {}

    def members(name: str, seen: tuple[str, ...]) -> tuple[tuple[str, int | None, int | None], ...]:
        if name in out:
            return out[name]
        found: list[tuple[str, int | None, int | None]] = []
        for m in by_name[name].members:
            m = Member(name=m) if isinstance(m, str) else m
            canonical = known.canonical(m.name) or m.name
            since = None if m.since is None else m.since.toordinal()
            until = None if m.until is None else m.until.toordinal()
            found.append((canonical, since, until))
        for inner in by_name[name].include:
            if inner in by_name and inner not in seen:
                found += members(inner, (*seen, inner))
        out[name] = tuple(found)
        return out[name]

    for (name, i), g in declared.items():
        for k, m in enumerate(g.members):
            text = m if isinstance(m, str) else m.name
            if known.canonical(text) is None:
                every = [n for kind in known.kinds.values() for n in kind.canonical]
                near = difflib.get_close_matches(text, every, 3, 0.6)
                hint = f" Did you mean {' or '.join(near)}?" if near else ""
                err(
                    i,
                    ("groups", name, "members", k),
                    f"group {name}: {text!r} is not a name the law knows.{hint}",
                    "a name of vocabulary/names.yaml or one a pack adds under names:",
                )
        for inner in g.include:
            if inner not in by_name:
                err(
                    i,
                    ("groups", name, "include"),
                    f"group {name} includes {inner!r}, which no pack declares.",
                    ", ".join(by_name),
                )
        members(name, (name,))
    return out


def book_names(facts: dict[str, dict[str, FieldType]]) -> str:
    return "facts: " + ", ".join(f for f in facts if f != "action")


def build(packs: list[RulePack], locate: Locate) -> tuple[Phrasebook, list[InputError]]:
    """Merge the packs' vocabularies into one phrasebook; the errors list every conflict found."""
    errors: list[InputError] = []

    def err(i: int, loc: tuple[str | int, ...], problem: str, accepted: str = "") -> None:
        file, line = locate(i, ("vocabulary", *loc))
        errors.append(InputError(problem, file=file, line=line, accepted=accepted))

    facts: dict[str, dict[str, FieldType]] = {}
    meanings: dict[str, str] = {}
    derived: dict[tuple[str, str], Derivation] = {}
    made: list[str] = []
    words: dict[tuple[str, str], str] = {}
    actions: dict[str, ActionDecl] = {}
    declared_at: dict[str, str] = {}
    for i, pack in enumerate(packs):
        for name, fact in pack.vocabulary.facts.items():
            here = ":".join(map(str, locate(i, ("vocabulary", "facts", name))))
            if not _FACT_NAME.match(name):
                err(i, ("facts", name), f"fact {name!r}: a fact's name is lower case, with _ between words.")
            elif f"fact {name}" in declared_at:
                err(
                    i,
                    ("facts", name),
                    f"fact {name!r} is already declared at {declared_at[f'fact {name}']}.",
                    "each fact declared once; other packs read it by name",
                )
            else:
                declared_at[f"fact {name}"] = here
                facts[name], meanings[name] = dict(fact.fields), fact.meaning
                if fact.made:
                    made.append(name)
                for field, said in fact.words.items():
                    words[(name, field)] = said
                for field, how in fact.derived.items():
                    if field not in fact.fields:
                        err(
                            i,
                            ("facts", name, "derived", field),
                            f"derived field {field!r} is not a field of {name}.",
                        )
                    derived[(name, field)] = how
        for kind, action in pack.vocabulary.actions.items():
            if f"action {kind}" in declared_at:
                err(
                    i,
                    ("actions", kind),
                    f"action {kind!r} is already declared at {declared_at[f'action {kind}']}.",
                    "each kind of action declared once",
                )
            else:
                declared_at[f"action {kind}"] = ":".join(map(str, locate(i, ("vocabulary", "actions", kind))))
                actions[kind] = action
    for i, pack in enumerate(packs):
        for name, type_ in pack.vocabulary.action_fields.items():
            if "action" not in facts:
                err(i, ("action_fields",), "action fields are added to the action, which no pack declares.")
                break
            if name in facts["action"]:
                err(
                    i,
                    ("action_fields", name),
                    f"the action already has a field {name!r}.",
                    "a new field name",
                )
            else:
                facts["action"][name] = type_
        for name, said in pack.vocabulary.action_words.items():
            words[("action", name)] = said
        for name, how in pack.vocabulary.action_derived.items():
            if name not in facts.get("action", {}):
                err(i, ("action_derived", name), f"derived field {name!r} is not a field of the action.")
            else:
                derived[("action", name)] = how
    for i, pack in enumerate(packs):
        owned: list[tuple[tuple[str | int, ...], Derivation]] = [
            (("facts", n, "derived", f), d)
            for n, fd in pack.vocabulary.facts.items()
            for f, d in fd.derived.items()
        ]
        owned += [(("action_derived", f), d) for f, d in pack.vocabulary.action_derived.items()]
        for where, d in owned:
            for name in sorted(facts_read(d.value) | facts_read(d.default)):
                if name not in facts:
                    err(
                        i,
                        where,
                        f"the derived field reads fact {name!r}, which no pack declares.",
                        book_names(facts),
                    )
    known = names()
    for i, pack in enumerate(packs):
        for kind, listed in pack.vocabulary.names.items():
            if not _FACT_NAME.match(kind):
                err(
                    i,
                    ("names", kind),
                    f"{kind!r} is not a kind of name.",
                    "actor, country, program, or a new kind",
                )
                continue
            try:
                known = known.with_added(kind, listed, pack.pack)
            except InputError as exc:
                err(i, ("names", kind), exc.problem)
    groups = _groups(packs, known, err)
    kinds = {**TYPES, **name_types(known)}
    phrases: list[Phrase] = []
    for i, pack in enumerate(packs):
        for j, decl in enumerate(pack.vocabulary.phrases):
            problems = list(_phrase_problems(decl, facts, derived, actions, kinds))
            for loc, problem, accepted in problems:
                err(i, ("phrases", j, *loc), problem, accepted)
            if not problems:
                file, line = locate(i, ("vocabulary", "phrases", j))
                phrases.append(_phrase(decl, pack.pack, file, line, kinds))
    readings = {p.id: tuple(p.choices) for pack in packs for p in pack.parameters if p.is_interpretation}
    book = Phrasebook(
        facts, meanings, derived, words, actions, tuple(phrases), tuple(made), known, readings, groups
    )
    engine = [
        Wording("given", t, re.compile(template_regex(t)), example, "the engine's own phrase", f"engine {t}")
        for t, example in ENGINE_GIVENS.items()
    ]
    errors += conflicts(list(book.phrases), engine)
    return book, errors


def _types(decl: PhraseDecl, kinds: dict[str, PlaceholderType]) -> dict[str, PlaceholderType]:
    out = {}
    for name in PLACEHOLDER.findall(decl.template):
        given = decl.types.get(name)
        if isinstance(given, ChoiceDecl):
            out[name] = choice_type(name, given.choices)
        else:
            out[name] = kinds[given or implied_type(name, kinds) or ""]
    return out


def _phrase(decl: PhraseDecl, pack: str, file: str, line: int, kinds: dict[str, PlaceholderType]) -> Phrase:
    return Phrase(
        decl.kind,
        (decl.template, *decl.also),
        decl.meaning,
        decl.example or decl.template,
        _types(decl, kinds),
        decl,
        pack,
        file,
        line,
        requirements_of(decl),
    )


Problem = tuple[tuple[str | int, ...], str, str]


def _phrase_problems(
    decl: PhraseDecl,
    facts: dict[str, dict[str, FieldType]],
    derived: dict[tuple[str, str], Derivation],
    actions: dict[str, ActionDecl],
    kinds: dict[str, PlaceholderType],
) -> Iterator[Problem]:
    kind = decl.kind
    template = decl.template
    names = PLACEHOLDER.findall(template)
    type_names = ", ".join([*kinds, CHOICE])
    if len(set(names)) != len(names):
        yield (kind,), f"a placeholder appears twice in {template!r}.", "each {name} once"
    for wording in (template, *decl.also):
        parts = PLACEHOLDER.split(wording)
        for i in range(2, len(parts) - 1, 2):
            if not re.search(r"\w", parts[i]):
                # F05: with nothing but spaces between them, a step can be split between the placeholders in
                # very many ways, and matching a long step backtracked for minutes.
                yield (
                    (kind,),
                    f"{wording!r}: {{{parts[i - 1]}}} and {{{parts[i + 1]}}} have no word between them.",
                    "a word between any two placeholders, e.g. '{count} troops from {country}'",
                )
    if _SPACES.sub(" ", template.strip()) != template or not template:
        yield (kind,), f"{template!r}: a phrase has single spaces and no space at its ends.", ""
    types: dict[str, str] = {}
    for name in names:
        given = decl.types.get(name)
        if given is None:
            implied = implied_type(name, kinds)
            if implied is None:
                yield (
                    ("types",) if decl.types else (kind,),
                    f"placeholder {{{name}}} has no type.",
                    f"types: {{{name}: TYPE}} with TYPE one of {type_names}; or a placeholder named for its "
                    "type ({date}, {count}, {country2})",
                )
                continue
            types[name] = kinds[implied].field_type
        elif isinstance(given, ChoiceDecl):
            types[name] = "str"
        elif given not in kinds:
            yield (
                ("types", name),
                f"unknown placeholder type {given!r} for {{{name}}}.",
                f"one of {type_names}",
            )
        else:
            types[name] = kinds[given].field_type
    for name in decl.types:
        if name not in names:
            yield (
                ("types", name),
                f"types names {{{name}}}, which the phrase does not have.",
                ", ".join(names),
            )
    for k, other in enumerate(decl.also):
        if sorted(PLACEHOLDER.findall(other)) != sorted(names):
            yield (
                ("also", k),
                f"the wording {other!r} has other placeholders than the phrase.",
                ", ".join(names),
            )
    if names and not decl.example:
        yield (kind,), "a phrase with placeholders needs an example.", "example: the phrase with real values"
    if len(types) < len(names):
        return  # the rest needs every placeholder's type
    for k, req in enumerate(decl.requires):
        yield from _requirement_problems(("requires", k), req.that, req.message, types)
    if decl.asserts is not None:
        fact = decl.asserts.fact
        if fact not in facts or fact == "action":
            accepted = ", ".join(f for f in facts if f != "action")
            yield ("asserts", "fact"), f"unknown fact {fact!r}.", f"a fact some pack declares: {accepted}"
        else:
            yield from _field_problems(
                ("asserts", "fields"), fact, decl.asserts.fields, facts, derived, types
            )
            for field in decl.asserts.once_per or []:
                if field not in decl.asserts.fields:
                    yield (
                        ("asserts", "once_per"),
                        f"once_per names {field!r}, which the phrase does not set.",
                        "",
                    )
    if decl.qualifies is not None:
        for field in ("kind", "actor", "date"):
            if field in decl.qualifies:
                yield ("qualifies", field), f"a Given phrase cannot set the action's {field}.", "other fields"
        yield from _field_problems(("qualifies",), "action", decl.qualifies, facts, derived, types)
    if decl.proposes is not None:
        yield from _proposal_problems(decl.proposes, facts, derived, actions, types, kinds["actor"].parse)
    problem = _example_problem(decl, kinds)
    if problem:
        yield ("example",), problem, "the phrase with real values, each one its placeholder accepts"


def _proposal_problems(
    proposes: dict[str, Any],
    facts: dict[str, dict[str, FieldType]],
    derived: dict[tuple[str, str], Derivation],
    actions: dict[str, ActionDecl],
    types: dict[str, str],
    parse_actor: Callable[[str], Any],
) -> Iterator[Problem]:
    kind = proposes.get("kind")
    if kind not in actions:
        yield (
            ("proposes", "kind"),
            f"unknown action {kind!r}.",
            "a kind some pack declares: " + ", ".join(actions),
        )
    actor = proposes.get("actor")
    if actor is None:
        yield ("proposes",), "the action names its actor.", "actor: '{actor}', or an actor of the law's names"
    elif isinstance(actor, str) and _WHOLE_PLACEHOLDER.match(actor):
        pass  # typed below like any field
    else:
        try:
            if parse_actor(str(actor)) != actor:
                yield ("proposes", "actor"), f"write the actor's canonical name for {actor!r}.", ""
        except StepError as exc:
            yield ("proposes", "actor"), str(exc), ""
    if "date" in proposes:
        yield ("proposes", "date"), "the action's date is the scenario's date.", "Given the date is ..."
    if "action" not in facts:
        yield ("proposes",), "no pack declares the action (facts: {action: ...}).", "rules/vocabulary.yaml"
        return
    rest = {k: v for k, v in proposes.items() if k not in ("kind", "date")}
    yield from _field_problems(("proposes",), "action", rest, facts, derived, types)


def _field_problems(
    loc: tuple[str | int, ...],
    fact: str,
    mapping: dict[str, Any],
    facts: dict[str, dict[str, FieldType]],
    derived: dict[tuple[str, str], Derivation],
    types: dict[str, str],
) -> Iterator[Problem]:
    known = facts[fact]
    for field, value in mapping.items():
        if field not in known:
            yield (
                (*loc, field),
                f"{fact} has no field {field!r}.",
                f"fields of {fact}: {', '.join(known) or '(none)'}",
            )
            continue
        if (fact, field) in derived and derived[(fact, field)].value is not None:
            yield (*loc, field), f"{fact}.{field} is derived by the engine; no phrase states it.", ""
            continue
        got = _value_type(value, types)
        if got.startswith("error:"):
            yield (
                (*loc, field),
                got.removeprefix("error:"),
                "a {placeholder}, a literal, or {add|sub: [A, B]}",
            )
        elif got != known[field]:
            yield (*loc, field), f"{fact}.{field} is a {known[field]}, but this gives a {got}.", ""


def _value_type(value: Any, types: dict[str, str]) -> str:
    if isinstance(value, bool):
        return "error: yes/no is not a field value; write a word in quotes, such as 'yes'."
    if isinstance(value, str):
        m = _WHOLE_PLACEHOLDER.match(value)
        if m:
            return types.get(m.group(1), f"error: {value} is not a placeholder of the phrase.")
        if PLACEHOLDER.search(value):
            return f"error: {value!r} mixes a placeholder with text; a field takes one placeholder whole."
        return "str"
    if isinstance(value, int):
        return "int" if value >= 0 else "error: a number in a phrase's fields is zero or more."
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, dict) and len(value) == 1:
        ((op, args),) = value.items()
        if op in ("add", "sub") and isinstance(args, list) and len(args) == 2:
            a, b = (_value_type(x, types) for x in args)
            for t in (a, b):
                if t.startswith("error:"):
                    return t
            if (a, b) == ("int", "int") or (op == "add" and (a, b) == ("date", "int")):
                return a
            if op == "sub" and (a, b) == ("date", "int"):
                return "date"
            if op == "sub" and (a, b) == ("date", "date"):
                return "int"
            return f"error: cannot {op} a {b} and a {a}."
    return f"error: {value!r} is not a value."


def _requirement_problems(
    loc: tuple[str | int, ...], that: dict[str, list[Any]], message: str, types: dict[str, str]
) -> Iterator[Problem]:
    if len(that) != 1:
        yield loc, "a requirement is one comparison.", "{lte: [A, B]}"
        return
    ((op, args),) = that.items()
    if op not in _REQUIRE_OPS or not isinstance(args, list) or len(args) != 2:
        yield loc, f"requirement {op!r} is not a comparison of two values.", ", ".join(_REQUIRE_OPS)
        return
    a, b = (_value_type(x, types) for x in args)
    if a.startswith("error:") or b.startswith("error:"):
        yield loc, (a if a.startswith("error:") else b).removeprefix("error:"), ""
    elif a != b:
        yield loc, f"the requirement compares a {a} with a {b}.", "two values of one type"
    try:
        used = {f for _, f, _, _ in string.Formatter().parse(message) if f is not None}
    except ValueError as exc:
        yield (*loc, "message"), f"the message is not a template: {exc}.", "text with {placeholders}"
        return
    extra = sorted(used - set(types))
    if extra:
        yield (*loc, "message"), f"the message names {', '.join(extra)}, which the phrase does not have.", ""


def _example_problem(decl: PhraseDecl, kinds: dict[str, PlaceholderType]) -> str | None:
    example = decl.example or decl.template
    m = re.match(template_regex(decl.template), example)
    if not m:
        return f"the example {example!r} is not written in the phrase {decl.template!r}."
    try:
        phrase = _phrase(decl, "", "", 0, kinds)
        phrase.check(phrase.convert(m.groupdict()))
    except StepError as exc:
        return f"the example does not hold: {exc}."
    return None


def effect(phrase: Phrase) -> str:
    """What a phrase states, with each placeholder replaced by its type: equal effects, equal meanings."""

    def blank(value: Any) -> Any:
        if isinstance(value, str):
            m = _WHOLE_PLACEHOLDER.match(value)
            return f"<{phrase.types[m.group(1)].name}>" if m else value
        if isinstance(value, dict):
            return {k: [blank(x) for x in v] for k, v in value.items()}
        return str(value)

    decl = phrase.decl
    parts: dict[str, Any] = {"kind": phrase.kind}
    if decl.asserts is not None:
        parts["asserts"] = [decl.asserts.fact, {k: blank(v) for k, v in decl.asserts.fields.items()}]
    for name in ("qualifies", "proposes"):
        mapping = getattr(decl, name)
        if mapping is not None:
            parts[name] = {k: blank(v) for k, v in mapping.items()}
    return json.dumps(parts, sort_keys=True)


@dataclass(frozen=True)
class Wording:
    """One wording of a phrase, for the conflict checks: its template, regex and a text written in it."""

    kind: str
    template: str
    regex: re.Pattern[str]
    example: str
    where: str
    effect: str


def wordings(phrase: Phrase) -> list[Wording]:
    main = re.match(template_regex(phrase.templates[0]), phrase.example)
    values = main.groupdict() if main else {}
    out = []
    for template in phrase.templates:
        example = PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)
        out.append(
            Wording(
                phrase.kind,
                template,
                re.compile(template_regex(template)),
                example,
                phrase.where,
                effect(phrase),
            )
        )
    return out


def conflicts(phrases: list[Phrase], core: list[Wording] | None = None) -> list[InputError]:
    """Duplicate phrases, one phrase with two meanings, two phrases for one meaning, and shadowing."""
    errors = []
    ours = [w for p in phrases for w in wordings(p)]
    everyone = [*(core or []), *ours]
    mine = {id(w) for w in ours}  # by identity: comparing wordings field by field is quadratic work
    by_shape: dict[tuple[str, str], Wording] = {}
    by_effect: dict[str, Wording] = {}
    repeated: set[int] = set()  # wordings already reported as declared twice: not again as shadows
    for w in everyone:
        shape = (w.kind, PLACEHOLDER.sub("{}", w.template))
        first = by_shape.get(shape)
        if first is not None:
            repeated.add(id(w))
            same = first.effect == w.effect
            errors.append(
                _conflict(
                    w,
                    f"the phrase {w.template!r} is already declared at {first.where}"
                    + ("." if same else ", with another meaning: one phrase with two meanings."),
                    "each phrase once; reword one of them",
                )
            )
            continue
        by_shape[shape] = w
    for p in phrases:
        first_w = next(w for w in ours if w.where == p.where)
        other = by_effect.get(first_w.effect)
        if other is not None and other.where != first_w.where and id(first_w) not in repeated:
            errors.append(
                _conflict(
                    first_w,
                    f"the phrase {first_w.template!r} states the same as {other.template!r} ({other.where}): "
                    "two phrases for one meaning.",
                    "one phrase, with the other wording under also:",
                )
            )
        by_effect.setdefault(first_w.effect, first_w)
    for ia, a in enumerate(everyone):
        for ib, b in enumerate(everyone):
            if ia == ib or a.kind != b.kind or (a.where == b.where and a.effect == b.effect):
                continue
            if id(a) in repeated or id(b) in repeated:
                continue
            if not (id(a) in mine or id(b) in mine) or not a.regex.match(b.example):
                continue
            mutual = bool(b.regex.match(a.example))
            if (mutual and ia > ib) or (
                not mutual and literal_length(b.template) > literal_length(a.template)
            ):
                continue  # reported once; or the more specific phrase is tried first, as it should be
            errors.append(
                _conflict(
                    b if id(b) in mine else a,
                    f"the phrase {a.template!r} ({a.where}) would also capture {b.example!r}, written in "
                    f"{b.template!r}: one shadows the other.",
                    "phrases that no text can match both ways; make one more specific",
                )
            )
    return errors


def _conflict(w: Wording, problem: str, accepted: str) -> InputError:
    file, _, line = w.where.rpartition(":")
    return InputError(
        problem, file=file or None, line=int(line) if line.isdigit() else None, accepted=accepted
    )
