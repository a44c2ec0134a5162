"""The playground and its JSON API: every endpoint's success and error, and the page in a real browser."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

fastapi = pytest.importorskip("fastapi", reason="the web extra is not installed")
from fastapi.testclient import TestClient  # noqa: E402

from constraint_engine import web  # noqa: E402
from constraint_engine.running import Runner  # noqa: E402

HOSTILE = "<img src=x onerror=document.title='owned'>"
SUSPEND = "Given the date is 2026-03-01\nWhen the President proposes to suspend the North Atlantic Treaty"
VOTE = """Given the date is 2026-03-01
And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-06-01
And the Senate gave its advice and consent with 60 of 100 Senators present concurring
When the President proposes to withdraw the United States from the North Atlantic Treaty"""


@pytest.fixture(scope="module")
def exercises(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("exercises") / "set.feature"
    path.write_text(
        f"Feature: Exercises\n  Scenario: {HOSTILE}\n    {SUSPEND.replace(chr(10), chr(10) + '    ')}\n"
        "    Then the action is blocked\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def client(exercises: Path) -> TestClient:
    return TestClient(web.create_app(Runner(), [exercises]), base_url="http://127.0.0.1")


def test_evaluate_a_scenario_and_an_action(client: TestClient):
    r = client.post("/api/evaluate", json={"scenario": SUSPEND})
    assert r.status_code == 200 and r.json()["outcome"] == "blocked"
    assert "22 U.S.C. 1928f(a)" in [b["citation"] for b in r.json()["blocked_by"]]
    r = client.post(
        "/api/evaluate",
        json={
            "action": "the President proposes to suspend the North Atlantic Treaty",
            "givens": ["the date is 1960-01-01"],
        },
    )
    assert r.status_code == 200 and r.json()["schema"].startswith("constraint-engine/verdict/")


def test_evaluate_counts_lines_as_gherkin_does_and_ignores_a_byte_order_mark(client: TestClient):
    bad = "Given the date is 2026-02-30\nWhen the President proposes to suspend the North Atlantic Treaty"
    for text, line in (("# a\fnote\n" + bad, 2), ("# a\u2028note\r\n" + bad, 2), ("\ufeff" + bad, 1)):
        (error,) = client.post("/api/evaluate", json={"scenario": text}).json()["errors"]
        assert error["line"] == line, text
    ok = client.post("/api/evaluate", json={"scenario": "\ufeff" + SUSPEND})
    assert ok.status_code == 200 and ok.json()["outcome"] == "blocked"


def test_evaluate_errors_are_json_with_the_clis_messages(client: TestClient):
    r = client.post("/api/evaluate", json={"scenario": SUSPEND.replace("2026-03-01", "2026-02-30")})
    assert r.status_code == 400
    (error,) = r.json()["errors"]
    # Line 1 of the text as sent (the two lines a bare scenario is wrapped in are not counted).
    assert error["line"] == 1 and "is not a calendar date; accepted: a real day" in error["message"]
    assert error["message"].startswith("scenario:1: ")
    whole = client.post(
        "/api/evaluate",
        json={"scenario": f"Feature: F\n  Scenario: S\n{SUSPEND}".replace("2026-03-01", "2026-02-30")},
    )
    assert whole.json()["errors"][0]["line"] == 3  # a whole feature is not wrapped: its own lines
    checked = client.post("/api/evaluate", json={"scenario": f"{SUSPEND}\nThen the action is blocked"}).json()
    assert [c["line"] for c in checked["checks"]] == [3]
    assert client.post("/api/evaluate", json={}).status_code == 400
    assert client.post("/api/evaluate", json={"scenario": 5}).status_code == 422
    r = client.post("/api/evaluate", json={"action": "the President proposes to leave", "givens": []})
    assert r.status_code == 400 and "undefined step" in r.json()["errors"][0]["message"]


@pytest.mark.parametrize("body", ["1e999999", '{"scenario": 1e999}', '{"feature": 1e999}', "not json"])
@pytest.mark.parametrize("path", ["/api/evaluate", "/api/check"])
def test_a_body_json_cannot_carry_is_a_4xx_error_never_a_500(client: TestClient, path: str, body: str):
    # W04: FastAPI's own 422 echoed the input, and 1e999 (infinity) cannot be written as JSON: a 500.
    r = client.post(path, content=body, headers={"content-type": "application/json"})
    assert 400 <= r.status_code < 500, r.text
    (error,) = r.json()["errors"]
    assert error["message"] and "inf" not in error["message"].lower()


def test_a_scenario_without_a_when_is_a_400_with_the_reason_never_a_500(client: TestClient):
    for scenario in ("Given the date is 2026-03-01", ""):
        r = client.post("/api/evaluate", json={"scenario": scenario})
        assert r.status_code == 400, r.text
        assert "no When step" in r.json()["errors"][0]["message"]


def test_an_unknown_provision_is_a_page_for_a_person(client: TestClient):
    r = client.get("/law/nope")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "No such provision" in r.text and "no provision &#39;nope&#39;" in r.text


def test_a_body_over_the_cap_is_refused(client: TestClient):
    r = client.post("/api/evaluate", json={"scenario": "x" * (web.MAX_BODY + 1)})
    assert r.status_code == 413 and "over 262,144 bytes" in r.json()["errors"][0]["message"]


def test_an_evaluation_past_the_time_limit_is_an_error_not_a_hung_request(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(web, "TIME_LIMIT", 1e-9)
    r = client.post("/api/evaluate", json={"scenario": SUSPEND})
    assert r.status_code == 503 and "ran past" in r.json()["errors"][0]["message"]


def test_check_runs_a_feature_and_reports_its_schema(client: TestClient):
    feature = f"Feature: f\n  Scenario: s\n    {SUSPEND.replace(chr(10), chr(10) + '    ')}\n    Then the action is permitted\n"
    r = client.post("/api/check", json={"feature": feature})
    doc = r.json()
    assert r.status_code == 200 and doc["schema"].startswith("constraint-engine/run/")
    assert doc["summary"]["failed"] == 1 and doc["scenarios"][0]["status"] == "failed"
    r = client.post(
        "/api/check", json={"feature": "Feature: f\n  Scenaro: s\n    Given the date is 2026-03-01\n"}
    )
    assert r.status_code == 400 and "did you mean 'Scenario:'?" in r.json()["errors"][0]["message"]


def test_steps_and_rules(client: TestClient):
    steps = client.get("/api/steps").json()
    assert any(s["phrase"] == "the date is {date}" for s in steps["given"])
    rules = client.get("/api/rules", params={"as_of": "2026-03-01"}).json()
    assert any(p["id"] == "nsa.1928f.a" for p in rules["provisions"])
    assert client.get("/api/rules", params={"as_of": "someday"}).status_code == 422
    one = client.get("/api/rules/22 USC 1928f(a)")
    assert one.status_code == 200 and "nsa.1928f.a" in str(one.json())
    missing = client.get("/api/rules/22 USC 9999")
    assert missing.status_code == 404 and "nearest" in missing.json()["errors"][0]["message"]


def test_exercises_and_answers(client: TestClient):
    items = client.get("/api/exercises").json()
    assert len(items) == 1 and "Then" not in str(items[0]["steps"])
    r = client.post("/api/exercises/1/answer", json={"outcome": "b", "authority": "22 USC 1928f(a)"})
    assert r.status_code == 200 and r.json()["points"] == 2 and r.json()["authors_title"] == HOSTILE
    assert client.post("/api/exercises/2/answer", json={"outcome": "b"}).status_code == 404
    assert client.post("/api/exercises/1/answer", json={"outcome": "x"}).status_code == 422


def test_pages_are_served_with_everything_inline(client: TestClient):
    for path in ("/", "/exercise", "/law", "/law/nsa.1928f.a", "/docs"):
        r = client.get(path)
        assert r.status_code == 200, path
    page = client.get("/").text
    assert "<script src" not in page and "<link" not in page  # nothing fetched from the internet
    assert client.get("/law/nothing-of-the-sort").status_code == 404


# -- in a real browser ----------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium")


@contextlib.contextmanager
def _serving(app: object) -> Iterator[str]:
    uvicorn = pytest.importorskip("uvicorn")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def runner() -> Runner:
    return Runner()


@pytest.fixture(scope="module")
def server(exercises: Path, runner: Runner) -> Iterator[str]:
    with _serving(web.create_app(runner, [exercises])) as url:
        yield url


@pytest.fixture(scope="module")
def bare_server(runner: Runner) -> Iterator[str]:
    """`constraint-engine serve` without --exercises."""
    with _serving(web.create_app(runner)) as url:
        yield url


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[object]:
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh page at 1280 pixels, failing the test on any script error it shows."""
    opened: object = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    script_errors: list[str] = []
    opened.on("pageerror", lambda exc: script_errors.append(str(exc)))  # type: ignore[attr-defined]
    yield opened
    opened.close()  # type: ignore[attr-defined]
    assert not script_errors, script_errors


