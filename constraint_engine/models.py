"""Validated models of rule packs and of the facts a scenario asserts.

A rule pack is data: provisions with their citations, dated parameters, and the exceptions
that lift a block. Conditions are a small declarative grammar (checked here, compiled to
durable-rules' JSON format by `compiling`); nothing in a pack is ever evaluated by Python.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from fractions import Fraction
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    field_validator,
    model_validator,
)

from .bounds import MAX_FRACTION_TERM, UNIT_MAXIMUM, check_date_bounds
from .conditions import Condition, conditions_to_raw, parse_conditions
from .quantities import (
    Derivation,
    Quantity,
    derivation_to_raw,
    parse_derivation,
    parse_quantity,
    quantity_to_raw,
)
from .safe_yaml import PATTERN_WORDS

Status = Literal["verified", "reported", "uncertain"]

DUTY_STATUSES = ("met", "pending", "breached")  # a duty the action triggers: shown done, owed, or not done

# The facts a scenario can assert, their fields and the kinds of action are declared by the rule packs
# themselves (`vocabulary:`, see rules/README.md). Dates travel as proleptic ordinals (date.toordinal())
# so that the engine compares integers.
FieldType = Literal["int", "str", "date"]

ID_PATTERN = r"^[a-z0-9][a-z0-9.\-]*[a-z0-9]$"
PATTERN_WORDS[ID_PATTERN] = (
    "an id",
    "lowercase letters, digits, dots and dashes, two characters or more, beginning and ending with a letter "
    "or digit (such as my-pack.notice-days)",
)


class Strict(BaseModel):
    # defer_build: a model's validator is built when first used, not at import; a law read from the cache
    # (law_cache.py) validates nothing, and most commands never build these at all.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# Kinds of source. A provision marked verified must rest on at least one primary or official source.
PRIMARY_SOURCE_KINDS = (
    "public law",  # a public law or the Statutes at Large
    "govinfo",  # a public law or bill on govinfo.gov
    "US Code (official)",  # uscode.house.gov, the Office of the Law Revision Counsel
    "congress.gov",
    "constitution",
    "treaty (official)",  # a treaty text from a depositary or a government's official database
    "court",  # a court's own decision
    "GAO",  # GAO's own decision
)
SECONDARY_SOURCE_KINDS = (
    "USC mirror",
    "statute compilation",
    "transcription of statute",
    "treaty text",
    "case text",
    "bill text",
    "vote record",
    "CRS",
    "OLC",
    "think-tank analysis",
    "encyclopedia",
    "news",
    "news digest",
    "news reprint",
    "advocacy",
    "commentary",
)


class Source(Strict):
    title: str
    url: str
    kind: str

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, v: str) -> str:
        kinds = PRIMARY_SOURCE_KINDS + SECONDARY_SOURCE_KINDS
        if v not in kinds:
            raise ValueError(f"unknown kind of source {v!r}; accepted: {', '.join(kinds)}")
        return v

    @field_validator("url")
    @classmethod
    def _web_address(cls, v: str) -> str:
        # A source is a link a reader opens: anything but http(s) (javascript:, data:, file:) is refused.
        if not re.match(r"^https?://[^\s/]+", v):
            raise ValueError(f"{v!r} is not a web address; accepted: an http:// or https:// URL")
        return v


class ParameterValue(Strict):
    """One dated value: an amendment adds a value, it never edits an old one.

    A date may instead be a rule that holds every year (`every_year: "09-30"`: the first September 30 on or
    after the action's day, the end of the fiscal year since 1976): a rule never runs out, where a table of
    years does."""

    since: dt.date
    value: int | str | dt.date | None = None
    every_year: str | None = Field(default=None, pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")
    status: Status
    sources: list[str] = Field(min_length=1)
    note: str = ""

    @model_validator(mode="after")
    def _value_or_rule(self) -> ParameterValue:
        if (self.value is None) == (self.every_year is None):
            raise ValueError('a parameter value gives either value: or every_year: "MM-DD", not both')
        if self.every_year is not None:
            month, day = (int(x) for x in self.every_year.split("-"))
            dt.date(2000, month, day)  # a real day of the year (Feb 29 aside, never a deadline here)
            if (month, day) == (2, 29):
                raise ValueError("every_year: 02-29 is not a day of every year")
        return self

    def on(self, day: dt.date) -> int | str | dt.date:
        """The value this entry gives for an action on `day`."""
        if self.every_year is None:
            assert self.value is not None
            return self.value
        month, mday = (int(x) for x in self.every_year.split("-"))
        this_year = dt.date(day.year, month, mday)
        return this_year if day <= this_year else dt.date(day.year + 1, month, mday)

    @property
    def shown(self) -> str:
        return str(self.value) if self.every_year is None else f"every {self.every_year} on or after the day"


class Parameter(Strict):
    """A dated legal value, or (unit `choice`) a named interpretation of an uncertain point."""

    id: str = Field(pattern=ID_PATTERN)
    title: str
    unit: Literal["count", "days", "hours", "dollars", "fraction", "date", "choice"]
    choices: dict[str, str] = Field(default_factory=dict)
    values: list[ParameterValue] = Field(min_length=1)

    @model_validator(mode="after")
    def _values_in_order_and_typed(self) -> Parameter:
        dates = [v.since for v in self.values]
        if dates != sorted(dates) or len(set(dates)) != len(dates):
            raise ValueError("parameter values must be listed in order of their 'since' dates, one per date")
        if (self.unit == "choice") != bool(self.choices):
            raise ValueError("an interpretation (unit: choice) lists its choices, and only it does")
        for v in self.values:
            if v.every_year is not None and self.unit != "date":
                raise ValueError("every_year is for parameters of unit date")
            if v.value is not None:
                self.parse(v.value)
        return self

    @property
    def is_interpretation(self) -> bool:
        return self.unit == "choice"

    def parse(self, raw: int | str | dt.date) -> int | Fraction | dt.date | str:
        """Check and convert a value for this parameter; ValueError says what is accepted."""
        if self.unit == "choice":
            if str(raw) not in self.choices:
                raise ValueError(f"{raw!r} is not a choice of {self.id}; accepted: {', '.join(self.choices)}")
            return str(raw)
        return parse_parameter_value(self.unit, raw)

    def value_on(self, day: dt.date) -> int | Fraction | dt.date | str:
        """The value in force on `day` (the earliest value before any is in force)."""
        entry = self.entry_on(day)
        if entry.every_year is not None:
            # Computed from a checked day of the year: for an action late in 2199 it falls in 2200, past the
            # dates a pack may write, and is still the law's value (bounds are for what is written).
            return entry.on(day)
        return self.parse(entry.on(day))

    def in_force_on(self, day: dt.date) -> bool:
        return self.values[0].since <= day

    def entry_on(self, day: dt.date) -> ParameterValue:
        chosen = self.values[0]
        for v in self.values:
            if v.since <= day:
                chosen = v
        return chosen


def parse_parameter_value(unit: str, raw: int | str | dt.date) -> int | Fraction | dt.date:
    """Check and convert a parameter value of the given unit; ValueError says what is accepted."""
    return _parsed(unit, type(raw).__name__, raw)  # the type is part of the key: True is not 1


@functools.lru_cache(maxsize=4096)  # every explanation reads the values in force; each is parsed once
def _parsed(unit: str, kind: str, raw: int | str | dt.date) -> int | Fraction | dt.date:
    if unit == "fraction":
        m = re.fullmatch(r"\s*([0-9]{1,30})\s*/\s*([0-9]{1,30})\s*", str(raw))
        if not m or int(m.group(2)) == 0 or int(m.group(1)) > int(m.group(2)):
            raise ValueError(
                f"{raw!r} is not a fraction from 0 to 1; write it as N/D with N at most D, e.g. 2/3"
            )
        if int(m.group(2)) > MAX_FRACTION_TERM or int(m.group(1)) > MAX_FRACTION_TERM:
            raise ValueError(
                f"{raw!r} has terms above {MAX_FRACTION_TERM:,}; accepted: N/D with D at most "
                f"{MAX_FRACTION_TERM:,}, e.g. 2/3"
            )
        return Fraction(int(m.group(1)), int(m.group(2)))
    if unit == "date":
        if isinstance(raw, dt.date):
            return check_date_bounds(raw)
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", str(raw)):
            raise ValueError(f"{raw!r} is not an ISO date such as 2025-06-01")
        try:
            return check_date_bounds(dt.date.fromisoformat(str(raw)))
        except ValueError as exc:
            if "outside" in str(exc):
                raise
            raise ValueError(f"{raw!r} is not a calendar date such as 2025-06-01") from None
    if isinstance(raw, bool) or not isinstance(raw, int):
        text = str(raw).replace(",", "").replace("_", "").lstrip("$")
        if not re.fullmatch(r"-?[0-9]{1,30}", text):
            raise ValueError(f"{raw!r} is not a whole number of {unit}")
        raw = int(text)
    if raw < 0:
        raise ValueError(f"{raw} is negative; a number of {unit} is zero or more")
    maximum = UNIT_MAXIMUM.get(unit)
    if maximum is not None and raw > maximum:
        raise ValueError(f"{raw:,} is beyond the engine's bound for {unit}; accepted: 0 to {maximum:,}")
    return raw


class InForce(Strict):
    since: dt.date
    until: dt.date | None = None
    note: str = ""

    def contains(self, day: dt.date) -> bool:
        return self.since <= day and (self.until is None or day <= self.until)

    @model_validator(mode="after")
    def _ordered(self) -> InForce:
        if self.until is not None and self.until < self.since:
            raise ValueError(f"'until' ({self.until}) is before 'since' ({self.since})")
        return self


def _checked_conditions(v: Any) -> tuple[Condition, ...]:
    return parse_conditions(v)


# A list of conditions, parsed into the typed tree (`conditions`) when a pack is loaded, and shown again in
# the pack's own form (rules --format json).
Conditions = Annotated[
    tuple[Condition, ...],
    PlainValidator(_checked_conditions),
    PlainSerializer(conditions_to_raw, return_type=list),
]


class DependingOn(Strict):
    """Conditions that differ by the value of a named interpretation: one rule is compiled per case."""

    interpretation: str
    cases: dict[str, Conditions]


class FactPattern(Strict):
    """A fact that must be present, with conditions on its fields."""

    fact: str
    where: Conditions = ()
    depending_on: list[DependingOn] = Field(default_factory=list)

    @field_validator("fact")
    @classmethod
    def _not_the_action(cls, v: str) -> str:
        if v == "action":
            raise ValueError("the action is always available: conditions on it go in where/action_where")
        return v


def _checked_lets(raw: Any) -> dict[str, Quantity]:
    if not isinstance(raw, dict):
        raise ValueError("let is a mapping of names to quantities: {needed: {ceil_fraction: ...}}")
    return {str(k): parse_quantity(v, f"let.{k}") for k, v in raw.items()}


Lets = Annotated[
    dict[str, Quantity],
    PlainValidator(_checked_lets),
    PlainSerializer(lambda d: {k: quantity_to_raw(v) for k, v in d.items()}, return_type=dict),
]
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)(?::[^{}]*)?\}")


class FactChange(Strict):
    """A fact a cure adds (with its fields: literals or {name}s of the cure's values), or the facts it
    takes away (those of the type that meet `where`)."""

    fact: str
    fields: dict[str, Any] = Field(default_factory=dict)
    where: Conditions = ()


class Search(Strict):
    """The largest value of an action field, from `low` up to the action's own, that lifts the block:
    found by re-evaluation (bisection), so the law needs to be monotone in that field."""

    field: str
    low: int = 0


class CureTemplate(Strict):
    """A cure written in the pack: what would lift a block, in words with this case's numbers and dates.

    `let` computes values in order (quantities over the case, each able to read the earlier ones as
    {field: NAME}); `only_if` tests them; the changes (facts taken away and added, the action's fields, its
    date) make the case the engine re-evaluates; `says` is the sentence, with {name}, {name:,} (a number
    with commas) or {name:date} (a day). A cure is offered only if re-evaluation proves it."""

    says: str
    let: Lets = Field(default_factory=dict)
    only_if: Conditions = ()
    removes: list[FactChange] = Field(default_factory=list)
    adds: list[FactChange] = Field(default_factory=list)
    action: dict[str, Any] = Field(default_factory=dict)
    date: str | None = None  # "{name}": the action on that day instead
    largest: Search | None = None
    group: str = ""  # alternatives, the least demanding first: only the first proven one is offered

    @model_validator(mode="after")
    def _names_known(self) -> CureTemplate:
        known = set(self.let) | ({self.largest.field} if self.largest else set())
        texts = [self.says, self.date or "", *map(str, self.action.values())]
        texts += [str(v) for change in self.adds for v in change.fields.values()]
        for text in texts:
            for name in _PLACEHOLDER.findall(text):
                if name not in known:
                    accepted = ", ".join(sorted(known)) or "(none: add it under let)"
                    raise ValueError(f"{{{name}}} is not one of the cure's values; accepted: {accepted}")
        return self


class Lift(Strict):
    """Something that lifts a block: an exception the law grants, or compliance with a duty."""

    id: str = Field(pattern=ID_PATTERN)
    kind: Literal["exception", "compliance"]
    title: str
    summary: str
    citation: str
    status: Status
    sources: list[str] = Field(min_length=1)
    when: list[FactPattern] = Field(min_length=1)
    action_where: Conditions = ()
    # Conditions on the action that differ by a named interpretation (a period that changed on a date the
    # sources do not settle): one rule is compiled per case.
    depending_on: list[DependingOn] = Field(default_factory=list)
    # What a fact is taken to mean when it holds, stated in the verdict (e.g. the content a certification
    # must have, when a scenario says only that the action was certified).
    assumes: str = ""
    # How to meet it, in words with the case's numbers; without one, the lift's title with the values its
    # conditions need.
    cure: list[CureTemplate] = Field(default_factory=list)


class NotALift(Strict):
    """A fact users often mistake for an exception; recorded so the verdict can say why it is not one."""

    id: str = Field(pattern=ID_PATTERN)
    fact: str
    where: Conditions = ()
    not_for: list[str] = Field(min_length=1)
    why: str
    citation: str
    status: Status
    sources: list[str] = Field(min_length=1)

    @field_validator("fact")
    @classmethod
    def _not_the_action(cls, v: str) -> str:
        return FactPattern._not_the_action(v)


class AppliesTo(Strict):
    actions: list[str] = Field(min_length=1)
    actors: list[str] = Field(default_factory=list)  # none listed: every actor the law names (loading)
    where: Conditions = ()
    depending_on: list[DependingOn] = Field(default_factory=list)
    with_facts: list[FactPattern] = Field(default_factory=list)  # facts that must exist for it to apply

    def covers(self, kind: object, actor: object) -> bool:
        """This kind of action by this actor is the provision's subject (its conditions aside)."""
        return kind in self.actions and actor in self.actors


class Duty(Strict):
    """What a duty provision requires once the action triggers it."""

    what: str  # e.g. "notify the congressional committees in writing"
    who: str  # e.g. "the Secretary of Defense"
    by_when: str  # e.g. "within 48 hours after the curtailment begins"


class Need(Strict):
    """A fact a provision needs to decide (a baseline); without it the verdict is undetermined."""

    field: str  # a field of the action that the fact fills in
    phrase: str  # the Given phrase that states it, with its placeholders


Boundaries = dict[str, dict[Literal["above", "below"], str]]


class EncodedFrom(Strict):
    """The first day the pack encodes a provision: before it (though in force) the engine cannot say."""

    date: dt.date
    why: str


class Provision(Strict):
    id: str = Field(pattern=ID_PATTERN)
    # prohibition: blocks the action unless lifted; duty: attaches a duty to the action, met, pending or
    # breached; note: flags an unsettled point about the action in every verdict, never blocks.
    kind: Literal["prohibition", "duty", "note"] = "prohibition"
    duty: Duty | None = None
    needs: list[Need] = Field(default_factory=list)
    reference: str
    citation: str
    aliases: list[str] = Field(default_factory=list)
    title: str
    text: str
    summary: str
    status: Status
    sources: list[str] = Field(min_length=1)
    in_force: InForce
    encoded_from: EncodedFrom | None = None
    parameters: list[str] = Field(default_factory=list)
    applies_to: AppliesTo
    lifted_by: list[str] = Field(default_factory=list)
    cure: list[str] = Field(default_factory=list)
    # Cures beyond its lifts and boundaries (another route the law offers), proven like the others.
    also_cured_by: list[CureTemplate] = Field(default_factory=list)
    # The words for moving an action field across a boundary of the provision: {count: {above: "keep the
    # count at or above {value:,}"}}; the pack's vocabulary may give them for all its provisions.
    boundaries: Boundaries = Field(default_factory=dict)
    caveats: list[str] = Field(default_factory=list)

    @property
    def evaluated_from(self) -> dt.date:
        """The first day the engine evaluates it: in force, and encoded."""
        if self.encoded_from is None:
            return self.in_force.since
        return max(self.in_force.since, self.encoded_from.date)

    def unencoded_on(self, day: dt.date) -> bool:
        """In force on `day`, but the pack does not encode it then."""
        return self.in_force.contains(day) and day < self.evaluated_from

    @model_validator(mode="after")
    def _kind_complete(self) -> Provision:
        if (self.kind == "duty") != (self.duty is not None):
            raise ValueError(
                "a provision of kind duty states its duty (what, who, by_when), and only it does"
            )
        if self.kind == "prohibition" and not self.cure:
            raise ValueError("a prohibition lists at least one cure: what would lift the block")
        if self.kind == "note" and (self.lifted_by or not self.caveats):
            raise ValueError("a note lists the caveats it flags, and nothing lifts it")
        return self


class FactDecl(Strict):
    """A kind of fact a scenario can state: its fields, each with its type."""

    meaning: str
    fields: dict[str, FieldType] = Field(default_factory=dict)
    # Fields computed from the case's facts (a value), or filled in where a scenario leaves them out.
    derived: Derived = Field(default_factory=dict)
    # Made once for every case from its derived fields (the first written notice), never by a phrase.
    made: bool = False
    # Each field in words for people ("U.S. forces in the country"): explanations never show a field's name.
    words: dict[str, str] = Field(default_factory=dict)


def _checked_derived(raw: Any) -> dict[str, Derivation]:
    if not isinstance(raw, dict):
        raise ValueError("derived is a mapping of field names to {meaning, value, default}")
    return {str(k): parse_derivation(v, str(k)) for k, v in raw.items()}


Derived = Annotated[
    dict[str, Derivation],
    PlainValidator(_checked_derived),
    PlainSerializer(lambda d: {k: derivation_to_raw(v) for k, v in d.items()}, return_type=dict),
]


class SubjectSince(Strict):
    """The day an action's subject came to exist: before it the action proposes nothing."""

    date: dt.date
    why: str


class ActionDecl(Strict):
    meaning: str  # "withdraw the United States from the North Atlantic Treaty"
    subject_since: SubjectSince | None = None


class ChoiceDecl(Strict):
    """A pack's own words for a placeholder, each standing for a value: {"for policy reasons": policy}."""

    choices: dict[str, str] = Field(min_length=1)


class Assertion(Strict):
    """The fact a Given phrase states: its type, and each field's value (a placeholder, a literal, a sum)."""

    fact: str
    fields: dict[str, Any] = Field(default_factory=dict)
    # A scenario states such a fact once (for each value of these fields): a second is an input error.
    once_per: list[str] | None = None


class Requirement(Strict):
    """A check on a phrase's values before it asserts anything: {that: {lte: ["{yeas}", "{present}"]}}."""

    that: dict[str, list[Any]]
    message: str  # what is wrong, with the phrase's {placeholders}; it should say what is accepted


class PhraseDecl(Strict):
    """A Gherkin phrase a scenario may use, and what it states: a fact, the action, or a detail of it."""

    given: str | None = None
    when: str | None = None
    also: list[str] = Field(default_factory=list)  # other wordings of the same phrase (older scenarios)
    meaning: str
    example: str | None = None
    types: dict[str, str | ChoiceDecl] = Field(default_factory=dict)
    requires: list[Requirement] = Field(default_factory=list)
    asserts: Assertion | None = None  # Given: a fact
    qualifies: dict[str, Any] | None = None  # Given: fields of the action (the day equipment arrived)
    proposes: dict[str, Any] | None = None  # When: the action, with its kind and actor

    @model_validator(mode="after")
    def _one_kind(self) -> PhraseDecl:
        if (self.given is None) == (self.when is None):
            raise ValueError("a phrase is either given: TEMPLATE or when: TEMPLATE")
        if self.when is not None and (self.proposes is None or self.asserts or self.qualifies):
            raise ValueError("a When phrase states what it proposes (proposes: {kind: ..., actor: ...})")
        if self.given is not None and (
            self.proposes is not None or (self.asserts is None) == (self.qualifies is None)
        ):
            raise ValueError("a Given phrase states one thing: asserts: a fact, or qualifies: the action")
        return self

    @property
    def kind(self) -> Literal["given", "when"]:
        return "given" if self.given is not None else "when"

    @property
    def template(self) -> str:
        return self.given if self.given is not None else str(self.when)


class Member(Strict):
    """A member of a group, from `since` to `until` (either open)."""

    name: str
    since: dt.date | None = None
    until: dt.date | None = None


class GroupDecl(Strict):
    """Names that belong together on a date (NATO's members, AECA's fifteen-day group): a member is a name,
    or a name with the days it belongs; `include` takes in other groups with their dates."""

    meaning: str
    members: list[Member | str] = Field(default_factory=list)
    include: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


class Vocabulary(Strict):
    """What a pack lets a scenario say: the facts it reads, the actions it covers, and their phrases."""

    facts: dict[str, FactDecl] = Field(default_factory=dict)
    action_fields: dict[str, FieldType] = Field(default_factory=dict)  # fields it adds to the action
    action_words: dict[str, str] = Field(default_factory=dict)  # those fields in words for people
    action_derived: Derived = Field(default_factory=dict)  # fields of the action it computes or fills in
    boundaries: Boundaries = Field(default_factory=dict)  # cure words for its provisions' boundaries
    # Names it adds, by kind (actor, country, program, or a kind of its own): {actor: {Name: [other names]}}
    names: dict[str, dict[str, list[str] | None]] = Field(default_factory=dict)
    groups: dict[str, GroupDecl] = Field(default_factory=dict)
    actions: dict[str, ActionDecl] = Field(default_factory=dict)
    phrases: list[PhraseDecl] = Field(default_factory=list)


class RulePack(Strict):
    pack: str = Field(pattern=ID_PATTERN)
    title: str
    short_names: list[str] = Field(default_factory=list)  # what people call it: each is a citation of it
    authority: str
    sources: dict[str, Source] = Field(default_factory=dict)
    vocabulary: Vocabulary = Field(default_factory=Vocabulary)
    parameters: list[Parameter] = Field(default_factory=list)
    lifts: list[Lift] = Field(default_factory=list)
    not_lifts: list[NotALift] = Field(default_factory=list)
    provisions: list[Provision] = Field(default_factory=list)

    @model_validator(mode="after")
    def _sources_known(self) -> RulePack:
        cited: list[tuple[str, list[str]]] = [(p.id, p.sources) for p in self.provisions]
        cited += [(x.id, x.sources) for x in self.lifts]
        cited += [(x.id, x.sources) for x in self.not_lifts]
        cited += [(p.id, v.sources) for p in self.parameters for v in p.values]
        cited += [(f"group {g}", d.sources) for g, d in self.vocabulary.groups.items()]
        for owner, keys in cited:
            for key in keys:
                if key not in self.sources:
                    raise ValueError(f"{owner} cites source {key!r}, which the pack's sources do not list")
        return self


class AmendedItems(Strict):
    """Provisions, lifts, not-lifts and parameters as a bill writes them, each in the packs' own form."""

    parameters: list[Parameter] = Field(default_factory=list)
    lifts: list[Lift] = Field(default_factory=list)
    not_lifts: list[NotALift] = Field(default_factory=list)
    provisions: list[Provision] = Field(default_factory=list)

    def items(self) -> list[Parameter | Lift | NotALift | Provision]:
        return [*self.parameters, *self.lifts, *self.not_lifts, *self.provisions]


class Amendment(Strict):
    """A bill's changes to the law (constraint-engine ... --amend FILE): it repeals items by id, replaces
    items with the same id, and adds new ones; what it adds or replaces cites its own sources (or the
    amended pack's)."""

    amendment: str = Field(pattern=ID_PATTERN)
    title: str
    sources: dict[str, Source] = Field(default_factory=dict)
    repeal: list[str] = Field(default_factory=list)
    replace: AmendedItems = Field(default_factory=AmendedItems)
    add: AmendedItems = Field(default_factory=AmendedItems)
