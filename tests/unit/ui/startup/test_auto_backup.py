"""Automatic backups while the app runs: on a worker thread, never twice at once, none unchanged."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from cramplog.core.errors import BackupError
from cramplog.diary import backups
from cramplog.diary.service import Diary
from cramplog.ui.startup import auto_backup
from tests.conftest import NOW
from tests.unit.data_safety import log_cramp


@pytest.fixture
def open_diary(data_dir: Path) -> Iterator[Diary]:
    """A diary of four cramps, open as the app holds it while it backs up."""
    diary = Diary.open(data_dir, clock=lambda: NOW)
    for n in range(4):
        log_cramp(diary, n)
    yield diary
    diary.close()


def test_backups_at_start_up_on_change_and_never_when_unchanged(
    qtbot: QtBot, open_diary: Diary, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(auto_backup, "STARTUP_BACKUP_DELAY_MS", 0)
    reports: list[str] = []
    auto = auto_backup.AutoBackup(data_dir, report=reports.append)
    auto.start()
    qtbot.wait_until(lambda: len(auto.made) == 1 and not auto.running, timeout=5000)
    auto.tick()  # nothing changed since
    assert not auto.running and len(auto.made) == 1
    log_cramp(open_diary, 30)
    auto.tick()
    qtbot.wait_until(lambda: not auto.running, timeout=5000)
    assert len(auto.made) == 2
    auto.tick()
    assert not auto.running and len(auto.made) == 2 and reports == []
    auto.stop()
    assert auto.interval_ms == 30 * 60 * 1000
    assert not backups.startup_backup_due(data_dir)
    assert {b.path for b in backups.list_backups(data_dir)} == {b.path for b in auto.made}


def test_the_window_keeps_running_while_a_backup_is_made(
    qtbot: QtBot, open_diary: Diary, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup is made on a worker thread: the UI thread's timers fire meanwhile."""
    may_finish = threading.Event()
    real_back_up = backups.back_up

    def slow_back_up(*args: object, **kwargs: object) -> backups.Backup | None:
        assert threading.current_thread() is not threading.main_thread()
        may_finish.wait(10)
        return real_back_up(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(backups, "back_up", slow_back_up)
    auto = auto_backup.AutoBackup(data_dir, report=lambda _text: None)
    auto.back_up()
    assert auto.running and auto.made == []
    beats: list[int] = []
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: beats.append(1))
    heartbeat.start(5)
    qtbot.wait_until(lambda: len(beats) >= 10, timeout=3000)
    assert auto.running and auto.made == []  # still waiting, and the window went on
    auto.back_up()  # a second while one is under way starts nothing
    may_finish.set()
    qtbot.wait_until(lambda: not auto.running, timeout=5000)
    heartbeat.stop()
    assert len(auto.made) == 1 and len(backups.list_backups(data_dir)) == 1


def test_stopping_finishes_the_backup_under_way_and_keeps_it(
    open_diary: Diary, data_dir: Path
) -> None:
    """At exit (or before a restore) the event loop has ended: the backup under way is
    waited for and counted all the same, and no thread is left behind."""
    auto = auto_backup.AutoBackup(data_dir, report=lambda _text: None)
    auto.back_up()
    auto.stop()  # no event loop runs here: its signal is never delivered
    assert not auto.running and len(auto.made) == 1
    assert [t for t in threading.enumerate() if t.name == "cramplog-backup"] == []
    assert backups.details(auto.made[0]).episodes == 4


def test_the_backup_at_exit_is_made_at_once_when_something_changed(
    open_diary: Diary, data_dir: Path
) -> None:
    auto = auto_backup.AutoBackup(data_dir, report=lambda _text: None)
    auto.back_up_at_exit()  # nothing saved since the app looked: no backup
    assert auto.made == []
    log_cramp(open_diary, 9)
    auto.back_up_at_exit()
    assert not auto.running and len(auto.made) == 1
    assert backups.details(auto.made[0]).episodes == 5


def test_a_failing_backup_is_reported_not_raised(
    qtbot: QtBot, open_diary: Diary, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports: list[str] = []

    def fail(*_args: object, **_kwargs: object) -> None:
        raise BackupError("The disk is full.")

    monkeypatch.setattr(backups, "back_up", fail)
    auto = auto_backup.AutoBackup(data_dir, report=reports.append)
    auto.back_up()
    qtbot.wait_until(lambda: not auto.running, timeout=5000)
    assert reports == ["Automatic backup failed: The disk is full."]
    assert auto.made == []


def test_a_bug_in_the_worker_is_raised_on_the_ui_thread(
    qtbot: QtBot, open_diary: Diary, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never lost on the worker: the app's error hook, on the UI thread, logs it."""

    def bug(*_args: object, **_kwargs: object) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr(backups, "back_up", bug)
    auto = auto_backup.AutoBackup(data_dir, report=lambda _text: None)
    with qtbot.capture_exceptions() as raised:
        auto.back_up()
        qtbot.wait_until(lambda: not auto.running, timeout=5000)
    assert [type(exc) for _kind, exc, _traceback in raised] == [KeyError]
