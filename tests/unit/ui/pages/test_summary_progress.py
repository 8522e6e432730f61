"""The progress dialog shown while the summary's pages are painted."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from cramplog.ui.pages.summary_progress import page_progress


def test_the_callback_moves_the_bar_lets_timers_run_and_says_stop_after_cancel(
    qtbot: QtBot,
) -> None:
    parent = QWidget()
    qtbot.add_widget(parent)
    progress, report = page_progress(parent, "Painting…", "Print", 10)
    beats: list[int] = []
    timer = QTimer(parent)
    timer.setInterval(0)
    timer.timeout.connect(lambda: beats.append(1))
    timer.start()
    assert report(3, 10) is True
    assert progress.value() == 3
    assert beats  # the event loop ran inside the callback
    assert progress.labelText() == "Painting…"
    assert progress.windowTitle() == "Print"
    progress.cancel()
    assert report(4, 10) is False
    progress.close()
