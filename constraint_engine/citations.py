"""Citations as lawyers write them: normalise, then equal, or a whole that contains the cited part.

`22 USC 1928f(a)`, `22 U.S.C. § 1928f(a)` and `22 U.S.C. 1928f (a)` are one citation; `22 U.S.C. 1928f` is a
whole containing `22 U.S.C. 1928f(c)(2)`; `Pub. L. 119-60` contains every provision of that law;
`Article 13 of the North Atlantic Treaty` is `North Atlantic Treaty, Art. 13`, and `Art. 13` alone names it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

_DROP = re.compile(r"§|\bsec\.|\bsection\b", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_REWRITES = [
    (re.compile(r"\bu\.?\s*s\.?\s*c\.?(?=\s|$)"), "u.s.c."),  # USC, U.S.C., U. S. C.
    (re.compile(r"\b(?:pub\.?\s*l\.?|public\s+law|p\.\s*l\.)(?=\s*\d)"), "pub. l."),
    (re.compile(r"\barticle\b\.?|\bart\b\.?"), "art."),
    (re.compile(r"\bconst(?:itution)?\b\.?"), "const."),
    (re.compile(r"\s+\("), "("),  # 1928f (a) -> 1928f(a)
    (re.compile(r"\s*,\s*"), ", "),
]
_ARTICLE_OF = re.compile(r"^(art\. [0-9a-z]+) of (?:the )?(.+)$")


def normalise(citation: str) -> str:
    text = _DROP.sub(" ", citation.lower())
    text = _SPACES.sub(" ", text).strip().rstrip(".;:").strip()
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    text = _SPACES.sub(" ", text).strip()
    m = _ARTICLE_OF.match(text)
    if m:  # "art. 13 of the north atlantic treaty" -> "north atlantic treaty, art. 13"
        text = f"{m.group(2)}, {m.group(1)}"
    return text


def _contains(whole: str, part: str) -> bool:
    """`whole` (normalised query) names `part` (a normalised citation) or a whole containing it."""
    if part == whole:
        return True
    if part.startswith(whole) and part[len(whole)] in "(,":
        return True
    # A bare article ("art. 13") names the one instrument's article it ends.
    return whole.startswith("art. ") and part.endswith(", " + whole)


def matches(query: str, citations: Iterable[str]) -> bool:
    """True when `query` names one of the citations, or a whole that contains one."""
    q = normalise(query)
    return bool(q) and any(_contains(q, normalise(c)) for c in citations)


class CitationIndex:
    """Every citation and alias of every provision in the rule packs (whatever its dates)."""

    def __init__(self, provisions: Iterable[tuple[str, list[str]]]):
        self._by_provision: dict[str, list[str]] = {}
        self._written: dict[str, str] = {}  # normalised -> as the pack writes it
        for pid, cites in provisions:
            self._by_provision[pid] = [normalise(c) for c in cites]
            for c in cites:
                self._written.setdefault(normalise(c), c)

    def provisions(self, query: str) -> list[str]:
        """The provisions a citation names."""
        q = normalise(query)
        if not q:
            return []
        return [pid for pid, cites in self._by_provision.items() if any(_contains(q, c) for c in cites)]

    def nearest(self, query: str, n: int = 3) -> list[str]:
        """The known citations written most like `query`, as the packs write them."""
        q = normalise(query)[:200]  # bounded: a suggestion never costs more than a short compare
        near = difflib.get_close_matches(q, list(self._written), n=n, cutoff=0.0)
        return [self._written[c] for c in near]
