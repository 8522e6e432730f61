"""The calendar heatmap: each night of the last year, with cramps, cramp-free or unrecorded."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Final

from cramplog.analysis.stats.arrays import EPOCH
from cramplog.analysis.stats.periods import Period

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

CALENDAR_MAX_NIGHTS: Final = 371  # 53 weeks: a year, whatever weekday it starts on


class NightState(enum.StrEnum):
    CRAMPS = "cramps"
    CRAMP_FREE = "cramp_free"
    UNRECORDED = "unrecorded"


@dataclass(frozen=True, slots=True)
class CalendarNight:
    night: date
    state: NightState
    episodes: int


def calendar_period(period: Period) -> Period:
    """The period's last year at most: the calendar heatmap shows up to 53 weeks."""
    first = max(period.first, period.last - timedelta(days=CALENDAR_MAX_NIGHTS - 1))
    return Period(first, period.last)


def calendar(
    period: Period,
    cramp_nights: NDArray[np.int64],
    per_night: NDArray[np.int64],
    reviewed_nights: NDArray[np.int64],
) -> tuple[CalendarNight, ...]:
    window = calendar_period(period)
    first = (window.first - EPOCH).days
    last = (window.last - EPOCH).days
    inside = (cramp_nights >= first) & (cramp_nights <= last)
    counts = dict(zip(cramp_nights[inside].tolist(), per_night[inside].tolist(), strict=True))
    # Picked out by numpy: a century holds tens of thousands of recorded nights.
    in_window = (reviewed_nights >= first) & (reviewed_nights <= last)
    reviewed = set(reviewed_nights[in_window].tolist())
    nights: list[CalendarNight] = []
    for offset in range(window.nights):
        day = first + offset
        episodes = counts.get(day, 0)
        state = (
            NightState.CRAMPS
            if episodes
            else NightState.CRAMP_FREE
            if day in reviewed
            else NightState.UNRECORDED
        )
        nights.append(CalendarNight(window.first + timedelta(days=offset), state, episodes))
    return tuple(nights)
