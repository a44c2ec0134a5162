"""The law as data: derived quantities, cures, names and groups by date, encoded_from and amendments are
written in packs (or bills), and a second statute (AECA § 36(b)) is written with no Python at all."""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from constraint_engine.cli import main
from constraint_engine.interpreting import quantity
from constraint_engine.loading import load_rulebook
from constraint_engine.quantities import parse_quantity
from constraint_engine.running import Runner

ROOT = Path(__file__).resolve().parent.parent
AECA = ROOT / "examples" / "arms-export-control-act"


def _ord(text: str) -> int:
    return dt.date.fromisoformat(text).toordinal()


# -- the second statute --------------------------------------------------------------------------------------


def test_the_arms_export_control_act_is_written_without_python_and_its_scenarios_pass():
    assert not list(AECA.rglob("*.py"))
    result = CliRunner().invoke(
        main, ["check", "--with-rules", str(AECA / "rules"), str(AECA / "scenarios"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output[-2000:]
    report = json.loads(result.output)
    assert report["summary"]["passed"] >= 70 and report["summary"]["failed"] == 0


def test_membership_of_a_group_follows_the_accession_date():
    book = load_rulebook(ROOT / "rules")
    finland = [m for m in book.phrasebook.groups["nato-members"] if m[0] == "Finland"]
    assert finland == [("Finland", _ord("2023-04-04"), None)]
    q = parse_quantity({"member_of": {"group": "nato-members", "name": {"field": "country"}}}, "q")
    before = {"t": "action", "country": "Finland", "date": _ord("2023-04-03")}
    after = {"t": "action", "country": "Finland", "date": _ord("2023-04-04")}
    groups = book.phrasebook.groups
    assert quantity(q, {}, before, {"action": [before]}, groups) == "no"
    assert quantity(q, {}, after, {"action": [after]}, groups) == "yes"


def test_before_encoded_from_the_verdict_is_undetermined_and_says_why():
    runner = Runner(rules_dir=_with(AECA / "rules"))
    case, _ = runner.case_of(
        [
            "the date is 2009-06-01",
            "Congress received the President's numbered certification of the proposed sale on 2009-05-01",
        ],
        "the Defense Security Cooperation Agency proposes to issue a letter of offer to Japan for $150,000,000 "
        "of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design "
        "and construction services",
    )
    verdict = runner.evaluate(case)
    assert verdict.outcome == "undetermined"
    assert any("not encoded before 2010-10-08" in m.reason for m in verdict.undetermined)


def _with(folder: Path):  # type: ignore[no-untyped-def]
    from constraint_engine.loading import RuleDirs

    return RuleDirs(None, (folder,))


# -- derived quantities ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            {
                "days_covered": {
                    "fact": "gap",
                    "first": {"field": "a"},
                    "last": {"field": "b"},
                    "within": [10, 30],
                }
            },
            3 + 4,  # 10..12 and 25..28
        ),
        ({"sum": {"fact": "gap", "field": "a"}}, 25 + 5),
        ({"min": {"fact": "gap", "field": "b"}}, 12),
        ({"count": {"fact": "gap", "where": [{"a": {"gt": 6}}]}}, 1),
        ({"exists": {"fact": "nothing"}}, "no"),
        ({"first_of": [{"first": {"fact": "nothing", "field": "a"}}, 7]}, 7),
        ({"fiscal_year": _ord("2026-10-01")}, 2027),
        ({"if": [{"a": {"eq": 1}}], "then": 10, "else": 20}, 10),
    ],
)
def test_each_quantity_form_means_what_the_guide_says(raw: object, expected: object):
    gaps = [{"t": "gap", "a": 25, "b": 28}, {"t": "gap", "a": 5, "b": 12}]
    own = {"t": "x", "a": 1}
    assert quantity(parse_quantity(raw, "q"), {}, own, {"gap": gaps, "action": [own]}) == expected


def test_adjournment_days_count_once_when_both_houses_are_away():
    """The Impoundment Control Act's recess days are the pack's quantity, not Python: two overlapping
    adjournments within the review window count each day once."""
    runner = Runner()
    case, _ = runner.case_of(
        [
            "the date is 2026-03-01",
            "the President sent Congress a special message proposing to rescind the funds on 2026-03-01",
            "Congress adjourned for more than three days from 2026-03-10 to 2026-03-20",
            "Congress adjourned for more than three days from 2026-03-15 to 2026-03-25",
        ],
        "the President proposes to withhold $50,000,000 of USAI funds for 60 days",
    )
    message = next(f for f in case.facts if f["t"] == "special_message")
    assert message["recess_days"] == len(range(_ord("2026-03-11"), _ord("2026-03-25")))


# -- cures -----------------------------------------------------------------------------------------------------


