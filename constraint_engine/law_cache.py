"""The loaded and compiled law, kept on disk between runs: reading, validating and compiling the packs is a
third of a command's start-up, and the same packs give the same law.

A cached law is found by the hash of what makes it (the packs' and bills' content, the engine's name) and of
the code that reads them (every file of this package, by name, size and time of change, its version, and
Python's and pydantic's): a change to any of them is a new key, never a stale law. The folder is
`$XDG_CACHE_HOME/constraint-engine/laws` (`~/.cache/...`), safe to delete; `CONSTRAINT_ENGINE_CACHE=off`
turns the cache off, and a path puts it there. Only a folder and files of the user's own, which no one else
may write, are read (a cached law is a pickle). A file that cannot be read back is ignored and the packs are
read again: the cache can make a run faster, never change a verdict.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import re
import stat
import sys
import tempfile
from pathlib import Path

import pydantic

from . import __version__
from .compiling import CompiledRules
from .loading import RuleBook

ENV = "CONSTRAINT_ENGINE_CACHE"
KEEP = 16  # laws kept; the least recently written beyond these are deleted
_OURS = re.compile(r"[0-9a-f]{40}-[0-9a-f]{24}\.pickle")  # only these are ever read or deleted


def folder() -> Path | None:
    """Where laws are cached, or None when the cache is off (or there is no home to keep it in)."""
    where = os.environ.get(ENV, "")
    if where.lower() in ("off", "0", "no", "false"):
        return None
    if where:
        return Path(where)
    try:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    except (RuntimeError, OSError):  # no HOME and no entry in the password file
        return None
    return Path(base) / "constraint-engine" / "laws"


@functools.cache
def _code() -> str:
    """What reads the packs: this package (see `fingerprint`), and the versions of Python and pydantic (whose
    models are pickled)."""
    return fingerprint(Path(__file__).parent, f"{__version__}\0{sys.version}\0{pydantic.VERSION}")


def fingerprint(root: Path, versions: str) -> str:
    """Every file under `root` by name, size and time of change (the code, and the bundled names a pack's
    actors are checked against), with the versions."""
    digest = hashlib.sha256(versions.encode() + b"\0")
    for path in sorted(root.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        st = path.stat()
        digest.update(f"{path.relative_to(root)}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:24]


def _path(key: str) -> Path | None:
    where = folder()
    return None if where is None else where / f"{key[:40]}-{_code()}.pickle"


def _private(path: Path) -> bool:
    """The user's own, and no one else may write it (a pickle runs code when it is read)."""
    if not hasattr(os, "getuid"):
        return True
    st = path.stat()
    return st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def load(key: str) -> tuple[RuleBook, CompiledRules] | None:
    """The law cached under this key, or None (none, off, not private, or not readable back as one)."""
    path = _path(key)
    if path is None:
        return None
    try:
        if not (_private(path.parent) and _private(path)):
            return None
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
    partial = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, partial = tempfile.mkstemp(dir=path.parent, prefix=".partial-")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(partial, path)  # whole or not at all, whatever runs beside
        partial = None
        ours = [p for p in path.parent.iterdir() if _OURS.fullmatch(p.name)]
        ours.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in ours[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        return
    finally:
        if partial is not None:
            with contextlib.suppress(OSError):
                os.unlink(partial)
