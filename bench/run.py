"""Benchmark: the bare engine's ceiling, our engine, `check` end to end, memory, and cold start, in one run.

    python bench/run.py            # the full run (under two minutes on 2 cores)
    python bench/run.py --quick    # a smaller run, for a first look

It prints each figure and the ratios the targets are stated in (see docs/performance.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from constraint_engine.compiling import GATE, CompiledRules, compile_rulebook  # noqa: E402
from constraint_engine.engine import Engine, _SyncHost  # noqa: E402
from constraint_engine.facts import Proposal  # noqa: E402
from constraint_engine.loading import load_rulebook  # noqa: E402
from constraint_engine.steps import REGISTRY, ScenarioBuilder  # noqa: E402

SFRC = "the Senate Foreign Relations Committee and the House Foreign Affairs Committee"
AOR = "the European Command area of responsibility"
ACTORS = ["President", "Secretary of State", "Secretary of Defense"]


def random_scenario(rnd: random.Random) -> list[str]:
    """Steps (with keywords) of one random scenario in the core vocabulary."""
    day = dt.date(2019, 1, 1) + dt.timedelta(days=rnd.randrange(0, 365 * 8))
    steps = [f"Given the date is {day}"]
    kind = rnd.randrange(6)
    if kind < 2:
        if rnd.random() < 0.5:
            present = rnd.randint(45, 100)
            steps.append(
                f"And the Senate gave its advice and consent with {rnd.randint(0, present)} of {present} Senators present concurring"
            )
        if rnd.random() < 0.3:
            steps.append("And an Act of Congress authorizes the action")
        if rnd.random() < 0.2:
            steps.append(
                rnd.choice(
                    [
                        "And a simple resolution of the Senate approves the action",
                        "And a concurrent resolution of Congress approves the action",
                    ]
                )
            )
        if rnd.random() < 0.6:
            steps.append(f"And the President consulted {SFRC}")
        if rnd.random() < 0.6:
            steps.append(
                f"And the President notified {SFRC} in writing on {day - dt.timedelta(days=rnd.randint(0, 400))}"
            )
        verb = rnd.choice(["withdraw the United States from", "suspend", "terminate", "denounce"])
        steps.append(f"When the {rnd.choice(ACTORS)} proposes to {verb} the North Atlantic Treaty")
    else:
        if rnd.random() < 0.4:
            steps.append(
                "And the Secretary of Defense certified the action to the congressional defense committees"
            )
        if rnd.random() < 0.4:
            steps.append(
                "And the Commander of United States European Command certified the action to the congressional defense committees"
            )
        if kind == 2:
            steps.append(
                f"When the Secretary of Defense proposes to reduce United States forces in {AOR} to {rnd.randint(60000, 90000):,} for {rnd.randint(1, 120)} days"
            )
        elif kind == 3:
            if rnd.random() < 0.3:
                steps.append(
                    f"And the equipment was in {AOR} on {dt.date(2025, 1, 1) + dt.timedelta(days=rnd.randint(0, 300))}"
                )
            steps.append(
                f"When the Secretary of Defense proposes to relocate equipment valued at ${rnd.randint(100000, 3000000):,} out of {AOR}"
            )
        elif kind == 4:
            steps.append(
                f"When the Secretary of Defense proposes to return a military installation in {rnd.choice(['Germany', 'Poland', 'Italy', 'Japan'])} to the host nation"
            )
        else:
            steps.append(
                f"When the {rnd.choice(ACTORS)} proposes to relinquish the post of Supreme Allied Commander Europe"
            )
    steps.append("Then the action is blocked" if rnd.random() < 0.5 else "Then the action is permitted")
    return steps


def proposal_of(steps: list[str], today: dt.date) -> Proposal:
    builder = ScenarioBuilder()
    for step in steps:
        keyword, _, text = step.partition(" ")
        kind = {"Given": "given", "And": "given", "When": "when", "Then": "then"}[keyword]
        REGISTRY.apply(kind, text, builder)  # type: ignore[arg-type]
    return builder.proposal(today)


class BareEngine:
    """durable-rules with only what it needs: the thread-free host, a session per evaluation, the derived facts."""

    def __init__(self, compiled: CompiledRules):
        self.name = compiled.name + "_bare"
        self.host = _SyncHost()
        self.blocks: list[str] = []
        definition = {
            rid: {**body, "run": self._action(compiled.rules[rid])}
            for rid, body in compiled.definition.items()
        }
        self.host.set_rulesets({self.name: definition})
        self.sid = 0

    def _action(self, meta: Any) -> Any:
        if meta.asserts is not None:
            fact = dict(meta.asserts)

            def derive(c: Any) -> None:
                c.assert_fact({**fact, "id": meta.rule_id})

            return derive
        if meta.kind == "block":
            return lambda c: self.blocks.append(meta.target)
        return lambda c: None

    def evaluate(self, params: dict[str, Any], facts: list[dict[str, Any]]) -> list[str]:
        self.sid += 1
        sid = str(self.sid)
        self.blocks = []
        batch = [{**params, "sid": sid, "id": "p"}] + [
            {**f, "sid": sid, "id": f"f{i}"} for i, f in enumerate(facts)
        ]
        try:
            self.host.assert_facts(self.name, batch)
            self.host.assert_fact(self.name, {"t": GATE, "sid": sid, "id": "gate"})
        finally:
            self.host.delete_state(self.name, sid)
        return self.blocks


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def timed(fn: Any, *args: Any) -> float:
    gc.collect()
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def command_ms(argv: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=5000, help="scenarios for the rates (default 5000)")
    parser.add_argument("--memory-n", type=int, default=100_000, help="evaluations for the memory figure")
    parser.add_argument("--quick", action="store_true", help="n=1000, memory-n=20000")
    args = parser.parse_args()
    if args.quick:
        args.n, args.memory_n = 1000, 20_000
    today = dt.date(2026, 11, 27)
    rnd = random.Random(20261127)
    scenarios = [random_scenario(rnd) for _ in range(args.n)]
    proposals = [proposal_of(s, today) for s in scenarios]

    book = load_rulebook()
    compiled = compile_rulebook(book)
    inputs = [(compiled.params_fact(p.date), p.engine_facts()) for p in proposals]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}"
    )
    print(
        f"ruleset: {len(compiled.definition)} rules from {len(book.provisions)} provisions; {args.n} random scenarios"
    )

    bare = BareEngine(compiled)
    ours = Engine(compiled)
    for p, (params, facts) in zip(proposals[:200], inputs[:200], strict=True):  # warm up, and agree
        assert sorted(set(bare.evaluate(params, facts))) == sorted(set(ours.evaluate(p).blocks))

    a = args.n / timed(lambda: [bare.evaluate(params, facts) for params, facts in inputs])
    b = args.n / timed(lambda: [ours.evaluate(p) for p in proposals])
    print(f"(a) bare durable-rules, session per evaluation: {a:,.0f} evaluations/s")
    print(
        f"(b) our engine, firing trace on:                 {b:,.0f} evaluations/s  = {b / a:.2f} of (a)  (target >= 0.70)"
    )

    feature = Path(tempfile.mkdtemp(prefix="ce-bench-")) / "bench.feature"
    body = ["Feature: benchmark"]
    for i, steps in enumerate(scenarios):
        body.append(f"  Scenario: random {i}")
        body += [f"    {s}" for s in steps]
    feature.write_text("\n".join(body) + "\n", encoding="utf-8")
    cli = [sys.executable, "-m", "constraint_engine.cli", "check", str(feature)]
    serial = command_ms([*cli, "--jobs", "1"], 1) / 1000
    parallel = command_ms([*cli, "--jobs", "2"], 1) / 1000
    c = args.n / serial
    print(
        f"(c) check end to end (parse, steps, engine, verdicts, report), --jobs 1: {c:,.0f} scenarios/s  = {c / a:.2f} of (a)  (target >= 0.40)"
    )
    print(
        f"    --jobs 2: {args.n / parallel:,.0f} scenarios/s  = {serial / parallel:.2f} x the serial rate  (target >= 1.70)"
    )
    same = (
        subprocess.run([*cli, "--jobs", "1"], capture_output=True, text=True).stdout
        == subprocess.run([*cli, "--jobs", "2"], capture_output=True, text=True).stdout
    )
    print(f"    output of --jobs 2 identical to --jobs 1: {same}")

    ours_mem = Engine(compiled)
    for p in proposals[:1000]:
        ours_mem.evaluate(p)
    gc.collect()
    before = rss_mb()
    for i in range(args.memory_n):
        ours_mem.evaluate(proposals[i % len(proposals)])
    gc.collect()
    after = rss_mb()
    print(
        f"(d) memory over {args.memory_n:,} evaluations: {before:.1f} MB -> {after:.1f} MB, growth {after - before:.1f} MB  (target < 20 MB)"
    )

    one = feature.parent / "one.feature"
    one.write_text(
        "Feature: one\n  Scenario: one\n" + "\n".join(f"    {s}" for s in scenarios[0]) + "\n",
        encoding="utf-8",
    )
    exe = str(Path(sys.executable).parent / "constraint-engine")
    base = command_ms([sys.executable, "-c", "pass"], 10)
    helps = command_ms([exe, "--help"], 10)
    check_one = command_ms([exe, "check", str(one)], 10)
    print(
        f"(e) python -c pass: {base:.0f} ms; constraint-engine --help: {helps:.0f} ms (+{helps - base:.0f} ms, target <= +150 ms); check one scenario: {check_one:.0f} ms (+{check_one - base:.0f} ms)"
    )


if __name__ == "__main__":
    main()
