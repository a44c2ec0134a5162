"""The types a phrase's {placeholders} may have: each with its parser, bounds and message, defined once.

A rule pack's phrase names a type for each placeholder (or takes it from the placeholder's name: {date},
{date2}, {count}); the pack never says how to read a value. Placeholders capture loosely and are then
converted, so a bad value gets a precise message (an impossible date, a negative count) instead of
"undefined step".
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Literal

from .bounds import MAX_DAYS, MAX_DOLLARS, MAX_HOURS, MAX_TROOPS, check_date_bounds
from .models import DUTY_STATUSES
from .names import NameList, Names, names

FieldType = Literal["int", "str", "date"]


class StepError(ValueError):
    """A step that is undefined or malformed; the message quotes the step and says what is accepted."""


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


# The scales headlines use: "20 thousand troops", "$300 million", "$1.2 billion".
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SCALED = re.compile(
    r"([0-9]{1,3}(?:,[0-9]{3})*|[0-9]+)(?:\.([0-9]{1,6}))? (thousand|million|billion|trillion)"
)


def _scaled(text: str, what: str) -> int | None:
    """A number written with a scale word, as a whole number; None when it is not so written. A fraction that
    does not come to a whole number (1.0000001 thousand) is an error, never rounded."""
    m = _SCALED.fullmatch(text)
    if m is None:
        return None
    whole, fraction, scale = m.group(1).replace(",", ""), m.group(2) or "", _SCALES[m.group(3)]
    numerator = int(whole + fraction) * scale
    denominator = 10 ** len(fraction)
    if numerator % denominator:
        raise StepError(f"{text} is not a whole {what}; accepted: a number that comes to a whole one")
    return numerator // denominator


def parse_whole(text: str, what: str = "number", maximum: int | None = None) -> int:
    scaled = _scaled(text, what)
    if scaled is not None:
        if maximum is not None and scaled > maximum:
            raise StepError(f"{text} is not a plausible {what}; accepted: at most {maximum:,}")
        return scaled
    if not re.fullmatch(r"-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)", text):
        raise StepError(
            f"{text!r} is not a whole number; accepted: digits with optional thousands commas, e.g. 76,000, "
            "or with a scale word, e.g. 20 thousand"
        )
    value = int(text.replace(",", ""))
    if text.startswith("-"):  # -0 and -0,000 too: a sign is never part of a count (as +5 is refused)
        raise StepError(f"{text} is negative; a {what} is zero or more")
    if maximum is not None and value > maximum:
        raise StepError(f"{text} is not a plausible {what}; accepted: at most {maximum:,}")
    return value


def parse_money(text: str) -> int:
    scaled = _scaled(text[1:], "number of dollars") if text.startswith("$") else None
    if scaled is not None:
        value = scaled
    elif not re.fullmatch(r"\$([0-9]{1,3}(,[0-9]{3})+|[0-9]+)", text):
        raise StepError(
            f"{text!r} is not an amount of money; accepted: a dollar sign and digits, e.g. $500,000, or "
            "with a scale word, e.g. $300 million or $1.2 billion"
        )
    else:
        value = int(text[1:].replace(",", ""))
    if value > MAX_DOLLARS:
        raise StepError(f"{text} is not a plausible amount; accepted: at most ${MAX_DOLLARS:,}")
    return value


def parse_actor(text: str, known: Names | None = None) -> str:
    actors = (known or names()).actors
    actor = actors.resolve(text)
    if actor is None:
        raise StepError(f"unknown actor {text!r}; accepted: {actors.accepted()}")
    return actor


def parse_country(text: str, known: Names | None = None) -> str:
    countries = (known or names()).countries
    country = countries.resolve(text)
    if country is None:
        near = difflib.get_close_matches(text[:100].title(), countries.canonical, n=3, cutoff=0.6)
        hint = f" Did you mean {' or '.join(near)}?" if near else ""
        raise StepError(
            f"unknown country {text!r}.{hint} Accepted: any of the {len(countries.canonical)} countries in "
            "constraint_engine/vocabulary/names.yaml or the rule packs' names: by its English name (Germany, "
            "the United Kingdom) or a "
            "common other name (Deutschland, UK), in any case"
        )
    return country


def parse_program(text: str, known: Names | None = None) -> str:
    programs = (known or names()).programs
    program = programs.resolve(text)
    if program is None:
        raise StepError(
            f"unknown program {text!r}; accepted: {programs.accepted()} (or their abbreviations, "
            "such as USAI); a rule pack adds one under vocabulary: names: program:"
        )
    return program


def name_types(known: Names) -> dict[str, PlaceholderType]:
    """The placeholder types of a law's names: the bundled kinds with what its packs add, and each kind a
    pack declares of its own ({organization})."""
    out = {
        "actor": PlaceholderType(
            "actor", " or ".join(known.actors.canonical), "str", partial(parse_actor, known=known)
        ),
        "country": PlaceholderType(
            "country", "a country name (Germany)", "str", partial(parse_country, known=known)
        ),
        "program": PlaceholderType(
            "program",
            "a program a rule pack names, e.g. Ukraine Security Assistance Initiative (USAI)",
            "str",
            partial(parse_program, known=known),
        ),
    }
    for kind, listed in known.kinds.items():
        if kind not in out:
            out[kind] = PlaceholderType(kind, listed.accepted(), "str", partial(_parse_name_of, kind, listed))
    return out


# Parsers are module functions (bound with functools.partial), never closures: a law is cached on disk by
# pickling it (law_cache.py), and a closure cannot be pickled.


def _parse_name_of(kind: str, listed: NameList, text: str) -> str:
    found = listed.resolve(text)
    if found is None:
        raise StepError(f"unknown {kind} {text!r}; accepted: {listed.accepted()}")
    return found


def parse_duty_status(text: str) -> str:
    if text not in DUTY_STATUSES:
        raise StepError(f"{text!r} is not a duty's status; accepted: {', '.join(DUTY_STATUSES)}")
    return text


def parse_citation(text: str) -> str:
    if not text.strip():
        raise StepError('the citation is empty; accepted: e.g. "22 U.S.C. 1928f(a)"')
    return text


def parse_name(text: str) -> str:
    if not re.fullmatch(r"[a-z0-9][a-z0-9.\-]*", text):
        raise StepError(
            f"{text!r} is not an interpretation id; accepted: an id as `constraint-engine rules --params` "
            "lists it"
        )
    return text


def _grouped(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


@dataclass(frozen=True)
class PlaceholderType:
    """How a placeholder's text becomes a value: what it accepts, its parser, how a value is written back."""

    name: str
    accepts: str
    field_type: FieldType
    parse: Callable[[str], Any]
    show: Callable[[Any], str] = str
    ranged: bool = False  # explore --range can vary it (whole numbers and dates)
    choices: dict[str, str] = field(default_factory=dict)  # words -> value, for a pack's own choice type
    maximum: int | None = None  # the largest value a whole-number type accepts


