"""Cramp now: time it while it happens, then log it with start and duration filled in."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from cramplog.diary.service import Diary
from cramplog.ui.dialogs.stopwatch import StopwatchDialog, format_elapsed
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.preferences import Preferences
from cramplog.ui.widgets import common as widgets
from cramplog.ui.widgets import theme
from tests.conftest import NOW


class Clock:
    """A wall clock the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def editor(diary: Diary) -> DiaryEditor:
    return DiaryEditor(diary)


@pytest.fixture(autouse=True)
def _no_real_prompts(monkeypatch: pytest.MonkeyPatch) -> None:
    # Closing a form that holds a timed cramp asks first; tests never show a real box.
    monkeypatch.setattr(widgets, "confirm_discard", lambda _parent, _question: True)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every discard question asked; each is answered "keep" (False)."""
    questions: list[str] = []

    def confirm_discard(_parent: Any, question: str) -> bool:
        questions.append(question)
        return False

    monkeypatch.setattr(widgets, "confirm_discard", confirm_discard)
    return questions


def start_stopwatch(
    qtbot: QtBot, editor: DiaryEditor, preferences: Any, clock: Clock
) -> StopwatchDialog:
    dialog = StopwatchDialog(editor, preferences, clock=clock)
    qtbot.add_widget(dialog)
    dialog.show()
    return dialog


def test_ninety_five_seconds_timed_become_a_logged_cramp(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    preferences.last_muscle = "muscle.calf"
    clock = Clock(NOW - timedelta(seconds=95))
    dialog = start_stopwatch(qtbot, editor, preferences, clock)
    assert dialog.is_running()
    assert dialog.elapsed_label.text() == "00:00"
    assert dialog.started_label.text() == "Started at 09:28"

    clock.advance(95)
    qtbot.wait_until(lambda: dialog.elapsed_label.text() == "01:35")
    qtbot.mouseClick(dialog.over_button, Qt.MouseButton.LeftButton)

    form = dialog.form
    assert form is not None
    qtbot.add_widget(form)
    qtbot.wait_until(form.isVisible)
    assert not dialog.isVisible() and not dialog.is_running()
    assert (form.duration_min.number(), form.duration_sec.number()) == (1, 35)
    assert form.duration_min.text() == "1" and form.duration_sec.text() == "35"
    assert form.start_edit.dateTime().toString("d MMM yyyy HH:mm") == "12 Mar 2026 09:28"
    assert form.muscle.currentText() == "Calf"
    form.intensity.set_value(8)
    form.woke.set_value(True)

    with qtbot.wait_signal(dialog.accepted):
        form.save()

    [stored] = diary.list_episodes()
    assert dialog.saved_episode == stored
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert stored.duration_s == 95
    assert stored.start_local == datetime(2026, 3, 12, 9, 28, 25)
    assert stored.intensity == 8 and stored.woke_from_sleep
    assert not stored.to_review


def test_a_blink_is_still_at_least_one_second(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences
) -> None:
    clock = Clock(NOW)
    dialog = start_stopwatch(qtbot, editor, preferences, clock)
    clock.advance(0.2)
    dialog.stop()
    assert dialog.form is not None
    qtbot.add_widget(dialog.form)
    assert dialog.form.duration_s() == 1


def test_cancel_in_the_first_seconds_just_closes(
    qtbot: QtBot,
    editor: DiaryEditor,
    preferences: Preferences,
    diary: Diary,
    asked: list[str],
) -> None:
    clock = Clock(NOW)
    dialog = start_stopwatch(qtbot, editor, preferences, clock)
    clock.advance(8)
    with qtbot.wait_signal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == []
    assert diary.count_episodes() == 0


def test_cancel_after_ten_seconds_asks_and_keeps_timing_if_told_to(
    qtbot: QtBot,
    editor: DiaryEditor,
    preferences: Preferences,
    diary: Diary,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = [False, True]
    questions: list[str] = []

    def confirm_discard(_parent: Any, question: str) -> bool:
        questions.append(question)
        return answers.pop(0)

    monkeypatch.setattr(widgets, "confirm_discard", confirm_discard)
    clock = Clock(NOW)
    dialog = start_stopwatch(qtbot, editor, preferences, clock)
    clock.advance(42)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert len(questions) == 1
    assert dialog.isVisible() and dialog.is_running()
    clock.advance(3)
    qtbot.wait_until(lambda: dialog.elapsed_label.text() == "00:45")

    with qtbot.wait_signal(dialog.rejected):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert len(questions) == 2
    assert diary.count_episodes() == 0


def test_the_big_digits_are_readable_but_dimmed_on_a_dark_palette(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences
) -> None:
    dialog = start_stopwatch(qtbot, editor, preferences, Clock(NOW))
    dialog.setPalette(theme.dark_palette())
    digits = dialog.elapsed_label.palette().color(QPalette.ColorRole.WindowText)
    window = dialog.palette().color(QPalette.ColorRole.Window)
    assert window.lightness() < 64  # no bright background at night
    assert digits != dialog.palette().color(QPalette.ColorRole.WindowText)  # softened
    assert theme.contrast_ratio(digits, window) >= 4.5
    assert dialog.elapsed_label.font().pointSizeF() >= 3 * dialog.font().pointSizeF()


def test_elapsed_time_reads_as_minutes_and_seconds_then_hours() -> None:
    assert format_elapsed(0) == "00:00"
    assert format_elapsed(95.9) == "01:35"
    assert format_elapsed(3729) == "1:02:09"
