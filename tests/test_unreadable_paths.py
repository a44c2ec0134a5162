"""A folder that cannot be read inside a scenario folder is an error entry (exit 2); the rest still runs."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from constraint_engine.cli import main

GOOD = """Feature: Good
  Scenario: One
    Given the date is 2026-03-01
    When the President proposes to suspend the North Atlantic Treaty
    Then the action is blocked
"""


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "good.feature").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.feature").write_text(GOOD, encoding="utf-8")
    return tmp_path


def _deny(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """What a folder without read permission does to os.walk (root ignores the permission bits)."""
    real = os.scandir

    def scandir(path=".") -> object:  # type: ignore[no-untyped-def]
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def _check_unreadable(tree: Path, *args: str) -> CliRunner:
    result = CliRunner().invoke(main, ["check", str(tree), *args])
    assert result.exit_code == 2, result.output
    return result


def test_an_unreadable_folder_is_reported_and_the_rest_runs(tree: Path, monkeypatch: pytest.MonkeyPatch):
    _deny(monkeypatch, tree / "locked")
    result = _check_unreadable(tree)
    assert f"ERROR {tree / 'locked'}: cannot read the folder: Permission denied." in result.output
    assert "PASS  One" in result.output
    assert result.output.rstrip().endswith("1 passed, 0 failed, 1 error")


def test_an_unreadable_folder_is_in_the_json_report(tree: Path, monkeypatch: pytest.MonkeyPatch):
    _deny(monkeypatch, tree / "locked")
    result = _check_unreadable(tree, "--format", "json")
    doc = json.loads(result.stdout)
    assert doc["input_errors"][0]["file"] == str(tree / "locked")
    assert doc["summary"] == {"passed": 1, "failed": 0, "unchecked": 0, "errors": 1, "total": 2}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder whatever its permission bits")
def test_a_folder_without_read_permission_for_real(tree: Path):
    (tree / "locked").chmod(0)
    try:
        result = _check_unreadable(tree)
        assert "cannot read the folder" in result.output and "PASS  One" in result.output
    finally:
        (tree / "locked").chmod(0o755)
