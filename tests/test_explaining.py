"""Explanations: the cited provision, the derivation, computed cures that lift their block, caveats, formats."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings

from constraint_engine.cases import Case
from constraint_engine.cli import main
from constraint_engine.curing import candidates
from constraint_engine.explaining import Verdict
from constraint_engine.facts import Proposal
from constraint_engine.features import collect, parse_feature
from constraint_engine.render import VERDICT_FORMATS, render_verdict
from constraint_engine.running import Runner
from tests.conftest import ROOT
from tests.strategies import proposals

WITHDRAW = "the President proposes to withdraw the United States from the North Atlantic Treaty"
REDUCE = "the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to {count} for {days} days"


def evaluate(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["evaluate", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def verdict_json(*args: str) -> dict:
    code, out = evaluate(*args, "--format", "json")
    assert code == 0, out
    return json.loads(out)


def blocked(v: dict, provision: str) -> dict:
    return next(b for b in v["blocked_by"] if b["provision"] == provision)


def test_evaluate_the_issue_example_and_cite_the_blocking_provisions():
    v = verdict_json(WITHDRAW, "--given", "the date is 2026-02-10")
    assert v["schema"] == "constraint-engine/verdict/2" and v["outcome"] == "blocked"
    assert {b["citation"] for b in v["blocked_by"]} == {
        "22 U.S.C. 1928f(a)",
        "22 U.S.C. 1928f(b)",
        "22 U.S.C. 1928f(c)(1)",
        "22 U.S.C. 1928f(c)(2)",
    }
    a = blocked(v, "nsa.1928f.a")
    assert a["status"] == "verified" and a["sources"][0]["url"].startswith("https://")
    assert a["summary"] and a["title"]


def test_cures_carry_the_vote_count_of_this_case():
    v = verdict_json(
        WITHDRAW,
        "--given",
        "the date is 2026-02-10",
        "--given",
        "Given the Senate gave its advice and consent with 63 of 95 Senators present concurring",
    )
    cures = blocked(v, "nsa.1928f.a")["cure"]
    assert "advice and consent of the Senate with at least 64 of the 95 Senators present concurring" in cures
    assert any("Act of Congress" in c for c in cures)


def test_cures_carry_the_notice_deadline_and_the_earliest_lawful_day():
    v = verdict_json(
        WITHDRAW,
        "--given",
        "the date is 2026-02-10",
        "--given",
        "the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-08-20",
    )
    cures = blocked(v, "nsa.1928f.c2")["cure"]
    assert any(c.endswith("on or before 2025-08-14") for c in cures)
    assert "act on or after 2026-02-16" in cures


def test_troop_floor_cures_name_the_floor_the_tolerance_and_the_missing_certification():
    v = verdict_json(
        REDUCE.format(count="70,000", days=90),
        "--given",
        "the date is 2026-05-01",
        "--given",
        "the Secretary of Defense certified the action to the congressional defense committees",
    )
    cures = blocked(v, "ndaa-fy2026.1249.troop-floor")["cure"]
    assert "keep the count at or above 76,000" in cures
    assert "keep the period below the floor to 45 days or fewer" in cures
    assert "obtain the certification of the Commander of U.S. European Command as well" in cures


def test_article_13_cure_is_the_first_lawful_day():
    v = verdict_json(
        "the President proposes to give notice of denunciation under Article 13 of the North Atlantic Treaty",
        "--given",
        "the date is 1969-08-23",
    )
    assert blocked(v, "nat.art13")["cure"] == ["act on or after 1969-08-24"]


def test_reported_provisions_carry_a_caveat_and_the_executive_view_is_flagged():
    v = verdict_json(
        "the President proposes to relinquish the post of Supreme Allied Commander Europe",
        "--given",
        "the date is 2026-05-01",
    )
    assert any("REPORTED" in c and "§ 1249" in c for c in v["caveats"])
    nsa = verdict_json(WITHDRAW, "--given", "the date is 2026-05-01")
    assert any("Goldwater v. Carter" in c for c in nsa["caveats"])
    assert any("OLC" in c for c in nsa["caveats"])


def test_a_verified_statute_says_when_the_period_in_force_is_uncertain():
    # The day 10 U.S.C. 497's 120 days began is a named interpretation (the amending law was not found).
    nuclear = "the President proposes to reduce United States nuclear forces based in Europe"
    late = verdict_json(nuclear, "--given", "the date is 2024-06-01")
    assert any("t10.497.long-notice-from" in c and "UNCERTAIN" in c for c in late["caveats"])
    noticed = (
        "the President notified the appropriate congressional committees of the nuclear force reduction "
        "in writing on 2018-03-03"
    )
    early = verdict_json(nuclear, "--given", "the date is 2018-06-01", "--given", noticed)
    (dependence,) = early["depends_on"]
    assert dependence["interpretation"] == "t10.497.long-notice-from"
    assert dependence["outcomes"] == {"copy-2023": "permitted", "pub-l-113-66": "blocked by 10 U.S.C. 497"}


def test_a_missing_date_is_said():
    v = verdict_json(WITHDRAW)
    assert v["date_defaulted"] is True
    assert any("No date was given" in c for c in v["caveats"])


def test_derivation_links_input_facts_rules_and_the_verdict():
    v = verdict_json(
        WITHDRAW, "--given", "the date is 2026-03-01", "--given", "an Act of Congress authorizes the action"
    )
    facts = {f["id"]: f for f in v["derivation"]["facts"]}
    steps = {s["rule"]: s for s in v["derivation"]["steps"]}
    lift = steps["lift:nsa.exit.act-of-congress"]
    assert "f1" in lift["inputs"] and facts["f1"]["text"] == "an Act of Congress authorizes the action"
    assert facts[lift["concluded"]]["text"] == "holds: An Act of Congress"
    block = steps["block:nsa.1928f.c2"]
    assert facts[block["inputs"][0]]["kind"] == "derived"
    verdict_fact = facts[block["concluded"]]
    assert verdict_fact["kind"] == "verdict" and verdict_fact["text"] == "blocked by 22 U.S.C. 1928f(c)(2)"
    assert re.fullmatch(r"v\d+", verdict_fact["id"])  # a short id, as f0 and d0 are
    assert "block:nsa.1928f.a" not in steps
    assert any(x["id"] == "nsa.exit.act-of-congress" and x["held"] for x in v["exceptions"])


def test_a_resolution_is_explained_as_not_an_exception():
    v = verdict_json(
        WITHDRAW,
        "--given",
        "the date is 2026-03-01",
        "--given",
        "a concurrent resolution of Congress approves the action",
    )
    note = next(x for x in v["exceptions"] if x["kind"] == "not-an-exception")
    assert "not presented to the President" in note["reason"]


def test_a_permitted_action_says_why_each_covering_provision_does_not_reach_it():
    v = verdict_json(
        "the Secretary of Defense proposes to relocate equipment valued at $2,000,000 out of the European Command area of responsibility",
        "--given",
        "the date is 2026-05-01",
        "--given",
        "the equipment was in the European Command area of responsibility on 2025-06-02",
    )
    assert v["outcome"] == "permitted"
    (considered,) = v["considered"]
    assert "2025-06-01" in considered["why"] and "here: 2025-06-02" in considered["why"]


def test_evaluate_exit_codes():
    assert evaluate(WITHDRAW, "--given", "the date is 2026-03-01")[0] == 0
    assert evaluate(WITHDRAW, "--given", "the date is 2026-03-01", "--fail-if-blocked")[0] == 1
    code, out = evaluate("the President proposes to leave NATO")
    assert code == 2 and "Nearest known phrase" in out and "Traceback" not in out
    code, out = evaluate(WITHDRAW, "--given", "the date is 2026-02-30")
    assert code == 2 and "not a calendar date" in out


@pytest.fixture(scope="module")
def library(runner: Runner) -> list:
    specs, errors = collect([ROOT / "scenarios"])
    assert not errors
    return [r for r in runner.run_all(specs, with_cures=True)]


def test_every_library_verdict_renders_in_all_five_formats(library: list):
    for result in library:
        v = result.verdict
        assert v is not None
        for fmt in VERDICT_FORMATS:
            out = render_verdict(v, fmt)
            for b in v.blocked_by:
                assert b.citation in out or fmt in ("dot",), (fmt, result.spec.name)
            if fmt == "json":
                assert json.loads(out)["outcome"] == v.outcome
            if fmt == "html":
                assert not re.search(r"<(script|link|img)[^>]+(src|href)=\"https?:", out)
                assert v.outcome.upper() in out
            if fmt == "dot":
                assert out.startswith("digraph derivation {") and out.rstrip().endswith("}")
                unwrapped = out.replace("\\n", " ")  # labels are wrapped into lines
                for step in v.derivation.steps:  # each rule shown in words, never by its engine id
                    assert f'"{step.title}' in unwrapped.replace("  ", " ") or step.title in unwrapped
                    assert f'"{step.rule}"' not in out


def test_every_block_in_the_library_has_a_proven_cure(library: list):
    for result in library:
        for b in result.verdict.blocked_by:
            assert b.cure, (result.spec.name, b.citation)


@settings(max_examples=60, deadline=None)
@given(proposals())
def test_applying_an_offered_cure_lifts_the_block_it_was_offered_for(runner: Runner, p: Proposal):
    verdict = runner.evaluate(p, with_cures=True)
    for b in verdict.blocked_by:
        assert b.cure, b.citation
        offered = [
            c
            for c in candidates(Case(p, runner.book), runner.book.provisions[b.provision])
            if c.text in b.cure
        ]
        assert {c.text for c in offered} == set(b.cure)
        for cure in offered:
            after = runner.engine.evaluate(cure.proposal)
            assert b.provision not in after.blocks, cure.text


def test_explain_file_and_line_picks_the_scenario_starting_there(tmp_path: Path):
    result = CliRunner().invoke(
        main,
        ["explain", str(ROOT / "scenarios/north-atlantic-treaty/article-13.feature:11"), "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    v = json.loads(result.output)
    assert v["date"] == "1969-08-24" and v["outcome"] == "permitted"
    everything = CliRunner().invoke(
        main,
        ["explain", str(ROOT / "scenarios/north-atlantic-treaty/article-13.feature"), "--format", "json"],
    )
    assert len(json.loads(everything.output)) == len(
        parse_feature(ROOT / "scenarios/north-atlantic-treaty/article-13.feature")
    )


def test_check_report_is_one_self_contained_page_linking_each_explanation(tmp_path: Path):
    report = tmp_path / "report.html"
    result = CliRunner().invoke(
        main,
        ["check", str(ROOT / "scenarios/north-atlantic-treaty/article-13.feature"), "--report", str(report)],
    )
    assert result.exit_code == 0, result.output
    html = report.read_text()
    n = len(parse_feature(ROOT / "scenarios/north-atlantic-treaty/article-13.feature"))
    assert html.count('<a href="#s') == n and f'id="s{n}"' in html
    assert "North Atlantic Treaty, Art. 13" in html and "act on or after 1969-08-24" in html
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=\"https?:", html)


def test_an_exception_no_step_states_is_said_to_be_not_shown_not_as_if_it_held():
    from constraint_engine.running import Runner
    from tests.helpers import proposal

    v = Runner().evaluate(proposal("withdraw", "2026-03-01"))
    consultation = next(x for x in v.exceptions if x.id == "nsa.duty.consultation")
    assert not consultation.held
    assert consultation.reason.startswith("Not shown: no scenario step states that the President consulted")


def test_text_is_not_hard_wrapped_off_a_terminal_and_a_url_is_never_broken():
    from constraint_engine.render.text import verdict_text

    result = CliRunner().invoke(
        main,
        [
            "evaluate",
            "the President proposes to suspend the North Atlantic Treaty",
            "--given",
            "the date is 2026-03-01",
        ],
    )
    summary = "unless two-thirds of the Senators present consent or an Act of Congress authorizes it."
    assert any(summary in line and "Bars the President" in line for line in result.output.splitlines())
    verdict = Verdict.model_validate(
        verdict_json(
            "the President proposes to suspend the North Atlantic Treaty", "--given", "the date is 2026-03-01"
        )
    )
    narrow = verdict_text(verdict, width=40)
    url = "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title22-section1928f&num=0&edition=prelim"
    assert any(line.rstrip().endswith(url) for line in narrow.splitlines())


def test_the_dot_graph_links_lifts_to_what_they_lift_and_a_fact_that_falls_short_to_its_block():
    code, out = evaluate(
        "the President proposes to withdraw the United States from the North Atlantic Treaty",
        "--given",
        "the date is 2026-03-01",
        "--given",
        "the Senate gave its advice and consent with 60 of 100 Senators present concurring",
        "--given",
        "an Act of Congress authorizes the action",
        "--given",
        "the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2026-01-01",
        "--format",
        "dot",
    )
    assert code == 0 and "rankdir=TB" in out
    assert re.search(r'"d\d+" -> "d\d+" \[label="lifts"', out)  # the Act's lift -> the engagement it answers
    assert re.search(r'"f1" -> short\d+ \[label="falls short"', out)  # the vote of 60 of 100
    assert re.search(r'short\d+ -> "v\d+" \[label="would lift"', out)  # the late notice, to its block
    labels = re.findall(r'label="((?:[^"\\]|\\.)*)"', out)
    assert all(len(part) <= 90 for label in labels for part in re.split(r"\\[nl]", label))  # wrapped


def test_a_provision_that_does_not_apply_names_first_the_condition_that_decided_it():
    v = verdict_json(
        "the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 80,000 for 60 days",
        "--given",
        "the date is 2026-03-01",
    )
    (floor,) = [c for c in v["considered"] if c["provision"] == "ndaa-fy2026.1249.troop-floor"]
    # decided as the reference interpreter reads the law, in words (no field names)
    assert floor["why"].startswith("Does not apply: the number of troops < 76,000")
    v = verdict_json(
        "the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 70,000 for 30 days",
        "--given",
        "the date is 2026-03-01",
    )
    (floor,) = [c for c in v["considered"] if c["provision"] == "ndaa-fy2026.1249.troop-floor"]
    assert floor["why"].startswith("Does not apply: the number of days > 45")
