"""compute(): read a period from the diary in one transaction and build its PatternStats."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from cramplog.analysis.stats import calendar_nights, distributions, treatments, triggers, weekly
from cramplog.analysis.stats.arrays import median
from cramplog.analysis.stats.headline import OVER_10_MIN_S, PatternStats
from cramplog.analysis.stats.kept_reads import read_kept
from cramplog.analysis.stats.periods import Period, first_recorded_night, night_range
from cramplog.analysis.stats.rates import per_week
from cramplog.core import nights as diary_nights
from cramplog.core import recorded, sorted_arrays
from cramplog.core.records import LoggingSpan, Medication
from cramplog.storage import aggregates, plain_diary

if TYPE_CHECKING:
    import sqlite3

    import numpy as np
    from numpy.typing import NDArray

    from cramplog.diary.view import DiaryFigures


@dataclass(frozen=True, slots=True)
class _Raw:
    """What one period needs from the diary, read in one transaction."""

    episodes: aggregates.EpisodeColumns
    days: aggregates.DayColumns
    triggers: list[tuple[str, int]]
    reliefs: list[aggregates.ReliefCounts]
    treatments: list[tuple[Medication, recorded.WindowCount, recorded.WindowCount]]
    spans: list[LoggingSpan]


_NO_NIGHTS = recorded.WindowCount(0, 0, {})


def _collect(
    connection: sqlite3.Connection,
    *,
    period: Period,
    hour: int,
    medications: Sequence[Medication],
    diary_first: date | None,
    last_night: date,
) -> _Raw:
    nights = night_range(period, hour)
    shown = [
        m
        for m in medications
        if m.started_on is not None
        and m.started_on <= period.last
        and (m.stopped_on is None or m.stopped_on >= period.first)
    ]
    windows: list[aggregates.NightRange] = []
    slots: list[tuple[int | None, int | None]] = []
    for medication in shown:
        assert medication.started_on is not None
        before, after = treatments.treatment_windows(medication.started_on, diary_first, last_night)
        slot: list[int | None] = []
        for window in (before, after):
            if window is None:
                slot.append(None)
            else:
                slot.append(len(windows))
                windows.append(night_range(window, hour))
        slots.append((slot[0], slot[1]))
    spans = plain_diary.logging_spans(connection)
    found = [
        recorded.count_window(
            w.episodes_by_night, w.reviewed, spans, window.first, window.last, last_night
        )
        for w, window in zip(aggregates.window_nights(connection, windows), windows, strict=True)
    ]
    if aggregates.holds_records(connection, nights):
        episodes = aggregates.episode_columns(connection, nights)
        days = aggregates.day_columns(connection, nights, triggers.FACTOR_THRESHOLDS)
        trigger_counts = aggregates.trigger_counts(connection, nights)
        relief_counts = aggregates.relief_counts(connection, nights)
    else:
        # Nothing stored in the range (often the comparison period before a diary began):
        # the four wide reads would all come back empty, so they are not made. Logging
        # spans and treatments are read as ever: they can reach into an empty range.
        episodes = aggregates.EpisodeColumns.none()
        days = aggregates.DayColumns.none()
        trigger_counts, relief_counts = [], []
    return _Raw(
        episodes=episodes,
        days=days,
        triggers=trigger_counts,
        reliefs=relief_counts,
        spans=spans,
        treatments=[
            (
                medication,
                _NO_NIGHTS if before is None else found[before],
                _NO_NIGHTS if after is None else found[after],
            )
            for medication, (before, after) in zip(shown, slots, strict=True)
        ],
    )


def compute(
    diary: DiaryFigures, period: Period, *, comparison: Period | None = None
) -> PatternStats:
    """The statistics of `period`, with the same numbers for `comparison` if one is given.

    Pass `period.previous()` to compare with the period of equal length just before, or any
    other `Period` as a chosen baseline.
    """
    hour = diary.boundary_hour
    last_night = diary.last_night()
    sleep = diary.sleep_hours
    diary_first = first_recorded_night(diary)
    medications = tuple(diary.list_medications())
    # Read again when any of what _collect is given, or the diary itself, has changed.
    raw = read_kept(
        diary,
        ("pattern reads", period.first, period.last, hour, last_night, diary_first, medications),
        functools.partial(
            _collect,
            period=period,
            hour=hour,
            medications=medications,
            diary_first=diary_first,
            last_night=last_night,
        ),
    )
    baseline = None if comparison is None else compute(diary, comparison)
    return _build(diary, period, hour, raw, baseline, diary_first, last_night, sleep)


@dataclass(frozen=True, slots=True)
class _Episodes:
    """The period's episodes as numpy columns: nights are days since 1970."""

    night: NDArray[np.int64]
    clock_hour: NDArray[np.int64]
    intensity: NDArray[np.int64]
    rated: NDArray[np.bool_]
    duration: NDArray[np.int64]
    timed: NDArray[np.bool_]
    muscle: NDArray[np.int64]
    side: NDArray[np.int64]
    clocked: NDArray[np.bool_]
    nocturnal: int
    nocturnal_inferred: int
    daytime_inferred: int
    timing_unknown: int


