"""Fuzzing the two front doors: the Gherkin runner and the rule pack loader.

`tests/test_fuzz.py` runs a short version in the suite. For a long run:
    python -m tests.fuzzing --minutes 10 gherkin
    python -m tests.fuzzing --minutes 10 rules
Each door may only answer with a verdict or an InputError naming the file: never another exception.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constraint_engine.errors import InputError, InputErrors
from constraint_engine.features import parse_feature_text
from constraint_engine.loading import default_rules_dir
from constraint_engine.running import Runner
from constraint_engine.steps import bundled_registry

ROOT = Path(__file__).resolve().parent.parent
# Texts are read once: a strategy must not depend on files that may change during a run.
FEATURES = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "scenarios").rglob("*.feature"))]
PACKS = {p.name: p.read_text(encoding="utf-8") for p in sorted(default_rules_dir().glob("*.yaml"))}
_ODD = st.sampled_from(
    ["\x00", "|", '"', ":", "#", "@", "\t", "  ", "\n", "$", ",", "-", "é", "§", "\u202e", "9" * 12]
    # control characters (terminal title, clipboard, CSI), a BOM mid-text, YAML anchors and aliases
    + ["\x1b]0;PWNED\x07", "\x1b]52;c;aGk=\x07", "\x1b[2J", "\x01", "\x85", "\ufeff", "&a ", "*a", "<<: *a"]
)


@st.composite
def mutated(draw, sources: list[str]) -> str:  # type: ignore[no-untyped-def]
    """A real file with a few random edits: characters, lines, numbers."""
    lines = draw(st.sampled_from(sources)).splitlines()
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "char", "number", "truncate", "indent"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "char":
            pos = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:pos] + draw(_ODD | st.characters()) + lines[i][pos + 1 :]
        elif op == "number":
            lines[i] = "".join(
                str(draw(st.integers(-(10**9), 10**12))) if ch.isdigit() and draw(st.booleans()) else ch
                for ch in lines[i]
            )
        elif op == "truncate":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        else:
            lines[i] = " " * draw(st.integers(0, 8)) + lines[i].lstrip()
    return "\n".join(lines) + "\n"


@st.composite
def built_feature(draw) -> str:  # type: ignore[no-untyped-def]
    """A feature assembled from known phrases with random values in the placeholders."""
    values = st.one_of(
        st.from_regex(r"-?[0-9,]{1,12}", fullmatch=True),
        st.from_regex(r"\$[0-9,]{0,10}", fullmatch=True),
        st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
        st.sampled_from(
            ["President", "Secretary of State", "Secretary of Defense", "King", "Germany", "Japan"]
        ),
        st.text(max_size=12),
    )
    lines = ["Feature: fuzz", "  Scenario: fuzzed"]
    for _ in range(draw(st.integers(0, 7))):
        step = draw(st.sampled_from(bundled_registry().steps))
        text = step.template
        for name in step.parameters:
            text = text.replace("{" + name + "}", draw(values).replace("\n", " "), 1)
        keyword = {"given": "Given", "when": "When", "then": "Then"}[step.kind]
        lines.append(f"    {draw(st.sampled_from([keyword, 'And', 'But', '*']))} {text}")
    return "\n".join(lines) + "\n"


_RUNNER: Runner | None = None


def _runner() -> Runner:
    global _RUNNER
    if _RUNNER is None:
        _RUNNER = Runner()
    return _RUNNER


def check_gherkin(text: str) -> None:
    try:
        specs = parse_feature_text(text, "fuzz.feature")
    except InputError as exc:
        assert exc.file == "fuzz.feature" and exc.problem
        return
    for spec in specs:
        result = _runner().run(spec)
        assert result.status in ("passed", "failed", "unchecked", "error")
        if result.verdict is not None:
            # Valid steps must evaluate: an "error" verdict here is an internal fault.
            assert result.verdict.outcome != "error", result.verdict.error
        if result.status == "error":
            assert result.messages and "fuzz.feature" in result.messages[0]


def check_rules(changed: str, text: str, folder: Path) -> None:
    for name, original in PACKS.items():
        # surrogatepass: a lone surrogate becomes invalid UTF-8 on disk, which the loader must refuse cleanly
        (folder / name).write_bytes((text if name == changed else original).encode("utf-8", "surrogatepass"))
    try:
        runner = Runner(folder)
    except InputErrors as exc:
        assert exc.errors and all(e.file and e.problem for e in exc.errors)
        return
    except InputError as exc:
        assert exc.file and exc.problem
        return
    from tests.helpers import proposal

    for kind in ("withdraw", "reduce-eucom-forces", "relinquish-saceur"):
        p = (
            proposal(kind, "2026-05-01", count=1, days=100)
            if kind == "reduce-eucom-forces"
            else proposal(kind, "2026-05-01")
        )
        assert runner.evaluate(p).outcome in ("blocked", "permitted"), runner.evaluate(p).error


@st.composite
def aliased(draw, text: str) -> str:  # type: ignore[no-untyped-def]
    """A pack with alias-heavy YAML appended: chains of anchors, each repeated, some self-referring."""
    width, depth = draw(st.integers(1, 12)), draw(st.integers(1, 9))
    rows = ["x-a0: &a0 [lol, lol, lol]"]
    for d in range(1, depth):
        rows.append(f"x-a{d}: &a{d} [" + ", ".join([f"*a{d - 1}"] * width) + "]")
    if draw(st.booleans()):
        rows.append("x-loop: &loop [*loop]")
    return text + "\n".join(rows) + "\n"


GHERKIN = st.one_of(
    mutated(FEATURES),
    mutated(FEATURES).map(lambda t: "\ufeff" + t),  # a byte-order mark, as some editors write
    built_feature(),
    st.text(max_size=300),
)
RULES = st.sampled_from(sorted(PACKS)).flatmap(
    lambda name: st.tuples(st.just(name), st.one_of(mutated([PACKS[name]]), aliased(PACKS[name])))
)
FILE_KINDS = st.sampled_from(["regular", "fifo", "dev-zero", "folder", "dangling", "empty", "binary"])


def check_file_kind(kind: str, folder: Path) -> None:
    """Whatever is named x.feature (a FIFO, /dev/zero, a folder), collecting answers at once, never hangs."""
    import os

    from constraint_engine.features import collect

    path = folder / f"{kind}.feature"
    if kind == "regular":
        path.write_text(FEATURES[0], encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    elif kind == "dangling":
        path.symlink_to(folder / "nowhere")
    elif kind == "empty":
        path.write_bytes(b"")
    else:
        path.write_bytes(bytes(range(256)))
    try:
        specs, errors = collect([path])
    except InputError as exc:
        assert exc.file and exc.problem
        return
    assert specs or errors
    assert all(e.file and e.problem for e in errors)


RAN = [0]  # examples actually run: hypothesis stops early when a strategy has few values
_SETTINGS = {"deadline": None, "database": None, "suppress_health_check": list(HealthCheck)}


def gherkin_test(examples: int):  # type: ignore[no-untyped-def]
    @settings(max_examples=examples, **_SETTINGS)  # type: ignore[arg-type]
    @given(GHERKIN)
    def run(text: str) -> None:
        RAN[0] += 1
        check_gherkin(text)

    return run


def files_test(examples: int):  # type: ignore[no-untyped-def]
    @settings(max_examples=examples, **_SETTINGS)  # type: ignore[arg-type]
    @given(FILE_KINDS)
    def run(kind: str) -> None:
        RAN[0] += 1
        with tempfile.TemporaryDirectory(prefix="ce-fuzz-files-") as folder:
            check_file_kind(kind, Path(folder))

    return run


def rules_test(examples: int):  # type: ignore[no-untyped-def]
    folder = Path(tempfile.mkdtemp(prefix="ce-fuzz-rules-"))

    @settings(max_examples=examples, **_SETTINGS)  # type: ignore[arg-type]
    @given(RULES)
    def run(case: tuple[str, str]) -> None:
        RAN[0] += 1
        check_rules(case[0], case[1], folder)

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("door", choices=["gherkin", "rules", "files"])
    parser.add_argument("--minutes", type=float, default=10.0)
    args = parser.parse_args()
    make = {"gherkin": gherkin_test, "rules": rules_test, "files": files_test}[args.door]
    deadline = time.monotonic() + args.minutes * 60
    rounds = 0
    started = time.monotonic()
    while time.monotonic() < deadline:
        make(500)()
        rounds += 1
    print(f"{args.door}: {RAN[0]} examples in {rounds} rounds, {time.monotonic() - started:.0f} s, no crash")


if __name__ == "__main__":
    main()
