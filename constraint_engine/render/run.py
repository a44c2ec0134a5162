"""Render run results: a terminal listing (colour only on a terminal) and the run JSON document."""

from __future__ import annotations

import json
from typing import Any

from ..errors import InputError
from ..explaining import verdict_words
from ..running import ScenarioResult

# Version 2 adds the status "unchecked" and its count in the summary; version 1's fields keep their meaning.
RUN_SCHEMA = "constraint-engine/run/2"
_STYLE = {"passed": "green", "failed": "red", "unchecked": "yellow", "error": "bold red"}
_LABEL = {"passed": "PASS", "failed": "FAIL", "unchecked": "UNCHECKED", "error": "ERROR"}


def count_statuses(statuses: list[str], input_errors: list[InputError]) -> dict[str, int]:
    """Counts that add up: total = passed + failed + unchecked + errors, each input error counted once."""
    counts = {"passed": 0, "failed": 0, "unchecked": 0, "errors": 0}
    for status in statuses:
        counts["errors" if status == "error" else status] += 1
    counts["errors"] += len(input_errors)
    counts["total"] = len(statuses) + len(input_errors)
    return counts


def closing_line(counts: dict[str, int]) -> str:
    line = f"{counts['passed']} passed, {counts['failed']} failed"
    if counts["unchecked"]:
        line += f", {counts['unchecked']} unchecked"
    if counts["errors"]:
        line += f", {counts['errors']} error" + ("" if counts["errors"] == 1 else "s")
    return line


def scenario_plain(r: ScenarioResult) -> str:
    out = [f"{_LABEL[r.status]:<5} {r.spec.name}  {r.spec.location}"]
    if r.verdict is not None:
        out += _verdict_lines(r.verdict)
    out += [f"      {m}" for m in r.messages]
    return "\n".join(out)


def _verdict_words(v: Any) -> tuple[str, str, str]:
    """The action, its date (saying when it defaulted to today) and the outcome with its citations."""
    outcome = verdict_words(v)
    when = f"{v.date}{' (today: no date given)' if v.date_defaulted else ''}"
    return v.action, when, outcome


def _verdict_lines(v: Any) -> list[str]:
    action, when, outcome = _verdict_words(v)
    return [f"      {action} on {when}", f"      -> {outcome}"]


def print_scenario(console: Any, r: ScenarioResult) -> None:
    from rich.markup import escape

    label = f"[{_STYLE[r.status]}]{_LABEL[r.status]:<5}[/]"
    console.print(f"{label} {escape(r.spec.name)}  [dim]{escape(r.spec.location)}[/]")
    if r.verdict is not None:
        action, when, outcome = _verdict_words(r.verdict)
        console.print(f"      {escape(action)} [dim]on {when}[/]")
        console.print(f"      -> [bold]{escape(outcome)}[/]")
    for message in r.messages:
        console.print(f"      [red]{escape(message)}[/]")


def scenario_json(r: ScenarioResult) -> dict[str, Any]:
    return {
        "name": r.spec.name,
        "file": r.spec.file,
        "line": r.spec.line,
        "tags": list(r.spec.tags),
        "status": r.status,
        "messages": r.messages,
        "verdict": r.verdict.to_json_dict() if r.verdict else None,
    }


_STRING = json.encoder.encode_basestring  # the C encoder, for ensure_ascii=False


def indented_json(value: Any, newline: str = "\n") -> str:
    """Exactly json.dumps(value, indent=2, ensure_ascii=False), with each new line starting `newline`.

    The standard library encodes indented JSON in pure Python, a generator per level; this writes the same
    text from one list of parts, several times faster on a verdict. Anything but plain JSON data goes to
    json.dumps itself."""
    parts: list[str] = []
    try:
        _write(value, newline, parts)
    except _NotPlain:
        return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", newline)
    return "".join(parts)


class _NotPlain(Exception):
    pass


def _write(value: Any, newline: str, parts: list[str]) -> None:
    if isinstance(value, str):
        parts.append(_STRING(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif type(value) is int:
        parts.append(int.__repr__(value))
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = newline + "  "
        lead = "{" + inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise _NotPlain
            if type(item) is str:  # most values: written here, without a call
                parts.append(lead + _STRING(key) + ": " + _STRING(item))
            else:
                parts.append(lead + _STRING(key) + ": ")
                _write(item, inner, parts)
            lead = "," + inner
        parts.append(newline + "}")
    elif isinstance(value, list | tuple):
        if not value:
            parts.append("[]")
            return
        inner = newline + "  "
        lead = "[" + inner
        for item in value:
            if type(item) is str:
                parts.append(lead + _STRING(item))
            else:
                parts.append(lead)
                _write(item, inner, parts)
            lead = "," + inner
        parts.append(newline + "]")
    else:  # floats, and anything else: the standard library decides
        raise _NotPlain


class JsonRunWriter:
    """The run document written as scenarios finish, byte for byte what json.dumps(indent=2) would give the
    whole: memory holds one scenario at a time, not the run."""

    def __init__(self, write: Any) -> None:
        self.write = write
        self.count = 0
        self.write('{\n  "schema": ' + json.dumps(RUN_SCHEMA) + ',\n  "scenarios": [')

    def scenario(self, doc: dict[str, Any]) -> None:
        body = indented_json(doc, "\n    ")
        self.write(("," if self.count else "") + "\n    " + body)
        self.count += 1

    def close(self, statuses: list[str], input_errors: list[InputError]) -> None:
        errors = [{"file": e.file, "line": e.line, "message": e.message()} for e in input_errors]
        tail = "\n  ]" if self.count else "]"

        def field(value: Any) -> str:
            return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n  ")

        summary = field(count_statuses(statuses, input_errors))
        self.write(f'{tail},\n  "input_errors": {field(errors)},\n  "summary": {summary}\n}}\n')
