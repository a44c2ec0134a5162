"""A simulation (OpenFisca's): a law (law.Law) and a day, reading cases from scenarios and evaluating them,
with their cures and other readings, then checking the Then steps. Reading the files is `features`;
running many in several processes is `batch`."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from .cases import Case
from .curing import cures
from .engine import Adapter, Evaluation
from .errors import InputError, StepErrors
from .explaining import (
    Dependence,
    Verdict,
    decisive,
    explain,
    interpretations_for,
    outcome_words,
    verdict_words,
)
from .facts import Proposal
from .features import ScenarioSpec, step_problem
from .law import Law
from .loading import RuleDirs
from .steps import (
    ExpectationFailed,
    ScenarioBuilder,
    StepError,
    StepKind,
    StepRegistry,
)

# "unchecked": the scenario ran and has a verdict, but no Then step checked it; not a pass.
Status = Literal["passed", "failed", "unchecked", "error"]
UNCHECKED = "the scenario has no Then step, so nothing was checked"


@dataclass
class ScenarioResult:
    spec: ScenarioSpec
    status: Status
    verdict: Verdict | None = None
    messages: list[str] = field(default_factory=list)
    seconds: float = 0.0  # how long it took to build, evaluate and check (JUnit's time)


class Runner:
    """A simulation: the law of the run (loaded and compiled once per process) and its day; it reads cases
    from scenarios and evaluates them, one engine session each."""

    def __init__(
        self,
        rules_dir: Path | RuleDirs | None = None,
        *,
        today: dt.date | None = None,
        settings: dict[str, str] | None = None,
        assumptions: dict[str, str] | None = None,
        law: Law | None = None,
    ):
        """`settings` are what-if parameter values (--set), `assumptions` interpretations (--assume): the
        run's law is the loaded law amended by them."""
        base = law or Law.load(rules_dir)
        amended: dict[str, Any] = {}
        for pid, raw in (settings or {}).items():
            amended[pid] = base.book.override(pid, raw, interpretation=False)
        for pid, raw in (assumptions or {}).items():
            amended[pid] = base.book.override(pid, raw, interpretation=True)
        self.law = base.amended(amended)
        self.book = self.law.book
        self.compiled = self.law.compiled
        self.engine = self.law.engine
        self.engine_name = self.law.engine_name
        self.registry = self.law.registry
        self.today = today or dt.date.today()
        self.citations = self.book.citations
        self.interpretations = self.book.interpretations

    def evaluate(
        self,
        case: Case | Proposal,
        *,
        with_cures: bool = False,
        brief: bool = False,
        qualify: bool | None = None,
    ) -> Verdict:
        """The verdict, with the interpretations its outcome depends on; with cures, each block lists the
        changes re-evaluation proves would lift it. A brief verdict is qualified only when asked (`qualify`):
        each reading is one more evaluation, and a brief listing shows none of it."""
        if isinstance(case, Proposal):
            case = Case(case, self.book)  # read under this run's law
        proven = None
        depends: list[Dependence] = []
        try:
            # A brief verdict never shows the matched facts: the trace keeps the firings, not their copies.
            self.engine.trace_matches = not brief
            ev = self.engine.evaluate(case)
            if with_cures and ev.outcome == "blocked":
                self.engine.trace_matches = False  # a cure is judged by its outcome alone
                proven = cures(self.engine, case, ev)
            if ev.outcome != "error" and (qualify if qualify is not None else not brief):
                self.engine.trace_matches = False
                depends = self._dependence(case, ev)
        except Exception as exc:  # an internal fault fails closed: an error verdict, never "permitted"
            ev = Evaluation(outcome="error", error=f"internal error: {type(exc).__name__}: {exc}")
        try:
            verdict = explain(case, ev, proven, brief=brief)
        except Exception as exc:  # likewise: a fault while explaining is an error verdict, never a pass
            ev = Evaluation(outcome="error", error=f"internal error: {type(exc).__name__}: {exc}")
            verdict, depends = explain(case, ev, None, brief=True), []
        verdict.depends_on = depends
        return verdict

    def probe_engine(self) -> Adapter:
        """The engine of the probe ruleset: which conditions hold, as the engine decides them (coverage)."""
        return self.law.probe_engine()

    def _dependence(self, case: Case, ev: Evaluation) -> list[Dependence]:
        """Each interpretation the verdict rests on whose other readings give another outcome: the same
        case under the law amended to each other reading. The reference interpreter reads each first; only
        when it finds an outcome that differs are the readings run in the engine, whose words are shown. (So
        an engine fault under a reading not in force, which the guard turns into an error, shows when that
        reading is run: `--assume`, or a case the reference reads otherwise.)"""
        out = []
        book = case.book
        names = interpretations_for(book, case.proposal)
        words = outcome_words(book, ev) if names else ""
        for name in names:
            param = book.parameters[name]
            used = str(book.value(name, case.date))
            others = {r: case.under({name: r}) for r in param.choices if r != used}
            if all(outcome_words(book, self.law.reference.evaluate(c)) == words for c in others.values()):
                continue
            outcomes = {used: words}
            outcomes.update((r, outcome_words(book, self.engine.evaluate(c))) for r, c in others.items())
            if len(set(outcomes.values())) > 1:
                out.append(Dependence(interpretation=name, used=used, outcomes=outcomes))
        return out

    def builder(self) -> ScenarioBuilder:
        """A builder that knows this law's citations and interpretations (so a Then step naming neither is
        an error, never a vacuous pass)."""
        return ScenarioBuilder(citations=self.citations, interpretations=self.interpretations)

    def case_of(
        self, givens: Iterable[str], when: str, thens: Iterable[str] = ()
    ) -> tuple[Case, ScenarioBuilder]:
        """The one way a front door (evaluate, explore, new, the web API) turns Given, When and Then steps
        into a case; a bad step raises StepError (or InputError) naming what is accepted."""
        builder = self.builder()
        for given in givens:
            self.registry.apply("given", given, builder)
        self.registry.apply("when", when, builder)
        for then in thens:
            self.registry.apply("then", then, builder)
        return self.case(builder), builder

    def case(self, builder: ScenarioBuilder, spec: ScenarioSpec | None = None) -> Case:
        """The case a builder describes: its proposal, read under this run's law amended by the scenario's
        own readings ("Given the interpretation ... is ...")."""
        readings: dict[str, Any] = {}
        for name, value, text in builder.assumptions:
            try:
                readings[name] = self.book.override(name, value, interpretation=True)
            except InputError as exc:
                line = next((s.line for s in spec.steps if s.text == text), None) if spec else None
                raise InputError(
                    exc.problem, file=spec.file if spec else None, line=line, accepted=exc.accepted
                ) from None
        return Case(builder.proposal(self.today), self.book.amended(readings, by_scenario=True))

    def build(self, spec: ScenarioSpec) -> ScenarioBuilder:
        """The scenario's facts, action and expectations from its steps; every bad step is reported at once
        (StepErrors), not only the first."""
        builder = self.builder()
        errors: list[InputError] = []
        for step in spec.steps:
            problem = step_problem(spec, step)
            if problem is not None:
                errors.append(problem)
                continue
            kind = step.kind or _guess_kind(self.registry, step.text)
            # A value from an Examples row is wrong in that row: point there, and name the template's step.
            line = spec.row_line or step.line
            where = f" (the step at line {step.line})" if spec.row_line else ""
            try:
                self.registry.apply(kind, step.text, builder, step.line)
            except StepError as exc:
                errors.append(InputError(f"{exc}{where}.", file=spec.file, line=line))
            except ValidationError as exc:
                errors.append(InputError(f"{_first_error(exc)}{where}.", file=spec.file, line=line))
        if len(errors) == 1:
            raise errors[0]
        if errors:
            raise StepErrors(errors)
        return builder

    def run(
        self, spec: ScenarioSpec, *, with_cures: bool = False, brief: bool = False, strict: bool = False
    ) -> ScenarioResult:
        """Run one scenario; with `strict`, a scenario that checks nothing fails, else it is unchecked."""
        start = time.perf_counter()
        result = self._run(spec, with_cures=with_cures, brief=brief, strict=strict)
        result.seconds = time.perf_counter() - start
        return result

    def _run(self, spec: ScenarioSpec, *, with_cures: bool, brief: bool, strict: bool) -> ScenarioResult:
        try:
            builder = self.build(spec)
            case = self.case(builder, spec)
        except StepError as exc:
            return ScenarioResult(spec, "error", messages=[f"{spec.location}: {exc}."])
        except StepErrors as exc:
            return ScenarioResult(spec, "error", messages=[e.message() for e in exc.errors])
        except InputError as exc:
            return ScenarioResult(spec, "error", messages=[exc.message()])
        # Whether the outcome depends on a reading is part of the verdict, in every format (one verdict).
        verdict = self.evaluate(case, with_cures=with_cures, brief=brief, qualify=True)
        if verdict.outcome == "error":
            return ScenarioResult(
                spec, "error", verdict, [f"{spec.location}: evaluation failed: {verdict.error}"]
            )
        if not builder.expectations:
            if strict:
                return ScenarioResult(spec, "failed", verdict, [f"{spec.location}: {UNCHECKED} (--strict)."])
            return ScenarioResult(spec, "unchecked", verdict, [f"{spec.location}: {UNCHECKED}."])
        failures = []
        for expectation in builder.expectations:
            try:
                expectation.check(verdict)
            except ExpectationFailed as exc:
                failures.append(f"{spec.file}:{expectation.line}: Then {expectation.text}: {exc}")
        return ScenarioResult(spec, "failed" if failures else "passed", verdict, failures)

    def run_all(
        self,
        specs: Iterable[ScenarioSpec],
        *,
        with_cures: bool = False,
        brief: bool = False,
        strict: bool = False,
    ) -> Iterator[ScenarioResult]:
        for spec in specs:
            yield self.run(spec, with_cures=with_cures, brief=brief, strict=strict)


