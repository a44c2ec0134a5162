"""Reading feature files: a typed Gherkin layer over gherkin-official (as pytest-bdd's gherkin_parser is).

Files (.feature and .feature.md) become ScenarioSpecs: each scenario, or each row of an Outline's Examples,
with its steps, lines, tags and Feature, whatever the Gherkin dialect. A file that cannot be read or
parsed is an InputError naming the file, the line and what is accepted; a step that looks misspelt
(a keyword with a typo) is reported, never silently skipped. Nothing here knows the law: the registry
is only asked whether a text is a known step.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError, StepErrors
from .inputs import read_text, visible_controls
from .steps import MAX_STEP_CHARS, StepKind, StepRegistry, bundled_registry

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
    fast = None if markdown else plain_specs(text, file)
    if fast is not None:
        return fast
    # The official parser, imported only for a file the fast path does not take.
    from gherkin.errors import CompositeParserException, ParserException
    from gherkin.parser import Parser
    from gherkin.pickles.compiler import Compiler
    from gherkin.token_scanner import TokenScanner

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


# -- a fast path for plain files ----------------------------------------------------------------------------
# gherkin-official spends ~70 µs a scenario matching every line against every token type. A plain English
# file (a Feature, its tags and description, Scenario or Example blocks of Given/When/Then/And/But steps)
# is read here in one pass into the same ScenarioSpecs; anything else (Background, Rule, outlines, tables,
# doc strings, `*`, tabs, a `# language` line, a description a comment interrupts) returns None, and the
# official parser reads the file. tests/test_fast_gherkin.py holds the two to the same output.

_STEP_WORDS: dict[str, StepKind | None] = {
    "Given ": "given",
    "When ": "when",
    "Then ": "then",
    "And ": None,
    "But ": None,
}
_TAG = re.compile(r"@[^\s@#]+")
_OTHER_KEYWORDS = (
    "Background:",
    "Rule:",
    "Scenario Outline:",
    "Scenario Template:",
    "Examples:",
    "Scenarios:",
)


def plain_specs(text: str, file: str) -> list[ScenarioSpec] | None:
    """The scenarios of a plain Gherkin file, exactly as the official parser gives them, or None to let it."""
    if "\t" in text or "\r" in text or '"""' in text or "```" in text or "|" in text or "language" in text:
        return None
    if len(text.splitlines()) != text.count("\n") + (not text.endswith("\n")):
        return None  # a line separator other than \n (U+2028, \x0c, ...): str.splitlines would split there
    feature: dict[str, Any] | None = None
    tags: list[tuple[str, int]] = []
    blocks: list[dict[str, Any]] = []
    description: list[str] | None = None  # the lines of the description being read, if one may be
    comment_after = False
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            if description is not None and description:
                description.append("")
            continue
        if line.startswith("#"):
            if description:
                comment_after = True
            continue
        if line.startswith("@"):
            found = line.split()
            if any(not _TAG.fullmatch(t) for t in found):
                return None
            tags += [(t, number) for t in found]
            description = None
            continue
        if line.startswith("Feature:"):
            if feature is not None or blocks:
                return None
            feature = {"name": line[8:].strip(), "line": number, "tags": tags, "description": []}
            tags, description, comment_after = [], feature["description"], False
            continue
        keyword = (
            "Scenario" if line.startswith("Scenario:") else "Example" if line.startswith("Example:") else ""
        )
        if keyword:
            if feature is None:
                return None
            block: dict[str, Any] = {
                "keyword": keyword,
                "name": line[len(keyword) + 1 :].strip(),
                "line": number,
                "tags": tags,
                "description": [],
                "steps": [],
            }
            blocks.append(block)
            tags, description, comment_after = [], block["description"], False
            continue
        head, space, rest = line.partition(" ")  # a step's keyword is its first word, then a space
        if space and head + " " in _STEP_WORDS and blocks and not tags:
            blocks[-1]["steps"].append((head, rest.strip(), number))
            description = None
            continue
        if line.startswith(_OTHER_KEYWORDS) or line.startswith("*") or tags:
            return None
        if description is None or comment_after:
            return None  # text where Gherkin expects a step or a keyword: let the official parser say so
        description.append(line)
    if feature is None or not blocks or tags:
        return None
    info = FeatureInfo(
        feature["name"],
        "Feature",
        _plain_description(feature["description"]),
        feature["line"],
        tuple(feature["tags"]),
    )
    specs = []
    for block in blocks:
        steps: list[StepSpec] = []
        kind: StepKind | None = None
        for keyword, step_text, number in block["steps"]:
            word = _STEP_WORDS[keyword + " "]
            kind = word if word is not None else kind  # And and But take the kind before them
            steps.append(StepSpec(kind=kind, keyword=keyword, text=step_text, line=number))
        specs.append(
            ScenarioSpec(
                block["name"],
                file,
                block["line"],
                tuple(steps),
                tuple(t for t, _ in [*feature["tags"], *block["tags"]]),
                None,
                block["keyword"],
                _plain_description(block["description"]),
                info,
                block["line"],
            )
        )
    return specs


