"""Random rule packs and random cases, to hold durable-rules, CLIPS and the reference interpreter to one reading.

A pack has random provisions whose conditions use every operator (comparisons, in / not_in with several
values, any, arithmetic, ceil_fraction), nesting and order, parameters and an interpretation, facts that must
exist, needed facts, and lifts that join two facts; a case has an action and facts with random fields, some
missing. `differ` evaluates a case in each engine and returns what they disagree on. Used by the property
test (tests/test_pack_fuzz.py) and, at scale, by bench/fuzz_packs.py.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import yaml

from constraint_engine.compiling import CompiledRules, compile_rulebook
from constraint_engine.engine import Adapter, Engine
from constraint_engine.interpreting import Interpreter
from constraint_engine.loading import load_rulebook

INT_FIELDS = ("count", "days", "value")
COUNTRIES = ("Germany", "Poland", "Japan", "Saudi Arabia", "Italy")
ITEM_FIELDS = ("a", "b")
DAY = dt.date(2026, 3, 1)


class _Gen:
    def __init__(self, rnd: random.Random):
        self.r = rnd

    # -- expressions --------------------------------------------------------------------------------------

    def int_expr(self, own: str, depth: int = 0) -> Any:
        r = self.r
        choice = r.random()
        if choice < 0.35 or depth >= 2:
            return r.choice([r.randint(0, 12), r.randint(0, 12), r.randint(-3, 40)])
        if choice < 0.55:
            return {"param": r.choice(["fz.p1", "fz.p2", "fz.p3"])}
        if choice < 0.7:
            return self.field_ref(own)
        if choice < 0.9:
            op = r.choice(["add", "sub", "mul", "div"])
            right = (
                {"param": r.choice(["fz.p1", "fz.p2"])}
                if op == "div" and r.random() < 0.5
                else r.randint(1, 5)
            )
            if op != "div":
                right = self.int_expr(own, depth + 1)
            return {op: [self.int_expr(own, depth + 1), right]}
        return {"ceil_fraction": {"param": "fz.share", "of": self.int_expr(own, depth + 1)}}

    def field_ref(self, own: str) -> dict[str, Any]:
        if own == "action" or self.r.random() < 0.5:
            return {"field": self.r.choice(INT_FIELDS), "fact": "action"}
        return {"field": self.r.choice(ITEM_FIELDS)}

    # -- conditions ---------------------------------------------------------------------------------------

    def condition(self, own: str, depth: int = 0) -> dict[str, Any]:
        r = self.r
        fields = INT_FIELDS if own == "action" else ITEM_FIELDS
        pick = r.random()
        if pick < 0.12 and depth < 2:
            return {"any": [self.condition(own, depth + 1) for _ in range(r.randint(2, 3))]}
        if pick < 0.3:
            word_field = "country" if own == "action" else "s"
            op = r.choice(["eq", "ne", "in", "not_in"])
            if op in ("in", "not_in"):
                return {word_field: {op: r.sample(COUNTRIES, r.randint(1, 3))}}
            return {word_field: {op: r.choice(COUNTRIES)}}
        field = r.choice(fields)
        op = r.choice(["eq", "ne", "lt", "lte", "gt", "gte", "in", "not_in"])
        if op in ("in", "not_in"):
            return {field: {op: [self.int_expr(own, 1) for _ in range(r.randint(1, 3))]}}
        return {field: {op: self.int_expr(own)}}

    def conditions(self, own: str, most: int) -> list[dict[str, Any]]:
        return [self.condition(own) for _ in range(self.r.randint(0, most))]

    # -- a pack -------------------------------------------------------------------------------------------

    def pack(self) -> dict[str, Any]:
        r = self.r
        src = {"sources": ["S1"], "status": "reported"}
        parameters = [
            {
                "id": pid,
                "title": pid,
                "unit": "count",
                "values": [
                    {"since": dt.date(2000, 1, 1), "value": r.randint(1, 12), **src},
                    {"since": dt.date(2026, 1, 1), "value": r.randint(1, 12), **src},
                ],
            }
            for pid in ("fz.p1", "fz.p2", "fz.p3")
        ]
        share = f"{r.randint(1, 3)}/{r.randint(3, 5)}"
        parameters.append(
            {
                "id": "fz.share",
                "title": "share",
                "unit": "fraction",
                "values": [{"since": "2000-01-01", "value": share, **src}],
            }
        )
        parameters.append(
            {
                "id": "fz.reading",
                "title": "reading",
                "unit": "choice",
                "choices": {"narrow": "narrow", "broad": "broad"},
                "values": [{"since": dt.date(2000, 1, 1), "value": r.choice(["narrow", "broad"]), **src}],
            }
        )
        provisions, lifts = [], []
        for i in range(r.randint(1, 3)):
            since = DAY + dt.timedelta(days=r.randint(-400, 30))
            in_force: dict[str, Any] = {"since": since}
            if r.random() < 0.3:
                in_force["until"] = since + dt.timedelta(days=r.randint(0, 500))
            applies: dict[str, Any] = {"actions": ["fz-act"], "where": self.conditions("action", 4)}
            if r.random() < 0.3:
                applies["depending_on"] = [
                    {
                        "interpretation": "fz.reading",
                        "cases": {
                            "narrow": self.conditions("action", 2),
                            "broad": self.conditions("action", 1),
                        },
                    }
                ]
            if r.random() < 0.3:
                applies["with_facts"] = [{"fact": "item", "where": self.conditions("item", 2)}]
            prov: dict[str, Any] = {
                "id": f"fz.prov-{i}",
                "reference": f"P{i}",
                "citation": f"Fuzz Act sec. {i}",
                "title": "t",
                "text": "t",
                "summary": "s",
                **src,
                "in_force": in_force,
                "applies_to": applies,
                "cure": ["none"],
            }
            if r.random() < 0.3:
                prov["needs"] = [{"field": r.choice(INT_FIELDS), "phrase": "the fuzz count is {count}"}]
            if r.random() < 0.6:
                lift = {
                    "id": f"fz.lift-{i}",
                    "kind": "exception",
                    "title": "t",
                    "summary": "s",
                    "citation": f"Fuzz Act sec. {i}(b)",
                    **src,
                    "when": [{"fact": "item", "where": self.conditions("item", 2)}],
                    "action_where": self.conditions("action", 1),
                }
                if r.random() < 0.5:  # a join: the token compares with the item matched before it
                    joined = {"field": r.choice(ITEM_FIELDS), "fact": "item"}
                    lift["when"].append(
                        {"fact": "token", "where": [{"c": {r.choice(["eq", "lt", "gte"]): joined}}]}
                    )
                lifts.append(lift)
                prov["lifted_by"] = [lift["id"]]
            provisions.append(prov)
        return {
            "pack": "fuzz",
            "title": "Fuzz",
            "authority": "a generated pack",
            "sources": {"S1": {"title": "generated", "url": "https://example.org", "kind": "commentary"}},
            "vocabulary": {
                "facts": {
                    "item": {"meaning": "An item.", "fields": {"a": "int", "b": "int", "s": "str"}},
                    "token": {"meaning": "A token.", "fields": {"c": "int"}},
                },
                "actions": {"fz-act": {"meaning": "act"}},
                "phrases": [
                    {
                        "given": "the fuzz count is {count}",
                        "meaning": "A count.",
                        "example": "the fuzz count is 3",
                        "qualifies": {"count": "{count}"},
                    }
                ],
            },
            "parameters": parameters,
            "lifts": lifts,
            "provisions": provisions,
        }

    # -- a case -------------------------------------------------------------------------------------------

    def case(self) -> list[dict[str, Any]]:
        r = self.r
        day = DAY + dt.timedelta(days=r.randint(-450, 60))
        action: dict[str, Any] = {
            "t": "action",
            "kind": "fz-act",
            "actor": "President",
            "date": day.toordinal(),
        }
        for f in INT_FIELDS:
            if r.random() < 0.85:
                action[f] = r.randint(0, 14)
        if r.random() < 0.85:
            action["country"] = r.choice(COUNTRIES)
        facts = [action]
        for _ in range(r.randint(0, 3)):
            item: dict[str, Any] = {"t": "item"}
            for f in ITEM_FIELDS:
                if r.random() < 0.85:
                    item[f] = r.randint(0, 14)
            if r.random() < 0.7:
                item["s"] = r.choice(COUNTRIES)
            facts.append(item)
        for _ in range(r.randint(0, 2)):
            facts.append({"t": "token", **({"c": r.randint(0, 14)} if r.random() < 0.9 else {})})
        return facts


def random_pack(seed: int, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "fuzz.yaml").write_text(yaml.safe_dump(_Gen(random.Random(seed)).pack(), sort_keys=False))
    return folder


def random_cases(seed: int, n: int) -> list[list[dict[str, Any]]]:
    gen = _Gen(random.Random(seed))
    return [gen.case() for _ in range(n)]


class Trio:
    """One pack's law in durable-rules, CLIPS and the reference interpreter, unguarded."""

    def __init__(self, folder: Path):
        from constraint_engine.clips_engine import ClipsEngine

        self.book = load_rulebook(folder)
        self.compiled: CompiledRules = compile_rulebook(self.book)
        self.engines: dict[str, Adapter] = {
            "durable-rules": Engine(self.compiled),
            "CLIPS": ClipsEngine(self.compiled),
        }
        self.reference = Interpreter(self.book)

    def differ(self, facts: list[dict[str, Any]]) -> dict[str, Any]:
        """What the engines say of one case, when any of them says something else than the interpreter."""
        day = dt.date.fromordinal(facts[0]["date"])
        params = self.compiled.params_fact(day)
        ref = self.reference.read(params, facts)
        want = (sorted(ref.engaged), sorted(ref.lifts), sorted(ref.not_lifts), sorted(ref.undecided))
        out: dict[str, Any] = {}
        for name, engine in self.engines.items():
            ev = engine.evaluate_facts(params, facts)
            got = (
                sorted(set(ev.engaged)),
                sorted(set(ev.lifts)),
                sorted(set(ev.not_lifts)),
                sorted({f.target for f in ev.firings if f.kind == "undecided"}),
            )
            if ev.outcome == "error" or got != want:
                out[name] = ev.error or got
        if out:
            out["reference"] = want
        return out


