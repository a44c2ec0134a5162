"""A case (OpenFisca's simulation): a proposed action with its facts, read under one law, and the facts as
the engines and the reference interpreter receive them: dated as ordinals, with the quantities the packs
derive (quantities.py) filled in once.

Which quantities exist, and how each is computed, is the packs' vocabulary; this module only orders the
work: the action's own fields first (other facts may read them), then each fact's, then the facts made
for every case (the first written notice). Cures, other readings and probes are analyses that make other
cases (another proposal, or the same one under an amended law), never a change to this one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .compiling import CompiledRules, params_for
from .facts import Proposal
from .interpreting import derive
from .loading import RuleBook
from .phrasebook import Phrasebook


class Case:
    """A proposal read under a law (the run's, with the scenario's own readings): the unit every front door
    builds (`running.Runner.case`) and every evaluation takes."""

    __slots__ = ("proposal", "book", "_facts", "_params")

    def __init__(self, proposal: Proposal, book: RuleBook):
        self.proposal = proposal
        self.book = book
        self._facts: list[dict[str, Any]] | None = None
        self._params: dict[str, Any] | None = None

    @property
    def date(self) -> dt.date:
        return self.proposal.date

    @property
    def params(self) -> dict[str, Any]:
        """The day's parameters under this law, as the engines receive them (computed once)."""
        if self._params is None:
            self._params = params_for(self.book, self.proposal.date)
        return self._params

    def params_from(self, compiled: CompiledRules) -> dict[str, Any]:
        """The day's parameters as a compiled law keeps them, one fact per interval shared by every case
        on it (the same values as `params`, which then need not be computed again)."""
        params = compiled.params_fact(self.proposal.date, self.book.settings)
        if self._params is None:
            self._params = params
        return params

    def facts_with(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        """The engines' facts, with the derived quantities (computed once; `params` are the day's)."""
        if self._facts is None:
            self._facts = engine_facts(self.book.phrasebook, self.proposal, params)
        return self._facts

    @property
    def facts(self) -> list[dict[str, Any]]:
        return self.facts_with(self.params)

    def changed(self, proposal: Proposal) -> Case:
        """Another proposal under the same law (a cure's)."""
        return Case(proposal, self.book)

    def under(self, settings: dict[str, Any]) -> Case:
        """The same proposal under the law amended by these settings (another reading); its facts are the
        same unless a derived quantity reads a parameter."""
        other = Case(self.proposal, self.book.amended(settings))
        if not self.book.phrasebook.derivations_read_parameters:
            other._facts = self._facts
        return other


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
