"""Judging the diary before it is opened: every kind of damage named, none ever written to."""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from cramplog.core.errors import (
    DamagedDiaryError,
    DiaryOpenError,
    NewerDiaryError,
    ReadOnlyDiaryError,
    StorageError,
)
from cramplog.diary import backups, integrity
from cramplog.diary.integrity import Condition
from cramplog.diary.service import Diary
from cramplog.storage import health
from cramplog.storage.engine import set_application_id
from tests.conftest import NOW
from tests.unit.data_safety import DAMAGES, log_cramp, loose_permissions, sha256

EXPECTED = {
    "flipped bytes": Condition.DAMAGED,
    "truncated": Condition.TRUNCATED,
    "emptied (0 bytes)": Condition.TRUNCATED,
    "zeroed header": Condition.DAMAGED,
    "a PNG": Condition.NOT_A_DATABASE,
    "a foreign SQLite file": Condition.FOREIGN,
}


def make_diary(data_dir: Path, cramps: int = 40) -> Path:
    diary = Diary.open(data_dir, clock=lambda: NOW)
    for n in range(cramps):
        log_cramp(diary, n, notes="x" * 500)
    diary.close()
    return data_dir / "diary.sqlite3"


def folder_snapshot(folder: Path) -> dict[str, str]:
    return {p.name: sha256(p) for p in sorted(folder.iterdir()) if p.is_file()}


def test_a_healthy_diary_passes_the_quick_check(data_dir: Path) -> None:
    make_diary(data_dir)
    verdict = integrity.examine(data_dir)
    assert verdict.condition is Condition.HEALTHY
    assert verdict.usable and not verdict.full_check
    assert "quick check" in verdict.message


def test_a_missing_diary_is_simply_new(data_dir: Path) -> None:
    assert integrity.examine(data_dir).condition is Condition.MISSING


def test_an_empty_diary_file_is_damage_never_a_fresh_start(data_dir: Path) -> None:
    # A new diary is renamed into place whole, so 0 bytes is a used diary a crash emptied.
    data_dir.mkdir()
    (data_dir / "diary.sqlite3").write_bytes(b"")
    verdict = integrity.examine(data_dir)
    assert verdict.condition is Condition.TRUNCATED and verdict.recoverable
    assert "is empty (0 bytes)" in verdict.message
    with pytest.raises(DamagedDiaryError):
        Diary.open(data_dir)
    assert (data_dir / "diary.sqlite3").read_bytes() == b""


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_each_kind_of_damage_is_named_and_the_file_is_never_touched(
    data_dir: Path, damage: str
) -> None:
    path = make_diary(data_dir)
    DAMAGES[damage](path)
    before = folder_snapshot(data_dir)

    verdict = integrity.examine(data_dir)

    assert verdict.condition is EXPECTED[damage], verdict.message
    assert verdict.recoverable and not verdict.usable
    assert str(path) in verdict.message
    assert folder_snapshot(data_dir) == before
    with pytest.raises(DamagedDiaryError) as raised:
        integrity.open_checked(data_dir)
    assert raised.value.condition == EXPECTED[damage].value
    assert folder_snapshot(data_dir) == before


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_diary_can_be_set_aside_byte_for_byte_and_a_backup_restored(
    data_dir: Path, damage: str
) -> None:
    path = make_diary(data_dir, cramps=3)
    good = backups.back_up(data_dir)
    assert good is not None
    DAMAGES[damage](path)
    damaged = sha256(path)

    result = backups.restore(data_dir, good.path)

    assert result.kept_damaged is not None and sha256(result.kept_damaged) == damaged
    diary = integrity.open_checked(data_dir, clock=lambda: NOW)
    try:
        assert diary.count_episodes() == 3
        assert diary.integrity_problems() == []
    finally:
        diary.close()


def test_starting_a_new_diary_keeps_the_damaged_one_and_its_log(data_dir: Path) -> None:
    path = make_diary(data_dir)
    DAMAGES["flipped bytes"](path)
    (data_dir / "diary.sqlite3-wal").write_bytes(b"log of the damaged diary")
    damaged, log = sha256(path), sha256(data_dir / "diary.sqlite3-wal")

    kept = integrity.keep_damaged(data_dir)

    assert kept.name.startswith("diary-damaged-") and kept.suffix == ".sqlite3"
    assert sha256(kept) == damaged
    assert sha256(kept.with_name(kept.name + "-wal")) == log
    assert not path.exists() and not (data_dir / "diary.sqlite3-wal").exists()
    again = integrity.keep_damaged(data_dir)  # nothing left to move: a fresh name, no clash
    assert again != kept
    diary = integrity.open_checked(data_dir)
    assert diary.count_episodes() == 0
    diary.close()


def test_a_diary_from_a_newer_cramplog_is_refused_untouched(data_dir: Path) -> None:
    path = make_diary(data_dir, cramps=1)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = folder_snapshot(data_dir)
    verdict = integrity.examine(data_dir)
    assert verdict.condition is Condition.NEWER and not verdict.recoverable
    with pytest.raises(NewerDiaryError, match="newer version"):
        integrity.open_checked(data_dir)
    assert folder_snapshot(data_dir) == before


def test_a_diary_whose_creation_was_cut_short_is_started_again(data_dir: Path) -> None:
    # A kill between stamping the file and creating its tables leaves this shell.
    data_dir.mkdir()
    shell = data_dir / "diary.sqlite3"
    set_application_id(shell)
    assert integrity.examine(data_dir).condition is Condition.UNFINISHED
    diary = integrity.open_checked(data_dir)
    try:
        assert diary.count_episodes() == 0
    finally:
        diary.close()
    assert list(data_dir.glob("diary-damaged-*.sqlite3"))


