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


class SpooledSections:
    """Sections of a file written to a temporary file beside it as they come (not held in memory), then
    copied between a head and a tail into the final file, renamed into place whole."""

    def __init__(self, path: Path, *, what: str) -> None:
        self.path, self.what = path, what
        folder = path.parent if str(path.parent) else Path(".")
        if path.is_dir() or not folder.is_dir():
            write_atomically(path, b"", what=what)  # raises the same one-line error
        try:
            self.handle = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115 (open across add() calls; closed in finish)
        except OSError as exc:
            raise InputError(
                f"{what}: cannot write the file: {exc.strerror or exc}.", file=str(path)
            ) from None

    def add(self, text: str) -> None:
        try:
            self.handle.write(text.encode("utf-8"))
        except OSError as exc:
            self.handle.close()
            raise InputError(
                f"{self.what}: cannot write the file: {exc.strerror or exc}.", file=str(self.path)
            ) from None

    def finish(self, head: str, tail: str) -> None:
        folder = self.path.parent if str(self.path.parent) else Path(".")
        tmp = None
        try:
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{self.path.name}.", suffix=".tmp")
            with os.fdopen(fd, "wb") as out:
                out.write(head.encode("utf-8"))
                self.handle.seek(0)
                while chunk := self.handle.read(1 << 20):
                    out.write(chunk)
                out.write(tail.encode("utf-8"))
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
            tmp = None
        except OSError as exc:
            raise InputError(
                f"{self.what}: cannot write the file: {exc.strerror or exc}.", file=str(self.path)
            ) from None
        finally:
            self.handle.close()
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
