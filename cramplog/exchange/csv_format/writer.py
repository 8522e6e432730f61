"""Write episodes.csv and nights.csv (columns only ever gain at the end)."""

from __future__ import annotations

import csv
import heapq
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import IO

from cramplog.core import nights
from cramplog.core.records import (
    DayFactors,
    DiaryDay,
    Episode,
)
from cramplog.exchange import moments, progress
from cramplog.exchange.csv_format.columns import (
    EPISODE_COLUMNS,
    LIST_SEPARATOR,
    NIGHT_COLUMNS,
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


_utc = moments.utc


@dataclass(frozen=True)
class Labels:
    """How codes read to a person, and the night a moment belongs to (fixed for one export).

    `label` gives a code's label (the diary's `label`: an unknown code reads as itself).
    Each code is asked once: a century's export names the same few dozen codes 750,000
    times, and the labels cannot change while one export is written.
    """

    label: Callable[[str], str]
    boundary_hour: int
    _known: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def of(self, code: str | None) -> str:
        if code is None:
            return ""
        known = self._known.get(code)
        if known is None:
            known = self._known[code] = self.label(code)
        return known


def write_episodes(
    stream: IO[str],
    episodes: Iterable[Episode],
    labels: Labels,
    tick: progress.Tick | None = None,
) -> int:
    """One row per episode, in the order given; returns how many were written.

    `tick`, if given, is told the rows written every `progress.EVERY` rows.
    """
    writer = csv.writer(stream)
    writer.writerow(EPISODE_COLUMNS)
    writerow = writer.writerow
    text = neutralise
    night_of, hour, local = nights.night_of, labels.boundary_hour, moments.local
    written = 0
    for e in episodes:
        written += 1
        if tick is not None and written % progress.EVERY == 0:
            tick(written)
        duration_min = None if e.duration_s is None else round(e.duration_s / 60, 2)
        writerow(
            (
                e.uuid,
                night_of(e.start_local, hour).isoformat(),
                local(e.start_local),
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
    return written


def _merged(
    days: Iterable[DiaryDay], cramps_per_night: Iterable[tuple[date, int]]
) -> Iterator[tuple[date, DiaryDay | None, int]]:
    """(night, its day record or None, its cramps) for every night in either, oldest first.

    Both inputs come oldest first, so they are merged as they stream, never held whole.
    """
    records = ((day.night_of, day, 0) for day in days)
    counts = ((night, None, count) for night, count in cramps_per_night)
    merged = heapq.merge(records, counts, key=lambda item: item[0])
    for night, same_night in itertools.groupby(merged, key=lambda item: item[0]):
        day: DiaryDay | None = None
        count = 0
        for _night, record, cramps in same_night:
            day = record if record is not None else day
            count += cramps
        yield night, day, count


def write_nights(
    stream: IO[str],
    days: Iterable[DiaryDay],
    cramps_per_night: Iterable[tuple[date, int]],
    tick: progress.Tick | None = None,
) -> None:
    """One row per diary day that has a record or an episode, oldest first.

    `days` and `cramps_per_night` (nights holding a cramp, with how many) come oldest first.
    `tick`, if given, is told every `progress.EVERY` rows how many day records and cramps
    have been read so far (their sum is known before the file is begun; the rows are not).
    """
    writer = csv.writer(stream)
    writer.writerow(NIGHT_COLUMNS)
    writerow = writer.writerow
    no_factors = DayFactors()
    read = 0
    for written, (night, day, count) in enumerate(_merged(days, cramps_per_night), 1):
        read += count if day is None else count + 1
        if tick is not None and written % progress.EVERY == 0:
            tick(read)
        f = day.factors if day is not None else no_factors
        writerow(
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
