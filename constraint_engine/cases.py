"""A case as the engines and the reference interpreter receive it: the proposal's facts, dated as ordinals,
with the quantities the packs derive from them (quantities.py) filled in once.

Which quantities exist, and how each is computed, is the packs' vocabulary; this module only orders the
work: the action's own fields first (other facts may read them), then each fact's, then the facts made
for every case (the first written notice).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .facts import Proposal
from .interpreting import derive
from .phrasebook import Phrasebook
from .quantities import facts_read


def engine_facts(phrasebook: Phrasebook, proposal: Proposal, params: dict[str, Any]) -> list[dict[str, Any]]:
    """The case's facts for one evaluation: dates as ordinals, the action dated with the proposal's date."""
    action: dict[str, Any] = {
        "t": "action",
        **_encode(proposal.action.fields),
        "date": proposal.date.toordinal(),
    }
    facts = [action, *({"t": f.type, **_encode(f.fields)} for f in proposal.facts)]
    by_type: dict[str, list[dict[str, Any]]] = {}
    for fact in facts:
        by_type.setdefault(fact["t"], []).append(fact)
    for fact in facts:
        table = phrasebook.derivations(fact["t"])
        if table:
            derive(table, params, fact, by_type, phrasebook.groups)
    for name in phrasebook.made:
        made: dict[str, Any] = {"t": name}
        derive(phrasebook.derivations(name), params, made, by_type, phrasebook.groups)
        facts.append(made)
    return facts


def read_only_to_derive(phrasebook: Phrasebook) -> frozenset[str]:
    """Fact types the packs read to derive a quantity (baselines, adjournments): the law reads them even
    where no rule matches them, so a verdict never says that no pack considers them."""
    read: set[str] = set()
    for (fact, _), d in phrasebook.derived.items():
        if fact not in phrasebook.made:  # a made fact is read by rules in its own right
            read |= facts_read(d.value) | facts_read(d.default)
    return frozenset(read)


def computed_action_fields(phrasebook: Phrasebook, facts: list[dict[str, Any]]) -> dict[str, Any]:
    """The action's fields the packs compute from other facts (a baseline), as found for this case."""
    action = facts[0]
    return {
        f: action[f]
        for (t, f), d in phrasebook.derived.items()
        if t == "action" and d.value is not None and f in action
    }


def _encode(fields: dict[str, int | str | dt.date]) -> dict[str, int | str]:
    return {k: (v.toordinal() if isinstance(v, dt.date) else v) for k, v in fields.items()}
