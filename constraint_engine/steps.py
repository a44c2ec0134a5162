"""The steps of a scenario: the engine's own phrases, and the machinery that turns the phrases rule packs
declare into step matchers and facts.

Every phrase that names a statute's facts or actions is declared in a rule pack (`vocabulary:` in its YAML,
merged by `phrasebook`); this module keeps only what is not law: the date, interpretations, the Then checks,
and the builder that collects what a scenario states. One registry per loaded law serves the CLI runner and
pytest-bdd alike (the plugin builds pytest-bdd steps from it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal

from .citations import CitationIndex, matches
from .errors import InputError, InputErrors
from .explaining import verdict_words
from .facts import Fact, Proposal
from .models import SubjectSince
from .phrasebook import (
    ENGINE_GIVENS,
    PLACEHOLDER,
    Phrase,
    Phrasebook,
    fields_of,
    literal_length,
    template_regex,
)
from .placeholders import TYPES, PlaceholderType, StepError, parse_date

if TYPE_CHECKING:
    from .loading import RuleBook

__all__ = ["StepError", "parse_date"]  # re-exported: callers read both as part of the steps

StepKind = Literal["given", "when", "then"]


class ExpectationFailed(AssertionError):
    """A Then step whose expectation does not hold."""


def check_citation(index: CitationIndex, citation: str) -> None:
    """A citation must name some provision of the rule packs (in force on any date)."""
    if not index.provisions(citation):
        near = "; ".join(f'"{c}"' for c in index.nearest(citation))
        raise StepError(
            f'unknown citation "{citation}": it names no provision of the rule packs, so the step could '
            f"never be checked; nearest known citations: {near}"
        )


def check_references(builder: ScenarioBuilder, args: dict[str, Any]) -> None:
    """A Then step's citation or interpretation must be one the law knows: else it could never be checked."""
    if "citation" in args and builder.citations is not None:
        check_citation(builder.citations, args["citation"])
    if "name" in args and builder.interpretations is not None:
        check_interpretation(builder.interpretations, args["name"])


def check_interpretation(known: frozenset[str], name: str) -> None:
    if name not in known:
        near = difflib.get_close_matches(name, sorted(known), n=3, cutoff=0.0)
        raise StepError(
            f"unknown interpretation {name!r}, so the step could never be checked; accepted: "
            f"{', '.join(sorted(known))}" + (f" (nearest: {near[0]})" if near else "")
        )


# -- the scenario being built ------------------------------------------------------------------------


@dataclass
class Expectation:
    text: str
    line: int | None
    check: Callable[[Any], None]
    needs_dependence: bool = False  # it reads depends_on, which a brief verdict computes only on demand


