"""Opening a diary file: created private, upgraded after a verified backup, or refused untouched."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import inspect

from cramplog.core.errors import DamagedDiaryError, NewerDiaryError, NotADiaryError
from cramplog.diary.service import Diary
from cramplog.files.private import create_private_file
from cramplog.storage import diary_file, layout
from cramplog.storage.engine import create_diary_engine, set_application_id
from cramplog.storage.layout import APPLICATION_ID
from cramplog.storage.schema import Base
from cramplog.storage.snapshot import verify


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_diary_is_created_private_and_stamped_at_head(data_dir: Path) -> None:
    engine = diary_file.open_diary_file(data_dir)
    engine.dispose()
    path = layout.diary_path(data_dir)
    assert mode(data_dir) == 0o700
    assert mode(path) == 0o600
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert (
            conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            == layout.HEAD_REVISION
        )
    finally:
        conn.close()


def test_wal_and_shm_files_are_private_too(data_dir: Path) -> None:
    diary = Diary.open(data_dir)
    try:
        wal = data_dir / "diary.sqlite3-wal"
        shm = data_dir / "diary.sqlite3-shm"
        assert wal.exists() and shm.exists()
        assert mode(wal) == 0o600 and mode(shm) == 0o600
    finally:
        diary.close()


def test_the_connection_uses_the_safety_pragmas(data_dir: Path) -> None:
    engine = diary_file.open_diary_file(data_dir)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    finally:
        engine.dispose()


def test_head_revision_matches_the_shipped_migrations() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(diary_file._MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(config)
    assert script.get_heads() == [layout.HEAD_REVISION]
    walked = [rev.revision for rev in script.walk_revisions()]
    assert list(reversed(walked)) == list(layout.REVISIONS)


_GENERATED = "GENERATED ALWAYS AS "


def _generated_columns(path: Path, table: str) -> list[tuple[str, int, str]]:
    """(name, 2 virtual / 3 stored, expression) of each generated column of `table`: what
    SQLite keeps is what the expression gave. Read from SQLite itself (SQLAlchemy's
    reflection misreads columns that ALTER TABLE added after another generated one)."""
    connection = sqlite3.connect(path)
    try:
        (sql,) = connection.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()
        columns = connection.execute(f"PRAGMA table_xinfo({table})").fetchall()
    finally:
        connection.close()
    found = []
    for _cid, name, _type, _notnull, _default, _pk, hidden in columns:
        if hidden not in (2, 3):
            continue
        start = sql.index("GENERATED ALWAYS AS (", sql.index(f"{name} ")) + len(_GENERATED)
        depth = 0
        for end in range(start, len(sql)):
            depth += {"(": 1, ")": -1}.get(sql[end], 0)
            if depth == 0:
                found.append((name, hidden, " ".join(sql[start + 1 : end].split())))
                break
    return found


def _schema(path: Path) -> dict[str, object]:
    engine = create_diary_engine(path)
    try:
        inspector = inspect(engine)
        return {
            table: {
                "columns": [
                    (c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns(table)
                ],
                "indexes": sorted(
                    (ix["name"] or "", tuple(ix["column_names"]))
                    for ix in inspector.get_indexes(table)
                ),
                "generated": _generated_columns(path, table),
                "checks": sorted(ck["name"] or "" for ck in inspector.get_check_constraints(table)),
                "fks": sorted(
                    (tuple(fk["constrained_columns"]), fk["referred_table"])
                    for fk in inspector.get_foreign_keys(table)
                ),
                "unique": sorted(
                    tuple(u["column_names"]) for u in inspector.get_unique_constraints(table)
                ),
            }
            for table in sorted(inspector.get_table_names())
        }
    finally:
        engine.dispose()


def _diary_at(path: Path, revision: str) -> None:
    create_private_file(path)
    set_application_id(path)
    engine = create_diary_engine(path)
    try:
        with engine.begin() as conn:
            diary_file.migrate(conn, revision)
    finally:
        engine.dispose()


def _old_diary(data_dir: Path, revision: str, rows_sql: str) -> Path:
    """A diary in `data_dir` stopped at `revision` and holding `rows_sql`, as an earlier
    cramplog left it; returns the diary's path."""
    data_dir.mkdir()
    path = layout.diary_path(data_dir)
    _diary_at(path, revision)
    _write_rows(path, rows_sql)
    return path


