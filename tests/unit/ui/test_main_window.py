"""The main window: four places, log in three actions, undo, the review banner, remembered state."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from cramplog import __version__
from cramplog.core.records import EpisodeInput, Side
from cramplog.demo import sample
from cramplog.diary.service import Diary
from cramplog.ui.dialogs.about import AboutDialog
from cramplog.ui.dialogs.settings_dialog import SettingsDialog
from cramplog.ui.forms.quick_log import QuickLogDialog
from cramplog.ui.main_window import PATTERNS, PLACES, SUMMARY, MainWindow
from cramplog.ui.preferences import Preferences
from cramplog.ui.widgets.episode_model import MUSCLE, NOTES, STATUS, TO_REVIEW
from tests.conftest import LONDON, NOW


@pytest.fixture
def sample_diary(tmp_path: Path) -> Iterator[Diary]:
    data_dir = tmp_path / "sample"
    sample.create_sample_diary(
        data_dir,
        size=sample.SampleSize(years=0.25, episodes_per_week=3),
        seed=7,
        end=date(2026, 3, 10),
    )
    opened = Diary.open(data_dir, clock=lambda: NOW)
    yield opened
    opened.close()


def open_window(
    qtbot: QtBot, diary: Diary, preferences: Preferences, *, sample: bool = False
) -> MainWindow:
    window = MainWindow(diary, preferences=preferences, sample=sample)
    qtbot.add_widget(window)
    window.show()
    window.activateWindow()  # shortcuts reach only the active window
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    return window


def when_modal(qtbot: QtBot, act: Callable[[QWidget], None]) -> None:
    """Run `act` on the next modal dialog once it is open (exec() blocks the test)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, poll)
        else:
            act(dialog)

    QTimer.singleShot(0, poll)


def test_the_window_lists_every_cramp_newest_first_and_names_the_file(
    qtbot: QtBot, sample_diary: Diary, preferences: Preferences
) -> None:
    window = open_window(qtbot, sample_diary, preferences, sample=True)
    episodes = sample_diary.list_episodes()
    table = window.diary_page.table
    rows = [table.model().index(r, MUSCLE).data() for r in range(table.model().rowCount())]
    assert sum(1 for text in rows if text != "No cramps") == len(episodes) > 10
    assert table.model().index(0, 1).data() == f"{episodes[-1].start_local:%H:%M}"
    assert "sample" in window.windowTitle().lower()
    assert window.path_label.text() == str(sample_diary.path)


def test_a_quick_log_takes_three_actions_and_is_marked_to_review(
    qtbot: QtBot, diary: Diary, preferences: Preferences
) -> None:
    window = open_window(qtbot, diary, preferences)

    def pick_calf_and_press_enter(dialog: QWidget) -> None:
        assert isinstance(dialog, QuickLogDialog)
        dialog.muscle_buttons["muscle.calf"].click()  # action 2
        QTest.keyClick(dialog, Qt.Key.Key_Return)  # action 3

    when_modal(qtbot, pick_calf_and_press_enter)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # action 1
    [saved] = diary.list_episodes()
    assert saved.muscle == "muscle.calf" and saved.to_review
    model = window.diary_page.table.model()
    assert model.index(0, MUSCLE).data() == "Calf"
    assert model.index(0, STATUS).data() == TO_REVIEW


def test_ctrl_z_undoes_and_ctrl_shift_z_redoes(
    qtbot: QtBot, diary: Diary, preferences: Preferences
) -> None:
    window = open_window(qtbot, diary, preferences)
    window.editor.add_episode(
        EpisodeInput(start=datetime(2026, 3, 11, 2, 10, tzinfo=LONDON), muscle="muscle.calf")
    )
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert diary.list_episodes() == []
    assert window.diary_page.stack.currentWidget() is window.diary_page.empty
    QTest.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(diary.list_episodes()) == 1


def test_places_switch_with_ctrl_number_and_are_remembered(
    qtbot: QtBot, diary: Diary, preferences: Preferences
) -> None:
    window = open_window(qtbot, diary, preferences)
    assert [window.places.item(i).text() for i in range(window.places.count())] == list(PLACES)
    QTest.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.summary_page
    window.resize(700, 500)  # within the offscreen screen (800 x 600)
    window.close()
    again = open_window(qtbot, diary, preferences)
    assert again.pages.currentIndex() == SUMMARY
    assert (again.width(), again.height()) == (700, 500)


