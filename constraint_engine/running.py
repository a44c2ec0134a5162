"""Run Gherkin scenarios: parse feature files, build proposals, evaluate them, check the Then steps."""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import difflib
import functools
import hashlib
import os
import re
import signal
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from gherkin.errors import CompositeParserException, ParserException
from gherkin.parser import Parser
from gherkin.pickles.compiler import Compiler
from gherkin.token_scanner import TokenScanner
from pydantic import ValidationError

from .cases import Case
from .compiling import CompiledRules, compile_rulebook
from .curing import cures
from .engine import Adapter, Evaluation, durable_message
from .engines import make_engine
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
from .inputs import read_bytes, read_text, visible_controls
from .loading import RuleBook, RuleDirs, load_rulebook, rule_dirs
from .steps import (
    MAX_STEP_CHARS,
    ExpectationFailed,
    ScenarioBuilder,
    StepError,
    StepKind,
    StepRegistry,
    bundled_registry,
    registry_for,
)

# "unchecked": the scenario ran and has a verdict, but no Then step checked it; not a pass.
Status = Literal["passed", "failed", "unchecked", "error"]
UNCHECKED = "the scenario has no Then step, so nothing was checked"
_KINDS: dict[str, StepKind] = {"Context": "given", "Action": "when", "Outcome": "then"}


@dataclass(frozen=True)
class StepSpec:
    kind: StepKind | None
    keyword: str
    text: str
    line: int
    argument: str | None = None  # "data table" or "doc string", when one is attached to the step
    rows: tuple[tuple[str, ...], ...] | None = None  # the data table's cells, for reports
    doc_string: tuple[str, int, str] | None = None  # the doc string's text, line and media type


@dataclass(frozen=True)
class FeatureInfo:
    """The Feature a scenario belongs to, as reports show it."""

    name: str
    keyword: str
    description: str
    line: int
    tags: tuple[tuple[str, int], ...] = ()  # each tag with its line


@dataclass(frozen=True)
class ScenarioSpec:
    name: str
    file: str
    line: int
    steps: tuple[StepSpec, ...]
    tags: tuple[str, ...] = ()
    row_line: int | None = None  # for a row of a Scenario Outline's Examples: that row's line
    keyword: str = "Scenario"  # its own: Scenario, Scenario Outline, Example, or a dialect's word
    description: str = ""
    feature: FeatureInfo | None = None
    block_line: int | None = None  # the line of its Scenario or Scenario Outline keyword

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass
class ScenarioResult:
    spec: ScenarioSpec
    status: Status
    verdict: Verdict | None = None
    messages: list[str] = field(default_factory=list)
    seconds: float = 0.0  # how long it took to build, evaluate and check (JUnit's time)


