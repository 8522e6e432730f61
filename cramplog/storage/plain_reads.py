"""The diary list's reads straight through the SQLite driver: episodes, quiet nights, labels.

The diary list, exports and reports read every episode of a period; through SQLAlchemy rows
and enum look-ups that cost 0.6 s for a ten-year diary (15,000 episodes), and it kept the
window from showing its rows until SQLAlchemy itself was imported. Plain cursor tuples and
dictionary look-ups read the same diary in about a third of that. This module imports
neither SQLAlchemy nor Qt: the diary calls it with its session's own connection (so the
read is part of the caller's transaction), and the start-up preview with a read-only one.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from cramplog.core import nights
from cramplog.core.records import DiaryListing, Episode, Hydration, ReliefRating, Side
from cramplog.storage import layout

LOCAL_FORMAT = "%Y-%m-%d %H:%M:%S"
BOUNDARY_HOUR_KEY = layout.BOUNDARY_HOUR_KEY

_SIDES = {side.value: side for side in Side}
_HYDRATIONS = {hydration.value: hydration for hydration in Hydration}
_RATINGS = {rating.value: rating for rating in ReliefRating}

_COLUMNS = (
    "id, uuid, start_local, utc_offset_min, muscle, side, duration_s, intensity, "
    "woke_from_sleep, activity, hydration, notes, to_review, created_utc, updated_utc, "
    "triggers_asked, reliefs_asked, time_noted"
)

# Below this many episodes the link tables are read by id; above it one scan of each
# narrow table is cheaper than a huge IN list.
_SELECTIVE = 500


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def starting_within(
    local_from: datetime | None, local_to: datetime | None
) -> tuple[list[str], list[object]]:
    """The WHERE terms and parameters of starts in [local_from, local_to)."""
    where: list[str] = []
    parameters: list[object] = []
    if local_from is not None:
        where.append("start_local >= ?")
        parameters.append(local_from.strftime(LOCAL_FORMAT))
    if local_to is not None:
        where.append("start_local < ?")
        parameters.append(local_to.strftime(LOCAL_FORMAT))
    return where, parameters


def read_episodes(
    connection: sqlite3.Connection,
    *,
    local_from: datetime | None = None,
    local_to: datetime | None = None,
    muscles: Sequence[str] = (),
    text: str = "",
    episode_ids: Sequence[int] | None = None,
    newest: int | None = None,
) -> list[Episode]:
    """Episodes whose wall-clock start lies in [local_from, local_to), oldest first.

    `text` matches the notes or the muscle's label, ignoring case, as a plain substring;
    `newest` keeps only that many of the latest.
    """
    where, parameters = starting_within(local_from, local_to)
    if muscles:
        where.append(f"muscle IN ({', '.join('?' * len(muscles))})")
        parameters.extend(muscles)
    if episode_ids is not None:
        if not episode_ids:
            return []
        where.append(f"id IN ({', '.join('?' * len(episode_ids))})")
        parameters.extend(episode_ids)
    if text.strip():
        pattern = _like_pattern(text.strip())
        where.append(
            "(lower(notes) LIKE lower(?) ESCAPE '\\' OR lower((SELECT label FROM vocabulary"
            " WHERE vocabulary.code = episodes.muscle)) LIKE lower(?) ESCAPE '\\')"
        )
        parameters.extend((pattern, pattern))
    condition = f" WHERE {' AND '.join(where)}" if where else ""
    if newest is None:
        order = "ORDER BY start_local, id"
    else:
        order = "ORDER BY start_local DESC, id DESC LIMIT ?"
        parameters.append(max(newest, 0))
    cursor = connection.execute(f"SELECT {_COLUMNS} FROM episodes{condition} {order}", parameters)
    rows = cursor.fetchall() if newest is None else cursor.fetchall()[::-1]
    return _episodes_of(connection, rows, selective=len(rows) < _SELECTIVE)


def iter_episodes(
    connection: sqlite3.Connection,
    *,
    local_from: datetime | None = None,
    local_to: datetime | None = None,
    page: int = _SELECTIVE - 1,
) -> Iterator[Episode]:
    """Episodes whose wall-clock start lies in [local_from, local_to), oldest first, read
    `page` rows at a time: an export of a hundred-year diary holds one page, not the diary.

    The same records as `read_episodes`; the caller keeps the connection in one read
    transaction until the iterator is finished, so every page sees the same diary.
    """
    where, parameters = starting_within(local_from, local_to)
    condition = f" WHERE {' AND '.join(where)}" if where else ""
    cursor = connection.execute(
        f"SELECT {_COLUMNS} FROM episodes{condition} ORDER BY start_local, id", parameters
    )
    try:
        while rows := cursor.fetchmany(page):
            yield from _episodes_of(connection, rows, selective=True)
    finally:
        # An iterator let go half-way (the reader of `export -o -` left early) is finished
        # off when it is collected, after its diary was closed: its cursor went with it.
        with contextlib.suppress(sqlite3.ProgrammingError):
            cursor.close()


# Over 60 lines because it names each of Episode's columns once as it turns the rows into
# records.
def _episodes_of(
    connection: sqlite3.Connection, rows: list[Any], *, selective: bool
) -> list[Episode]:
    """Episode records of `rows` (in `_COLUMNS` order) with their link-table codes; with
    `selective`, the links are read for these episodes' ids only."""
    if not rows:
        return []
    ids = [row[0] for row in rows] if selective else None
    triggers = _links(connection, "episode_triggers", "code", ids)
    symptoms = _links(connection, "episode_symptoms", "code", ids)
    reliefs = {
        episode_id: tuple((code, _RATINGS.get(rating)) for code, rating in pairs)
        for episode_id, pairs in _links(connection, "episode_reliefs", "code, rating", ids).items()
    }
    sides, hydrations = _SIDES, _HYDRATIONS
    parse = datetime.fromisoformat
    return [
        Episode(
            id=episode_id,
            uuid=uuid,
            start_local=parse(start_local),
            utc_offset_min=utc_offset_min,
            muscle=muscle,
            side=sides[side],
            duration_s=duration_s,
            intensity=intensity,
            woke_from_sleep=None if woke_from_sleep is None else bool(woke_from_sleep),
            activity=activity,
            hydration=None if hydration is None else hydrations[hydration],
            triggers=triggers.get(episode_id, ()),
            reliefs=reliefs.get(episode_id, ()),
            symptoms=symptoms.get(episode_id, ()),
            notes=notes,
            to_review=bool(to_review),
            created_utc=parse(created_utc),
            updated_utc=parse(updated_utc),
            triggers_asked=bool(triggers_asked),
            reliefs_asked=bool(reliefs_asked),
            time_noted=bool(time_noted),
        )
        for (
            episode_id,
            uuid,
            start_local,
            utc_offset_min,
            muscle,
            side,
            duration_s,
            intensity,
            woke_from_sleep,
            activity,
            hydration,
            notes,
            to_review,
            created_utc,
            updated_utc,
            triggers_asked,
            reliefs_asked,
            time_noted,
        ) in rows
    ]


