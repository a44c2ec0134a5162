"""The Gherkin vocabulary: every phrase the engine understands, and what each one asserts.

One registry serves the CLI runner and pytest-bdd alike (tests/steps build pytest-bdd steps from it).
Placeholders capture loosely and are then converted, so a bad value gets a precise message
(an impossible date, a negative count) instead of "undefined step".
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from .citations import CitationIndex, matches
from .facts import Fact, Proposal
from .models import (
    ACTION_SUBJECT_SINCE,
    DUTY_STATUSES,
    EUCOM,
    MAX_DAYS,
    MAX_DOLLARS,
    MAX_HOURS,
    MAX_TROOPS,
    check_date_bounds,
)
from .names import names

StepKind = Literal["given", "when", "then"]


class StepError(ValueError):
    """A step that is undefined or malformed; the message quotes the step and says what is accepted."""


class ExpectationFailed(AssertionError):
    """A Then step whose expectation does not hold."""


# -- converters: the value of a placeholder, or a StepError saying what is accepted -----------------


def parse_date(text: str) -> dt.date:
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        raise StepError(f"{text!r} is not a date; accepted: an ISO date YYYY-MM-DD such as 2026-03-01")
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise StepError(f"{text!r} is not a calendar date; accepted: a real day, YYYY-MM-DD") from None
    try:
        return check_date_bounds(day)
    except ValueError as exc:
        raise StepError(str(exc)) from None


def parse_whole(text: str, what: str = "number", maximum: int | None = None) -> int:
    if not re.fullmatch(r"-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)", text):
        raise StepError(
            f"{text!r} is not a whole number; accepted: digits with optional thousands commas, e.g. 76,000"
        )
    value = int(text.replace(",", ""))
    if value < 0:
        raise StepError(f"{text} is negative; a {what} is zero or more")
    if maximum is not None and value > maximum:
        raise StepError(f"{text} is not a plausible {what}; accepted: at most {maximum:,}")
    return value


def parse_money(text: str) -> int:
    if not re.fullmatch(r"\$([0-9]{1,3}(,[0-9]{3})+|[0-9]+)", text):
        raise StepError(
            f"{text!r} is not an amount of money; accepted: a dollar sign and digits, e.g. $500,000"
        )
    value = int(text[1:].replace(",", ""))
    if value > MAX_DOLLARS:
        raise StepError(f"{text} is not a plausible amount; accepted: at most ${MAX_DOLLARS:,}")
    return value


def parse_actor(text: str) -> str:
    actor = names().actors.resolve(text)
    if actor is None:
        raise StepError(f"unknown actor {text!r}; accepted: {names().actors.accepted()}")
    return actor


def parse_country(text: str) -> str:
    countries = names().countries
    country = countries.resolve(text)
    if country is None:
        near = difflib.get_close_matches(text[:100].title(), countries.canonical, n=3, cutoff=0.6)
        hint = f" Did you mean {' or '.join(near)}?" if near else ""
        raise StepError(
            f"unknown country {text!r}.{hint} Accepted: any of the {len(countries.canonical)} countries in "
            "constraint_engine/vocabulary/names.yaml by its English name (Germany, the United Kingdom) or a "
            "common other name (Deutschland, UK), in any case"
        )
    return country


def parse_program(text: str) -> str:
    program = names().programs.resolve(text)
    if program is None:
        raise StepError(
            f"unknown program {text!r}; accepted: {names().programs.accepted()} (or their abbreviations, such as "
            "USAI); add a program to constraint_engine/vocabulary/names.yaml"
        )
    return program


def parse_duty_status(text: str) -> str:
    if text not in DUTY_STATUSES:
        raise StepError(f"{text!r} is not a duty's status; accepted: {', '.join(DUTY_STATUSES)}")
    return text


def parse_citation(text: str) -> str:
    if not text.strip():
        raise StepError('the citation is empty; accepted: e.g. "22 U.S.C. 1928f(a)"')
    return text


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


GROUNDS = {
    "to provide for contingencies": "contingencies",
    "to achieve savings from changed requirements or greater efficiency": "savings",
    "specifically provided by law": "by-law",
    "for policy reasons": "policy",
}


def parse_ground(text: str) -> str:
    if text not in GROUNDS:
        raise StepError(f"unknown ground {text!r}; accepted: {'; '.join(GROUNDS)}")
    return GROUNDS[text]


def parse_name(text: str) -> str:
    if not re.fullmatch(r"[a-z0-9][a-z0-9.\-]*", text):
        raise StepError(f"{text!r} is not an interpretation id; accepted: ids such as senate.present")
    return text


PLACEHOLDERS: dict[str, str] = {
    "date": "an ISO date, YYYY-MM-DD",
    "date2": "a second ISO date, YYYY-MM-DD",
    "yeas": "a whole number of Senators, 0 to 100",
    "nays": "a whole number of Senators, 0 to 100",
    "present": "a whole number of Senators present, 1 to 100",
    "count": "a whole number, commas allowed (76,000)",
    "days": "a whole number of days",
    "hours": "a whole number of hours",
    "money": "dollars: a $ and digits, commas allowed ($500,000)",
    "actor": "President, Secretary of State or Secretary of Defense",
    "country": "a country name (Germany)",
    "country2": "a second country name (Poland)",
    "status": " or ".join(DUTY_STATUSES),
    "program": "a program: Ukraine Security Assistance Initiative (USAI), European Deterrence Initiative, NATO Security Investment Program, Baltic Security Initiative",
    "citation": "a citation, e.g. 22 U.S.C. 1928f(a); a whole matches its parts",
    "ground": "; ".join(GROUNDS),
    "name": "an interpretation id (constraint-engine rules --params)",
    "value": "one of the interpretation's choices",
}

CONVERTERS: dict[str, Callable[[str], Any]] = {
    "date": parse_date,
    "date2": parse_date,
    "yeas": lambda t: parse_whole(t, "number of Senators", 100),
    "present": lambda t: parse_whole(t, "number of Senators present", 100),
    "count": lambda t: parse_whole(t, "troop count", MAX_TROOPS),
    "days": lambda t: parse_whole(t, "number of days", MAX_DAYS),
    "nays": lambda t: parse_whole(t, "number of Senators", 100),
    "hours": lambda t: parse_whole(t, "number of hours", MAX_HOURS),
    "ground": parse_ground,
    "name": parse_name,
    "value": lambda t: t,
    "money": parse_money,
    "actor": parse_actor,
    "country": parse_country,
    "country2": parse_country,
    "program": parse_program,
    "status": parse_duty_status,
    "citation": parse_citation,
}


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
    facts: list[Fact] = field(default_factory=list)
    in_area_since: dt.date | None = None
    earlier_days: int | None = None
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

    def add(self, type_: str, text: str, **fields: Any) -> None:
        self.facts.append(Fact(type=type_, fields=fields, text=text))

    def prior_days(self, days: int, text: str) -> None:
        if self.earlier_days is not None:
            raise StepError("the earlier days below the floor are already given")
        self.earlier_days = days
        self.details.append(text)

    def baseline(self, scope: str, count: int, text: str) -> None:
        if any(f.type == "troop_baseline" and f.fields.get("scope") == scope for f in self.facts):
            raise StepError(f"the forces in {scope} are already given; a scenario gives each baseline once")
        self.add("troop_baseline", text, scope=scope, count=count)

    def assume(self, name: str, value: str, text: str) -> None:
        if any(n == name for n, _, _ in self.assumptions):
            raise StepError(f"the interpretation {name!r} is already given; a scenario gives each one once")
        self.assumptions.append((name, value, text))

    def set_action(self, text: str, **fields: Any) -> None:
        if self.action is not None:
            raise StepError(
                f"a second When step; a scenario proposes exactly one action (the first: {self.action_text!r})"
            )
        self.action = Fact(type="action", fields=fields, text=text)
        self.action_text = text

    def proposal(self, today: dt.date, overrides: dict[str, Any] | None = None) -> Proposal:
        if self.action is None:
            raise StepError(
                "the scenario has no When step; accepted: exactly one 'When the ... proposes to ...' step"
            )
        action = self.action
        day = self.date or today
        subject = ACTION_SUBJECT_SINCE.get(str(action.fields.get("kind")))
        if subject is not None and day < subject[0]:
            raise StepError(
                f"the action is dated {day}, but {subject[1]}; accepted: a date on or after {subject[0]}"
            )
        extra: dict[str, Any] = {}
        if self.in_area_since is not None:
            extra["in_area_since"] = self.in_area_since
        if self.earlier_days is not None:
            extra["prior_days"] = self.earlier_days
        if extra:
            action = Fact(type="action", fields={**action.fields, **extra}, text=action.text)
        return Proposal(
            date=day,
            date_defaulted=self.date is None,
            action=action,
            facts=tuple(self.facts),
            details=tuple([*self.details, *(text for _, _, text in self.assumptions)]),
            overrides=overrides or {},
        )


# -- the registry -------------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class StepDef:
    kind: StepKind
    template: str
    example: str
    meaning: str
    handler: Callable[..., None]
    regex: re.Pattern[str]
    reads_dependence: bool = (
        False  # a Then step that reads depends_on (computed on demand for brief verdicts)
    )

    @property
    def parameters(self) -> list[str]:
        return _PLACEHOLDER.findall(self.template)

    @property
    def anchor(self) -> str:
        """The longest literal fragment of the phrase: a text without it cannot match."""
        return max(_PLACEHOLDER.split(self.template)[::2], key=len)

    def convert(self, match: re.Match[str]) -> dict[str, Any]:
        return {name: CONVERTERS[name](value) for name, value in match.groupdict().items()}


def template_regex(template: str) -> str:
    parts = _PLACEHOLDER.split(template)
    out = []
    for i, part in enumerate(parts):
        out.append(f"(?P<{part}>.+?)" if i % 2 else re.escape(part))
    return "^" + "".join(out) + "$"


Decorator = Callable[[Callable[..., None]], Callable[..., None]]


class StepRegistry:
    def __init__(self) -> None:
        self.steps: list[StepDef] = []
        self._by_kind: dict[str, list[tuple[StepDef, str]]] = {}

    def _add(
        self, kind: StepKind, template: str, meaning: str, example: str | None, reads_dependence: bool = False
    ) -> Decorator:
        names = _PLACEHOLDER.findall(template)
        if names and example is None:
            raise ValueError(f"a phrase with placeholders needs an example: {template!r}")
        for name in names:
            if name not in CONVERTERS:
                raise KeyError(f"no converter for placeholder {{{name}}}")

        def register(handler: Callable[..., None]) -> Callable[..., None]:
            regex = re.compile(template_regex(template))
            step = StepDef(kind, template, example or template, meaning, handler, regex, reads_dependence)
            self.steps.append(step)
            self._by_kind.setdefault(kind, []).append((step, step.anchor))
            return handler

        return register

    def given(self, template: str, meaning: str, example: str | None = None) -> Decorator:
        return self._add("given", template, meaning, example)

    def when(self, template: str, meaning: str, example: str | None = None) -> Decorator:
        return self._add("when", template, meaning, example)

    def then(
        self, template: str, meaning: str, example: str | None = None, *, reads_dependence: bool = False
    ) -> Decorator:
        return self._add("then", template, meaning, example, reads_dependence)

    def find(self, kind: StepKind, text: str) -> tuple[StepDef, dict[str, Any]]:
        """The step definition for a step's text, its converted arguments, or a StepError."""
        text = text.strip()
        if len(text) > MAX_STEP_CHARS:  # bounded: no phrase is this long, and matching it would cost time
            raise StepError(
                f"the step is {len(text):,} characters long; accepted: a phrase of at most {MAX_STEP_CHARS:,}"
            )
        if "  " in text or "\t" in text:
            text = _SPACES.sub(" ", text)
        for step, anchor in self._by_kind.get(kind, []):
            if anchor in text:
                m = step.regex.match(text)
                if m:
                    return step, step.convert(m)
        for step in self.steps:
            if step.kind != kind and step.regex.match(text):
                raise StepError(
                    f"{text!r} is a {step.kind.capitalize()} phrase, written here as a {kind.capitalize()} step"
                )
        raise StepError(f"undefined step {text!r}. {self.suggest(kind, text)}")

    def suggest(self, kind: StepKind, text: str) -> str:
        """The three known phrases nearest the text: most words in common first, the step's own kind before
        others, then the closest spelling (compared over a bounded prefix, so a long step costs little)."""
        words = set(_WORD.findall(text.lower()[:500])) - _STOP
        head = text.lower()[:300]

        def rank(step: StepDef) -> tuple[bool, float, float]:
            own = set(_WORD.findall(step.example.lower())) - _STOP
            shared = len(words & own) / math.sqrt(len(own) or 1)  # many words in common, few beside them
            spelling = difflib.SequenceMatcher(None, head, step.example.lower()[:300]).ratio()
            return (step.kind == kind, shared, spelling)

        best = sorted(self.steps, key=rank, reverse=True)[:3]
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
            step.handler(builder, text=text, **args)


