"""The GP summary's appendix rows: every episode of a period with its reliefs, triggers and
symptoms, as tuples."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, select
from sqlalchemy.orm import Session

from cramplog.core import nights
from cramplog.storage.engine import driver_connection
from cramplog.storage.schema import EpisodeRelief, EpisodeRow, EpisodeSymptom, EpisodeTrigger


@dataclass(frozen=True, slots=True)
class AppendixTuples:
    """The appendix's plain rows: episodes, and (episode id, code[, rating]) for each of its
    relief methods, suspected triggers and symptoms, each ordered by episode id then code."""

    episodes: list[tuple[Any, ...]]
    reliefs: list[tuple[Any, ...]]
    triggers: list[tuple[Any, ...]]
    symptoms: list[tuple[Any, ...]]


def appendix_rows(session: Session, *, first: date, last: date, hour: int) -> AppendixTuples:
    """The episodes of the nights `first`..`last` and what was noted with each, as tuples."""
    start_from, _ = nights.night_window(first, hour)
    _, end_before = nights.night_window(last, hour)
    in_period = and_(
        EpisodeRow.start_local >= f"{start_from:%Y-%m-%d %H:%M:%S}",
        EpisodeRow.start_local < f"{end_before:%Y-%m-%d %H:%M:%S}",
    )
    episodes = (
        select(
            EpisodeRow.id,
            EpisodeRow.start_local,
            EpisodeRow.muscle,
            EpisodeRow.side,
            EpisodeRow.duration_s,
            EpisodeRow.intensity,
            EpisodeRow.woke_from_sleep,
            EpisodeRow.notes,
            EpisodeRow.time_noted,
        )
        .where(in_period)
        .order_by(EpisodeRow.start_local, EpisodeRow.id)
    )
    reliefs = (
        select(EpisodeRelief.episode_id, EpisodeRelief.code, EpisodeRelief.rating)
        .join(EpisodeRow, EpisodeRow.id == EpisodeRelief.episode_id)
        .where(in_period)
        .order_by(EpisodeRelief.episode_id, EpisodeRelief.code)
    )
    triggers = (
        select(EpisodeTrigger.episode_id, EpisodeTrigger.code)
        .join(EpisodeRow, EpisodeRow.id == EpisodeTrigger.episode_id)
        .where(in_period)
        .order_by(EpisodeTrigger.episode_id, EpisodeTrigger.code)
    )
    symptoms = (
        select(EpisodeSymptom.episode_id, EpisodeSymptom.code)
        .join(EpisodeRow, EpisodeRow.id == EpisodeSymptom.episode_id)
        .where(in_period)
        .order_by(EpisodeSymptom.episode_id, EpisodeSymptom.code)
    )
    return AppendixTuples(
        _plain_rows(session, episodes),
        _plain_rows(session, reliefs),
        _plain_rows(session, triggers),
        _plain_rows(session, symptoms),
    )


def _plain_rows(session: Session, query: Select[*tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Run a query on the DBAPI cursor of the session's own connection, as tuples.

    Building SQLAlchemy rows for 15,000 episodes costs more
    than SQLite's own work. The queries here bind only strings.
    """
    connection = session.connection()
    compiled = query.compile(dialect=connection.dialect)
    values = [compiled.params[name] for name in compiled.positiontup or ()]
    cursor = driver_connection(session).cursor()
    try:
        return list(cursor.execute(str(compiled), values).fetchall())
    finally:
        cursor.close()
