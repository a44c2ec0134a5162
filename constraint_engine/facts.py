"""The input to an evaluation: a proposed action on a date, and the facts around it."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, model_validator


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

    @model_validator(mode="after")
    def _action_is_action(self) -> Proposal:
        if self.action.type != "action":
            raise ValueError("the proposed action must be a fact of type 'action'")
        if any(f.type == "action" for f in self.facts):
            raise ValueError("a proposal has exactly one action")
        return self
