"""Read-only probes of a diary file leave its folders as they were, a symlinked diary's too."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cramplog.core.errors import DiaryOpenError, NotADiaryError
from cramplog.diary.service import Diary
from cramplog.storage import diary_file, health, layout
from tests.conftest import NOW
from tests.unit.data_safety import unwritable


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_reading_a_symlinked_diary_leaves_nothing_beside_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real"
    Diary.open(real, clock=lambda: NOW).close()
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "diary.sqlite3").symlink_to(real / "diary.sqlite3")

    with health.read_only(linked / "diary.sqlite3") as connection:
        connection.execute("SELECT count(*) FROM episodes").fetchone()

    assert _listing(real) == ["diary.sqlite3"]
    assert _listing(linked) == ["diary.sqlite3"]


def test_a_crash_log_beside_a_symlinked_diarys_target_is_seen(tmp_path: Path) -> None:
    real = tmp_path / "real"
    Diary.open(real, clock=lambda: NOW).close()
    (real / "diary.sqlite3-wal").write_bytes(b"\0" * 32)
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "diary.sqlite3").symlink_to(real / "diary.sqlite3")

    assert health.has_leftover_wal(linked / "diary.sqlite3")


def test_a_closed_diary_in_a_folder_sqlite_cannot_write_is_read_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite needs a -shm beside a WAL diary even to read it; where none can be made, a
    diary closed cleanly (no log left) is the file alone, read as unchanging."""
    folder = tmp_path / "diary"
    Diary.open(folder, clock=lambda: NOW).close()
    with unwritable(folder, monkeypatch):
        with health.read_only(layout.diary_path(folder)) as connection:
            assert connection.execute("SELECT count(*) FROM episodes").fetchone() == (0,)
        assert diary_file.read_revision(layout.diary_path(folder)) == layout.HEAD_REVISION
    assert _listing(folder) == ["diary.sqlite3"]


def test_a_diary_whose_log_holds_changes_is_never_read_without_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The newest changes would be missing from the file alone: the refusal stands, and it
    is not called damage."""
    folder = tmp_path / "diary"
    Diary.open(folder, clock=lambda: NOW).close()
    (folder / "diary.sqlite3-wal").write_bytes(b"\0" * 64)
    with unwritable(folder, monkeypatch):
        with (
            pytest.raises(sqlite3.OperationalError),
            health.read_only(layout.diary_path(folder)) as connection,
        ):
            connection.execute("SELECT count(*) FROM episodes").fetchone()
        with pytest.raises(DiaryOpenError, match="could not be read") as refused:
            diary_file.read_revision(layout.diary_path(folder))
        assert not isinstance(refused.value, NotADiaryError)
