"""The recent nights a review may be due for: their day records and cramps, in plain SQL.

Plain SQL on a DB-API connection, like `storage.aggregates`: the app runs it on its
session's connection (`Diary.read_plain`), and start-up on a read-only one before the diary
is open, so the review banner can show with the first figures (see `diary.review_due`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from cramplog.storage.aggregates.ranges import IN_RANGE, NightRange, night_of_local


@dataclass(frozen=True, slots=True)
class RecentNights:
    """Within a range of nights: each day record's night (and whether it was reviewed),
    and the nights holding at least one cramp."""

    days: dict[date, bool]
    cramp_nights: frozenset[date]


def recent_nights(connection: sqlite3.Connection, nights: NightRange) -> RecentNights:
    """The day records and cramp nights of `nights` (a fortnight: two small index reads)."""
    days = {
        date.fromisoformat(night): bool(reviewed)
        for night, reviewed in connection.execute(
            "SELECT night_of, reviewed IS 1 FROM diary_days"
            " WHERE night_of >= :first AND night_of <= :last",
            nights.nights(),
        )
    }
    night = night_of_local("start_local", nights.boundary_hour)
    cramp_nights = frozenset(
        date.fromisoformat(value)
        for (value,) in connection.execute(
            f"SELECT DISTINCT {night} FROM episodes WHERE {IN_RANGE}", nights.bounds()
        )
    )
    return RecentNights(days, cramp_nights)
