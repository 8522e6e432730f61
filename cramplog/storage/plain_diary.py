"""The diary's settings, words, medicines and logging spans, read straight through sqlite3.

What the statistics need besides the aggregates, as plain SQL on a DB-API connection: the
app calls these with its session's own driver connection (inside its transaction), and a
command that only reads (`cramplog stats`) with a read-only connection of its own, so it
never loads SQLAlchemy. Each returns the same records as its `repository` counterpart.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Final

from cramplog.core.errors import StorageError
from cramplog.core.records import (
    LoggingSpan,
    Medication,
    SpanSource,
    TakenFor,
    VocabularyItem,
    VocabularyKind,
)
from cramplog.core.translation import _
from cramplog.storage import health

# How long a read waits for the app's write to finish before giving up (as the Store's).
BUSY_TIMEOUT_S: Final = 5.0


def read_failure(exc: sqlite3.Error) -> StorageError:
    """What the person is told when SQLite refuses a read: the one line, never a traceback."""
    detail = str(exc).lower()
    if "locked" in detail or "busy" in detail:
        # The Store's words for the same refusal (nothing is ever saved here either).
        return StorageError(
            _("The diary is busy in another program; nothing was saved. Try again.")
        )
    return StorageError(
        _("The diary could not be read ({reason}); nothing was changed.").format(reason=exc)
    )


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the diary at `path`, alongside a running app (WAL).

    Never writes to the file; `health.read_only` removes the empty companions a reader
    of a closed diary creates. Statements run in autocommit mode until `reading` opens a
    transaction.
    """
    try:
        with health.read_only(path) as connection:
            connection.isolation_level = None
            connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            yield connection
    except sqlite3.Error as exc:
        raise read_failure(exc) from exc


@contextlib.contextmanager
def reading(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One read transaction on a `read_only` connection: its reads see one diary.

    Inside another `reading` of the same connection it is part of that one, so a caller
    can make many reads one snapshot. A refusal from SQLite (the diary busy, or damage
    found half-way) is a StorageError.
    """
    try:
        if connection.in_transaction:
            # The connection is in autocommit mode, so only an outer `reading` opened this.
            yield connection
            return
        connection.execute("BEGIN")
        try:
            yield connection
        finally:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
    except sqlite3.Error as exc:
        raise read_failure(exc) from exc


def setting(connection: sqlite3.Connection, key: str) -> str | None:
    row = connection.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def vocabulary_labels(connection: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(code, kind, label) of every word, the checklist's and the person's own."""
    return [
        (str(code), str(kind), str(label))
        for code, kind, label in connection.execute(
            "SELECT code, kind, label FROM vocabulary ORDER BY kind, label"
        )
    ]


def custom_items(
    connection: sqlite3.Connection, kind: VocabularyKind | None = None
) -> list[VocabularyItem]:
    """The person's own words (of one kind), by label."""
    where, values = ("AND kind = ?", (kind.value,)) if kind is not None else ("", ())
    return [
        VocabularyItem(
            code=str(code),
            kind=VocabularyKind(kind_text),
            label=str(label),
            hidden=bool(hidden),
            uuid=str(uuid),
        )
        for code, kind_text, label, hidden, uuid in connection.execute(
            "SELECT code, kind, label, hidden, uuid FROM vocabulary"
            f" WHERE builtin IS 0 {where} ORDER BY label",
            values,
        )
    ]


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def medications(connection: sqlite3.Connection) -> list[Medication]:
    """Every medicine, current ones first, then the latest started, then by name."""
    return [
        Medication(
            id=int(row[0]),
            uuid=str(row[1]),
            name=str(row[2]),
            dose=str(row[3]),
            started_on=_day(row[4]),
            stopped_on=_day(row[5]),
            taken_for=TakenFor(row[6]),
            med_class=row[7],
            notes=str(row[8]),
            created_utc=datetime.fromisoformat(row[9]),
            updated_utc=datetime.fromisoformat(row[10]),
        )
        for row in connection.execute(
            "SELECT id, uuid, name, dose, started_on, stopped_on, taken_for, med_class, notes,"
            " created_utc, updated_utc FROM medications"
            " ORDER BY stopped_on IS NOT NULL, started_on DESC, name"
        )
    ]


def logging_spans(connection: sqlite3.Connection) -> list[LoggingSpan]:
    """Every logging span, the earliest first."""
    return [
        LoggingSpan(
            id=int(span_id),
            uuid=str(uuid),
            first_night=date.fromisoformat(first),
            last_night=_day(last),
            source=SpanSource(source),
            created_utc=datetime.fromisoformat(created),
        )
        for span_id, uuid, first, last, source, created in connection.execute(
            "SELECT id, uuid, first_night, last_night, source, created_utc FROM logging_spans"
            " ORDER BY first_night, id"
        )
    ]
