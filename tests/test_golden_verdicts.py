"""Verdicts pinned by the engine as it was before its sessions were reused and its blocks decided in Python:
every verdict of a generated sample, whole, must stay byte for byte what it was (or the change says why)."""

from __future__ import annotations

import hashlib
import json

from click.testing import CliRunner

from constraint_engine.cli import main
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "data" / "golden"


def test_every_verdict_of_the_generated_sample_is_what_the_earlier_engine_gave():
    expected = json.loads((GOLDEN / "expected.json").read_text(encoding="utf-8"))["verdicts"]
    result = CliRunner().invoke(main, ["check", str(GOLDEN / "generated.feature"), "--format", "json"])
    scenarios = json.loads(result.output)["scenarios"]
    assert len(scenarios) == len(expected) == 120
    for scenario, pinned in zip(scenarios, expected, strict=True):
        verdict = scenario["verdict"]
        assert scenario["line"] == pinned["line"]
        assert (verdict["outcome"], [b["citation"] for b in verdict["blocked_by"]]) == (
            pinned["outcome"],
            pinned["blocked_by"],
        ), f"line {pinned['line']}"
        whole = json.dumps(verdict, sort_keys=True, ensure_ascii=False).encode()
        assert hashlib.sha256(whole).hexdigest() == pinned["sha256"], (
            f"line {pinned['line']}: the JSON changed"
        )
