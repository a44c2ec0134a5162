"""Verdicts pinned by the engine as it was before its sessions were reused and its blocks decided in Python:
every verdict of a generated sample must decide and derive, byte for byte, what it did (its wording may
improve; everything else is pinned)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from click.testing import CliRunner

from constraint_engine.cli import main
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "data" / "golden"
# Human wording, which may improve without the engine deciding anything differently: left out of the pin.
WORDS = {
    "title",
    "conditions",
    "why",
    "text",
    "summary",
    "reason",
    "caveats",
    "cure",
    "what",
    "who",
    "by_when",
    "add",
}


def _decided(value: Any) -> Any:
    """A verdict without its wording: outcome, provisions, citations, statuses, sources, derivation's facts and
    steps by id, the facts each step matched."""
    if isinstance(value, dict):
        return {k: _decided(v) for k, v in value.items() if k not in WORDS}
    if isinstance(value, list):
        return [_decided(v) for v in value]
    return value


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
        whole = json.dumps(_decided(verdict), sort_keys=True, ensure_ascii=False).encode()
        assert hashlib.sha256(whole).hexdigest() == pinned["sha256"], (
            f"line {pinned['line']}: the JSON changed"
        )
