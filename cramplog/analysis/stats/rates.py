"""The one per-week rate every output shows, and when there are too few nights to give it."""

from __future__ import annotations

from typing import Final

from cramplog.core.translation import _

# A week of recorded nights before any per-week figure: from two nights, one busy night
# would read as "175 a week".
MIN_NIGHTS_TO_RATE: Final = 7


def can_rate(recorded_nights: int) -> bool:
    """Whether a per-week figure may be given from this many recorded nights."""
    return recorded_nights >= MIN_NIGHTS_TO_RATE


def too_few_nights_to_rate(recorded_nights: int) -> str:
    """Why a per-week figure is not given: "too few recorded nights to rate (2 of 7 needed)"."""
    return _(
        "too few recorded nights to rate ({recorded_nights} of {min_nights_to_rate} needed)"
    ).format(recorded_nights=recorded_nights, min_nights_to_rate=MIN_NIGHTS_TO_RATE)


def per_week(count: int, recorded_nights: int) -> float | None:
    """Cramps (or nights) per seven recorded nights: the one rate every output shows.

    None below `MIN_NIGHTS_TO_RATE` recorded nights: never extrapolated."""
    return count / recorded_nights * 7 if can_rate(recorded_nights) else None
