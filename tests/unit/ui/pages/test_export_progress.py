"""Exporting CSV and JSON from the Summary page: a progress dialog with Cancel, a live window."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from cramplog import exchange
from cramplog.diary.service import Diary
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.pages import export_progress, summary_page
from cramplog.ui.pages.summary_page import SummaryPage
from cramplog.ui.preferences import Preferences


@pytest.fixture
def page(qtbot: QtBot, busy_year: Diary, preferences: Preferences) -> SummaryPage:
    shown = SummaryPage(DiaryEditor(busy_year), preferences)
    qtbot.add_widget(shown)
    shown.select_period("all")
    return shown


class Reports:
    """Watches the dialog's reports; presses its Cancel at report `cancel_at`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, cancel_at: int | None = None) -> None:
        self.seen: list[tuple[int, int, bool]] = []  # done, total, whether the bar shows it
        self.cancel_at = cancel_at
        real = export_progress.ExportProgress.__call__

        def watched(progress: export_progress.ExportProgress, done: int, total: int) -> bool:
            if len(self.seen) + 1 == self.cancel_at:
                [cancel] = progress.dialog.findChildren(QPushButton)
                cancel.click()  # what the person does
            answer = real(progress, done, total)
            self.seen.append((done, total, progress.dialog.value() == done))
            return answer

        monkeypatch.setattr(export_progress.ExportProgress, "__call__", watched)


def choose(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    monkeypatch.setattr(summary_page, "choose_path", lambda *args: target)


def test_a_csv_export_shows_its_progress_and_writes_what_the_command_writes(
    page: SummaryPage, busy_year: Diary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = Reports(monkeypatch)
    choose(monkeypatch, tmp_path / "app")
    page.export_csv()
    assert len(reports.seen) >= 2  # before the first row, then every 500 rows
    assert all(0 <= done <= total and bar for done, total, bar in reports.seen)
    assert "episodes.csv" in page.banner.message.text()
    command = exchange.export_csv(busy_year, tmp_path / "command")
    for written in command:
        assert (tmp_path / "app" / written.name).read_bytes() == written.read_bytes()
    # The dialog is closed once the files are written.
    assert not any(d.isVisible() for d in page.findChildren(QProgressDialog))


def test_cancel_keeps_the_older_csv_files_and_says_nothing_was_written(
    page: SummaryPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "episodes.csv").write_text("last month's export\n")
    reports = Reports(monkeypatch, cancel_at=2)  # half-way through episodes.csv
    choose(monkeypatch, folder)
    page.export_csv()
    assert len(reports.seen) == 2
    assert os.listdir(folder) == ["episodes.csv"]  # no nights.csv, no temporary file
    assert (folder / "episodes.csv").read_text() == "last month's export\n"
    assert page.banner.message.text() == "Export cancelled; nothing was written."


def test_cancel_leaves_no_json_file(
    page: SummaryPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(summary_page, "show_error", lambda *args: errors.append(args[2]))
    Reports(monkeypatch, cancel_at=1)
    folder = tmp_path / "out"
    folder.mkdir()
    choose(monkeypatch, folder / "diary.json")
    page.export_json()
    assert os.listdir(folder) == []
    assert page.banner.message.text() == "Export cancelled; nothing was written."
    assert errors == []  # a cancel is not an error


def test_a_json_export_shows_its_progress(
    page: SummaryPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = Reports(monkeypatch)
    choose(monkeypatch, tmp_path / "diary")
    page.export_json()
    assert len(reports.seen) >= 2
    assert (tmp_path / "diary.json").stat().st_size > 0
    assert str(tmp_path / "diary.json") in page.banner.message.text()


def test_the_callback_moves_the_bar_lets_timers_run_and_says_stop_after_cancel(
    qtbot: QtBot,
) -> None:
    """What the PDF, printing and the print preview count their pages with, too."""
    parent = QWidget()
    qtbot.add_widget(parent)
    beats: list[int] = []
    timer = QTimer(parent)
    timer.setInterval(0)
    timer.timeout.connect(lambda: beats.append(1))
    timer.start()
    with export_progress.ExportProgress(parent, "Painting…", "Print", 10) as progress:
        assert progress(3, 10) is True
        assert progress.dialog.value() == 3
        assert beats  # the event loop ran inside the callback
        assert progress.dialog.labelText() == "Painting…"
        assert progress.dialog.windowTitle() == "Print"
        progress.dialog.cancel()
        assert progress(4, 10) is False
    assert not progress.dialog.isVisible()