@dataclass
class ScenarioBuilder:
    """Collects what the Given and When steps assert; `proposal()` validates it as a whole."""

    date: dt.date | None = None
    action: Fact | None = None
    action_text: str = ""
    action_since: SubjectSince | None = None  # the day the action's subject came to exist
    facts: list[Fact] = field(default_factory=list)
    qualifiers: dict[str, tuple[Any, str]] = field(default_factory=dict)  # action field -> (value, step)
    details: list[str] = field(default_factory=list)
    assumptions: list[tuple[str, str, str]] = field(
        default_factory=list
    )  # (interpretation, value, step text)
    expectations: list[Expectation] = field(default_factory=list)
    # The citations the rule packs know: a Then step naming none of them is an error, never a vacuous pass.
    citations: CitationIndex | None = None
    # The interpretations the rule packs name: likewise for "depends on the interpretation ...".
    interpretations: frozenset[str] | None = None

    def set_date(self, day: dt.date) -> None:
        if self.date is not None:
            raise StepError(f"the date is already given as {self.date}; a scenario has one date")
        self.date = day

    def add_fact(
        self, type_: str, fields: dict[str, Any], text: str, once_per: list[str] | None = None
    ) -> None:
        """A fact; with `once_per`, a second one of this type (with these fields equal) is an error."""
        if once_per is not None:
            for earlier in self.facts:
                if earlier.type == type_ and all(earlier.fields.get(f) == fields.get(f) for f in once_per):
                    raise StepError(f"{earlier.text!r} is already given; a scenario states it once")
        self.facts.append(Fact(type=type_, fields=fields, text=text))

    def qualify(self, fields: dict[str, Any], text: str) -> None:
        """Fields of the action a Given states (the day equipment arrived in the area)."""
        for name in fields:
            if name in self.qualifiers:
                raise StepError(f"{self.qualifiers[name][1]!r} is already given; a scenario states it once")
        self.qualifiers.update({name: (value, text) for name, value in fields.items()})
        self.details.append(text)

    def assume(self, name: str, value: str, text: str) -> None:
        if any(n == name for n, _, _ in self.assumptions):
            raise StepError(f"the interpretation {name!r} is already given; a scenario gives each one once")
        self.assumptions.append((name, value, text))

    def set_action(self, text: str, since: SubjectSince | None = None, **fields: Any) -> None:
        if self.action is not None:
            raise StepError(
                f"a second When step; a scenario proposes exactly one action (the first: {self.action_text!r})"
            )
        self.action = Fact(type="action", fields=fields, text=text)
        self.action_text = text
        self.action_since = since

    def proposal(self, today: dt.date) -> Proposal:
        if self.action is None:
            raise StepError(
                "the scenario has no When step; accepted: exactly one 'When the ... proposes to ...' step"
            )
        action = self.action
        day = self.date or today
        since = self.action_since
        if since is not None and day < since.date:
            raise StepError(
                f"the action is dated {day}, but {since.why}; accepted: a date on or after {since.date}"
            )
        if self.qualifiers:
            extra = {name: value for name, (value, _) in self.qualifiers.items()}
            action = Fact(type="action", fields={**action.fields, **extra}, text=action.text)
        return Proposal(
            date=day,
            date_defaulted=self.date is None,
            action=action,
            facts=tuple(self.facts),
            details=tuple([*self.details, *(text for _, _, text in self.assumptions)]),
        )


# -- the registry -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StepDef:
    kind: StepKind
    template: str
    example: str
    meaning: str
    handler: Callable[..., None]
    regex: re.Pattern[str]
    types: dict[str, PlaceholderType]
    pack: str = ""  # the rule pack that declares the phrase; "" for the engine's own
    phrase: Phrase | None = None  # the pack's declaration, for tools that read what a phrase states
    reads_dependence: bool = (
        False  # a Then step that reads depends_on (computed on demand for brief verdicts)
    )

    @property
    def parameters(self) -> list[str]:
        return PLACEHOLDER.findall(self.template)

    @property
    def anchor(self) -> str:
        """The longest literal fragment of the phrase: a text without it cannot match."""
        return max(PLACEHOLDER.split(self.template)[::2], key=len)

    def __post_init__(self) -> None:
        # The parser of each group, in the regex's order: converting a match is then one pass.
        parsers = tuple((name, self.types[name].parse) for name in self.regex.groupindex)
        object.__setattr__(self, "_parsers", parsers)

    def convert(self, match: re.Match[str]) -> dict[str, Any]:
        parsers: tuple[tuple[str, Callable[[str], Any]], ...] = self._parsers  # type: ignore[attr-defined]
        return {name: parse(value) for (name, parse), value in zip(parsers, match.groups())}  # noqa: B905

    def convert_raw(self, raw: dict[str, str]) -> dict[str, Any]:
        return {name: self.types[name].parse(value) for name, value in raw.items()}

    def show(self, name: str, value: Any) -> str:
        """A value as a step writes it ($2,000,000; 76,000; 2026-03-01)."""
        return self.types[name].show(value)


# Argument values a step handler cannot change (a list or a dict could be, so a step giving one is matched
# each time).
_IMMUTABLE = (str, int, float, dt.date, Fraction, type(None))


