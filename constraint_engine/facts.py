"""The input to an evaluation: a proposed action on a date, and the facts around it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .bounds import NO_NOTICE

# The scope of a troop baseline for the whole EUCOM area (rules/vocabulary.yaml), copied onto the action.
EUCOM = "the European Command area of responsibility"
# Facts this module reads to fill in the action's own fields (baselines, a change of the area, adjournments):
# no rule matches them, yet the law reads them, so a verdict never says no pack considers them.
CASE_READS = frozenset({"troop_baseline", "aor_change", "adjournment", "special_message"})


class Fact(BaseModel):
    """One asserted fact, with the step text it came from (for explanations)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: str
    fields: dict[str, int | str | dt.date] = Field(default_factory=dict)
    text: str = ""

    @model_validator(mode="after")
    def _values(self) -> Fact:
        # Which facts and fields exist is the rule packs' vocabulary (checked when a phrase is loaded);
        # here only what the engine can carry: whole numbers at least zero, words and dates.
        for name, value in self.fields.items():
            if isinstance(value, bool) or (isinstance(value, int) and value < 0):
                raise ValueError(f"{self.type}.{name} must be a non-negative whole number, a word or a date")
        return self


class Proposal(BaseModel):
    """A proposed action and the facts of its case: what one engine session evaluates."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    date: dt.date
    date_defaulted: bool = False
    action: Fact
    facts: tuple[Fact, ...] = ()
    details: tuple[str, ...] = ()  # steps that qualify the action itself (e.g. when equipment arrived)
    overrides: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _action_is_action(self) -> Proposal:
        if self.action.type != "action":
            raise ValueError("the proposed action must be a fact of type 'action'")
        if any(f.type == "action" for f in self.facts):
            raise ValueError("a proposal has exactly one action")
        return self

    def engine_facts(self) -> list[dict[str, Any]]:
        """Facts as the engine takes them: dates as ordinals, the action dated with the proposal's date."""
        action = {"t": "action", **_encode(self.action.fields), "date": self.date.toordinal()}
        action.update(self.action_context())
        action.setdefault("in_area_since", 1)  # without a date, the item was in the area before any cut-off
        action.setdefault("prior_days", 0)
        facts = [action]
        for f in self.facts:
            fact = {"t": f.type, **_encode(f.fields)}
            if f.type == "senate_vote":
                fact.setdefault("voting", fact["present"])  # without nays, everyone present voted
            elif f.type in ("certification", "korea_certification", "consultation", "rescission_enacted"):
                fact.setdefault("date", 1)  # without a date, done long before the action
            elif f.type == "special_message":
                fact["recess_days"] = self.recess_days(f.fields.get("date"))
            facts.append(fact)
        # 1928f(c)(1) orders the consultation before the (c)(2) notice: the rules compare with the first one.
        notices = [f.fields["date"] for f in self.facts if f.type == "notice"]
        first = min(notices) if notices else NO_NOTICE
        facts.append({"t": "first_notice", "date": first.toordinal() if isinstance(first, dt.date) else 0})
        return facts

    def action_context(self) -> dict[str, Any]:
        """Facts of the scenario the action's own fields carry: baselines, AOR changes, pending proposals.

        Copying them onto the action lets a provision test a missing baseline ($nex) without negation.
        """
        out: dict[str, Any] = {}
        country = self.action.fields.get("country")
        for f in self.facts:
            if f.type == "troop_baseline":
                if f.fields.get("scope") == EUCOM:
                    out["eucom_baseline"] = f.fields["count"]
                elif f.fields.get("scope") == country:
                    out["country_baseline"] = f.fields["count"]
        moved = any(f.type == "aor_change" and f.fields.get("country") == country for f in self.facts)
        out["country_moved_out"] = "yes" if moved else "no"
        pending = any(
            f.type == "special_message" and f.fields.get("proposes") == "rescind" for f in self.facts
        )
        out["rescission_pending"] = "yes" if pending else "no"
        return out

    def recess_days(self, message: Any) -> int:
        """Days of adjournment from the message to the end of the withholding (either House; counted once)."""
        days = self.action.fields.get("days")
        if not isinstance(message, dt.date) or not isinstance(days, int):
            return 0
        window = set(range(message.toordinal(), self.date.toordinal() + days + 1))
        recess: set[int] = set()
        for f in self.facts:
            if f.type == "adjournment":
                start, end = f.fields["start"], f.fields["end"]
                if isinstance(start, dt.date) and isinstance(end, dt.date):
                    recess |= _days_between(start, end)
        return len(recess & window)


def _days_between(start: dt.date, end: dt.date) -> set[int]:
    """The days strictly between an adjournment's start and the day the House sits again, as ordinals."""
    return set(range(start.toordinal() + 1, end.toordinal()))


def _encode(fields: dict[str, int | str | dt.date]) -> dict[str, int | str]:
    return {k: (v.toordinal() if isinstance(v, dt.date) else v) for k, v in fields.items()}
