"""Ranges of nights as bounds on the stored wall-clock text, and what every read shares.

Every aggregate is plain SQL run on a DB-API connection (sqlite3), so the app (its session's
own driver connection, inside its transaction) and a command that only reads (a read-only
sqlite3 connection, without SQLAlchemy loaded at all) run the same queries. SQLAlchemy's
Row objects and statement compiling also cost more than SQLite's own work on the wide
reads of a century of cramps.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from typing import Final

from cramplog.core.value_class import value_class

LOCAL_FORMAT = "%Y-%m-%d %H:%M:%S"


# An episode starting in the range: two searches of the start_local index.
IN_RANGE: Final = "start_local >= :local_from AND start_local < :local_to"


@value_class
class NightRange:
    """The nights `first`..`last` (both included) under a day-boundary hour."""

    first: date
    last: date
    boundary_hour: int

    def __post_init__(self) -> None:
        if not 0 <= self.boundary_hour <= 23:
            raise ValueError("The day-boundary hour must be from 0 to 23.")
        if self.first > self.last:
            raise ValueError("A range of nights cannot end before it begins.")

    @property
    def local_from(self) -> str:
        """Wall-clock text of the first night's start (the lower bound, included)."""
        return f"{self.first.isoformat()} {self.boundary_hour:02d}:00:00"

    @property
    def local_to(self) -> str:
        """Wall-clock text of the moment after the last night ends (the upper bound, excluded)."""
        return f"{(self.last + timedelta(days=1)).isoformat()} {self.boundary_hour:02d}:00:00"

    def bounds(self) -> dict[str, str]:
        """The named parameters of `IN_RANGE`."""
        return {"local_from": self.local_from, "local_to": self.local_to}

    def nights(self) -> dict[str, str]:
        """The named parameters `first` and `last`, for the nights of day records."""
        return {"first": self.first.isoformat(), "last": self.last.isoformat()}


def night_of_local(column: str, boundary_hour: int) -> str:
    """SQL for the night (YYYY-MM-DD) a wall-clock start column falls on."""
    # An int checked by NightRange, so inlining it is safe; a literal keeps a GROUP BY
    # expression identical to the selected one.
    return f"date({column}, '-{int(boundary_hour)} hours')"


def parse_local(value: str) -> datetime:
    """The stored wall-clock text (always LOCAL_FORMAT, a generated column) as a datetime."""
    # fromisoformat reads that format ten times faster than strptime: thousands of long
    # cramps are cited over a century.
    return datetime.fromisoformat(value)


def change_token(connection: sqlite3.Connection) -> tuple[int, int]:
    """A value that changes whenever the diary may have changed since it was last read.

    The Store has one connection (a static pool), so its count of rows changed covers every
    write made through it (a rolled-back write too, which only costs a needless re-read), and
    SQLite's data_version moves when any other connection or process commits.
    """
    version = connection.execute("PRAGMA data_version").fetchone()[0]
    return connection.total_changes, int(version)


# The counts `outside_episodes` made on the latest connection, per change token and range
# (several link-table counts of one range ask in one read). The connection is held, so
# `is` cannot mistake a new connection for it (sqlite3 connections take no weak reference).
_OUTSIDE: list[tuple[sqlite3.Connection, dict[tuple[tuple[int, int], str, str], int | None]]] = []
_MOST_OUTSIDE: Final = 16


def outside_episodes(connection: sqlite3.Connection, nights: NightRange) -> int | None:
    """How many episodes lie outside the range, when few of them do; else None.

    Counting a link table over every episode reads one of its indexes alone, while a join
    on the range visits each episode: when most of the diary is in the range (All of the
    diary, whose last night leaves out this morning's cramps), counting everything and
    taking away the few outside is several times faster, and exact. Remembered while the
    diary is unchanged (its change token), as several counts of the same range ask.
    """
    if not _OUTSIDE or _OUTSIDE[0][0] is not connection:
        _OUTSIDE[:] = [(connection, {})]
    remembered = _OUTSIDE[0][1]
    key = (change_token(connection), nights.local_from, nights.local_to)
    if key not in remembered:
        total = int(connection.execute("SELECT count(*) FROM episodes").fetchone()[0])
        # At most a quarter, and at most 10,000 (a count stopping there is under a
        # millisecond; past it the join over the range is the cheaper read anyway).
        most = min(total // 4, 10_000)
        # Each count stops at `most` + 1: a short range of a long diary must not count the rest.
        before, after = connection.execute(
            "SELECT"
            " (SELECT count(*) FROM (SELECT id FROM episodes WHERE start_local < :local_from"
            "  LIMIT :limit)),"
            " (SELECT count(*) FROM (SELECT id FROM episodes WHERE start_local >= :local_to"
            "  LIMIT :limit))",
            {**nights.bounds(), "limit": most + 1},
        ).fetchone()
        outside = int(before) + int(after)
        if len(remembered) >= _MOST_OUTSIDE:
            remembered.clear()
        remembered[key] = outside if outside <= most else None
    return remembered[key]


# The ids of the episodes outside the range (two searches of the start_local index).
OUTSIDE_IDS: Final = (
    "SELECT id FROM episodes WHERE start_local < :local_from"
    " UNION ALL SELECT id FROM episodes WHERE start_local >= :local_to"
)


def holds_records(connection: sqlite3.Connection, nights: NightRange) -> bool:
    """Whether any episode or day record falls in the range (two index look-ups)."""
    found = connection.execute(
        f"SELECT EXISTS (SELECT 1 FROM episodes WHERE {IN_RANGE})"
        " OR EXISTS (SELECT 1 FROM diary_days WHERE night_of >= :first AND night_of <= :last)",
        {**nights.bounds(), **nights.nights()},
    ).fetchone()[0]
    return bool(found)
