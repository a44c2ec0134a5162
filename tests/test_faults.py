"""Faults fail closed: an internal error is an error with its reason, never "permitted", and exits 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from constraint_engine.cli import main

PERMITTED = """Feature: Would be permitted
  Scenario: Withdrawal with every exit and duty met
    Given the date is 2026-03-01
    And an Act of Congress authorizes the action
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-01-01
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is permitted
"""


@pytest.fixture
def feature(tmp_path: Path) -> Path:
    path = tmp_path / "permitted.feature"
    path.write_text(PERMITTED, encoding="utf-8")
    return path


def _check(feature: Path) -> tuple[int, dict]:
    result = CliRunner().invoke(main, ["check", str(feature), "--format", "json"])
    return result.exit_code, json.loads(result.output)


def test_without_a_fault_the_scenario_is_permitted(feature: Path):
    code, doc = _check(feature)
    assert code == 0 and doc["scenarios"][0]["verdict"]["outcome"] == "permitted"


def test_an_exception_inside_a_rule_action_gives_error_and_exit_1(
    feature: Path, monkeypatch: pytest.MonkeyPatch
):
    import constraint_engine.engine as engine

    original = engine.Firing

    def exploding(*args, **kwargs):  # type: ignore[no-untyped-def]
        if args[1] == "lift":
            raise RuntimeError("injected fault in a lift action")
        return original(*args, **kwargs)

    monkeypatch.setattr(engine, "Firing", exploding)
    code, doc = _check(feature)
    scenario = doc["scenarios"][0]
    assert code == 1
    assert scenario["status"] == "error" and scenario["verdict"]["outcome"] == "error"
    assert "injected fault in a lift action" in scenario["verdict"]["error"]


def test_a_fact_the_ruleset_cannot_handle_gives_error(feature: Path, monkeypatch: pytest.MonkeyPatch):
    from durable.engine import MessageNotHandledException

    def refuse(self, text):  # type: ignore[no-untyped-def]
        raise MessageNotHandledException(text)

    monkeypatch.setattr("constraint_engine.engine._Driver.assert_facts", refuse)
    code, doc = _check(feature)
    assert code == 1 and doc["scenarios"][0]["verdict"]["outcome"] == "error"


def test_any_internal_error_fails_the_scenario_closed(feature: Path, monkeypatch: pytest.MonkeyPatch):
    def broken(self, proposal):  # type: ignore[no-untyped-def]
        raise KeyError("internal")

    monkeypatch.setattr("constraint_engine.engine.Adapter.evaluate", broken)
    result = CliRunner().invoke(main, ["check", str(feature)])
    assert result.exit_code == 1
    assert "ERROR" in result.output and "internal error: KeyError" in result.output
    assert "-> permitted" not in result.output


def test_evaluate_exits_1_on_an_internal_error(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(
        "constraint_engine.engine.Engine.evaluate_facts", lambda *a: (_ for _ in ()).throw(OSError("disk"))
    )
    result = CliRunner().invoke(
        main, ["evaluate", "the President proposes to suspend the North Atlantic Treaty"]
    )
    assert result.exit_code != 0
