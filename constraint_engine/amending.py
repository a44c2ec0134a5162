"""Amending the law as a bill would (OpenFisca's reforms, beyond parameters): `--amend FILE.yaml` repeals,
replaces or adds provisions, lifts, not-lifts and parameters before the law is indexed and compiled, so
every command, `diff` included, reads the amended law exactly as it reads the enacted one.

    amendment: a-bill
    title: What the bill does, in a line
    sources: {BILL: {title: ..., url: ..., kind: bill text}}
    repeal: [A-PROVISION-OR-LIFT-ID]
    replace: {parameters: [{id: A-PARAMETER-ID, ...}]}
    add: {provisions: [...], lifts: [...]}
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import InputError, InputErrors
from .models import Amendment, RulePack
from .safe_yaml import Path_, _line_for, load_validated

_SECTIONS = ("parameters", "lifts", "not_lifts", "provisions")


def load_amendment(path: Path) -> tuple[Amendment, dict[Path_, int]]:
    return load_validated(
        path, Amendment, "a UTF-8 YAML amendment", "keys amendment, title, sources, repeal, replace, add"
    )


def amend(
    loaded: list[tuple[Path, RulePack, dict[Path_, int]]],
    path: Path,
    repealed_by: dict[str, str] | None = None,
) -> tuple[list[tuple[Path, RulePack, dict[Path_, int]]], str]:
    """The packs with the amendment's changes; what it adds is a pack of its own (its id, its sources).

    `repeal` names provisions, lifts and not-lifts (a parameter is replaced, not repealed: the conditions
    that read it would read nothing). Ids are matched within their section: a parameter may share its id
    with the provision that uses it. `repealed_by` holds what earlier bills of the same run repealed (the id,
    the bill's file name), to say so; this bill's repeals are added to it."""
    bill, lines = load_amendment(path)
    file = str(path)
    errors: list[InputError] = []
    known = {s: {item.id for _, pack, _ in loaded for item in getattr(pack, s)} for s in _SECTIONS}
    rules = known["lifts"] | known["not_lifts"] | known["provisions"]
    earlier = repealed_by if repealed_by is not None else {}
    for i, pid in enumerate(bill.repeal):
        line = _line_for(("repeal", i), lines)
        if pid in bill.repeal[:i]:
            errors.append(
                InputError(f"the bill repeals {pid!r} twice.", file=file, line=line, accepted="each id once")
            )
        elif pid not in rules and pid in earlier:
            errors.append(
                InputError(
                    f"{pid!r} is already repealed by {earlier[pid]}.",
                    file=file,
                    line=line,
                    accepted="ids the law still has after the bills before this one",
                )
            )
        elif pid not in rules:
            if pid in known["parameters"]:
                errors.append(
                    InputError(
                        f"{pid!r} is a parameter: a bill replaces a parameter (with new dated values), "
                        "and repeals the provisions or lifts that read it.",
                        file=file,
                        line=line,
                        accepted="replace: {parameters: [...]}, or repeal: [the provisions that use it]",
                    )
                )
            else:
                errors.append(_unknown(pid, file, line, rules))
    for section in _SECTIONS:
        for i, item in enumerate(getattr(bill.replace, section)):
            if item.id not in known[section]:
                where = _line_for(("replace", section, i, "id"), lines)
                errors.append(_unknown(item.id, file, where, known[section]))
    if any(bill.amendment == pack.pack for _, pack, _ in loaded):
        errors.append(
            InputError(
                f"the amendment's id {bill.amendment!r} is a pack's id.",
                file=file,
                line=_line_for(("amendment",), lines),
                accepted="an id of its own, such as the bill's number",
            )
        )
    if errors:
        raise InputErrors(errors)
    repealed = set(bill.repeal)
    earlier.update((pid, path.name) for pid in bill.repeal)
    out = []
    for f, pack, pack_lines in loaded:
        update: dict[str, Any] = {}
        for section in _SECTIONS:
            replacing = {item.id: item for item in getattr(bill.replace, section)}
            items = getattr(pack, section)
            gone = repealed if section != "parameters" else set()
            kept = [replacing.get(item.id, item) for item in items if item.id not in gone]
            if kept != items:
                update[section] = kept
        if repealed:  # a repealed lift lifts nothing any more, and no not-lift is mistaken for it
            update["provisions"] = [
                p.model_copy(update={"lifted_by": [x for x in p.lifted_by if x not in repealed]})
                for p in update.get("provisions", pack.provisions)
            ]
            not_lifts = []
            for nl in update.get("not_lifts", pack.not_lifts):
                left = [x for x in nl.not_for if x not in repealed]
                if left:
                    not_lifts.append(nl.model_copy(update={"not_for": left}))
            update["not_lifts"] = not_lifts
        if update:
            update["sources"] = {**pack.sources, **bill.sources}  # a replacement cites the bill's sources
            pack = _checked(pack.model_copy(update=update), file, lines, "replace")
        out.append((f, pack, pack_lines))
    if bill.add.items():
        added = RulePack.model_validate(
            {
                "pack": bill.amendment,
                "title": bill.title,
                "authority": f"amendment {bill.amendment} ({path.name})",
                "sources": {k: v.model_dump() for k, v in bill.sources.items()},
            }
        ).model_copy(update={s: getattr(bill.add, s) for s in _SECTIONS})
        added = _checked(added, file, lines, "add")
        added_lines = {k[1:]: v for k, v in lines.items() if k[:1] == ("add",)}
        out.append((path, added, added_lines))
    _no_orphans(loaded, out, bill, file, lines)
    return out, _said(bill, path)


def _no_orphans(
    before: list[tuple[Path, RulePack, dict[Path_, int]]],
    after: list[tuple[Path, RulePack, dict[Path_, int]]],
    bill: Amendment,
    file: str,
    lines: dict[Path_, int],
) -> None:
    """A lift left lifting no provision by the bill's repeals is the bill's error, said at its repeal (the
    packs would be blamed for it otherwise): the bill repeals the lift too, or keeps the provision."""
    lifting = {x: p.id for _, pack, _ in before for p in pack.provisions for x in p.lifted_by}
    still = {x for _, pack, _ in after for p in pack.provisions for x in p.lifted_by}
    lifts = {lift.id for _, pack, _ in after for lift in pack.lifts}
    problems = []
    for lift in sorted(lifts - still):
        was = lifting.get(lift)
        if was is None or was not in bill.repeal:
            continue  # it lifted nothing before the bill either: the pack's own error, said as before
        problems.append(
            InputError(
                f"repealing {was!r} leaves the lift {lift!r} lifting no provision.",
                file=file,
                line=_line_for(("repeal", bill.repeal.index(was)), lines),
                accepted=f"repeal the lift too (repeal: [{', '.join([*bill.repeal, lift])}]), or keep {was}",
            )
        )
    if problems:
        raise InputErrors(problems)


def _said(bill: Amendment, path: Path) -> str:
    """What a bill does, in a sentence every verdict read under it carries."""
    parts = []
    for verb, ids in (
        ("repeals", bill.repeal),
        ("replaces", [item.id for item in bill.replace.items()]),
        ("adds", [item.id for item in bill.add.items()]),
    ):
        if ids:
            parts.append(f"{verb} {', '.join(ids)}")
    does = "; ".join(parts) or "changes nothing"
    return f"Read under the bill {bill.title!r} ({path.name}), not enacted law: it {does}."


def _checked(pack: RulePack, file: str, lines: dict[Path_, int], section: str) -> RulePack:
    """Every source an amended pack's items cite is one it lists (model_copy runs no validator, and a
    round trip through JSON would turn the dates in conditions into words)."""
    cited = [(item.id, getattr(item, "sources", [])) for s in _SECTIONS for item in getattr(pack, s)]
    cited += [(p.id, v.sources) for p in pack.parameters for v in p.values]
    problems = [
        InputError(
            f"{section}: {owner} cites source {key!r}, which neither the bill nor the amended pack lists.",
            file=file,
            line=_line_for((section,), lines),
            accepted="sources the bill lists under sources: (or the amended pack's own)",
        )
        for owner, keys in cited
        for key in keys
        if key not in pack.sources
    ]
    if problems:
        raise InputErrors(problems)
    return pack


def _unknown(pid: str, file: str, line: int, known: set[str]) -> InputError:
    import difflib

    near = difflib.get_close_matches(pid, sorted(known), 3, 0.6)
    hint = f" Did you mean {' or '.join(near)}?" if near else ""
    return InputError(
        f"the amendment names {pid!r}, which no loaded pack has.{hint}",
        file=file,
        line=line,
        accepted="the id of a provision, lift, not-lift or parameter (see constraint-engine rules --params)",
    )
