"""Write episodes.csv and nights.csv (columns only ever gain at the end)."""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO

from cramplog.core import nights
from cramplog.core.records import (
    DayFactors,
    DiaryDay,
    Episode,
)
from cramplog.exchange.csv_format.columns import (
    EPISODE_COLUMNS,
    LIST_SEPARATOR,
    LOCAL_FORMAT,
    NIGHT_COLUMNS,
    UTC_FORMAT,
    neutralise,
)


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}" if value != int(value) else str(int(value))
    return str(value)


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _utc(moment: datetime) -> str:
    return moment.strftime(UTC_FORMAT)


@dataclass(frozen=True)
class Labels:
    """How codes read to a person, and the night a moment belongs to (fixed for one export)."""

    label: Mapping[str, str]
    boundary_hour: int

    def of(self, code: str | None) -> str:
        return "" if code is None else self.label.get(code, code)


def write_episodes(stream: IO[str], episodes: Sequence[Episode], labels: Labels) -> None:
    writer = csv.writer(stream)
    writer.writerow(EPISODE_COLUMNS)
    text = neutralise
    for e in episodes:
        duration_min = None if e.duration_s is None else round(e.duration_s / 60, 2)
        writer.writerow(
            (
                e.uuid,
                nights.night_of(e.start_local, labels.boundary_hour).isoformat(),
                e.start_local.strftime(LOCAL_FORMAT),
                e.utc_offset_min,
                text(labels.of(e.muscle)),
                text(e.muscle),
                e.side.value,
                _number(e.duration_s),
                _number(duration_min),
                _number(e.intensity),
                _yes_no(e.woke_from_sleep),
                _yes_no(e.nocturnal),
                text(labels.of(e.activity)),
                text(e.activity or ""),
                "" if e.hydration is None else e.hydration.value,
                text(LIST_SEPARATOR.join(labels.of(code) for code in e.triggers)),
                text(LIST_SEPARATOR.join(e.triggers)),
                text(
                    LIST_SEPARATOR.join(
                        labels.of(code) + ("" if rating is None else f" ({rating.label})")
                        for code, rating in e.reliefs
                    )
                ),
                text(
                    LIST_SEPARATOR.join(
                        f"{code}={'' if rating is None else rating.value}"
                        for code, rating in e.reliefs
                    )
                ),
                text(LIST_SEPARATOR.join(labels.of(code) for code in e.symptoms)),
                text(LIST_SEPARATOR.join(e.symptoms)),
                text(e.notes),
                _yes_no(e.to_review),
                _utc(e.created_utc),
                _utc(e.updated_utc),
                _yes_no(e.triggers_asked),
                _yes_no(e.reliefs_asked),
                _yes_no(e.time_noted),
            )
        )


def write_nights(
    stream: IO[str],
    days: Sequence[DiaryDay],
    episodes_per_night: Mapping[date, int],
) -> None:
    """One row per diary day that has a record or an episode, oldest first."""
    writer = csv.writer(stream)
    writer.writerow(NIGHT_COLUMNS)
    by_night = {day.night_of: day for day in days}
    for night in sorted(set(by_night) | set(episodes_per_night)):
        day = by_night.get(night)
        count = episodes_per_night.get(night, 0)
        f = day.factors if day is not None else DayFactors()
        writer.writerow(
            (
                night.isoformat(),
                _yes_no(f.reviewed),
                _yes_no(f.reviewed and count == 0),
                count,
                _number(f.fluids_l),
                "" if f.exercise is None else f.exercise.value,
                _number(f.alcohol_units),
                _number(f.caffeine_drinks),
                _yes_no(f.hot_or_sweating),
                _yes_no(f.long_standing),
                _yes_no(f.long_sitting),
                _yes_no(f.stretched_before_bed),
                _number(f.stress),
                _number(f.sleep_disturbance),
                _number(f.minutes_awake),
                neutralise(f.notes),
                "" if day is None else day.uuid,
                "" if day is None else _utc(day.created_utc),
                "" if day is None else _utc(day.updated_utc),
            )
        )
