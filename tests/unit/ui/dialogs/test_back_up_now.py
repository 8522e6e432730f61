"""File > Back up now: made on a worker thread, then said in the same words as before."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from cramplog.core.records import EpisodeInput, Side
from cramplog.diary import backups
from cramplog.diary.service import Diary
from cramplog.ui.dialogs import back_up_now
from tests.conftest import LONDON

Told = list[tuple[str, str, bool]]


def listener(told: Told) -> back_up_now.Tell:
    def tell(_parent: QWidget, title: str, text: str, *, problem: bool = False) -> None:
        told.append((title, text, problem))

    return tell


def test_the_copy_is_made_and_where_it_is_is_said(qtbot: QtBot, diary: Diary) -> None:
    diary.add_episode(
        EpisodeInput(
            start=datetime(2026, 3, 10, 2, 10, tzinfo=LONDON), muscle="muscle.calf", side=Side.LEFT
        )
    )
    window = QWidget()
    qtbot.add_widget(window)
    told: Told = []
    run = back_up_now.start(window, diary.data_dir, listener(told))
    assert run is not None
    with qtbot.wait_signal(run.finished, timeout=10_000):
        pass
    [made] = backups.list_backups(diary.data_dir)
    [(title, text, problem)] = told
    assert title == "Backed up" and not problem
    assert "1 cramp," in text and str(made.path) in text
    assert not any(d.isVisible() for d in window.findChildren(QProgressDialog))


def test_a_second_click_while_one_is_made_makes_no_second_copy(qtbot: QtBot, diary: Diary) -> None:
    window = QWidget()
    qtbot.add_widget(window)
    told: Told = []
    first = back_up_now.start(window, diary.data_dir, listener(told))
    assert first is not None
    assert back_up_now.start(window, diary.data_dir, listener(told)) is None
    with qtbot.wait_signal(first.finished, timeout=10_000):
        pass
    assert len(backups.list_backups(diary.data_dir)) == 1
    assert len(told) == 1
    # Once it has been said, the next click backs up again.
    again = back_up_now.start(window, diary.data_dir, listener(told))
    assert again is not None
    with qtbot.wait_signal(again.finished, timeout=10_000):
        pass
    assert len(backups.list_backups(diary.data_dir)) == 2


def test_a_failed_backup_is_said_as_a_problem(qtbot: QtBot, tmp_path: Path) -> None:
    window = QWidget()
    qtbot.add_widget(window)
    told: Told = []
    run = back_up_now.start(window, tmp_path / "no-diary-here", listener(told))
    assert run is not None
    with qtbot.wait_signal(run.finished, timeout=10_000):
        pass
    [(title, text, problem)] = told
    assert title == "Backup failed" and problem and text