class StepRegistry:
    """The phrases of one law: the engine's own and those its packs declare, the most specific first."""

    def __init__(self, steps: list[StepDef]) -> None:
        self.steps = steps
        self._suggested: dict[tuple[str, str], str] = {}
        self._found: dict[tuple[str, str], tuple[StepDef, dict[str, Any]]] = {}
        self._words: list[tuple[StepDef, set[str], set[str]]] | None = None
        # Each kind's phrases in priority order, grouped by their first two words (a phrase with a
        # placeholder there is in every group it could match): a step meets only the phrases that begin as it
        # does, the way the phrases' literal text indexes them.
        self._by_kind: dict[str, dict[tuple[str, str], list[tuple[StepDef, str]]]] = {}
        for kind in ("given", "when", "then"):
            ordered = [s for s in _specific_first(steps) if s.kind == kind]
            keys = {_lead(s.template) for s in ordered}
            keys |= {(a, "") for a, _ in keys} | {("", "")}
            self._by_kind[kind] = {
                key: [(s, s.anchor) for s in ordered if _may_begin(_lead(s.template), key)] for key in keys
            }

    def find(self, kind: StepKind, text: str) -> tuple[StepDef, dict[str, Any]]:
        """The step definition for a step's text, its converted arguments, or a StepError. A text seen before
        is not matched again (scenarios repeat their steps) when its arguments are values no handler can
        change; each caller gets its own dict of them."""
        found = self._found.get((kind, text))
        if found is not None:
            return found[0], dict(found[1])
        step, args = self._find(kind, text)
        if all(isinstance(v, _IMMUTABLE) for v in args.values()):
            if len(self._found) >= 8192:
                self._found.clear()
            self._found[(kind, text)] = (step, args)
            return step, dict(args)
        return step, args

    def _find(self, kind: StepKind, text: str) -> tuple[StepDef, dict[str, Any]]:
        text = text.strip()
        if len(text) > MAX_STEP_CHARS:  # bounded: no phrase is this long, and matching it would cost time
            raise StepError(
                f"the step is {len(text):,} characters long; accepted: a phrase of at most {MAX_STEP_CHARS:,}"
            )
        if "  " in text or "\t" in text:
            text = _SPACES.sub(" ", text)
        groups = self._by_kind[kind]
        words = text.split(" ", 2)
        lead = (words[0], words[1] if len(words) > 1 else "")
        candidates = groups.get(lead) or groups.get((lead[0], "")) or groups[("", "")]
        refused: StepError | None = None
        for step, anchor in candidates:
            if anchor in text:
                m = step.regex.match(text)
                if m:
                    try:
                        return step, step.convert(m)
                    except StepError as exc:  # a value this phrase refuses may be another's ("to Korea")
                        refused = refused or exc
        if refused is not None:
            raise refused
        for step in self.steps:
            if step.kind != kind and step.regex.match(text):
                raise StepError(
                    f"{text!r} is a {step.kind.capitalize()} phrase, written here as a {kind.capitalize()} step"
                )
        raise StepError(f"undefined step {text!r}. {self.suggest(kind, text)}")

    def suggest(self, kind: StepKind, text: str) -> str:
        """The three known phrases nearest the text: most words in common first, the step's own kind before
        others, then the closest spelling. Bounded for any input: the words of a bounded prefix are compared
        with every phrase, the spelling only with the dozen best, and a text seen before costs nothing."""
        key = (kind, text[:500])
        cached = self._suggested.get(key)
        if cached is None:
            cached = self._suggest(kind, text[:500])
            if len(self._suggested) > 4096:
                self._suggested.clear()
            self._suggested[key] = cached
        return cached

    def _suggest(self, kind: StepKind, text: str) -> str:
        words = _stems(text)
        if {
            "notic",
            "withd",
        } <= words:  # a notice of withdrawal from the Treaty is its notice of denunciation
            words |= {"denun", "artic"}
        extra = _people_words(words) - words  # the law's own words for what was written: they count half
        head = text.lower()[:300]
        if self._words is None:  # each phrase's own words and its meaning's, made once
            self._words = [(s, _stems(s.example), _stems(s.meaning)) for s in self.steps]

        def by_words(item: tuple[StepDef, set[str], set[str]]) -> tuple[bool, float]:
            step, own, meaning = item
            # many words in common, few beside them
            shared = (len(words & own) + len(extra & own) / 2) / math.sqrt(len(own) or 1)
            # What the phrase means counts too, less than its own words.
            return (step.kind == kind, shared + len(words & (meaning - own)) / 2)

        ranked = sorted(self._words, key=by_words, reverse=True)
        cut = by_words(ranked[min(11, len(ranked) - 1)])
        near = [item for item in ranked if by_words(item) >= cut]  # the dozen best, and any tied with them

        def rank(item: tuple[StepDef, set[str], set[str]]) -> tuple[bool, float, float]:
            spelling = difflib.SequenceMatcher(None, head, item[0].example.lower()[:300]).ratio()
            return (*by_words(item), spelling)

        best = [item[0] for item in sorted(near, key=rank, reverse=True)[:3]]
        first, others = best[0], best[1:]
        rest = "; ".join(f"{s.kind.capitalize()} {s.template}" for s in others)
        return f"Nearest known phrase: {first.kind.capitalize()} {first.template}" + (
            f". Others: {rest}" if rest else ""
        )

    def apply(self, kind: StepKind, text: str, builder: ScenarioBuilder, line: int | None = None) -> None:
        step, args = self.find(kind, text)
        if kind == "then":
            check_references(builder, args)
            builder.expectations.append(
                Expectation(
                    text,
                    line,
                    lambda verdict: step.handler(verdict, **args),
                    needs_dependence=step.reads_dependence,
                )
            )
        else:
            step.handler(builder, text, **args)


