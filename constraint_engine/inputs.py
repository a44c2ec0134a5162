"""Reading the user's files safely: regular files only, and never more than a documented size.

A symlink to /dev/zero, a FIFO named x.feature or a huge file must give one clear error, not a hang or an
exhausted machine. The size is checked before reading, and reading stops one byte past the limit in case the
file grows meanwhile.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

from .errors import InputError

# Bytes; the environment variable raises or lowers it for every command.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
ENV_MAX_BYTES = "CONSTRAINT_ENGINE_MAX_FILE_BYTES"


def max_bytes() -> int:
    raw = os.environ.get(ENV_MAX_BYTES, "")
    return int(raw) if raw.isascii() and raw.isdigit() and int(raw) > 0 else DEFAULT_MAX_BYTES


def read_bytes(path: Path, accepted: str) -> bytes:
    """The file's bytes, or an InputError naming it: missing, not a regular file, too large, unreadable."""
    file = str(path)
    try:
        info = os.stat(path)  # follows a symlink to what it names, without opening it
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}.", file=file, accepted=accepted) from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(
            "not a regular file (a device, FIFO, socket or folder is never read).",
            file=file,
            accepted=accepted,
        )
    limit = max_bytes()
    too_large = InputError(
        f"the file is larger than {limit:,} bytes, the most the engine reads.",
        file=file,
        accepted=f"a smaller file, or set {ENV_MAX_BYTES} to a larger number of bytes",
    )
    if info.st_size > limit:
        raise too_large
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}.", file=file, accepted=accepted) from None
    if len(data) > limit:
        raise too_large
    return data


def read_text(path: Path, accepted: str) -> str:
    """The file as UTF-8 text (a leading byte-order mark is dropped)."""
    data = read_bytes(path, accepted)
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise InputError("the file is not UTF-8 text.", file=str(path), line=1, accepted=accepted) from None


# C0 and C1 control characters but tab and newline: in a scenario name they could retitle a terminal (OSC),
# write the clipboard (OSC 52) or break XML. Bidirectional controls (U+202A-202E, U+2066-2069, the marks
# U+200E, U+200F, U+061C) could make "BLOCKED" read backwards (F12). All are shown as visible escapes.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible_controls(text: str) -> str:
    """The text with each control character (but tab, newline, CR before a newline) as \\xNN or \\uNNNN."""
    text = text.replace("\r\n", "\n")
    return _CONTROLS.sub(_escape, text)


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible_everywhere(node: Any) -> Any:
    """Every string in a loaded document (a rule pack) with its controls made visible (F08: a pack's title
    reached the terminal raw in `rules`, `evaluate` and DOT, where scenario text was already escaped)."""
    if isinstance(node, str):
        return visible_controls(node)
    if isinstance(node, dict):
        return {visible_everywhere(k): visible_everywhere(v) for k, v in node.items()}
    if isinstance(node, list):
        return [visible_everywhere(v) for v in node]
    return node


def assignments(values: list[str] | tuple[str, ...], option: str) -> dict[str, str]:
    """NAME=VALUE options (--set, --assume and the pytest plugin's --ce-set, --ce-assume) as a mapping."""
    out: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise InputError(
                f"{option} {item!r}: write NAME=VALUE, with NAME as `constraint-engine rules --params` lists "
                f"it, e.g. {option} some.period-days=90."
            )
        name, value = name.strip(), value.strip()
        if name in out and out[name] != value:
            # Two values for one name: neither silently wins.
            raise InputError(
                f"{option} {name} is given twice, as {out[name]!r} and as {value!r}.",
                accepted=f"one {option} for each name",
            )
        out[name] = value
    return out
