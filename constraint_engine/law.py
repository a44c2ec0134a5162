"""The law of a run (OpenFisca's tax-benefit system): the loaded packs, their compiled rules, the engine
that runs them, the phrase registry, and every cache, built once per process for each set of packs.

A what-if (--set, --assume, a scenario's own reading) is `law.amended(settings)`: another Law that shares
everything compiled and differs only in its RuleBook's settings; a bill (--amend FILE) is part of which
packs make the law, so it is loaded and compiled like them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from . import law_cache
from .compiling import CompiledRules, compile_rulebook
from .engine import Adapter, durable_message
from .engines import Reference, make_engine
from .errors import InputError
from .inputs import read_bytes
from .loading import RuleBook, RuleDirs, load_rulebook, rule_dirs
from .steps import StepRegistry, registry_for


class Law:
    """A loaded and compiled law, and its engine; `amended` gives the same law with other settings."""

    def __init__(self, book: RuleBook, compiled: CompiledRules, engine: Adapter, engine_name: str):
        self.book = book
        self.compiled = compiled
        self.engine = engine
        self.engine_name = engine_name
        # The reference interpreter as an adapter (the guard's own, when the engine is guarded).
        self.reference: Adapter = getattr(engine, "reference", None) or Reference(compiled)
        # The phrases of this law: the engine's own and its packs'.
        self.registry: StepRegistry = registry_for(book)

    @classmethod
    def load(cls, rules: Path | RuleDirs | None = None) -> Law:
        book, compiled, engine = _law(rules)
        return cls(book, compiled, engine, rule_dirs(rules).engine)

    def amended(self, settings: dict[str, Any]) -> Law:
        """This law with parameter values and readings (checked by `book.override`) over its own."""
        if not settings:
            return self
        return Law(self.book.amended(settings), self.compiled, self.engine, self.engine_name)

    def probe_engine(self) -> Adapter:
        """An engine for the ruleset with a probe rule per condition (built once, when first needed): which
        conditions of which provisions hold, as the engine decides them (coverage)."""
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
        return probes


_LAW: dict[str, tuple[RuleBook, CompiledRules, Adapter]] = {}
_PROBES: dict[tuple[str, str], Adapter] = {}


def _key(dirs: RuleDirs) -> str:
    """The hash of what makes the law: each pack's and bill's place and content, and the engine."""
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
    return digest.hexdigest()


def _law(rules: Path | RuleDirs | None) -> tuple[RuleBook, CompiledRules, Adapter]:
    """Load, compile and register the law once per process, cached by the hash of the packs' content (and
    on disk, `law_cache`, for the next process)."""
    dirs = rule_dirs(rules)
    key = _key(dirs)
    if key not in _LAW:
        cached = law_cache.load(key)
        if cached is not None:
            book, compiled = cached
        else:
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
        # Kept on disk only if the packs read are the packs hashed (none changed while they were read).
        if cached is None and _key(dirs) == key:
            law_cache.save(key, book, compiled)
        if len(_LAW) >= 8:  # a few laws per process at most (what-ifs don't need one: they are parameters)
            _LAW.pop(next(iter(_LAW)))
        _LAW[key] = (book, compiled, engine)
    return _LAW[key]