_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[a-z]{3,}")
_STOP = {"the", "and", "with", "its", "for", "from", "that", "this", "proposes"}  # words every phrase shares
MAX_STEP_CHARS = 2_000  # the longest phrase, with its values, is a few hundred
REGISTRY = StepRegistry()
given = REGISTRY.given
when = REGISTRY.when
then = REGISTRY.then

SFRC_HFAC = "the Senate Foreign Relations Committee and the House Foreign Affairs Committee"
EUCOM_AOR = "the European Command area of responsibility"
TREATY = "the North Atlantic Treaty"


@given(
    "the date is {date}",
    "The day the action would be taken; the law in force then applies.",
    example="the date is 2026-03-01",
)
def _date(b: ScenarioBuilder, text: str, date: dt.date) -> None:
    b.set_date(date)


@given(
    "the Senate gave its advice and consent with {yeas} of {present} Senators present concurring",
    "A Senate vote on the proposed action.",
    example="the Senate gave its advice and consent with 67 of 100 Senators present concurring",
)
def _senate(b: ScenarioBuilder, text: str, yeas: int, present: int) -> None:
    if present == 0:
        raise StepError("no Senators present; accepted: 1 to 100 present (a quorum is 51)")
    if yeas > present:
        raise StepError(f"{yeas} yeas but only {present} Senators present; yeas cannot exceed those present")
    b.add("senate_vote", text, yeas=yeas, present=present)