def _write_rows(path: Path, rows_sql: str) -> None:
    """Run `rows_sql` on the diary file at `path` with plain sqlite3, foreign keys on."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.executescript(rows_sql)
        conn.commit()
    finally:
        conn.close()


def test_migrations_build_the_same_schema_as_the_models(tmp_path: Path) -> None:
    migrated = tmp_path / "migrated.sqlite3"
    _diary_at(migrated, layout.HEAD_REVISION)
    created = tmp_path / "created.sqlite3"
    create_private_file(created)
    engine = create_diary_engine(created)
    Base.metadata.create_all(engine)
    engine.dispose()
    migrated_schema = _schema(migrated)
    migrated_schema.pop("alembic_version")
    assert migrated_schema == _schema(created)


def test_a_first_schema_diary_is_backed_up_then_upgraded_with_its_data(data_dir: Path) -> None:
    data_dir.mkdir()
    path = layout.diary_path(data_dir)
    _diary_at(path, "0001")
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        INSERT INTO vocabulary VALUES
          ('muscle.calf', 'muscle', 'Calf', 1, 0, 'u-1',
           '2025-01-01 00:00:00', '2025-01-01 00:00:00');
        INSERT INTO episodes (uuid, start_utc, utc_offset_min, muscle, side, duration_s, intensity,
                              woke_from_sleep, notes, to_review, created_utc, updated_utc)
          VALUES ('e-1', '2025-01-02 02:10:00.000000', 0, 'muscle.calf', 'left', 60, 6, 1,
                  'kept across the upgrade', 0, '2025-01-02 08:00:00', '2025-01-02 08:00:00');
        """
    )
    conn.close()

    diary = Diary.open(data_dir)
    try:
        [episode] = diary.list_episodes()
        assert episode.notes == "kept across the upgrade"
        assert episode.uuid == "e-1"
        diary.set_boundary_hour(6)  # the settings table came with revision 0002
        assert diary.boundary_hour == 6
    finally:
        diary.close()
    assert diary_file.read_revision(path) == layout.HEAD_REVISION
    backups = list((data_dir / "backups").glob("diary-before-upgrade-from-0001-*.sqlite3"))
    assert len(backups) == 1
    assert verify(backups[0])
    assert mode(backups[0]) == 0o600
    assert diary_file.read_revision(backups[0]) == "0001"


def test_a_diary_from_a_newer_cramplog_is_refused_and_left_untouched(data_dir: Path) -> None:
    Diary.open(data_dir).close()
    path = layout.diary_path(data_dir)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '0099'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = sha256(path)
    with pytest.raises(NewerDiaryError, match="newer version of cramplog"):
        Diary.open(data_dir)
    assert sha256(path) == before
    assert not (data_dir / "backups").exists()


PNG_HEADER = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Dear diary, today my calf hurt.\n" * 10, "not an SQLite database"),
        (PNG_HEADER, "not an SQLite database"),
        (b"SQLite format 3\x00" + b"\x00" * 10, "not an SQLite database"),
    ],
)
def test_a_file_that_is_not_a_diary_is_refused_and_left_untouched(
    data_dir: Path, content: bytes, message: str
) -> None:
    data_dir.mkdir()
    path = layout.diary_path(data_dir)
    path.write_bytes(content)
    with pytest.raises(NotADiaryError, match=message):
        Diary.open(data_dir)
    assert path.read_bytes() == content


def test_another_programs_sqlite_file_is_refused_and_left_untouched(data_dir: Path) -> None:
    data_dir.mkdir()
    path = layout.diary_path(data_dir)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE bookmarks (url TEXT)")
    conn.execute("INSERT INTO bookmarks VALUES ('https://example.org')")
    conn.commit()
    conn.close()
    before = sha256(path)
    with pytest.raises(NotADiaryError, match="another program"):
        Diary.open(data_dir)
    assert sha256(path) == before
    assert sorted(p.name for p in data_dir.iterdir()) == ["diary.sqlite3"]


def test_an_empty_diary_file_is_refused_as_damaged_not_replaced(data_dir: Path) -> None:
    # New diaries are renamed into place whole, so 0 bytes means a crash emptied a used one;
    # the person is offered the backups (cramplog.diary.integrity), never a silent fresh start.
    data_dir.mkdir()
    layout.diary_path(data_dir).touch()
    with pytest.raises(DamagedDiaryError, match=r"is empty \(0 bytes\)"):
        Diary.open(data_dir)
    assert layout.diary_path(data_dir).read_bytes() == b""
    assert sorted(p.name for p in data_dir.iterdir()) == ["diary.sqlite3"]
