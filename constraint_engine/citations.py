"""Citation matching as VOCABULARY.md promises: normalise, then equal or a whole that contains it."""

from __future__ import annotations

import re
from collections.abc import Iterable

_DROP = re.compile(r"§|\bsec\.|\bsection\b", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def normalise(citation: str) -> str:
    text = _DROP.sub(" ", citation.lower())
    return _SPACES.sub(" ", text).strip()


def matches(query: str, citations: Iterable[str]) -> bool:
    """True when `query` names one of the citations, or a whole that contains one.

    `22 U.S.C. 1928f` contains `22 U.S.C. 1928f(c)(2)`; `North Atlantic Treaty` contains its `, Art. 13`.
    """
    q = normalise(query)
    if not q:
        return False
    for citation in citations:
        c = normalise(citation)
        if c == q or (c.startswith(q) and c[len(q)] in "(,"):
            return True
    return False
