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
    loaded: list[tuple[Path, RulePack, dict[Path_, int]]], path: Path
) -> list[tuple[Path, RulePack, dict[Path_, int]]]:
    """The packs with the amendment's changes; what it adds is a pack of its own (its id, its sources)."""
    bill, lines = load_amendment(path)
    file = str(path)
    errors: list[InputError] = []
    known = {item.id for _, pack, _ in loaded for s in _SECTIONS for item in getattr(pack, s)}
    for i, pid in enumerate(bill.repeal):
        if pid not in known:
            errors.append(_unknown(pid, file, _line_for(("repeal", i), lines), known))
    replacing = {item.id: item for item in bill.replace.items()}
    for section in _SECTIONS:
        for i, item in enumerate(getattr(bill.replace, section)):
            if item.id not in known:
                errors.append(_unknown(item.id, file, _line_for(("replace", section, i, "id"), lines), known))
    if errors:
        raise InputErrors(errors)
    repealed = set(bill.repeal)
    out = []
    for f, pack, pack_lines in loaded:
        update: dict[str, Any] = {}
        for section in _SECTIONS:
            items = getattr(pack, section)
            kept = [replacing.get(item.id, item) for item in items if item.id not in repealed]
            if kept != items:
                update[section] = kept
        if "provisions" in update or repealed:  # a repealed lift lifts nothing any more
            update["provisions"] = [
                p.model_copy(update={"lifted_by": [x for x in p.lifted_by if x not in repealed]})
                for p in update.get("provisions", pack.provisions)
            ]
        if update:
            update["sources"] = {**pack.sources, **bill.sources}  # a replacement cites the bill's sources
            pack = pack.model_copy(update=update)
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
        added_lines = {k[1:]: v for k, v in lines.items() if k[:1] == ("add",)}
        out.append((path, added, added_lines))
    return out


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
