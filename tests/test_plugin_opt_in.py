"""The pytest plugin is opt-in: an unrelated pytest-bdd project runs the same with and without the package."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pytest_bdd")

CART = """\
Feature: Shopping cart
  @smok
  Scenario: Remove an item
    Given a cart with an apple
    When I remove the apple
    Then the cart is empty
"""

STEPS = """\
from pytest_bdd import given, scenarios, then

scenarios("cart.feature")


@given("a cart with an apple", target_fixture="cart")
def cart():
    return ["apple"]


@then("the cart is empty")
def empty(cart):
    assert cart == ["apple"]
"""

# A behave project's file lying beside it, which no test binds.
STRAY = "Feature: behave's\n  Scenario: x\n    Given somthing odd\n"

# Makes `import constraint_engine` fail, as in an environment without the package.
BLOCK = """\
import sys
class _Block:
    def find_spec(self, name, path=None, target=None):
        if name == "constraint_engine" or name.startswith("constraint_engine."):
            raise ImportError("not installed here")
sys.meta_path.insert(0, _Block())
"""


def _run(project: Path, *args: str, without: bool) -> subprocess.CompletedProcess[str]:
    env_path = project / ("blocked" if without else "plain")
    env_path.mkdir(exist_ok=True)
    if without:
        (env_path / "sitecustomize.py").write_text(BLOCK, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        capture_output=True,
        text=True,
        cwd=project,
        env={"PYTHONPATH": str(env_path), "PATH": "/usr/bin:/bin"},
    )


@pytest.fixture
def cart_project(tmp_path: Path) -> Path:
    (tmp_path / "cart.feature").write_text(CART, encoding="utf-8")
    (tmp_path / "test_cart.py").write_text(STEPS, encoding="utf-8")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "stray.feature").write_text(STRAY, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("args", [(), ("--strict-markers",), ("--co", "-q")])
def test_an_unrelated_project_runs_the_same_with_and_without_the_package(
    cart_project: Path, args: tuple[str, ...]
):
    with_it = _run(cart_project, *args, without=False)
    without = _run(cart_project, *args, without=True)
    assert with_it.returncode == without.returncode, with_it.stdout + without.stdout
    tail = [line for line in with_it.stdout.splitlines() if " in " not in line]  # drop the timing line
    tail_without = [line for line in without.stdout.splitlines() if " in " not in line]
    assert tail == tail_without
    if not args:
        assert "StepDefinitionNotFoundError" in with_it.stdout
        assert "Nearest known phrase" not in with_it.stdout
    if args == ("--strict-markers",):
        assert "'smok' not found in `markers` configuration option" in with_it.stdout
