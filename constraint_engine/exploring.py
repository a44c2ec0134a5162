"""Explore where the law draws its lines: evaluate a When phrase over a grid, and write scenario skeletons."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
from dataclasses import dataclass
from typing import Any, Literal

from .batch import signals_held, worker, worker_pool
from .conditions import Among, AnyOf, Compare, Condition, FieldRef, Lit, Param
from .errors import InputError
from .interpreting import value_of
from .models import Provision
from .placeholders import PlaceholderType
from .quantities import member_tests
from .running import Runner
from .steps import ScenarioBuilder, StepDef, StepError, StepRegistry, parse_date

_RANGE = re.compile(r"^(?P<name>\w+)=(?P<lo>[^.]+)\.\.(?P<hi>[^:]+)(?::(?P<step>.+))?$")
Style = Literal["date", "whole", "money"]


@dataclass(frozen=True)
class Axis:
    name: str
    values: list[Any]
    style: Style = "whole"  # how a value is written into a step: 2026-03-01, 76,000, $500,000
    scenario_date: bool = False  # it is the scenario's date (named date, and no step leaves a {date} open)


def when_step(registry: StepRegistry, template: str) -> StepDef:
    """The When phrase a template (with {placeholders}) or a concrete action is written in."""
    return when_phrase(registry, template)[0]


def when_phrase(registry: StepRegistry, text: str) -> tuple[StepDef, list[str]]:
    """The When phrase `text` is written in, and the placeholders it leaves open (`{name}`).

    `the {actor} proposes to ...` leaves {actor} open; `the President proposes to ...` fixes it.
    """
    found = _phrase_of(registry, "when", text)
    if found is None:
        raise InputError(f"{text!r} is not a When phrase. {registry.suggest('when', text)}")
    return found


def _phrase_of(registry: StepRegistry, kind: str, text: str) -> tuple[StepDef, list[str]] | None:
    for step in registry.steps:
        if step.kind == kind:
            m = step.regex.match(text)
            if m:
                return step, [n for n, v in m.groupdict().items() if v == "{" + n + "}"]
    return None


MAX_AXIS_POINTS = 1_000_000  # a grid is the product of its axes; each is bounded so memory stays bounded


def plan_axes(registry: StepRegistry, template: str, givens: list[str], ranges: list[str]) -> list[Axis]:
    """Each --range as an axis over a placeholder left open in the When phrase or in a Given, or over the
    scenario's date; checked against the phrases (every open placeholder needs a range, and its type must be
    a number or a date)."""
    step, open_names = when_phrase(registry, template)
    types: dict[str, PlaceholderType] = {n: step.types[n] for n in open_names}
    phrases = [step.template]
    for given in givens:
        found = _phrase_of(registry, "given", given)
        if found is not None:
            types.update({n: found[0].types[n] for n in found[1] if n not in types})
            phrases.append(found[0].template)
    axes = []
    for text in ranges:
        name, lo, hi, step_size = _range_parts(text)
        if name not in types and name != "date":
            raise InputError(
                f"--range names {name}, which the phrase does not have; it has: "
                f"{', '.join(step.parameters) or 'none'} (and date); a Given may leave a number or a date "
                'open too, e.g. --given "the Senate gave its advice and consent with {yeas} of 100 Senators '
                'present concurring"'
            )
        kind = types.get(name)
        if kind is not None and not kind.ranged:
            raise InputError(f"--range {text!r}: cannot range over {{{name}}}, which accepts {kind.accepts}")
        style: Style = (
            "date"
            if kind is None or kind.field_type == "date"
            else ("money" if kind.name == "money" else "whole")
        )
        axes.append(Axis(name, _values(text, style, lo, hi, step_size), style, scenario_date=kind is None))
    missing = [n for n in types if n not in {a.name for a in axes}]
    if missing:
        raise InputError(f"the phrase has placeholders with no --range: {', '.join(missing)}")
    return axes


def _range_parts(text: str) -> tuple[str, str, str, int]:
    m = _RANGE.match(text.strip())
    if not m:
        raise InputError(
            f"--range {text!r}: write NAME=LO..HI[:STEP], e.g. count=60000..90000:1000 "
            "or date=2025-12-01..2026-01-31:7"
        )
    step_text = (m["step"] or "1").replace(",", "")
    if not re.fullmatch(r"[0-9]{1,9}", step_text) or int(step_text) == 0:
        raise InputError(f"--range {text!r}: STEP is a positive whole number in ASCII digits")
    return m["name"], m["lo"], m["hi"], int(step_text)


def _values(text: str, style: Style, lo: str, hi: str, step: int) -> list[Any]:
    if style == "date":
        try:
            lo_d, hi_d = parse_date(lo), parse_date(hi)  # as a step reads a date, bounds included
        except StepError as exc:
            raise InputError(f"--range {text!r}: {exc}") from None
        if hi_d < lo_d:
            raise InputError(f"--range {text!r}: needs LO <= HI (it is reversed)")
        count = (hi_d - lo_d).days // step + 1
        if count > MAX_AXIS_POINTS:
            raise InputError(
                f"--range {text!r}: {count:,} points; accepted: at most {MAX_AXIS_POINTS:,} per axis"
            )
        return [lo_d + dt.timedelta(days=d) for d in range(0, (hi_d - lo_d).days + 1, step)]
    lo_text, hi_text = (v.replace(",", "").lstrip("$") for v in (lo, hi))
    if not (re.fullmatch(r"[0-9]{1,16}", lo_text) and re.fullmatch(r"[0-9]{1,16}", hi_text)):
        raise InputError(
            f"--range {text!r}: LO, HI and STEP are whole numbers in ASCII digits (or dates, for a date)"
        )
    lo_i, hi_i = int(lo_text), int(hi_text)
    if hi_i < lo_i:
        raise InputError(f"--range {text!r}: needs LO <= HI (it is reversed)")
    if (hi_i - lo_i) // step + 1 > MAX_AXIS_POINTS:
        raise InputError(f"--range {text!r}: too many points; accepted: at most {MAX_AXIS_POINTS:,} per axis")
    return list(range(lo_i, hi_i + 1, step))


def _show(style: Style, value: Any) -> str:
    if style == "money":
        return f"${value:,}"
    if style == "whole" and isinstance(value, int):
        return f"{value:,}"
    return str(value)


def point_steps(
    template: str, point: dict[str, Any], givens: list[str], axes: list[Axis]
) -> tuple[list[str], str]:
    """The Given steps and the When step of one point: each open placeholder filled with its value."""
    shown = {a.name: _show(a.style, point[a.name]) for a in axes if not a.scenario_date}

    def fill(text: str) -> str:
        for name, value in shown.items():
            text = text.replace("{" + name + "}", value)
        return text

    facts = [fill(g) for g in givens]
    if any(a.scenario_date for a in axes):
        facts.insert(0, f"the date is {point['date']}")
    return facts, fill(template)


def evaluate_point(
    runner: Runner, template: str, point: dict[str, Any], givens: list[str], axes: list[Axis]
) -> dict[str, Any]:
    facts, action = point_steps(template, point, givens, axes)
    try:
        case, builder = runner.case_of(facts, action)
        # The grid shows each point's outcome and blocks: a brief verdict (no derivation, no other readings).
        verdict = runner.evaluate(case, brief=True)
    except (StepError, InputError) as exc:
        return {**_plain(point), "outcome": "error", "blocked_by": [], "governed_by": [], "error": str(exc)}
    # Governed: some provision in force covers this kind of action by this actor (whether or not it blocks).
    kind, actor = (
        builder.action.fields["kind"] if builder.action else "",
        builder.action.fields["actor"] if builder.action else "",
    )
    day = verdict.date
    governed = [
        p.id
        for p in runner.book.provisions.values()
        if p.applies_to.covers(kind, actor) and p.in_force.contains(day)
    ]
    return {
        **_plain(point),
        "outcome": verdict.outcome,
        "blocked_by": list(dict.fromkeys(b.citation for b in verdict.blocked_by)),
        "governed_by": list(dict.fromkeys(governed)),
    }


def _plain(point: dict[str, Any]) -> dict[str, Any]:
    return {k: (str(v) if isinstance(v, dt.date) else v) for k, v in point.items()}


def grid(axes: list[Axis]) -> list[dict[str, Any]]:
    return [
        dict(zip([a.name for a in axes], values, strict=True))
        for values in itertools.product(*(a.values for a in axes))
    ]


def _evaluate_chunk(args: tuple[str, list[dict[str, Any]], list[str], list[Axis]]) -> list[dict[str, Any]]:
    template, points, givens, axes = args
    return [evaluate_point(worker(), template, p, givens, axes) for p in points]


def explore(
    runner: Runner,
    options: dict[str, Any],
    template: str,
    axes: list[Axis],
    givens: list[str],
    jobs: int,
    progress: Any,
) -> list[dict[str, Any]]:
    """Every point of the grid, evaluated; in `jobs` processes for large grids, in order."""
    points = grid(axes)
    size = 200
    chunks = [points[i : i + size] for i in range(0, len(points), size)]
    results: list[dict[str, Any]] = []
    if jobs > 1 and len(points) >= 2 * size:
        with worker_pool(jobs, options) as pool:
            with signals_held():  # map submits every chunk at once
                batches = pool.map(_evaluate_chunk, [(template, c, givens, axes) for c in chunks])
            for batch in batches:
                results += batch
                progress(len(batch))
    else:
        for chunk in chunks:
            results += [evaluate_point(runner, template, p, givens, axes) for p in chunk]
            progress(len(chunk))
    return results


def frontier(points: list[dict[str, Any]], axes: list[Axis]) -> list[dict[str, Any]]:
    """Neighbouring points whose verdicts differ: where the law draws its line."""
    index = {tuple(str(p[a.name]) for a in axes): p for p in points}
    # Each axis's values and positions once: linear in the points (a lookup per point was quadratic).
    values = [[str(v) for v in axis.values] for axis in axes]
    position = [{v: j for j, v in enumerate(vs)} for vs in values]
    out = []
    for p in points:
        for i, axis in enumerate(axes):
            j = position[i][str(p[axis.name])]
            if j + 1 < len(values[i]):
                key = tuple(values[i][j + 1] if k == i else str(p[a.name]) for k, a in enumerate(axes))
                q = index.get(key)
                if q is not None and (p["outcome"], p["blocked_by"]) != (q["outcome"], q["blocked_by"]):
                    out.append({"axis": axis.name, "from": p, "to": q})
    return out


def summary_text(
    points: list[dict[str, Any]], axes: list[Axis], edges: list[dict[str, Any]], day_note: str = ""
) -> str:
    names = [a.name for a in axes]
    blocked = sum(p["outcome"] == "blocked" for p in points)
    loopholes = [p for p in points if not p["governed_by"] and p["outcome"] == "permitted"]
    counts = {o: sum(p["outcome"] == o for p in points) for o in ("permitted", "undetermined", "error")}
    line = f"{len(points)} points: {blocked} blocked, {counts['permitted']} permitted"
    line += "".join(f", {n} {o}" for o, n in counts.items() if o != "permitted" and n)
    lines = [day_note, line] if day_note else [line]
    if counts["undetermined"]:
        lines.append(
            "  undetermined: a provision needs a fact no --given states (see `explain` for the phrase)"
        )
    by: dict[str, int] = {}
    for p in points:
        for c in p["blocked_by"]:
            by[c] = by.get(c, 0) + 1
    for c, n in sorted(by.items(), key=lambda x: -x[1]):
        lines.append(f"  blocked by {c}: {n} points")
    lines.append("")
    verdicts = {(p["outcome"], tuple(p["blocked_by"])) for p in points}
    if len(verdicts) <= 1 and points:
        # A grid that changes nothing is worth saying plainly: no empty heading to puzzle over.
        lines.append(
            f"Nothing varies across the grid: every point is {_verdict_words(points[0])}. Widen a --range, "
            "or change the date or a --given, to find where the verdict changes."
        )
    else:
        lines.append("Frontier (neighbouring points whose verdicts differ):")
    groups: dict[tuple[str, ...], list[str]] = {}
    for e in edges:
        a, b = e["from"], e["to"]
        key = (e["axis"], str(a[e["axis"]]), str(b[e["axis"]]), _verdict_words(a), _verdict_words(b))
        groups.setdefault(key, []).append(", ".join(f"{n}={a[n]}" for n in names if n != e["axis"]))
    for (axis, lo, hi, before, after), where in list(groups.items())[:40]:
        if len(where) > 1:
            span = f" (at {len(where)} points, {where[0]} .. {where[-1]})"
        else:
            span = f" ({where[0]})" if where[0] else ""
        lines.append(f"  {axis} {lo} -> {hi}{span}: {before} -> {after}")
    if len(groups) > 40:
        lines.append(f"  ... and {len(groups) - 40} more (see --format json)")
    lines.append("")
    lines.append(f"Points no provision governs (candidate loopholes): {len(loopholes)}")
    for p in loopholes[:10]:
        lines.append("  " + ", ".join(f"{n}={p[n]}" for n in names))
    return "\n".join(lines) + "\n"


def _verdict_words(p: dict[str, Any]) -> str:
    return "blocked by " + ", ".join(p["blocked_by"]) if p["blocked_by"] else str(p["outcome"])


# Okabe-Ito colours, told apart with red-green colour blindness; blocked regions are hatched as well.
_PERMITTED, _UNGOVERNED, _UNDETERMINED, _ERROR = "#0072B2", "#F0E442", "#CC79A7", "#999999"
_BLOCKED = ["#D55E00", "#E69F00", "#882255", "#AA4499"]
_HATCHES = ["///", "\\\\\\", "xxx", "..."]


def _category(p: dict[str, Any]) -> str:
    if p["outcome"] == "blocked":
        return "blocked by " + ", ".join(p["blocked_by"])
    if p["outcome"] == "permitted":
        return "permitted" if p["governed_by"] else "permitted: no provision in force covers it"
    return str(p["outcome"])


def _boundary_ticks(axis: Axis, edges: list[dict[str, Any]], limit: int = 12) -> list[int]:
    """Tick positions at the values where the verdict changes along the axis (76,000; 45 days; a date the
    law changes), with the axis's ends; evenly spaced ones only if there are none."""
    index = {str(v): i for i, v in enumerate(axis.values)}
    changes = sorted({index[str(e["to"][axis.name])] for e in edges if e["axis"] == axis.name})
    if not changes:
        step = max(1, len(axis.values) // 8)
        return list(range(0, len(axis.values), step))
    ticks = sorted({0, len(axis.values) - 1, *changes})
    if len(ticks) > limit:
        ticks = sorted({0, len(axis.values) - 1, *changes[:: max(1, len(changes) // (limit - 2))]})
    return ticks


def plot(points: list[dict[str, Any]], axes: list[Axis], title: str, image_format: str) -> bytes:
    """A picture of the grid by verdict: each blocked region in its own colour and hatching, named by the
    authorities that block it; ticks where the verdict changes."""
    import textwrap

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    categories = list(dict.fromkeys(_category(p) for p in points))
    blocked = [c for c in categories if c.startswith("blocked by ")]
    colour = {c: _BLOCKED[i % len(_BLOCKED)] for i, c in enumerate(blocked)}
    colour.update(
        {
            "permitted": _PERMITTED,
            "permitted: no provision in force covers it": _UNGOVERNED,
            "undetermined": _UNDETERMINED,
            "error": _ERROR,
        }
    )
    hatch = {c: _HATCHES[i % len(_HATCHES)] for i, c in enumerate(blocked)}
    code = {c: i for i, c in enumerate(categories)}
    x = axes[0]
    y = axes[1] if len(axes) > 1 else None
    grid_values = [[0] * len(x.values) for _ in range(len(y.values) if y else 1)]
    xi = {str(v): i for i, v in enumerate(x.values)}
    yi = {str(v): i for i, v in enumerate(y.values)} if y else {}
    for p in points:
        row = yi[str(p[y.name])] if y else 0
        grid_values[row][xi[str(p[x.name])]] = code[_category(p)]
    fig, ax = plt.subplots(figsize=(10, 6 if y else 2.8), dpi=110)
    ax.imshow(
        grid_values,
        cmap=ListedColormap([colour[c] for c in categories]),
        vmin=-0.5,
        vmax=len(categories) - 0.5,
        aspect="auto",
        origin="lower",
        interpolation="nearest",
    )
    for c in blocked:  # hatching over each blocked region, so it reads without colour too
        mask = [[1.0 if v == code[c] else 0.0 for v in row] for row in grid_values]
        if y is None:
            mask = [mask[0], mask[0]]
        extent_y = [-0.5, 0.5] if y is None else None
        ax.contourf(
            range(len(x.values)),
            extent_y or range(len(y.values)),  # type: ignore[union-attr]
            mask,
            levels=[0.5, 1.5],
            hatches=[hatch[c]],
            colors="none",
        )
    edges = frontier(points, axes)
    ticks = _boundary_ticks(x, edges)
    ax.set_xticks(ticks, [_show(x.style, x.values[i]) for i in ticks], rotation=30, ha="right")
    ax.set_xlabel(x.name)
    if y:
        yticks = _boundary_ticks(y, edges)
        ax.set_yticks(yticks, [_show(y.style, y.values[i]) for i in yticks])
        ax.set_ylabel(y.name)
    else:
        ax.set_yticks([])
    ax.legend(
        handles=[
            Patch(
                facecolor=colour[c],
                hatch=hatch.get(c, ""),
                edgecolor="black",
                label="\n".join(textwrap.wrap(c, 40)),
            )
            for c in categories
        ],
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        fontsize=8,
    )
    ax.set_title("\n".join(textwrap.wrap(title, 100)), fontsize=9)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format=image_format)
    plt.close(fig)
    return buffer.getvalue()


# -- `new`: a scenario outline that straddles each boundary --------------------------------------------------


def skeleton(runner: Runner, template: str) -> str:
    """A Scenario Outline whose Examples straddle each boundary of the provisions governing the action."""
    step, left_open = when_phrase(runner.registry, template)
    names = step.parameters
    base = step.regex.match(step.example)
    assert base is not None
    raw = dict(base.groupdict())
    given = step.regex.match(template)
    if (
        given is not None
    ):  # the values the user wrote (20,000 troops for 365 days), the example's for the rest
        raw.update({n: v for n, v in given.groupdict().items() if n not in left_open})
    probe = ScenarioBuilder()
    runner.registry.apply("when", step.example, probe)
    assert probe.action is not None
    kind = probe.action.fields["kind"]
    governing = [p for p in runner.book.provisions.values() if kind in p.applies_to.actions]
    if not governing:
        raise InputError(f"no provision governs {step.template!r}: there are no boundaries to straddle")
    day = max(p.evaluated_from for p in governing) + dt.timedelta(days=30)
    day = min([day, *(p.in_force.until for p in governing if p.in_force.until)])
    rows: list[dict[str, str]] = [{"date": str(day), **raw}]
    # The facts the provisions need to decide (a baseline), stated once with their phrases' examples: without
    # them most rows would be undetermined.
    needed = list(dict.fromkeys(n.phrase for p in governing for n in p.needs))
    givens = tuple(g for g in (_example_of(runner, phrase) for phrase in needed) if g is not None)
    for prov in governing:
        rows += [
            {**rows[0], "date": str(d)}
            for d in (prov.evaluated_from - dt.timedelta(days=1), prov.evaluated_from)
        ]
        for cond in runner.book.active_where(prov, day):
            rows += _straddle(runner, step, prov, cond, rows[0], day, givens)
    since = max(p.evaluated_from for p in governing)
    rows += _membership_rows(runner, step, rows[0], since)
    seen: set[tuple[str, ...]] = set()
    unique = []
    for row in rows:
        key = tuple(row[k] for k in ["date", *names])
        if key not in seen:
            seen.add(key)
            unique.append(row)
    outline_when = step.template.replace("{", "<").replace("}", ">")
    table_names = ["date", *names, "outcome"]
    valid = []
    for row in unique:
        try:
            row["outcome"] = _verdict(runner, step, row, givens).outcome
        except StepError:  # e.g. a Treaty action the day before the Treaty existed: not a scenario
            continue
        valid.append(row)
    unique = valid
    widths = {n: max(len(n), *(len(r[n]) for r in unique)) for n in table_names}
    action_words = runner.book.phrasebook.actions[str(kind)].meaning
    # Rows are named by everything that varies in them, so no two rows share a name.
    varying = "".join(f", {n} <{n}>" for n in names if len({r[n] for r in unique}) > 1)
    lines = [
        f"Feature: {action_words[:1].upper()}{action_words[1:]}",
        "  # Written by `constraint-engine new`: each row straddles a boundary of a provision that governs",
        "  # this action; the outcomes are the engine's own verdicts. Review each row before relying on it.",
        "",
        f"  Scenario Outline: {action_words} on <date>{varying}",
        "    Given the date is <date>",
        *(f"    And {g}" for g in givens),
        f"    When {outline_when}",
        "    Then the action is <outcome>",
        "",
        "    Examples:",
        "      | " + " | ".join(n.ljust(widths[n]) for n in table_names) + " |",
    ]
    lines += ["      | " + " | ".join(r[n].ljust(widths[n]) for n in table_names) + " |" for r in unique]
    hints = _exception_hints(runner, step, governing, unique, givens)
    if hints:
        lines += [
            "",
            "  # Exceptions that lift a block, each proven on a blocked row above; add its steps to test it:",
        ]
        for title, row, steps in hints:
            lines.append(f"  #   {title} (on the row of {row['date']}):")
            lines += [f"  #     Given {s}" for s in steps]
    return "\n".join(lines) + "\n"


def _example_of(runner: Runner, phrase: str) -> str | None:
    """A provision's needed fact as a Given: its phrase, each placeholder it leaves open filled as the
    phrase's example fills it ("United States forces in Germany number {count}" -> "... number 35,000")."""
    found = _phrase_of(runner.registry, "given", phrase)
    if found is None:
        return None
    step, left_open = found
    example = step.regex.match(step.example)
    if example is None:
        return None
    text = phrase
    for name in left_open:
        text = text.replace("{" + name + "}", example.group(name))
    return text


def _boundary(
    runner: Runner, step: StepDef, expr: Any, base: dict[str, str], givens: tuple[str, ...]
) -> int | None:
    """A computed boundary's value on the base row (a baseline minus a floor), as the reference interpreter
    reads it with the row's facts."""
    action = step.template
    for name in step.parameters:
        action = action.replace("{" + name + "}", base[name])
    try:
        case, _ = runner.case_of([f"the date is {base['date']}", *givens], action)
    except (StepError, InputError):
        return None
    params, facts = case.params, case.facts
    value = value_of(expr, params, facts[0], {"action": facts[0]})
    return value if isinstance(value, int) else None


def _straddle(
    runner: Runner,
    step: StepDef,
    prov: Provision,
    cond: Condition,
    base: dict[str, str],
    day: dt.date,
    givens: tuple[str, ...] = (),
) -> list[dict[str, str]]:
    if isinstance(cond, AnyOf):
        return []
    field = cond.field
    rhs = cond.values[0] if isinstance(cond, Among) else cond.value
    # The placeholder that fills this field of the action, as the phrase's pack declares it.
    proposes = step.phrase.decl.proposes or {} if step.phrase is not None else {}
    placeholder = next((n for n in base if proposes.get(field) == "{" + n + "}"), None)
    if field == "date" and isinstance(cond, Compare):
        if isinstance(rhs, Lit | Param):
            value = rhs.value if isinstance(rhs, Lit) else runner.book.value(rhs.id, day)
        else:  # a day computed from the facts (sixty days after the report was due): as it falls here
            ordinal = _boundary(runner, step, rhs, base, givens)
            in_range = ordinal is not None and 2 <= ordinal < dt.date.max.toordinal()
            value = dt.date.fromordinal(ordinal) if in_range and ordinal is not None else None
        if isinstance(value, dt.date):
            return [{**base, "date": str(value + dt.timedelta(days=d))} for d in (-1, 0, 1)]
        return []
    if placeholder is None:
        return []
    if isinstance(cond, Among):
        first = rhs.value if isinstance(rhs, Lit) else base[placeholder]
        return [
            {**base, placeholder: str(first)},
            {**base, placeholder: "Japan" if field == "country" else base[placeholder]},
        ]
    if isinstance(rhs, Param):
        value = runner.book.value(rhs.id, day)
    else:  # a computed boundary: what it comes to on this row
        value = _boundary(runner, step, rhs, base, givens)
    if not isinstance(value, int):
        return []
    return [{**base, placeholder: step.show(placeholder, value + d)} for d in (-1, 0, 1) if value + d >= 0]


def _membership_rows(
    runner: Runner, step: StepDef, base: dict[str, str], since: dt.date
) -> list[dict[str, str]]:
    """Rows on both sides of each day a name joins (or leaves) a group the action's derived fields ask about
    ("a member of NATO on the day of the sale"): that name in its placeholder, the day before and the day.
    Only the days the law governs, after `since`."""
    proposes = step.phrase.decl.proposes or {} if step.phrase is not None else {}
    rows: list[dict[str, str]] = []
    for (fact, _), d in runner.book.phrasebook.derived.items():
        if fact != "action" or d.value is None:
            continue
        for test in member_tests(d.value):
            if not isinstance(test.name, FieldRef) or test.name.fact not in (None, "action"):
                continue
            placeholder = next((n for n in base if proposes.get(test.name.name) == "{" + n + "}"), None)
            if placeholder is None:
                continue
            for name, joined, left in runner.book.phrasebook.groups.get(test.group, ()):
                for edge in (joined, None if left is None else left + 1):
                    if edge is None or edge <= since.toordinal():
                        continue
                    day = dt.date.fromordinal(edge)
                    rows += [
                        {**base, placeholder: name, "date": str(day + dt.timedelta(days=k))} for k in (-1, 0)
                    ]
    return rows


def _verdict_of(runner: Runner, step: StepDef, row: dict[str, str]) -> str:
    return _verdict(runner, step, row).outcome


def _verdict(runner: Runner, step: StepDef, row: dict[str, str], givens: tuple[str, ...] = ()) -> Any:
    action = step.template
    for name in step.parameters:
        action = action.replace("{" + name + "}", row[name])
    case, _ = runner.case_of([f"the date is {row['date']}", *givens], action)
    return runner.evaluate(case, brief=True)


def _exception_hints(
    runner: Runner,
    step: StepDef,
    governing: list[Provision],
    rows: list[dict[str, str]],
    needed: tuple[str, ...] = (),
) -> list[tuple[str, dict[str, str], tuple[str, ...]]]:
    """For each lift of a governing provision: a Given for every fact it needs, proven as a cure is: on a row
    the provision blocks, the same row with these steps is no longer blocked by it. A lift no phrase can
    state, or whose steps do not lift the block, is left out rather than offered untried."""
    out = []
    for prov in governing:
        blocked = [
            r
            for r in rows
            if r["outcome"] == "blocked" and _blocks(_verdict(runner, step, r, needed), prov.id)
        ]
        if not blocked:
            continue
        row = blocked[0]
        for lift_id in prov.lifted_by:
            lift = runner.book.lifts[lift_id]
            steps = tuple(_phrase_for(runner, pattern) for pattern in lift.when)
            if any(s is None for s in steps):
                continue
            givens = tuple(s for s in steps if s is not None)

            def lifts(these: tuple[str, ...], prov: Provision = prov, row: dict[str, str] = row) -> bool:
                try:
                    return not _blocks(_verdict(runner, step, row, (*needed, *these)), prov.id)
                except (StepError, InputError):
                    return False

            edge = _date_boundary(runner, givens, row, lifts)
            if edge is not None:  # the Given's own boundary: the last (or first) day it still lifts the block
                title = f"{lift.title} ({lift.citation}); {edge[1]}"
                out.append((title, row, edge[0]))
            elif lifts(givens):
                out.append((f"{lift.title} ({lift.citation})", row, givens))
    seen: set[tuple[str, ...]] = set()
    unique = []
    for title, row, givens in out:
        if givens not in seen:
            seen.add(givens)
            unique.append((title, row, givens))
    return unique


_DATE = re.compile(r"\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b")


def _date_boundary(
    runner: Runner, givens: tuple[str, ...], row: dict[str, str], lifts: Any
) -> tuple[tuple[str, ...], str] | None:
    """For a single dated Given (a notice, a certification): the day at the edge of what lifts the block on
    this row, found by bisection, with the day beyond it that does not (both evaluated)."""
    if len(givens) != 1 or len(_DATE.findall(givens[0])) != 1:
        return None
    text = givens[0]
    day = dt.date.fromisoformat(row["date"])

    def at(d: dt.date) -> tuple[str, ...]:
        return (_DATE.sub(str(d), text),)

    lo, hi = day - dt.timedelta(days=7300), day + dt.timedelta(days=365)
    early, late = lifts(at(lo)), lifts(at(hi))
    if early == late:
        return None
    while (hi - lo).days > 1:  # the verdict changes once between lo and hi
        mid = lo + (hi - lo) / 2
        if lifts(at(mid)) == early:
            lo = mid
        else:
            hi = mid
    inside, outside = (lo, hi) if early else (hi, lo)
    return at(inside), f"on {outside} it would not lift it"


def _blocks(verdict: Any, provision: str) -> bool:
    return any(b.provision == provision for b in verdict.blocked_by)


def _phrase_for(runner: Runner, pattern: Any) -> str | None:
    """A Given phrase's example that states the fact a lift's pattern needs, with the literal values it tests
    (a certification by the EUCOM commander, not by the Secretary)."""
    literal = {
        cond.field: cond.value.value
        for cond in pattern.where
        if isinstance(cond, Compare)
        and cond.op == "eq"
        and isinstance(cond.value, Lit)
        and isinstance(cond.value.value, str)
    }
    candidates = [s for s in runner.registry.steps if s.kind == "given" and _asserts(s, pattern.fact)]
    for s in sorted(candidates, key=lambda s: len(s.parameters)):  # an undated phrase first
        decl = s.phrase.decl if s.phrase is not None else None
        fields = decl.asserts.fields if decl is not None and decl.asserts is not None else {}
        if all(fields.get(f) == v for f, v in literal.items()):
            return s.example
    return None


def _asserts(step: StepDef, fact: str) -> bool:
    decl = step.phrase.decl if step.phrase is not None else None
    return decl is not None and decl.asserts is not None and decl.asserts.fact == fact
