"""The diary's episodes, days and cramps per night read a page at a time, for the exports.

An export of a hundred-year diary (150,000 episodes) used to build every record in memory
before writing a byte, so its peak grew with the diary. These generators hold one page:
the caller iterates them inside one read transaction (`Diary.read`), so every page sees
the same diary, and writes each record as it comes.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from cramplog.core import nights
from cramplog.core.records import DiaryDay, Episode
from cramplog.storage import plain_reads
from cramplog.storage.engine import driver_connection
from cramplog.storage.repository.days import day_record
from cramplog.storage.schema import DiaryDayRow

# Rows per page: small enough that a page is a few hundred kilobytes, large enough that
# the per-page queries cost nothing next to the rows.
PAGE = 400

_Row = TypeVar("_Row")


def episodes(
    session: Session, *, local_from: datetime | None, local_to: datetime | None
) -> Iterator[Episode]:
    """Episodes starting in [local_from, local_to), oldest first (as `list_episodes`)."""
    return plain_reads.iter_episodes(
        driver_connection(session), local_from=local_from, local_to=local_to, page=PAGE
    )


def _of_nights(query: Select[_Row], first: date | None, last: date | None) -> Select[_Row]:
    if first is not None:
        query = query.where(DiaryDayRow.night_of >= first)
    if last is not None:
        query = query.where(DiaryDayRow.night_of <= last)
    return query


def days(session: Session, first: date | None, last: date | None) -> Iterator[DiaryDay]:
    """Day records of the nights in [first, last], oldest first (as `list_days`)."""
    query = _of_nights(select(DiaryDayRow).order_by(DiaryDayRow.night_of), first, last)
    # yield_per fetches and builds PAGE rows at a time; the session keeps no strong
    # reference to rows already handed out.
    for row in session.scalars(query.execution_options(yield_per=PAGE)):
        yield day_record(row)


def cramps_per_night(
    session: Session,
    *,
    local_from: datetime | None,
    local_to: datetime | None,
    boundary_hour: int,
) -> Iterator[tuple[date, int]]:
    """(night, cramps that night) for each night holding one, oldest first.

    Each night is `nights.night_of` of the stored wall-clock start, the rule every other
    count uses; starts come in order, so a night's cramps arrive together.
    """
    where, parameters = plain_reads.starting_within(local_from, local_to)
    condition = f" WHERE {' AND '.join(where)}" if where else ""
    cursor = driver_connection(session).execute(
        f"SELECT start_local FROM episodes{condition} ORDER BY start_local", parameters
    )
    parse = datetime.fromisoformat
    try:
        starts = (parse(start) for (start,) in cursor)
        for night, group in itertools.groupby(
            starts, key=lambda start: nights.night_of(start, boundary_hour)
        ):
            yield night, sum(1 for _start in group)
    finally:
        cursor.close()


def counts(
    session: Session,
    *,
    local_from: datetime | None,
    local_to: datetime | None,
    first: date | None,
    last: date | None,
) -> tuple[int, int]:
    """(episodes, day records) the reads above give for a period: an export's total, known
    before its first row, so its progress can say how far it has gone."""
    connection = driver_connection(session)
    where, parameters = plain_reads.starting_within(local_from, local_to)
    condition = f" WHERE {' AND '.join(where)}" if where else ""
    (episode_count,) = connection.execute(
        f"SELECT count(*) FROM episodes{condition}", parameters
    ).fetchone()
    query = _of_nights(select(func.count()).select_from(DiaryDayRow), first, last)
    return int(episode_count), int(session.scalar(query) or 0)
