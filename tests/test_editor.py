"""`constraint-engine lsp` as an editor sees it: a client speaking JSON-RPC over stdio asks for completion,
diagnostics, hover and definition, as VS Code or Neovim would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls", reason="the lsp extra is not installed")

FEATURE = """Feature: Drafting
  Scenario: Withdrawal
    Given the date is 2026-03-01
    And the Senate voted 60-40
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(a)"
    And the action is blocked by "22 U.S.C. 9999"
"""


class Client:
    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "constraint_engine.cli", "lsp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.next_id = 0
        self.notifications: list[dict[str, Any]] = []

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def read(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        length = 0
        while True:
            header = self.proc.stdout.readline()
            assert header, self.proc.stderr.read().decode() if self.proc.stderr else "the server stopped"
            if header in (b"\r\n", b"\n"):
                break
            if header.lower().startswith(b"content-length:"):
                length = int(header.split(b":")[1])
        return json.loads(self.proc.stdout.read(length))

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.read()
            if message.get("id") == self.next_id and "method" not in message:
                assert "error" not in message, message
                return message.get("result")
            self.notifications.append(message)

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def diagnostics(self) -> list[dict[str, Any]]:
        while not any(n.get("method") == "textDocument/publishDiagnostics" for n in self.notifications):
            self.notifications.append(self.read())
        return next(n for n in self.notifications if n.get("method") == "textDocument/publishDiagnostics")[
            "params"
        ]["diagnostics"]

    def close(self) -> None:
        self.request("shutdown", {})
        self.notify("exit", {})
        self.proc.wait(timeout=10)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Any:
    c = Client()
    root = tmp_path_factory.mktemp("editor")
    c.request("initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": {}})
    c.notify("initialized", {})
    c.uri = (root / "draft.feature").as_uri()  # type: ignore[attr-defined]
    c.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": c.uri, "languageId": "gherkin", "version": 1, "text": FEATURE}},  # type: ignore[attr-defined]
    )
    yield c
    c.close()


def test_diagnostics_are_lints_findings_at_their_lines(client: Any):
    found = {d["range"]["start"]["line"] + 1: d for d in client.diagnostics()}
    assert "undefined step 'the Senate voted 60-40'" in found[4]["message"]
    assert "Nearest known phrase" in found[4]["message"] and found[4]["severity"] == 1
    assert 'unknown citation "22 U.S.C. 9999"' in found[7]["message"]
    assert 6 not in found and 5 not in found


def test_completion_offers_the_laws_phrases_for_the_lines_keyword(client: Any):
    result = client.request(
        "textDocument/completion",
        {"textDocument": {"uri": client.uri}, "position": {"line": 4, "character": 10}},
    )
    labels = [i["label"] for i in result["items"]]
    assert "the {actor} proposes to withdraw the United States from the North Atlantic Treaty" in labels
    assert not any(label.startswith("the date is") for label in labels)  # a When line: When phrases only
    item = next(i for i in result["items"] if i["label"].startswith("the {actor} proposes to suspend"))
    assert item["textEdit"]["newText"] == "the President proposes to suspend the North Atlantic Treaty"


def test_hover_shows_the_provision_of_a_citation_and_the_meaning_of_a_step(client: Any):
    shown = client.request(
        "textDocument/hover", {"textDocument": {"uri": client.uri}, "position": {"line": 5, "character": 40}}
    )
    text = shown["contents"]["value"]
    assert "22 U.S.C. 1928f(a): No suspension, termination" in text and "(verified)" in text
    shown = client.request(
        "textDocument/hover", {"textDocument": {"uri": client.uri}, "position": {"line": 2, "character": 8}}
    )
    assert "Given the date is {date}" in shown["contents"]["value"]


def test_definition_goes_to_the_pack_line_declaring_the_phrase(client: Any):
    from tests.conftest import ROOT

    found = client.request(
        "textDocument/definition",
        {"textDocument": {"uri": client.uri}, "position": {"line": 4, "character": 20}},
    )
    path = Path(found["uri"].removeprefix("file://"))
    line = found["range"]["start"]["line"]
    assert path.parent == ROOT / "rules" or path.parent.name == "rules"
    declared = path.read_text(encoding="utf-8").splitlines()[line]
    assert "withdraw the United States from the North Atlantic Treaty" in declared
