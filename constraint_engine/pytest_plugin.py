"""A pytest plugin: every phrase of the law is a pytest-bdd step, so any project can run its own scenarios.

Opt-in: a project asks for it with `pytest_plugins = ["constraint_engine.pytest_plugin"]` in its conftest.py,
or `-p constraint_engine.pytest_plugin`; installing the package changes no other project's runs (there is no
`pytest11` entry point). Then `features/*.feature` and a test module holding `scenarios("features")` suffice.
Options: --ce-rules DIR (another rule pack folder), --ce-with-rules DIR (packs added to the law, with their
phrases), --ce-set NAME=VALUE and --ce-assume NAME=VALUE, as `--rules`, `--with-rules`, `--set` and
`--assume` on the command line.
"""

from __future__ import annotations

import datetime as dt
import inspect
from typing import Any

import pytest

try:
    import pytest_bdd
except ImportError:  # pytest-bdd is not installed: the plugin has nothing to add
    pytest_bdd = None  # type: ignore[assignment]

from .steps import ExpectationFailed, StepDef, StepKind, StepRegistry, check_references


def pytest_addoption(parser: Any) -> None:
    group = parser.getgroup("constraint-engine", "constraint-engine: the law's phrases as pytest-bdd steps")
    group.addoption("--ce-rules", metavar="DIR", help="Rule pack folder (default: the bundled law).")
    group.addoption(
        "--ce-with-rules", action="append", default=[], metavar="DIR", help="Add the rule packs in DIR."
    )
    group.addoption("--ce-set", action="append", default=[], metavar="NAME=VALUE", help="What-if parameter.")
    group.addoption("--ce-assume", action="append", default=[], metavar="NAME=VALUE", help="Interpretation.")
    parser.addini(
        "ce_rules", "Rule pack folder (default: the bundled law), relative to the ini file.", type="paths"
    )
    parser.addini(
        "ce_with_rules", "Rule pack folders added to the law, relative to the ini file.", type="paths"
    )
    parser.addini("ce_strict", "A scenario with no Then step fails instead of being skipped.", type="bool")
    group.addoption(
        "--ce-strict",
        action="store_true",
        help="A scenario with no Then step fails (as check --strict) instead of being skipped as unchecked.",
    )


def _law_of(config: Any) -> Any:
    """The rule pack folders the options name."""
    from pathlib import Path

    from .loading import RuleDirs

    def here(path: str) -> Path:  # a folder named on the command line is relative to the rootdir
        return Path(path) if Path(path).is_absolute() else Path(str(config.rootpath)) / path

    rules = config.getoption("--ce-rules")
    ini_rules = config.getini("ce_rules")
    folder = here(rules) if rules else Path(ini_rules[0]) if ini_rules else None
    extra = tuple(Path(p) for p in config.getini("ce_with_rules"))
    extra += tuple(here(d) for d in config.getoption("--ce-with-rules"))
    return RuleDirs(folder, extra)


def _runner(config: Any) -> Any:
    """The law, loaded and compiled once per process, with the run's what-ifs and readings."""
    from .errors import InputError, InputErrors
    from .inputs import assignments
    from .running import Runner

    try:
        return Runner(
            _law_of(config),
            today=dt.date.today(),
            settings=assignments(config.getoption("--ce-set"), "--ce-set"),
            assumptions=assignments(config.getoption("--ce-assume"), "--ce-assume"),
        )
    except (InputError, InputErrors) as exc:
        raise pytest.UsageError(str(exc)) from None


@pytest.fixture(scope="session")
def ce_runner(request: Any) -> Any:
    return _runner(request.config)


class Case:
    """One pytest-bdd scenario: the builder its Given/When steps fill, and its verdict, made once."""

    def __init__(self, runner: Any):
        self.runner = runner
        self.builder = runner.builder()
        self._verdict: Any = None
        self.thens = 0  # the law's Then steps run: none means the scenario checks nothing

    def verdict(self) -> Any:
        if self._verdict is None:
            self._verdict = self.runner.evaluate(self.runner.case(self.builder))
        return self._verdict

    def as_of(self) -> str:
        """What the report says when the scenario gives no date: the day it was evaluated, as `check` says."""
        if self.builder.date is not None:
            return ""
        return f" (evaluated as of today, {self.runner.today}: the scenario gives no date)"


@pytest.fixture
def ce_case(ce_runner: Any) -> Case:
    return Case(ce_runner)


