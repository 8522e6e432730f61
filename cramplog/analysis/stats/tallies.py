"""Nights as whole numbers (days since 1970), and medians of counted values.

The headline figures count a period's packed episodes into tallies (`packed_tally`), so a
median is taken from a tally of value -> how many, never from a list of every value.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Final

EPOCH: Final = date(1970, 1, 1)


def to_day(days: int) -> date:
    return EPOCH + timedelta(days=int(days))


def median(tally: Mapping[int, int]) -> float | None:
    """The median of the values counted in `tally` (value -> how many times); None if none.

    As numpy's: the middle value, or the mean of the two middle values of an even count.
    """
    return median_and_most(tally)[0]


def median_and_most(tally: Mapping[int, int]) -> tuple[float | None, int | None]:
    """The median (as `median`) and the largest of the values counted in `tally`."""
    total = sum(tally.values())
    if total == 0:
        return None, None
    values = sorted(value for value, n in tally.items() if n)
    low_at, high_at = (total - 1) // 2, total // 2
    seen = 0
    low: int | None = None
    middle: float | None = None
    for value in values:
        seen += tally[value]
        if low is None and seen > low_at:
            low = value
        if seen > high_at:
            assert low is not None
            middle = (low + value) / 2
            break
    return middle, values[-1]
