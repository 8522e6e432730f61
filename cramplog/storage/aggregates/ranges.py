"""Ranges of nights as bounds on the stored wall-clock text, and the raw read of wide rows."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Final

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    ScalarSelect,
    Select,
    SQLColumnExpression,
    String,
    and_,
    bindparam,
    func,
    literal_column,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from cramplog.storage.engine import driver_connection
from cramplog.storage.schema import (
    DiaryDayRow,
    EpisodeRow,
)

LOCAL_FORMAT = "%Y-%m-%d %H:%M:%S"


@dataclass(frozen=True, slots=True)
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


def in_range(nights: NightRange) -> ColumnElement[bool]:
    return and_(
        EpisodeRow.start_local >= nights.local_from, EpisodeRow.start_local < nights.local_to
    )


def night_of_local(local: SQLColumnExpression[str], boundary_hour: int) -> ColumnElement[str]:
    # An int checked by NightRange, so inlining it is safe; a literal keeps a GROUP BY
    # expression identical to the selected one, which a bound parameter would not.
    return func.date(local, literal_column(f"'-{int(boundary_hour)} hours'"))


def parse_local(value: str) -> datetime:
    """The stored wall-clock text (always LOCAL_FORMAT, a generated column) as a datetime."""
    # fromisoformat reads that format ten times faster than strptime: thousands of long
    # cramps are cited over a century.
    return datetime.fromisoformat(value)


# The SQL text of each raw read, compiled once: compiling a wide CASE expression took
# longer than SQLite's whole read of a 3-month period.
_COMPILED: dict[tuple[object, ...], tuple[str, tuple[str, ...], dict[str, Any]]] = {}
_MOST_COMPILED: Final = 64


def in_bound_range() -> ColumnElement[bool]:
    """`in_range` with the bounds left to bind: `local_from` and `local_to` (see NightRange)."""
    return and_(
        EpisodeRow.start_local >= bindparam("local_from", type_=String),
        EpisodeRow.start_local < bindparam("local_to", type_=String),
    )


def raw_rows(
    session: Session,
    key: tuple[object, ...],
    build: Callable[[], Select[*tuple[Any, ...]]],
    values: Mapping[str, str | int | float],
) -> list[tuple[Any, ...]]:
    """Run a query straight on the DBAPI cursor of the session's own connection.

    Only for the two wide reads (every episode or day of a period): building SQLAlchemy Row
    objects for 150,000 rows costs as much as SQLite's own work. `build()` makes the query,
    compiled once for each `key` (everything that changes its text or fixed values); its
    named bind parameters take `values` on every run. It may bind only strings and
    numbers, which sqlite3 takes as they are.
    """
    connection = session.connection()
    dialect = connection.dialect
    cache_key = (dialect.name, dialect.paramstyle, *key)
    found = _COMPILED.get(cache_key)
    if found is None:
        compiled = build().compile(dialect=dialect)
        found = (str(compiled), tuple(compiled.positiontup or ()), dict(compiled.params))
        if len(_COMPILED) >= _MOST_COMPILED:
            _COMPILED.clear()
        _COMPILED[cache_key] = found
    sql, names, fixed = found
    bound = {**fixed, **values}
    ordered = [bound[name] for name in names]
    if any(not isinstance(v, str | int | float) for v in ordered):
        raise TypeError("a raw read may bind only strings and numbers")
    cursor = driver_connection(session).cursor()
    try:
        return list(cursor.execute(sql, ordered).fetchall())
    finally:
        cursor.close()


def outside_episodes(session: Session, nights: NightRange) -> int | None:
    """How many episodes lie outside the range, when few of them do; else None.

    Counting a link table over every episode reads one of its indexes alone, while a join
    on the range visits each episode: when most of the diary is in the range (All of the
    diary, whose last night leaves out this morning's cramps), counting everything and
    taking away the few outside is several times faster, and exact. Remembered for the
    session (one transaction), as several counts of the same range ask.
    """
    remembered: dict[tuple[str, str], int | None] = session.info.setdefault("outside_episodes", {})
    key = (nights.local_from, nights.local_to)
    if key not in remembered:
        total = int(session.scalar(select(func.count()).select_from(EpisodeRow)) or 0)
        # At most a quarter, and at most 10,000 (a count stopping there is under a
        # millisecond; past it the join over the range is the cheaper read anyway).
        most = min(total // 4, 10_000)

        def counted(condition: ColumnElement[bool]) -> ScalarSelect[int]:
            # Stops at `most` + 1: a short range of a long diary must not count the rest.
            found = select(EpisodeRow.id).where(condition).limit(most + 1).subquery()
            return select(func.count()).select_from(found).scalar_subquery()

        before, after = session.execute(
            select(
                counted(EpisodeRow.start_local < nights.local_from),
                counted(EpisodeRow.start_local >= nights.local_to),
            )
        ).one()
        outside = int(before) + int(after)
        remembered[key] = outside if outside <= most else None
    return remembered[key]


def outside_ids(nights: NightRange) -> CompoundSelect[int]:
    """The ids of the episodes outside the range (two searches of the start_local index)."""
    return union_all(
        select(EpisodeRow.id).where(EpisodeRow.start_local < nights.local_from),
        select(EpisodeRow.id).where(EpisodeRow.start_local >= nights.local_to),
    )


def holds_records(session: Session, nights: NightRange) -> bool:
    """Whether any episode or day record falls in the range (two index look-ups)."""
    episode = session.scalar(select(EpisodeRow.id).where(in_range(nights)).limit(1))
    if episode is not None:
        return True
    day = session.scalar(
        select(DiaryDayRow.id)
        .where(DiaryDayRow.night_of >= nights.first, DiaryDayRow.night_of <= nights.last)
        .limit(1)
    )
    return day is not None


def change_token(session: Session) -> tuple[int, int]:
    """A value that changes whenever the diary may have changed since it was last read.

    The Store has one connection (a static pool), so its count of rows changed covers every
    write made through it (a rolled-back write too, which only costs a needless re-read), and
    SQLite's data_version moves when any other connection or process commits.
    """
    driver = driver_connection(session)
    version = driver.execute("PRAGMA data_version").fetchone()[0]
    return driver.total_changes, int(version)