@given(
    "an Act of Congress authorizes the action",
    "A bill passed by both Houses and presented (signed, or a veto overridden).",
)
def _act(b: ScenarioBuilder, text: str) -> None:
    b.add("act_of_congress", text)


@given(
    "a simple resolution of the Senate approves the action",
    "A one-chamber resolution: not an Act of Congress, not advice and consent by treaty vote.",
)
def _simple(b: ScenarioBuilder, text: str) -> None:
    b.add("simple_resolution", text)


@given(
    "a concurrent resolution of Congress approves the action",
    "Both Houses, no presentment: not an Act of Congress.",
)
def _concurrent(b: ScenarioBuilder, text: str) -> None:
    b.add("concurrent_resolution", text)


@given(
    f"the President consulted {SFRC_HFAC}",
    "The consultation in 22 U.S.C. 1928f(c)(1).",
)
def _consulted(b: ScenarioBuilder, text: str) -> None:
    b.add("consultation", text)


@given(
    f"the President consulted {SFRC_HFAC} on {{date}}",
    "The consultation in 22 U.S.C. 1928f(c)(1), dated: it must come before the (c)(2) notice.",
    example=f"the President consulted {SFRC_HFAC} on 2025-06-01",
)
def _consulted_on(b: ScenarioBuilder, text: str, date: dt.date) -> None:
    b.add("consultation", text, date=date)