def test_the_korea_floors_cure_asks_only_for_the_secretarys_certification():
    runner = Runner()
    case, _ = runner.case_of(
        [
            "the date is 2026-05-01",
            "United States forces in the Republic of Korea number 28,500",
        ],
        "the Secretary of Defense proposes to withdraw 1,000 United States troops from the Republic of Korea "
        "for 30 days",
    )
    verdict = runner.evaluate(case, with_cures=True)
    cures = [c for b in verdict.blocked_by for c in b.cure]
    assert (
        "the Secretary of Defense's certification of the reduction to the congressional defense committees"
        in cures
    )
    assert not any("European Command" in c for c in cures)


def test_no_python_module_names_a_statutes_fact_parameter_or_certifier():
    book = load_rulebook(ROOT / "rules")
    names = {f for f in book.phrasebook.facts if f != "action" and "_" in f}
    names |= set(book.parameters) | set(book.provisions) | set(book.lifts)
    names |= {"secretary-of-defense", "eucom-commander", "Foreign Relations Committee", "Armed Services"}
    found = []
    for path in (ROOT / "constraint_engine").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found += [
            f"{path.name}: {n}" for n in names if re.search(rf"(?<![\w.-]){re.escape(n)}(?![\w-])", text)
        ]
    assert not found


# -- amendments --------------------------------------------------------------------------------------------------


def test_a_bill_repeals_replaces_and_adds_and_diff_shows_what_changes(tmp_path: Path):
    bill = tmp_path / "bill.yaml"
    bill.write_text(
        "amendment: a-class-bill\n"
        "title: Repeal the equipment limit and lengthen the notice to a year\n"
        "sources:\n"
        "  BILL: {title: 'H.R. 0000 (a hypothetical bill)', url: 'https://example.org/hr0000', kind: bill text}\n"
        "repeal: [ndaa-fy2026.1249.equipment]\n"
        "replace:\n"
        "  parameters:\n"
        "    - id: nsa.notice-days\n"
        "      title: Days of written notice before the action\n"
        "      unit: days\n"
        "      values: [{since: 2023-12-22, value: 365, status: reported, sources: [BILL]}]\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["diff", "--amend", str(bill), str(ROOT / "scenarios"), "--format", "json"]
    )
    assert result.exit_code == 1, result.output
    changes = json.loads(result.output)["changes"]
    files = {Path(c["file"]).parent.name for c in changes}
    assert {"ndaa-fy2026-1249", "nato-support-act"} <= files
    rules = CliRunner().invoke(main, ["rules", "--amend", str(bill), "--params"])
    assert "365" in rules.output


def test_a_bill_naming_an_unknown_id_is_an_input_error_at_its_line(tmp_path: Path):
    bill = tmp_path / "bill.yaml"
    bill.write_text("amendment: bad-bill\ntitle: t\nrepeal: [nsa.1928f.c3]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--amend", str(bill), str(ROOT / "scenarios")])
    assert result.exit_code == 2
    assert f"{bill}:3:" in result.output and "Did you mean nsa.1928f.c2" in result.output


def test_a_repeal_that_leaves_a_lift_lifting_nothing_is_the_bills_error_at_its_line(tmp_path: Path):
    bill = tmp_path / "bill.yaml"
    bill.write_text("amendment: no-consultation\ntitle: t\nrepeal: [nsa.1928f.c1]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--amend", str(bill), str(ROOT / "scenarios")])
    assert result.exit_code == 2
    assert f"{bill}:3: repealing 'nsa.1928f.c1' leaves the lift 'nsa.duty.consultation'" in result.output
    assert "nato-support-act.yaml" not in result.output  # the pack did nothing wrong
    bill.write_text(
        "amendment: no-consultation\ntitle: t\nrepeal: [nsa.1928f.c1, nsa.duty.consultation]\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["check", "--amend", str(bill), str(ROOT / "scenarios" / "history")])
    assert result.exit_code in (0, 1), result.output


def test_an_id_repealed_twice_or_by_an_earlier_bill_is_said_so(tmp_path: Path):
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    first.write_text("amendment: first\ntitle: t\nrepeal: [ndaa-fy2026.1249.equipment]\n", encoding="utf-8")
    second.write_text(
        "amendment: second\ntitle: t\nrepeal:\n  - ndaa-fy2026.1249.equipment\n  - nsa.1928f.b\n  - nsa.1928f.b\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["check", "--amend", str(first), "--amend", str(second), str(ROOT / "scenarios" / "history")]
    )
    assert result.exit_code == 2
    assert f"{second}:4: 'ndaa-fy2026.1249.equipment' is already repealed by first.yaml" in result.output
    assert f"{second}:6: the bill repeals 'nsa.1928f.b' twice" in result.output


def test_a_reading_a_derived_quantity_reads_qualifies_the_verdict_as_a_provisions_would(tmp_path: Path):
    # The War Powers example with 1544(c)'s reading moved from `depending_on` into a derived field of the
    # removal direction: the verdict still depends on it, and says so (it used to say nothing).
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "examples" / "war-powers-resolution" / "rules", rules)
    pack = rules / "war-powers-resolution.yaml"
    text = pack.read_text(encoding="utf-8")
    text = text.replace(
        "          depending_on:\n            - interpretation: wpr.concurrent-resolution\n              cases:\n"
        "                as-written: []\n                chadha:\n                  - by: {eq: joint-resolution}\n",
        "            - any:\n                - by: {eq: joint-resolution}\n                - reading: {eq: as-written}\n",
    )
    text = text.replace(
        "      fields: {by: str, date: date}\n",
        "      fields: {by: str, date: date, reading: str}\n      derived:\n        reading:\n"
        "          meaning: the reading of 1544(c) in force\n          value: {param: wpr.concurrent-resolution}\n",
    )
    assert "reading: {eq: as-written}" in text and "value: {param: wpr.concurrent-resolution}" in text
    pack.write_text(text, encoding="utf-8")
    removal = ROOT / "examples" / "war-powers-resolution" / "scenarios" / "removal.feature"
    result = CliRunner().invoke(main, ["check", "--rules", str(rules), str(removal)])
    assert result.exit_code == 0 and "0 failed" in result.output, result.output


