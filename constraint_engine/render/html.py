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


def render_template(name: str, **context: Any) -> str:
    """Any page of the package's templates (the playground's too), escaped as they all are."""
    return _ENV.get_template(name).render(**context)


def report_part(r: Any) -> dict[str, Any]:
    """What the report keeps of one scenario: its row, and its section already rendered (not its verdict).
    A scenario that failed or could not be evaluated still shows its date, action and message."""
    v = r.verdict
    steps = {s.kind: s.text for s in reversed(r.spec.steps)}  # the first of each kind
    given_date = next(
        (s.text.removeprefix("the date is ") for s in r.spec.steps if s.text.startswith("the date is ")), ""
    )
    return {
        "name": r.spec.name,
        "location": r.spec.location,
        "date": v.date if v else given_date,
        "action": v.action if v else steps.get("when", ""),
        "outcome": v.outcome if v else "",
        "citations": list(dict.fromkeys(b.citation for b in v.blocked_by)) if v else [],
        "status": r.status,
        "message": "\n".join(r.messages) if r.status in ("failed", "error") else "",
    }


def report_section(r: Any, n: int) -> str:
    """One scenario's section of the report, with its whole explanation."""
    return _ENV.get_template("report_part.html.j2").render(r=r, n=n)


SECTIONS = "<!-- the scenarios' sections -->"


def run_report(
    parts: list[dict[str, Any]], input_errors: list[Any], summary: dict[str, int]
) -> tuple[str, str]:
    """The report's head (through the summary table) and tail; the scenarios' sections go between them."""
    # Failures and errors first; each row keeps its number, which its section below carries too.
    numbered = list(enumerate(parts, start=1))
    ordered = sorted(numbered, key=lambda item: item[1]["status"] not in ("failed", "error"))
    page = _ENV.get_template("report.html.j2").render(
        parts=ordered,
        input_errors=input_errors,
        summary=summary,
        title="constraint-engine report",
        sections=SECTIONS,
    )
    head, _, tail = page.partition(SECTIONS)
    return head, tail


def verdicts_page(verdicts: list[Verdict]) -> str:
    return _ENV.get_template("verdicts.html.j2").render(verdicts=verdicts, title="constraint-engine verdicts")
