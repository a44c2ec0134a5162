"""A run as JUnit XML and as Cucumber's JSON, so CI report viewers can read it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import Any

from ..running import ScenarioResult


def _outcome(r: ScenarioResult) -> str:
    if r.verdict is None:
        return "error"
    cites = ", ".join(dict.fromkeys(b.citation for b in r.verdict.blocked_by))
    return f"blocked by {cites}" if r.verdict.outcome == "blocked" else r.verdict.outcome


def run_junit(results: list[ScenarioResult]) -> str:
    by_file: dict[str, list[ScenarioResult]] = defaultdict(list)
    for r in results:
        by_file[r.spec.file].append(r)
    suites = ET.Element("testsuites", name="constraint-engine")
    for file, rs in by_file.items():
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=file,
            tests=str(len(rs)),
            failures=str(sum(r.status == "failed" for r in rs)),
            errors=str(sum(r.status == "error" for r in rs)),
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
            ET.SubElement(case, "system-out").text = _outcome(r)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def run_cucumber(results: list[ScenarioResult]) -> list[dict[str, Any]]:
    """Cucumber's JSON report format: features holding scenarios holding steps with their results."""
    features: dict[str, dict[str, Any]] = {}
    for r in results:
        feature = features.setdefault(
            r.spec.file,
            {
                "uri": r.spec.file,
                "id": r.spec.file,
                "keyword": "Feature",
                "name": r.spec.file,
                "line": 1,
                "elements": [],
            },
        )
        failed_line = _failed_line(r)
        steps = []
        broken = False
        for step in r.spec.steps:
            if broken:
                status = "skipped"
            elif r.status != "passed" and step.line == failed_line:
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


def _failed_line(r: ScenarioResult) -> int | None:
    for message in r.messages:
        head = message.split(": ", 1)[0]
        if head.rpartition(":")[2].isdigit():
            return int(head.rpartition(":")[2])
    return None
