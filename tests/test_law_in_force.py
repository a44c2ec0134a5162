"""The law in force by date, named interpretations, what-if amendments, and the commands that show them."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from constraint_engine.cli import main
from constraint_engine.loading import load_rulebook
from constraint_engine.render import VERDICT_FORMATS, render_verdict
from constraint_engine.running import Runner
from tests.conftest import ROOT
from tests.helpers import proposal

FIELDS = {
    "reduce-eucom-forces": {"count": 60000, "days": 100},
    "relocate-equipment": {"value": 2_000_000},
    "return-installation": {"country": "Germany"},
    "reduce-korea-forces": {"count": 20000},
    "reduce-germany-forces": {"count": 20000},
    "station-forces-abroad": {"count": 250_000},
    "withhold-funds": {"value": 1_000_000, "days": 60, "program": "European Deterrence Initiative"},
    "withdraw-troops": {"count": 5000, "country": "Germany", "days": 60},
    "move-troops": {"count": 5000, "country": "Germany", "to_country": "Japan"},
}


def _sweep_dates(runner: Runner) -> list[dt.date]:
    """Every month from 1949 to 2027, and the day before, of and after every date the law turns on."""
    days = {dt.date(y, m, 1) for y in range(1949, 2028) for m in range(1, 13)}
    turning = {p.in_force.since for p in runner.book.provisions.values()}
    turning |= {p.in_force.until for p in runner.book.provisions.values() if p.in_force.until}
    turning |= {v.since for p in runner.book.parameters.values() for v in p.values}
    turning |= {dt.date(2021, 9, 30), dt.date(2026, 9, 30), dt.date(1969, 8, 24)}
    for day in turning:
        days |= {day - dt.timedelta(days=1), day, day + dt.timedelta(days=1)}
    return sorted(d for d in days if dt.date(1949, 1, 1) <= d <= dt.date(2027, 12, 31))


def test_temporal_coverage_every_action_on_every_day_has_one_defined_outcome(runner: Runner):
    dates = _sweep_dates(runner)
    assert len(dates) > 900  # every month of 79 years, and the days around each change in the law
    for kind in runner.book.phrasebook.actions:
        for day in dates:
            p = proposal(kind, day.isoformat(), actor="Secretary of Defense", **FIELDS.get(kind, {}))
            ev = runner.engine.evaluate(p)
            # Undetermined only where a baseline is missing: the troop actions here give none.
            allowed = (
                ("blocked", "permitted", "undetermined")
                if kind.endswith("-troops")
                else ("blocked", "permitted")
            )
            assert ev.outcome in allowed, (kind, day, ev.error)
            # At most one variant of each rule fires: interpretation cases never contradict each other.
            engaged = Counter(f.target for f in ev.firings if f.kind == "engage")
            assert all(n == 1 for n in engaged.values()), (kind, day, engaged)
            for pid in engaged:
                prov = runner.book.provisions[pid]
                assert prov.in_force.since <= day and (
                    prov.in_force.until is None or day <= prov.in_force.until
                )
                for param in prov.parameters:
                    assert runner.book.parameters[param].in_force_on(day), (pid, param, day)


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_rules_as_of_2019_lists_nothing_from_the_nato_support_act():
    code, out = _run("rules", "--as-of", "2019-06-01", "--format", "json")
    assert code == 0
    ids = [p["id"] for p in json.loads(out)["provisions"]]
    assert "nat.art13" in ids and not any(i.startswith("nsa.") for i in ids)
    assert not any(i.startswith("ndaa-fy2026") for i in ids)
    code, out = _run("rules", "--as-of", "2026-05-01")
    assert "22 U.S.C. 1928f(c)(2)" in out and "Pub. L. 119-60, § 1249" in out


def test_rules_params_lists_values_units_dates_and_interpretations():
    code, out = _run("rules", "--params", "--as-of", "2026-05-01", "--format", "json")
    params = {p["id"]: p for p in json.loads(out)["parameters"]}
    floor = params["ndaa-fy2026.1249.troop-floor"]
    assert (
        floor["kind"] == "count"
        and floor["in_force"] == "76000"
        and floor["values"][0]["since"] == "2025-12-18"
    )
    assert params["senate.present"]["kind"] == "interpretation"
    assert set(params["ndaa-fy2026.1249.dip-days"]["choices"]) == {"consecutive", "cumulative"}
    assert params["senate.quorum"]["in_force"] == "51"
    code, text = _run("rules", "--params")
    assert "nsa.notice-days  (days)" in text and "since 2023-12-22: 180" in text


def test_a_parameter_value_changes_on_its_date_without_rewriting_the_provision():
    from constraint_engine.loading import load_rulebook

    book = load_rulebook()
    quorum, size = book.parameters["senate.quorum"], book.parameters["senate.size"]
    # Alaska (1959-01-03) made the Senate 98 before Hawaii (1959-08-21) made it 100.
    assert [size.value_on(dt.date(1959, 1, d)) for d in (2, 3)] == [96, 98]
    assert [size.value_on(dt.date(1959, 8, d)) for d in (20, 21)] == [98, 100]
    assert [quorum.value_on(dt.date(1959, 1, d)) for d in (2, 3)] == [49, 50]
    assert quorum.value_on(dt.date(1959, 8, 20)) == 50 and quorum.value_on(dt.date(1959, 8, 21)) == 51


def test_diff_lists_the_scenarios_an_amendment_changes():
    code, out = _run("diff", "--set", "nsa.notice-days=90", str(ROOT / "scenarios"), "--format", "json")
    assert code == 1
    changes = json.loads(out)["changes"]
    assert {c["name"] for c in changes} == {
        "Notice on the 179th day before the action is one day late",
        "Notice only 90 days before, even with the Senate's consent",
    }
    assert all(
        c["after"] == "permitted"
        and c["because"][0].startswith("no longer blocked by 22 U.S.C. 1928f(c)(2) (")
        for c in changes
    )


def test_diff_exits_0_when_nothing_changes_and_2_without_an_amendment():
    assert _run("diff", "--set", "nsa.notice-days=180", str(ROOT / "scenarios/north-atlantic-treaty"))[0] == 0
    code, out = _run("diff", str(ROOT / "scenarios/north-atlantic-treaty"))
    assert code == 2 and "--set" in out


def test_diff_with_an_interpretation_names_the_provision_responsible():
    code, out = _run("diff", "--assume", "ndaa-fy2026.1249.funds-scope=continuing", str(ROOT / "scenarios"))
    assert code == 1
    assert (
        "now blocked by Pub. L. 119-60, § 1249 (Floor of 76,000 U.S. service members in the EUCOM area" in out
    )


@pytest.mark.parametrize(
    ("option", "value", "says"),
    [
        ("--set", "nsa.notice-dayz=90", "unknown parameter 'nsa.notice-dayz'"),
        ("--set", "nsa.notice-days=ninety", "not a whole number"),
        ("--set", "senate.present=present", "unknown parameter"),
        (
            "--assume",
            "senate.present=everyone",
            "not a choice of senate.present; accepted: present, present-and-voting",
        ),
        ("--assume", "nsa.notice-days=90", "unknown interpretation"),
        ("--set", "nsa.notice-days", "write NAME=VALUE"),
    ],
)
def test_bad_amendments_and_interpretations_exit_2_saying_what_is_accepted(
    option: str, value: str, says: str
):
    code, out = _run("check", str(ROOT / "scenarios/north-atlantic-treaty"), option, value)
    assert code == 2 and says in out and "Traceback" not in out


def test_an_unknown_interpretation_in_a_scenario_names_its_line(tmp_path: Path):
    feature = tmp_path / "interp.feature"
    feature.write_text(
        "Feature: x\n  Scenario: y\n    Given the date is 2026-05-01\n"
        '    And the interpretation "ndaa-fy2026.1249.dip-days" is "weekly"\n'
        "    When the President proposes to relinquish the post of Supreme Allied Commander Europe\n"
    )
    code, out = _run("check", str(feature))
    assert code == 1 and "interp.feature:4: " in out and "accepted: consecutive, cumulative" in out


def test_set_amends_a_floor_for_the_run():
    args = [
        "evaluate",
        "the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 65,000 for 60 days",
        "--given",
        "the date is 2026-05-01",
        "--format",
        "json",
    ]
    assert json.loads(_run(*args)[1])["outcome"] == "blocked"
    assert json.loads(_run(*args, "--set", "ndaa-fy2026.1249.troop-floor=60000")[1])["outcome"] == "permitted"


def test_interpretations_and_amendments_show_in_every_output_format():
    runner = Runner(settings={"nsa.notice-days": "90"}, assumptions={"senate.present": "present-and-voting"})
    p = proposal("withdraw", "2026-03-01")
    verdict = runner.evaluate(p, with_cures=True)  # read under the run's amended law
    for fmt in VERDICT_FORMATS:
        out = render_verdict(verdict, fmt)
        assert "senate.present = present-and-voting" in out, fmt
        assert "nsa.notice-days is set to 90" in out, fmt
    cure = next(b for b in verdict.blocked_by if b.provision == "nsa.1928f.c2").cure
    assert (
        "written notice to the Senate Foreign Relations Committee and the House Foreign Affairs Committee on or before 2025-12-01"
        in cure
    )


def _moving_deadlines() -> list[Any]:
    """Date parameters that are deadlines moving with time: a yearly rule, or a table of several dates each on or
    after the day it starts (a single fixed date, such as Article 13's 1969-08-24, is not one)."""
    book = load_rulebook()
    return [
        p
        for p in book.parameters.values()
        if p.unit == "date"
        and (len(p.values) > 1 or p.values[0].every_year)
        and all(v.every_year or (isinstance(v.value, dt.date) and v.value >= v.since) for v in p.values)
    ]


def test_no_deadline_runs_out_before_2100():
    # A table of yearly values that stops is a time bomb: from the year after its last entry, every action
    # would be measured against a deadline already past. Every moving deadline has a value on or after the
    # day, for every day from its first value to 2100.
    deadlines = _moving_deadlines()
    assert "ica.fiscal-year-end" in {p.id for p in deadlines}
    for p in deadlines:
        day = p.values[0].since
        while day <= dt.date(2100, 12, 31):
            for d in (day, day.replace(day=28) if day.month == 9 else day):
                assert p.value_on(d) >= d, f"{p.id} on {d}: {p.value_on(d)}"
            day = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def test_the_fiscal_year_ends_on_september_30_of_any_year():
    book = load_rulebook()
    fy = book.parameters["ica.fiscal-year-end"]
    assert fy.value_on(dt.date(2031, 3, 2)) == dt.date(2031, 9, 30)
    assert fy.value_on(dt.date(2031, 9, 30)) == dt.date(2031, 9, 30)
    assert fy.value_on(dt.date(2031, 10, 1)) == dt.date(2032, 9, 30)
    assert fy.value_on(dt.date(1976, 8, 1)) == dt.date(1976, 9, 30)  # the transition quarter
