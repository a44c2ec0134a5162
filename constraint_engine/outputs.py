"""Writing files the user asked for: all or nothing, with one clear line when it cannot be done.

A file is written to a temporary file in the same folder and renamed into place only when complete, so a full
disk or an interrupted run never leaves a truncated file where the old one was.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import InputError


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _kind(path: Path) -> str:
    """What writing to `path` means: "file" (a regular file, or none yet: written whole, renamed into place),
    "stream" (a device or a named pipe: written through, never replaced), or this process's own "stdout" or
    "stderr" (written through them; "stdout-file" when stdout is redirected to that very file)."""
    try:
        st = os.stat(path)
    except OSError:
        return "file"
    for fd, name in ((1, "stdout"), (2, "stderr")):
        try:
            own = os.fstat(fd)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == (own.st_dev, own.st_ino):
            return "stdout-file" if name == "stdout" and stat.S_ISREG(st.st_mode) else name
    mode = st.st_mode
    streams = stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)
    return "stream" if streams else "file"  # a folder is a "file" here: check_target refuses it


def check_target(path: Path, what: str, overwrite: bool = True) -> None:
    """A file may be written here: not a folder, in a folder that exists and may be written, and new
    unless overwriting. Checked before a run as well as when writing, so a long run never ends in it."""
    file = str(path)
    kind = _kind(path)
    if kind == "stdout-file":
        raise InputError(
            f"{what}: {path} is the file this command's own output goes to; writing it there would replace "
            "that output.",
            file=file,
            accepted="a file of its own"
            + (
                ", or the format alone for standard output (--format junit)"
                if what.startswith("--format")
                else ""
            ),
        )
    if kind != "file":
        return  # a device, a named pipe, or this process's stdout or stderr: written through
    if path.is_dir():
        raise InputError(f"{what}: is a folder.", file=file, accepted="a file name")
    if _folder(path).exists() and not _folder(path).is_dir():
        raise InputError(
            f"{what}: {_folder(path)} is not a folder.", file=file, accepted="a file in an existing folder"
        )
    if not _folder(path).is_dir():
        raise InputError(
            f"{what}: the folder {_folder(path)} does not exist.",
            file=file,
            accepted="a file in an existing folder",
        )
    if not os.access(_folder(path), os.W_OK | os.X_OK):
        raise InputError(
            f"{what}: the folder {_folder(path)} cannot be written.",
            file=file,
            accepted="a file in a folder you may write",
        )
    if path.exists() and not overwrite:
        raise InputError(
            f"{what}: the file exists; it is not overwritten.", file=file, accepted="another name, or --force"
        )


def _cannot_write(path: Path, what: str, exc: OSError) -> InputError:
    return InputError(f"{what}: cannot write the file: {exc.strerror or exc}.", file=str(path))


def _mode_for(path: Path) -> int:
    """The mode the written file gets: the old file's, or what the umask gives a new file (F03: it was 0600
    whatever either said, so a teacher could not serve a report)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _put(path: Path, what: str, fill: Callable[[BinaryIO], None]) -> None:
    """Write through `fill`: a regular file whole (`_replace`); a device or a named pipe written through,
    never unlinked or replaced (/dev/null, a FIFO a reader waits on); this process's stdout or stderr
    through its own stream, after what it has written already."""
    kind = _kind(path)
    try:
        if kind in ("stdout", "stderr"):
            stream = sys.stdout if kind == "stdout" else sys.stderr
            stream.flush()
            fill(stream.buffer)
            stream.buffer.flush()
            return
        if kind == "stream":
            with open(path, "wb") as handle:
                fill(handle)
            return
    except OSError as exc:
        raise _cannot_write(path, what, exc) from None
    _replace(path, what, fill)


def _replace(path: Path, what: str, fill: Callable[[BinaryIO], None]) -> None:
    """Have `fill` write a temporary file beside `path`, then rename it into place; on failure the
    temporary file is removed and the old file is untouched. A symbolic link is written through: its target
    is replaced, the link kept (F03: the link itself used to become a regular file)."""
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    tmp = None
    try:
        mode = _mode_for(path)
        fd, tmp = tempfile.mkstemp(dir=_folder(path), prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            fill(handle)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise _cannot_write(path, what, exc) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def write_atomically(path: Path, data: str | bytes, *, what: str, overwrite: bool = True) -> None:
    """Write `data` to `path` whole, or raise an InputError saying why not (the old file is untouched)."""
    check_target(path, what, overwrite)
    payload = data.encode("utf-8") if isinstance(data, str) else data

    def fill(handle: BinaryIO) -> None:
        handle.write(payload)

    _put(path, what, fill)


class SpooledSections:
    """Sections of a file written to a temporary file beside it as they come (not held in memory), then
    copied between a head and a tail into the final file, renamed into place whole."""

    def __init__(self, path: Path, *, what: str) -> None:
        self.path, self.what = path, what
        check_target(path, what)
        try:
            # Beside a file (so it can be renamed there); a stream's own folder (/dev) is no place for it.
            beside = _folder(path) if _kind(path) == "file" else None
            self.handle = tempfile.TemporaryFile(dir=beside)  # noqa: SIM115 (open until finish)
        except OSError as exc:
            raise _cannot_write(path, what, exc) from None

    def add(self, text: str) -> None:
        try:
            self.handle.write(text.encode("utf-8"))
        except OSError as exc:
            self.handle.close()
            raise _cannot_write(self.path, self.what, exc) from None

    def finish(self, head: str, tail: str) -> None:
        def fill(out: BinaryIO) -> None:
            out.write(head.encode("utf-8"))
            self.handle.seek(0)
            while chunk := self.handle.read(1 << 20):
                out.write(chunk)
            out.write(tail.encode("utf-8"))

        try:
            _put(self.path, self.what, fill)
        finally:
            self.handle.close()
