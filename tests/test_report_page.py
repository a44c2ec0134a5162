"""The HTML report: failures and errors first with their messages, every row readable, a filter that works in
the file itself (checked in headless Chromium when it is installed)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from constraint_engine.cli import main
from tests.test_report_schemas import MIXED


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    feature = folder / "mixed.feature"
    feature.write_text(MIXED, encoding="utf-8")
    page = folder / "report.html"
    result = CliRunner().invoke(main, ["check", str(feature), "--report", str(page)])
    assert result.exit_code == 1
    return page


def _rows(html: str) -> list[str]:
    return re.findall(r'<tr class="row[^"]*"[^>]*>.*?</tr>', html, flags=re.S)


def test_failures_and_errors_come_first_with_their_message_and_what_was_proposed(report: Path):
    rows = _rows(report.read_text(encoding="utf-8"))
    statuses = [re.search(r'data-status="(\w+)"', r).group(1) for r in rows if "<pre" not in r]  # type: ignore[union-attr]
    assert statuses[:3] == ["failed", "error", "error"] and set(statuses[3:]) == {"passed"}
    invalid = next(r for r in rows if "An invalid value" in r)
    assert (
        "2026-02-30" in invalid and "the President proposes to suspend the North Atlantic Treaty" in invalid
    )
    messages = [r for r in rows if "<pre" in r]
    assert any("is not a calendar date" in m for m in messages)
    assert any("Then the action is permitted: expected the action to be permitted" in m for m in messages)
    assert "<script src" not in report.read_text(encoding="utf-8")  # one self-contained file


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed")
@pytest.mark.parametrize(("show", "visible"), [("failed", 6), ("permitted", 0), ("blocked", 5), ("all", 9)])
def test_the_filter_shows_what_it_says_in_a_browser(report: Path, show: str, visible: int):
    dom = subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--dump-dom",
            f"file://{report}#show={show}",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    rows = re.findall(r'<tr class="row[^"]*"[^>]*>', dom)
    assert len(rows) == 9  # six scenarios, and the messages of the three that failed or erred
    assert sum("hidden" not in r for r in rows) == visible