def feature_files(paths: Iterable[Path], unreadable: list[InputError] | None = None) -> list[Path]:
    """Every .feature file under the given files and folders, in a stable order.

    A folder inside them that cannot be read is added to `unreadable` (never skipped in silence).
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            files, errors = _walk(path)
            if unreadable is not None:
                unreadable.extend(errors)
            if not files and not errors:
                raise InputError(
                    "the folder holds no .feature files.", file=str(path), accepted="*.feature files"
                )
            found.extend(files)
        elif path.exists():  # a file; one that is not regular is refused when read, with its name
            found.append(path)
        else:
            raise InputError(
                "no such file or folder.", file=str(path), accepted="feature files or folders of them"
            )
    return found


def _walk(folder: Path) -> tuple[list[Path], list[InputError]]:
    errors: list[InputError] = []

    def refused(exc: OSError) -> None:
        errors.append(
            InputError(
                f"cannot read the folder: {exc.strerror or exc}.",
                file=str(exc.filename or folder),
                accepted="folders the user may read",
            )
        )

    files = [
        Path(root, name)
        for root, _, names in os.walk(folder, onerror=refused)
        for name in names
        if name.endswith((".feature", ".feature.md"))
    ]
    return sorted(files), errors


def is_markdown(file: str) -> bool:
    """Markdown with Gherkin (`.feature.md`), as Cucumber reads it: '# Feature:', '## Scenario:', '* Given'
    (headings and list items; the rest is prose)."""
    return file.endswith(".md")


def matcher_for(file: str) -> Any:
    """The token matcher gherkin-official reads a file's text with: Markdown's for `.feature.md`."""
    if not is_markdown(file):
        return None
    from gherkin.token_matcher_markdown import GherkinInMarkdownTokenMatcher

    return GherkinInMarkdownTokenMatcher()


class NoScenarios(InputError):
    """A valid Gherkin file that holds no scenario: an error where one is needed, else 0 scenarios."""


def parse_feature(path: Path, registry: StepRegistry | None = None) -> list[ScenarioSpec]:
    """A feature file's scenarios; it must be a regular UTF-8 file within the size limit (inputs.py).
    `registry` holds the phrases of the law the file is read against (default: the bundled law's)."""
    return parse_feature_text(read_text(path, "a Gherkin .feature file"), str(path), registry)


def parse_feature_text(text: str, file: str, registry: StepRegistry | None = None) -> list[ScenarioSpec]:
    if "\x00" in text:
        raise InputError(
            "the file is binary, not text.", file=file, line=1, accepted="a Gherkin .feature file"
        )
    text = visible_controls(text.removeprefix("\ufeff"))  # a byte-order mark is no part of the text
    markdown = is_markdown(file)
    # gherkin-official reads a misspelt keyword as free description, silently dropping a step or a
    # whole scenario; check for near-misses first (in Markdown, prose is meant to be free).
    misspelt = (
        []
        if markdown
        else [
            InputError(problem, file=file, line=line_no, accepted=_ACCEPTED)
            for line_no, problem in _misspellings(text, registry)
        ]
    )
    if misspelt:  # every one of them, so a file is fixed in one pass
        raise misspelt[0] if len(misspelt) == 1 else StepErrors(misspelt)
    try:
        document = Parser().parse(TokenScanner(text), matcher_for(file))
    except CompositeParserException as exc:
        found = [
            InputError(_parser_message(e), file=file, line=_line_of(e), accepted=_ACCEPTED)
            for e in exc.errors
        ]
        raise found[0] if len(found) == 1 else StepErrors(found) from None
    except ParserException as exc:
        raise InputError(_parser_message(exc), file=file, line=_line_of(exc), accepted=_ACCEPTED) from None
    if not document.get("feature"):
        raise NoScenarios("no Feature in this file.", file=file, line=1, accepted=_ACCEPTED)
    with_uri: Any = {**document, "uri": file}
    step_lines: dict[str, int] = {}
    scenario_lines: dict[str, int] = {}
    keywords: dict[str, str] = {}
    _index(document["feature"], step_lines, scenario_lines, keywords)
    blocks = _blocks(document["feature"])
    head = document["feature"]
    feature = FeatureInfo(
        head.get("name", ""),
        head.get("keyword", "Feature"),
        _description(head),
        head["location"]["line"],
        tuple((t["name"], t["location"]["line"]) for t in head.get("tags", [])),
    )
    specs = []
    for pickle in Compiler().compile(with_uri):
        steps = tuple(_step_spec(s, keywords, step_lines) for s in pickle["steps"])
        line = pickle.get("location", {}).get("line") or scenario_lines.get(pickle["astNodeIds"][0], 1)
        tags = tuple(t["name"] for t in pickle.get("tags", []))
        row = scenario_lines.get(pickle["astNodeIds"][1]) if len(pickle["astNodeIds"]) > 1 else None
        block = blocks.get(pickle["astNodeIds"][0], {})
        keyword = block.get("keyword", "Scenario")
        specs.append(
            ScenarioSpec(
                pickle["name"],
                file,
                line,
                steps,
                tags,
                row,
                keyword,
                _description(block),
                feature,
                scenario_lines.get(pickle["astNodeIds"][0]),
            )
        )
    if not specs:
        raise NoScenarios("the file holds no scenarios.", file=file, line=1, accepted=_ACCEPTED)
    return specs


_ACCEPTED = "Gherkin: a 'Feature:' line, then 'Scenario:' blocks of Given/When/Then steps"
_ARGUMENTS = {"dataTable": "data table", "docString": "doc string"}
_UNFILLED = re.compile(r"<[^<>\s]+>")


def step_problem(spec: ScenarioSpec, step: StepSpec) -> InputError | None:
    """What Gherkin accepts but the engine would silently get wrong: an argument no phrase takes, a
    placeholder no Examples column fills."""
    if step.argument:
        return InputError(
            f"a {step.argument} is attached to this step, but no phrase takes one: it would be ignored.",
            file=spec.file,
            line=step.line,
            accepted="steps without a data table or doc string",
        )
    unfilled = _UNFILLED.search(step.text) if spec.row_line is not None else None
    if unfilled:
        return InputError(
            f"the Examples have no column {unfilled.group()[1:-1]!r} for {unfilled.group()} in this step.",
            file=spec.file,
            line=step.line,
            accepted="a column of that name in the Examples table",
        )
    return None


_LANGUAGE = re.compile(r"^\s*#\s*language\s*:\s*([a-zA-Z\-_]+)\s*$")  # as gherkin's token matcher reads it


@dataclass(frozen=True)
class _Keywords:
    """A dialect's keywords: the block ones (with a colon) and the step ones (with their trailing space)."""

    blocks: tuple[str, ...]
    steps: tuple[str, ...]  # longest first, so "Etant donné que " is tried before "Etant donné "

    @property
    def step_words(self) -> str:
        return ", ".join(dict.fromkeys(k.strip() for k in self.steps if k.strip() != "*"))


def _keywords(text: str) -> _Keywords:
    """The keywords of the dialect a file declares on a `# language:` line before its first other line."""
    name = "en"
    for raw in text.splitlines():
        if not raw.strip():
            continue
        m = _LANGUAGE.match(raw)
        if m:
            name = m.group(1)
        if not raw.lstrip().startswith("#"):
            break
    return _dialect_keywords(name)


@functools.cache
def _dialect_keywords(name: str) -> _Keywords:
    from gherkin.dialect import Dialect

    dialect = Dialect.for_name(name) or Dialect.for_name("en")
    assert dialect is not None
    blocks = [
        *dialect.feature_keywords,
        *dialect.background_keywords,
        *dialect.scenario_keywords,
        *dialect.scenario_outline_keywords,
        *dialect.examples_keywords,
        *dialect.rule_keywords,
    ]
    steps = {
        *dialect.given_keywords,
        *dialect.when_keywords,
        *dialect.then_keywords,
        *dialect.and_keywords,
        *dialect.but_keywords,
    }
    return _Keywords(tuple(dict.fromkeys(blocks)), tuple(sorted(steps, key=len, reverse=True)))


def _misspellings(text: str, registry: StepRegistry | None = None) -> Iterator[tuple[int, str]]:
    """Lines that are almost a Gherkin keyword of the file's dialect, with steps after them that Gherkin would
    take for description; or a known step with no keyword at all."""
    known = registry or bundled_registry()
    words = _keywords(text)
    lines = text.splitlines()
    fence = ""  # the fence of the doc string we are in: only the same fence closes it
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if fence:
            if line.startswith(fence):
                fence = ""
            continue
        if line.startswith(('"""', "```")):
            fence = line[:3]
            continue
        if not line or line[0] in "#@|":
            continue
        head, colon, _ = line.partition(":")
        if colon and head.strip() in words.blocks:
            continue
        if colon and len(head) <= 30 and _steps_follow(lines, number, words):
            near = difflib.get_close_matches(head, words.blocks, n=1, cutoff=0.8)
            if near:
                yield number, f"{head + ':'!r} is not a Gherkin keyword; did you mean {near[0] + ':'!r}?"
                continue
        keyword = next((k for k in words.steps if line.startswith(k) or line == k.strip()), None)
        if keyword is not None:
            continue
        word, _, rest = line.partition(" ")
        if _is_known_step(known, line):
            yield number, f"{line!r} is a step with no keyword; start it with {words.step_words}."
        elif rest and _is_known_step(known, rest):
            near = difflib.get_close_matches(word, [k.strip() for k in words.steps], n=1, cutoff=0.5)
            hint = f"did you mean {near[0]!r}?" if near else f"start it with {words.step_words}."
            yield number, f"{word!r} is not a Gherkin step keyword; {hint}"


def _steps_follow(lines: list[str], number: int, words: _Keywords) -> bool:
    """Steps come after this line before the next block keyword: taken for a description, they would be lost
    with it (a description line such as "Rules: house style" has none after it)."""
    for raw in lines[number:]:
        line = raw.strip()
        if not line or line[0] in "#@|":
            continue
        head, colon, _ = line.partition(":")
        if colon and head.strip() in words.blocks:
            return False
        if any(line.startswith(k) for k in words.steps):
            return True
    return False


def _is_known_step(registry: StepRegistry, text: str) -> bool:
    if len(text) > MAX_STEP_CHARS:  # too long to be a phrase; the step itself will say so
        return False
    return any(step.regex.match(text) for step in registry.steps)


def _parser_message(exc: Exception) -> str:
    text = str(exc)
    if text.startswith("("):
        text = text.split("):", 1)[-1].strip()
    return f"not valid Gherkin: {text}."


def _line_of(exc: Any) -> int | None:
    location = getattr(exc, "location", None)
    return location.get("line") if isinstance(location, dict) else None


def _step_spec(s: Any, keywords: dict[str, str], step_lines: dict[str, int]) -> StepSpec:
    argument = s.get("argument") or {}
    table = argument.get("dataTable")
    doc = argument.get("docString")
    line = step_lines.get(s["astNodeIds"][0], 0)
    return StepSpec(
        kind=_KINDS.get(s["type"]),
        keyword=keywords.get(s["astNodeIds"][0], s["type"]),
        text=s["text"],
        line=line,
        argument=_ARGUMENTS.get(next(iter(argument), "")),
        rows=tuple(tuple(c["value"] for c in r["cells"]) for r in table["rows"]) if table else None,
        # A pickle's doc string has no line: it starts on the line after its step.
        doc_string=(doc["content"], line + 1, doc.get("mediaType", "")) if doc else None,
    )


def _blocks(node: Any) -> dict[str, Any]:
    """Every scenario (and outline) node of the AST, by id, inside Rules too."""
    out: dict[str, Any] = {}
    for child in node.get("children", []):
        if "scenario" in child:
            out[child["scenario"]["id"]] = child["scenario"]
        if "rule" in child:
            out.update(_blocks(child["rule"]))
    return out


def _description(node: Any) -> str:
    """A Feature's or scenario's description, its lines trimmed as Gherkin gives them."""
    return "\n".join(line.strip() for line in str(node.get("description") or "").splitlines()).strip()


def _index(node: Any, steps: dict[str, int], scenarios: dict[str, int], keywords: dict[str, str]) -> None:
    """Lines and keywords of steps, and lines of scenarios and example rows, by AST id."""
    for child in node.get("children", []):
        for part in ("background", "scenario", "rule"):
            if part in child:
                _index_block(child[part], steps, scenarios, keywords)


def _index_block(
    block: Any, steps: dict[str, int], scenarios: dict[str, int], keywords: dict[str, str]
) -> None:
    if "children" in block:  # a Rule holds its own backgrounds and scenarios
        _index(block, steps, scenarios, keywords)
    scenarios[block["id"]] = block["location"]["line"]
    for step in block.get("steps", []):
        steps[step["id"]] = step["location"]["line"]
        keywords[step["id"]] = step["keyword"].strip()
    for examples in block.get("examples", []):
        for row in examples.get("tableBody", []):
            scenarios[row["id"]] = row["location"]["line"]


def collect(
    paths: Iterable[Path], registry: StepRegistry | None = None, notes: list[InputError] | None = None
) -> tuple[list[ScenarioSpec], list[InputError]]:
    """Parse every feature file; a bad file is reported and the others still run. With `notes`, a valid file
    with no scenarios (empty, or a Feature alone) is 0 scenarios and a note, as cucumber-js counts it."""
    specs: list[ScenarioSpec] = []
    errors: list[InputError] = []
    for path in feature_files(paths, errors):
        try:
            specs.extend(parse_feature(path, registry))
        except NoScenarios as exc:
            (notes if notes is not None else errors).append(exc)
        except InputError as exc:
            errors.append(exc)
    return specs, errors


_LAW: dict[str, tuple[RuleBook, CompiledRules, Adapter]] = {}
_PROBES: dict[tuple[str, str], Adapter] = {}


def _law(rules: Path | RuleDirs | None) -> tuple[RuleBook, CompiledRules, Adapter]:
    """Load, compile and register the law once per process, cached by the hash of the packs' content."""
    dirs = rule_dirs(rules)
    digest = hashlib.sha256()
    for path in dirs.files():
        digest.update(str(path.parent).encode() + b"\0" + path.name.encode() + b"\0")
        try:
            digest.update(read_bytes(path, "a rule pack"))
        except InputError:
            digest.update(b"unreadable")  # load_rulebook reports it
    for bill in dirs.amendments:
        digest.update(b"amendment\0" + str(bill).encode() + b"\0")
        try:
            digest.update(read_bytes(bill, "an amendment"))
        except InputError:
            digest.update(b"unreadable")  # load_rulebook reports it
    digest.update(dirs.engine.encode())
    key = digest.hexdigest()
    if key not in _LAW:
        book = load_rulebook(dirs)
        compiled = compile_rulebook(book)
        try:
            engine = make_engine(compiled, dirs.engine)
        except InputError:
            raise
        except Exception as exc:  # the engine refused what we compiled: nothing can be evaluated
            raise InputError(
                f"the engine refused the compiled rules ({type(exc).__name__}: {durable_message(exc)}).",
                file=dirs.folder(),
                accepted="rule packs whose conditions follow rules/README.md",
            ) from None
        if len(_LAW) >= 8:  # a few laws per process at most (what-ifs don't need one: they are parameters)
            _LAW.pop(next(iter(_LAW)))
        _LAW[key] = (book, compiled, engine)
    return _LAW[key]


class Runner:
    """Loads and compiles the law once, then evaluates scenarios one session each."""

    def __init__(
        self,
        rules_dir: Path | RuleDirs | None = None,
        *,
        today: dt.date | None = None,
        settings: dict[str, str] | None = None,
        assumptions: dict[str, str] | None = None,
    ):
        """`settings` are what-if parameter values (--set), `assumptions` interpretations (--assume)."""
        book, self.compiled, self.engine = _law(rules_dir)
        self.engine_name = rule_dirs(rules_dir).engine
        amended: dict[str, Any] = {}
        for pid, raw in (settings or {}).items():
            amended[pid] = book.override(pid, raw, interpretation=False)
        for pid, raw in (assumptions or {}).items():
            amended[pid] = book.override(pid, raw, interpretation=True)
        self.book = book.amended(amended)  # the law of this run: a what-if is an amended law
        self.today = today or dt.date.today()
        self.citations = self.book.citations
        self.interpretations = self.book.interpretations
        self.registry = registry_for(self.book)  # the phrases of this law, the engine's own and its packs'
        self._probes: Adapter | None = None  # the probe ruleset's engine, when an explanation first needs it

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
                proven = cures(self.engine, case, ev)
            if ev.outcome != "error" and (qualify if qualify is not None else not brief):
                self.engine.trace_matches = False
                depends = self._dependence(case, ev)
        except Exception as exc:  # an internal fault fails closed: an error verdict, never "permitted"
            ev = Evaluation(outcome="error", error=f"internal error: {type(exc).__name__}: {exc}")
        try:
            verdict = explain(case.book, case.proposal, ev, proven, brief=brief)
        except Exception as exc:  # likewise: a fault while explaining is an error verdict, never a pass
            ev = Evaluation(outcome="error", error=f"internal error: {type(exc).__name__}: {exc}")
            verdict, depends = explain(case.book, case.proposal, ev, None, brief=brief), []
        verdict.depends_on = depends
        return verdict

    def probe_engine(self) -> Adapter:
        """An engine for the ruleset with a probe rule per condition (built once, when first needed): which
        conditions of which provisions hold, as the engine decides them (coverage)."""
        if self._probes is None:
            # One per law and engine in a process, as the verdict's engine is (each Runner made its own: 1,558
            # `evaluate` calls in one process held 6 GB of durable-rules rulesets). The same factory as the
            # verdict's engine: --engine clips works where durable-rules cannot run.
            key = (self.compiled.name, self.engine_name)
            probes = _PROBES.get(key)
            if probes is None:
                probes = make_engine(compile_rulebook(self.book, probes=True), self.engine_name)
                probes.trace_matches = False
                if len(_PROBES) >= 8:
                    _PROBES.pop(next(iter(_PROBES)))
                _PROBES[key] = probes
            self._probes = probes
        return self._probes

    def _dependence(self, case: Case, ev: Evaluation) -> list[Dependence]:
        """Each interpretation the verdict rests on whose other readings give another outcome: the same
        case under the law amended to each other reading."""
        out = []
        book = case.book
        for name in interpretations_for(book, case.proposal):
            param = book.parameters[name]
            used = str(book.value(name, case.date))
            outcomes = {used: outcome_words(book, ev)}
            for reading in param.choices:
                if reading != used:
                    other = case.under({name: reading})
                    outcomes[reading] = outcome_words(book, self.engine.evaluate(other))
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
        return Case(builder.proposal(self.today), self.book.amended(readings))

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
        if deps_was.get(name) != deps_now.get(name):
            out.append(
                f"the outcome {'now depends' if name in deps_now else 'no longer depends'} on the "
                f"interpretation {name}"
            )
    return out


# -- several processes: the engine holds the GIL, so threads would not help -----------------------------

_WORKER: Runner | None = None
_CHUNK = 64


def _init_worker(options: dict[str, Any]) -> None:
    global _WORKER
    # A worker forked while the parent held signals (signals_held) inherits the mask: take it off first.
    with contextlib.suppress(AttributeError, ValueError):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what an interrupt means
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited by fork: just end
    _die_with_parent()
    _WORKER = Runner(**options)


def _die_with_parent() -> None:
    """On Linux, have the kernel end this worker if its parent dies, so no worker is ever left orphaned."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # elsewhere the parent's own cleanup has to do
        pass


def _run_chunk(specs: list[ScenarioSpec], how: dict[str, Any]) -> list[Any]:
    """Run a chunk; with a `render` function, return (status, rendered) pairs, which pickle far faster."""
    results = [
        worker().run(s, with_cures=how["with_cures"], brief=how["brief"], strict=how["strict"]) for s in specs
    ]
    render = how.get("render")
    return [(r.status, render(r)) for r in results] if render else results


def _died(specs: list[ScenarioSpec], how: dict[str, Any]) -> list[Any]:
    """The results of scenarios whose worker process died twice: errors that say so, never a verdict."""
    out: list[Any] = []
    for spec in specs:
        message = f"{spec.location}: worker died: the process evaluating this scenario was killed, twice."
        result = ScenarioResult(spec, "error", None, [message])
        out.append((result.status, how["render"](result)) if how.get("render") else result)
    return out


def run_in_processes(
    specs: list[ScenarioSpec],
    jobs: int,
    options: dict[str, Any],
    *,
    with_cures: bool = False,
    brief: bool = False,
    strict: bool = False,
    render: Any = None,
) -> Iterator[Any]:
    """Run scenarios in `jobs` worker processes; results come back, as they are done, in the order of `specs`.

    `options` are the Runner's keyword arguments (rules_dir, today, settings, assumptions): each worker
    loads and compiles the law once. With `render` (a module-level function of a ScenarioResult), the
    workers render and return (status, rendered) pairs instead of results. At most `jobs` x 4 chunks are in
    flight at once (F09: submitting every chunk up front held a 40,000-row Outline's results in the parent,
    1.42 GB); each chunk's results are handed on before more work is submitted. If a worker dies, every
    chunk not finished is run again, each in a pool of its own; a chunk whose worker dies again gives error
    results.
    """
    from concurrent.futures.process import BrokenProcessPool

    how = {"with_cures": with_cures, "brief": brief, "strict": strict, "render": render}
    chunks = (specs[i : i + _CHUNK] for i in range(0, len(specs), _CHUNK))
    window = max(2, jobs * 4)
    pending: collections.deque[tuple[list[ScenarioSpec], Any]] = collections.deque()
    broken = False
    with _stopped_on_exit(worker_pool(jobs, options)) as pool:

        def submit_more() -> None:
            while not broken and len(pending) < window:
                chunk = next(chunks, None)
                if chunk is None:
                    return
                with signals_held():
                    pending.append((chunk, pool.submit(_run_chunk, chunk, how)))

        submit_more()
        while pending:
            chunk, future = pending.popleft()
            results = None
            if not broken:
                try:
                    results = future.result()
                except BrokenProcessPool:
                    broken = True
            if results is None:
                results = _alone(chunk, how, options)
            yield from results
            submit_more()
    for chunk in chunks:  # after a worker died: the chunks never submitted, each alone
        yield from _alone(chunk, how, options)


def _alone(chunk: list[ScenarioSpec], how: dict[str, Any], options: dict[str, Any]) -> list[Any]:
    """A chunk run again in a pool of its own, after a worker died; error results if it dies again."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        with _stopped_on_exit(worker_pool(1, options)) as alone:
            with signals_held():
                future = alone.submit(_run_chunk, chunk, how)
            return list(future.result())
    except BrokenProcessPool:
        return _died(chunk, how)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM while work is handed to a pool: the pool does it under a lock that its own
    shutdown takes again, so an interrupt inside it would leave the command waiting for ever. A signal that
    arrives meanwhile is delivered when the block ends."""
    held = {signal.SIGINT, signal.SIGTERM}
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (AttributeError, ValueError):  # no pthread_sigmask here, or not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class _stopped_on_exit:
    """A worker pool that, when left by an exception (an interrupt, SIGTERM), ends its workers at once
    instead of waiting for them to finish their chunks."""

    def __init__(self, pool: Any) -> None:
        self.pool = pool

    def __enter__(self) -> Any:
        return self.pool.__enter__()

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> None:
        if kind is not None:
            self._stop()
            return
        try:  # an interrupt can come while the pool is being shut down normally, too
            self.pool.__exit__(kind, exc, tb)
        except BaseException:
            self._stop()
            raise

    def _stop(self) -> None:
        for process in list((getattr(self.pool, "_processes", None) or {}).values()):
            process.terminate()
        self.pool.shutdown(wait=False, cancel_futures=True)


def worker_pool(jobs: int, options: dict[str, Any]) -> Any:
    """Worker processes, each with a Runner of its own (`worker()`); forked where the system can."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(options,))


def worker() -> Runner:
    """This worker process's Runner."""
    assert _WORKER is not None, "not in a worker process"
    return _WORKER
