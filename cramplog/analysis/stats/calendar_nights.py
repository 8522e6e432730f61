"""The calendar heatmap: each night of the last year, with cramps, cramp-free or unrecorded."""

from __future__ import annotations

import enum
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from cramplog.analysis.stats.periods import Period
from cramplog.analysis.stats.tallies import EPOCH

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
    period: Period, per_night: Mapping[int, int], recorded_nights: Collection[int]
) -> tuple[CalendarNight, ...]:
    """Each night of the period's last year: its episodes (`per_night`, by day number) or,
    without any, whether it was recorded (`recorded_nights`, day numbers)."""
    window = calendar_period(period)
    first = (window.first - EPOCH).days
    nights: list[CalendarNight] = []
    for offset in range(window.nights):
        day = first + offset
        episodes = per_night.get(day, 0)
        state = (
            NightState.CRAMPS
            if episodes
            else NightState.CRAMP_FREE
            if day in recorded_nights
            else NightState.UNRECORDED
        )
        nights.append(CalendarNight(window.first + timedelta(days=offset), state, episodes))
    return tuple(nights)
