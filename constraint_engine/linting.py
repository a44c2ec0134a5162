"""Check rule packs and feature files without evaluating anything: every finding, with file and line."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from .compiling import compile_rulebook
from .errors import InputError, InputErrors, StepErrors
from .features import NoScenarios, ScenarioSpec, parse_feature, parse_feature_text, step_problem
from .loading import RuleBook, RuleDirs, load_rulebook, rule_dirs
from .steps import ScenarioBuilder, StepError, StepRegistry, bundled_registry, registry_for

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    severity: Severity
    file: str
    line: int | None
    message: str

    def text(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.severity}: {self.message}"


def _finding(exc: InputError) -> Finding:
    accepted = f" Accepted: {exc.accepted}" if exc.accepted else ""
    return Finding("error", exc.file or "", exc.line, f"{exc.problem}{accepted}")


def lint(
    paths: Iterable[Path], rules_dir: Path | RuleDirs | None = None
) -> tuple[list[Finding], RuleBook | None]:
    """Lint rule pack folders (or files) and feature files (or folders of them)."""
    findings: list[Finding] = []
    pack_folders: list[Path] = []
    features: list[Path] = []
    for path in paths:
        if path.is_dir():
            if any(path.glob("*.yaml")):
                pack_folders.append(path)
            features += sorted(path.rglob("*.feature"))
            if not any(path.glob("*.yaml")) and not any(path.rglob("*.feature")):
                findings.append(
                    Finding("error", str(path), None, "holds no rule packs (*.yaml) and no .feature files")
                )
        elif path.suffix in (".yaml", ".yml") and path.is_file():
            pack_folders.append(path.parent)
        elif path.is_file():
            features.append(path)
        else:
            findings.append(Finding("error", str(path), None, "no such file or folder"))
    book: RuleBook | None = None
    if isinstance(rules_dir, RuleDirs) and rules_dir.amendments:  # a bill is linted with the law it amends
        try:
            load_rulebook(rules_dir)
        except InputError as exc:
            findings.append(_finding(exc))
        except InputErrors as exc:
            findings += [_finding(e) for e in exc.errors]
    for folder in dict.fromkeys(pack_folders):
        folder_book, found = lint_rules(folder, rules_dir if isinstance(rules_dir, RuleDirs) else None)
        findings += found
        book = book or folder_book
    if features:
        try:
            named = rules_dir is not None and rule_dirs(rules_dir) != RuleDirs()
            law = load_rulebook(rules_dir) if named or book is None else book
        except (InputError, InputErrors):
            law = None
            where = rule_dirs(rules_dir).folder() if rules_dir is not None else "rules"
            findings.append(Finding("error", where, None, "the law could not be loaded; lint it"))
        for feature in features:
            findings += lint_feature(feature, law)
    return findings, book


def lint_rules(folder: Path, law: RuleDirs | None = None) -> tuple[RuleBook | None, list[Finding]]:
    """A folder of packs is linted as a whole law (as --rules, with the shared vocabulary); a folder the
    command adds with --with-rules, as an addition to that law."""
    added = law is not None and folder.resolve() in {d.resolve() for d in law.extra}
    try:
        book = load_rulebook(law if added and law is not None else RuleDirs(folder))
        compile_rulebook(book)
    except InputErrors as exc:
        return None, [Finding("error", e.file or str(folder), e.line, _with_accepted(e)) for e in exc.errors]
    except InputError as exc:
        return None, [Finding("error", exc.file or str(folder), exc.line, _with_accepted(exc))]
    return book, list(_unreachable(book))


def _with_accepted(e: InputError) -> str:
    return e.problem + (f" Accepted: {e.accepted}" if e.accepted else "")


def _producible(registry: StepRegistry, actors: tuple[str, ...]) -> tuple[set[tuple[str, str]], set[str]]:
    """The (action kind, actor) pairs the When phrases can produce, and the facts the Given phrases assert."""
    actions: set[tuple[str, str]] = set()
    facts: set[str] = set()
    for step in registry.steps:
        if step.kind == "then":
            continue
        examples = (
            [step.example.replace(actors[0], a, 1) for a in actors]
            if "{actor}" in step.template
            else [step.example]
        )
        for example in examples:
            builder = ScenarioBuilder()
            try:
                registry.apply(step.kind, example, builder)
            except (StepError, ValidationError):
                continue
            if builder.action is not None:
                actions.add((str(builder.action.fields["kind"]), str(builder.action.fields["actor"])))
            facts |= {f.type for f in builder.facts}
    return actions, facts


def _unreachable(book: RuleBook) -> Iterator[Finding]:
    actions, facts = _producible(registry_for(book), book.phrasebook.names.actors.canonical)
    for prov in book.provisions.values():
        reachable = {(k, a) for k in prov.applies_to.actions for a in prov.applies_to.actors} & actions
        if not reachable:
            yield Finding(
                "warning",
                book.file_of(prov.id),
                None,
                f"provision {prov.id}: no When phrase proposes an action it applies to, so it can never fire",
            )
        for pid in prov.parameters:
            if book.parameters[pid].values[0].since > prov.evaluated_from:
                yield Finding(
                    "warning",
                    book.file_of(prov.id),
                    None,
                    f"provision {prov.id} (in force from {prov.in_force.since}): its parameter {pid} "
                    f"has no value before {book.parameters[pid].values[0].since}",
                )
    for lift in book.lifts.values():
        missing = [p.fact for p in lift.when if p.fact not in facts and p.fact not in book.phrasebook.made]
        if missing:
            yield Finding(
                "warning",
                book.file_of(lift.id),
                None,
                f"exception {lift.id}: no Given phrase asserts a {', '.join(missing)}, so it can never hold",
            )


def lint_feature(path: Path, book: RuleBook | None, text: str | None = None) -> list[Finding]:
    """A feature file's findings; `text` is its content when it is not (yet) on disk, as in an editor."""
    try:
        registry = registry_for(book) if book is not None else None
        specs = (
            parse_feature(path, registry) if text is None else parse_feature_text(text, str(path), registry)
        )
    except NoScenarios as exc:  # valid Gherkin that runs nothing: check counts 0 scenarios, lint says so
        return [Finding("warning", exc.file or str(path), exc.line, exc.problem.rstrip("."))]
    except StepErrors as exc:  # every parse error of the file, not only the first
        return [Finding("error", e.file or str(path), e.line, _with_accepted(e)) for e in exc.errors]
    except InputError as exc:
        return [Finding("error", exc.file or str(path), exc.line, _with_accepted(exc))]
    findings: list[Finding] = []
    seen: dict[str, int] = {}
    # The rows of one Outline share its name, and only its templated steps differ from row to row: a shared
    # step (from a Background) that fails is reported at its own line, once.
    rows: dict[str, list[ScenarioSpec]] = {}
    for spec in specs:
        if spec.row_line is not None:
            rows.setdefault(spec.name, []).append(spec)
    varying = {
        name: {
            a.line
            for group in zip(*(s.steps for s in same), strict=False)
            for a in group
            if len({x.text for x in group}) > 1
        }
        for name, same in rows.items()
        if len(same) > 1
    }
    for spec in specs:
        if spec.row_line is not None and rows[spec.name][0] is not spec:
            findings += _lint_scenario(spec, book, varying.get(spec.name))
            continue
        if spec.name in seen and "<" not in spec.name:
            findings.append(
                Finding(
                    "warning",
                    spec.file,
                    spec.line,
                    f"duplicate scenario name {spec.name!r} (first at line {seen[spec.name]})",
                )
            )
        seen.setdefault(spec.name, spec.line)
        findings += _lint_scenario(spec, book, varying.get(spec.name) if spec.row_line is not None else None)
    # A Background's bad step is one finding, not one for each scenario it runs before.
    return list(dict.fromkeys(findings))


