"""The engine factory: one SQLite connection per diary file, with the pragmas cramplog relies on."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from cramplog.storage.layout import APPLICATION_ID


def _configure_connection(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Take transaction control away from pysqlite so SQLAlchemy's BEGIN (below) is the only
    # one; this is SQLAlchemy's documented recipe for SAVEPOINT and transactional DDL.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute("PRAGMA busy_timeout=2000")
    finally:
        cursor.close()


def create_diary_engine(path: Path, *, echo: bool = False) -> Engine:
    """An engine owning exactly one connection to the diary at `path`.

    One connection, because the app is the diary's only writer and SQLite's WAL gives it
    nothing to gain from more; a lock in the service serialises threads.
    """
    engine = create_engine(
        f"sqlite:///{path}",
        poolclass=StaticPool,
        connect_args={"check_same_thread": False},
        echo=echo,
    )
    event.listen(engine, "connect", _configure_connection)

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def read_application_id(path: Path) -> int | None:
    """The application id in the SQLite header, or None if `path` is not an SQLite file.

    Reads the header bytes directly so that probing a foreign file never writes to it.
    """
    with path.open("rb") as f:
        header = f.read(100)
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return None
    return int.from_bytes(header[68:72], "big")


def set_application_id(path: Path) -> None:
    """Write cramplog's application id into a new file's header.

    Done with a plain connection before the engine switches the file to WAL, so the id lands
    in the main file's header at once and a header probe sees it even before a checkpoint.
    """
    conn = sqlite3.connect(path)
    try:
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.commit()
    finally:
        conn.close()


def driver_connection(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection under the session's transaction, for reads of many plain rows."""
    driver = session.connection().connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver
