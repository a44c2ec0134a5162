"""The editor front door: a Language Server for .feature files (`constraint-engine lsp`, extra `[lsp]`).

pytest-bdd's and behave's steps are found by editors from their Python source; ours are the law's phrases,
made from the rule packs, so no editor could see them. The server gives any LSP client (VS Code, Neovim,
Emacs, Helix...) what the command line knows, from the same law:
- completion of every phrase of the loaded law for the line's keyword (Given / When / Then; And continues);
- diagnostics as `lint` gives them (an unknown step with its nearest phrase, a bad value, a bad citation);
- hover on a step (what the phrase means, where it is declared) or on a citation (the provision's citation,
  title, status and paraphrase);
- go to definition: the rule pack file and line that declares the phrase.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer

from . import __version__
from .citations import CitationIndex
from .linting import lint_feature
from .running import Runner
from .steps import StepDef

KEYWORD = re.compile(r"^(\s*)(Given|When|Then|And|But|\*)(\s+)")
_KINDS = {"Given": "given", "When": "when", "Then": "then"}
_QUOTED = re.compile(r'"([^"]+)"')


def _kind_at(lines: list[str], index: int) -> str:
    """The kind of the step on a line: And, But and * continue the kind before them."""
    for text in reversed(lines[: index + 1]):
        m = KEYWORD.match(text)
        if m and m.group(2) in _KINDS:
            return _KINDS[m.group(2)]
    return "given"


def _uri_path(uri: str) -> Path:
    from urllib.parse import unquote, urlparse

    return Path(unquote(urlparse(uri).path))


class LawServer(LanguageServer):
    def __init__(self, runner: Runner) -> None:
        super().__init__("constraint-engine", __version__)
        self.runner = runner

    @property
    def citations(self) -> CitationIndex:
        return self.runner.citations

    def step_at(self, line: str, index: int, lines: list[str]) -> tuple[StepDef | None, str, int]:
        """The law's phrase a step line uses (None if none), its text and where the text starts."""
        m = KEYWORD.match(line)
        if m is None:
            return None, "", 0
        text = line[m.end() :]
        try:
            found, _ = self.runner.registry.find(_kind_at(lines, index), text)  # type: ignore[arg-type]
        except ValueError:
            return None, text, m.end()
        return found, text, m.end()

    def completions(self, lines: list[str], index: int, column: int) -> list[lsp.CompletionItem]:
        line = lines[index] if index < len(lines) else ""
        m = KEYWORD.match(line)
        if m is None or column < m.end():
            return []
        kind = _kind_at(lines, index)
        edit_range = lsp.Range(lsp.Position(index, m.end()), lsp.Position(index, len(line)))
        items = []
        for step in self.runner.registry.steps:
            if step.kind != kind:
                continue
            items.append(
                lsp.CompletionItem(
                    label=step.template,
                    kind=lsp.CompletionItemKind.Snippet,
                    detail=step.pack or "the engine",
                    documentation=step.meaning,
                    filter_text=f"{step.template} {step.example}",
                    text_edit=lsp.TextEdit(edit_range, step.example),
                )
            )
        return items

    def diagnostics(self, uri: str, text: str) -> list[lsp.Diagnostic]:
        found = lint_feature(_uri_path(uri), self.runner.book, text)
        lines = text.splitlines()
        out = []
        for f in found:
            row = max(0, (f.line or 1) - 1)
            width = len(lines[row]) if row < len(lines) else 0
            out.append(
                lsp.Diagnostic(
                    range=lsp.Range(lsp.Position(row, 0), lsp.Position(row, width)),
                    message=f.message,
                    severity=lsp.DiagnosticSeverity.Error
                    if f.severity == "error"
                    else lsp.DiagnosticSeverity.Warning,
                    source="constraint-engine",
                )
            )
        return out

    def hover(self, lines: list[str], index: int, column: int) -> str | None:
        line = lines[index] if index < len(lines) else ""
        for quoted in _QUOTED.finditer(line):  # a citation under the cursor: its provision
            if quoted.start() <= column <= quoted.end():
                shown = self.provision_words(quoted.group(1))
                if shown:
                    return shown
        step, _, _ = self.step_at(line, index, lines)
        if step is None:
            return None
        where = f"declared in {step.phrase.where}" if step.phrase else "the engine's own phrase"
        return f"**{step.kind.capitalize()} {step.template}**\n\n{step.meaning}\n\n_{where}_"

    def provision_words(self, citation: str) -> str | None:
        ids = self.citations.provisions(citation)
        if not ids:
            return None
        parts = []
        for pid in ids[:3]:
            p = self.runner.book.provisions[pid]
            parts.append(f"**{p.citation}: {p.title}** ({p.status})\n\n{p.summary or p.text}")
        return "\n\n---\n\n".join(parts)

    def definition(self, lines: list[str], index: int) -> lsp.Location | None:
        step, _, _ = self.step_at(lines[index] if index < len(lines) else "", index, lines)
        if step is None or step.phrase is None:
            return None
        file, _, at = step.phrase.where.rpartition(":")
        row = int(at) - 1 if at.isdigit() else 0
        return lsp.Location(
            uri=Path(file).resolve().as_uri(),
            range=lsp.Range(lsp.Position(row, 0), lsp.Position(row, 0)),
        )


def make_server(runner: Runner) -> LawServer:
    server = LawServer(runner)

    def lines_of(uri: str) -> list[str]:
        return server.workspace.get_text_document(uri).source.splitlines()

    def publish(uri: str) -> None:
        document = server.workspace.get_text_document(uri)
        server.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=server.diagnostics(uri, document.source))
        )

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: lsp.DidOpenTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: lsp.DidChangeTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: lsp.DidSaveTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(trigger_characters=[" "]))
    def completion(params: lsp.CompletionParams) -> lsp.CompletionList:
        pos = params.position
        items = server.completions(lines_of(params.text_document.uri), pos.line, pos.character)
        return lsp.CompletionList(is_incomplete=False, items=items)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(params: lsp.HoverParams) -> lsp.Hover | None:
        pos = params.position
        shown = server.hover(lines_of(params.text_document.uri), pos.line, pos.character)
        if shown is None:
            return None
        return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=shown))

    @server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
    def definition(params: lsp.DefinitionParams) -> Any:
        return server.definition(lines_of(params.text_document.uri), params.position.line)

    return server
