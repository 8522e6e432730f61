"""What the warning-sign rules read from the diary, in one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from cramplog.analysis.stats import OVER_10_MIN_S, TREATMENT_WINDOW_NIGHTS, Period
from cramplog.analysis.warning_signs.signs import (
    FREQUENCY_WINDOW_NIGHTS,
    MAX_EVIDENCE,
    RECENT_NIGHTS,
    WATCHED_SYMPTOMS,
)
from cramplog.core import recorded
from cramplog.core.value_class import value_class
from cramplog.storage import aggregates, plain_diary

if TYPE_CHECKING:
    import sqlite3

    from cramplog.core.records import Medication


@value_class
class Raw:
    symptoms: list[tuple[aggregates.EpisodeBrief, str]]
    long: list[tuple[aggregates.EpisodeBrief, bool, bool | None]]
    frequency: recorded.WindowCount
    no_trigger: aggregates.Share
    nothing_helped: aggregates.Share
    medication_windows: list[tuple[recorded.WindowCount, recorded.WindowCount]]


def medication_windows_of(started: date, last_night: date) -> tuple[Period, Period | None]:
    before = Period(started - timedelta(days=TREATMENT_WINDOW_NIGHTS), started - timedelta(1))
    after_last = min(started + timedelta(days=TREATMENT_WINDOW_NIGHTS - 1), last_night)
    return before, Period(started, after_last) if started <= after_last else None


def collect(
    connection: sqlite3.Connection,
    *,
    period: Period,
    hour: int,
    medications: Sequence[Medication],
    last_night: date,
) -> Raw:
    def nights(p: Period) -> aggregates.NightRange:
        return aggregates.NightRange(p.first, p.last, hour)

    whole = nights(period)
    recent = nights(
        Period(max(period.first, period.last - timedelta(days=RECENT_NIGHTS - 1)), period.last)
    )
    frequency = Period(period.last - timedelta(days=FREQUENCY_WINDOW_NIGHTS - 1), period.last)
    windows = [frequency]
    for medication in medications:
        assert medication.started_on is not None
        before, after = medication_windows_of(medication.started_on, last_night)
        windows.append(before)
        windows.append(after if after is not None else before)
    spans = plain_diary.logging_spans(connection)
    found = [
        recorded.count_window(
            w.episodes_by_night, w.reviewed, spans, window.first, window.last, last_night
        )
        for w, window in zip(
            aggregates.window_nights(connection, [nights(w) for w in windows]), windows, strict=True
        )
    ]
    return Raw(
        symptoms=aggregates.episodes_with_symptoms(connection, whole, WATCHED_SYMPTOMS),
        long=aggregates.long_episodes(connection, whole, OVER_10_MIN_S),
        frequency=found[0],
        no_trigger=aggregates.episodes_without_triggers(connection, recent, limit=MAX_EVIDENCE),
        nothing_helped=aggregates.episodes_where_nothing_helped(
            connection, recent, limit=MAX_EVIDENCE
        ),
        medication_windows=[(found[1 + 2 * i], found[2 + 2 * i]) for i in range(len(medications))],
    )
