"""Repository functions: each takes the caller's Session and returns plain records."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from cramplog.core.errors import NotFoundError, ValidationError
from cramplog.core.records import (
    DayFactors,
    DiaryDay,
    Episode,
    EpisodeInput,
    Exercise,
    Hydration,
    LoggingSpan,
    Medication,
    MedicationInput,
    ReliefRating,
    Side,
    SpanSource,
    TakenFor,
    VocabularyItem,
    VocabularyKind,
)
from cramplog.storage import plain_reads
from cramplog.storage.engine import driver_connection
from cramplog.storage.schema import (
    DiaryDayRow,
    EpisodeRelief,
    EpisodeRow,
    EpisodeSymptom,
    EpisodeTrigger,
    LoggingSpanRow,
    MedicationRow,
    Setting,
    Vocabulary,
)

_LOCAL_FORMAT = plain_reads.LOCAL_FORMAT


# -- vocabulary ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VocabularyEntry:
    """A row of the vocabulary table, built-in or the person's own."""

    code: str
    kind: str
    label: str
    builtin: bool
    hidden: bool
    uuid: str


def sync_builtin_vocabulary(
    session: Session, items: Iterable[tuple[str, str, str]], *, now: datetime, new_uuid: object
) -> int:
    """Insert checklist codes the diary lacks and refresh built-in labels; return rows changed.

    Stored episodes refer to codes, so a relabelled checklist item changes no history.
    """
    existing = {
        code: label
        for code, label in session.execute(
            select(Vocabulary.code, Vocabulary.label).where(Vocabulary.builtin.is_(True))
        )
    }
    changed = 0
    make_uuid = new_uuid if callable(new_uuid) else None
    assert make_uuid is not None
    for code, kind, label in items:
        if code not in existing:
            session.add(
                Vocabulary(
                    code=code,
                    kind=kind,
                    label=label,
                    builtin=True,
                    hidden=False,
                    uuid=make_uuid(),
                    created_utc=now,
                    updated_utc=now,
                )
            )
            changed += 1
        elif existing[code] != label:
            session.execute(
                update(Vocabulary)
                .where(Vocabulary.code == code)
                .values(label=label, updated_utc=now)
            )
            changed += 1
    return changed


def vocabulary(session: Session) -> list[VocabularyEntry]:
    rows = session.execute(
        select(
            Vocabulary.code,
            Vocabulary.kind,
            Vocabulary.label,
            Vocabulary.builtin,
            Vocabulary.hidden,
            Vocabulary.uuid,
        ).order_by(Vocabulary.kind, Vocabulary.label)
    )
    return [VocabularyEntry(*row) for row in rows]


def _custom_item(row: Vocabulary) -> VocabularyItem:
    return VocabularyItem(
        code=row.code,
        kind=VocabularyKind(row.kind),
        label=row.label,
        hidden=row.hidden,
        uuid=row.uuid,
    )


def add_custom_item(
    session: Session, *, code: str, kind: VocabularyKind, label: str, uuid: str, now: datetime
) -> VocabularyItem:
    row = Vocabulary(
        code=code,
        kind=kind.value,
        label=label,
        builtin=False,
        hidden=False,
        uuid=uuid,
        created_utc=now,
        updated_utc=now,
    )
    session.add(row)
    session.flush()
    return _custom_item(row)


def custom_items(session: Session, kind: VocabularyKind | None = None) -> list[VocabularyItem]:
    query = select(Vocabulary).where(Vocabulary.builtin.is_(False)).order_by(Vocabulary.label)
    if kind is not None:
        query = query.where(Vocabulary.kind == kind.value)
    return [_custom_item(row) for row in session.scalars(query)]


def find_custom_by_label(session: Session, kind: VocabularyKind, label: str) -> str | None:
    return session.scalar(
        select(Vocabulary.code).where(
            Vocabulary.builtin.is_(False),
            Vocabulary.kind == kind.value,
            func.lower(Vocabulary.label) == label.lower(),
        )
    )


