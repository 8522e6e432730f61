"""The period week by week (cramps and the rolling rate) and its intensity and duration trend."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Final

from cramplog.analysis.stats.arrays import group_medians, group_medians_and_most
from cramplog.analysis.stats.rates import MIN_NIGHTS_TO_RATE
from cramplog.analysis.stats.tallies import EPOCH, to_day
from cramplog.core import sorted_arrays
from cramplog.storage import aggregates

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from cramplog.analysis.stats.packed_tally import Column
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
    # The week's nights inside the period: under 7 for a week the period starts or ends in.
    nights: int = 7


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
    per_night: Mapping[int, int],
    recorded_nights: Collection[int],
) -> tuple[WeekPoint, ...]:
    """Every calendar week touching the period (empty ones too), with the rolling rate.

    `per_night`: episodes per cramp night, `recorded_nights`: the recorded nights, both as
    day numbers (days since 1970) of the period. A chart series (numpy, loaded by then).
    """
    import numpy as np

    first_monday = period.first - timedelta(days=period.first.weekday())
    origin = (first_monday - EPOCH).days
    weeks = ((period.last - first_monday).days // 7) + 1
    cramp_nights = np.fromiter(per_night.keys(), dtype=np.int64, count=len(per_night))
    per = np.fromiter(per_night.values(), dtype=np.int64, count=len(per_night))
    recorded_days = np.fromiter(recorded_nights, dtype=np.int64, count=len(recorded_nights))

    def by_week(values: NDArray[np.int64], weights: NDArray[np.int64] | None = None) -> Any:
        found = np.bincount((values - origin) // 7, weights=weights, minlength=weeks)[:weeks]
        return found.astype(np.int64)

    episodes = by_week(cramp_nights, per)
    nights_with = by_week(cramp_nights)
    recorded = by_week(recorded_days)
    on_recorded = np.isin(cramp_nights, recorded_days)
    # Rolling sums over ROLLING_WEEKS weeks.
    window = ROLLING_WEEKS
    rated = by_week(cramp_nights[on_recorded], per[on_recorded])
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
    nights = [7] * weeks  # only the first and the last week can hold fewer
    for edge in {0, weeks - 1}:
        sunday = starts[edge] + timedelta(days=6)
        nights[edge] = (min(sunday, period.last) - max(starts[edge], period.first)).days + 1
    return tuple(
        map(
            WeekPoint,
            starts,
            episodes.tolist(),
            nights_with.tolist(),
            recorded.tolist(),
            rolling,
            nights,
        )
    )


def trend(
    period: Period,
    cols: aggregates.EpisodeColumns,
    night_origin: int,
    packed_column: Column | None = None,
) -> tuple[TrendPoint, ...]:
    """Intensity and duration week by week (a period of up to WEEKLY_TREND_MAX_NIGHTS) or
    month by month, for the weeks or months holding a cramp. A chart series (numpy).

    `cols`: the period's episodes, their nights days after `night_origin` (a day number);
    `packed_column`: `cols.packed` as counted (`packed_tally.column`), an array if made.
    """
    import numpy as np

    packed = (
        packed_column
        if isinstance(packed_column, np.ndarray)
        else np.fromiter(cols.packed, dtype=np.int64, count=len(cols.packed))
    )

    def field(bits: tuple[int, int]) -> NDArray[np.int64]:
        shift, width = bits
        return (packed >> shift) & ((1 << width) - 1)

    if cols.night is None:
        night = field(aggregates.EPISODE_NIGHT_BITS) + night_origin
    else:
        night = np.fromiter(cols.night, dtype=np.int64, count=len(cols.night)) + night_origin
    intensity = field(aggregates.INTENSITY_BITS)
    rated = intensity != aggregates.NO_INTENSITY
    duration = field(aggregates.DURATION_BITS)
    timed = duration > 0
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