@given(
    f"the President notified {SFRC_HFAC} in writing on {{date}}",
    "The written notice in 22 U.S.C. 1928f(c)(2).",
    example=f"the President notified {SFRC_HFAC} in writing on 2025-09-01",
)
def _notified(b: ScenarioBuilder, text: str, date: dt.date) -> None:
    b.add("notice", text, date=date)


@given(
    "the Secretary of Defense certified the action to the congressional defense committees",
    "The Secretary's certification under Pub. L. 119-60, § 1249.",
)
def _cert_secdef(b: ScenarioBuilder, text: str) -> None:
    b.add("certification", text, by="secretary-of-defense")


@given(
    "the Commander of United States European Command certified the action to the congressional defense committees",
    "The EUCOM commander's separate certification under § 1249.",
)
def _cert_eucom(b: ScenarioBuilder, text: str) -> None:
    b.add("certification", text, by="eucom-commander")


@given(
    f"the equipment was in {EUCOM_AOR} on {{date}}",
    "For relocation of equipment: the item arrived in the area on that date (and not before).",
    example=f"the equipment was in {EUCOM_AOR} on 2025-07-01",
)
def _arrived(b: ScenarioBuilder, text: str, date: dt.date) -> None:
    if b.in_area_since is not None:
        raise StepError(f"the equipment's date in the area is already given as {b.in_area_since}")
    b.in_area_since = date
    b.details.append(text)


@given(
    'the interpretation "{name}" is "{value}"',
    "Read an uncertain point of law one way for this scenario (see `constraint-engine rules --params`).",
    example='the interpretation "ndaa-fy2026.1249.dip-days" is "cumulative"',
)
def _interpretation(b: ScenarioBuilder, text: str, name: str, value: str) -> None:
    b.assume(name, value, text)


@given(
    "the Senate gave its advice and consent with {yeas} to {nays} with {present} Senators present",
    "A Senate vote with its nays, for the present-and-voting reading of two-thirds.",
    example="the Senate gave its advice and consent with 60 to 30 with 95 Senators present",
)
def _senate_votes(b: ScenarioBuilder, text: str, yeas: int, nays: int, present: int) -> None:
    if present == 0:
        raise StepError("no Senators present; accepted: 1 to 100 present (a quorum is 51)")
    if yeas + nays > present:
        raise StepError(f"{yeas} yeas and {nays} nays exceed the {present} Senators present")
    b.add("senate_vote", text, yeas=yeas, present=present, voting=yeas + nays)


