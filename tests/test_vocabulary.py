"""Every phrase of the core vocabulary works exactly as written; bad steps say what is accepted."""

from __future__ import annotations

import datetime as dt

import pytest

from constraint_engine.citations import matches, normalise
from constraint_engine.steps import ScenarioBuilder, StepError, bundled_registry

ACTORS = ["President", "Secretary of State", "Secretary of Defense"]
GIVEN = [
    "the date is 2026-03-01",
    "the Senate gave its advice and consent with 70 of 100 Senators present concurring",
    "an Act of Congress authorizes the action",
    "a simple resolution of the Senate approves the action",
    "a concurrent resolution of Congress approves the action",
    "the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee",
    "the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-09-01",
    "the Secretary of Defense certified the action to the congressional defense committees",
    "the Commander of United States European Command certified the action to the congressional defense committees",
    "the equipment was in the European Command area of responsibility on 2025-05-01",
]
WHEN = {
    "the {actor} proposes to withdraw the United States from the North Atlantic Treaty": "withdraw",
    "the {actor} proposes to suspend the North Atlantic Treaty": "suspend",
    "the {actor} proposes to terminate the North Atlantic Treaty": "terminate",
    "the {actor} proposes to denounce the North Atlantic Treaty": "denounce",
    "the {actor} proposes to give notice of denunciation under Article 13 of the North Atlantic Treaty": "denunciation-notice",
    "the {actor} proposes to relinquish the post of Supreme Allied Commander Europe": "relinquish-saceur",
}


@pytest.mark.parametrize("text", GIVEN)
def test_every_given_phrase_is_understood(text: str):
    builder = ScenarioBuilder()
    bundled_registry().apply("given", text, builder)
    assert builder.facts or builder.date or builder.qualifiers


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize(("template", "kind"), list(WHEN.items()))
def test_every_when_phrase_is_understood_for_every_actor(template: str, kind: str, actor: str):
    builder = ScenarioBuilder()
    bundled_registry().apply("when", template.format(actor=actor), builder)
    assert builder.action is not None
    assert builder.action.fields == {"kind": kind, "actor": actor}


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        (
            "the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 76,000 for 45 days",
            {"count": 76000, "days": 45},
        ),
        (
            "the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 75999 for 46 days",
            {"count": 75999, "days": 46},
        ),
        (
            "the Secretary of Defense proposes to relocate equipment valued at $500,000 out of the European Command area of responsibility",
            {"value": 500000},
        ),
        (
            "the Secretary of Defense proposes to relocate equipment valued at $2000000 out of the European Command area of responsibility",
            {"value": 2000000},
        ),
        (
            "the Secretary of Defense proposes to return a military installation in Germany to the host nation",
            {"country": "Germany"},
        ),
    ],
)
def test_numbers_money_and_places_are_read_with_or_without_separators(text: str, fields: dict[str, object]):
    builder = ScenarioBuilder()
    bundled_registry().apply("when", text, builder)
    assert builder.action is not None
    assert {k: builder.action.fields[k] for k in fields} == fields


@pytest.mark.parametrize(
    "text",
    [
        "the action is blocked",
        "the action is permitted",
        'the action is blocked by "22 U.S.C. 1928f(a)"',
        'the action is not blocked by "North Atlantic Treaty, Art. 13"',
    ],
)
def test_every_then_phrase_is_understood(text: str):
    builder = ScenarioBuilder()
    bundled_registry().apply("then", text, builder)
    assert len(builder.expectations) == 1


