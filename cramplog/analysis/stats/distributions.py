"""Where and when the cramps were: by muscle and side, by hour of the clock, by weekday."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from itertools import repeat
from operator import sub
from typing import TYPE_CHECKING, Final

from cramplog.core.records import Side
from cramplog.core.translation import N_, _
from cramplog.core.value_class import value_class

if TYPE_CHECKING:
    from cramplog.diary.view import DiaryFigures
    from cramplog.storage import aggregates

WEEKDAY_NAMES: Final = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)


@value_class
class MuscleSideCount:
    muscle: str
    label: str
    side: Side
    episodes: int


@value_class
class MuscleCount:
    """Episodes in one muscle, and how they split by side (sides with none left out)."""

    muscle: str
    label: str
    episodes: int
    by_side: tuple[tuple[Side, int], ...]


@value_class
class HourCount:
    """Episodes that began in one wall-clock hour (0–23) and their mean intensity."""

    hour: int
    episodes: int
    mean_intensity: float | None


@value_class
class WeekdayCount:
    """Episodes on nights of one weekday (Monday = 0): a cramp at 02:10 on Wednesday counts
    for the night of Tuesday."""

    weekday: int
    name: str
    episodes: int


def muscles(
    diary: DiaryFigures, cols: aggregates.EpisodeColumns, places: Mapping[int, int]
) -> tuple[tuple[MuscleSideCount, ...], tuple[MuscleCount, ...]]:
    """By muscle and side, and by muscle: `places` counts episodes by muscle index *
    len(cols.sides) + side index."""
    sides = len(cols.sides)
    pairs = sorted(
        (
            MuscleSideCount(
                muscle=cols.muscles[key // sides],
                label=diary.label(cols.muscles[key // sides]),
                side=Side(cols.sides[key % sides]),
                episodes=n,
            )
            for key, n in sorted(places.items())
        ),
        key=lambda p: (-p.episodes, p.label.casefold(), p.side.value),
    )
    by_muscle: dict[str, list[MuscleSideCount]] = {}
    for pair in pairs:
        by_muscle.setdefault(pair.muscle, []).append(pair)
    side_order = list(Side)
    muscles = [
        MuscleCount(
            muscle=code,
            label=diary.label(code),
            episodes=sum(p.episodes for p in entries),
            by_side=tuple(
                (p.side, p.episodes)
                for p in sorted(entries, key=lambda p: side_order.index(p.side))
            ),
        )
        for code, entries in by_muscle.items()
    ]
    muscles.sort(key=lambda m: (-m.episodes, m.label.casefold()))
    return tuple(pairs), tuple(muscles)


def by_hour(
    episodes: Sequence[int], intensity: Sequence[int], rated: Sequence[int]
) -> tuple[HourCount, ...]:
    """Every hour of the clock (empty ones too), with the mean of the rated intensities.

    Per hour 0–23: the episodes that began in it, the sum of their rated intensities and
    how many were rated."""
    return tuple(
        HourCount(h, episodes[h], intensity[h] / rated[h] if rated[h] else None) for h in range(24)
    )


def by_weekday(per_night: Mapping[int, int]) -> tuple[WeekdayCount, ...]:
    """Episodes by the weekday of their night (Monday first), from episodes per night
    (day numbers: days since 1970)."""
    counts = [0] * 7
    if per_night:
        # The nights laid out one a day from a Monday, then every seventh summed: slices and
        # sums in C, where a loop over a century's 30,000 cramp nights took milliseconds.
        monday = min(per_night) - (min(per_night) + 3) % 7  # 1 January 1970 was a Thursday
        laid_out = [0] * (max(per_night) - monday + 1)
        deque(
            map(
                laid_out.__setitem__, map(sub, per_night.keys(), repeat(monday)), per_night.values()
            ),
            maxlen=0,
        )
        counts = [sum(laid_out[d::7]) for d in range(7)]
    return tuple(WeekdayCount(d, _(WEEKDAY_NAMES[d]), counts[d]) for d in range(7))
