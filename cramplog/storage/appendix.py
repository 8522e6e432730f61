"""The GP summary's appendix rows: every episode of a period with its reliefs, triggers and
symptoms, read as plain tuples a chunk at a time (or, ahead on a connection of its own, as
one JSON text a chunk)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from typing import Any, Final

from cramplog.core import nights

# One row per episode, oldest first. What was noted with it comes along as JSON arrays built
# by SQLite (in code order, from each table's primary key), so one cursor walks the period
# and nothing but the current chunk is ever held: a 100-year appendix must not sit in memory.
_COLUMNS: Final = """
    e.start_local, e.muscle, e.side, e.duration_s, e.intensity, e.woke_from_sleep, e.notes,
    e.time_noted,
    (SELECT json_group_array(json_array(code, rating)) FROM
        (SELECT code, rating FROM episode_reliefs WHERE episode_id = e.id ORDER BY code)),
    (SELECT json_group_array(code) FROM
        (SELECT code FROM episode_triggers WHERE episode_id = e.id ORDER BY code)),
    (SELECT json_group_array(code) FROM
        (SELECT code FROM episode_symptoms WHERE episode_id = e.id ORDER BY code)),
    e.id
"""
_PERIOD: Final = "e.start_local >= :start AND e.start_local < :end"
# After a row already read: `start_local` then `id` is the rows' order.
_AFTER: Final = "(e.start_local, e.id) > (:after_start, :after_id)"
_ROWS: Final = f"""
SELECT {_COLUMNS} FROM episodes AS e WHERE {_PERIOD} AND {_AFTER} ORDER BY e.start_local, e.id
"""
# The same rows, `:size` at a time, each chunk as one JSON array made by SQLite in one step:
# a reader on a thread of its own then holds Python's lock once a chunk, not once a row
# (see analysis.report.appendix). The codes' arrays are texts in it (`'' ||` makes them
# plain text), as the plain rows give them. With the chunk's last row, to read on after it.
# MATERIALIZED (SQLite 3.35+) makes the chunk once for its three uses; an older SQLite refuses
# the statement, and the reader's caller then reads the rows on the diary's connection.
_CHUNK_AS_JSON: Final = f"""
WITH chunk(start_local, muscle, side, duration_s, intensity, woke, notes, noted,
           reliefs, triggers, symptoms, id) AS MATERIALIZED (
    SELECT {_COLUMNS} FROM episodes AS e WHERE {_PERIOD} AND {_AFTER}
    ORDER BY e.start_local, e.id LIMIT :size
),
last AS (SELECT start_local, id FROM chunk ORDER BY start_local DESC, id DESC LIMIT 1)
SELECT
    (SELECT json_group_array(json_array(start_local, muscle, side, duration_s, intensity, woke,
                                        notes, noted, '' || reliefs, '' || triggers,
                                        '' || symptoms, id))
     FROM chunk),
    (SELECT start_local FROM last),
    (SELECT id FROM last)
"""
_COUNT: Final = "SELECT count(*) FROM episodes WHERE start_local >= ? AND start_local < ?"
CHUNK: Final = 1000


def _bounds(first: date, last: date, hour: int) -> tuple[str, str]:
    start_from, _ = nights.night_window(first, hour)
    _, end_before = nights.night_window(last, hour)
    return f"{start_from:%Y-%m-%d %H:%M:%S}", f"{end_before:%Y-%m-%d %H:%M:%S}"


def count_appendix_rows(
    connection: sqlite3.Connection, *, first: date, last: date, hour: int
) -> int:
    """How many episodes the nights `first`..`last` hold."""
    cursor = connection.cursor()
    try:
        return int(cursor.execute(_COUNT, _bounds(first, last, hour)).fetchone()[0])
    finally:
        cursor.close()


def appendix_chunks(
    connection: sqlite3.Connection,
    *,
    first: date,
    last: date,
    hour: int,
    size: int = CHUNK,
    after: tuple[str, int] | None = None,
) -> Iterator[list[tuple[Any, ...]]]:
    """The episodes of the nights `first`..`last`, oldest first, `size` at a time, each as
    (start_local, muscle, side, duration_s, intensity, woke, notes, time_noted, reliefs,
    triggers, symptoms, id): reliefs, triggers and symptoms as JSON arrays of codes
    ([code, rating] for reliefs). With `after` (a row's start_local and id), only the rows
    after that one.

    Read on `connection` (the diary's own, or a plain read-only one) while it is iterated:
    use it up inside the read.
    """
    cursor = connection.cursor()
    try:
        cursor.execute(_ROWS, _arguments(first, last, hour, after))
        while chunk := cursor.fetchmany(size):
            yield chunk
    finally:
        cursor.close()


def appendix_json_chunks(
    connection: sqlite3.Connection, *, first: date, last: date, hour: int, size: int = CHUNK
) -> Iterator[str]:
    """`appendix_chunks`' rows, `size` at a time, each chunk as one JSON array of rows (each
    row an array in `appendix_chunks`' order), made by SQLite in one step on `connection`
    (a plain read-only one, inside its read transaction)."""
    after: tuple[str, int] | None = None
    while True:
        text, last_start, last_id = connection.execute(
            _CHUNK_AS_JSON, {**_arguments(first, last, hour, after), "size": size}
        ).fetchone()
        if last_id is None:
            return
        yield text
        after = (last_start, last_id)


def _arguments(
    first: date, last: date, hour: int, after: tuple[str, int] | None
) -> dict[str, object]:
    start, end = _bounds(first, last, hour)
    after_start, after_id = after or ("", 0)
    return {"start": start, "end": end, "after_start": after_start, "after_id": after_id}
