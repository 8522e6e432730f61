"""Where and when the cramps were: by muscle and side, by hour of the clock, by weekday."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from cramplog.core import sorted_arrays
from cramplog.core.records import Side
from cramplog.core.translation import N_, _
from cramplog.storage import aggregates

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from cramplog.diary.view import DiaryFigures

WEEKDAY_NAMES: Final = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)


@dataclass(frozen=True, slots=True)
class MuscleSideCount:
    muscle: str
    label: str
    side: Side
    episodes: int


@dataclass(frozen=True, slots=True)
class MuscleCount:
    """Episodes in one muscle, and how they split by side (sides with none left out)."""

    muscle: str
    label: str
    episodes: int
    by_side: tuple[tuple[Side, int], ...]


@dataclass(frozen=True, slots=True)
class HourCount:
    """Episodes that began in one wall-clock hour (0–23) and their mean intensity."""

    hour: int
    episodes: int
    mean_intensity: float | None


@dataclass(frozen=True, slots=True)
class WeekdayCount:
    """Episodes on nights of one weekday (Monday = 0): a cramp at 02:10 on Wednesday counts
    for the night of Tuesday."""

    weekday: int
    name: str
    episodes: int


def muscles(
    diary: DiaryFigures,
    cols: aggregates.EpisodeColumns,
    muscle: NDArray[np.int64],
    side: NDArray[np.int64],
) -> tuple[tuple[MuscleSideCount, ...], tuple[MuscleCount, ...]]:

    keys, counts = sorted_arrays.distinct_counts(muscle * len(cols.sides) + side)
    pairs = sorted(
        (
            MuscleSideCount(
                muscle=cols.muscles[int(key) // len(cols.sides)],
                label=diary.label(cols.muscles[int(key) // len(cols.sides)]),
                side=Side(cols.sides[int(key) % len(cols.sides)]),
                episodes=int(n),
            )
            for key, n in zip(keys, counts, strict=True)
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
    clock_hour: NDArray[np.int64], intensity: NDArray[np.int64], rated: NDArray[np.bool_]
) -> tuple[HourCount, ...]:
    """Every hour of the clock (empty ones too), with the mean of the rated intensities."""
    import numpy as np

    episodes = np.bincount(clock_hour, minlength=24)
    hour_intensity = np.bincount(clock_hour[rated], weights=intensity[rated], minlength=24)
    hour_rated = np.bincount(clock_hour[rated], minlength=24)
    return tuple(
        HourCount(
            h,
            int(episodes[h]),
            float(hour_intensity[h] / hour_rated[h]) if hour_rated[h] else None,
        )
        for h in range(24)
    )


def by_weekday(night: NDArray[np.int64]) -> tuple[WeekdayCount, ...]:
    """Episodes by the weekday of their night (Monday first)."""
    import numpy as np

    weekday = (night + 3) % 7  # 1 January 1970 was a Thursday
    counts = np.bincount(weekday, minlength=7)
    return tuple(WeekdayCount(d, _(WEEKDAY_NAMES[d]), int(counts[d])) for d in range(7))
