"""Renderers: verdicts and runs as terminal text, JSON, Markdown, HTML and Graphviz DOT."""

from __future__ import annotations

import json

from ..explaining import Verdict

VERDICT_FORMATS = ("text", "json", "markdown", "html", "dot")


def render_verdict(verdict: Verdict, fmt: str, *, color: bool = False, width: int | None = None) -> str:
    """One verdict in one of VERDICT_FORMATS."""
    if fmt == "json":
        return json.dumps(verdict.to_json_dict(), indent=2, ensure_ascii=False)
    if fmt == "markdown":
        from .markdown import verdict_markdown

        return verdict_markdown(verdict)
    if fmt == "html":
        from .html import verdict_page

        return verdict_page(verdict)
    if fmt == "dot":
        from .dot import verdict_dot

        return verdict_dot(verdict)
    from .text import verdict_text

    return verdict_text(verdict, color=color, width=width)