def _lead(template: str) -> tuple[str, str]:
    """A phrase's first two words, each "" where a placeholder (or nothing) stands."""
    words = [*template.split(" ", 2)[:2], "", ""][:2]
    return (words[0] if "{" not in words[0] else "", words[1] if "{" not in words[0] + words[1] else "")


def _may_begin(lead: tuple[str, str], key: tuple[str, str]) -> bool:
    """A phrase that leads so can match a text whose first two words are `key` ("" in a key: any other)."""
    return all(mine in ("", theirs) for mine, theirs in zip(lead, key, strict=True))


def _specific_first(steps: list[StepDef]) -> list[StepDef]:
    """The steps in their declared order (the engine's first, the most used), except that a phrase another
    would also capture comes before it: "United States forces in the European Command area ... number {count}"
    before "United States forces in {country} number {count}". (The phrasebook refuses captures that go
    both ways, or from the more specific phrase.)"""
    ordered = list(steps)
    for general in steps:
        at = ordered.index(general)
        captured = [
            s
            for s in ordered[at + 1 :]
            if s.kind == general.kind
            and general.regex.match(s.example)
            and literal_length(s.template) > literal_length(general.template)
        ]
        for step in captured:
            ordered.remove(step)
        ordered[at:at] = captured
    return ordered


def _stems(text: str) -> set[str]:
    """A text's words, cut to their first five letters: Senate and Senators meet, consent and consulted do not."""
    return {w[:5] for w in _WORD.findall(text.lower())} - _STOP


def _people_words(stems: set[str]) -> set[str]:
    """The law's own words for what people write: NATO is the North Atlantic Treaty's organization."""
    out = set(stems)
    if "nato" in out:
        out |= {"north", "atlan", "treat"}
    return out


_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[a-z]{3,}")
_STOP = {"the", "and", "with", "its", "for", "from", "that", "this", "proposes"}  # words every phrase shares
MAX_STEP_CHARS = 2_000  # the longest phrase, with its values, is a few hundred


