"""Counting a period's packed episodes and day records by the fields each figure needs.

SQLite packs each episode and each day record into one integer (`storage.aggregates`);
each figure is a tally of those by a field or a few (`packed_tally`: a Counter for a
diary of a few years, numpy for a century), and a median is taken from a tally
(`tallies`), never from a list of every value.
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Sequence
from datetime import date
from itertools import compress, repeat
from typing import Any, Final

from cramplog.analysis.stats.packed_tally import Column, column, tally
from cramplog.analysis.stats.tallies import EPOCH
from cramplog.core import nights as diary_nights
from cramplog.core.value_class import value_class
from cramplog.storage import aggregates


def _field(bits: tuple[int, int]) -> int:
    """The mask of a field of the packed layouts."""
    shift, width = bits
    return ((1 << width) - 1) << shift


_INTENSITY: Final = _field(aggregates.INTENSITY_BITS)
_DURATION: Final = _field(aggregates.DURATION_BITS)
_NOCTURNAL: Final = 1 << aggregates.NOCTURNAL_BIT
_UNKNOWN: Final = 1 << aggregates.TIMING_UNKNOWN_BIT
_NOT_NOTED: Final = 1 << aggregates.TIME_NOT_NOTED_BIT
_IN_SLEEP: Final = 1 << aggregates.IN_SLEEP_BIT
_HOUR: Final = _field(aggregates.HOUR_BITS)
_NIGHT: Final = _field(aggregates.EPISODE_NIGHT_BITS)
# What the timing and hour-of-night figures need of an episode, counted together.
_WHEN: Final = _INTENSITY | _NOCTURNAL | _UNKNOWN | _NOT_NOTED | _IN_SLEEP | _HOUR
# Where, and for how long.
_WHAT: Final = _field(aggregates.MUSCLE_BITS) | _field(aggregates.SIDE_BITS) | _DURATION


@value_class
class Episodes:
    """The period's episodes counted (`packed_tally`), not listed.

    Nights are day numbers (days since 1970); `origin` is the period's first. `packed`:
    the packed episodes as tallied (a numpy array for many, made once: the trend reuses it).
    """

    count: int
    origin: int
    packed: Column
    per_night: dict[int, int]
    intensity: dict[int, int]
    duration: dict[int, int]
    places: dict[int, int]
    hour_episodes: list[int]
    hour_intensity: list[int]
    hour_rated: list[int]
    nocturnal: int
    nocturnal_inferred: int
    daytime_inferred: int
    timing_unknown: int
    time_not_noted: int


def episodes(
    cols: aggregates.EpisodeColumns, first: date, sleep_hours: diary_nights.SleepHours
) -> Episodes:
    packed = column(cols.packed)
    origin = (first - EPOCH).days
    night_shift = aggregates.EPISODE_NIGHT_BITS[0]
    # Day numbers: days after the first, plus the first's.
    if cols.night is None:
        per_night = tally(packed, _NIGHT, night_shift, origin)
    else:  # the nights came in their own column
        per_night = tally(column(cols.night), -1, 0, origin)
    sides = len(cols.sides)
    muscle_shift, muscle_width = aggregates.MUSCLE_BITS
    side_shift, side_width = aggregates.SIDE_BITS
    duration_shift = aggregates.DURATION_BITS[0]
    # Muscle, side and duration counted together: a few hundred kinds over a century.
    places: dict[int, int] = {}
    duration: dict[int, int] = {}
    for key, n in tally(packed, _WHAT).items():
        place = ((key >> muscle_shift) & ((1 << muscle_width) - 1)) * sides + (
            (key >> side_shift) & ((1 << side_width) - 1)
        )
        places[place] = places.get(place, 0) + n
        seconds = (key & _DURATION) >> duration_shift
        duration[seconds] = duration.get(seconds, 0) + n
    if cols.muscle is not None:  # the muscles came in their own column
        side_mask = (1 << side_width) - 1
        places = dict(
            Counter(
                muscle * sides + ((p >> side_shift) & side_mask)
                for muscle, p in zip(cols.muscle, cols.packed, strict=True)
            )
        )
    return Episodes(
        count=len(cols.packed),
        origin=origin,
        packed=packed,
        per_night=per_night,
        duration=duration,
        places=places,
        **_when(packed, sleep_hours),
    )


def _when(packed: Column, sleep_hours: diary_nights.SleepHours) -> dict[str, Any]:
    """Episodes' fields of intensity, hour and night-time, from one count of their kinds."""
    intensity: dict[int, int] = {}
    hour_episodes, hour_intensity, hour_rated = [0] * 24, [0] * 24, [0] * 24
    nocturnal = inferred_night = inferred_day = timing_unknown = not_noted = 0
    hour_shift = aggregates.HOUR_BITS[0]
    # Whole sleep hours: the hour answers; otherwise SQLite set IN_SLEEP_BIT (`computing`).
    whole_hours = sleep_hours.start_minute % 60 == 0 and sleep_hours.end_minute % 60 == 0
    for key, n in tally(packed, _WHEN).items():
        value = key & _INTENSITY
        rated = value != aggregates.NO_INTENSITY
        if rated:
            intensity[value] = intensity.get(value, 0) + n
        if key & _NOT_NOTED:
            # A cramp noted by date only has no clock time to infer from: it stays unknown.
            not_noted += n
            if key & _UNKNOWN:
                timing_unknown += n
            elif key & _NOCTURNAL:
                nocturnal += n
            continue
        hour = (key & _HOUR) >> hour_shift
        hour_episodes[hour] += n
        if rated:
            hour_intensity[hour] += value * n
            hour_rated[hour] += n
        # Night-time: as the person said (woke, or began asleep), or where they said nothing,
        # inferred from their usual sleep hours: `nights.known_nocturnal`, then
        # `nights.SleepHours.contains` (the property test in tests/unit/core checks they agree).
        if not key & _UNKNOWN:
            nocturnal += n if key & _NOCTURNAL else 0
        elif sleep_hours.contains(hour * 60) if whole_hours else key & _IN_SLEEP:
            inferred_night += n
        else:
            inferred_day += n
    return {
        "intensity": intensity,
        "hour_episodes": hour_episodes,
        "hour_intensity": hour_intensity,
        "hour_rated": hour_rated,
        "nocturnal": nocturnal + inferred_night,
        "nocturnal_inferred": inferred_night,
        "daytime_inferred": inferred_day,
        "timing_unknown": timing_unknown,
        "time_not_noted": not_noted,
    }


