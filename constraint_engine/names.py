"""The names phrases accept for actors, countries and programs, and the groups they form: data, not code.

The bundled lists are vocabulary/names.yaml; a rule pack may add names (a new actor, an organization that
buys arms) and declare groups with dated membership (NATO's members with their accession dates), under
its vocabulary. A name matches whatever its case, spacing or a leading "the"; an alternative name gives
the canonical one that rule packs use; an unknown name is an error listing what is accepted, never a
silent non-match.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from dataclasses import dataclass

from .errors import InputError
from .safe_yaml import load_yaml

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
    """Every kind of name a phrase accepts (actor, country, program, and any a pack adds), by kind."""

    kinds: dict[str, NameList]

    @property
    def actors(self) -> NameList:
        return self.kinds["actor"]

    @property
    def countries(self) -> NameList:
        return self.kinds["country"]

    @property
    def programs(self) -> NameList:
        return self.kinds["program"]

    def with_added(self, kind: str, raw: dict[str, list[str] | None], file: str) -> Names:
        """These names with a pack's additions of one kind (a new kind starts empty)."""
        base = self.kinds.get(kind)
        merged: dict[str, list[str] | None] = {}
        if base is not None:
            for name in base.canonical:
                merged[name] = [a for a, n in base.lookup.items() if n == name]
        for name, others in raw.items():
            merged[name] = [*(merged.get(name) or []), *(others or [])]
        return Names({**self.kinds, kind: _name_list(kind, merged, file)})

    def canonical(self, text: str) -> str | None:
        """The canonical name of any kind that `text` names."""
        for names_ in self.kinds.values():
            found = names_.resolve(text)
            if found is not None:
                return found
        return None


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

    resource = importlib.resources.files("constraint_engine") / "vocabulary" / "names.yaml"
    file = str(resource)
    data, _ = load_yaml(resource.read_text(encoding="utf-8"), file)
    return Names(
        {
            "actor": _name_list("actors", data.get("actors"), file),
            "country": _name_list("countries", data.get("countries"), file),
            "program": _name_list("programs", data.get("programs"), file),
        }
    )
