"""Logging spans: stretches of nights when every cramp was logged."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cramplog.core.errors import NotFoundError
from cramplog.core.records import (
    LoggingSpan,
    SpanSource,
)
from cramplog.core.translation import _
from cramplog.storage.schema import (
    LoggingSpanRow,
)


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
        raise NotFoundError(_("That span of nights is no longer in the diary."))
    row.last_night = last_night
    session.flush()
    return _span(row)


def delete_span(session: Session, span_id: int) -> LoggingSpan:
    row = session.get(LoggingSpanRow, span_id)
    if row is None:
        raise NotFoundError(_("That span of nights is no longer in the diary."))
    gone = _span(row)
    session.delete(row)
    session.flush()
    return gone