def _bdd_step(step: StepDef) -> Any:
    names = step.parameters

    def run(ce_case: Case, **raw: str) -> None:
        # A failure is the step's own message at its feature file and line, in a few lines: none of this
        # plugin's frames (a 49-line traceback told a user nothing the message does not).
        __tracebackhide__ = True
        from .errors import InputError

        where = _WHERE[0] if _WHERE else ""
        failure = ""  # raised outside the except blocks: pytest shows no "during handling of" chain
        try:
            args = step.convert_raw({name: raw[name] for name in names})
            if step.kind == "then":
                ce_case.thens += 1
                check_references(ce_case.builder, args)
                verdict = ce_case.verdict()
                try:
                    step.handler(verdict, **args)
                except ExpectationFailed as exc:  # pytest's report shows what the engine decided
                    blocked = ", ".join(dict.fromkeys(b.citation for b in verdict.blocked_by))
                    decided = f"verdict: {verdict.outcome}" + (f" (blocked by {blocked})" if blocked else "")
                    failure = (
                        f"{where}Then {step.template.format(**raw)}: {exc}\n"
                        f"{decided} for {verdict.action} on {verdict.date}{ce_case.as_of()}"
                    )
            else:
                text = step.template.format(**raw)
                step.handler(ce_case.builder, text, **args)
        except (InputError, ValueError) as exc:  # a StepError is a ValueError: a bad value, a bad fact
            failure = where + (exc.message() if isinstance(exc, InputError) else str(exc))
        if failure:
            pytest.fail(failure, pytrace=False)

    params = [inspect.Parameter("ce_case", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    params += [inspect.Parameter(n, inspect.Parameter.POSITIONAL_OR_KEYWORD) for n in names]
    run.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    run.__name__ = f"ce_step_{step.kind}_{abs(hash(step.template))}"
    return run


_REGISTRY: list[StepRegistry] = []  # the phrases of the law this run is configured with
_WHERE: list[str] = []  # "FILE:LINE: " of the step being run, for its failure message
_REPLACED: set[tuple[str, str]] = set()  # (project step, law phrase) pairs already warned of


def _define_steps(registry: StepRegistry) -> Any:
    """A plugin module whose pytest-bdd steps are the law's phrases.

    pytest-bdd puts each step's fixture in the namespace of the code that calls its decorator; code run
    with `exec` in a fresh module's namespace makes that namespace the module, which pytest then reads
    for fixtures like any plugin's.
    """
    import types

    module = types.ModuleType("constraint_engine_law_steps")
    namespace = module.__dict__
    namespace.update(
        _steps=registry.steps,
        _make=_bdd_step,
        _decorators={"given": pytest_bdd.given, "when": pytest_bdd.when, "then": pytest_bdd.then},
        _parser=pytest_bdd.parsers.re,
    )
    exec(  # noqa: S102 - fixed code, no input: see the docstring
        "for _s in _steps:\n    _decorators[_s.kind](_parser(_s.regex.pattern))(_make(_s))\n", namespace
    )
    return module


if pytest_bdd is not None:

    def pytest_bdd_step_func_lookup_error(
        request: Any, feature: Any, scenario: Any, step: Any, exception: Any
    ) -> None:
        """An undefined step fails with the same nearest-phrase suggestion as the command line."""
        kinds: dict[str, StepKind] = {"given": "given", "when": "when", "then": "then"}
        hint = _REGISTRY[0].suggest(kinds.get(str(step.type), "given"), step.name)
        pytest.fail(
            f"{feature.filename}:{step.line_number}: undefined step {step.name!r}. {hint}", pytrace=False
        )

    def pytest_bdd_before_step_call(
        request: Any, feature: Any, scenario: Any, step: Any, step_func: Any, step_func_args: Any
    ) -> None:
        """A data table or doc string on one of the law's steps fails it, as in `check`: none takes one."""
        _WHERE[:] = [f"{feature.filename}:{step.line_number}: "]
        if not getattr(step_func, "__name__", "").startswith("ce_step_"):
            _warn_if_replacing(feature, step, step_func)
            return  # a step of the user's own, which may well take one
        argument = "data table" if step.datatable is not None else "doc string" if step.docstring else None
        if argument:
            where = f"{feature.filename}:{step.line_number}"
            problem = f"a {argument} is attached to this step, but no phrase takes one: it would be ignored."
            pytest.fail(f"{where}: {problem}", pytrace=False)

    def pytest_bdd_after_scenario(request: Any, feature: Any, scenario: Any) -> None:
        """A scenario of the law's steps with no Then checks nothing: skipped as "unchecked" (the CLI's word),
        or failed under --ce-strict, never reported as passed."""
        if "ce_case" not in request.fixturenames:
            return
        case = request.getfixturevalue("ce_case")
        if case.thens or case.builder.action is None:
            return
        verdict = case.verdict()
        said = f"the verdict is {verdict.outcome} for {verdict.action} on {verdict.date}{case.as_of()}"
        where = f"{feature.filename}:{scenario.line_number}"
        if request.config.getoption("--ce-strict") or request.config.getini("ce_strict"):
            pytest.fail(
                f"{where}: unchecked: the scenario has no Then step (--ce-strict); {said}", pytrace=False
            )
        pytest.skip(f"{where}: unchecked: the scenario has no Then step; {said}")

    @pytest.hookimpl(tryfirst=True)
    def pytest_bdd_apply_tag(tag: str, function: Any) -> bool | None:
        """Scenario tags become marks, registered as they come, so pytest warns of no unknown mark."""
        if _CONFIG:
            _CONFIG[0].addinivalue_line("markers", f"{tag}: a Gherkin tag")
        return None  # pytest-bdd applies the mark itself


_CONFIG: list[Any] = []


def _warn_if_replacing(feature: Any, step: Any, step_func: Any) -> None:
    """A project step whose text is also a law phrase silently replaces the law's: say so, naming both."""
    from .placeholders import StepError

    if not _REGISTRY:
        return
    kinds: dict[str, StepKind] = {"given": "given", "when": "when", "then": "then"}
    kind = kinds.get(str(step.type))
    if kind is None:
        return
    try:
        law_step, _ = _REGISTRY[0].find(kind, step.name)
    except StepError:
        return
    theirs = f"{getattr(step_func, '__module__', '?')}.{getattr(step_func, '__name__', '?')}"
    if (theirs, law_step.template) in _REPLACED:
        return
    _REPLACED.add((theirs, law_step.template))
    declared = f" ({law_step.phrase.where})" if law_step.phrase else " (the engine's own phrase)"
    import warnings

    warnings.warn(
        pytest.PytestWarning(
            f"{feature.filename}:{step.line_number}: the project's step {theirs} replaces the law's phrase "
            f"'{kind.capitalize()} {law_step.template}'{declared}: this scenario does not run the law's "
            "meaning. Rename the project's step, or remove it to use the law's."
        ),
        stacklevel=2,
    )


def _register_feature_tags(config: Any) -> None:
    """Every tag in the project's .feature files becomes a registered mark: pytest-bdd marks an Outline's
    Examples rows by their tags without the hook that registers a scenario's (--strict-markers refuses)."""
    import os
    import re
    from pathlib import Path

    tag = re.compile(r"@([^\s@#]+)")
    root = Path(str(config.rootpath))
    skip = {".git", ".hg", ".tox", ".nox", "node_modules", "__pycache__", ".venv", "venv", "build", "dist"}
    seen: set[str] = set()
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in skip and not d.startswith(".")]
        for name in files:
            if not name.endswith(".feature"):
                continue
            try:
                text = (Path(folder) / name).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            for line in text.splitlines():
                if line.lstrip().startswith("@"):
                    seen.update(tag.findall(line.split(" #")[0]))
    for name in sorted(seen):
        config.addinivalue_line("markers", f"{name}: a Gherkin tag")


def pytest_configure(config: Any) -> None:
    _CONFIG[:] = [config]
    _register_feature_tags(config)
    if pytest_bdd is not None:  # the steps are the phrases of the law the options name, its packs' included
        runner = _runner(config)
        _REGISTRY[:] = [runner.registry]
        config.pluginmanager.register(_define_steps(runner.registry), "constraint-engine-law-steps")


def pytest_collect_file(file_path: Any, parent: Any) -> Any:
    """A .feature file with a misspelt keyword fails the run (Gherkin alone drops the scenario silently)."""
    if file_path.suffix != ".feature":
        return None
    from .features import _misspellings

    try:
        text = file_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    _CHECKED.add(str(file_path))
    problems = list(_misspellings(text, _REGISTRY[0] if _REGISTRY else None))
    if not problems:
        return None
    return MisspeltKeywords.from_parent(parent, path=file_path, problems=problems)


_CHECKED: set[str] = set()  # feature files already checked for misspelt keywords this run


def pytest_collection_modifyitems(session: Any, config: Any, items: list[Any]) -> None:
    """The feature files the project's tests bind (pytest-bdd parsed them) are checked too, wherever they are:
    outside `testpaths` no collector visits them, and a misspelt keyword would drop a scenario unseen."""
    from pathlib import Path

    from .features import _misspellings

    bound = getattr(getattr(pytest_bdd, "feature", None), "features", {}) if pytest_bdd is not None else {}
    for name in sorted(bound):
        if name in _CHECKED:
            continue
        _CHECKED.add(name)
        try:
            text = Path(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        problems = list(_misspellings(text, _REGISTRY[0] if _REGISTRY else None))
        if problems:
            items.append(
                MisspeltKeywordItem.from_parent(
                    session, name=f"gherkin keywords of {Path(name).name}", path=Path(name), problems=problems
                )
            )


class MisspeltKeywords(pytest.File):
    def __init__(self, *, problems: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.problems = problems

    def collect(self) -> Any:
        yield MisspeltKeywordItem.from_parent(self, name="gherkin keywords", problems=self.problems)


class MisspeltKeywordItem(pytest.Item):
    def __init__(self, *, problems: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.problems = problems

    def runtest(self) -> None:
        lines = [f"{self.path}:{line}: {problem}" for line, problem in self.problems]
        raise pytest.fail("\n".join(lines), pytrace=False)

    def reportinfo(self) -> tuple[Any, int, str]:
        return self.path, self.problems[0][0] - 1, "misspelt Gherkin keyword"
