"""Diary days: the morning review's factors for one night."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from cramplog.core.records import (
    DayFactors,
    DiaryDay,
    Exercise,
)
from cramplog.storage.schema import (
    DiaryDayRow,
)


def day_record(row: DiaryDayRow) -> DiaryDay:
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
    return None if row is None else day_record(row)


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
    return day_record(row)


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
    return [day_record(row) for row in session.scalars(query)]
