"""The GP summary's appendix rows: every episode of a period with its reliefs, as tuples."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, and_, select
from sqlalchemy.orm import Session

from cramplog.core import nights
from cramplog.storage.engine import driver_connection
from cramplog.storage.schema import EpisodeRelief, EpisodeRow


def appendix_rows(
    session: Session, *, first: date, last: date, hour: int
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """(episode rows, relief rows) of the nights `first`..`last`, as plain tuples."""
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
    return _plain_rows(session, episodes), _plain_rows(session, reliefs)


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