def test_in_the_browser_a_typed_scenario_shows_its_verdict(server: str, page: object):
    p: object = page
    p.goto(server + "/")  # type: ignore[attr-defined]
    p.fill("#editor", SUSPEND)  # type: ignore[attr-defined]
    p.click("#run")  # type: ignore[attr-defined]
    p.wait_for_function(
        "document.querySelector('#verdict h2') && document.querySelector('#verdict').textContent.includes('suspend')"
    )  # type: ignore[attr-defined]
    text = p.text_content("#verdict")  # type: ignore[attr-defined]
    assert "BLOCKED" in text and "22 U.S.C. 1928f(a)" in text


def test_in_the_browser_a_slider_across_67_of_100_flips_the_verdict(server: str, page: object):
    p: object = page
    p.goto(server + "/")  # type: ignore[attr-defined]
    p.fill("#editor", VOTE)  # type: ignore[attr-defined]
    p.click("#run")  # type: ignore[attr-defined]
    slider = "input[aria-label='Senators voting yes, line 4']"
    p.wait_for_selector(slider)  # type: ignore[attr-defined]
    for value, outcome in (("66", "BLOCKED"), ("67", "PERMITTED")):
        p.eval_on_selector(slider, f"(e) => {{ e.value = {value}; e.dispatchEvent(new Event('input')); }}")  # type: ignore[attr-defined]
        p.wait_for_function(f"document.querySelector('#verdict h2').textContent.startsWith('{outcome}')")  # type: ignore[attr-defined]
        assert f"with {value} of 100 Senators" in p.input_value("#editor")  # type: ignore[attr-defined]