def _whole(name: str, what: str, maximum: int, accepts: str) -> PlaceholderType:
    return PlaceholderType(
        name,
        accepts,
        "int",
        partial(parse_whole, what=what, maximum=maximum),
        _grouped,
        ranged=True,
        maximum=maximum,
    )


def _dollars(value: int) -> str:
    return f"${value:,}"


def _as_written(text: str) -> str:
    return text


TYPES: dict[str, PlaceholderType] = {
    t.name: t
    for t in [
        PlaceholderType("date", "an ISO date, YYYY-MM-DD", "date", parse_date, ranged=True),
        _whole("count", "troop count", MAX_TROOPS, "a whole number, commas allowed (76,000), or 20 thousand"),
        _whole("senators", "number of Senators", 100, "a whole number of Senators, 0 to 100"),
        _whole("days", "number of days", MAX_DAYS, "a whole number of days"),
        _whole("hours", "number of hours", MAX_HOURS, "a whole number of hours"),
        PlaceholderType(
            "money",
            "dollars: a $ and digits, commas allowed ($500,000), or a scale word ($300 million)",
            "int",
            parse_money,
            _dollars,
            ranged=True,
        ),
        *name_types(names()).values(),
        PlaceholderType(
            "citation",
            "a citation, e.g. 22 U.S.C. 1928f(a); a whole matches its parts",
            "str",
            parse_citation,
        ),
        PlaceholderType("status", " or ".join(DUTY_STATUSES), "str", parse_duty_status),
        PlaceholderType("name", "an interpretation id (constraint-engine rules --params)", "str", parse_name),
        PlaceholderType("value", "one of the interpretation's choices", "str", _as_written),
    ]
}
CHOICE = "choice"  # a pack's own words, each standing for a value: {type: choice, choices: {words: value}}


def choice_type(name: str, choices: dict[str, str]) -> PlaceholderType:
    words = {v: k for k, v in choices.items()}
    return PlaceholderType(
        name,
        "; ".join(choices),
        "str",
        partial(_parse_choice, name, dict(choices)),
        partial(_choice_words, words),
        choices=dict(choices),
    )


def _parse_choice(name: str, choices: dict[str, str], text: str) -> str:
    if text not in choices:
        raise StepError(f"unknown {name} {text!r}; accepted: {'; '.join(choices)}")
    return choices[text]


def _choice_words(words: dict[str, str], value: Any) -> str:
    return words.get(value, str(value))


def implied_type(placeholder: str, kinds: dict[str, PlaceholderType] | None = None) -> str | None:
    """The type a placeholder's own name gives it: {date} and {date2} are dates, {country2} a country,
    {organization} a name of that kind where a pack declares it."""
    base = placeholder.rstrip("0123456789")
    return base if base in (kinds or TYPES) else None
