"""Random rule packs: durable-rules, CLIPS and the reference interpreter give one reading of every case.

A smaller batch of what bench/fuzz_packs.py runs at scale (docs/engines.md has its figure). The packs run in
worker processes: durable-rules' C core can still crash on some packs (docs/durable-rules.md), which is not a
wrong verdict and is counted apart; a disagreement fails the test with the pack's seed and the case.
"""

from __future__ import annotations

import json

from random_packs import run_range


def test_random_packs_have_one_reading_in_every_engine():
    result = run_range(1000, 1040, 25)
    assert result["pairs"] >= 500, result
    assert not result["disagreements"], json.dumps(result["disagreements"][:3], default=str)[:3000]
