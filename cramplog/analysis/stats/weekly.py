"""The period week by week (cramps and the rolling rate) and its intensity and duration trend."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Final

from cramplog.analysis.stats.arrays import EPOCH, group_medians, group_medians_and_most, to_day
from cramplog.analysis.stats.rates import MIN_NIGHTS_TO_RATE
from cramplog.core import sorted_arrays

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from cramplog.analysis.stats.periods import Period

ROLLING_WEEKS: Final = 4
# Longer periods show intensity and duration per month rather than per week.
WEEKLY_TREND_MAX_NIGHTS: Final = 183


@dataclass(frozen=True, slots=True)
class WeekPoint:
    """One calendar week (Monday first) of the period, for the weekly chart.

    `rolling_cramps_per_week` is cramps per seven recorded nights over this week and the
    `ROLLING_WEEKS - 1` before it; None (a gap in the line, never 0) while those weeks hold
    fewer than `MIN_NIGHTS_TO_RATE` recorded nights.
    """

    week_start: date
    episodes: int
    cramp_nights: int
    recorded_nights: int
    rolling_cramps_per_week: float | None


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """Intensity and duration of the episodes in one week or month (`bucket`)."""

    bucket_start: date
    bucket: str
    episodes: int
    intensity_median: float | None
    intensity_worst: int | None
    duration_median_s: float | None


def weeks(
    period: Period,
    night: NDArray[np.int64],
    recorded_episode_nights: NDArray[np.int64],
    cramp_nights: NDArray[np.int64],
    recorded_nights: NDArray[np.int64],
) -> tuple[WeekPoint, ...]:
    """Every calendar week touching the period (empty ones too), with the rolling rate."""
    import numpy as np

    first_monday = period.first - timedelta(days=period.first.weekday())
    origin = (first_monday - EPOCH).days
    weeks = ((period.last - first_monday).days // 7) + 1

    def by_week(values: NDArray[np.int64]) -> NDArray[np.int64]:
        return np.bincount((values - origin) // 7, minlength=weeks)[:weeks]

    episodes = by_week(night)
    nights_with = by_week(cramp_nights)
    recorded = by_week(recorded_nights)
    # Rolling sums over ROLLING_WEEKS weeks, from cumulative sums.
    window = ROLLING_WEEKS
    rated = by_week(recorded_episode_nights)
    episodes_sum = np.convolve(rated, np.ones(window, dtype=np.int64))[:weeks]
    recorded_sum = np.convolve(recorded, np.ones(window, dtype=np.int64))[:weeks]
    # Built from plain lists in one pass: over a century (5,400 weeks, and as many again for
    # the comparison period) a numpy scalar per field per week cost more than the counting.
    # The rate is `per_week`'s rule on whole arrays: the same division, then times 7.
    rates = np.divide(episodes_sum, recorded_sum, where=recorded_sum > 0, out=np.zeros(weeks)) * 7
    ratable = recorded_sum >= MIN_NIGHTS_TO_RATE
    rolling = [r if ok else None for r, ok in zip(rates.tolist(), ratable.tolist(), strict=True)]
    # numpy's days turn into dates in C: a date sum per week cost as much as the counting.
    monday = np.datetime64(first_monday, "D")
    starts = np.arange(monday, monday + 7 * weeks, 7).tolist()
    return tuple(
        map(
            WeekPoint,
            starts,
            episodes.tolist(),
            nights_with.tolist(),
            recorded.tolist(),
            rolling,
        )
    )


def trend(
    period: Period,
    night: NDArray[np.int64],
    intensity: NDArray[np.int64],
    rated: NDArray[np.bool_],
    duration: NDArray[np.int64],
    timed: NDArray[np.bool_],
) -> tuple[TrendPoint, ...]:
    import numpy as np

    weekly = period.nights <= WEEKLY_TREND_MAX_NIGHTS
    if weekly:
        bucket = night - (night + 3) % 7  # the Monday of each night's week
    else:
        bucket = night.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    keys, counts = sorted_arrays.distinct_counts(bucket)
    intensity_medians, worst = group_medians_and_most(bucket[rated], intensity[rated])
    duration_medians = group_medians(bucket[timed], duration[timed])

    def start_of(key: int) -> date:
        if weekly:
            return to_day(key)
        year, month = divmod(key, 12)
        return date(1970 + year, month + 1, 1)

    name = "week" if weekly else "month"
    return tuple(
        TrendPoint(
            bucket_start=start_of(key),
            bucket=name,
            episodes=n,
            intensity_median=intensity_medians.get(key),
            intensity_worst=worst.get(key),
            duration_median_s=duration_medians.get(key),
        )
        for key, n in zip(keys.tolist(), counts.tolist(), strict=True)
    )