def test_a_crash_left_log_triggers_the_full_check_and_keeps_every_entry(data_dir: Path) -> None:
    diary = Diary.open(data_dir, clock=lambda: NOW)
    for n in range(20):
        log_cramp(diary, n)
    main = diary.path.read_bytes()
    wal = (data_dir / "diary.sqlite3-wal").read_bytes()
    diary.close()
    diary.path.write_bytes(main)
    (data_dir / "diary.sqlite3-wal").write_bytes(wal)
    (data_dir / "diary.sqlite3-shm").unlink(missing_ok=True)

    verdict = integrity.examine(data_dir)

    assert verdict.condition is Condition.HEALTHY and verdict.full_check
    assert "full integrity check" in verdict.message
    reopened = integrity.open_checked(data_dir, clock=lambda: NOW)
    try:
        assert reopened.count_episodes() == 20
    finally:
        reopened.close()


def test_a_log_without_its_diary_is_kept_apart_not_replayed(data_dir: Path) -> None:
    data_dir.mkdir()
    stray = data_dir / "diary.sqlite3-wal"
    stray.write_bytes(os.urandom(5000))
    diary = integrity.open_checked(data_dir)
    try:
        assert diary.count_episodes() == 0 and diary.integrity_problems() == []
    finally:
        diary.close()
    assert any(p.name.endswith(".sqlite3-wal") for p in data_dir.glob("diary-damaged-*"))


def test_probing_a_closed_diary_leaves_no_stray_files(data_dir: Path) -> None:
    make_diary(data_dir, cramps=1)
    before = sorted(p.name for p in data_dir.iterdir())
    integrity.examine(data_dir)
    backups.details(backups.Backup(data_dir / "diary.sqlite3", NOW, backups.Reason.MANUAL))
    assert sorted(p.name for p in data_dir.iterdir()) == before


@pytest.mark.parametrize(
    ("error", "wanted"),
    [
        (OSError(errno.EROFS, "Read-only file system"), ReadOnlyDiaryError),
        (OSError(errno.EACCES, "Permission denied"), ReadOnlyDiaryError),
        (
            StorageError("The diary file is read-only, so nothing could be saved."),
            ReadOnlyDiaryError,
        ),
        (OSError(errno.EIO, "Input/output error"), OSError),
    ],
)
def test_a_read_only_diary_is_refused_with_a_clear_message(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, error: Exception, wanted: type[Exception]
) -> None:
    make_diary(data_dir, cramps=1)

    def refuse(*_args: object, **_kwargs: object) -> Diary:
        raise error

    monkeypatch.setattr(Diary, "open", refuse)
    with pytest.raises(wanted) as raised:
        integrity.open_checked(data_dir)
    if wanted is ReadOnlyDiaryError:
        assert "read-only" in str(raised.value) and "Nothing was changed" in str(raised.value)


def test_an_unreadable_file_is_reported_not_raised(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_diary(data_dir, cramps=1)

    def denied(path: Path) -> health.Header:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(health, "read_header", denied)
    verdict = integrity.examine(data_dir)
    assert verdict.condition is Condition.UNREADABLE and "Permission denied" in verdict.message
    with pytest.raises(DiaryOpenError):
        integrity.open_checked(data_dir)


@pytest.mark.parametrize(
    "make",
    [
        lambda p: p.mkdir(),
        lambda p: p.write_bytes(b"SQLite format 3\x00"),
        lambda p: p.write_bytes(os.urandom(4096 * 3)),
        lambda p: p.write_bytes(b"SQLite format 3\x00" + os.urandom(4096 * 2)),
    ],
    ids=["a folder", "a bare header", "random bytes", "random pages"],
)
def test_hostile_files_in_the_diary_place_get_a_verdict_never_a_traceback(
    data_dir: Path, make: Callable[[Path], None]
) -> None:
    data_dir.mkdir()
    make(data_dir / "diary.sqlite3")
    verdict = integrity.examine(data_dir)
    assert not verdict.usable
    assert verdict.message


def test_everything_in_the_data_folder_stays_owner_only(data_dir: Path) -> None:
    previous = os.umask(0)
    try:
        make_diary(data_dir, cramps=2)
        integrity.examine(data_dir)
        diary = integrity.open_checked(data_dir)
        log_cramp(diary, 5)
        backups.back_up(data_dir)
        diary.close()
        DAMAGES["truncated"](data_dir / "diary.sqlite3")
        integrity.keep_damaged(data_dir)
    finally:
        os.umask(previous)
    assert loose_permissions(data_dir) == []


def test_a_full_disk_is_named_as_such_never_called_damage(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil
    import sqlite3
    from collections import namedtuple

    from cramplog import cli
    from cramplog.storage import health

    make_diary(data_dir)
    before = folder_snapshot(data_dir)

    def disk_io_error(*_args: object, **_kwargs: object) -> object:
        # What SQLite says when it cannot make the -shm file on a full disk.
        error = sqlite3.OperationalError("disk I/O error")
        error.sqlite_errorcode = 10  # SQLITE_IOERR
        raise error

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(health, "read_only", disk_io_error)
    monkeypatch.setattr(shutil, "disk_usage", lambda _path: usage(100, 100, 0))
    verdict = integrity.examine(data_dir)
    assert verdict.condition is Condition.UNREADABLE and not verdict.recoverable
    assert "the disk holding it is full (ENOSPC)" in verdict.message
    assert "damaged" not in verdict.message.replace("is not damaged", "")
    assert cli.main(["check", "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert "disk holding it is full (ENOSPC)" in err and "no usable backup" not in err
    assert cli.main(["stats", "--data-dir", str(data_dir)]) == 1
    assert "disk holding it is full (ENOSPC)" in capsys.readouterr().err
    assert folder_snapshot(data_dir) == before
