"""Reading YAML safely: no tag builds a Python object, duplicate keys and hostile aliases are refused, and
every value keeps its line, so a message can name the file and line of what is wrong.

Both the rule packs (`loading`) and the bundled names (`names`) are read with it; it depends on neither.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import InputError, InputErrors
from .inputs import read_text, visible_everywhere

Path_ = tuple[str | int, ...]


def _lines(node: yaml.Node, path: Path_, out: dict[Path_, int]) -> None:
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            sub = (*path, str(key.value))
            out[sub] = key.start_mark.line + 1
            _lines(value, sub, out)
            out[sub] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _lines(item, (*path, i), out)


def _line_for(loc: Iterable[Any], lines: dict[Path_, int]) -> int:
    path: Path_ = ()
    best = lines.get((), 1)
    for part in loc:
        path = (*path, part)
        if path in lines:
            best = lines[path]
    return best


def safe_loader() -> Any:
    """The safe loader to use: the C one (several times faster) when it builds this `yaml`'s nodes, else the
    pure-Python one; both construct no Python objects.

    Decided when a pack is loaded, not when this module is imported: the C extension `yaml._yaml` is
    initialised once per process, so after `yaml` is imported again (pytester's in-process runs, a
    reloader, notebook autoreload) it still builds the first import's node classes, which the new
    constructor does not recognise ("could not determine a constructor for the tag None")."""
    c_loader = getattr(yaml, "CSafeLoader", None)
    if c_loader is None:
        return yaml.SafeLoader
    key = id(yaml.nodes.MappingNode)
    known = _C_LOADER_FITS.get(key)
    if known is None:
        probe = c_loader("a: 1")
        try:
            known = isinstance(probe.get_single_node(), yaml.nodes.MappingNode)
        finally:
            probe.dispose()
        _C_LOADER_FITS[key] = known
    return c_loader if known else yaml.SafeLoader


_C_LOADER_FITS: dict[int, bool] = {}


def load_yaml(
    text: str, file: str, keys: str = "a YAML mapping with a 'pack' key"
) -> tuple[Any, dict[Path_, int]]:
    """Parse YAML with the safe loader only; a tag that would build a Python object is refused."""
    if "\x00" in text:
        raise InputError(
            "the file holds a NUL byte.",
            file=file,
            line=text[: text.index("\x00")].count("\n") + 1,
            accepted="a UTF-8 YAML text file",
        )
    try:
        loader = safe_loader()(text)
    except yaml.YAMLError as exc:  # the reader refuses control characters before parsing starts
        raise InputError(f"YAML error: {exc}.", file=file, line=1, accepted="printable UTF-8 text") from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise InputError("the file is empty.", file=file, line=1, accepted=keys)
        _check_nodes(node, file)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = (exc.problem or str(exc)).strip()
        if isinstance(exc, yaml.constructor.ConstructorError):
            problem += " (rule packs are data: tags that construct objects are refused)"
        raise InputError(
            f"YAML error: {problem}.", file=file, line=line, accepted="plain YAML data"
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(f"YAML error: {exc}.", file=file, line=1, accepted="plain YAML data") from None
    except ValueError as exc:  # PyYAML builds dates itself and raises a bare ValueError for 2026-02-30
        raise InputError(
            f"{exc}.",
            file=file,
            line=_bad_timestamp_line(loader, node),
            accepted="a real calendar date, YYYY-MM-DD",
        ) from None
    finally:
        loader.dispose()
    lines: dict[Path_, int] = {}
    _lines(node, (), lines)
    return data, lines


MAX_EXPANDED_NODES = 100_000  # values any pack may reach once its aliases are expanded (the law has ~10,000)
ALIAS_GROWTH = 10  # a larger pack may grow by aliases to this many times the values it writes
MAX_PACK_NODES = 2_000_000  # values one pack may write (a 10,000-provision pack writes about 300,000)


def _check_nodes(root: yaml.Node, file: str) -> None:
    """One walk over the document before anything is built from it. Aliases may reuse a value; they may not
    expand a file to millions of values, nor contain themselves. A key may not be given twice in a mapping:
    YAML would silently keep only the last value."""
    size: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:  # iterative, so a deep document cannot exhaust Python's recursion either
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            open_nodes.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in children)
            continue
        if key in size:
            continue
        if key in open_nodes:
            raise InputError(
                "a YAML alias refers to a value that contains it.",
                file=file,
                line=node.start_mark.line + 1,
                accepted="aliases to values defined before them, without cycles",
            )
        if isinstance(node, yaml.MappingNode):
            _refuse_duplicate_keys(node, file)
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in size)
    # Sizes are counted, never built, so the walk is linear in the file even when aliases would expand it.
    written, expanded = len(size), size[id(root)]
    if written > MAX_PACK_NODES:
        raise InputError(
            f"the pack holds {written:,} values, more than the {MAX_PACK_NODES:,} one pack may hold.",
            file=file,
            line=1,
            accepted="a statute per pack: split a larger body of law over several packs",
        )
    if expanded > max(MAX_EXPANDED_NODES, ALIAS_GROWTH * written):
        # F07: this used to be said of any large pack, aliases or none.
        raise InputError(
            f"YAML aliases expand this file from {written:,} to {expanded:,} values.",
            file=file,
            line=1,
            accepted=f"aliases that reuse a value a few times (as rules/README.md shows): at most "
            f"{max(MAX_EXPANDED_NODES, ALIAS_GROWTH * written):,} values once expanded",
        )


def _refuse_duplicate_keys(node: yaml.MappingNode, file: str) -> None:
    first: dict[str, int] = {}
    for key, _ in node.value:
        if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
            line = key.start_mark.line + 1
            if key.value in first:
                raise InputError(
                    f"{key.value}: duplicate key (first given on line {first[key.value]}); YAML "
                    "would silently keep only the last value.",
                    file=file,
                    line=line,
                    accepted="each key once in a mapping",
                )
            first[key.value] = line


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _bad_timestamp_line(loader: Any, node: yaml.Node | None) -> int | None:
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode) and current.tag == "tag:yaml.org,2002:timestamp":
            try:
                loader.construct_yaml_timestamp(current)
            except ValueError:
                return current.start_mark.line + 1
        elif isinstance(current, yaml.MappingNode):
            stack.extend(v for kv in current.value for v in kv)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return None


Model = TypeVar("Model", bound=BaseModel)


def load_validated(path: Path, model: type[Model], what: str, keys: str) -> tuple[Model, dict[Path_, int]]:
    """A YAML file validated into a pydantic model (a rule pack, a bill), with its lines; every problem is an
    InputError at its file and line, saying what is accepted."""
    file = str(path)
    data, lines = load_yaml(read_text(path, what), file, keys)
    data = visible_everywhere(data)
    if not isinstance(data, dict):
        raise InputError(f"the file is not a YAML mapping; {what} is one.", file=file, line=1, accepted=keys)
    try:
        return model.model_validate(data), lines
    except ValidationError as exc:
        errors = [
            InputError(
                _describe(e) + ".",
                file=file,
                line=_line_for(e["loc"], lines),
                accepted=_accepted_for(e),
            )
            for e in exc.errors()
        ]
        raise InputErrors(errors) from None


def _describe(err: Any) -> str:
    loc = ".".join(str(p) for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    msg = str(err["msg"]).removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        msg = "unknown key"
    elif err["type"] == "missing":
        msg = "required key is missing"
    elif err["type"] == "string_pattern_mismatch" and err.get("ctx", {}).get("pattern") in PATTERN_WORDS:
        msg = f"{err.get('input')!r} is not {PATTERN_WORDS[err['ctx']['pattern']][0]}"
    return f"{loc}: {msg}" if loc else msg


def _accepted_for(err: Any) -> str:
    if err["type"] == "extra_forbidden":
        return "the keys documented in rules/README.md (installed as constraint_engine/rules/README.md)"
    if err["type"] == "literal_error":
        return str(err.get("ctx", {}).get("expected", ""))
    if err["type"].startswith("date"):
        return "an ISO date such as 2023-12-22"
    if err["type"] == "string_pattern_mismatch" and err.get("ctx", {}).get("pattern") in PATTERN_WORDS:
        return PATTERN_WORDS[err["ctx"]["pattern"]][1]
    return ""


# Patterns the models declare, in words (what it is not, what is accepted): a refused value is said in them,
# not as a regular expression. The models register theirs (models.ID_PATTERN).
PATTERN_WORDS: dict[str, tuple[str, str]] = {}
