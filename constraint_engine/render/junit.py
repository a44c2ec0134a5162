"""A run as JUnit XML and as Cucumber's JSON, so CI report viewers can read it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import Any

from ..errors import InputError
from ..explaining import verdict_words
from ..features import FeatureInfo
from ..running import UNCHECKED, ScenarioResult

_UNREADABLE = "input error: the file could not be read as scenarios"


def _outcome(r: ScenarioResult) -> str:
    if r.verdict is None:
        return "error"
    return verdict_words(r.verdict)


def run_junit(results: list[ScenarioResult], input_errors: list[InputError] | None = None) -> str:
    """One suite per file (Jenkins' junit-10.xsd): an unchecked scenario is skipped, every input error is an
    error testcase; each testcase has a unique name and a time, and its line is a property of the suite."""
    by_file: dict[str, list[ScenarioResult]] = defaultdict(list)
    for r in results:
        by_file[r.spec.file].append(r)
    unreadable: dict[str, list[InputError]] = defaultdict(list)
    for err in input_errors or []:
        unreadable[err.file or "(input)"].append(err)
    total = sum(r.seconds for r in results)
    suites = ET.Element(
        "testsuites",
        name="constraint-engine",
        tests=str(len(results) + len(input_errors or [])),
        failures=str(sum(r.status == "failed" for r in results)),
        errors=str(sum(r.status == "error" for r in results) + len(input_errors or [])),
        time=_seconds(total),
    )
    for file, errs in unreadable.items():
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=file,
            tests=str(len(errs)),
            failures="0",
            errors=str(len(errs)),
            time="0",
            file=file,
        )
        for i, err in enumerate(errs, start=1):
            name = _UNREADABLE if len(errs) == 1 else f"{_UNREADABLE} ({i})"
            case = ET.SubElement(suite, "testcase", classname=file, name=name, time="0")
            ET.SubElement(case, "error", message=err.message(), type="input error").text = err.message()
    for file, rs in by_file.items():
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=file,
            tests=str(len(rs)),
            failures=str(sum(r.status == "failed" for r in rs)),
            errors=str(sum(r.status == "error" for r in rs)),
            skipped=str(sum(r.status == "unchecked" for r in rs)),
            time=_seconds(sum(r.seconds for r in rs)),
            file=file,
        )
        names = _unique_names(rs)
        properties = ET.SubElement(suite, "properties")
        for r, name in zip(rs, names, strict=True):
            ET.SubElement(
                properties, "property", name=f"line of {name}", value=str(r.spec.row_line or r.spec.line)
            )
        for r, name in zip(rs, names, strict=True):
            case = ET.SubElement(suite, "testcase", classname=file, name=name, time=_seconds(r.seconds))
            if r.status == "failed":
                ET.SubElement(case, "failure", message=r.messages[0] if r.messages else "").text = "\n".join(
                    r.messages
                )
            elif r.status == "error":
                ET.SubElement(case, "error", message=r.messages[0] if r.messages else "").text = "\n".join(
                    r.messages
                )
            elif r.status == "unchecked":
                ET.SubElement(case, "skipped", message=f"unchecked: {UNCHECKED}")
            ET.SubElement(case, "system-out").text = _outcome(r)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _seconds(value: float) -> str:
    return f"{value:.3f}"


def _unique_names(rs: list[ScenarioResult]) -> list[str]:
    """Scenario names, unique within their file: an outline's rows (any repeated name) say their line."""
    counts: dict[str, int] = defaultdict(int)
    for r in rs:
        counts[r.spec.name] += 1
    return [
        r.spec.name if counts[r.spec.name] == 1 else f"{r.spec.name} (line {r.spec.row_line or r.spec.line})"
        for r in rs
    ]


def run_cucumber(
    results: list[ScenarioResult], input_errors: list[InputError] | None = None
) -> list[dict[str, Any]]:
    """Cucumber's JSON report (the canonical schema of cucumber/cucumber-json-schema): features holding
    scenarios holding steps with their results.

    An input error is a failed element of its file; an unchecked scenario's last step is pending; a step
    whose phrase is unknown is undefined, one whose value is invalid failed; each failing Then step carries
    its own message.
    """
    features: dict[str, dict[str, Any]] = {}
    for err in input_errors or []:
        file = err.file or "(input)"
        feature = features.setdefault(file, _feature(file, None))
        feature["elements"].append(
            {
                "id": f"{file};input-error-{len(feature['elements']) + 1}",
                "keyword": "Scenario",
                "type": "scenario",
                "name": _UNREADABLE,
                "description": "",
                "line": err.line or 1,
                "tags": [],
                "steps": [
                    {
                        "keyword": "* ",
                        "name": "the file is read as Gherkin scenarios",
                        "line": err.line or 1,
                        "result": {"status": "failed", "duration": 0, "error_message": err.message()},
                    }
                ],
            }
        )
    for r in results:
        feature = features.setdefault(r.spec.file, _feature(r.spec.file, r.spec.feature))
        feature["elements"].append(
            {
                "id": f"{r.spec.file};{r.spec.row_line or r.spec.line}",
                "keyword": r.spec.keyword,
                "type": "scenario",
                "name": r.spec.name,
                "description": r.spec.description,
                "line": r.spec.row_line or r.spec.line,
                "tags": [{"name": t} for t in r.spec.tags],
                "steps": step_results(r),
            }
        )
    return list(features.values())


def step_results(r: ScenarioResult) -> list[dict[str, Any]]:
    by_line = _messages_by_line(r)
    steps = []
    broken = False  # a Given or When failed: what follows did not run
    for step in r.spec.steps:
        mine = by_line.get(step.line, [])
        if broken:
            result: dict[str, Any] = {"status": "skipped", "duration": 0}
        elif r.status in ("failed", "error") and mine:
            undefined = r.status == "error" and any("undefined step" in m for m in mine)
            result = {
                "status": "undefined" if undefined else "failed",
                "duration": 0,
                "error_message": "\n".join(mine),
            }
            broken = True  # Cucumber's rule: the steps after a failed one are skipped
        else:
            result = {"status": "passed", "duration": 0}
        out: dict[str, Any] = {
            "keyword": f"{step.keyword} ",
            "name": step.text,
            "line": step.line,
            "result": result,
        }
        if step.rows is not None:
            out["rows"] = [{"cells": list(row)} for row in step.rows]
        if step.doc_string is not None:
            value, line, media = step.doc_string
            out["doc_string"] = {"value": value, "line": line, **({"content_type": media} if media else {})}
        steps.append(out)
    if (
        r.status in ("failed", "error")
        and steps
        and not any(s["result"]["status"] != "passed" for s in steps)
    ):
        # a fault of the scenario as a whole (an evaluation error, a missing When): its last step says so
        steps[-1]["result"] = {"status": "failed", "duration": 0, "error_message": "\n".join(r.messages)}
    if r.status == "unchecked" and steps:  # it ran, but nothing was checked: not a pass
        steps[-1]["result"] = {"status": "pending", "duration": 0, "error_message": f"unchecked: {UNCHECKED}"}
    if steps:  # the measured time is the evaluation's: on the first Then (else the last step), in nanoseconds
        kinds = [s.kind for s in r.spec.steps]
        timed = kinds.index("then") if "then" in kinds else len(steps) - 1
        steps[timed]["result"]["duration"] = int(r.seconds * 1e9)
    return steps


def _messages_by_line(r: ScenarioResult) -> dict[int, list[str]]:
    """Each message under the step line it names ("file:LINE: ..."); a value from an Examples row is named by
    the row's line, so it goes to the template's step that the message names."""
    out: dict[int, list[str]] = defaultdict(list)
    step_lines = {s.line for s in r.spec.steps}
    for message in r.messages:
        line = _line_in(message)
        template = re.search(r"\(the step at line ([0-9]+)\)", message)
        if template:
            line = int(template.group(1))
        if line in step_lines:
            out[line].append(message)
    return out


def _line_in(message: str) -> int | None:
    head = message.split(": ", 1)[0]
    tail = head.rpartition(":")[2]
    return int(tail) if tail.isdigit() else None


def _feature(file: str, info: FeatureInfo | None) -> dict[str, Any]:
    if info is None:
        return {
            "uri": file,
            "id": file,
            "keyword": "Feature",
            "name": file,
            "description": "",
            "line": 1,
            "tags": [],
            "elements": [],
        }
    return {
        "uri": file,
        "id": file,
        "keyword": info.keyword,
        "name": info.name,
        "description": info.description,
        "line": info.line,
        "tags": [{"name": name, "line": line} for name, line in info.tags],
        "elements": [],
    }
