"""Episodes and their trigger, relief and symptom links."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from cramplog.core.errors import NotFoundError
from cramplog.core.records import (
    Episode,
    EpisodeInput,
    Hydration,
    ReliefRating,
    Side,
)
from cramplog.core.translation import _
from cramplog.storage import plain_reads
from cramplog.storage.engine import driver_connection
from cramplog.storage.schema import (
    EpisodeRelief,
    EpisodeRow,
    EpisodeSymptom,
    EpisodeTrigger,
)

_LOCAL_FORMAT = plain_reads.LOCAL_FORMAT


def _episode_values(
    episode: EpisodeInput, start_local: datetime, offset_min: int
) -> dict[str, object]:
    return {
        "start_utc": start_local - timedelta(minutes=offset_min),
        "utc_offset_min": offset_min,
        "muscle": episode.muscle,
        "side": Side(episode.side).value,
        "duration_s": episode.duration_s,
        "intensity": episode.intensity,
        "woke_from_sleep": episode.woke_from_sleep,
        "activity": episode.activity,
        "hydration": None if episode.hydration is None else Hydration(episode.hydration).value,
        "notes": episode.notes,
        "to_review": episode.to_review,
        "triggers_asked": episode.triggers_asked or bool(episode.triggers),
        "reliefs_asked": episode.reliefs_asked or bool(episode.reliefs),
        "time_noted": episode.time_noted,
    }


def _replace_links(session: Session, episode_id: int, episode: EpisodeInput) -> None:
    for table in (EpisodeTrigger, EpisodeRelief, EpisodeSymptom):
        session.execute(delete(table).where(table.episode_id == episode_id))
    session.add_all(EpisodeTrigger(episode_id=episode_id, code=c) for c in episode.triggers)
    session.add_all(
        EpisodeRelief(
            episode_id=episode_id,
            code=code,
            rating=None if rating is None else ReliefRating(rating).value,
        )
        for code, rating in episode.reliefs
    )
    session.add_all(EpisodeSymptom(episode_id=episode_id, code=c) for c in episode.symptoms)


def insert_episode(
    session: Session,
    episode: EpisodeInput,
    *,
    start_local: datetime,
    offset_min: int,
    uuid: str,
    created_utc: datetime,
    updated_utc: datetime,
) -> int:
    row = EpisodeRow(
        uuid=uuid,
        created_utc=created_utc,
        updated_utc=updated_utc,
        **_episode_values(episode, start_local, offset_min),
    )
    session.add(row)
    session.flush()
    _replace_links(session, row.id, episode)
    session.flush()
    return row.id


def update_episode(
    session: Session,
    episode_id: int,
    episode: EpisodeInput,
    *,
    start_local: datetime,
    offset_min: int,
    now: datetime,
) -> None:
    result = session.execute(
        update(EpisodeRow)
        .where(EpisodeRow.id == episode_id)
        .values(updated_utc=now, **_episode_values(episode, start_local, offset_min))
    )
    if result.rowcount == 0:  # type: ignore[attr-defined]
        raise NotFoundError(_("That cramp is no longer in the diary."))
    _replace_links(session, episode_id, episode)
    session.flush()


def delete_episode(session: Session, episode_id: int) -> None:
    result = session.execute(delete(EpisodeRow).where(EpisodeRow.id == episode_id))
    if result.rowcount == 0:  # type: ignore[attr-defined]
        raise NotFoundError(_("That cramp is no longer in the diary."))


def _local_text(moment: datetime) -> str:
    return moment.strftime(_LOCAL_FORMAT)


def list_episodes(
    session: Session,
    *,
    local_from: datetime | None = None,
    local_to: datetime | None = None,
    muscles: Sequence[str] = (),
    text: str = "",
    episode_ids: Sequence[int] | None = None,
) -> list[Episode]:
    """Episodes whose wall-clock start lies in [local_from, local_to), oldest first."""
    return plain_reads.read_episodes(
        driver_connection(session),
        local_from=local_from,
        local_to=local_to,
        muscles=muscles,
        text=text,
        episode_ids=episode_ids,
    )


def get_episode(session: Session, episode_id: int) -> Episode:
    found = list_episodes(session, episode_ids=[episode_id])
    if not found:
        raise NotFoundError(_("That cramp is no longer in the diary."))
    return found[0]


def episode_id_by_uuid(session: Session, uuid: str) -> int | None:
    return session.scalar(select(EpisodeRow.id).where(EpisodeRow.uuid == uuid))


def count_episodes(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(EpisodeRow)) or 0


def nights_with_episodes(
    session: Session, *, boundary_hour: int, first: date, last: date
) -> set[date]:
    """The nights in [first, last] that hold at least one episode."""
    start = datetime.combine(first, datetime.min.time()) + timedelta(hours=boundary_hour)
    end = datetime.combine(last + timedelta(days=1), datetime.min.time()) + timedelta(
        hours=boundary_hour
    )
    night = func.date(EpisodeRow.start_local, f"-{boundary_hour} hours")
    rows = session.execute(
        select(night)
        .where(
            EpisodeRow.start_local >= _local_text(start), EpisodeRow.start_local < _local_text(end)
        )
        .distinct()
    )
    return {date.fromisoformat(value) for (value,) in rows}
