"""The law cached on disk (law_cache.py) gives the verdicts of the packs it was read from, and is never stale.
Each run is a process of its own, as a user's commands are."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

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


# -- the cache's own guards, read in this process (no law is built here) --------------------------------------


def _bundled() -> tuple[Any, Any]:
    from constraint_engine.law import Law

    law = Law.load()
    return law.book, law.compiled


KEY = "a" * 64


def test_a_law_is_read_back_only_from_a_private_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(law_cache.ENV, str(tmp_path / "laws"))
    law_cache.save(KEY, *_bundled())
    assert law_cache.load(KEY) is not None
    (tmp_path / "laws").chmod(0o777)  # others may write there: a pickle could be anyone's code
    assert law_cache.load(KEY) is None


def test_only_the_cache_s_own_files_are_pruned_and_no_partial_file_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv(law_cache.ENV, str(tmp_path))
    theirs = [tmp_path / f"experiment-{i}.pickle" for i in range(20)]
    for path in theirs:
        path.write_bytes(b"someone's")
    book, compiled = _bundled()
    for i in range(law_cache.KEEP + 3):
        law_cache.save(f"{i:040x}", book, compiled)
    ours = [p for p in tmp_path.iterdir() if law_cache._OURS.fullmatch(p.name)]
    assert len(ours) == law_cache.KEEP and all(p.exists() for p in theirs)

    def full(src: Any, dst: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(law_cache.os, "replace", full)
    law_cache.save("f" * 40, book, compiled)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".partial")]


def test_no_home_means_no_cache_not_a_crash(monkeypatch: pytest.MonkeyPatch):
    def nowhere() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv(law_cache.ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(law_cache.Path, "home", nowhere)
    assert law_cache.folder() is None


def test_the_fingerprint_of_the_code_covers_its_data_files_too(tmp_path: Path):
    package = tmp_path / "package"
    shutil.copytree(ROOT / "constraint_engine", package, ignore=shutil.ignore_patterns("__pycache__"))
    before = law_cache.fingerprint(package, "v")
    names = package / "vocabulary" / "names.yaml"
    names.write_text(names.read_text(encoding="utf-8").replace("Secretary of Defense", "Secretary"), "utf-8")
    assert law_cache.fingerprint(package, "v") != before


def test_a_pack_changed_while_it_is_read_is_not_cached(tmp_path: Path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    pack = rules / "nato-support-act.yaml"
    script = (  # the pack is hashed, then changes before it is read (as an editor saving it would)
        "import pathlib, sys\n"
        "from constraint_engine import law, loading\n"
        "pack = pathlib.Path(sys.argv[1]) / 'nato-support-act.yaml'\n"
        "real = loading.load_rulebook\n"
        "def changed(dirs):\n"
        "    pack.write_text(pack.read_text().replace('value: 180,', 'value: 170,', 1))\n"
        "    return real(dirs)\n"
        "law.load_rulebook = changed\n"
        "law.Law.load(pathlib.Path(sys.argv[1]))\n"
    )
    _run(tmp_path / "cache", "-c", script, str(rules))
    assert "value: 170," in pack.read_text(encoding="utf-8")
    assert not list((tmp_path / "cache").glob("*.pickle"))