def _lint_scenario(
    spec: ScenarioSpec, book: RuleBook | None, templated: set[int] | None = None
) -> list[Finding]:
    """One scenario's findings; for an Outline's row, `templated` are the lines of the steps its row fills in
    (None: every step)."""
    findings: list[Finding] = []
    builder = ScenarioBuilder(
        citations=book.citations if book is not None else None,
        interpretations=book.interpretations if book is not None else None,
    )
    registry = registry_for(book) if book is not None else bundled_registry()
    for step in spec.steps:
        problem = step_problem(spec, step)
        if problem is not None:
            findings.append(Finding("error", spec.file, problem.line, _with_accepted(problem)))
        # A step still holding an unfilled <placeholder> fails to parse for that reason alone: reported above.
        unfilled = problem is not None and step.argument is None
        kind = step.kind or "given"
        # A value from an Examples row is wrong in that row; a step every row shares, at its own line.
        row_step = spec.row_line is not None and (templated is None or step.line in templated)
        line = spec.row_line if row_step and spec.row_line is not None else step.line
        try:
            registry.apply(kind, step.text, builder, step.line)
        except StepError as exc:
            if not unfilled:
                findings.append(Finding("error", spec.file, line, str(exc)))
        except ValidationError as exc:
            findings.append(Finding("error", spec.file, line, str(exc.errors()[0]["msg"])))
    if builder.action is None and not any("When" in f.message for f in findings):
        findings.append(
            Finding("error", spec.file, spec.line, "the scenario has no When step (the proposed action)")
        )
    if not any(s.kind == "then" for s in spec.steps):
        findings.append(
            Finding("warning", spec.file, spec.line, "the scenario has no Then step, so it checks nothing")
        )
    if book is not None:
        for name, value, text in builder.assumptions:
            line = next((s.line for s in spec.steps if s.text == text), spec.line)
            try:
                book.override(name, value, interpretation=True)
            except InputError as exc:
                findings.append(Finding("error", spec.file, line, _with_accepted(exc)))
    return findings
