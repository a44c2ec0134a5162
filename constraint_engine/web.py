"""The local web playground and its JSON API (`constraint-engine serve`, extra `[web]`).

One Runner, the same one the command line uses: no second copy of any logic. The engine is not thread-safe,
so evaluations take a lock; each runs under a time limit, after which the request gets an error (the
evaluation itself is bounded by the input limits). Bodies are capped; nothing a request names is read from or
written to disk; every text from a scenario or a pack reaches the page as text, never as markup.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
from pathlib import Path
from typing import Any

import anyio
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field

from .errors import InputError, InputErrors, StepErrors
from .features import collect, parse_feature_text
from .running import Runner

MAX_BODY = 256 * 1024  # bytes: far more than any scenario or feature file a person writes in a page
TIME_LIMIT = 10.0  # seconds an evaluation may take before the request gets an error
READ_TIMEOUT = 10.0  # seconds a client may leave a request body unfinished before it gets 408
MAX_SCENARIOS = 2_000  # scenarios in one /api/check (an Outline's rows count one each)
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")  # the names a loopback server answers to (DNS rebinding)


def _error_body(message: str) -> bytes:
    import json

    return json.dumps({"errors": [{"file": None, "line": None, "message": message}]}).encode()


class Gate:
    """What every request passes before the app sees it, whatever way its body is sent.

    - The Host header must name this server (W03): a page on another name that resolves to 127.0.0.1 (DNS
      rebinding) gets 421, never the API.
    - The body is read here, capped at MAX_BODY however it is sent (W01: a chunked body has no
      Content-Length), with READ_TIMEOUT for each part (W05: a client that stalls mid-body gets 408 and its
      connection is released), then replayed to the app.
    """

    def __init__(self, app: Any, hosts: tuple[str, ...], max_body: int, read_timeout: float):
        self.app, self.hosts = app, {h.strip("[]").lower() for h in hosts}
        self.max_body, self.read_timeout = max_body, read_timeout

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        host = headers.get(b"host", b"").decode("latin-1").lower()
        name = host[1:].partition("]")[0] if host.startswith("[") else host.rpartition(":")[0] or host
        if ":" in host and not host.startswith("[") and host.count(":") > 1:
            name = host  # a bare IPv6 address without a port
        if name not in self.hosts:
            await self._answer(send, 421, f"this server answers only to {', '.join(sorted(self.hosts))}.")
            return
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await self._answer(send, 413, f"the request is over {self.max_body:,} bytes.")
            return
        body = bytearray()
        more = scope.get("method") in ("POST", "PUT", "PATCH")
        while more:
            try:
                message = await anyio_wait(receive, self.read_timeout)
            except TimeoutError:
                await self._answer(
                    send, 408, f"the request body did not arrive within {self.read_timeout:g} s."
                )
                return
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.max_body:
                await self._answer(send, 413, f"the request is over {self.max_body:,} bytes.")
                return
        replayed = False

        async def replay() -> Any:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    @staticmethod
    async def _answer(send: Any, status: int, message: str) -> None:
        payload = _error_body(message)
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [*headers, (b"connection", b"close")],
            }
        )
        await send({"type": "http.response.body", "body": payload})


async def anyio_wait(receive: Any, seconds: float) -> Any:
    with anyio.fail_after(seconds):
        return await receive()


class Overtime(Exception):
    """The work of one request ran past its time limit: it stops between scenarios."""


class EvaluateRequest(BaseModel):
    scenario: str | None = Field(None, description="A scenario in Gherkin (a Feature, or just its steps).")
    action: str | None = Field(None, description="A When phrase, instead of a scenario.")
    givens: list[str] = Field(default_factory=list, description="Given phrases, with an action.")


class CheckRequest(BaseModel):
    feature: str = Field(
        description="A feature file's text: its scenarios are run and their Then steps checked."
    )


class AnswerRequest(BaseModel):
    outcome: str = Field(description="b, p or u (blocked, permitted, undetermined).")
    authority: str = ""


def _errors(exc: InputError | InputErrors, status: int = 400) -> JSONResponse:
    errors = exc.errors if isinstance(exc, InputErrors) else [exc]
    body = [{"file": e.file, "line": e.line, "message": e.message()} for e in errors]
    return JSONResponse({"errors": body}, status_code=status)


def _sent(exc: InputError, wrapped: int) -> InputError:
    """The error with its line counted in the text as it was sent (not in the feature it was wrapped in)."""
    if isinstance(exc, StepErrors):
        return StepErrors([_sent(e, wrapped) for e in exc.errors])
    line = exc.line - wrapped if exc.line and exc.line > wrapped else (None if wrapped else exc.line)
    return InputError(exc.problem, file=exc.file, line=line, accepted=exc.accepted)


def _as_feature(text: str) -> str:
    """A scenario typed as bare steps becomes a one-scenario feature; a whole feature is kept as it is.
    Lines are split where Gherkin splits them (at a line feed, not at a form feed or U+2028), so a line
    number means the same here as in `check`; a byte-order mark is the text's, not its first step's."""
    text = text.removeprefix("\ufeff")
    lines = text.split("\n")
    if any(line.strip().startswith(("Feature:", "# language:")) for line in lines[:5]):
        return text
    body = "\n".join(f"    {line.strip()}" for line in lines)
    return f"Feature: playground\n  Scenario: playground\n{body}\n"


def create_app(
    runner: Runner,
    exercises: list[Path] | None = None,
    *,
    hosts: tuple[str, ...] = LOCAL_HOSTS,
    time_limit: float | None = None,
    read_timeout: float | None = None,
) -> Any:
    """The app behind its Gate: `hosts` are the names it answers to (the loopback names and --host)."""
    app = _app(runner, exercises, time_limit)
    return Gate(app, hosts, MAX_BODY, READ_TIMEOUT if read_timeout is None else read_timeout)


def _app(runner: Runner, exercises: list[Path] | None, time_limit: float | None) -> FastAPI:
    app = FastAPI(
        title="constraint-engine",
        description="Which executive actions on NATO the law blocks, by what authority, what would lift it.",
        version="1",
        # Swagger UI and ReDoc load their files from a CDN: a classroom offline saw a blank page. /docs is
        # our own page of the same OpenAPI document.
        docs_url=None,
        redoc_url=None,
    )
    lock = threading.Lock()
    state: dict[str, Any] = {}

    def limit() -> float:
        return TIME_LIMIT if time_limit is None else time_limit

    async def guarded(fn: Any, *args: Any) -> Any:
        """Run `fn` in a worker thread, one at a time, under the time limit. The work itself stops at the
        limit (W02: an abandoned evaluation used to run on, holding the lock, long after its 503): a
        request that waits for the lock past the limit gets 503 too, and the work checks the clock between
        scenarios."""

        def locked() -> Any:
            if not lock.acquire(timeout=limit()):
                raise TimeoutError
            try:
                state["deadline"] = time.monotonic() + limit()
                return fn(*args)
            finally:
                lock.release()

        with anyio.fail_after(limit()):
            return await anyio.to_thread.run_sync(locked, abandon_on_cancel=True)

    def in_time() -> None:
        if time.monotonic() > state.get("deadline", float("inf")):
            raise Overtime

    async def answered(fn: Any, *args: Any) -> Any:
        """`fn`'s result, or bad input as JSON errors (HTTP 400) with the messages the CLI prints."""
        from .placeholders import StepError

        try:
            return await guarded(fn, *args)
        except (InputError, InputErrors) as exc:
            return _errors(exc)
        except StepError as exc:  # a scenario the builder refuses as a whole (no When step)
            return _errors(InputError(f"{str(exc).rstrip('.')}."))

    @app.exception_handler(RequestValidationError)
    async def invalid_body(request: Request, exc: RequestValidationError) -> JSONResponse:
        # FastAPI's own answer echoes the input, and a number such as 1e999 cannot be written back as JSON
        # (a 500 with a traceback in the log): say what is wrong without echoing it.
        problems = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ())[1:] if not isinstance(x, int)) or "the body"
            problems.append(f"{where}: {str(err.get('msg', 'invalid')).rstrip('.')}")
        message = "; ".join(problems) or "the body is not valid JSON"
        return _errors(InputError(f"{message}.", accepted="a JSON object as /docs describes"), 422)

    @app.middleware("http")
    async def timed(request: Request, call_next: Any) -> Any:
        # The body's size and arrival are the Gate's; the time the work takes is decided here.
        try:
            return await call_next(request)
        except (TimeoutError, Overtime):
            return JSONResponse(
                {
                    "errors": [
                        {"file": None, "line": None, "message": f"the evaluation ran past {limit():g} s."}
                    ]
                },
                status_code=503,
            )

    def evaluate(body: EvaluateRequest) -> dict[str, Any]:

        if body.scenario is not None:
            text = _as_feature(body.scenario)
            wrapped = 0 if text == body.scenario.removeprefix("\ufeff") else 2  # a bare scenario's header
            try:
                specs = parse_feature_text(text, "scenario", runner.registry)
                spec = specs[0]
                built = runner.build(spec)
                case = runner.case(built, spec)
            except InputError as exc:
                raise _sent(exc, wrapped) from None
            except InputErrors as exc:
                raise InputErrors([_sent(e, wrapped) for e in exc.errors]) from None
            verdict = runner.evaluate(case, with_cures=True, qualify=True)
            out = verdict.to_json_dict()
            # The scenario's own predictions (Then steps), each checked as `check` checks it.
            out["checks"] = [
                {**c, "line": c["line"] - wrapped if c["line"] else c["line"]}
                for c in (_checked(e, verdict) for e in built.expectations)
            ]
            out["scenario"] = {"name": spec.name, "number": 1, "of": len(specs)}
            return out
        elif body.action is not None:
            try:
                case, _ = runner.case_of(body.givens, body.action)
            except ValueError as exc:
                raise InputError(f"{exc}.") from None
        else:
            raise InputError(
                "give a scenario, or an action.", accepted='{"scenario": "..."} or {"action": "..."}'
            )
        return runner.evaluate(case, with_cures=True).to_json_dict()

    @app.post("/api/evaluate", summary="Evaluate one scenario (or an action and its givens): a verdict")
    async def api_evaluate(body: EvaluateRequest) -> Any:
        return await answered(evaluate, body)

    def check(body: CheckRequest) -> dict[str, Any]:
        from .render.run import RUN_SCHEMA, count_statuses, scenario_json

        specs = parse_feature_text(body.feature, "feature", runner.registry)
        if len(specs) > MAX_SCENARIOS:
            raise InputError(
                f"the feature has {len(specs):,} scenarios (an Outline's rows count one each).",
                accepted=f"at most {MAX_SCENARIOS:,} in one request; run more with constraint-engine check",
            )
        results = []
        for spec in specs:
            in_time()
            results.append(runner.run(spec, with_cures=True))
        return {
            "schema": RUN_SCHEMA,
            "scenarios": [scenario_json(r) for r in results],
            "input_errors": [],
            "summary": count_statuses([r.status for r in results], []),
        }

    @app.post("/api/check", summary="Run a feature file's scenarios and check their Then steps")
    async def api_check(body: CheckRequest) -> Any:
        return await answered(check, body)

    @app.get("/api/steps", summary="Every phrase of the law, with its placeholders and the pack declaring it")
    async def api_steps() -> Any:
        from .browsing import steps_listing

        return steps_listing(runner.registry, runner.book.phrasebook).data

    @app.get("/api/rules", summary="The provisions in force on a day (every one without as_of)")
    async def api_rules(as_of: str | None = None) -> Any:
        from .browsing import provisions_listing

        day = _day(as_of)
        if isinstance(day, JSONResponse):
            return day
        return provisions_listing(runner.book, day).data

    @app.get("/api/rules/{provision}", summary="One provision, by id, citation or alias")
    async def api_rule(provision: str) -> Any:
        from .browsing import provision_detail

        chosen = _provision(runner, provision)
        if isinstance(chosen, InputError):
            return _errors(chosen, 404)
        return provision_detail(runner.book, chosen).data

    def questions() -> list[Any]:
        if "questions" not in state:
            from .quizzing import questions as build

            specs, errors = collect(exercises or [], runner.registry)
            if errors:
                raise InputErrors(errors)
            state["questions"] = build(runner, specs)
        return list(state["questions"])

    @app.get("/api/exercises", summary="The exercise set: each scenario without its expectations")
    async def api_exercises() -> Any:
        items = await answered(questions)
        if isinstance(items, JSONResponse):
            return items
        return [
            {
                "question": n,
                "title": q.title(),
                "steps": [{"keyword": s.keyword_word, "text": s.text} for s in q.steps()],
            }
            for n, q in enumerate(items, start=1)
        ]

    @app.post("/api/exercises/{number}/answer", summary="Answer an exercise: points, feedback, the verdict")
    async def api_answer(number: int, body: AnswerRequest) -> Any:
        from .quizzing import outcome_of, pack_titles, score

        items = await answered(questions)
        if isinstance(items, JSONResponse):
            return items
        if not 1 <= number <= len(items):
            return _errors(InputError(f"there is no exercise {number}.", accepted=f"1 to {len(items)}"), 404)
        if outcome_of(body.outcome) is None:
            return _errors(InputError(f"{body.outcome!r} is not an answer.", accepted="b, p or u"), 422)
        q = items[number - 1]
        points, notes = score(q, body.outcome, body.authority, runner.citations, pack_titles(runner))
        return {
            "points": points,
            "out_of": 2,
            "feedback": notes,
            "authors_title": q.spec.name,
            "verdict": q.verdict.to_json_dict(),
        }

    @app.get("/docs", response_class=HTMLResponse, summary="This page: every endpoint of the API")
    async def docs() -> Any:
        example = next(iter(runner.book.provisions), "a-provision-id")  # a provision of the law served
        endpoints = api_endpoints(app.openapi(), example)
        return _page("api.html.j2", title="constraint-engine API", endpoints=endpoints)

    @app.get("/", response_class=HTMLResponse, summary="The playground")
    async def playground() -> Any:
        return _page("playground.html.j2", title="constraint-engine playground")

    @app.get("/exercise", response_class=HTMLResponse, summary="Exercise mode")
    async def exercise() -> Any:
        # Without --exercises there is nothing to answer: the page says how to start a class set, and shows
        # no answer buttons (they used to send requests that could only fail).
        return _page("exercise.html.j2", title="constraint-engine exercises", has_exercises=bool(exercises))

    @app.get("/law", response_class=HTMLResponse, summary="The law in force on a day")
    async def law(as_of: str | None = None, every: str | None = Query(None, alias="all")) -> Any:
        from .browsing import provisions_listing

        # Today's law unless a day is asked for; every provision, whatever its dates, only on request.
        day = None if every else _day(as_of) if as_of else dt.date.today()
        if isinstance(day, JSONResponse):
            return day
        rows = provisions_listing(runner.book, day).data
        title = f"The law in force on {day}" if day else "The law: every provision"
        return _page("law.html.j2", title=title, rows=rows, as_of=str(day) if day else "")

    @app.get("/law/{provision}", response_class=HTMLResponse, summary="One provision, whole")
    async def law_page(provision: str) -> Any:
        from .browsing import provision_detail

        chosen = _provision(runner, provision)
        if isinstance(chosen, InputError):  # a person's page: the message as a page, not as JSON
            page = _page("missing.html.j2", title="No such provision", message=chosen.message())
            page.status_code = 404
            return page
        doc = provision_detail(runner.book, chosen)
        prov = runner.book.provisions[chosen]
        head, sections = _sections(doc.text)
        head = [re.sub(r"; status \w+", "", h) for h in head]  # the badge says it
        return _page(
            "provision.html.j2",
            title=f"{prov.citation}: {prov.title}",
            p=prov,
            head=head,
            sections=sections,
            as_of=None,
        )

    return app


