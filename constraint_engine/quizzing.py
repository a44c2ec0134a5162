"""Exercise mode: predict each scenario's verdict and authority, then see why.

A question shows the scenario's steps under a neutral title (the action and its date: the author's title
often gives the answer away, so it is revealed after). Feedback is three lines (the verdict, the authority,
the decisive fact); the whole explanation on request. A teacher can grade a class's answers from a CSV.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .citations import CitationIndex, matches
from .errors import InputError
from .explaining import Verdict
from .features import ScenarioSpec
from .running import Runner

OUTCOMES = {"b": "blocked", "p": "permitted", "u": "undetermined"}
_CITED = re.compile(r'blocked by "([^"]+)"')


@dataclass
class Question:
    spec: ScenarioSpec
    verdict: Verdict

    def title(self) -> str:
        """A neutral title: what is proposed, and when; never the author's, which may give the answer away."""
        return f"{self.verdict.action} on {self.verdict.date}"

    def prompt(self) -> str:
        lines = [self.title()]
        lines += [f"    {s.keyword_word} {s.text}" for s in self.steps()]
        return "\n".join(lines)

    def steps(self) -> list[_Shown]:
        shown = []
        for step in self.spec.steps:
            if step.kind == "then":
                continue
            shown.append(
                _Shown({"given": "Given", "when": "When"}.get(step.kind or "given", "Given"), step.text)
            )
        return shown

    def key(self) -> str:
        if self.verdict.outcome == "blocked":
            return "blocked by " + "; ".join(dict.fromkeys(b.citation for b in self.verdict.blocked_by))
        return self.verdict.outcome

    def decisive(self) -> str:
        """The fact that decided the verdict, in one line."""
        v = self.verdict
        if v.blocked_by:
            # The block the author's Then steps name is the point of the question: that one first.
            named = [
                m.group(1) for s in self.spec.steps if s.kind == "then" for m in [_CITED.search(s.text)] if m
            ]
            first = next(
                (b for b in v.blocked_by for c in named if matches(c, [b.citation, *b.aliases])),
                v.blocked_by[0],
            )
            return f"Decisive: {first.citation}: {first.summary}"
        if v.outcome == "undetermined" and v.undetermined:
            need = v.undetermined[0]
            if need.reason:
                return f"Decisive: {need.citation} cannot be decided: {need.reason}"
            return f"Decisive: {need.citation} cannot be decided without: {' or '.join(need.add)}"
        held = [x for x in v.exceptions if x.held]
        if held:
            return f"Decisive: {held[0].title} ({held[0].citation}) lifts the block"
        if v.considered:
            other = v.considered[0]
            return f"Decisive: {other.citation} does not apply here. {other.why}"
        return "Decisive: no provision in force governs this action"


@dataclass
class _Shown:
    keyword_word: str
    text: str


def questions(runner: Runner, specs: list[ScenarioSpec]) -> list[Question]:
    out = []
    for spec in specs:
        verdict = runner.evaluate(runner.case(runner.build(spec), spec), with_cures=True)
        if verdict.outcome == "error":
            raise InputError(f"{spec.location}: the scenario cannot be evaluated: {verdict.error}")
        out.append(Question(spec, verdict))
    return out


def outcome_of(answer: str) -> str | None:
    """b, p, u or the words; anything else (a bare Enter included) is no answer."""
    word = answer.strip().lower()
    if word in OUTCOMES:
        return OUTCOMES[word]
    return word if word in OUTCOMES.values() else None


def names_a_blocker(question: Question, authority: str, index: CitationIndex, titles: dict[str, str]) -> bool:
    """The answer names a blocking authority: by citation or alias as lawyers write it (Art 13, 22 USC
    1928f(a)), by a citation a blocking one is part of (Pub. L. 119-60), or by its statute's title."""
    answer = authority.strip()
    if not answer:
        return False
    blocking = {b.provision for b in question.verdict.blocked_by}
    if blocking & set(index.provisions(answer)):
        return True
    if _section_only(question, answer):
        return True
    words = answer.casefold()
    return len(words) >= 4 and any(words in titles.get(p, "").casefold() for p in blocking)


def _section_only(question: Question, answer: str) -> str | None:
    """A blocking citation the answer names by its section alone (1928f(c)(2) for 22 U.S.C. 1928f(c)(2))."""
    bare = re.sub(r"\s+", "", answer.casefold().replace("§", ""))
    if len(bare) < 3:
        return None
    for b in question.verdict.blocked_by:
        whole = re.sub(r"\s+", "", b.citation.casefold().replace("§", ""))
        if whole.endswith(bare) and whole != bare:
            return b.citation
    return None


