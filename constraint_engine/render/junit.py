"""A run as JUnit XML and as Cucumber's JSON, so CI report viewers can read it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import Any

from ..errors import InputError
from ..running import UNCHECKED, ScenarioResult

_UNREADABLE = "input error: the file could not be read as scenarios"


def _outcome(r: ScenarioResult) -> str:
    if r.verdict is None:
        return "error"
    cites = ", ".join(dict.fromkeys(b.citation for b in r.verdict.blocked_by))
    return f"blocked by {cites}" if r.verdict.outcome == "blocked" else r.verdict.outcome


def run_junit(results: list[ScenarioResult], input_errors: list[InputError] | None = None) -> str:
    """One suite per file; an unchecked scenario is skipped, and every input error is an error testcase."""
    by_file: dict[str, list[ScenarioResult]] = defaultdict(list)
    for r in results:
        by_file[r.spec.file].append(r)
    unreadable: dict[str, list[InputError]] = defaultdict(list)
    for err in input_errors or []:
        unreadable[err.file or "(input)"].append(err)
    suites = ET.Element("testsuites", name="constraint-engine")
    for file, errs in unreadable.items():
        suite = ET.SubElement(
            suites, "testsuite", name=file, tests=str(len(errs)), failures="0", errors=str(len(errs))
        )
        for err in errs:
            case = ET.SubElement(suite, "testcase", classname=file, name=_UNREADABLE)
            ET.SubElement(case, "error", message=err.message()).text = err.message()
    for file, rs in by_file.items():
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=file,
            tests=str(len(rs)),
            failures=str(sum(r.status == "failed" for r in rs)),
            errors=str(sum(r.status == "error" for r in rs)),
            skipped=str(sum(r.status == "unchecked" for r in rs)),
        )
        for r in rs:
            case = ET.SubElement(
                suite, "testcase", classname=file, name=r.spec.name, file=file, line=str(r.spec.line)
            )
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


def run_cucumber(
    results: list[ScenarioResult], input_errors: list[InputError] | None = None
) -> list[dict[str, Any]]:
    """Cucumber's JSON report format: features holding scenarios holding steps with their results.

    An input error is a failed element of its file; an unchecked scenario's last step is pending.
    """
    features: dict[str, dict[str, Any]] = {}
    for err in input_errors or []:
        file = err.file or "(input)"
        feature = features.setdefault(file, _feature(file))
        feature["elements"].append(
            {
                "id": f"{file};input-error-{len(feature['elements']) + 1}",
                "keyword": "Scenario",
                "type": "scenario",
                "name": _UNREADABLE,
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
        feature = features.setdefault(r.spec.file, _feature(r.spec.file))
        failed_line = _failed_line(r)
        steps = []
        broken = False
        for step in r.spec.steps:
            if broken:
                status = "skipped"
            elif r.status in ("failed", "error") and step.line == failed_line:
                status, broken = ("failed" if r.status == "failed" else "undefined"), True
            else:
                status = "passed"
            result: dict[str, Any] = {"status": status, "duration": 0}
            if status in ("failed", "undefined"):
                result["error_message"] = "\n".join(r.messages)
            steps.append(
                {"keyword": f"{step.keyword} ", "name": step.text, "line": step.line, "result": result}
            )
        if r.status == "error" and not broken and steps:
            steps[-1]["result"] = {"status": "failed", "duration": 0, "error_message": "\n".join(r.messages)}
        if r.status == "unchecked" and steps:  # it ran, but nothing was checked: not a pass
            steps[-1]["result"] = {
                "status": "pending",
                "duration": 0,
                "error_message": f"unchecked: {UNCHECKED}",
            }
        feature["elements"].append(
            {
                "id": f"{r.spec.file};{r.spec.line}",
                "keyword": "Scenario",
                "type": "scenario",
                "name": r.spec.name,
                "line": r.spec.line,
                "tags": [{"name": t} for t in r.spec.tags],
                "steps": steps,
            }
        )
    return list(features.values())


def _feature(file: str) -> dict[str, Any]:
    return {"uri": file, "id": file, "keyword": "Feature", "name": file, "line": 1, "elements": []}


def _failed_line(r: ScenarioResult) -> int | None:
    for message in r.messages:
        head = message.split(": ", 1)[0]
        if head.rpartition(":")[2].isdigit():
            return int(head.rpartition(":")[2])
    return None
