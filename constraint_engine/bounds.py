"""Bounds on every value that reaches the engine, and the dates it evaluates."""

from __future__ import annotations

import datetime as dt

# Bounds on every number that reaches the engine, checked where it enters (a step, --set, a rule pack).
# Within them every sum and product the rules compute stays far below 2**53, so the engine's arithmetic is
# exact; beyond them a value is an input error, never a silently wrapped or rounded comparison.
MAX_TROOPS = 2_000_000  # more than the whole active-duty force: anything above is a typo
MAX_DAYS = 36_500  # a century
MAX_HOURS = MAX_DAYS * 24
MAX_DOLLARS = 10**15  # a thousand trillion dollars
MAX_FRACTION_TERM = 1_000  # the numerator and denominator of a fraction (2/3, 3/5)
EARLIEST_DATE = dt.date(1789, 3, 4)  # the Constitution takes effect: no earlier executive action exists
LATEST_DATE = dt.date(2199, 12, 31)
AFTER_ANY_DATE = LATEST_DATE + dt.timedelta(days=1)  # a pack's `after-any-date` (no notice given, say)
UNIT_MAXIMUM = {"count": MAX_TROOPS, "days": MAX_DAYS, "hours": MAX_HOURS, "dollars": MAX_DOLLARS}


def check_date_bounds(day: dt.date) -> dt.date:
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ValueError(
            f"{day} is outside the dates the engine evaluates; accepted: {EARLIEST_DATE} to {LATEST_DATE}"
        )
    return day
