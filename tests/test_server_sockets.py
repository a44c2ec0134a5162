"""The server against hostile clients, over real sockets on loopback: chunked bodies, stalled bodies, foreign
Host headers, an overlong check beside a short evaluation, the process's memory. Each loop is bounded."""

from __future__ import annotations

import json
import resource
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from constraint_engine import web
from constraint_engine.running import Runner

pytest.importorskip("uvicorn")

SUSPEND = "Given the date is 2026-03-01\nWhen the President proposes to suspend the North Atlantic Treaty"


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, int]]:
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = web.create_app(Runner(), time_limit=1.0, read_timeout=1.0)
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="critical"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield "127.0.0.1", port
    srv.should_exit = True
    thread.join(timeout=10)


def _response(sock: socket.socket, limit: float = 15.0) -> tuple[int, dict[str, str], bytes]:
    sock.settimeout(limit)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1]) if lines and lines[0] else 0
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    want = int(headers.get("content-length", "0"))
    while len(body) < want:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return status, headers, body


def _post(addr: tuple[str, int], path: str, payload: dict, host: str = "127.0.0.1") -> tuple[int, bytes]:
    body = json.dumps(payload).encode()
    with socket.create_connection(addr, timeout=20) as sock:
        sock.sendall(
            f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
            + body
        )
        status, _, data = _response(sock)
    return status, data


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_a_chunked_body_is_capped_however_it_is_sent(server: tuple[str, int]):
    # W01: a chunked body has no Content-Length; 20 MB of it used to be read whole into memory.
    before = _rss_mb()
    with socket.create_connection(server, timeout=20) as sock:
        sock.sendall(
            b"POST /api/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        chunk = b"x" * 65536
        sent = 0
        try:
            for _ in range(320):  # 20 MB at most; the server answers after 256 KB
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
        except OSError:
            pass  # the server closed the connection: what it should do
        status, _, body = _response(sock)
    assert status == 413, body
    assert "over 262,144 bytes" in json.loads(body)["errors"][0]["message"]
    assert _rss_mb() - before < 50


def test_a_stalled_body_gets_408_and_its_connection_back(server: tuple[str, int]):
    # W05: headers and part of a body, then nothing: the server used to hold the connection forever.
    socks = []
    try:
        for _ in range(20):
            sock = socket.create_connection(server, timeout=20)
            sock.sendall(
                b"POST /api/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                b'Content-Length: 100\r\n\r\n{"scen'
            )
            socks.append(sock)
        began = time.monotonic()
        statuses = [_response(sock, limit=10)[0] for sock in socks]
        assert set(statuses) == {408}
        assert time.monotonic() - began < 8
    finally:
        for sock in socks:
            sock.close()
    status, data = _post(server, "/api/evaluate", {"scenario": SUSPEND})
    assert status == 200 and json.loads(data)["outcome"] == "blocked"


@pytest.mark.parametrize("host", ["evil.example", "attacker.test:8000", "127.0.0.1.nip.io"])
def test_a_foreign_host_header_is_refused(server: tuple[str, int], host: str):
    # W03: a DNS-rebinding page reaches 127.0.0.1 under its own name; only the server's names are answered.
    status, data = _post(server, "/api/evaluate", {"scenario": SUSPEND}, host=host)
    assert status == 421 and b"answers only to" in data


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "LOCALHOST"])
def test_the_servers_own_names_are_answered(server: tuple[str, int], host: str):
    status, _ = _post(server, "/api/evaluate", {"scenario": SUSPEND}, host=f"{host}:{server[1]}")
    assert status == 200


def test_an_overlong_check_stops_at_its_limit_and_does_not_hold_the_server(server: tuple[str, int]):
    # W02: the work itself stops at the time limit (here 1 s); a short request right after it is answered.
    rows = "\n".join(f"      | {n:,} |" for n in range(1_900))
    feature = (
        "Feature: many\n  Scenario Outline: withdrawals\n    Given the date is 2026-03-01\n"
        "    And United States forces in the European Command area of responsibility number 80,000\n"
        "    When the Secretary of Defense proposes to withdraw <n> United States troops from Germany for 120 days\n"
        "    Then the action is blocked\n    Examples:\n      | n |\n" + rows + "\n"
    )
    results: dict[str, tuple[int, float]] = {}

    def slow() -> None:
        began = time.monotonic()
        status, _ = _post(server, "/api/check", {"feature": feature})
        results["slow"] = (status, time.monotonic() - began)

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.3)
    began = time.monotonic()
    status, data = _post(server, "/api/evaluate", {"scenario": SUSPEND})
    waited = time.monotonic() - began
    thread.join(timeout=30)
    assert results["slow"][0] == 503 and results["slow"][1] < 6
    # The short one waited at most for the long one's limit, then was answered (or itself timed out, 503).
    assert status in (200, 503) and waited < 6
    status, data = _post(server, "/api/evaluate", {"scenario": SUSPEND})
    assert status == 200, data


def test_too_many_scenarios_in_one_check_is_refused(server: tuple[str, int]):
    rows = "\n".join(f"      | {n} |" for n in range(web.MAX_SCENARIOS + 1))
    feature = (
        "Feature: many\n  Scenario Outline: w\n    Given the date is 2026-03-01\n"
        "    When the President proposes to withhold $<n> of USAI funds for 10 days\n"
        "    Examples:\n      | n |\n" + rows + "\n"
    )
    status, data = _post(server, "/api/check", {"feature": feature})
    assert status == 400 and b"at most 2,000 in one request" in data


def test_serve_on_a_port_in_use_is_bad_input_in_one_line():
    from click.testing import CliRunner

    from constraint_engine.cli import main

    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert result.exit_code == 2, result.output
    assert f"--port {port}: cannot listen there: Address already in use" in result.output
    assert "Accepted: a free port" in result.output and "Traceback" not in result.output


def test_serve_on_a_host_that_is_no_address_is_bad_input_about_the_host():
    from click.testing import CliRunner

    from constraint_engine.cli import main

    result = CliRunner().invoke(main, ["serve", "--host", "no.such.host.invalid", "--port", "18999"])
    assert (
        result.exit_code == 2
        and "--host no.such.host.invalid: not an address of this machine" in result.output
    )