@pytest.mark.parametrize(
    ("kind", "text", "says"),
    [
        ("given", "the date is 2026-02-30", "not a calendar date"),
        ("given", "the date is March 1", "not a date"),
        (
            "given",
            "the Senate gave its advice and consent with 70 of 60 Senators present concurring",
            "cannot exceed",
        ),
        (
            "given",
            "the Senate gave its advice and consent with 70 of 101 Senators present concurring",
            "at most 100",
        ),
        (
            "given",
            "the Senate gave its advice and consent with 0 of 0 Senators present concurring",
            "no Senators present",
        ),
        ("when", "the Vice President proposes to suspend the North Atlantic Treaty", "unknown actor"),
        (
            "when",
            "the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to -5 for 10 days",
            "negative",
        ),
        (
            "when",
            "the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 9,000,000 for 10 days",
            "not a plausible troop count",
        ),
        (
            "when",
            "the Secretary of Defense proposes to relocate equipment valued at $lots out of the European Command area of responsibility",
            "not an amount of money",
        ),
        ("when", "the President proposes to leave NATO", "Nearest known phrase"),
        ("given", "the President proposes to suspend the North Atlantic Treaty", "is a When phrase"),
    ],
)
def test_malformed_steps_say_what_is_wrong_and_what_is_accepted(kind: str, text: str, says: str):
    with pytest.raises(StepError, match=says):
        bundled_registry().apply(kind, text, ScenarioBuilder())  # type: ignore[arg-type]


def test_undefined_step_suggests_the_nearest_phrase():
    with pytest.raises(StepError) as info:
        bundled_registry().apply(
            "when", "the President proposes to withdraw from the North Atlantic Treaty", ScenarioBuilder()
        )
    assert "Nearest known phrase: When the {actor} proposes to withdraw the United States" in str(info.value)


def test_a_scenario_without_a_date_is_evaluated_today_and_says_so():
    builder = ScenarioBuilder()
    bundled_registry().apply("when", "the President proposes to suspend the North Atlantic Treaty", builder)
    p = builder.proposal(dt.date(2026, 11, 27))
    assert p.date == dt.date(2026, 11, 27) and p.date_defaulted


def test_two_when_steps_are_refused():
    builder = ScenarioBuilder()
    bundled_registry().apply("when", "the President proposes to suspend the North Atlantic Treaty", builder)
    with pytest.raises(StepError, match="exactly one action"):
        bundled_registry().apply(
            "when", "the President proposes to terminate the North Atlantic Treaty", builder
        )


@pytest.mark.parametrize(
    ("query", "citation", "hit"),
    [
        ("22 U.S.C. 1928f(a)", "22 U.S.C. 1928f(a)", True),
        ("22 u.s.c.   1928F(A)", "22 U.S.C. 1928f(a)", True),
        ("22 U.S.C. 1928f", "22 U.S.C. 1928f(c)(2)", True),
        ("22 U.S.C. 1928f(c)", "22 U.S.C. 1928f(c)(1)", True),
        ("22 U.S.C. 1928f(c)(1)", "22 U.S.C. 1928f(c)(2)", False),
        ("22 U.S.C. 1928", "22 U.S.C. 1928f(a)", False),
        ("Pub. L. 118-31, § 1250A(a)", "Pub. L. 118-31, § 1250A(a)", True),
        ("Pub. L. 118-31, sec. 1250A(a)", "Pub. L. 118-31, § 1250A(a)", True),
        ("Pub. L. 118-31, section 1250A", "Pub. L. 118-31, § 1250A(c)(2)", True),
        ("NDAA FY2026 § 1249", "NDAA FY2026 § 1249", True),
        ("North Atlantic Treaty", "North Atlantic Treaty, Art. 13", True),
        ("", "22 U.S.C. 1928f(a)", False),
    ],
)
def test_citation_matching_follows_the_vocabulary(query: str, citation: str, hit: bool):
    assert matches(query, [citation]) is hit


def test_normalise_drops_section_marks_and_collapses_spaces():
    assert normalise("Pub. L. 119-60,  §  1249") == "pub. l. 119-60, 1249"


def test_the_nearest_phrase_to_a_senate_vote_is_a_senate_vote():
    hint = bundled_registry().suggest("given", "the Senate voted 60-40")
    assert hint.startswith("Nearest known phrase: Given the Senate gave its advice and consent")