def run_seeds(first: int, last: int, cases: int) -> None:
    """Print one JSON line per pack: its seed, how many cases were compared, and every disagreement (or why
    the pack was refused). A line `{"seed": N, "start": true}` comes first, so a parent that sees the process
    die knows which pack was running."""
    import json
    import sys
    import tempfile

    from constraint_engine.errors import InputError, InputErrors

    for seed in range(first, last):
        print(json.dumps({"seed": seed, "start": True}), flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            folder = random_pack(seed, Path(tmp))
            try:
                trio = Trio(folder)
            except (InputError, InputErrors) as exc:
                print(json.dumps({"seed": seed, "refused": str(exc)[:300]}), flush=True)
                continue
            diffs = []
            for facts in random_cases(seed, cases):
                found = trio.differ(facts)
                if found:
                    diffs.append({"facts": facts, "found": found})
            # The engines stay alive to the end of the process: durable-rules' C state outlives a collected
            # host, and a later engine was seen to crash when an earlier one was collected.
            _KEEP.append(trio)
            print(json.dumps({"seed": seed, "pairs": cases, "disagreements": diffs}, default=str), flush=True)
    sys.stdout.flush()


_KEEP: list[Trio] = []


def run_range(first: int, last: int, cases: int) -> dict[str, Any]:
    """Packs `first` to `last` in worker processes: pairs compared, refused packs, every disagreement, and
    every worker that died (with the pack it was running; the run goes on from the next one)."""
    import json
    import subprocess
    import sys

    out: dict[str, Any] = {"packs": 0, "pairs": 0, "refused": 0, "disagreements": [], "crashes": []}
    start = first
    while start < last:
        proc = subprocess.run(
            [sys.executable, __file__, str(start), str(last), str(cases)],
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parents[1],
        )
        running = None
        for line in proc.stdout.splitlines():
            rec = json.loads(line)
            if rec.get("start"):
                running = rec["seed"]
                continue
            running = None
            out["packs"] += 1
            if "refused" in rec:
                out["refused"] += 1
            else:
                out["pairs"] += rec["pairs"]
                out["disagreements"] += [{"seed": rec["seed"], **d} for d in rec["disagreements"]]
        if proc.returncode == 0:
            break
        out["crashes"].append({"seed": running, "returncode": proc.returncode, "stderr": proc.stderr[-400:]})
        start = (running if running is not None else start) + 1
    return out


if __name__ == "__main__":
    import sys

    run_seeds(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
