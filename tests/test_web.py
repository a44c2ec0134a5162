"""The playground and its JSON API: every endpoint's success and error, and the page in a real browser."""

from __future__ import annotations

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


def test_evaluate_errors_are_json_with_the_clis_messages(client: TestClient):
    r = client.post("/api/evaluate", json={"scenario": SUSPEND.replace("2026-03-01", "2026-02-30")})
    assert r.status_code == 400
    (error,) = r.json()["errors"]
    assert error["line"] == 3 and "is not a calendar date; accepted: a real day" in error["message"]
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


@pytest.fixture(scope="module")
def server(exercises: Path) -> Iterator[str]:
    uvicorn = pytest.importorskip("uvicorn")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = web.create_app(Runner(), [exercises])
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
def page(server: str) -> Iterator[object]:
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser.new_page()
        browser.close()


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
    slider = "input[aria-label='line 4 yeas']"
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
    assert "22 U.S.C. 1928f(a)" in p.text_content("pre")  # type: ignore[attr-defined]


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
