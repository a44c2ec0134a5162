"""The local web playground and its JSON API (`constraint-engine serve`, extra `[web]`).

One Runner, the same one the command line uses: no second copy of any logic. The engine is not thread-safe,
so evaluations take a lock; each runs under a time limit, after which the request gets an error (the
evaluation itself is bounded by the input limits). Bodies are capped; nothing a request names is read from or
written to disk; every text from a scenario or a pack reaches the page as text, never as markup.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

import anyio
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field

from .errors import InputError, InputErrors
from .running import Runner, ScenarioSpec, collect, parse_feature_text

MAX_BODY = 256 * 1024  # bytes: far more than any scenario or feature file a person writes in a page
TIME_LIMIT = 10.0  # seconds an evaluation may take before the request gets an error


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


def _as_feature(text: str) -> str:
    """A scenario typed as bare steps becomes a one-scenario feature; a whole feature is kept as it is."""
    if any(line.strip().startswith(("Feature:", "# language:")) for line in text.splitlines()[:5]):
        return text
    body = "\n".join(f"    {line.strip()}" for line in text.splitlines())
    return f"Feature: playground\n  Scenario: playground\n{body}\n"


def create_app(runner: Runner, exercises: list[Path] | None = None) -> FastAPI:
    app = FastAPI(
        title="constraint-engine",
        description="Which executive actions on NATO the law blocks, by what authority, what would lift it.",
        version="1",
    )
    lock = threading.Lock()
    state: dict[str, Any] = {}

    async def guarded(fn: Any, *args: Any) -> Any:
        """Run `fn` in a worker thread, one at a time, under the time limit."""

        def locked() -> Any:
            with lock:
                return fn(*args)

        with anyio.fail_after(TIME_LIMIT):
            return await anyio.to_thread.run_sync(locked, abandon_on_cancel=True)

    async def answered(fn: Any, *args: Any) -> Any:
        """`fn`'s result, or bad input as JSON errors (HTTP 400) with the messages the CLI prints."""
        try:
            return await guarded(fn, *args)
        except (InputError, InputErrors) as exc:
            return _errors(exc)

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
    async def capped(request: Request, call_next: Any) -> Any:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            return JSONResponse(
                {
                    "errors": [
                        {"file": None, "line": None, "message": f"the request is over {MAX_BODY:,} bytes."}
                    ]
                },
                status_code=413,
            )
        try:
            return await call_next(request)
        except TimeoutError:
            return JSONResponse(
                {
                    "errors": [
                        {"file": None, "line": None, "message": f"the evaluation ran past {TIME_LIMIT:g} s."}
                    ]
                },
                status_code=503,
            )

    def spec_of(text: str) -> ScenarioSpec:
        specs = parse_feature_text(_as_feature(text), "scenario", runner.registry)
        return specs[0]

    def evaluate(body: EvaluateRequest) -> dict[str, Any]:
        from .steps import ScenarioBuilder

        if body.scenario is not None:
            spec = spec_of(body.scenario)
            proposal = runner.proposal(runner.build(spec), spec)
        elif body.action is not None:
            builder = ScenarioBuilder(citations=runner.citations, interpretations=runner.interpretations)
            try:
                for given in body.givens:
                    runner.registry.apply("given", given, builder)
                runner.registry.apply("when", body.action, builder)
            except ValueError as exc:
                raise InputError(f"{exc}.") from None
            proposal = runner.proposal(builder)
        else:
            raise InputError(
                "give a scenario, or an action.", accepted='{"scenario": "..."} or {"action": "..."}'
            )
        return runner.evaluate(proposal, with_cures=True).to_json_dict()

    @app.post("/api/evaluate", summary="Evaluate one scenario (or an action and its givens): a verdict")
    async def api_evaluate(body: EvaluateRequest) -> Any:
        return await answered(evaluate, body)

    def check(body: CheckRequest) -> dict[str, Any]:
        from .render.run import RUN_SCHEMA, count_statuses, scenario_json

        specs = parse_feature_text(body.feature, "feature", runner.registry)
        results = [runner.run(s, with_cures=True) for s in specs]
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

        return steps_listing(runner.registry).data

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
        if isinstance(chosen, JSONResponse):
            return chosen
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

    @app.get("/", response_class=HTMLResponse, summary="The playground")
    async def playground() -> Any:
        return _page("playground.html.j2", title="constraint-engine playground")

    @app.get("/exercise", response_class=HTMLResponse, summary="Exercise mode")
    async def exercise() -> Any:
        return _page("exercise.html.j2", title="constraint-engine exercises")

    @app.get("/law", response_class=HTMLResponse, summary="The law in force on a day")
    async def law(as_of: str | None = None) -> Any:
        from .browsing import provisions_listing

        day = _day(as_of)
        if isinstance(day, JSONResponse):
            return day
        rows = provisions_listing(runner.book, day).data
        return _page("law.html.j2", title="The law", rows=rows, as_of=as_of or "")

    @app.get("/law/{provision}", response_class=HTMLResponse, summary="One provision, whole")
    async def law_page(provision: str) -> Any:
        from .browsing import provision_detail

        chosen = _provision(runner, provision)
        if isinstance(chosen, JSONResponse):
            return chosen
        doc = provision_detail(runner.book, chosen)
        return _page("provision.html.j2", title=chosen, text=doc.text)

    return app


def _day(text: str | None) -> dt.date | None | JSONResponse:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return _errors(InputError(f"as_of {text!r} is not a date.", accepted="YYYY-MM-DD"), 422)


def _provision(runner: Runner, query: str) -> str | JSONResponse:
    if query in runner.book.provisions:
        return query
    found = runner.citations.provisions(query)
    if found:
        return found[0]
    near = "; ".join(runner.citations.nearest(query))
    return _errors(
        InputError(f"no provision {query!r}.", accepted=f"an id or a citation; nearest: {near}"), 404
    )


def _page(name: str, **context: Any) -> HTMLResponse:
    """A page from the package's templates, everything inline (no asset from the internet)."""
    from .render.html import render_template

    return HTMLResponse(render_template(name, **context))
