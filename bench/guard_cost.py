"""What the reference interpreter's check costs: µs per evaluation of the scenario library, with and without it.

python bench/guard_cost.py [--rounds 3] [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from constraint_engine.engine import Engine
from constraint_engine.engines import Guarded
from constraint_engine.features import collect
from constraint_engine.running import Runner

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    runner = Runner()
    specs, _ = collect((ROOT / "scenarios",), runner.registry)
    proposals = []
    for spec in specs:
        try:
            proposals.append(runner.case(runner.build(spec), spec))
        except Exception:  # noqa: BLE001 - a scenario that does not build is no evaluation to time
            continue
    plain = Engine(runner.compiled, trace_matches=False)
    guarded = Guarded(Engine(runner.compiled, trace_matches=False))
    results: dict[str, list[float]] = {"durable-rules alone": [], "durable-rules + reference check": []}
    for _ in range(args.rounds):
        for name, engine in (("durable-rules alone", plain), ("durable-rules + reference check", guarded)):
            began = time.perf_counter()
            for _ in range(args.repeat):
                for p in proposals:
                    engine.evaluate(p)
            results[name].append((time.perf_counter() - began) / (args.repeat * len(proposals)) * 1e6)
    base = statistics.median(results["durable-rules alone"])
    print(f"{len(proposals)} library proposals x {args.repeat}, {args.rounds} rounds (µs per evaluation)")
    for name, times in results.items():
        med = statistics.median(times)
        print(f"  {name:34} {med:7.1f} (range {min(times):.1f}-{max(times):.1f})  {med / base:.2f}x")


if __name__ == "__main__":
    main()
