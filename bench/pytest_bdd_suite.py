"""pytest-bdd's own test suite, with and without constraint-engine installed: no new failure, time within 10%.

The suite is pytest-bdd's `tests/` at the pinned release. Its source distributions on the package registry
(read from the simple index pip is configured with, PIP_INDEX_URL, `pip config`, else PyPI's, with the sha256
checked; `pip download` is not used, as uv_build may refuse to build metadata here) carry no tests: 8.1.0,
9.0.0 and 9.0.1 hold only `src/`. So the tests come from a checkout of pytest-bdd's repository at the tag,
given with `--source DIR`; the sdist is tried first, in case a later release ships them. Two virtual
environments get the pinned pytest (the one pytest-bdd's lock file names) and pytest-bdd from the registry; the
second also gets this checkout with the `[pytest]` extra. The suite runs in each, alternately, `--rounds`
times; the outcomes are compared test by test and the median times set side by side. It runs here in bench/,
not in CI: CI reaches the registry but has no copy of pytest-bdd's repository.

    python bench/pytest_bdd_suite.py --source PYTEST-BDD-CHECKOUT-AT-8.1.0 [--rounds 3] [--work DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tarfile
import time
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTEST_BDD = "8.1.0"  # pinned: the latest release whose tests we can get (its repository's tag)
PYTEST = "8.3.3"  # the pytest that pytest-bdd 8.1.0's poetry.lock names


def index_url() -> str:
    if os.environ.get("PIP_INDEX_URL"):
        return os.environ["PIP_INDEX_URL"].rstrip("/")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "config", "get", "global.index-url"], capture_output=True, text=True
    )
    url = proc.stdout.strip()
    return url.rstrip("/") if proc.returncode == 0 and url.startswith("http") else "https://pypi.org/simple"


def fetch_sdist(work: Path) -> Path:
    """The pinned sdist's source tree (tests included), checked against the index's sha256."""
    tree = work / f"pytest_bdd-{PYTEST_BDD}"
    if (tree / "tests").is_dir():
        return tree
    page = urllib.request.urlopen(f"{index_url()}/pytest-bdd/", timeout=60).read().decode()
    link = next(
        href
        for href in re.findall(r'href="([^"]+)"', page)
        if href.split("#")[0].endswith(f"pytest_bdd-{PYTEST_BDD}.tar.gz")
    )
    url, _, fragment = link.partition("#")
    data = urllib.request.urlopen(url, timeout=120).read()
    expected = fragment.partition("sha256=")[2]
    if expected and hashlib.sha256(data).hexdigest() != expected:
        raise SystemExit(f"the archive's sha256 does not match the index ({url})")
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(work, filter="data")
    return tree


def venv(path: Path, *packages: str) -> Path:
    python = path / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *packages], check=True)
    return python


def run_suite(python: Path, tree: Path, report: Path) -> tuple[float, dict[str, str]]:
    began = time.perf_counter()
    subprocess.run(
        [str(python), "-m", "pytest", "tests", "-q", "-p", "no:cacheprovider", f"--junitxml={report}"],
        cwd=tree,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - began
    outcomes: dict[str, str] = {}
    for case in ET.parse(report).iter("testcase"):
        kinds = [c.tag for c in case if c.tag in ("failure", "error", "skipped")]
        outcomes[f"{case.get('classname')}::{case.get('name')}"] = kinds[0] if kinds else "passed"
    return seconds, outcomes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--source", type=Path, help="a checkout of pytest-bdd at the pinned tag")
    parser.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "ce-pytest-bdd")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    tree = fetch_sdist(args.work)
    if not (tree / "tests").is_dir():
        if args.source is None or not (args.source / "tests").is_dir():
            raise SystemExit(
                f"pytest-bdd {PYTEST_BDD}'s source distribution holds no tests; give --source, a checkout of "
                f"its repository at tag {PYTEST_BDD}"
            )
        tree = args.source
    pins = (f"pytest=={PYTEST}", f"pytest-bdd=={PYTEST_BDD}")
    pythons = {
        "without": venv(args.work / "without", *pins),
        "with": venv(args.work / "with", *pins, f"{ROOT}[pytest]"),
    }
    times: dict[str, list[float]] = {"without": [], "with": []}
    outcomes: dict[str, dict[str, str]] = {}
    for _ in range(args.rounds):
        for name, python in pythons.items():
            seconds, outcomes[name] = run_suite(python, tree, args.work / f"{name}.xml")
            times[name].append(seconds)
    failing = {n: {t for t, o in outcomes[n].items() if o in ("failure", "error")} for n in outcomes}
    new = sorted(failing["with"] - failing["without"])
    ratio = statistics.median(times["with"]) / statistics.median(times["without"])
    summary = {
        "pytest-bdd": PYTEST_BDD,
        "pytest": PYTEST,
        "tests": len(outcomes["without"]),
        "failing without constraint-engine": sorted(failing["without"]),
        "failing only with it": new,
        "median seconds": {n: round(statistics.median(t), 2) for n, t in times.items()},
        "time with / without": round(ratio, 3),
    }
    print(json.dumps(summary, indent=2))
    sys.exit(1 if new or ratio > 1.10 else 0)


if __name__ == "__main__":
    main()
