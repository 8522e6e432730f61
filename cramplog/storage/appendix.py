"""The GP summary's appendix rows: every episode of a period with its reliefs, triggers and
symptoms, read as plain tuples a chunk at a time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, Final

from sqlalchemy.orm import Session

from cramplog.core import nights
from cramplog.storage.engine import driver_connection

# One row per episode, oldest first. What was noted with it comes along as JSON arrays built
# by SQLite (in code order, from each table's primary key), so one cursor walks the period
# and nothing but the current chunk is ever held: a 100-year appendix must not sit in memory.
_ROWS: Final = """
SELECT e.start_local, e.muscle, e.side, e.duration_s, e.intensity, e.woke_from_sleep, e.notes,
       e.time_noted,
       (SELECT json_group_array(json_array(code, rating)) FROM
            (SELECT code, rating FROM episode_reliefs WHERE episode_id = e.id ORDER BY code)),
       (SELECT json_group_array(code) FROM
            (SELECT code FROM episode_triggers WHERE episode_id = e.id ORDER BY code)),
       (SELECT json_group_array(code) FROM
            (SELECT code FROM episode_symptoms WHERE episode_id = e.id ORDER BY code))
FROM episodes AS e
WHERE e.start_local >= ? AND e.start_local < ?
ORDER BY e.start_local, e.id
"""
_COUNT: Final = "SELECT count(*) FROM episodes WHERE start_local >= ? AND start_local < ?"
CHUNK: Final = 1000


def _bounds(first: date, last: date, hour: int) -> tuple[str, str]:
    start_from, _ = nights.night_window(first, hour)
    _, end_before = nights.night_window(last, hour)
    return f"{start_from:%Y-%m-%d %H:%M:%S}", f"{end_before:%Y-%m-%d %H:%M:%S}"


def count_appendix_rows(session: Session, *, first: date, last: date, hour: int) -> int:
    """How many episodes the nights `first`..`last` hold."""
    cursor = driver_connection(session).cursor()
    try:
        return int(cursor.execute(_COUNT, _bounds(first, last, hour)).fetchone()[0])
    finally:
        cursor.close()


def appendix_chunks(
    session: Session, *, first: date, last: date, hour: int, size: int = CHUNK
) -> Iterator[list[tuple[Any, ...]]]:
    """The episodes of the nights `first`..`last`, oldest first, `size` at a time, each as
    (start_local, muscle, side, duration_s, intensity, woke, notes, time_noted, reliefs,
    triggers, symptoms): the last three JSON arrays of codes ([code, rating] for reliefs).

    Read on the session's own connection while it is iterated: use it up inside the read.
    """
    cursor = driver_connection(session).cursor()
    try:
        cursor.execute(_ROWS, _bounds(first, last, hour))
        while chunk := cursor.fetchmany(size):
            yield chunk
    finally:
        cursor.close()