# -- the engine's own phrases -------------------------------------------------------------------------

_ENGINE: list[StepDef] = []


def _engine_step(
    kind: StepKind, template: str, meaning: str, example: str | None = None, *, reads_dependence: bool = False
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    def register(handler: Callable[..., None]) -> Callable[..., None]:
        types = {name: TYPES[name] for name in PLACEHOLDER.findall(template)}
        regex = re.compile(template_regex(template))
        _ENGINE.append(
            StepDef(
                kind,
                template,
                example or template,
                meaning,
                handler,
                regex,
                types,
                "",
                None,
                reads_dependence,
            )
        )
        return handler

    return register


def given(
    template: str, meaning: str, example: str | None = None
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    assert template in ENGINE_GIVENS, "the phrasebook checks packs against the engine's own Given phrases"
    return _engine_step("given", template, meaning, example)


def then(
    template: str, meaning: str, example: str | None = None, *, reads_dependence: bool = False
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return _engine_step("then", template, meaning, example, reads_dependence=reads_dependence)


@given(
    "the date is {date}",
    "The day the action would be taken; the law in force then applies.",
    example="the date is 2026-03-01",
)
def _date(b: ScenarioBuilder, text: str, date: dt.date) -> None:
    b.set_date(date)


@given(
    'the interpretation "{name}" is "{value}"',
    "Read an uncertain point of law one way for this scenario (see `constraint-engine rules --params`).",
    example='the interpretation "INTERPRETATION" is "READING"',  # filled from the law (registry_of)
)
def _interpretation(b: ScenarioBuilder, text: str, name: str, value: str) -> None:
    b.assume(name, value, text)


# -- the phrases of the law's packs ---------------------------------------------------------------------


def _pack_handler(phrase: Phrase, since: SubjectSince | None) -> Callable[..., None]:
    decl = phrase.decl
    fact = decl.asserts.fact if decl.asserts is not None else None
    once_per = decl.asserts.once_per if decl.asserts is not None else None
    fields = fields_of(
        decl.asserts.fields if decl.asserts is not None else decl.qualifies or decl.proposes or {}
    )
    check = phrase.check if decl.requires else None

    def handle(b: ScenarioBuilder, text: str, /, **args: Any) -> None:  # a placeholder may be named b or text
        if check is not None:
            check(args)
        values = fields(args)
        if fact is not None:
            b.add_fact(fact, values, text, once_per)
        elif decl.qualifies is not None:
            b.qualify(values, text)
        else:
            b.set_action(text, since, **values)

    return handle


def registry_of(phrasebook: Phrasebook) -> StepRegistry:
    """The registry of a loaded law: its packs' phrases beside the engine's own (built once per law)."""
    cached = _REGISTRIES.get(id(phrasebook))
    if cached is not None and cached[0] is phrasebook:
        return cached[1]
    steps = [_with_law_example(s, phrasebook) for s in _ENGINE if s.kind == "given"]
    for phrase in phrasebook.phrases:
        kind_of = phrase.decl.proposes.get("kind") if phrase.decl.proposes else None
        action = phrasebook.actions.get(str(kind_of)) if kind_of else None
        handler = _pack_handler(phrase, action.subject_since if action else None)
        for template in phrase.templates:
            example = phrase.example if template == phrase.templates[0] else _reworded(phrase, template)
            regex = re.compile(template_regex(template))
            steps.append(
                StepDef(
                    phrase.kind,
                    template,
                    example,
                    phrase.meaning,
                    handler,
                    regex,
                    phrase.types,
                    phrase.pack,
                    phrase,
                )
            )
    steps += [_with_law_example(s, phrasebook) for s in _ENGINE if s.kind == "then"]
    registry = StepRegistry(steps)
    if len(_REGISTRIES) >= 8:
        _REGISTRIES.pop(next(iter(_REGISTRIES)))
    _REGISTRIES[id(phrasebook)] = (phrasebook, registry)
    return registry


def _with_law_example(step: StepDef, phrasebook: Phrasebook) -> StepDef:
    """An engine phrase's example with an interpretation of this law and its reading (the engine names
    none of its own)."""
    if "INTERPRETATION" not in step.example:
        return step
    name, readings = next(iter(phrasebook.readings.items()), ("an.interpretation", ("a-reading",)))
    example = step.example.replace("INTERPRETATION", name).replace("READING", readings[-1])
    return dataclasses.replace(step, example=example)


def _reworded(phrase: Phrase, template: str) -> str:
    """The phrase's example, in another of its wordings."""
    m = re.match(template_regex(phrase.templates[0]), phrase.example)
    values = m.groupdict() if m else {}
    return PLACEHOLDER.sub(lambda x: values.get(x.group(1), x.group(0)), template)


_REGISTRIES: dict[int, tuple[Phrasebook, StepRegistry]] = {}


def registry_for(book: RuleBook) -> StepRegistry:
    return registry_of(book.phrasebook)


def bundled_registry() -> StepRegistry:
    """The phrases of the bundled law (for tools and tests that run without a Runner)."""
    return registry_for(_bundled_book())


def _bundled_book() -> RuleBook:
    global _BUNDLED
    if _BUNDLED is None:
        from .loading import load_rulebook

        try:
            _BUNDLED = load_rulebook()
        except InputErrors as exc:  # the bundled law is checked by the suite; say what broke, whole
            raise InputError("the bundled rule packs do not load:\n" + str(exc)) from None
    return _BUNDLED


_BUNDLED: RuleBook | None = None


# -- Then: checks on a verdict (any object with .outcome and .blocked_by[*].citation/.aliases) ----------


def _blocking_citations(verdict: Any) -> list[str]:
    return [b.citation for b in verdict.blocked_by]


def _require_evaluated(verdict: Any) -> None:
    if verdict.outcome == "error":
        raise ExpectationFailed(f"the evaluation failed, so no verdict can be checked: {verdict.error}")


@then("the action is blocked", "At least one authority in force blocks the action.")
def _is_blocked(verdict: Any) -> None:
    _require_evaluated(verdict)
    if verdict.outcome == "undetermined":
        raise ExpectationFailed(f"expected the action to be blocked, but it is {verdict_words(verdict)}")
    if verdict.outcome != "blocked":
        raise ExpectationFailed("expected the action to be blocked, but no authority in force blocks it")


@then("the action is permitted", "No authority in force blocks the action, and none is left undecided.")
def _is_permitted(verdict: Any) -> None:
    _require_evaluated(verdict)
    if verdict.outcome == "undetermined":
        raise ExpectationFailed(f"expected the action to be permitted, but it is {verdict_words(verdict)}")
    if verdict.outcome != "permitted":
        raise ExpectationFailed(f"expected the action to be permitted, but it is {verdict_words(verdict)}")


@then(
    "the action is undetermined",
    "No authority blocks it, but one cannot decide it without a fact the scenario does not give.",
)
def _is_undetermined(verdict: Any) -> None:
    _require_evaluated(verdict)
    if verdict.outcome != "undetermined":
        raise ExpectationFailed(f"expected the action to be undetermined, but it is {verdict_words(verdict)}")


@then(
    'the action triggers a duty under "{citation}"',
    "The action attaches a duty under the cited provision (met, pending or breached).",
    example='the action triggers a duty under "Pub. L. 119-60"',
)
def _triggers_duty(verdict: Any, citation: str) -> None:
    _require_evaluated(verdict)
    if not any(matches(citation, [d.citation, *d.aliases]) for d in verdict.duties):
        found = ", ".join(d.citation for d in verdict.duties) or "no duty"
        raise ExpectationFailed(f'expected a duty under "{citation}", but the action triggers {found}')


@then(
    'the duty under "{citation}" is {status}',
    "The action triggers a duty under the cited provision, and the facts show it met, pending or breached.",
    example='the duty under "Pub. L. 119-60" is met',
)
def _duty_status(verdict: Any, citation: str, status: str) -> None:
    _require_evaluated(verdict)
    duties = [d for d in verdict.duties if matches(citation, [d.citation, *d.aliases])]
    if not duties:
        raise ExpectationFailed(f'expected a duty under "{citation}", but the action triggers none under it')
    if all(d.status != status for d in duties):
        found = ", ".join(d.status for d in duties)
        raise ExpectationFailed(f'expected the duty under "{citation}" to be {status}, but it is {found}')


@then("the action triggers no duty", "The action attaches no duty under any provision in force.")
def _no_duty(verdict: Any) -> None:
    _require_evaluated(verdict)
    if verdict.duties:
        found = ", ".join(f"{d.citation} ({d.status})" for d in verdict.duties)
        raise ExpectationFailed(f"expected no duty, but the action triggers one under {found}")


@then(
    "the outcome depends on an interpretation",
    "Some reading of an unsettled point of law the verdict rests on would give another outcome.",
    reads_dependence=True,
)
def _depends(verdict: Any) -> None:
    _require_evaluated(verdict)
    if not verdict.depends_on:
        raise ExpectationFailed(
            "expected the outcome to depend on an interpretation, but every reading agrees"
        )


@then(
    'the outcome depends on the interpretation "{name}"',
    "Another reading of the named interpretation would give another outcome.",
    example='the outcome depends on the interpretation "INTERPRETATION"',  # filled from the law
    reads_dependence=True,
)
def _depends_on(verdict: Any, name: str) -> None:
    _require_evaluated(verdict)
    if not any(d.interpretation == name for d in verdict.depends_on):
        others = ", ".join(d.interpretation for d in verdict.depends_on) or "no interpretation"
        raise ExpectationFailed(f"expected the outcome to depend on {name!r}, but it depends on {others}")


@then(
    "the outcome does not depend on any interpretation",
    "Every reading of every unsettled point the verdict rests on gives the same outcome.",
    reads_dependence=True,
)
def _depends_on_none(verdict: Any) -> None:
    _require_evaluated(verdict)
    if verdict.depends_on:
        named = "; ".join(
            f"{d.interpretation}: " + ", ".join(f"{r} -> {o}" for r, o in d.outcomes.items())
            for d in verdict.depends_on
        )
        raise ExpectationFailed(f"expected no dependence on an interpretation, but {named}")


@then(
    'the action is blocked by "{citation}"',
    "One of the blocking authorities matches the citation.",
    example='the action is blocked by "22 U.S.C. 1928f(a)"',
)
def _blocked_by(verdict: Any, citation: str) -> None:
    _require_evaluated(verdict)
    if not any(matches(citation, [b.citation, *b.aliases]) for b in verdict.blocked_by):
        found = ", ".join(dict.fromkeys(_blocking_citations(verdict)))
        raise ExpectationFailed(
            f'expected a block by "{citation}", but '
            + (f"the action is blocked by {found}" if found else "nothing blocks the action")
        )


@then(
    'the action is not blocked by "{citation}"',
    "None of the blocking authorities matches the citation.",
    example='the action is not blocked by "22 U.S.C. 1928f(a)"',
)
def _not_blocked_by(verdict: Any, citation: str) -> None:
    _require_evaluated(verdict)
    hits = [b.citation for b in verdict.blocked_by if matches(citation, [b.citation, *b.aliases])]
    if hits:
        raise ExpectationFailed(f'expected no block by "{citation}", but {hits[0]} blocks the action')


def js_regex(pattern: str) -> str:
    """A phrase's regex as JavaScript reads it, with or without the u flag: named groups are (?<name>...),
    and the escapes Python's re.escape adds before spaces and other punctuation are dropped or kept valid."""
    out = pattern.replace("(?P<", "(?<")
    return re.sub(r"\\([^A-Za-z0-9\\^$.*+?()\[\]{}|/-])", r"\1", out)
