"""SQL for imports: what the diary already holds, fast inserts of checked rows, and clearing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from operator import attrgetter

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from cramplog.core.records import Hydration, Side
from cramplog.storage import bulk
from cramplog.storage.schema import (
    DiaryDayRow,
    EpisodeRelief,
    EpisodeRow,
    EpisodeSymptom,
    EpisodeTrigger,
    LoggingSpanRow,
    MedicationRow,
    Vocabulary,
)


@dataclass(frozen=True, slots=True)
class NewVocabulary:
    """A word of the person's own to add (a custom muscle, trigger or relief)."""

    code: str
    kind: str
    label: str
    hidden: bool
    uuid: str
    created_utc: datetime
    updated_utc: datetime


@dataclass(frozen=True, slots=True)
class Holdings:
    """The identities already in the diary, so an import adds each record at most once."""

    episode_uuids: frozenset[str]
    episode_moments: frozenset[tuple[str, str]]  # (start_local text, muscle code)
    day_uuids: frozenset[str]
    day_nights: frozenset[date]
    medication_uuids: frozenset[str]
    vocabulary_codes: frozenset[str]
    vocabulary_uuids: frozenset[str]
    custom_by_label: dict[tuple[str, str], str]  # (kind, casefolded label) -> code


def holdings(session: Session) -> Holdings:
    episodes = session.execute(
        select(EpisodeRow.uuid, EpisodeRow.start_local, EpisodeRow.muscle)
    ).all()
    days = session.execute(select(DiaryDayRow.uuid, DiaryDayRow.night_of)).all()
    vocabulary = session.execute(
        select(
            Vocabulary.code, Vocabulary.uuid, Vocabulary.kind, Vocabulary.label, Vocabulary.builtin
        )
    ).all()
    return Holdings(
        episode_uuids=frozenset(row.uuid for row in episodes),
        episode_moments=frozenset((row.start_local, row.muscle) for row in episodes),
        day_uuids=frozenset(row.uuid for row in days),
        day_nights=frozenset(row.night_of for row in days),
        medication_uuids=frozenset(session.scalars(select(MedicationRow.uuid))),
        vocabulary_codes=frozenset(row.code for row in vocabulary),
        vocabulary_uuids=frozenset(row.uuid for row in vocabulary),
        custom_by_label={
            (row.kind, row.label.casefold()): row.code for row in vocabulary if not row.builtin
        },
    )


def clear_entries(session: Session) -> None:
    """Delete every episode, diary day, logging span, medication and word of the person's own."""
    for table in (EpisodeTrigger, EpisodeRelief, EpisodeSymptom):
        session.execute(delete(table))
    session.execute(delete(EpisodeRow))
    session.execute(delete(DiaryDayRow))
    session.execute(delete(LoggingSpanRow))
    session.execute(delete(MedicationRow))
    session.execute(delete(Vocabulary).where(Vocabulary.builtin.is_(False)))


def insert_vocabulary(session: Session, items: Sequence[NewVocabulary]) -> int:
    if not items:
        return 0
    session.connection().exec_driver_sql(
        "INSERT INTO vocabulary (code, kind, label, builtin, hidden, uuid, created_utc, "
        "updated_utc) VALUES (?, ?, ?, 0, ?, ?, ?, ?)",
        [
            (
                item.code,
                item.kind,
                item.label,
                int(item.hidden),
                item.uuid,
                _stamp(item.created_utc),
                _stamp(item.updated_utc),
            )
            for item in items
        ],
    )
    return len(items)


def _stamp(moment: datetime) -> str:
    # The text SQLAlchemy's SQLite DateTime type writes and reads back.
    if moment.tzinfo is not None:
        moment = moment.replace(tzinfo=None)
    return moment.isoformat(" ", "microseconds")


def _flag(value: bool | None) -> int | None:
    return None if value is None else int(value)


