"""Single episodes as evidence: those with a symptom, long ones, shares a warning-sign rule hits."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Final

from cramplog.core.value_class import value_class
from cramplog.storage.aggregates.ranges import (
    IN_RANGE,
    NightRange,
    outside_episodes,
    parse_local,
)

# -- single episodes (evidence, the trigger filter) -----------------------------------------


@value_class
class EpisodeBrief:
    """Just enough of one episode to name it: id, when, where, how bad and how long."""

    id: int
    start_local: datetime
    night: date
    muscle: str
    side: str
    intensity: int | None
    duration_s: int | None
    time_noted: bool = True

    @property
    def clock(self) -> datetime | None:
        """The start to cite beside its night; None when only the date was noted."""
        return self.start_local if self.time_noted else None


_BRIEF_COLUMNS: Final = (
    "episodes.id, episodes.start_local, episodes.muscle, episodes.side, episodes.intensity,"
    " episodes.duration_s, episodes.time_noted"
)
_BRIEF: Final = 7
_NEWEST_FIRST: Final = "ORDER BY episodes.start_local DESC, episodes.id"


def _brief(row: Sequence[object], boundary_hour: int) -> EpisodeBrief:
    episode_id, start_text, muscle, side, intensity, duration, time_noted = row[:_BRIEF]
    assert isinstance(start_text, str)
    start = parse_local(start_text)
    return EpisodeBrief(
        id=int(episode_id),  # type: ignore[call-overload]
        start_local=start,
        night=(start - timedelta(hours=boundary_hour)).date(),
        muscle=str(muscle),
        side=str(side),
        intensity=None if intensity is None else int(intensity),  # type: ignore[call-overload]
        duration_s=None if duration is None else int(duration),  # type: ignore[call-overload]
        time_noted=bool(time_noted),
    )


def episodes_with_symptoms(
    connection: sqlite3.Connection, nights: NightRange, codes: Sequence[str]
) -> list[tuple[EpisodeBrief, str]]:
    """(episode, symptom code) for each episode of the range noting one of `codes`, newest
    first."""
    if not codes:
        return []
    named = ", ".join(f":s{i}" for i in range(len(codes)))
    rows = connection.execute(
        f"SELECT {_BRIEF_COLUMNS}, episode_symptoms.code FROM episodes"
        " JOIN episode_symptoms ON episode_symptoms.episode_id = episodes.id"
        f" WHERE {IN_RANGE} AND episode_symptoms.code IN ({named})"
        f" {_NEWEST_FIRST}, episode_symptoms.code",
        {**nights.bounds(), **{f"s{i}": code for i, code in enumerate(codes)}},
    ).fetchall()
    return [(_brief(row, nights.boundary_hour), str(row[_BRIEF])) for row in rows]


def _relief_of(parameter: str, condition: str = "") -> str:
    """SQL: whether the outer episode tried the relief whose code is bound to `:parameter`
    (a lookup on the link table's key); a code is never put into the SQL text."""
    also = f" AND {condition}" if condition else ""
    return (
        "EXISTS (SELECT 1 FROM episode_reliefs WHERE episode_reliefs.episode_id = episodes.id"
        f" AND episode_reliefs.code = :{parameter}{also})"
    )


def _any_relief(condition: str) -> str:
    return (
        "EXISTS (SELECT 1 FROM episode_reliefs WHERE episode_reliefs.episode_id = episodes.id"
        f" AND {condition})"
    )


def long_episodes(
    connection: sqlite3.Connection,
    nights: NightRange,
    min_duration_s: int,
    relief: str = "relief.stretch",
) -> list[tuple[EpisodeBrief, bool, bool | None]]:
    """Episodes of the range lasting longer than `min_duration_s`, newest first, each with
    whether `relief` was tried and whether it helped: True when rated "helped", False when
    rated less, None when not rated (or not tried); stretching unless told."""
    helped = _relief_of("relief", "episode_reliefs.rating = 'helped'")
    rated = _relief_of("relief", "episode_reliefs.rating IS NOT NULL")
    query = f"SELECT {_BRIEF_COLUMNS}, {_relief_of('relief')}, {helped}, {rated}"
    values: dict[str, str | int] = {
        **nights.bounds(),
        "longer": min_duration_s,
        "relief": relief,
    }
    if outside_episodes(connection, nights) is None:
        rows = connection.execute(
            f"{query} FROM episodes WHERE episodes.duration_s > :longer AND {IN_RANGE}"
            f" {_NEWEST_FIRST}",
            values,
        ).fetchall()
    else:
        # Most episodes are in the range: SQLite finds the long ones from the duration
        # index (migration 0006) rather than walking the start index to every row (a
        # century: 46 ms that way, 24 ms scanning the table, 13 ms from the index, most of
        # it the relief look-ups); the few long ones outside the range are left out by the
        # same text comparison, and the rest sorted here, newest first, then by id (a
        # stable sort).
        rows = connection.execute(
            f"{query} FROM episodes WHERE episodes.duration_s > :longer", values
        ).fetchall()
        rows = [row for row in rows if nights.local_from <= row[1] < nights.local_to]
        rows.sort(key=lambda row: row[0])
        rows.sort(key=lambda row: row[1], reverse=True)
    return [
        (
            _brief(row, nights.boundary_hour),
            bool(row[_BRIEF]),
            bool(row[_BRIEF + 1]) if row[_BRIEF + 2] else None,
        )
        for row in rows
    ]


@value_class
class Share:
    """Of the episodes of a range that a rule can judge, how many it hits.

    `judged`: episodes whose record says either way; `hits`: those meeting the rule;
    `unjudged`: the range's other episodes (the fact is unknown for them); `newest`: the
    newest hits.
    """

    judged: int
    hits: int
    unjudged: int
    newest: list[EpisodeBrief]


def _share(
    connection: sqlite3.Connection, nights: NightRange, among: str, hit: str, limit: int
) -> Share:
    """Correlated lookups per episode of the range, so a short range stays cheap however
    large the diary."""
    everything, total, hits = connection.execute(
        f"SELECT count(*), coalesce(sum(CASE WHEN {among} THEN 1 ELSE 0 END), 0),"
        f" coalesce(sum(CASE WHEN ({among}) AND ({hit}) THEN 1 ELSE 0 END), 0)"
        f" FROM episodes WHERE {IN_RANGE}",
        nights.bounds(),
    ).fetchone()
    rows = connection.execute(
        f"SELECT {_BRIEF_COLUMNS} FROM episodes WHERE {IN_RANGE} AND ({among}) AND ({hit})"
        f" {_NEWEST_FIRST} LIMIT :limit",
        {**nights.bounds(), "limit": limit},
    ).fetchall()
    return Share(
        int(total),
        int(hits),
        int(everything) - int(total),
        [_brief(row, nights.boundary_hour) for row in rows],
    )


def episodes_without_triggers(
    connection: sqlite3.Connection, nights: NightRange, *, limit: int
) -> Share:
    """Among episodes whose triggers were asked about, those naming no trigger.

    A quick log still to review, or an import without a trigger column, was never asked:
    its empty list is unknown, not "no cause".
    """
    named = (
        "EXISTS (SELECT 1 FROM episode_triggers WHERE episode_triggers.episode_id = episodes.id)"
    )
    asked = "episodes.to_review IS 0 AND episodes.triggers_asked IS 1"
    return _share(connection, nights, asked, f"NOT {named}", limit)


def episodes_where_nothing_helped(
    connection: sqlite3.Connection, nights: NightRange, *, limit: int
) -> Share:
    """Among episodes with a rated relief, those where every rated relief "did not help"."""
    rated = f"episodes.to_review IS 0 AND {_any_relief('episode_reliefs.rating IS NOT NULL')}"
    helped = _any_relief("episode_reliefs.rating IN ('helped', 'a_little')")
    return _share(connection, nights, rated, f"NOT {helped}", limit)


def episodes_with_trigger(
    connection: sqlite3.Connection, nights: NightRange, code: str, *, limit: int
) -> tuple[int, list[EpisodeBrief]]:
    """(how many episodes of the range name trigger `code`, the newest `limit` of them)."""
    named = (
        "EXISTS (SELECT 1 FROM episode_triggers WHERE episode_triggers.code = :code"
        " AND episode_triggers.episode_id = episodes.id)"
    )
    values: dict[str, str | int] = {**nights.bounds(), "code": code, "limit": limit}
    total = connection.execute(
        f"SELECT count(*) FROM episodes WHERE {IN_RANGE} AND {named}", values
    ).fetchone()[0]
    rows = connection.execute(
        f"SELECT {_BRIEF_COLUMNS} FROM episodes WHERE {IN_RANGE} AND {named}"
        f" {_NEWEST_FIRST} LIMIT :limit",
        values,
    ).fetchall()
    return int(total or 0), [_brief(row, nights.boundary_hour) for row in rows]