@given(
    f"United States forces in {EUCOM_AOR} were already below the floor for {{days}} days this fiscal year",
    "Earlier days below the floor, for the cumulative reading of the 45-day tolerance.",
    example=f"United States forces in {EUCOM_AOR} were already below the floor for 30 days this fiscal year",
)
def _prior_days(b: ScenarioBuilder, text: str, days: int) -> None:
    b.prior_days(days, text)


@given(
    "the Secretary of Defense certified the action to the congressional defense committees on {date}",
    "The Secretary's § 1249 certification, submitted on a date (for a waiting period).",
    example="the Secretary of Defense certified the action to the congressional defense committees on 2026-03-01",
)
def _cert_secdef_dated(b: ScenarioBuilder, text: str, date: dt.date) -> None:
    b.add("certification", text, by="secretary-of-defense", date=date)


@given(
    "the Commander of United States European Command certified the action to the congressional defense committees on {date}",
    "The EUCOM commander's § 1249 certification, submitted on a date.",
    example="the Commander of United States European Command certified the action to the congressional defense committees on 2026-03-01",
)
def _cert_eucom_dated(b: ScenarioBuilder, text: str, date: dt.date) -> None:
    b.add("certification", text, by="eucom-commander", date=date)


@given(
    "the Secretary of Defense certified the reduction in the Republic of Korea to the congressional defense committees",
    "The Korea certification: national security interest, after consultation with allies including the ROK.",
)
def _korea_cert(b: ScenarioBuilder, text: str) -> None:
    b.add("korea_certification", text, consulted_allies="yes")


@given(
    "the Secretary of Defense certified the reduction in the Republic of Korea without consulting the allies",
    "A Korea certification that lacks the consultation with allies it must attest.",
)
def _korea_cert_incomplete(b: ScenarioBuilder, text: str) -> None:
    b.add("korea_certification", text, consulted_allies="no")


@given(
    "the Secretary of Defense submitted the assessment of the reduction in Germany to Congress on {date}",
    "The assessment that starts the 120 days of the FY2021 NDAA's Germany limitation.",
    example="the Secretary of Defense submitted the assessment of the reduction in Germany to Congress on 2021-02-01",
)
def _germany_assessment(b: ScenarioBuilder, text: str, date: dt.date) -> None:
    b.add("germany_assessment", text, date=date)


@given(
    "the President notified the appropriate congressional committees of the nuclear force reduction in writing on {date}",
    "The notice, justification and assessment of allied views under 10 U.S.C. 497.",
    example="the President notified the appropriate congressional committees of the nuclear force reduction in writing on 2026-01-02",
)
def _nuclear_notice(b: ScenarioBuilder, text: str, date: dt.date) -> None:
    b.add("nuclear_notice", text, date=date)


@given(
    "the reduction is needed for the safety, security or reliability of the weapons",
    "The exception in 10 U.S.C. 497(b)(2) (an older wording of the next phrase, kept for existing scenarios).",
)
def _nuclear_safety(b: ScenarioBuilder, text: str) -> None:
    b.add("nuclear_safety_action", text)


@given(
    "the reduction is made to ensure the safety, security, reliability, and credibility of the weapons",
    "The exception in 10 U.S.C. 497(b)(2), in the statute's words.",
)
def _nuclear_safety_statute(b: ScenarioBuilder, text: str) -> None:
    b.add("nuclear_safety_action", text)


@given("Congress has declared war", "A declaration of war: 10 U.S.C. 123b does not apply.")
def _war(b: ScenarioBuilder, text: str) -> None:
    b.add("war_declared", text)


@given(
    "an armed attack has been made on a NATO ally, Japan or the Republic of Korea",
    "An armed attack on an ally: 10 U.S.C. 123b does not apply.",
)
def _attack(b: ScenarioBuilder, text: str) -> None:
    b.add("armed_attack_on_ally", text)


@given(
    "the President declared a national emergency and waived the limit on forces ashore abroad",
    "The President's emergency waiver of 10 U.S.C. 123b; it attaches a duty to notify Congress immediately.",
)
def _waiver(b: ScenarioBuilder, text: str) -> None:
    b.add("emergency_waiver", text)


@given(
    "the President immediately notified Congress of the waiver",
    "The notice 10 U.S.C. 123b requires of an emergency waiver.",
)
def _waiver_notice(b: ScenarioBuilder, text: str) -> None:
    b.add("waiver_notice", text)


@given(
    f"United States forces in {EUCOM_AOR} number {{count}}",
    "A baseline: the U.S. service members permanently stationed in or deployed to the EUCOM area before the action.",
    example=f"United States forces in {EUCOM_AOR} number 80,000",
)
def _eucom_baseline(b: ScenarioBuilder, text: str, count: int) -> None:
    b.baseline(EUCOM, count, text)