def _episode_arrays(
    cols: aggregates.EpisodeColumns, hour: int, sleep_hours: diary_nights.SleepHours
) -> _Episodes:
    import numpy as np

    packed = np.fromiter(cols.packed, dtype=np.int64, count=len(cols.packed))

    def field_of(bits: tuple[int, int], column: Sequence[int] | None = None) -> NDArray[np.int64]:
        if column is not None:  # a value too large for its field came in its own column
            return np.fromiter(column, dtype=np.int64, count=len(column))
        shift, width = bits
        return (packed >> shift) & ((1 << width) - 1)

    # Whole seconds since 1970 (the start is kept to the minute, all any figure needs).
    since_1900 = field_of(aggregates.START_MINUTE_BITS, cols.start_minute)
    start = (since_1900 - aggregates.MINUTES_1900_TO_1970) * 60

    # Nights and hours as whole numbers: days since 1970 and the wall-clock hour (floor
    # division, so starts before 1970 fall on the right day too).
    night = (start - hour * 3600) // 86400
    second_of_day = start % 86400
    clock_hour = second_of_day // 3600
    intensity = field_of(aggregates.INTENSITY_BITS)
    duration = field_of(aggregates.DURATION_BITS)
    # Night-time: as the person said (woke, or began asleep), or where they said nothing,
    # inferred from their usual sleep hours: `nights.known_nocturnal`, then
    # `nights.SleepHours.contains` (the property test in tests/unit/core checks they agree).
    known_night = (packed >> aggregates.NOCTURNAL_BIT) & 1 == 1
    unknown = (packed >> aggregates.TIMING_UNKNOWN_BIT) & 1 == 1
    # A cramp noted by date only has no clock time to infer from: it stays unknown.
    clocked = (packed >> aggregates.TIME_NOT_NOTED_BIT) & 1 == 0
    inferable = unknown & clocked
    minute = second_of_day // 60
    start_m, end_m = sleep_hours.start_minute, sleep_hours.end_minute
    in_sleep = (
        (minute >= start_m) & (minute < end_m)
        if start_m < end_m
        else (minute >= start_m) | (minute < end_m)
    )
    nocturnal_inferred = int((inferable & in_sleep).sum())
    return _Episodes(
        night=night,
        clock_hour=clock_hour,
        intensity=intensity,
        rated=intensity != aggregates.NO_INTENSITY,
        duration=duration,
        timed=duration > 0,
        muscle=field_of(aggregates.MUSCLE_BITS, cols.muscle),
        side=field_of(aggregates.SIDE_BITS),
        clocked=clocked,
        nocturnal=int((known_night & ~unknown).sum()) + nocturnal_inferred,
        nocturnal_inferred=nocturnal_inferred,
        daytime_inferred=int((inferable & ~in_sleep).sum()),
        timing_unknown=int((unknown & ~clocked).sum()),
    )


