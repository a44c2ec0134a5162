"""Differential fuzzing over random rule packs: durable-rules, CLIPS and the reference interpreter.

Each pack (tests/random_packs.py) has random provisions, condition trees, parameters, an interpretation and
lifts that join facts; each case random facts, some fields missing. For every pack x case pair the three
readings (which provisions engage, which lifts and not-lifts hold, which provisions lack a needed fact) must
agree. Packs run in worker processes, a range each; a worker that dies (durable-rules' C core can crash, see
docs/durable-rules.md) is reported with the pack it was running, and the run goes on from the next pack.

    python bench/fuzz_packs.py [--packs 1000] [--cases 40] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from random_packs import run_range  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--packs", type=int, default=1000)
    parser.add_argument("--cases", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--first", type=int, default=0)
    args = parser.parse_args()
    step = max(1, args.packs // (args.workers * 4))
    ranges = [
        (a, min(a + step, args.first + args.packs)) for a in range(args.first, args.first + args.packs, step)
    ]
    began = time.perf_counter()
    with ThreadPoolExecutor(args.workers) as pool:
        parts = list(pool.map(lambda r: run_range(r[0], r[1], args.cases), ranges))
    total = {"packs": 0, "pairs": 0, "refused": 0, "disagreements": [], "crashes": []}
    for part in parts:
        for key in ("packs", "pairs", "refused"):
            total[key] += part[key]
        total["disagreements"] += part["disagreements"]
        total["crashes"] += part["crashes"]
    seconds = time.perf_counter() - began
    print(
        f"{total['packs']} random packs ({total['refused']} refused at load, as bad input), "
        f"{total['pairs']:,} pack x case pairs, {len(total['disagreements'])} disagreements, "
        f"{len(total['crashes'])} worker crashes, in {seconds:.0f} s"
    )
    for d in total["disagreements"][:5]:
        print("disagreement:", json.dumps(d)[:600])
    for c in total["crashes"][:5]:
        print("crash:", json.dumps(c)[:600])
    sys.exit(1 if total["disagreements"] else 0)


if __name__ == "__main__":
    main()
