"""Reading the diary through sqlite3 alone: one clear line when SQLite refuses, no trace left."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from cramplog.core.errors import StorageError
from cramplog.core.records import EpisodeInput
from cramplog.diary.service import Diary
from cramplog.storage import plain_diary
from tests.conftest import LONDON, NOW


@pytest.fixture
def saved(data_dir: Path) -> Path:
    diary = Diary.open(data_dir, clock=lambda: NOW)
    diary.add_episode(
        EpisodeInput(start=datetime(2026, 3, 10, 2, 0, tzinfo=LONDON), muscle="muscle.calf")
    )
    diary.close()
    return diary.path


@pytest.fixture
def held_exclusively(saved: Path) -> Iterator[None]:
    """Another program in the middle of a write that shuts every reader out."""
    other = sqlite3.connect(saved)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("UPDATE settings SET value = value")
    yield
    other.rollback()
    other.close()


def test_a_read_shut_out_by_another_program_is_one_line_not_a_traceback(
    saved: Path, held_exclusively: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plain_diary, "BUSY_TIMEOUT_S", 0.05)
    with (
        pytest.raises(StorageError) as refused,
        plain_diary.read_only(saved) as connection,
        plain_diary.reading(connection),
    ):
        connection.execute("SELECT count(*) FROM episodes").fetchone()
    assert str(refused.value) == (
        "The diary is busy in another program; nothing was saved. Try again."
    )


def test_reading_cannot_write_and_leaves_the_file_as_it_was(saved: Path) -> None:
    before = saved.read_bytes()
    with (
        pytest.raises(StorageError, match=r"could not be read \(attempt to write a readonly"),
        plain_diary.read_only(saved) as connection,
        plain_diary.reading(connection),
    ):
        connection.execute("DELETE FROM episodes")
    assert saved.read_bytes() == before
    assert sorted(p.name for p in saved.parent.glob("diary.sqlite3*")) == ["diary.sqlite3"]


def test_each_read_sees_the_diary_as_a_whole_and_then_lets_go(saved: Path) -> None:
    with plain_diary.read_only(saved) as connection:
        with plain_diary.reading(connection):
            assert connection.in_transaction
            assert connection.execute("SELECT count(*) FROM episodes").fetchone() == (1,)
        assert not connection.in_transaction  # the app's next write is not held up


def test_a_reading_inside_another_is_part_of_it_and_leaves_it_open(saved: Path) -> None:
    with plain_diary.read_only(saved) as connection, plain_diary.reading(connection):
        with plain_diary.reading(connection):
            assert connection.execute("SELECT count(*) FROM episodes").fetchone() == (1,)
        assert connection.in_transaction  # the outer reading's snapshot goes on


def test_an_export_read_let_go_after_its_diary_closed_leaves_no_message(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A reader of `export csv -o -` that leaves early (`| head`) leaves the read half-way;
    # finished off after the diary closed, it printed "Exception ignored ... Cannot operate
    # on a closed database" on the terminal.
    import gc
    import sys

    from cramplog.storage import plain_reads

    unraisable: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    connection = sqlite3.connect(saved)
    reading = plain_reads.iter_episodes(connection, page=1)
    assert next(reading).muscle == "muscle.calf"
    connection.close()
    del reading
    gc.collect()
    assert unraisable == []