@value_class
class Days:
    """The period's day records: their nights (day numbers), the reviewed ones, and the
    sleep figures counted. `packed` and `nights` as counted (`packed_tally.column`: numpy
    arrays for many, so `triggers.day_kinds` reuses them)."""

    packed: Column
    nights: Column
    reviewed: list[int]
    sleep: dict[int, int]
    awake: dict[int, int]


def days(packed: Sequence[int]) -> Days:
    night_shift = aggregates.NIGHT_BITS[0]
    bias = aggregates.NIGHT_BIAS + aggregates.DAYS_1900_TO_1970
    reviewed_bit = 1 << aggregates.REVIEWED_BIT
    values = column(packed)
    nights: Column
    if isinstance(values, Sequence):
        # Each a pass in C (map, compress): thousands of days over a decade.
        nights = list(
            map(operator.sub, map(operator.rshift, values, repeat(night_shift)), repeat(bias))
        )
        reviewed = list(compress(nights, map(operator.and_, values, repeat(reviewed_bit))))
    else:  # numpy's array (`column`): tens of thousands of days over a century
        nights = (values >> night_shift) - bias
        reviewed = nights[(values & reviewed_bit) != 0].tolist()

    def figure(bits: tuple[int, int]) -> dict[int, int]:
        # Each figure is stored + 1, 0 where not recorded: those are left out.
        counted = tally(values, _field(bits), bits[0], -1)
        counted.pop(-1, None)
        return counted

    return Days(
        values,
        nights,
        reviewed,
        figure(aggregates.SLEEP_DISTURBANCE_BITS),
        figure(aggregates.MINUTES_AWAKE_BITS),
    )
