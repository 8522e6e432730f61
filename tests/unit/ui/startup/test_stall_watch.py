"""The benchmark's heartbeat: a UI thread kept busy shows up as the longest stall."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from cramplog.ui.startup.stall_watch import StallWatch


def test_a_busy_ui_thread_is_measured_from_the_first_paint_on(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.add_widget(window)
    watch = StallWatch(window)
    time.sleep(0.2)  # before the window is on screen: nobody is waiting for it yet
    assert watch.longest_until_now() == 0.0
    window.show()
    qtbot.wait_until(lambda: watch.longest > 0)
    QTimer.singleShot(0, lambda: time.sleep(0.25))  # a quarter of a second without answering
    qtbot.wait(100)
    assert watch.longest >= 0.25


def test_a_stall_still_under_way_counts(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.add_widget(window)
    watch = StallWatch(window)
    window.show()
    qtbot.wait_until(lambda: watch.longest > 0)
    time.sleep(0.2)  # the caller itself is the stall, as when the benchmark's report runs late
    assert watch.longest_until_now() >= 0.2