@given(
    "United States forces in {country} number {count}",
    "A baseline: the U.S. forces stationed in the country before the action.",
    example="United States forces in Germany number 35,000",
)
def _country_baseline(b: ScenarioBuilder, text: str, country: str, count: int) -> None:
    b.baseline(country, count, text)


@given(
    f"the Unified Command Plan moved {{country}} out of {EUCOM_AOR}",
    "An executive redrawing of the EUCOM area: whether it changes what § 1249 counts is a named interpretation.",
    example=f"the Unified Command Plan moved Georgia out of {EUCOM_AOR}",
)
def _aor_change(b: ScenarioBuilder, text: str, country: str) -> None:
    b.add("aor_change", text, country=country)


@given(
    "the President sent Congress a special message proposing to rescind the funds on {date}",
    "A rescission proposal under 2 U.S.C. 683.",
    example="the President sent Congress a special message proposing to rescind the funds on 2026-03-01",
)
def _rescind(b: ScenarioBuilder, text: str, date: dt.date) -> None:
    b.add("special_message", text, proposes="rescind", date=date)


@given(
    "the President sent Congress a special message proposing to defer the funds on {date}",
    "A deferral proposal under 2 U.S.C. 684.",
    example="the President sent Congress a special message proposing to defer the funds on 2026-03-01",
)
def _defer(b: ScenarioBuilder, text: str, date: dt.date) -> None:
    b.add("special_message", text, proposes="defer", date=date)


@given(
    "the deferral is {ground}",
    "The ground of a deferral: to provide for contingencies; to achieve savings from changed requirements or "
    "greater efficiency; specifically provided by law; for policy reasons (never a lawful ground).",
    example="the deferral is to provide for contingencies",
)
def _ground(b: ScenarioBuilder, text: str, ground: str) -> None:
    b.add("deferral_ground", text, ground=ground)


@given("Congress enacted a rescission bill for the funds", "Congress completed action on a rescission bill.")
def _rescinded(b: ScenarioBuilder, text: str) -> None:
    b.add("rescission_enacted", text)


@given(
    "Congress enacted a rescission bill for the funds on {date}",
    "Congress completed action on a rescission bill on that day (2 U.S.C. 683): within the review period, the "
    "funds may be withheld until then.",
    example="Congress enacted a rescission bill for the funds on 2026-04-01",
)
def _rescinded_on(b: ScenarioBuilder, text: str, date: dt.date) -> None:
    b.add("rescission_enacted", text, date=date)


@given(
    "Congress adjourned for more than three days from {date} to {date2}",
    "Either House adjourned on the first day and sat again on the second; the days between are not days of "
    "continuous session (2 U.S.C. 682(5)).",
    example="Congress adjourned for more than three days from 2026-04-02 to 2026-04-20",
)
def _adjourned(b: ScenarioBuilder, text: str, date: dt.date, date2: dt.date) -> None:
    if (date2 - date).days <= 4:  # at least four days between adjourning and sitting again
        raise StepError(
            f"from {date} to {date2} is not an adjournment of more than three days; accepted: a second date at "
            "least five days after the first (only such adjournments break the count of continuous session)"
        )
    b.add("adjournment", text, start=date, end=date2)


@given(
    "the funds were proposed for rescission before, on {date}, and Congress did not rescind them",
    "An earlier rescission proposal for the same funds: they may not be proposed for rescission again "
    "(2 U.S.C. 683).",
    example="the funds were proposed for rescission before, on 2025-06-01, and Congress did not rescind them",
)
def _proposed_before(b: ScenarioBuilder, text: str, date: dt.date) -> None:
    b.add("prior_rescission_proposal", text, date=date)


@given(
    "the funds expire on {date}",
    "The last day the withheld funds are available for obligation (GAO B-330330).",
    example="the funds expire on 2026-09-30",
)
def _expiry(b: ScenarioBuilder, text: str, date: dt.date) -> None:
    b.add("funds_expiry", text, date=date)


@given(
    "the Secretary of Defense notified Congress of the curtailment {hours} hours after it began",
    "The notice owed when intelligence sharing with Ukraine is curtailed.",
    example="the Secretary of Defense notified Congress of the curtailment 24 hours after it began",
)
def _intel_notice(b: ScenarioBuilder, text: str, hours: int) -> None:
    b.add("intel_notice", text, hours=hours)