# Over 60 lines because it formats every column of a row in one loop, the hot path of
# an import of 100,000 rows; a call per column would cost more than the insert.
def insert_episodes(session: Session, episodes: Sequence[bulk.NewEpisode]) -> int:
    """Store checked episodes with their links in one executemany per table.

    The same job as bulk.insert_episodes, with the values formatted here and handed to the
    driver directly: an import of 100,000 rows spends its time in SQLite, not in per-value
    type processing. Ids follow the diary's highest, which is safe under the caller's
    BEGIN IMMEDIATE.
    """
    if not episodes:
        return 0
    next_id = (session.scalar(select(func.max(EpisodeRow.id))) or 0) + 1
    rows: list[tuple[object, ...]] = []
    triggers: list[tuple[int, str]] = []
    reliefs: list[tuple[int, str, str | None]] = []
    symptoms: list[tuple[int, str]] = []
    # Imported rows often share their created/updated moments: format each distinct one once.
    moments = {*map(_CREATED, episodes), *map(_UPDATED, episodes)}
    stamps = {moment: _stamp(moment) for moment in moments}
    # One timedelta per distinct offset (a diary has two or three), not one per row.
    offsets: dict[int, timedelta] = {}
    for episode_id, new in enumerate(episodes, start=next_id):
        entered = new.episode
        offset = offsets.get(new.utc_offset_min)
        if offset is None:
            offset = offsets[new.utc_offset_min] = timedelta(minutes=new.utc_offset_min)
        utc = new.start_local - offset
        rows.append(
            (
                episode_id,
                new.uuid,
                utc.isoformat(" ", "microseconds") if utc.tzinfo is None else _stamp(utc),
                new.utc_offset_min,
                entered.muscle,
                _VALUES[entered.side],
                entered.duration_s,
                entered.intensity,
                _FLAGS[entered.woke_from_sleep],
                entered.activity,
                _VALUES[entered.hydration],
                entered.notes,
                int(entered.to_review),
                int(entered.triggers_asked or bool(entered.triggers)),
                int(entered.reliefs_asked or bool(entered.reliefs)),
                int(entered.time_noted),
                stamps[new.created_utc],
                stamps[new.updated_utc],
            )
        )
        if entered.triggers:
            triggers.extend((episode_id, code) for code in entered.triggers)
        if entered.reliefs:
            reliefs.extend(
                (episode_id, code, None if rating is None else rating.value)
                for code, rating in entered.reliefs
            )
        if entered.symptoms:
            symptoms.extend((episode_id, code) for code in entered.symptoms)
    conn = session.connection()
    conn.exec_driver_sql(
        "INSERT INTO episodes (id, uuid, start_utc, utc_offset_min, muscle, side, duration_s, "
        "intensity, woke_from_sleep, activity, hydration, notes, to_review, triggers_asked, "
        "reliefs_asked, time_noted, created_utc, updated_utc) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    if triggers:
        conn.exec_driver_sql(
            "INSERT INTO episode_triggers (episode_id, code) VALUES (?, ?)", triggers
        )
    if reliefs:
        conn.exec_driver_sql(
            "INSERT INTO episode_reliefs (episode_id, code, rating) VALUES (?, ?, ?)", reliefs
        )
    if symptoms:
        conn.exec_driver_sql(
            "INSERT INTO episode_symptoms (episode_id, code) VALUES (?, ?)", symptoms
        )
    return len(rows)


_CREATED = attrgetter("created_utc")
_UPDATED = attrgetter("updated_utc")
# A side's or hydration's stored text, a yes/no's stored number, looked up rather than worked
# out for each of 100,000 rows (an enum's .value is a Python call).
_VALUES: dict[Side | Hydration | None, str | None] = {None: None}
_VALUES.update({member: member.value for member in (*Side, *Hydration)})
_FLAGS: dict[bool | None, int | None] = {None: None, False: 0, True: 1}


def _utc_text(start_local: datetime, offset_min: int) -> str:
    return _stamp(start_local - timedelta(minutes=offset_min))


def insert_days(session: Session, days: Sequence[bulk.NewDay]) -> int:
    if not days:
        return 0
    rows = []
    for day in days:
        f = day.factors
        rows.append(
            (
                day.night_of.isoformat(),
                day.uuid,
                int(f.reviewed),
                f.fluids_l,
                None if f.exercise is None else f.exercise.value,
                f.alcohol_units,
                f.caffeine_drinks,
                _flag(f.hot_or_sweating),
                _flag(f.long_standing),
                _flag(f.long_sitting),
                _flag(f.stretched_before_bed),
                f.stress,
                f.sleep_disturbance,
                f.minutes_awake,
                f.notes,
                _stamp(day.created_utc),
                _stamp(day.updated_utc),
            )
        )
    session.connection().exec_driver_sql(
        "INSERT INTO diary_days (night_of, uuid, reviewed, fluids_l, exercise, alcohol_units, "
        "caffeine_drinks, hot_or_sweating, long_standing, long_sitting, stretched_before_bed, "
        "stress, sleep_disturbance, minutes_awake, notes, created_utc, updated_utc) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return len(rows)


def insert_medications(session: Session, medications: Sequence[bulk.NewMedication]) -> int:
    return bulk.insert_medications(session, medications)