# -- the architecture guide ---------------------------------------------------------------------------------------


def test_every_module_and_name_the_architecture_guide_mentions_exists():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    mentioned = set(re.findall(r"`((?:[a-z_]+\.)*[a-z_]+(?:\.[A-Za-z_]+)?)`", text))
    modules = {p.stem for p in (ROOT / "constraint_engine").glob("*.py")} | {"cli", "render"}
    checked = 0
    for ref in mentioned:
        head, _, name = ref.partition(".")
        if head not in modules:
            continue
        path = (
            ROOT
            / "constraint_engine"
            / (f"{head}.py" if (ROOT / "constraint_engine" / f"{head}.py").exists() else head)
        )
        if not name:
            assert path.exists(), ref
            continue
        if path.is_dir():  # cli.checking._select, render.text, render.render_verdict
            sub, _, rest = name.partition(".")
            if (path / f"{sub}.py").exists():
                path, name = path / f"{sub}.py", rest
            else:
                path = path / "__init__.py"
            if not name:
                continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        defined = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.ClassDef)}
        defined |= {
            t.id
            for n in ast.walk(tree)
            if isinstance(n, ast.Assign)
            for t in n.targets
            if isinstance(t, ast.Name)
        }
        first = name.split(".")[0]
        assert first in defined, f"docs/architecture.md names {ref}, which does not exist"
        checked += 1
    assert checked >= 20


