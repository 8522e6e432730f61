"""Read-only probes of a diary file leave its folders as they were, a symlinked diary's too."""

from __future__ import annotations

from pathlib import Path

from cramplog.diary.service import Diary
from cramplog.storage import health
from tests.conftest import NOW


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