EXAMPLES = {  # a body for each POST, shown as a curl command on /docs
    "/api/evaluate": {
        "scenario": "Given the date is 2026-03-01\n"
        "When the President proposes to suspend the North Atlantic Treaty\n"
        "Then the action is blocked"
    },
    "/api/check": {
        "feature": "Feature: One\n  Scenario: Suspend\n    Given the date is 2026-03-01\n"
        "    When the President proposes to suspend the North Atlantic Treaty\n"
        "    Then the action is blocked\n"
    },
    "/api/exercises/{number}/answer": {"outcome": "b", "authority": "22 U.S.C. 1928f(a)"},
}


def _type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " or ".join(_type(s) for s in schema["anyOf"])
    if schema.get("type") == "array":
        return f"list of {_type(schema.get('items', {}))}"
    return str(schema.get("type", "any"))


def api_endpoints(doc: dict[str, Any], provision: str = "a-provision-id") -> list[dict[str, Any]]:
    """The OpenAPI document as rows for a page: each endpoint's parameters, body fields and an example."""
    import json
    import shlex

    schemas = doc.get("components", {}).get("schemas", {})
    out = []
    for path, methods in doc.get("paths", {}).items():
        for method, op in methods.items():
            params = [
                {
                    "name": p["name"],
                    "where": p["in"],
                    "type": _type(p.get("schema", {})),
                    "required": p.get("required", False),
                }
                for p in op.get("parameters", [])
            ]
            fields = []
            ref = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
            body = schemas.get(str(ref.get("$ref", "")).rpartition("/")[2], {})
            for name, prop in body.get("properties", {}).items():
                fields.append(
                    {
                        "name": name,
                        "type": _type(prop),
                        "required": name in body.get("required", []),
                        "description": prop.get("description", ""),
                    }
                )
            filled = path.replace("{number}", "1").replace("{provision}", provision)
            url = "http://127.0.0.1:8000" + filled
            example = f"curl {shlex.quote(url)}"
            if method == "post":
                data = json.dumps(EXAMPLES.get(path, {}))
                example = f"curl -X POST -H 'Content-Type: application/json' -d {shlex.quote(data)} {url}"
            anchor = (method + path).replace("/", "-").replace("{", "").replace("}", "")
            out.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "params": params,
                    "fields": fields,
                    "example": example,
                    "anchor": anchor,
                }
            )
    return out


