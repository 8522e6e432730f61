"""Open a diary file: create it, refuse a foreign or newer one, back up and migrate an older one."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine

from cramplog.core.errors import DamagedDiaryError, DiaryOpenError, NewerDiaryError, NotADiaryError
from cramplog.core.translation import _
from cramplog.files.private import create_private_file, ensure_private_dir, make_private
from cramplog.storage import engine as engines
from cramplog.storage import health
from cramplog.storage.layout import APPLICATION_ID, HEAD_REVISION, REVISIONS, backup_dir, diary_path
from cramplog.storage.schema import Base
from cramplog.storage.snapshot import snapshot

_MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def read_revision(path: Path) -> str | None:
    """The schema revision stamped in an existing diary, read without writing to it.

    Only damage is called damage: a refusal of the environment's (a busy diary, a folder
    SQLite cannot read in) says it could not be read, in SQLite's words.
    """
    try:
        with health.read_only(path) as conn:
            return health.schema_revision(conn)
    except sqlite3.Error as exc:
        if health.is_damage(exc):
            raise NotADiaryError(
                _("{path} is damaged or not a cramplog diary ({reason}).").format(
                    path=path, reason=exc
                )
            ) from exc
        raise DiaryOpenError(
            _("{path} could not be read: {strerror}.").format(path=path, strerror=exc)
        ) from exc


def probe(path: Path) -> str:
    """Check an existing file is a cramplog diary this version can open; return its revision.

    Raises NotADiaryError or NewerDiaryError; never writes to the file.
    """
    try:
        app_id = engines.read_application_id(path)
    except OSError as exc:
        raise DiaryOpenError(
            _("{path} could not be read: {strerror}.").format(
                path=path, strerror=exc.strerror or exc
            )
        ) from exc
    if app_id is None:
        raise NotADiaryError(
            _("{path} is not a cramplog diary (it is not an SQLite database).").format(path=path)
        )
    if app_id != APPLICATION_ID:
        raise NotADiaryError(
            _("{path} is not a cramplog diary (it belongs to another program).").format(path=path)
        )
    revision = read_revision(path)
    if revision is None:
        raise NotADiaryError(
            _("{path} is not a cramplog diary (it has no schema version).").format(path=path)
        )
    if revision not in REVISIONS:
        raise NewerDiaryError(
            _(
                "{path} was written by a newer version of cramplog (schema {revision}); "
                "update cramplog to open it. The file was not changed."
            ).format(path=path, revision=revision)
        )
    return revision


def _alembic_config(connection: Connection) -> object:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def _stamp_head(connection: Connection) -> None:
    from alembic import command

    command.stamp(_alembic_config(connection), HEAD_REVISION)  # type: ignore[arg-type]


def migrate(connection: Connection, target: str = HEAD_REVISION) -> None:
    """Upgrade the schema on `connection` to `target`, inside the caller's transaction."""
    from alembic import command

    command.upgrade(_alembic_config(connection), target)  # type: ignore[arg-type]


def _create(path: Path) -> Engine:
    """Build a new diary under a temporary name, then rename it into place.

    A crash part-way leaves only the temporary file, never a half-made diary.sqlite3.
    """
    partial = path.with_name(path.name + ".creating")
    for leftover in (partial, *(partial.with_name(partial.name + s) for s in ("-wal", "-shm"))):
        leftover.unlink(missing_ok=True)
    create_private_file(partial)
    engines.set_application_id(partial)
    engine = engines.create_diary_engine(partial)
    try:
        with engine.begin() as conn:
            Base.metadata.create_all(conn)
            _stamp_head(conn)
    finally:
        engine.dispose()
    # Fold any WAL into the file, so the rename below moves one self-contained file.
    plain = sqlite3.connect(partial, isolation_level=None)
    try:
        plain.execute("PRAGMA journal_mode=DELETE")
    finally:
        plain.close()
    os.replace(partial, path)
    plain = sqlite3.connect(path, isolation_level=None)
    try:
        plain.execute("PRAGMA journal_mode=WAL")  # persistent: the diary lives in WAL mode
    finally:
        plain.close()
    return engines.create_diary_engine(path)


def pre_migration_backup_name(revision: str, now: datetime) -> str:
    return f"diary-before-upgrade-from-{revision}-{now:%Y%m%d-%H%M%S}.sqlite3"


def open_diary_file(data_dir: Path) -> Engine:
    """An engine on the diary in `data_dir`, created or upgraded to the current schema.

    An older diary is first copied with SQLite's backup API into `backups/` and the copy
    verified; only then is it upgraded, in one transaction.
    """
    ensure_private_dir(data_dir)
    path = diary_path(data_dir)
    if not path.exists():
        return _create(path)
    if path.stat().st_size == 0:
        # A new diary is renamed in whole (see _create), so an empty one is a used diary a
        # crash emptied: never replaced silently (cramplog.diary.integrity offers the backups).
        raise DamagedDiaryError(
            _("{path} is empty (0 bytes), as a crash can leave a file.").format(path=path),
            condition="truncated",
        )
    revision = probe(path)
    make_private(path)
    if revision != HEAD_REVISION:
        backups = ensure_private_dir(backup_dir(data_dir))
        now = datetime.now(UTC)
        snapshot(path, backups / pre_migration_backup_name(revision, now))
    engine = engines.create_diary_engine(path)
    try:
        if revision != HEAD_REVISION:
            with engine.begin() as conn:
                migrate(conn)
        for suffix in ("-wal", "-shm"):
            make_private(path.with_name(path.name + suffix))
    except BaseException:
        engine.dispose()
        raise
    return engine