def score(
    question: Question, outcome: str, authority: str, index: CitationIndex, titles: dict[str, str]
) -> tuple[int, list[str]]:
    """Two points a question: one for the outcome, one for naming a blocking authority (or none)."""
    notes = []
    points = 0
    right = question.verdict.outcome
    said = outcome_of(outcome) or outcome.strip().lower()
    if said == right:
        points += 1
        notes.append(f"Right: the action is {right}.")
    else:
        notes.append(f"Not quite: the action is {right}.")
    if right == "blocked":
        whole = _section_only(question, authority)
        if whole is not None and not set(index.provisions(authority.strip())):
            points += 1
            notes.append(
                f"Right: {authority.strip()} is {whole}, among the blocking authorities (cite it whole)."
            )
        elif names_a_blocker(question, authority, index, titles):
            points += 1
            notes.append(f"Right: {authority.strip()} is among the blocking authorities.")
        else:
            said = (
                f"{authority.strip()!r} names none of them; " if authority.strip() else "No authority named; "
            )
            notes.append(f"{said}the blocking authorities are: {question.key().removeprefix('blocked by ')}.")
    elif not authority.strip() or authority.strip().lower() in ("none", "-"):
        points += 1
        notes.append("Right: no authority blocks it.")
    else:
        notes.append("Nothing blocks it, so no authority applies.")
    notes.append(question.decisive())
    return points, notes


def pack_titles(runner: Runner) -> dict[str, str]:
    """Each provision's statute title (its pack's), for answers that name the statute."""
    by_pack = {p.pack: p.title for p in runner.book.packs}
    return {pid: by_pack.get(runner.book.pack_of.get(pid, ""), "") for pid in runner.book.provisions}


class QuizStopped(Exception):
    """No more answers: the quiz ends with the score of the questions answered."""


def run_quiz(
    items: list[Question],
    ask: Callable[[str], str],
    show: Callable[[str], None],
    explain: Callable[[Verdict], str] | None,
    index: CitationIndex,
    titles: dict[str, str],
) -> tuple[int, int]:
    """Ask each question (again, until the answer is one), and give three lines of feedback; with `explain`,
    the whole explanation too."""
    total = 0
    for n, q in enumerate(items, start=1):
        show(f"\nQuestion {n} of {len(items)}: {q.prompt()}")
        outcome = None
        try:
            while outcome is None:
                outcome = outcome_of(ask("Blocked, permitted or undetermined? [b/p/u]"))
                if outcome is None:
                    show("Answer b (blocked), p (permitted) or u (undetermined).")
            authority = ask("By what authority? (a citation, or none)") if outcome == "blocked" else ""
        except QuizStopped:
            show(f"\nNo more answers: stopped after {n - 1} of {len(items)} questions.")
            return total, 2 * (n - 1)
        points, notes = score(q, outcome, authority, index, titles)
        total += points
        show("\n".join(notes) + f"  ({points}/2)")
        show(f"The author's title: {q.spec.name} ({q.spec.location})")
        if explain is not None:
            show(explain(q.verdict))
    return total, 2 * len(items)


def grade(
    items: list[Question], answers_csv: str, file: str, index: CitationIndex, titles: dict[str, str]
) -> dict[str, Any]:
    """A class's answers, graded: a CSV with columns question (its number), outcome and authority."""
    reader = csv.DictReader(io.StringIO(answers_csv))
    needed = {"question", "outcome", "authority"}
    if reader.fieldnames is None or not needed <= {f.strip() for f in reader.fieldnames}:
        raise InputError(
            "the answers file has no header with the columns question, outcome, authority.",
            file=file,
            line=1,
            accepted="a CSV such as: question,outcome,authority / 1,b,Art 13 / 2,p,",
        )
    graded: list[dict[str, Any]] = []
    seen: set[int] = set()
    for row in reader:
        line = reader.line_num
        row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        number = row["question"]
        if not number.isdigit() or not 1 <= int(number) <= len(items):
            raise InputError(
                f"question {number!r} is not a question of the quiz.",
                file=file,
                line=line,
                accepted=f"a number from 1 to {len(items)}",
            )
        if int(number) in seen:
            raise InputError(
                f"question {number} is answered twice.", file=file, line=line, accepted="one row each"
            )
        if outcome_of(row["outcome"]) is None:
            raise InputError(
                f"{row['outcome']!r} is not an answer.",
                file=file,
                line=line,
                accepted="b, p or u (blocked, permitted, undetermined)",
            )
        seen.add(int(number))
        q = items[int(number) - 1]
        points, notes = score(q, row["outcome"], row["authority"], index, titles)
        graded.append(
            {"question": int(number), "title": q.title(), "points": points, "out_of": 2, "feedback": notes}
        )
    missing = [n for n in range(1, len(items) + 1) if n not in seen]
    for n in missing:
        q = items[n - 1]
        graded.append(
            {"question": n, "title": q.title(), "points": 0, "out_of": 2, "feedback": ["Not answered."]}
        )
    graded.sort(key=lambda g: int(g["question"]))
    return {
        "schema": "constraint-engine/grade/1",
        "score": sum(g["points"] for g in graded),
        "out_of": 2 * len(items),
        "questions": graded,
    }


def grade_text(doc: dict[str, Any]) -> str:
    lines = []
    for g in doc["questions"]:
        lines.append(f"{g['question']}. {g['title']}: {g['points']}/{g['out_of']}")
        lines += [f"    {note}" for note in g["feedback"]]
    lines.append(f"Score: {doc['score']} of {doc['out_of']}")
    return "\n".join(lines) + "\n"
