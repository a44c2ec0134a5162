"""`check --format message` renders in Cucumber's own report page (@cucumber/html-formatter, from npm),
looked at in Chromium: the scenarios, their steps' statuses and the failure messages are there."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from constraint_engine.cli import main
from tests.conftest import ROOT

FORMATTER = "@cucumber/html-formatter@24.2.0"
CACHE = (
    Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    / "constraint-engine-tests"
    / "html-formatter"
)
CHROMIUM = shutil.which("chromium")
FEATURE = """Feature: Two scenarios
  Scenario: Suspension is barred
    Given the date is 2026-03-01
    When the President proposes to suspend the North Atlantic Treaty
    Then the action is blocked

  Scenario: A wrong prediction
    Given the date is 2026-03-01
    When the President proposes to suspend the North Atlantic Treaty
    Then the action is permitted
"""


@pytest.fixture(scope="module")
def formatter() -> Path:
    """The formatter installed once into a cache folder (the project installs what its tests need)."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("node and npm are not installed")
    if not (CACHE / "node_modules" / "@cucumber" / "html-formatter").is_dir():
        CACHE.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            ["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(CACHE), FORMATTER],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0:
            pytest.skip(f"npm could not install {FORMATTER}: {done.stderr.strip()[:300]}")
    script = CACHE / "render_messages.mjs"
    shutil.copyfile(ROOT / "tests" / "data" / "render_messages.mjs", script)
    return script


def test_the_message_stream_renders_in_cucumbers_report_page(formatter: Path, tmp_path: Path):
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    feature = tmp_path / "two.feature"
    feature.write_text(FEATURE, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(feature), "--format", "message"])
    assert result.exit_code == 1
    html = tmp_path / "report.html"
    rendered = subprocess.run(
        ["node", str(formatter)],
        input=result.stdout,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert rendered.returncode == 0, rendered.stderr
    html.write_text(rendered.stdout, encoding="utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(html.as_uri())
        page.wait_for_function("document.body.textContent.includes('A wrong prediction')")
        text = page.text_content("body") or ""
        browser.close()
    assert not errors
    assert "50% (1 / 2) passed" in text
    assert "Scenario: Suspension is barred" in text
    assert "expected the action to be permitted, but it is blocked by 22 U.S.C. 1928f(a)" in text
    assert "constraint-engine@0.1.0" in text
