"""Medicines and supplements the person takes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from cramplog.core.errors import NotFoundError
from cramplog.core.records import (
    Medication,
    MedicationInput,
    TakenFor,
)
from cramplog.core.translation import _
from cramplog.storage.schema import (
    MedicationRow,
)


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
        raise NotFoundError(_("That medicine is no longer in the diary."))
    for key, value in _medication_values(medication).items():
        setattr(row, key, value)
    row.updated_utc = now
    session.flush()
    return _medication(row)


def delete_medication(session: Session, medication_id: int) -> None:
    result = session.execute(delete(MedicationRow).where(MedicationRow.id == medication_id))
    if result.rowcount == 0:  # type: ignore[attr-defined]
        raise NotFoundError(_("That medicine is no longer in the diary."))


def get_medication(session: Session, medication_id: int) -> Medication:
    row = session.get(MedicationRow, medication_id)
    if row is None:
        raise NotFoundError(_("That medicine is no longer in the diary."))
    return _medication(row)


def list_medications(session: Session) -> list[Medication]:
    query = select(MedicationRow).order_by(
        MedicationRow.stopped_on.is_not(None), MedicationRow.started_on.desc(), MedicationRow.name
    )
    return [_medication(row) for row in session.scalars(query)]