def _links(
    connection: sqlite3.Connection, table: str, columns: str, ids: Sequence[int] | None
) -> dict[int, tuple[Any, ...]]:
    """Each episode's rows of one link table (codes in code order), keyed by episode id."""
    # `table` and `columns` are constants of this module, never user input.
    sql = f"SELECT episode_id, {columns} FROM {table}"
    parameters: Sequence[int] = ()
    if ids is not None:
        sql += f" WHERE episode_id IN ({', '.join('?' * len(ids))})"
        parameters = ids
    grouped: dict[int, list[object]] = {}
    single = "," not in columns
    for row in connection.execute(f"{sql} ORDER BY code", parameters):
        grouped.setdefault(row[0], []).append(row[1] if single else row[1:])
    return {episode_id: tuple(values) for episode_id, values in grouped.items()}


def cramp_free_nights(
    connection: sqlite3.Connection, *, boundary_hour: int, first_night: date | None = None
) -> list[date]:
    """Nights marked as reviewed that hold no episode, oldest first.

    A night runs from the boundary hour on its date to the same hour the next day.
    """
    start = f"+{boundary_hour} hours"
    rows = connection.execute(
        "SELECT night_of FROM diary_days AS day WHERE reviewed AND night_of >= ?"
        " AND NOT EXISTS (SELECT 1 FROM episodes"
        "  WHERE start_local >= datetime(day.night_of, ?)"
        "  AND start_local < datetime(day.night_of, '+1 day', ?))"
        " ORDER BY night_of",
        ("" if first_night is None else first_night.isoformat(), start, start),
    ).fetchall()
    return [date.fromisoformat(night) for (night,) in rows]


def read_listing(connection: sqlite3.Connection, *, newest: int) -> DiaryListing:
    """The newest rows of the diary list (the `newest` latest episodes and the cramp-free
    nights among them), for showing a diary's first screen before the diary is open."""
    setting = connection.execute(
        "SELECT value FROM settings WHERE key = ?", (BOUNDARY_HOUR_KEY,)
    ).fetchone()
    boundary_hour = nights.boundary_from_setting(None if setting is None else setting[0])
    episodes = read_episodes(connection, newest=newest)
    first_night = (
        nights.night_of(episodes[0].start_local, boundary_hour) if len(episodes) == newest else None
    )
    return DiaryListing(
        episodes=episodes,
        cramp_free_nights=cramp_free_nights(
            connection, boundary_hour=boundary_hour, first_night=first_night
        ),
        labels=dict(connection.execute("SELECT code, label FROM vocabulary").fetchall()),
        boundary_hour=boundary_hour,
    )


def holds_entries(path: Path) -> bool:
    """Whether the diary file at `path` has any entry, read without writing to it."""
    if not path.exists() or path.stat().st_size == 0:
        return False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        for table in ("episodes", "diary_days", "medications"):
            if conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None:
                return True
        return False
    except sqlite3.Error:
        # Not a diary, or a damaged one: opening it below gives the clear message.
        return False
    finally:
        conn.close()