def test_an_unreviewed_last_night_gets_a_calm_banner_until_reviewed(
    qtbot: QtBot, diary: Diary, preferences: Preferences
) -> None:
    window = open_window(qtbot, diary, preferences)
    assert window.banner.isVisible()
    shown = " ".join(label.text() for label in window.banner.findChildren(QLabel))
    assert "Wed 11 Mar" in shown or "11 March" in shown
    window.editor.mark_cramp_free(date(2026, 3, 11))
    assert not window.banner.isVisible()


def test_html_in_notes_is_shown_literally(
    qtbot: QtBot, diary: Diary, preferences: Preferences
) -> None:
    diary.add_episode(
        EpisodeInput(
            start=datetime(2026, 3, 11, 2, 10, tzinfo=LONDON),
            muscle="muscle.calf",
            side=Side.LEFT,
            notes="<b>bold?</b> <img src='file:///etc/passwd'>",
        )
    )
    window = open_window(qtbot, diary, preferences)
    cell = window.diary_page.table.model().index(0, NOTES)
    assert cell.data() == "<b>bold?</b> <img src='file:///etc/passwd'>"
    assert "sample" not in window.windowTitle().lower()


@pytest.mark.parametrize("is_sample", [False, True])
def test_the_title_bar_names_cramplog_once(
    qtbot: QtBot, diary: Diary, preferences: Preferences, is_sample: bool
) -> None:
    window = MainWindow(diary, preferences=preferences, sample=is_sample)
    qtbot.add_widget(window)
    # What a desktop shows: Qt adds " — <display name>" to a title that is not the name itself.
    shown = f"{window.windowTitle()} — cramplog"
    assert shown.lower().count("cramplog") == 1
    assert ("sample" in shown.lower()) is is_sample


def test_about_names_the_version_the_diary_and_not_a_medical_device(
    qtbot: QtBot, diary: Diary
) -> None:
    dialog = AboutDialog(diary.path)
    qtbot.add_widget(dialog)
    shown = "\n".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"cramplog {__version__}" in shown
    assert "Not a medical device" in shown
    assert str(diary.path) in shown


def test_start_up_does_not_load_matplotlib_until_patterns_are_shown(tmp_path: Path) -> None:
    script = f"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from cramplog.diary.service import Diary
from cramplog.ui.main_window import MainWindow
from cramplog.ui.preferences import Preferences
app = QApplication([])
prefs = Preferences(QSettings({str(tmp_path / "s.ini")!r}, QSettings.Format.IniFormat))
window = MainWindow(Diary.open(Path({str(tmp_path / "d")!r})), preferences=prefs)
window.show(); app.processEvents()
before = "matplotlib" in sys.modules
window.show_place({PATTERNS}); app.processEvents()
print(before, "matplotlib" in sys.modules)
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.split() == ["False", "True"]


def test_the_patterns_hint_opens_settings_where_i_say_i_log_every_cramp(
    qtbot: QtBot, diary: Diary, preferences: Preferences
) -> None:
    diary.add_episode(
        EpisodeInput(start=datetime(2026, 3, 4, 3, 10, tzinfo=LONDON), muscle="muscle.calf")
    )
    window = open_window(qtbot, diary, preferences)
    window.show_place(PATTERNS)
    page = window.patterns_page
    qtbot.wait_until(lambda: page.stats is not None and page.unrecorded_hint.isVisible())

    def say_since_1_march(dialog: QWidget) -> None:
        assert isinstance(dialog, SettingsDialog)
        dialog.logging_box.setChecked(True)
        dialog.since_edit.setDate(QDate(2026, 3, 1))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    when_modal(qtbot, say_since_1_march)
    qtbot.mouseClick(page.settings_button, Qt.MouseButton.LeftButton)
    assert diary.logging_every_cramp_since() == date(2026, 3, 1)
    qtbot.wait_until(lambda: not page.unrecorded_hint.isVisible())
    assert "11 inside spans you declared complete" in page.period_label.text()
