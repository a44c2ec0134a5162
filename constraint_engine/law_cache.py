"""The loaded and compiled law, kept on disk between runs: reading, validating and compiling the packs is a
third of a command's start-up, and the same packs give the same law.

A cached law is found by the hash of what makes it (the packs' and bills' content, the engine's name) and of
the code that reads them (this package's files, Python's and pydantic's versions): a change to any of them is
a new key, never a stale law. The folder is `$XDG_CACHE_HOME/constraint-engine/laws` (`~/.cache/...`), safe
to delete; `CONSTRAINT_ENGINE_CACHE=off` turns the cache off, and a path puts it there. A file that cannot be
read back is ignored and the packs are read again: the cache can make a run faster, never change a verdict.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from pathlib import Path

import pydantic

from .compiling import CompiledRules
from .loading import RuleBook

ENV = "CONSTRAINT_ENGINE_CACHE"
KEEP = 16  # laws kept; the least recently written beyond these are deleted


def folder() -> Path | None:
    """Where laws are cached, or None when the cache is off."""
    where = os.environ.get(ENV, "")
    if where.lower() in ("off", "0", "no", "false"):
        return None
    if where:
        return Path(where)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "constraint-engine" / "laws"


@functools.cache
def _code() -> str:
    """What reads the packs: this package's files (name, size, time of change) and the versions of Python
    and pydantic (whose models are pickled)."""
    digest = hashlib.sha256(f"{sys.version}\0{pydantic.VERSION}\0".encode())
    root = Path(__file__).parent
    for path in sorted(root.rglob("*.py")):
        st = path.stat()
        digest.update(f"{path.relative_to(root)}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:24]


def _path(key: str) -> Path | None:
    where = folder()
    return None if where is None else where / f"{key[:40]}-{_code()}.pickle"


def load(key: str) -> tuple[RuleBook, CompiledRules] | None:
    """The law cached under this key, or None (none, off, or a file that does not read back as one)."""
    path = _path(key)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        book, compiled = pickle.loads(data)
    except Exception:  # damaged, or written by another version: the packs are read again
        return None
    if not isinstance(book, RuleBook) or not isinstance(compiled, CompiledRules) or compiled.book is not book:
        return None
    return book, compiled


def save(key: str, book: RuleBook, compiled: CompiledRules) -> None:
    """Keep the law for the next run; a law that cannot be pickled or a folder that cannot be written is
    simply not cached."""
    path = _path(key)
    if path is None:
        return
    try:
        data = pickle.dumps((book, compiled), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        partial.write_bytes(data)
        os.replace(partial, path)  # whole or not at all, whatever runs beside
        kept = sorted(path.parent.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        return