def _treaty_action(verb: str, kind: str) -> None:
    template = f"the {{actor}} proposes to {verb}"

    @when(template, f"The {{actor}} proposes to {verb}.", example=template.replace("{actor}", "President"))
    def _(b: ScenarioBuilder, text: str, actor: str) -> None:
        b.set_action(text, kind=kind, actor=actor)


_treaty_action(f"withdraw the United States from {TREATY}", "withdraw")
_treaty_action(f"suspend {TREATY}", "suspend")
_treaty_action(f"terminate {TREATY}", "terminate")
_treaty_action(f"denounce {TREATY}", "denounce")
_treaty_action(f"give notice of denunciation under Article 13 of {TREATY}", "denunciation-notice")
_treaty_action(
    "withdraw the United States from the integrated military command structure of NATO",
    "leave-integrated-command",
)
_treaty_action(
    f"declare that the United States will not defend an ally under Article 5 of {TREATY}", "disavow-article-5"
)
_treaty_action(f"revoke a notice of denunciation of {TREATY}", "revoke-denunciation")


@when(
    f"the President proposes to begin deliberating whether to withdraw the United States from {TREATY}",
    "Internal deliberation about withdrawal, with no decision yet (22 U.S.C. 1928f(c)(2) reaches deliberations).",
)
def _deliberate(b: ScenarioBuilder, text: str) -> None:
    b.set_action(text, kind="deliberate-withdrawal", actor="President")


@when(
    "the Secretary of Defense proposes to withdraw {count} United States troops from {country} for {days} days",
    "Withdrawing troops from a country (and, for a country in the EUCOM area, from the area) for a number of days.",
    example="the Secretary of Defense proposes to withdraw 5,000 United States troops from Germany for 60 days",
)
def _withdraw_troops(b: ScenarioBuilder, text: str, count: int, country: str, days: int) -> None:
    b.set_action(
        text, kind="withdraw-troops", actor="Secretary of Defense", count=count, country=country, days=days
    )


@when(
    "the Secretary of Defense proposes to move {count} United States troops from {country} to {country2}",
    "Moving troops for good from one country to another: within the EUCOM area its total is unchanged.",
    example="the Secretary of Defense proposes to move 3,000 United States troops from Germany to Poland",
)
def _move_troops(b: ScenarioBuilder, text: str, count: int, country: str, country2: str) -> None:
    if country == country2:
        raise StepError(
            f"a move from {country} to {country2} moves nothing; accepted: two different countries"
        )
    b.set_action(
        text,
        kind="move-troops",
        actor="Secretary of Defense",
        count=count,
        country=country,
        to_country=country2,
    )


@when(
    f"the Secretary of Defense proposes to reduce United States forces in {EUCOM_AOR} to {{count}} for {{days}} days",
    "A reduction of the forces in the EUCOM area to a count, for a number of days.",
    example=f"the Secretary of Defense proposes to reduce United States forces in {EUCOM_AOR} to 75,000 for 60 days",
)
def _reduce(b: ScenarioBuilder, text: str, count: int, days: int) -> None:
    b.set_action(text, kind="reduce-eucom-forces", actor="Secretary of Defense", count=count, days=days)


@when(
    f"the Secretary of Defense proposes to relocate equipment valued at {{money}} out of {EUCOM_AOR}",
    "Relocating an item of the given initial purchase value out of the EUCOM area.",
    example=f"the Secretary of Defense proposes to relocate equipment valued at $2,000,000 out of {EUCOM_AOR}",
)
def _relocate(b: ScenarioBuilder, text: str, money: int) -> None:
    b.set_action(text, kind="relocate-equipment", actor="Secretary of Defense", value=money)


@when(
    "the Secretary of Defense proposes to return a military installation in {country} to the host nation",
    "Returning a base in the named country to its host nation.",
    example="the Secretary of Defense proposes to return a military installation in Germany to the host nation",
)
def _return(b: ScenarioBuilder, text: str, country: str) -> None:
    b.set_action(text, kind="return-installation", actor="Secretary of Defense", country=country)


@when(
    "the {actor} proposes to relinquish the post of Supreme Allied Commander Europe",
    "Giving up the U.S. hold on the post of SACEUR.",
    example="the President proposes to relinquish the post of Supreme Allied Commander Europe",
)
def _saceur(b: ScenarioBuilder, text: str, actor: str) -> None:
    b.set_action(text, kind="relinquish-saceur", actor=actor)


@when(
    "the Secretary of Defense proposes to reduce United States forces in the Republic of Korea to {count}",
    "A reduction of the forces stationed in the Republic of Korea to a count.",
    example="the Secretary of Defense proposes to reduce United States forces in the Republic of Korea to 28,000",
)
def _reduce_korea(b: ScenarioBuilder, text: str, count: int) -> None:
    b.set_action(text, kind="reduce-korea-forces", actor="Secretary of Defense", count=count)


