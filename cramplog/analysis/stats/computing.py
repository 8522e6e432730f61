"""compute(): read a period from the diary in one transaction and build its PatternStats."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from datetime import date
from types import ModuleType
from typing import TYPE_CHECKING, Final

from cramplog.analysis.stats import counting, distributions, treatments, triggers
from cramplog.analysis.stats.headline import OVER_10_MIN_S, PatternStats
from cramplog.analysis.stats.kept_reads import read_kept
from cramplog.analysis.stats.packed_tally import tally
from cramplog.analysis.stats.periods import Period, first_recorded_night, night_range
from cramplog.analysis.stats.rates import per_week
from cramplog.analysis.stats.series import ChartSeries
from cramplog.analysis.stats.tallies import median, median_and_most
from cramplog.core import nights as diary_nights
from cramplog.core import recorded
from cramplog.core.records import Medication
from cramplog.core.value_class import value_class
from cramplog.storage import aggregates, plain_diary

if TYPE_CHECKING:
    import sqlite3

    from cramplog.diary.view import DiaryFigures


@value_class
class _Raw:
    """What one period needs from the diary, read in one transaction, and counted.

    Counted with the read and kept with it (`read_kept`): a redraw of an unchanged diary
    does not count a century of cramps again.
    """

    episodes: aggregates.EpisodeColumns
    counted: counting.Episodes
    days: counting.Days
    day_kinds: Mapping[int, int]
    triggers: list[tuple[str, int]]
    reliefs: list[aggregates.ReliefCounts]
    treatments: list[tuple[Medication, recorded.WindowCount, recorded.WindowCount]]
    # Day numbers: the period's recorded nights, and those recorded only by a span.
    recorded_nights: set[int]
    span_only: set[int]
    # The day records' minutes awake counted with `triggers.day_kinds`' cramp and recorded
    # bits (`_minutes_awake`).
    awake_kinds: Mapping[int, int]
    details: bool  # whether the reliefs, triggers, factors and treatments were read


_NO_NIGHTS = recorded.WindowCount(0, 0, {})
_MINUTES_AWAKE_FIELD: Final = ((1 << aggregates.MINUTES_AWAKE_BITS[1]) - 1) << (
    aggregates.MINUTES_AWAKE_BITS[0]
)


# Over 60 lines because it is the one read transaction's list of reads (and their counting,
# `counting`), each named once; splitting it would split the transaction's story.
def _collect(
    connection: sqlite3.Connection,
    *,
    period: Period,
    hour: int,
    medications: Sequence[Medication],
    diary_first: date | None,
    last_night: date,
    sleep: diary_nights.SleepHours,
    details: bool,
) -> _Raw:
    # Sleep hours of whole hours (the usual) are answered by the start's hour alone, so
    # SQLite is not asked to compare each start's minute (a tenth of a century's read).
    sleep_minutes = (sleep.start_minute, sleep.end_minute)
    in_sleep = None if all(minute % 60 == 0 for minute in sleep_minutes) else sleep_minutes
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
    trigger_counts: list[tuple[str, int]] = []
    relief_counts: list[aggregates.ReliefCounts] = []
    if aggregates.holds_records(connection, nights):
        episodes = aggregates.episode_columns(connection, nights, in_sleep)
        # The day factors are only for the details (`triggers.day_kinds`).
        limits = triggers.FACTOR_THRESHOLDS if details else None
        days = aggregates.day_columns(connection, nights, limits)
        if details:
            trigger_counts = aggregates.trigger_counts(connection, nights)
            relief_counts = aggregates.relief_counts(connection, nights)
    else:
        # Nothing stored in the range (often the comparison period before a diary began):
        # the four wide reads would all come back empty, so they are not made. Logging
        # spans and treatments are read as ever: they can reach into an empty range.
        episodes = aggregates.EpisodeColumns.none()
        days = aggregates.DayColumns.none()
    counted = counting.episodes(episodes, period.first, sleep)
    counted_days = counting.days(days.packed)
    # Recorded nights: reviewed, or inside a logging span. A cramp on any other night is
    # counted, but not in a rate (see `cramplog.core.recorded`).
    recorded_nights, span_only = recorded.recorded_days(
        counted_days.reviewed, spans, period.first, period.last, last_night
    )
    return _Raw(
        episodes=episodes,
        counted=counted,
        days=counted_days,
        day_kinds=(
            triggers.day_kinds(counted_days, counted.per_night, recorded_nights) if details else {}
        ),
        triggers=trigger_counts,
        reliefs=relief_counts,
        recorded_nights=recorded_nights,
        span_only=span_only,
        awake_kinds=tally(
            triggers.marked_days(
                counted_days, counted.per_night, recorded_nights, _MINUTES_AWAKE_FIELD
            ),
            -1,
        ),
        details=details,
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
    diary: DiaryFigures,
    period: Period,
    *,
    comparison: Period | None = None,
    details: bool = True,
) -> PatternStats:
    """The statistics of `period`, with the same numbers for `comparison` if one is given.

    Pass `period.previous()` to compare with the period of equal length just before, or any
    other `Period` as a chosen baseline. Without `details`, the reliefs, triggers, day
    factors and treatments are neither read nor worked out (`PatternStats.details`), for a
    caller that shows none of them: `cramplog stats` as text (about a tenth of its run).
    """
    hour = diary.boundary_hour
    last_night = diary.last_night()
    sleep = diary.sleep_hours
    diary_first = first_recorded_night(diary)
    medications = tuple(diary.list_medications()) if details else ()
    # Read again when any of what _collect is given, or the diary itself, has changed.
    raw = read_kept(
        diary,
        (
            "pattern reads",
            period.first,
            period.last,
            hour,
            last_night,
            diary_first,
            medications,
            sleep,
            details,
        ),
        functools.partial(
            _collect,
            period=period,
            hour=hour,
            medications=medications,
            diary_first=diary_first,
            last_night=last_night,
            sleep=sleep,
            details=details,
        ),
    )
    baseline = None if comparison is None else compute(diary, comparison, details=details)
    return _build(diary, period, hour, raw, baseline, diary_first, last_night, sleep)


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
    cols = raw.episodes
    ep = raw.counted
    count = ep.count
    per_night = ep.per_night
    days = raw.days
    recorded_nights, span_only = raw.recorded_nights, raw.span_only
    recorded_count = len(recorded_nights)
    cramp_recorded = per_night.keys() & recorded_nights  # a set operation, in C
    on_recorded = sum(map(per_night.__getitem__, cramp_recorded))
    recorded_cramp_nights = len(cramp_recorded)
    intensity_median, intensity_worst = median_and_most(ep.intensity)
    intensity_rated = sum(ep.intensity.values())
    timed = {seconds: n for seconds, n in ep.duration.items() if seconds > 0}
    sleep_n = sum(days.sleep.values())
    awake_per_week, awake_n, awake_on_cramp_nights = _minutes_awake(
        raw.awake_kinds,
        on_cramp_nights=recorded_cramp_nights > 0,
        on_cramp_free_nights=recorded_count > recorded_cramp_nights,
    )

    muscle_side, muscles = distributions.muscles(diary, cols, ep.places)
    # Without details (see `compute`) nothing of them was read: all four stay empty.
    details = raw.details
    comparisons = triggers.factor_comparisons(diary, raw.day_kinds) if details else ()
    return PatternStats(
        period=period,
        boundary_hour=hour,
        episodes=count,
        nocturnal=ep.nocturnal,
        daytime=count - ep.nocturnal - ep.timing_unknown,
        cramp_nights=len(per_night),
        reviewed_nights=len(days.reviewed),
        recorded_nights=recorded_count,
        cramp_free_nights=recorded_count - recorded_cramp_nights,
        nights_in_period=period.nights,
        completeness=recorded_count / period.nights,
        cramps_per_week=per_week(on_recorded, recorded_count),
        cramp_nights_per_week=per_week(recorded_cramp_nights, recorded_count),
        share_of_reviewed_nights_with_cramps=(
            None if recorded_count == 0 else recorded_cramp_nights / recorded_count
        ),
        intensity_median=intensity_median,
        intensity_worst=intensity_worst,
        intensity_rated=intensity_rated,
        duration_median_s=median(timed),
        longest_duration_s=max(timed) if timed else None,
        duration_timed=sum(timed.values()),
        cramps_over_10_min=sum(n for seconds, n in timed.items() if seconds > OVER_10_MIN_S),
        sleep_disturbance_mean=(
            None if sleep_n == 0 else sum(value * n for value, n in days.sleep.items()) / sleep_n
        ),
        sleep_disturbance_nights=sleep_n,
        minutes_awake_per_week=awake_per_week,
        minutes_awake_nights=awake_n,
        minutes_awake_cramp_nights=awake_on_cramp_nights,
        by_muscle_side=muscle_side,
        by_muscle=muscles,
        by_hour=distributions.by_hour(ep.hour_episodes, ep.hour_intensity, ep.hour_rated),
        by_weekday=distributions.by_weekday(per_night),
        series=ChartSeries(
            weekly=lambda: _weekly().weeks(period, per_night, recorded_nights),
            trend=lambda: _weekly().trend(period, cols, ep.origin, ep.packed),
            calendar=lambda: _calendar_nights().calendar(period, per_night, recorded_nights),
        ),
        reliefs=treatments.reliefs(diary, raw.reliefs) if details else (),
        triggers=triggers.trigger_stats(diary, raw.triggers, comparisons) if details else (),
        factors=comparisons,
        treatments=(
            treatments.treatments(raw.treatments, diary_first, last_night) if details else ()
        ),
        details=details,
        span_only_nights=len(span_only),
        cramps_on_unrecorded_nights=count - on_recorded,
        nocturnal_inferred=ep.nocturnal_inferred,
        daytime_inferred=ep.daytime_inferred,
        timing_unknown=ep.timing_unknown,
        time_not_noted=ep.time_not_noted,
        sleep_hours=sleep_hours,
        comparison=baseline,
    )


def _minutes_awake(
    kinds: Mapping[int, int], *, on_cramp_nights: bool, on_cramp_free_nights: bool
) -> tuple[float | None, int, int]:
    """(minutes awake per week, the recorded nights they were noted on, how many of those
    had a cramp).

    Minutes awake are known only on the nights they were noted, and a cramp night is
    usually a wakeful one: noted on cramp nights alone, their mean times seven would
    give every night of the week a cramp night's hours ("253 a week" where cramps came
    on a third of the nights). So the figure is given only when they were noted on as
    many recorded nights as a rate needs (`per_week`), and on each kind of recorded night
    the period holds: its cramp nights and its cramp-free nights. A night nobody recorded
    is left out: whether it was a cramp night is unknown, so it cannot be set on either.
    """
    cramp, recorded = triggers.cramp_bit(), triggers.recorded_bit()
    shift = aggregates.MINUTES_AWAKE_BITS[0]
    total = noted = noted_on_cramp_nights = 0
    for key, n in kinds.items():
        value = (key & _MINUTES_AWAKE_FIELD) >> shift  # minutes + 1; 0 when not noted
        if not value or not key & recorded:
            continue
        total += (value - 1) * n
        noted += n
        noted_on_cramp_nights += n if key & cramp else 0
    on_both = (noted_on_cramp_nights > 0 or not on_cramp_nights) and (
        noted > noted_on_cramp_nights or not on_cramp_free_nights
    )
    return (per_week(total, noted) if on_both else None), noted, noted_on_cramp_nights


# The chart series' modules, imported when a chart first asks: `cramplog stats` never does.
def _weekly() -> ModuleType:
    from cramplog.analysis.stats import weekly

    return weekly


def _calendar_nights() -> ModuleType:
    from cramplog.analysis.stats import calendar_nights

    return calendar_nights