def _checked(expectation: Any, verdict: Any) -> dict[str, Any]:
    from .steps import ExpectationFailed

    try:
        expectation.check(verdict)
    except ExpectationFailed as exc:
        return {"line": expectation.line, "text": expectation.text, "passed": False, "message": str(exc)}
    return {"line": expectation.line, "text": expectation.text, "passed": True, "message": ""}


_URL = re.compile(r"<(https?://[^>\s]+)>")


def _sections(text: str) -> tuple[list[str], list[dict[str, Any]]]:
    """The CLI's text of a provision as a page's parts: its head lines, then each "Heading:" with its
    items (one indent deeper: a sub-item), a <URL> a link. One text, two renderings: no second wording."""
    head: list[str] = []
    sections: list[dict[str, Any]] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if not line.startswith(" ") and line.endswith(":"):
            sections.append({"heading": line[:-1], "items": []})
        elif not sections:
            head.append(line)
        else:
            parts, at = [], 0
            body = line.strip()
            for m in _URL.finditer(body):
                parts.append({"text": body[at : m.start()], "url": None})
                parts.append({"text": m.group(1), "url": m.group(1)})
                at = m.end()
            parts.append({"text": body[at:], "url": None})
            sections[-1]["items"].append({"parts": parts, "sub": line.startswith(" " * 8)})
    return head, sections


def _day(text: str | None) -> dt.date | None | JSONResponse:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return _errors(InputError(f"as_of {text!r} is not a date.", accepted="YYYY-MM-DD"), 422)


def _provision(runner: Runner, query: str) -> str | InputError:
    """The provision an id, citation or alias names, or what is wrong (JSON for the API, HTML for people)."""
    if query in runner.book.provisions:
        return query
    found = runner.citations.provisions(query)
    if found:
        return found[0]
    near = "; ".join(runner.citations.nearest(query))
    return InputError(f"no provision {query!r}.", accepted=f"an id or a citation; nearest: {near}")


def _page(name: str, **context: Any) -> HTMLResponse:
    """A page from the package's templates, everything inline (no asset from the internet)."""
    from .render.html import render_template

    return HTMLResponse(render_template(name, **context))
