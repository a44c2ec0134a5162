"""Benchmark against an independent yardstick: every figure as a ratio to it, measured in the same run.

    python bench/run.py            # the full run: 3 rounds, 5,000 scenarios, 100,000 explore points, 1,000,000
                                   # evaluations for memory (about 15 minutes on 2 cores)
    python bench/run.py --quick    # 1 round, smaller sizes, for a first look

The yardstick (bench/yardstick/, copied from ../shared/bench/) is a bare 21-rule durable-rules pack for similar
law: a thread-free host, a new session per evaluation, no trace. Absolute rates drift from minute to minute on a
shared machine, so each round measures the yardstick beside each figure, and the table gives the median ratio
of the rounds and their spread. See docs/performance.md.
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from constraint_engine.compiling import compile_rulebook  # noqa: E402
from constraint_engine.engine import Engine  # noqa: E402
from constraint_engine.facts import Proposal  # noqa: E402
from constraint_engine.loading import load_rulebook  # noqa: E402
from constraint_engine.steps import ScenarioBuilder, bundled_registry  # noqa: E402

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
        bundled_registry().apply(kind, text, builder)  # type: ignore[arg-type]
    return builder.proposal(today)


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


def command_s(argv: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        argv,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
        env={**os.environ, **(env or {})},
    )
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv[:4])} ... failed: {done.stderr.decode()[-500:]}")
    return time.perf_counter() - start


def command_ms(argv: list[str], repeat: int, env: dict[str, str] | None = None) -> float:
    return statistics.median(command_s(argv, env) * 1000 for _ in range(repeat))


# -- the yardstick: bench/yardstick/rulepack.py, run bare as ../shared/bench/bench.py runs it ---------------


def yardstick() -> Any:
    """An evaluator of the yardstick pack: a thread-free host, a session per evaluation, no trace kept."""
    sys.path.insert(0, str(ROOT / "bench" / "yardstick"))
    import rulepack  # type: ignore[import-not-found]
    from durable import engine

    class SyncHost(engine.Host):  # type: ignore[misc]
        def _run(self) -> None:
            pass

    results: dict[str, Any] = {}
    trace: dict[str, Any] = {}
    errors: dict[str, Any] = {}
    host = SyncHost()
    host.set_rulesets({"nato": rulepack.durable_ruleset(results, trace, errors)})
    counter = [0]

    def ev(facts: list[dict[str, Any]]) -> tuple[Any, ...]:
        counter[0] += 1
        sid = str(counter[0])
        host.assert_facts("nato", [dict(f, sid=sid) for f in facts])
        host.assert_fact("nato", {"sid": sid, "t": "evaluate"})
        host.delete_state("nato", sid)
        trace.pop(sid, None)
        if sid in errors:
            raise RuntimeError(errors.pop(sid))
        return tuple(sorted(results.pop(sid, ())))

    return ev, rulepack.make_scenarios


def yardstick_rate(n: int) -> float:
    ev, make = yardstick()
    scenarios = make(n)
    for s in scenarios[:200]:
        ev(s)
    return n / timed(lambda: [ev(s) for s in scenarios])


def calibration(seconds: float = 1.0) -> float:
    """What two processes give over one at this moment, on pure CPU work: the ceiling --jobs 2 can reach."""
    import multiprocessing

    n = 2_000_000

    def work() -> None:
        total = 0
        for i in range(n):
            total += i * i

    one = timed(work)
    procs = [multiprocessing.get_context("fork").Process(target=work) for _ in range(2)]
    start = time.perf_counter()
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    two = time.perf_counter() - start
    return 2 * one / two


PEERS = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "constraint-engine" / "bench-peers"


def peer_python() -> Path | None:
    """The benchmark's own venv with behave and pytest-bdd (made once; safe to delete), or None offline."""
    python = PEERS / "bin" / "python"
    if not python.exists():
        made = subprocess.run([sys.executable, "-m", "venv", str(PEERS)], capture_output=True)
        pip = [str(python), "-m", "pip", "install", "-q", "behave", "pytest-bdd"]
        if made.returncode != 0 or subprocess.run(pip, capture_output=True).returncode != 0:
            return None
    return python


