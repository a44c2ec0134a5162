"""Citations and names: what a user writes resolves to what the law says, or is refused with a suggestion."""

from __future__ import annotations

import pytest

from constraint_engine.citations import CitationIndex, matches, normalise
from constraint_engine.loading import load_rulebook
from constraint_engine.names import names
from constraint_engine.placeholders import StepError, parse_actor, parse_country


@pytest.fixture(scope="module")
def index() -> CitationIndex:
    return load_rulebook().citations


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("22 USC 1928f(a)", "22 u.s.c. 1928f(a)"),
        ("22 U.S.C. § 1928f(a)", "22 u.s.c. 1928f(a)"),
        ("22 u. s. c. sec. 1928f (a)", "22 u.s.c. 1928f(a)"),
        ("Public Law 119-60", "pub. l. 119-60"),
        ("P.L. 119-60", "pub. l. 119-60"),
        ("Article 13 of the North Atlantic Treaty", "north atlantic treaty, art. 13"),
        ("North Atlantic Treaty, Article 13", "north atlantic treaty, art. 13"),
    ],
)
def test_lawyers_spellings_normalise_alike(written: str, canonical: str):
    assert normalise(written) == canonical


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "22 U.S.C. 1928f",
            {"nsa.1928f.a", "nsa.1928f.b", "nsa.1928f.c1", "nsa.1928f.c2", "nsa.1928f.c2.deliberation"},
        ),
        ("Art. 13", {"nat.art13", "nat.art13.revocation"}),
        (
            "Pub. L. 119-60",
            {
                "ndaa-fy2026.1249.troop-floor",
                "ndaa-fy2026.1249.equipment",
                "ndaa-fy2026.1249.real-property",
                "ndaa-fy2026.1249.saceur",
                "ndaa-fy2026.1249.troop-floor-withdrawal",
                "ndaa-fy2026.1249.troop-floor-move",
                "ndaa-fy2026.korea.troop-floor",
                "ndaa-fy2026.korea.troop-floor-withdrawal",
                "ndaa-fy2026.ukraine-intel",
            },
        ),
        (
            "Pub. L. 116-283",
            {"ndaa-fy2021.germany.troop-floor", "ndaa-fy2021.germany.troop-floor-withdrawal"},
        ),
        (
            "Pub. L. 93-344",
            {
                "ica.withholding",
                "ica.rescission-period",
                "ica.deferral-fiscal-year",
                "ica.expiry",
                "ica.repeat-rescission",
            },
        ),
    ],
)
def test_a_whole_names_all_its_parts_and_a_law_all_its_provisions(index: CitationIndex, query: str, expected):
    assert set(index.provisions(query)) == expected


def test_a_number_that_only_starts_alike_is_not_a_part():
    assert not matches("Pub. L. 119-6", ["Pub. L. 119-60, § 1249"])
    assert not matches("22 U.S.C. 1928", ["22 U.S.C. 1928f(a)"])


def test_an_unknown_citation_gets_the_nearest_known_ones(index: CitationIndex):
    assert index.provisions("22 U.S.C. 1982f(a)") == []
    assert index.nearest("22 U.S.C. 1982f(a)")[0] == "22 U.S.C. 1928f(a)"


def test_a_suggestion_for_a_huge_citation_is_bounded(index: CitationIndex):
    assert index.nearest("x" * 200_000)  # compares a short prefix only


def test_every_country_a_pack_names_is_canonical_and_names_are_unambiguous():
    countries = names().countries
    assert len(countries.canonical) == len(set(countries.canonical)) >= 195
    assert countries.resolve("  the   NETHERLANDS ") == "Netherlands"
    assert countries.resolve("Türkiye") == "Turkey"


@pytest.mark.parametrize("text", ["Atlantis", "", "Germany!"])
def test_an_unknown_country_is_an_error_listing_what_is_accepted(text: str):
    with pytest.raises(StepError, match="unknown country .* Accepted: any of the"):
        parse_country(text)


def test_actors_match_in_any_case():
    assert parse_actor("president") == "President"
    assert parse_actor("SECRETARY OF DEFENSE") == "Secretary of Defense"
    with pytest.raises(StepError, match="unknown actor 'Vice President'; accepted: President"):
        parse_actor("Vice President")
