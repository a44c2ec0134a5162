"""The law cached on disk (law_cache.py) gives the verdicts of the packs it was read from, and is never stale.
Each run is a process of its own, as a user's commands are."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from constraint_engine import law_cache

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = ROOT / "scenarios" / "nato-support-act"
NOTICE = (  # a process that loads the law of the folder it is given and prints the notice period in force
    "import datetime, pathlib, sys; from constraint_engine.law import Law; "
    "law = Law.load(pathlib.Path(sys.argv[1])); "
    "print(law.book.parameters['nsa.notice-days'].value_on(datetime.date(2026, 1, 1)))"
)


def _run(cache: Path | str, *argv: str, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, law_cache.ENV: str(cache)}
    if home is not None:
        env["XDG_CACHE_HOME"] = str(home)
    done = subprocess.run(
        [sys.executable, *argv], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


def _check(cache: Path | str) -> subprocess.CompletedProcess[str]:
    return _run(cache, "-m", "constraint_engine.cli", "check", str(LIBRARY), "--format", "json")


def test_a_law_read_from_the_cache_gives_the_verdicts_of_the_packs(tmp_path: Path):
    first = _check(tmp_path)
    assert list(tmp_path.glob("*.pickle")), "the first run keeps the law"
    again = _check(tmp_path)
    off = _check("off")
    assert first.returncode == again.returncode == off.returncode == 0, first.stderr
    assert first.stdout == again.stdout == off.stdout


def test_a_changed_pack_is_read_again_never_the_cached_law(tmp_path: Path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    before = _run(tmp_path / "cache", "-c", NOTICE, str(rules)).stdout.strip()
    pack = rules / "nato-support-act.yaml"
    text = pack.read_text(encoding="utf-8")
    pack.write_text(text.replace("value: 180,", "value: 190,", 1), encoding="utf-8")
    after = _run(tmp_path / "cache", "-c", NOTICE, str(rules)).stdout.strip()
    assert (before, after) == ("180", "190")
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 2


def test_a_damaged_cache_file_is_ignored_and_replaced(tmp_path: Path):
    _run(tmp_path, "-c", NOTICE, "rules")
    (cached,) = tmp_path.glob("*.pickle")
    cached.write_bytes(b"not a law")
    assert _run(tmp_path, "-c", NOTICE, "rules").stdout.strip() == "180"
    assert cached.read_bytes() != b"not a law"


def test_off_writes_nothing(tmp_path: Path):
    assert _run("off", "-c", NOTICE, "rules", home=tmp_path).stdout.strip() == "180"
    assert not list(tmp_path.rglob("*.pickle"))