@when(
    "the Secretary of Defense proposes to reduce United States forces in Germany to {count}",
    "A reduction of the forces stationed in Germany to a count.",
    example="the Secretary of Defense proposes to reduce United States forces in Germany to 24,000",
)
def _reduce_germany(b: ScenarioBuilder, text: str, count: int) -> None:
    b.set_action(text, kind="reduce-germany-forces", actor="Secretary of Defense", count=count)


@when(
    "the {actor} proposes to reduce United States nuclear forces based in Europe",
    "Reducing, consolidating or withdrawing U.S. nuclear forces based in Europe (10 U.S.C. 497).",
    example="the President proposes to reduce United States nuclear forces based in Europe",
)
def _reduce_nuclear(b: ScenarioBuilder, text: str, actor: str) -> None:
    b.set_action(text, kind="reduce-nuclear-forces-europe", actor=actor)


@when(
    "the Secretary of Defense proposes to keep {count} members of the armed forces on permanent duty ashore outside the United States at the end of the fiscal year",
    "The number on permanent duty ashore abroad at a fiscal-year end (10 U.S.C. 123b).",
    example="the Secretary of Defense proposes to keep 210,000 members of the armed forces on permanent duty ashore outside the United States at the end of the fiscal year",
)
def _ashore(b: ScenarioBuilder, text: str, count: int) -> None:
    b.set_action(text, kind="station-forces-abroad", actor="Secretary of Defense", count=count)


@when(
    "the President proposes to withhold {money} of {program} funds for {days} days",
    "Withholding appropriated funds of a program from obligation, from the scenario's date, for a number of days.",
    example="the President proposes to withhold $200,000,000 of Ukraine Security Assistance Initiative funds for 60 days",
)
def _withhold(b: ScenarioBuilder, text: str, money: int, program: str, days: int) -> None:
    b.set_action(text, kind="withhold-funds", actor="President", value=money, days=days, program=program)


@when(
    "the Secretary of Defense proposes to curtail intelligence sharing with Ukraine",
    "Suspending, terminating or curtailing intelligence sharing or support with Ukraine.",
)
def _curtail_intel(b: ScenarioBuilder, text: str) -> None:
    b.set_action(text, kind="curtail-intel-sharing", actor="Secretary of Defense")


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
        raise ExpectationFailed(f"expected the action to be blocked, but {_undetermined_words(verdict)}")
    if verdict.outcome != "blocked":
        raise ExpectationFailed("expected the action to be blocked, but no authority in force blocks it")


@then("the action is permitted", "No authority in force blocks the action, and none is left undecided.")
def _is_permitted(verdict: Any) -> None:
    _require_evaluated(verdict)
    if verdict.outcome == "undetermined":
        raise ExpectationFailed(f"expected the action to be permitted, but {_undetermined_words(verdict)}")
    if verdict.outcome != "permitted":
        cites = ", ".join(_blocking_citations(verdict))
        raise ExpectationFailed(f"expected the action to be permitted, but it is blocked by {cites}")


@then(
    "the action is undetermined",
    "No authority blocks it, but one cannot decide it without a fact the scenario does not give.",
)
def _is_undetermined(verdict: Any) -> None:
    _require_evaluated(verdict)
    if verdict.outcome != "undetermined":
        raise ExpectationFailed(
            f"expected the action to be undetermined, but it is {_outcome_words(verdict)}"
        )


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
    example='the outcome depends on the interpretation "senate.present"',
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


def _outcome_words(verdict: Any) -> str:
    if verdict.outcome == "blocked":
        return "blocked by " + ", ".join(dict.fromkeys(_blocking_citations(verdict)))
    if verdict.outcome == "undetermined":
        return _undetermined_words(verdict)
    return verdict.outcome


def _undetermined_words(verdict: Any) -> str:
    needs = "; ".join(f"{m.citation} needs: {' or '.join(m.add)}" for m in verdict.undetermined)
    return f"it is undetermined ({needs})"


@then(
    'the action is blocked by "{citation}"',
    "One of the blocking authorities matches the citation.",
    example='the action is blocked by "22 U.S.C. 1928f(a)"',
)
def _blocked_by(verdict: Any, citation: str) -> None:
    _require_evaluated(verdict)
    if not any(matches(citation, [b.citation, *b.aliases]) for b in verdict.blocked_by):
        found = _blocking_citations(verdict) or "nothing"
        raise ExpectationFailed(f'expected a block by "{citation}", but the action is blocked by {found}')


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
