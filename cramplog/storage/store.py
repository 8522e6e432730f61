"""The open diary file: its engine, one transaction per action, storage failures as typed errors.

The Diary service (`cramplog.diary.service`) holds a Store and never SQLAlchemy itself, so the
only package that speaks SQL is this one (an import-linter contract keeps it so).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from cramplog.core.errors import StorageError, ValidationError
from cramplog.core.translation import _
from cramplog.storage import diary_file, plain_diary
from cramplog.storage.engine import driver_connection


class Store:
    """One diary file's connection pool; the caller owns the Store's lifetime."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # The diary's one writer: actions from the UI thread and a worker never interleave.
        self._lock = threading.RLock()

    @classmethod
    def open(cls, data_dir: Path) -> Store:
        """Open (creating or upgrading, after a verified backup) the diary in `data_dir`."""
        return cls(diary_file.open_diary_file(data_dir))

    def close(self) -> None:
        self._engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction per user action; storage failures become a StorageError."""
        with self._lock:
            try:
                with self._sessions.begin() as session:
                    yield session
            except IntegrityError as exc:
                # Validation runs first, so this is a rule the schema caught that we missed.
                raise ValidationError(
                    _("The diary refused this entry: {orig}").format(orig=exc.orig)
                ) from exc
            except OperationalError as exc:
                raise StorageError(storage_message(exc)) from exc
            except sqlite3.Error as exc:
                # Only plain reads on the session's own driver connection raise the driver's
                # errors unwrapped (a disk I/O error, a damaged page): the same one line as a
                # read-only reader's.
                raise plain_diary.read_failure(exc) from exc

    @contextmanager
    def plain_transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction on the session's own sqlite3 connection, for plain-SQL reads; a
        refusal from SQLite is a StorageError, as in `transaction`."""
        with self.transaction() as session:
            yield driver_connection(session)

    def integrity_problems(self) -> list[str]:
        """What `PRAGMA integrity_check` and `foreign_key_check` report; empty when healthy."""
        with self._lock, self._engine.connect() as conn:
            problems = [
                str(row[0])
                for row in conn.execute(text("PRAGMA integrity_check"))
                if row[0] != "ok"
            ]
            problems += [
                _("broken reference in {table} row {rowid}").format(table=row[0], rowid=row[1])
                for row in conn.execute(text("PRAGMA foreign_key_check"))
            ]
        return problems


def storage_message(exc: OperationalError) -> str:
    detail = str(exc.orig).lower()
    if "readonly" in detail or "read-only" in detail:
        return _("The diary file is read-only, so nothing could be saved.")
    if "full" in detail:
        return _("The disk is full, so nothing could be saved. Free some space and try again.")
    if "locked" in detail or "busy" in detail:
        return _("The diary is busy in another program; nothing was saved. Try again.")
    return _("The diary could not be written ({orig}); nothing was saved.").format(orig=exc.orig)
