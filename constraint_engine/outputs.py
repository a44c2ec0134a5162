"""Writing files the user asked for: all or nothing, with one clear line when it cannot be done.

A file is written to a temporary file in the same folder and renamed into place only when complete, so a full
disk or an interrupted run never leaves a truncated file where the old one was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import InputError


def write_atomically(path: Path, data: str | bytes, *, what: str, overwrite: bool = True) -> None:
    """Write `data` to `path` whole, or raise an InputError saying why not (the old file is untouched)."""
    file = str(path)
    if path.is_dir():
        raise InputError(f"{what}: is a folder.", file=file, accepted="a file name")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(
            f"{what}: the folder {folder} does not exist.", file=file, accepted="a file in an existing folder"
        )
    if path.exists() and not overwrite:
        raise InputError(
            f"{what}: the file exists; it is not overwritten.", file=file, accepted="another name, or --force"
        )
    payload = data.encode("utf-8") if isinstance(data, str) else data
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise InputError(f"{what}: cannot write the file: {exc.strerror or exc}.", file=file) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
