"""A run as Cucumber Messages: the NDJSON stream cucumber-js writes with `--format message`, one envelope per
line, each valid against the published schema (cucumber/messages), so `@cucumber/html-formatter` and other
Cucumber tools can read our runs.

The Gherkin documents and pickles are gherkin-official's own, made again from each file's text with ids; each
pickle is matched to its result by file and line. A step's status comes from the same reading of the
scenario's messages as the Cucumber JSON report (one verdict in every format).
"""

from __future__ import annotations

import json
import platform
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..features import is_markdown, matcher_for
from ..inputs import read_text
from ..running import ScenarioResult
from ..steps import StepRegistry, js_regex
from .junit import step_results

PROTOCOL = "34.2.1"  # the schema version the stream is validated against (tests/data/cucumber-messages)
_STATUS = {
    "passed": "PASSED",
    "failed": "FAILED",
    "undefined": "UNDEFINED",
    "skipped": "SKIPPED",
    "pending": "PENDING",
}
_KIND = {"Context": "given", "Action": "when", "Outcome": "then"}


def _time(seconds: float) -> dict[str, int]:
    whole = int(seconds)
    return {"seconds": whole, "nanos": int(round((seconds - whole) * 1e9)) % 1_000_000_000}


def run_messages(
    results: list[ScenarioResult],
    input_errors: Iterable[InputError],
    registry: StepRegistry,
    started: float,
    success: bool,
) -> Iterable[str]:
    """Each envelope as a line of JSON. `started` is the run's start (time.time()); scenarios follow it in the
    order they ran, each taking the time it measured."""
    from gherkin.ast_builder import AstBuilder
    from gherkin.parser import Parser
    from gherkin.pickles.compiler import Compiler
    from gherkin.stream.id_generator import IdGenerator
    from gherkin.token_scanner import TokenScanner

    from .. import __version__

    def line(envelope: dict[str, Any]) -> str:
        return json.dumps(envelope, ensure_ascii=False, separators=(",", ":"))

    yield line(
        {
            "meta": {
                "protocolVersion": PROTOCOL,
                "implementation": {"name": "constraint-engine", "version": __version__},
                "runtime": {"name": platform.python_implementation(), "version": platform.python_version()},
                "os": {"name": sys.platform, "version": platform.release()},
                "cpu": {"name": platform.machine() or "unknown"},
            }
        }
    )
    ids = IdGenerator()
    pickles: dict[tuple[str, int], dict[str, Any]] = {}
    for file in dict.fromkeys(r.spec.file for r in results):
        text = read_text(Path(file), "a Gherkin .feature file")
        media = "text/x.cucumber.gherkin+" + ("markdown" if is_markdown(file) else "plain")
        yield line({"source": {"uri": file, "data": text, "mediaType": media}})
        document: Any = {**Parser(AstBuilder(ids)).parse(TokenScanner(text), matcher_for(file)), "uri": file}
        yield line({"gherkinDocument": document})
        for made in Compiler(ids).compile(document):
            pickle: dict[str, Any] = dict(made)
            yield line({"pickle": pickle})
            pickles[(file, pickle["location"]["line"])] = pickle
    for err in input_errors:
        source: dict[str, Any] = {"uri": err.file or "(input)"}
        if err.line:
            source["location"] = {"line": err.line}
        yield line({"parseError": {"source": source, "message": err.message()}})
    # The law's phrases the run used, each where its pack declares it.
    definitions: dict[str, str] = {}
    cases = []
    for r in results:
        found_pickle = pickles.get((r.spec.file, r.spec.row_line or r.spec.line))
        if found_pickle is None:
            continue
        pickle = found_pickle
        kind = "given"
        test_steps = []
        for step in pickle["steps"]:
            kind = _KIND.get(step.get("type", ""), kind)
            test_step: dict[str, Any] = {"id": ids.get_next_id(), "pickleStepId": step["id"]}
            try:
                found, _ = registry.find(kind, step["text"])  # type: ignore[arg-type]
            except ValueError:
                test_step.update(stepDefinitionIds=[], stepMatchArgumentsLists=[])
            else:
                if found.template not in definitions:
                    definitions[found.template] = ids.get_next_id()
                    where = found.phrase.where if found.phrase else ""
                    file, _, at = where.rpartition(":")
                    reference: dict[str, Any] = {"uri": file or "constraint_engine/steps.py"}
                    if at.isdigit():
                        reference["location"] = {"line": int(at)}
                    yield line(
                        {
                            "stepDefinition": {
                                "id": definitions[found.template],
                                "pattern": {
                                    "source": js_regex(found.regex.pattern),
                                    "type": "REGULAR_EXPRESSION",
                                },
                                "sourceReference": reference,
                            }
                        }
                    )
                match = found.regex.match(step["text"].strip())
                groups = [] if match is None else list(range(1, len(match.groups()) + 1))
                arguments: list[dict[str, Any]] = [
                    {"group": {"start": match.start(g), "value": match.group(g), "children": []}}
                    for g in groups
                    if match is not None and match.group(g) is not None
                ]
                test_step.update(
                    stepDefinitionIds=[definitions[found.template]],
                    stepMatchArgumentsLists=[{"stepMatchArguments": arguments}],
                )
            test_steps.append(test_step)
        case: dict[str, Any] = {"id": ids.get_next_id(), "pickleId": pickle["id"], "testSteps": test_steps}
        yield line({"testCase": case})
        cases.append((r, case))
    yield line({"testRunStarted": {"timestamp": _time(started)}})
    clock = started
    for r, case in cases:
        started_id = ids.get_next_id()
        yield line(
            {
                "testCaseStarted": {
                    "id": started_id,
                    "testCaseId": case["id"],
                    "attempt": 0,
                    "timestamp": _time(clock),
                }
            }
        )
        results_of = step_results(
            r
        )  # each step's status and duration (the evaluation's time is on the first Then)
        for test_step, result in zip(case["testSteps"], results_of, strict=False):
            yield line(
                {
                    "testStepStarted": {
                        "testCaseStartedId": started_id,
                        "testStepId": test_step["id"],
                        "timestamp": _time(clock),
                    }
                }
            )
            took = result["result"]["duration"] / 1e9
            clock += took
            outcome: dict[str, Any] = {
                "status": _STATUS.get(result["result"]["status"], "UNKNOWN"),
                "duration": _time(took),
            }
            if result["result"].get("error_message"):
                outcome["message"] = result["result"]["error_message"]
            yield line(
                {
                    "testStepFinished": {
                        "testCaseStartedId": started_id,
                        "testStepId": test_step["id"],
                        "testStepResult": outcome,
                        "timestamp": _time(clock),
                    }
                }
            )
        yield line(
            {
                "testCaseFinished": {
                    "testCaseStartedId": started_id,
                    "timestamp": _time(clock),
                    "willBeRetried": False,
                }
            }
        )
    yield line({"testRunFinished": {"success": success, "timestamp": _time(clock)}})