def test_in_the_browser_an_exercise_is_answered_and_a_hostile_title_stays_text(server: str, page: object):
    p: object = page
    p.goto(server + "/exercise")  # type: ignore[attr-defined]
    p.wait_for_selector("#question h2")  # type: ignore[attr-defined]
    p.fill("#authority", "Art 13")  # type: ignore[attr-defined]
    p.click("button[data-answer='b']")  # type: ignore[attr-defined]
    p.wait_for_selector("#feedback p")  # type: ignore[attr-defined]
    feedback = p.text_content("#feedback")  # type: ignore[attr-defined]
    assert "Right: the action is blocked." in feedback and HOSTILE in feedback  # shown as text
    assert p.evaluate("document.querySelectorAll('#feedback img').length") == 0  # type: ignore[attr-defined]
    assert p.evaluate("document.title") != "owned"  # type: ignore[attr-defined]


def test_in_the_browser_a_law_page_loads(server: str, page: object):
    p: object = page
    p.goto(server + "/law?as_of=2026-03-01")  # type: ignore[attr-defined]
    p.click("a[href='/law/nsa.1928f.a']")  # type: ignore[attr-defined]
    assert "22 U.S.C. 1928f(a)" in p.text_content("h1")  # type: ignore[attr-defined]


def test_in_the_browser_the_editor_completes_a_phrase_of_the_law(server: str, page: object):
    p: object = page
    p.goto(server + "/")  # type: ignore[attr-defined]
    p.fill("#editor", "")  # type: ignore[attr-defined]
    p.type("#editor", "Given senate consent")  # type: ignore[attr-defined]
    p.wait_for_selector("#suggestions li")  # type: ignore[attr-defined]
    first = p.text_content("#suggestions li")  # type: ignore[attr-defined]
    assert first.startswith("Given the Senate gave its advice and consent")
    p.click("#suggestions li", force=True)  # type: ignore[attr-defined]
    assert p.input_value("#editor").startswith("Given the Senate gave its advice and consent with 6")  # type: ignore[attr-defined]