def update_custom_item(
    session: Session,
    code: str,
    *,
    label: str | None = None,
    hidden: bool | None = None,
    now: datetime,
) -> VocabularyItem:
    row = session.get(Vocabulary, code)
    if row is None or row.builtin:
        raise NotFoundError("That word of your own is no longer in the diary.")
    if label is not None:
        row.label = label
    if hidden is not None:
        row.hidden = hidden
    row.updated_utc = now
    session.flush()
    return _custom_item(row)


def delete_custom_item(session: Session, code: str) -> VocabularyItem:
    """Remove a word of the person's own that no cramp uses (undoing its adding)."""
    row = session.get(Vocabulary, code)
    if row is None or row.builtin:
        raise NotFoundError("That word of your own is no longer in the diary.")
    uses = (
        select(EpisodeRow.id).where(EpisodeRow.muscle == code),
        select(EpisodeTrigger.episode_id).where(EpisodeTrigger.code == code),
        select(EpisodeRelief.episode_id).where(EpisodeRelief.code == code),
    )
    if any(session.scalar(use.limit(1)) is not None for use in uses):
        raise ValidationError(
            f"“{row.label}” is used by cramps in the diary, so it stays; hide it instead.",
            field="label",
        )
    item = _custom_item(row)
    session.delete(row)
    session.flush()
    return item


# -- episodes -----------------------------------------------------------------------------


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
        raise NotFoundError("That cramp is no longer in the diary.")
    _replace_links(session, episode_id, episode)
    session.flush()


def delete_episode(session: Session, episode_id: int) -> None:
    result = session.execute(delete(EpisodeRow).where(EpisodeRow.id == episode_id))
    if result.rowcount == 0:  # type: ignore[attr-defined]
        raise NotFoundError("That cramp is no longer in the diary.")


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
        raise NotFoundError("That cramp is no longer in the diary.")
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


# -- diary days ---------------------------------------------------------------------------


def _day(row: DiaryDayRow) -> DiaryDay:
    return DiaryDay(
        night_of=row.night_of,
        uuid=row.uuid,
        factors=DayFactors(
            reviewed=row.reviewed,
            fluids_l=row.fluids_l,
            exercise=None if row.exercise is None else Exercise(row.exercise),
            alcohol_units=row.alcohol_units,
            caffeine_drinks=row.caffeine_drinks,
            hot_or_sweating=row.hot_or_sweating,
            long_standing=row.long_standing,
            long_sitting=row.long_sitting,
            stretched_before_bed=row.stretched_before_bed,
            stress=row.stress,
            sleep_disturbance=row.sleep_disturbance,
            minutes_awake=row.minutes_awake,
            notes=row.notes,
        ),
        created_utc=row.created_utc,
        updated_utc=row.updated_utc,
    )


def _factor_values(factors: DayFactors) -> dict[str, object]:
    return {
        "reviewed": factors.reviewed,
        "fluids_l": factors.fluids_l,
        "exercise": None if factors.exercise is None else Exercise(factors.exercise).value,
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
    }


def get_day(session: Session, night: date) -> DiaryDay | None:
    row = session.scalar(select(DiaryDayRow).where(DiaryDayRow.night_of == night))
    return None if row is None else _day(row)


def put_day(
    session: Session, night: date, factors: DayFactors, *, uuid: str, now: datetime
) -> DiaryDay:
    """Create or replace the record of one diary day (one row per date)."""
    row = session.scalar(select(DiaryDayRow).where(DiaryDayRow.night_of == night))
    if row is None:
        row = DiaryDayRow(night_of=night, uuid=uuid, created_utc=now, updated_utc=now)
        session.add(row)
    for key, value in _factor_values(factors).items():
        setattr(row, key, value)
    row.updated_utc = now
    session.flush()
    return _day(row)


def delete_day(session: Session, night: date) -> None:
    session.execute(delete(DiaryDayRow).where(DiaryDayRow.night_of == night))


def list_days(
    session: Session, first: date | None = None, last: date | None = None
) -> list[DiaryDay]:
    query = select(DiaryDayRow).order_by(DiaryDayRow.night_of)
    if first is not None:
        query = query.where(DiaryDayRow.night_of >= first)
    if last is not None:
        query = query.where(DiaryDayRow.night_of <= last)
    return [_day(row) for row in session.scalars(query)]