def peer_seconds(python: Path, generated: Path) -> dict[str, float]:
    """behave and pytest-bdd running the same generated scenarios with trivial regex steps (bench/peers/)."""
    work = Path(tempfile.mkdtemp(prefix="ce-peers-"))
    behave = work / "behave"
    subprocess.run(["cp", "-r", str(ROOT / "bench" / "peers" / "behave"), str(behave)], check=True)
    (behave / "features" / "gen.feature").write_text(generated.read_text())
    bdd = work / "bdd"
    bdd.mkdir()
    (bdd / "test_gen.py").write_text((ROOT / "bench" / "peers" / "pytest-bdd" / "test_gen.py").read_text())
    (bdd / "gen.feature").write_text(generated.read_text())
    out = {}
    start = time.perf_counter()
    subprocess.run(
        [str(python), "-m", "behave", "-f", "null", "--no-summary", "-q", "features"],
        cwd=behave,
        capture_output=True,
    )
    out["behave"] = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run(
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_gen.py"],
        cwd=bdd,
        capture_output=True,
        env={**os.environ, "FEATURE": "gen.feature"},
    )
    out["pytest-bdd"] = time.perf_counter() - start
    return out


def peak_rss_mb(argv: list[str]) -> float:
    """The peak RSS of a command run alone in a child process (its own children included)."""
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