# -- issue 29: a playground a teacher can put in front of a class ----------------------------------------


def _verdict_for(p: object, text: str) -> str:
    p.fill("#editor", text)  # type: ignore[attr-defined]
    p.click("#run")  # type: ignore[attr-defined]
    p.wait_for_function(  # type: ignore[attr-defined]
        "(t) => document.querySelector('#verdict h2') && !document.querySelector('#verdict').classList.contains('stale')"
        " && document.querySelector('#editor').value === t",
        arg=text,
    )
    return str(p.text_content("#verdict"))  # type: ignore[attr-defined]


def test_in_the_browser_no_verdict_stays_on_screen_under_an_error(server: str, page: object):
    p: object = page
    p.goto(server + "/")  # type: ignore[attr-defined]
    assert "BLOCKED" in _verdict_for(p, SUSPEND)
    p.uncheck("#live")  # type: ignore[attr-defined]
    p.type("#editor", " ")  # type: ignore[attr-defined]
    # A change marks the old verdict stale at once, before any run.
    assert "this verdict is for the earlier text" in p.text_content("#verdict")  # type: ignore[attr-defined]
    p.fill("#editor", SUSPEND.replace("2026-03-01", "2026-02-30"))  # type: ignore[attr-defined]
    p.click("#run")  # type: ignore[attr-defined]
    p.wait_for_selector("#errors li")  # type: ignore[attr-defined]
    # The error names the line of the text in the editor (the date is on its first line).
    assert p.text_content("#errors li").startswith("line 1: ")  # type: ignore[attr-defined]
    shown = p.text_content("#verdict")  # type: ignore[attr-defined]
    assert "BLOCKED" not in shown and "2026-03-01" not in shown and "No verdict" in shown
    assert p.evaluate("document.querySelectorAll('#sliders input').length") == 0  # type: ignore[attr-defined]


def test_in_the_browser_then_steps_are_checked_as_predictions(server: str, page: object):
    p: object = page
    p.goto(server + "/")  # type: ignore[attr-defined]
    shown = _verdict_for(p, SUSPEND + "\nThen the action is permitted")
    assert "PREDICTION FAILED" in shown
    assert "✗ line 3: Then the action is permitted: expected the action to be permitted" in shown
    shown = _verdict_for(p, SUSPEND + '\nThen the action is blocked by "22 U.S.C. 1928f(a)"')
    assert (
        "PREDICTION PASSED" in shown
        and '✓ line 3: Then the action is blocked by "22 U.S.C. 1928f(a)"' in shown
    )


def test_in_the_browser_sliders_say_what_they_vary_once_each_within_the_scenarios_limits(
    server: str, page: object
):
    p: object = page
    p.goto(server + "/")  # type: ignore[attr-defined]
    _verdict_for(p, VOTE.replace("60 of 100", "60 of 95"))
    labels = p.eval_on_selector_all("#sliders label", "(ls) => ls.map((l) => l.textContent)")  # type: ignore[attr-defined]
    assert "Senators voting yes (line 4)" in labels and "Senators present (line 4)" in labels
    assert len(labels) == len(set(labels))  # one slider per placeholder
    assert not any("{" in label for label in labels)
    assert p.get_attribute("input[aria-label='Senators voting yes, line 4']", "max") == "95"  # type: ignore[attr-defined]
    _verdict_for(
        p,
        "Given the date is 2026-03-01\n"
        "And United States forces in the European Command area of responsibility number 80,000\n"
        "When the Secretary of Defense proposes to withdraw 5,000 United States troops from Germany for 60 days",
    )
    labels = p.eval_on_selector_all("#sliders label", "(ls) => ls.map((l) => l.textContent)")  # type: ignore[attr-defined]
    assert (
        labels.count("The number of U.S. forces (line 2)") + labels.count("Number of U.S. forces (line 2)")
        == 1
    )
    assert "Number of troops (line 3)" in labels and "Number of days (line 3)" in labels
    assert len(labels) == len(set(labels))