def _guess_kind(registry: StepRegistry, text: str) -> StepKind:
    kinds: tuple[StepKind, ...] = ("given", "when", "then")
    for kind in kinds:
        try:
            registry.find(kind, text)
            return kind
        except StepError:
            continue
    return "given"


def _first_error(exc: ValidationError) -> str:
    return str(exc.errors()[0]["msg"]).removeprefix("Value error, ")


def compare(enacted: Runner, amended: Runner, specs: Iterable[ScenarioSpec]) -> list[dict[str, Any]]:
    """Every scenario whose verdict differs under the amended law (its outcome, blocks, duties and their
    statuses, undetermined provisions or dependence on a reading), with what changed."""
    changes: list[dict[str, Any]] = []
    for spec in specs:
        before, after = enacted.run(spec).verdict, amended.run(spec).verdict
        if before is None or after is None or decisive(before) == decisive(after):
            continue
        changes.append(
            {
                "name": spec.name,
                "file": spec.file,
                "line": spec.line,
                "before": verdict_words(before),
                "after": verdict_words(after),
                "because": _changes(before, after),
            }
        )
    return changes


def _changes(before: Verdict, after: Verdict) -> list[str]:
    # A citation with its title: several provisions may share one section (§ 1249's limbs).
    was = {b.provision: f"{b.citation} ({b.title})" for b in before.blocked_by}
    now = {b.provision: f"{b.citation} ({b.title})" for b in after.blocked_by}
    out = [f"no longer blocked by {c}" for p, c in was.items() if p not in now]
    out += [f"now blocked by {c}" for p, c in now.items() if p not in was]
    duties_was = {d.provision: (d.citation, d.status) for d in before.duties}
    duties_now = {d.provision: (d.citation, d.status) for d in after.duties}
    for pid in dict.fromkeys([*duties_was, *duties_now]):
        old, new = duties_was.get(pid), duties_now.get(pid)
        if old == new:
            continue
        citation = (new or old or ("", ""))[0]
        out.append(
            f"the duty under {citation} is now "
            + (new[1] if new else "not triggered")
            + (f" (was {old[1]})" if old else " (was not triggered)")
        )
    und_was = {m.provision: m.citation for m in before.undetermined}
    und_now = {m.provision: m.citation for m in after.undetermined}
    out += [f"{c} is now decided" for p, c in und_was.items() if p not in und_now]
    out += [
        f"{c} now needs a fact the scenario does not give" for p, c in und_now.items() if p not in und_was
    ]
    deps_was = {d.interpretation: d.outcomes for d in before.depends_on}
    deps_now = {d.interpretation: d.outcomes for d in after.depends_on}
    for name in dict.fromkeys([*deps_was, *deps_now]):
        dep_was, dep_now = deps_was.get(name), deps_now.get(name)
        if dep_was == dep_now:
            continue
        if dep_was is None or dep_now is None:
            said = "now depends" if dep_was is None else "no longer depends"
            out.append(f"the outcome {said} on the interpretation {name}")
        else:  # it depended on the reading before and still does, with other outcomes under it
            readings = "; ".join(f"{reading}: {outcome}" for reading, outcome in dep_now.items())
            out.append(f"the outcome still depends on the interpretation {name}, now {readings}")
    return out