@dataclass
class Figure:
    name: str
    target: str
    ratios: list[float]
    unit: str = "x the yardstick"

    def row(self) -> str:
        median = statistics.median(self.ratios)
        spread = (max(self.ratios) - min(self.ratios)) if len(self.ratios) > 1 else 0.0
        return f"| {self.name} | {median:.2f} {self.unit} | ±{spread / 2:.2f} | {self.target} |"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=5000, help="scenarios for the rates (default 5000)")
    parser.add_argument("--points", type=int, default=100_000, help="explore grid points (default 100,000)")
    parser.add_argument("--memory-n", type=int, default=1_000_000, help="evaluations for the memory figure")
    parser.add_argument("--rounds", type=int, default=3, help="rounds, for the median and spread (default 3)")
    parser.add_argument(
        "--quick", action="store_true", help="1 round, n=1000, points=10,000, memory-n=20,000"
    )
    args = parser.parse_args()
    if args.quick:
        args.n, args.points, args.memory_n, args.rounds = 1000, 10_000, 20_000, 1
    today = dt.date(2026, 11, 27)
    rnd = random.Random(20261127)
    scenarios = [random_scenario(rnd) for _ in range(args.n)]
    proposals = [proposal_of(s, today) for s in scenarios]
    book = load_rulebook()
    compiled = compile_rulebook(book)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}"
    )
    print(f"ruleset: {len(compiled.definition)} rules from {len(book.provisions)} provisions")

    folder = Path(tempfile.mkdtemp(prefix="ce-bench-"))
    generated = folder / "generated.feature"  # the yardstick's own generator, as the targets are stated
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "yardstick" / "gen_scenarios.py"), str(args.n), str(generated)],
        check=True,
    )
    cli = [sys.executable, "-m", "constraint_engine.cli"]
    side = 1 + int((args.points / 200) ** 0.5)  # a square grid of about `points` points
    count_step = max(1, 50_000 // side)
    days_step = max(1, 400 // (args.points // side + 1))
    explore = [
        *cli,
        "explore",
        f"the Secretary of Defense proposes to reduce United States forces in {AOR} to {{count}} for {{days}} days",
        "--range",
        f"count=40000..{40000 + count_step * (side - 1)}:{count_step}",
        "--range",
        f"days=1..{days_step * (args.points // side)}:{days_step}",
        "--given",
        "the date is 2026-05-01",
        "--format",
        "json",
        "--jobs",
        "1",
    ]
    points = len(range(40000, 40000 + count_step * side, count_step)) * len(
        range(1, days_step * (args.points // side) + 1, days_step)
    )

    figures = {
        "engine": Figure("engine, trace on, per evaluation", ">= 1.5", []),
        "text": Figure(f"`check` text, {args.n:,} scenarios, one process, with start-up", ">= 0.45", []),
        "json": Figure(f"`check --format json`, {args.n:,} scenarios, same", ">= 0.30", []),
        "explore": Figure(f"`explore`, {points:,} grid points, one process", ">= 0.6", []),
        "jobs": Figure("`--jobs 2` over `--jobs 1`, as a share of the calibration", ">= 0.85", [], "of it"),
    }
    ours = Engine(compiled)
    for p in proposals[:200]:
        ours.evaluate(p)
    for round_ in range(args.rounds):
        y = yardstick_rate(min(args.n, 3000))
        figures["engine"].ratios.append(args.n / timed(lambda: [ours.evaluate(p) for p in proposals]) / y)
        text = command_s([*cli, "check", str(generated), "--jobs", "1"])
        figures["text"].ratios.append(args.n / text / y)
        y2 = yardstick_rate(min(args.n, 3000))
        figures["json"].ratios.append(
            args.n / command_s([*cli, "check", str(generated), "--format", "json", "--jobs", "1"]) / y2
        )
        figures["explore"].ratios.append(points / command_s(explore) / y2)
        parallel = command_s([*cli, "check", str(generated), "--jobs", "2"])
        serial = command_s([*cli, "check", str(generated), "--jobs", "1"])
        figures["jobs"].ratios.append(serial / parallel / calibration())
        print(f"round {round_ + 1}: yardstick {y:,.0f} and {y2:,.0f} evaluations/s", flush=True)
    same = (
        subprocess.run([*cli, "check", str(generated), "--jobs", "1"], capture_output=True, text=True).stdout
        == subprocess.run(
            [*cli, "check", str(generated), "--jobs", "2"], capture_output=True, text=True
        ).stdout
    )

    memory = Engine(compiled)
    for p in proposals[:1000]:
        memory.evaluate(p)
    gc.collect()
    before = rss_mb()
    for i in range(args.memory_n):
        memory.evaluate(proposals[i % len(proposals)])
    gc.collect()
    growth = rss_mb() - before

    exe = str(Path(sys.executable).parent / "constraint-engine")
    base = command_ms([sys.executable, "-c", "pass"], 10)
    helps = command_ms([exe, "--help"], 10)
    action = "the President proposes to suspend the North Atlantic Treaty"
    evaluate = command_ms([exe, "evaluate", action, "--given", "the date is 2026-02-10"], 5)
    # The same without the law kept on disk (a first run, or CONSTRAINT_ENGINE_CACHE=off): packs read again.
    cold = command_ms(
        [exe, "evaluate", action, "--given", "the date is 2026-02-10"], 5, {"CONSTRAINT_ENGINE_CACHE": "off"}
    )
    library = ROOT / "scenarios" / "nato-support-act" / "senate-consent.feature"
    first = next(i for i, line in enumerate(library.read_text().splitlines(), 1) if "Scenario" in line)
    explain = command_ms([exe, "explain", f"{library}:{first}"], 5)

    peers: dict[str, float] = {}
    python = peer_python()
    if python is not None:
        peers = peer_seconds(python, generated)
        ours_text = command_s([*cli, "check", str(generated), "--jobs", "1"])

    # 100,000 scenarios (10,000 with --quick) in ten files, one process: the peak memory of the run.
    big = folder / "big"
    big.mkdir()
    per_file = (10_000 if args.quick else 100_000) // 10
    for i in range(10):
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "yardstick" / "gen_scenarios.py"),
                str(per_file),
                str(big / f"part{i}.feature"),
            ],
            check=True,
        )
    peak = peak_rss_mb([*cli, "check", str(big), "--jobs", "1"])

    print()
    print(f"| figure (median of {args.rounds} rounds) | ratio | spread | target |")
    print("| --- | --- | --- | --- |")
    for figure in figures.values():
        print(figure.row())
    print(f"| `--jobs 2` output identical to `--jobs 1` | {same} | | identical |")
    print(
        f"| memory over {args.memory_n:,} evaluations in one process | {growth:+.1f} MB | | < 20 MB growth |"
    )
    print(f"| `--help` over `python -c pass` | +{helps - base:.0f} ms | | <= +100 ms |")
    print(f"| `evaluate` one action over `python -c pass` | +{evaluate - base:.0f} ms | | <= +150 ms |")
    print(f"| the same, the law read from its packs (cache off) | +{cold - base:.0f} ms | | |")
    print(f"| `explain FILE:N` over `python -c pass` | +{explain - base:.0f} ms | | |")
    print(
        f"| `check --jobs 1`, {per_file * 10:,} scenarios in ten files, peak RSS | {peak:.0f} MB | | <= 200 MB |"
    )
    if peers:
        for name, seconds in peers.items():
            # As fast as the peer, times: its time over ours on the same file (both with start-up).
            print(
                f"| `check` text, speed over {name}'s, same {args.n:,} scenarios | {seconds / ours_text:.2f} x | | "
                f"{'>= 2.0' if name == 'behave' else ''} |"
            )
    else:
        print("| peers (behave, pytest-bdd) | not measured: their venv could not be made (offline?) | | |")


if __name__ == "__main__":
    main()
