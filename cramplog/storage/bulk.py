"""Insert many already-validated records in one transaction (sample diaries, imports)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import NamedTuple

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from cramplog.core.records import DayFactors, EpisodeInput, MedicationInput
from cramplog.storage.schema import Base, EpisodeRow


class NewEpisode(NamedTuple):
    """One episode to store: what was entered, where on the clock it began, and its identity."""

    # A named tuple, not a frozen dataclass: as immutable, and made three times as fast
    # (an import of 100,000 rows makes 100,000 of these only to pass them to the insert).

    episode: EpisodeInput
    start_local: datetime
    utc_offset_min: int
    uuid: str
    created_utc: datetime
    updated_utc: datetime


@dataclass(frozen=True, slots=True)
class NewDay:
    """One diary day to store."""

    night_of: date
    factors: DayFactors
    uuid: str
    created_utc: datetime
    updated_utc: datetime


@dataclass(frozen=True, slots=True)
class NewMedication:
    """One medication or supplement to store."""

    medication: MedicationInput
    uuid: str
    created_utc: datetime
    updated_utc: datetime


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def insert_episodes(session: Session, episodes: Sequence[NewEpisode]) -> int:
    """Store `episodes` (and their triggers, reliefs and symptoms); return how many.

    The caller has validated them. Ids are assigned here, after the diary's highest, so the
    link rows can be written in the same executemany pass without reading ids back; that is
    safe because the caller's transaction holds SQLite's write lock (BEGIN IMMEDIATE).
    """
    if not episodes:
        return 0
    next_id = (session.scalar(select(func.max(EpisodeRow.id))) or 0) + 1
    episode_rows: list[dict[str, object]] = []
    trigger_rows: list[dict[str, object]] = []
    relief_rows: list[dict[str, object]] = []
    symptom_rows: list[dict[str, object]] = []
    # The enums are StrEnums, i.e. str already: SQLite stores each as its value, and the
    # schema's CHECK constraints still refuse anything else.
    for episode_id, new in enumerate(episodes, start=next_id):
        entered = new.episode
        episode_rows.append(
            {
                "id": episode_id,
                "uuid": new.uuid,
                "start_utc": new.start_local - timedelta(minutes=new.utc_offset_min),
                "utc_offset_min": new.utc_offset_min,
                "muscle": entered.muscle,
                "side": entered.side,
                "duration_s": entered.duration_s,
                "intensity": entered.intensity,
                "woke_from_sleep": entered.woke_from_sleep,
                "activity": entered.activity,
                "hydration": entered.hydration,
                "notes": entered.notes,
                "to_review": entered.to_review,
                "triggers_asked": entered.triggers_asked or bool(entered.triggers),
                "reliefs_asked": entered.reliefs_asked or bool(entered.reliefs),
                "time_noted": entered.time_noted,
                "created_utc": new.created_utc,
                "updated_utc": new.updated_utc,
            }
        )
        trigger_rows.extend({"episode_id": episode_id, "code": code} for code in entered.triggers)
        relief_rows.extend(
            {"episode_id": episode_id, "code": code, "rating": rating}
            for code, rating in entered.reliefs
        )
        symptom_rows.extend({"episode_id": episode_id, "code": code} for code in entered.symptoms)
    connection = session.connection()
    connection.execute(insert(_table("episodes")), episode_rows)
    for name, rows in (
        ("episode_triggers", trigger_rows),
        ("episode_reliefs", relief_rows),
        ("episode_symptoms", symptom_rows),
    ):
        if rows:
            connection.execute(insert(_table(name)), rows)
    return len(episode_rows)


def insert_days(session: Session, days: Sequence[NewDay]) -> int:
    """Store diary days that are not in the diary yet (one row per date); return how many."""
    if not days:
        return 0
    rows: list[dict[str, object]] = []
    for day in days:
        factors = day.factors
        rows.append(
            {
                "night_of": day.night_of,
                "uuid": day.uuid,
                "reviewed": factors.reviewed,
                "fluids_l": factors.fluids_l,
                "exercise": factors.exercise,
                "alcohol_units": factors.alcohol_units,
                "caffeine_drinks": factors.caffeine_drinks,
                "hot_or_sweating": factors.hot_or_sweating,
                "long_standing": factors.long_standing,
                "long_sitting": factors.long_sitting,
                "stretched_before_bed": factors.stretched_before_bed,
                "stress": factors.stress,
                "sleep_disturbance": factors.sleep_disturbance,
                "minutes_awake": factors.minutes_awake,
                "notes": factors.notes,
                "created_utc": day.created_utc,
                "updated_utc": day.updated_utc,
            }
        )
    session.connection().execute(insert(_table("diary_days")), rows)
    return len(rows)


def insert_medications(session: Session, medications: Sequence[NewMedication]) -> int:
    """Store medications and supplements; return how many."""
    if not medications:
        return 0
    rows = [
        {
            "uuid": new.uuid,
            "name": new.medication.name,
            "dose": new.medication.dose,
            "started_on": new.medication.started_on,
            "stopped_on": new.medication.stopped_on,
            "taken_for": new.medication.taken_for,
            "med_class": new.medication.med_class,
            "notes": new.medication.notes,
            "created_utc": new.created_utc,
            "updated_utc": new.updated_utc,
        }
        for new in medications
    ]
    session.connection().execute(insert(_table("medications")), rows)
    return len(rows)


def holds_entries(session: Session) -> bool:
    """Whether the diary holds any episode, diary day or medication."""
    return any(
        session.execute(select(1).select_from(_table(name)).limit(1)).first() is not None
        for name in ("episodes", "diary_days", "medications")
    )