# Over 60 lines because it names each of PatternStats' fields once; the figures come from
# the family modules (distributions, weekly, triggers, treatments, calendar_nights).
def _build(
    diary: DiaryFigures,
    period: Period,
    hour: int,
    raw: _Raw,
    baseline: PatternStats | None,
    diary_first: date | None,
    last_night: date,
    sleep_hours: diary_nights.SleepHours,
) -> PatternStats:
    import numpy as np

    cols = raw.episodes
    count = len(cols.packed)
    ep = _episode_arrays(cols, hour, sleep_hours)
    night, rated, timed = ep.night, ep.rated, ep.timed
    intensity, duration = ep.intensity, ep.duration
    cramp_nights, per_night = sorted_arrays.distinct_counts(night)

    days = raw.days
    day_packed = np.fromiter(days.packed, dtype=np.int64, count=len(days.packed))

    def day_field(bits: tuple[int, int]) -> NDArray[np.int64]:
        shift, width = bits
        return (day_packed >> shift) & ((1 << width) - 1)

    # Nights as days since 1970, like the episodes'.
    day_night = (
        day_field(aggregates.NIGHT_BITS) - aggregates.NIGHT_BIAS - aggregates.DAYS_1900_TO_1970
    )
    reviewed = (day_packed >> aggregates.REVIEWED_BIT) & 1 == 1
    # Recorded nights: reviewed, or inside a logging span. A cramp on any other night is
    # counted, but not in a rate (see `cramplog.core.recorded`).
    recorded_nights, span_only = recorded.recorded_days(
        day_night[reviewed], raw.spans, period.first, period.last, last_night
    )
    recorded_count = int(recorded_nights.size)
    on_recorded = np.isin(night, recorded_nights)
    recorded_cramp_nights = int(np.isin(cramp_nights, recorded_nights).sum())
    # Each figure is stored + 1, 0 where not recorded: NaN there, as numpy's nan-functions want.
    sleep = np.where(
        (stored := day_field(aggregates.SLEEP_DISTURBANCE_BITS)) > 0, stored - 1.0, np.nan
    )
    awake = np.where((stored := day_field(aggregates.MINUTES_AWAKE_BITS)) > 0, stored - 1.0, np.nan)
    sleep_n = int(np.count_nonzero(~np.isnan(sleep)))
    awake_n = int(np.count_nonzero(~np.isnan(awake)))

    muscle_side, muscles = distributions.muscles(diary, cols, ep.muscle, ep.side)
    comparisons = triggers.factor_comparisons(diary, day_night, day_packed, reviewed, cramp_nights)
    return PatternStats(
        period=period,
        boundary_hour=hour,
        episodes=count,
        nocturnal=ep.nocturnal,
        daytime=count - ep.nocturnal - ep.timing_unknown,
        cramp_nights=int(cramp_nights.size),
        reviewed_nights=int(reviewed.sum()),
        recorded_nights=recorded_count,
        cramp_free_nights=recorded_count - recorded_cramp_nights,
        nights_in_period=period.nights,
        completeness=recorded_count / period.nights,
        cramps_per_week=per_week(int(on_recorded.sum()), recorded_count),
        cramp_nights_per_week=per_week(recorded_cramp_nights, recorded_count),
        share_of_reviewed_nights_with_cramps=(
            None if recorded_count == 0 else recorded_cramp_nights / recorded_count
        ),
        intensity_median=median(intensity[rated]),
        intensity_worst=int(intensity[rated].max()) if rated.any() else None,
        intensity_rated=int(rated.sum()),
        duration_median_s=median(duration[timed]),
        longest_duration_s=int(duration.max()) if timed.any() else None,
        duration_timed=int(timed.sum()),
        cramps_over_10_min=int((duration > OVER_10_MIN_S).sum()),
        sleep_disturbance_mean=None if sleep_n == 0 else float(np.nanmean(sleep)),
        sleep_disturbance_nights=sleep_n,
        minutes_awake_per_week=(None if awake_n == 0 else per_week(int(np.nansum(awake)), awake_n)),
        minutes_awake_nights=awake_n,
        by_muscle_side=muscle_side,
        by_muscle=muscles,
        by_hour=distributions.by_hour(
            ep.clock_hour[ep.clocked], intensity[ep.clocked], rated[ep.clocked]
        ),
        by_weekday=distributions.by_weekday(night),
        weekly=weekly.weeks(period, night, night[on_recorded], cramp_nights, recorded_nights),
        trend=weekly.trend(period, night, intensity, rated, duration, timed),
        reliefs=treatments.reliefs(diary, raw.reliefs),
        triggers=triggers.trigger_stats(diary, raw.triggers, comparisons),
        factors=comparisons,
        treatments=treatments.treatments(raw.treatments, diary_first, last_night),
        calendar=calendar_nights.calendar(period, cramp_nights, per_night, recorded_nights),
        span_only_nights=int(span_only.size),
        cramps_on_unrecorded_nights=count - int(on_recorded.sum()),
        nocturnal_inferred=ep.nocturnal_inferred,
        daytime_inferred=ep.daytime_inferred,
        timing_unknown=ep.timing_unknown,
        time_not_noted=int((~ep.clocked).sum()),
        sleep_hours=sleep_hours,
        comparison=baseline,
    )