def test_in_the_browser_completion_finds_phrases_written_with_an_actor_and_closes(server: str, page: object):
    p: object = page
    p.goto(server + "/")  # type: ignore[attr-defined]
    p.fill("#editor", "Given the date is 2026-03-01\n")  # type: ignore[attr-defined]
    p.focus("#editor")  # type: ignore[attr-defined]
    p.keyboard.press("End")  # type: ignore[attr-defined]
    p.evaluate(
        "() => { const e = document.querySelector('#editor'); e.selectionStart = e.selectionEnd = e.value.length; }"
    )  # type: ignore[attr-defined]
    p.keyboard.type("When the President proposes to wit")  # type: ignore[attr-defined]
    p.wait_for_selector("#suggestions li")  # type: ignore[attr-defined]
    offered = p.eval_on_selector_all("#suggestions li", "(ls) => ls.map((l) => l.textContent)")  # type: ignore[attr-defined]
    assert "When the {actor} proposes to withdraw the United States from the North Atlantic Treaty" in offered
    p.click("#run")  # type: ignore[attr-defined]
    assert p.is_hidden("#suggestions")  # type: ignore[attr-defined]


def test_in_the_browser_the_api_docs_show_offline(server: str, page: object):
    p: object = page
    outside: list[str] = []

    def only_here(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith(server):
            route.continue_()  # type: ignore[attr-defined]
        else:
            outside.append(url)
            route.abort()  # type: ignore[attr-defined]

    p.route("**/*", only_here)  # type: ignore[attr-defined]
    p.goto(server + "/docs")  # type: ignore[attr-defined]
    assert p.text_content("h1") == "The API"  # type: ignore[attr-defined]
    body = p.text_content("body")  # type: ignore[attr-defined]
    assert "/api/evaluate" in body and "A scenario in Gherkin" in body and "curl -X POST" in body
    assert outside == []


def test_in_the_browser_exercises_without_a_set_say_how_to_start_one(bare_server: str, page: object):
    p: object = page
    p.goto(bare_server + "/exercise")  # type: ignore[attr-defined]
    assert "serve --exercises" in p.text_content("#question")  # type: ignore[attr-defined]
    assert p.evaluate("document.querySelectorAll('button[data-answer]').length") == 0  # type: ignore[attr-defined]


def test_in_the_browser_a_provision_page_is_a_page_with_links_and_the_law_starts_today(
    server: str, page: object
):
    p: object = page
    p.goto(server + "/law")  # type: ignore[attr-defined]
    assert p.input_value("input[name=as_of]") == str(dt.date.today())  # type: ignore[attr-defined]
    p.goto(server + "/law/nsa.1928f.a")  # type: ignore[attr-defined]
    assert p.title().startswith("22 U.S.C. 1928f(a): No suspension")  # type: ignore[attr-defined]
    assert p.text_content("h1").startswith("22 U.S.C. 1928f(a): ")  # type: ignore[attr-defined]
    headings = p.eval_on_selector_all("h2", "(hs) => hs.map((h) => h.textContent)")  # type: ignore[attr-defined]
    assert "It is lifted by any of" in headings and "Sources" in headings
    assert p.evaluate("document.querySelectorAll('a[href^=\"https://www.govinfo.gov\"]').length") >= 1  # type: ignore[attr-defined]
    assert p.evaluate("document.querySelectorAll('pre').length") == 0  # type: ignore[attr-defined]


def test_in_the_browser_a_shared_link_opens_the_scenario_and_runs_it(server: str, page: object):
    import urllib.parse

    p: object = page
    p.goto(server + "/#" + urllib.parse.urlencode({"scenario": SUSPEND}))  # type: ignore[attr-defined]
    p.wait_for_function("document.querySelector('#verdict h2')")  # type: ignore[attr-defined]
    assert p.input_value("#editor") == SUSPEND  # type: ignore[attr-defined]
    assert "suspend" in p.text_content("#verdict h2")  # type: ignore[attr-defined]
    p.click("#verdict a[href='/law/nsa.1928f.a']")  # type: ignore[attr-defined]
    assert p.text_content("h1").startswith("22 U.S.C. 1928f(a)")  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", ["/", "/law", "/law/nsa.1928f.a", "/docs", "/exercise", "bare:/exercise"])
def test_in_the_browser_at_420_pixels_no_page_scrolls_sideways(
    server: str, bare_server: str, browser: object, path: str
):
    p: object = browser.new_page(viewport={"width": 420, "height": 900})  # type: ignore[attr-defined]
    try:
        base, path = (bare_server, path.removeprefix("bare:")) if path.startswith("bare:") else (server, path)
        p.goto(base + path)  # type: ignore[attr-defined]
        if path == "/":
            _verdict_for(p, VOTE)
        wide = p.evaluate("document.documentElement.scrollWidth")  # type: ignore[attr-defined]
        assert wide <= 420, f"{path} is {wide} pixels wide at 420"
    finally:
        p.close()  # type: ignore[attr-defined]


def test_in_the_browser_a_class_set_keeps_progress_and_downloads_the_csv_quiz_grades(
    server: str, page: object, exercises: Path, tmp_path: Path
):
    from click.testing import CliRunner

    from constraint_engine.cli import main

    p: object = page
    p.goto(server + "/exercise")  # type: ignore[attr-defined]
    p.wait_for_selector("#question h2")  # type: ignore[attr-defined]
    assert "not answered" in p.text_content("#list")  # type: ignore[attr-defined]
    p.fill("#authority", "22 USC 1928f(a)")  # type: ignore[attr-defined]
    p.click("button[data-answer='b']")  # type: ignore[attr-defined]
    p.wait_for_selector("#feedback p")  # type: ignore[attr-defined]
    p.reload()  # type: ignore[attr-defined]
    p.wait_for_selector("#feedback p")  # the answer and its feedback survive a reload
    assert "answered Blocked, 2 of 2" in p.text_content("#list")  # type: ignore[attr-defined]
    assert p.is_disabled("button[data-answer='p']")  # type: ignore[attr-defined]  # one answer per question
    csv = p.evaluate("csv()")  # type: ignore[attr-defined]
    assert csv == "question,outcome,authority\n1,b,22 USC 1928f(a)\n"
    answers = tmp_path / "answers.csv"
    answers.write_text(csv, encoding="utf-8")
    result = CliRunner().invoke(main, ["quiz", str(exercises), "--grade", str(answers), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"score": 2' in result.output


def test_in_the_browser_a_slider_can_be_dragged_with_the_mouse_across_the_line(server: str, page: object):
    p: object = page
    p.goto(server + "/")  # type: ignore[attr-defined]
    _verdict_for(p, VOTE)
    slider = "input[aria-label='Senators voting yes, line 4']"
    box = p.locator(slider).bounding_box()  # type: ignore[attr-defined]
    y = box["y"] + box["height"] / 2
    p.mouse.move(box["x"] + box["width"] * 0.60, y)  # type: ignore[attr-defined]
    p.mouse.down()  # type: ignore[attr-defined]
    for share in (0.62, 0.64, 0.66, 0.70, 0.75):  # one drag, with pauses for the verdict to follow
        p.mouse.move(box["x"] + box["width"] * share, y, steps=3)  # type: ignore[attr-defined]
        p.wait_for_timeout(250)  # type: ignore[attr-defined]
    p.mouse.up()  # type: ignore[attr-defined]
    yeas = int(p.input_value("#editor").split("consent with ")[1].split(" of")[0])  # type: ignore[attr-defined]
    assert yeas >= 70  # the whole drag moved the value, not only its first step
    p.wait_for_function("document.querySelector('#verdict h2').textContent.startsWith('PERMITTED')")  # type: ignore[attr-defined]