def _plain_description(lines: list[str]) -> str:
    return "\n".join(lines).strip()


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

    @functools.cached_property
    def bare(self) -> frozenset[str]:
        """The step keywords without their space: a line of just "Given" is a step, an empty one."""
        return frozenset(k.strip() for k in self.steps)

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
        if line.startswith(words.steps) or line in words.bare:  # a step (str.startswith takes them all)
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
        if line.startswith(words.steps):
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


# Past this many scenarios a run holds none of them: they are parsed again, a file at a time, as they run.
STREAM_MIN = 20_000


class SpecStream:
    """The scenarios of many files, read a file at a time each time they are iterated (twice: once to check
    and count them, once to run them), so a run of a million scenarios holds one file's, not all of them."""

    def __init__(self, files: list[Path], total: int, registry: StepRegistry | None) -> None:
        self.files = files
        self.total = total
        self.registry = registry
        self.errors: list[InputError] = []  # a file that changed or vanished between the two readings

    def __len__(self) -> int:
        return self.total

    def __iter__(self) -> Iterator[ScenarioSpec]:
        for path in self.files:
            try:
                yield from parse_feature(path, self.registry)
            except InputError as exc:
                self.errors.append(exc)


def _parsed(
    paths: Iterable[Path],
    registry: StepRegistry | None,
    notes: list[InputError] | None,
    errors: list[InputError],
) -> Iterator[tuple[Path, list[ScenarioSpec]]]:
    """Each feature file with its scenarios; a bad file goes to `errors`, an empty one to `notes` (as
    cucumber-js counts it: 0 scenarios, not an error), and the others are still read."""
    for path in feature_files(paths, errors):
        try:
            yield path, parse_feature(path, registry)
        except NoScenarios as exc:
            (notes if notes is not None else errors).append(exc)
        except InputError as exc:
            errors.append(exc)


def collect_streaming(
    paths: Iterable[Path], registry: StepRegistry | None = None, notes: list[InputError] | None = None
) -> tuple[list[ScenarioSpec] | SpecStream, list[InputError]]:
    """As `collect`, but past STREAM_MIN scenarios the specs are not kept: a SpecStream reads them again
    as they run. The input errors and notes are the same as `collect`'s, found before anything runs."""
    specs: list[ScenarioSpec] = []
    errors: list[InputError] = []
    read: list[Path] = []
    total = 0
    for path, found in _parsed(paths, registry, notes, errors):
        read.append(path)
        total += len(found)
        if total <= STREAM_MIN:
            specs.extend(found)
        else:
            specs = []  # past the size a run keeps: read again as it runs
    if total <= STREAM_MIN:
        return specs, errors
    return SpecStream(read, total, registry), errors


def collect(
    paths: Iterable[Path], registry: StepRegistry | None = None, notes: list[InputError] | None = None
) -> tuple[list[ScenarioSpec], list[InputError]]:
    """Parse every feature file; a bad file is reported and the others still run. With `notes`, a valid file
    with no scenarios (empty, or a Feature alone) is 0 scenarios and a note, as cucumber-js counts it."""
    errors: list[InputError] = []
    specs = [spec for _, found in _parsed(paths, registry, notes, errors) for spec in found]
    return specs, errors
