"""Self-contained HTML (no network): one verdict as a page, or a whole run as a report."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from ..explaining import Verdict

_ENV = Environment(
    loader=PackageLoader("constraint_engine", "templates"),
    autoescape=select_autoescape(["html", "j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def verdict_page(v: Verdict) -> str:
    return _ENV.get_template("page.html.j2").render(v=v, title=f"{v.outcome.upper()}: {v.action}")


def run_report(results: list[Any], input_errors: list[Any], summary: dict[str, int]) -> str:
    return _ENV.get_template("report.html.j2").render(
        results=results, input_errors=input_errors, summary=summary, title="constraint-engine report"
    )


def verdicts_page(verdicts: list[Verdict]) -> str:
    return _ENV.get_template("verdicts.html.j2").render(verdicts=verdicts, title="constraint-engine verdicts")
