"""Where speed took a shorter path than the library's own, the two give the same thing."""

from __future__ import annotations

from constraint_engine.explaining import Derivation, Verdict
from constraint_engine.running import Runner

WITHDRAW = "the President proposes to withdraw the United States from the North Atlantic Treaty"


def test_a_brief_verdict_is_the_model_pydantic_would_construct(runner: Runner):
    case, _ = runner.case_of(["the date is 2026-03-01"], WITHDRAW)
    verdict = runner.evaluate(case, brief=True)
    assert verdict.outcome == "blocked" and verdict.blocked_by
    for made in (verdict, verdict.derivation):
        cls = type(made)
        assert cls in (Verdict, Derivation)
        reference = cls.model_construct(**{name: getattr(made, name) for name in cls.model_fields})
        assert made == reference
        assert list(made.__dict__) == list(reference.__dict__)
        assert made.model_fields_set == reference.model_fields_set
        assert (made.__pydantic_extra__, made.__pydantic_private__) == (
            reference.__pydantic_extra__,
            reference.__pydantic_private__,
        )
        assert made.model_dump() == reference.model_dump()