@pytest.mark.parametrize(
    ("original", "typo", "message"),
    [
        (
            "group: aeca.36b.fifteen-day,",
            "group: aeca.36b.fifteen-days,",
            "names group 'aeca.36b.fifteen-days'",
        ),
        (
            "{fact: sale_certification, field: date,",
            "{fact: sale_certification, field: day,",
            "reads field 'day'",
        ),
        (
            "{param: aeca.36b.mde-threshold}",
            "{param: aeca.36b.mde-treshold}",
            "unknown parameter 'aeca.36b.mde-treshold'",
        ),
    ],
)
def test_a_typo_in_a_quantity_or_a_cure_is_an_error_never_a_silent_non_match(
    tmp_path: Path, original: str, typo: str, message: str
):
    pack = (AECA / "rules" / "arms-export-control-act.yaml").read_text(encoding="utf-8")
    assert original in pack, original
    (tmp_path / "aeca.yaml").write_text(pack.replace(original, typo, 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", "--with-rules", str(tmp_path), str(tmp_path)])
    assert result.exit_code == 2 and message in result.output, result.output[-1500:]


_BILL_SOURCES = "sources:\n  BILL: {title: 'H.R. 0', url: 'https://example.org/hr0', kind: bill text}\n"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("repeal: [nsa.notice-days]\n", "'nsa.notice-days' is a parameter"),
        (
            "add:\n  parameters:\n    - {id: bill.days, title: t, unit: days, values: "
            "[{since: 2026-01-01, value: 1, status: reported, sources: [NOPE]}]}\n",
            "cites source 'NOPE'",
        ),
        (  # an id is refused in words, not as the regular expression that checks it
            "add:\n  parameters:\n    - {id: B, title: t, unit: days, values: "
            "[{since: 2026-01-01, value: 1, status: reported, sources: [BILL]}]}\n",
            "'B' is not an id. Accepted: lowercase letters, digits, dots and dashes",
        ),
    ],
)
def test_a_malformed_bill_is_an_input_error_at_the_bill(tmp_path: Path, body: str, message: str):
    bill = tmp_path / "bill.yaml"
    bill.write_text(f"amendment: a-bill\ntitle: t\n{_BILL_SOURCES}{body}", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--amend", str(bill), str(ROOT / "scenarios")])
    assert result.exit_code == 2 and str(bill) in result.output and message in result.output, result.output
    assert "Traceback" not in result.output


def test_a_bill_may_replace_a_parameter_that_shares_its_id_with_a_provision(tmp_path: Path):
    bill = tmp_path / "bill.yaml"
    bill.write_text(
        f"amendment: lower-floor\ntitle: Lower the EUCOM floor\n{_BILL_SOURCES}"
        "replace:\n  parameters:\n    - {id: ndaa-fy2026.1249.troop-floor, title: Floor, unit: count, values: "
        "[{since: 2025-12-18, value: 70000, status: reported, sources: [BILL]}]}\n",
        encoding="utf-8",
    )
    action = (
        "the Secretary of Defense proposes to reduce United States forces in the European Command area of "
        "responsibility to 72,000 for 60 days"
    )
    args = ["evaluate", action, "--given", "the date is 2026-05-01", "--format", "json"]
    assert json.loads(CliRunner().invoke(main, args).output)["outcome"] == "blocked"
    assert (
        json.loads(CliRunner().invoke(main, [*args, "--amend", str(bill)]).output)["outcome"] == "permitted"
    )


def test_repealing_one_provision_changes_only_the_verdicts_it_decided(tmp_path: Path):
    """The bill's repeal leaves every other pack as loaded (a round trip through JSON once turned dates in
    conditions into words and changed 45 verdicts)."""
    bill = tmp_path / "bill.yaml"
    bill.write_text("amendment: repeal-b\ntitle: t\nrepeal: [ndaa-fy2026.1249.equipment]\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["diff", "--amend", str(bill), str(ROOT / "scenarios"), "--format", "json"]
    )
    changes = json.loads(result.output)["changes"]
    assert changes
    for change in changes:
        said = " ".join(change["because"])
        assert "equipment" in said or "funds-scope" in said, change


def test_new_straddles_the_day_a_country_joins_a_group_the_law_asks_about():
    when = (
        "the Defense Security Cooperation Agency proposes to issue a letter of offer to Japan for $150,000,000 of "
        "defense articles or services"
    )
    result = CliRunner().invoke(main, ["new", when, "--with-rules", str(AECA / "rules")])
    assert result.exit_code == 0, result.output
    rows = [
        [c.strip() for c in line.split("|")[1:-1]] for line in result.output.splitlines() if "| 20" in line
    ]
    finland = {r[0] for r in rows if r[2] == "Finland"}
    assert finland == {"2023-04-03", "2023-04-04"}


def test_an_action_late_in_2199_is_evaluated_though_its_fiscal_year_ends_in_2200(tmp_path: Path):
    feature = tmp_path / "late.feature"
    feature.write_text(
        "Feature: late\n  Scenario: s\n    Given the date is 2199-11-01\n"
        "    When the President proposes to withhold $50,000,000 of USAI funds for 30 days\n"
        "    Then the action is blocked\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["check", str(feature), "--format", "json"])
    assert json.loads(result.output)["summary"]["passed"] == 1, result.output[-800:]
    assert CliRunner().invoke(main, ["rules", "--as-of", "9999-12-31"]).exit_code == 2


def test_explain_reads_file_line_as_check_does_an_outline_line_explains_its_rows(tmp_path: Path):
    feature = tmp_path / "o.feature"
    feature.write_text(
        "Feature: o\n  Scenario: plain\n    Given the date is 2026-03-01\n"
        "    When the President proposes to suspend the North Atlantic Treaty\n\n"
        "  Scenario Outline: rows\n    Given the date is <d>\n"
        "    When the President proposes to suspend the North Atlantic Treaty\n"
        "    Examples:\n      | d |\n      | 2026-03-01 |\n      | 2026-03-02 |\n",
        encoding="utf-8",
    )
    rows = json.loads(CliRunner().invoke(main, ["explain", f"{feature}:6", "--format", "json"]).output)
    assert [v["date"] for v in rows] == ["2026-03-01", "2026-03-02"]
    one = json.loads(CliRunner().invoke(main, ["explain", f"{feature}:12", "--format", "json"]).output)
    assert one["date"] == "2026-03-02"


def test_lint_with_a_bill_reports_the_bills_own_errors(tmp_path: Path):
    bill = tmp_path / "bill.yaml"
    bill.write_text("amendment: a-bill\ntitle: t\nrepeal: [nsa.1928f.c3]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", "--amend", str(bill), str(ROOT / "rules")])
    assert result.exit_code == 2 and f"{bill}:3: error:" in result.output, result.output
