"""The names phrases accept for actors and countries, from vocabulary/names.yaml (data, not code).

A name matches whatever its case, spacing or a leading "the"; an alternative name gives the canonical one
that rule packs use; an unknown name is an error listing what is accepted, never a silent non-match.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from dataclasses import dataclass

from .errors import InputError

_SPACES = re.compile(r"\s+")


def _key(name: str) -> str:
    text = _SPACES.sub(" ", name.replace("’", "'")).strip().casefold()
    return text.removeprefix("the ")


@dataclass(frozen=True)
class NameList:
    kind: str
    canonical: tuple[str, ...]
    lookup: dict[str, str]

    def resolve(self, text: str) -> str | None:
        return self.lookup.get(_key(text))

    def accepted(self) -> str:
        return ", ".join(self.canonical)


@dataclass(frozen=True)
class Names:
    actors: NameList
    countries: NameList
    programs: NameList


def _name_list(kind: str, raw: object, file: str) -> NameList:
    if not isinstance(raw, dict) or not raw:
        raise InputError(f"{kind}: expected a mapping of names to their alternatives.", file=file)
    lookup: dict[str, str] = {}
    for name, others in raw.items():
        if not isinstance(name, str) or not isinstance(others, list | type(None)):
            raise InputError(f"{kind}: {name!r}: give a list of other names.", file=file)
        for alias in [name, *(others or [])]:
            key = _key(str(alias))
            if lookup.get(key, name) != name:
                raise InputError(f"{kind}: {alias!r} names both {lookup[key]!r} and {name!r}.", file=file)
            lookup[key] = name
    return NameList(kind, tuple(raw), lookup)


@functools.cache
def names() -> Names:
    from .loading import load_yaml

    resource = importlib.resources.files("constraint_engine") / "vocabulary" / "names.yaml"
    file = str(resource)
    data, _ = load_yaml(resource.read_text(encoding="utf-8"), file)
    return Names(
        _name_list("actors", data.get("actors"), file),
        _name_list("countries", data.get("countries"), file),
        _name_list("programs", data.get("programs"), file),
    )