# -- medications --------------------------------------------------------------------------


def _medication(row: MedicationRow) -> Medication:
    return Medication(
        id=row.id,
        uuid=row.uuid,
        name=row.name,
        dose=row.dose,
        started_on=row.started_on,
        stopped_on=row.stopped_on,
        taken_for=TakenFor(row.taken_for),
        med_class=row.med_class,
        notes=row.notes,
        created_utc=row.created_utc,
        updated_utc=row.updated_utc,
    )


def _medication_values(medication: MedicationInput) -> dict[str, object]:
    return {
        "name": medication.name,
        "dose": medication.dose,
        "started_on": medication.started_on,
        "stopped_on": medication.stopped_on,
        "taken_for": TakenFor(medication.taken_for).value,
        "med_class": medication.med_class,
        "notes": medication.notes,
    }


def insert_medication(
    session: Session,
    medication: MedicationInput,
    *,
    uuid: str,
    created_utc: datetime,
    updated_utc: datetime,
) -> Medication:
    row = MedicationRow(
        uuid=uuid,
        created_utc=created_utc,
        updated_utc=updated_utc,
        **_medication_values(medication),
    )
    session.add(row)
    session.flush()
    return _medication(row)


def update_medication(
    session: Session, medication_id: int, medication: MedicationInput, *, now: datetime
) -> Medication:
    row = session.get(MedicationRow, medication_id)
    if row is None:
        raise NotFoundError("That medicine is no longer in the diary.")
    for key, value in _medication_values(medication).items():
        setattr(row, key, value)
    row.updated_utc = now
    session.flush()
    return _medication(row)


def delete_medication(session: Session, medication_id: int) -> None:
    result = session.execute(delete(MedicationRow).where(MedicationRow.id == medication_id))
    if result.rowcount == 0:  # type: ignore[attr-defined]
        raise NotFoundError("That medicine is no longer in the diary.")


def get_medication(session: Session, medication_id: int) -> Medication:
    row = session.get(MedicationRow, medication_id)
    if row is None:
        raise NotFoundError("That medicine is no longer in the diary.")
    return _medication(row)


def list_medications(session: Session) -> list[Medication]:
    query = select(MedicationRow).order_by(
        MedicationRow.stopped_on.is_not(None), MedicationRow.started_on.desc(), MedicationRow.name
    )
    return [_medication(row) for row in session.scalars(query)]


# -- settings -----------------------------------------------------------------------------


def get_setting(session: Session, key: str) -> str | None:
    return session.scalar(select(Setting.value).where(Setting.key == key))


def put_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    session.flush()


# -- logging spans ------------------------------------------------------------------------


def _span(row: LoggingSpanRow) -> LoggingSpan:
    return LoggingSpan(
        id=row.id,
        uuid=row.uuid,
        first_night=row.first_night,
        last_night=row.last_night,
        source=SpanSource(row.source),
        created_utc=row.created_utc,
    )


def list_spans(session: Session) -> list[LoggingSpan]:
    query = select(LoggingSpanRow).order_by(LoggingSpanRow.first_night, LoggingSpanRow.id)
    return [_span(row) for row in session.scalars(query)]


def insert_span(
    session: Session,
    *,
    first_night: date,
    last_night: date | None,
    source: SpanSource,
    uuid: str,
    now: datetime,
) -> LoggingSpan:
    row = LoggingSpanRow(
        uuid=uuid,
        first_night=first_night,
        last_night=last_night,
        source=source.value,
        created_utc=now,
    )
    session.add(row)
    session.flush()
    return _span(row)


def end_span(session: Session, span_id: int, last_night: date) -> LoggingSpan:
    row = session.get(LoggingSpanRow, span_id)
    if row is None:
        raise NotFoundError("That span of nights is no longer in the diary.")
    row.last_night = last_night
    session.flush()
    return _span(row)


def delete_span(session: Session, span_id: int) -> LoggingSpan:
    row = session.get(LoggingSpanRow, span_id)
    if row is None:
        raise NotFoundError("That span of nights is no longer in the diary.")
    gone = _span(row)
    session.delete(row)
    session.flush()
    return gone
