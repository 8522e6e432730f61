"""The main window: four places, log in three actions, undo, the review banner, remembered state."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTimer
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
from cramplog.ui.main_window import MainWindow
from cramplog.ui.places import PATTERNS, PLACES, SUMMARY
from cramplog.ui.preferences import Preferences
from cramplog.ui.widgets.episode_rows import MUSCLE, NOTES, STATUS
from cramplog.ui.widgets.episode_texts import TO_REVIEW
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
for _ in range(500):  # its charts are made in the turns after the page's first paint
    if window.patterns_page.charts_made:
        break
    app.processEvents()
print(before, "matplotlib" in sys.modules)
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.split() == ["False", "True"]


def test_a_start_on_patterns_loads_no_qt_code_off_the_ui_thread_before_its_first_figures() -> None:
    # PySide makes enum classes on first use, not safely from two threads at once: the
    # worker loading a page while this thread made the Qt namespace's enums once failed the
    # start. What it loads before the figures' paint is plain Python: no widget, no Qt.
    script = """
import importlib, sys
from cramplog.ui import main_window
from cramplog.ui.startup import patterns_first
before = set(sys.modules)
for name in patterns_first.MODULES:
    importlib.import_module(name)
watched = ("PySide6", "shiboken6", "cramplog.ui", "cramplog.render", "matplotlib", "sqlalchemy")
print(sorted(name for name in set(sys.modules) - before if name.startswith(watched)))
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip() == "['cramplog.ui.pages', 'cramplog.ui.pages.patterns_read_ahead']"


def test_each_place_s_worker_modules_are_among_those_checked(
    qtbot: QtBot, diary: Diary, preferences: Preferences
) -> None:
    from cramplog.ui.startup import preloads

    window = open_window(qtbot, diary, preferences)
    checked = {*preloads.WORKER_ATTACH_MODULES}
    for modules in preloads.WORKER_PLACE_MODULES.values():
        checked |= set(modules)
    for place in range(len(PLACES)):
        window.places.setCurrentRow(place)
        assert set(window.modules_to_attach()) <= checked
        assert not set(window.modules_to_import_here()) & checked  # Qt's go to this thread
        if place not in (0, PATTERNS):
            # No preview to show: the worker loads what the page imports while it examines
            # the file, before this thread imports the page (Summary: numpy, the report).
            preloaded = set(window.modules_to_preview())
            assert set(preloads.WORKER_PLACE_MODULES.get(place, ())) <= preloaded
    window.places.setCurrentRow(SUMMARY)
    assert {"numpy", "cramplog.analysis.report"} <= set(window.modules_to_preview())


def say_since_1_march(dialog: QWidget) -> None:
    """In Settings: I log every cramp since 1 March; saved."""
    assert isinstance(dialog, SettingsDialog)
    dialog.logging_box.setChecked(True)
    dialog.since_edit.setDate(QDate(2026, 3, 1))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


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

    when_modal(qtbot, say_since_1_march)
    qtbot.mouseClick(page.settings_button, Qt.MouseButton.LeftButton)
    assert diary.logging_every_cramp_since() == date(2026, 3, 1)
    qtbot.wait_until(lambda: not page.unrecorded_hint.isVisible())
    assert "11 inside logging spans" in page.period_label.text()


def test_three_missed_nights_are_reviewed_together_from_the_banner_and_undone_in_one_step(
    qtbot: QtBot, diary: Diary, preferences: Preferences
) -> None:
    from cramplog.ui.forms.missed_nights import MissedNightsDialog

    diary.mark_cramp_free(date(2026, 3, 8))  # Sunday was reviewed; Monday to Wednesday not
    diary.add_episode(
        EpisodeInput(start=datetime(2026, 3, 11, 3, 0, tzinfo=LONDON), muscle="muscle.calf")
    )  # a quick-logged cramp in the night of Tuesday
    window = open_window(qtbot, diary, preferences)
    shown = window.banner.message.text()
    assert shown == "3 nights not reviewed since Mon 9 Mar. Review them together?"
    assert window.banner.review_button.text() == "Review them"
    steps_before = window.editor.undo_stack.count()

    def confirm_each(dialog: QWidget) -> None:
        assert isinstance(dialog, MissedNightsDialog)
        assert list(dialog.boxes) == [date(2026, 3, 9), date(2026, 3, 10), date(2026, 3, 11)]
        assert not any(box.isChecked() for box in dialog.boxes.values())  # nothing assumed
        dialog.all_free_button.click()  # the explicit "all cramp-free" choice
        assert [box.isChecked() for box in dialog.boxes.values()] == [True, False, True]
        dialog.boxes[date(2026, 3, 10)].click()  # Tuesday's cramp is the only one
        dialog.save_button.click()

    when_modal(qtbot, confirm_each)
    window.banner.review_button.click()
    reviewed = {day.night_of for day in diary.list_days() if day.factors.reviewed}
    assert reviewed == {date(2026, 3, d) for d in (8, 9, 10, 11)}
    assert diary.cramp_free_nights() == [date(2026, 3, 8), date(2026, 3, 9), date(2026, 3, 11)]
    assert not window.banner.isVisible()
    assert window.editor.undo_stack.count() == steps_before + 1

    window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one step
    assert [day.night_of for day in diary.list_days()] == [date(2026, 3, 8)]
    assert window.banner.isVisible()
    assert window.banner.message.text().startswith("3 nights not reviewed")


@pytest.mark.qt_log_ignore("QPlatformNativeInterface::systemTrayWindowChanged")  # no tray offscreen
def test_close_to_tray_hides_the_window_and_quit_really_ends_cramplog(
    qtbot: QtBot, diary: Diary, preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QSystemTrayIcon

    quits: list[bool] = []
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    preferences.tray_enabled = True
    preferences.close_to_tray = True
    window = open_window(qtbot, diary, preferences)
    assert window.tray is not None and window.tray.icon is not None
    tray_menu = [a.text() for a in window.tray.icon.contextMenu().actions()]
    assert tray_menu[:3] == [window.log_action.text(), "Cramp &now", "&How was last night?"]

    window.close()
    assert not window.isVisible()  # hidden in the tray, still running
    assert quits == []
    window.quit_action.trigger()
    assert quits == [True]
    window.tray.icon.hide()


def test_without_a_tray_closing_the_window_closes_it_even_if_close_to_tray_was_chosen(
    qtbot: QtBot, diary: Diary, preferences: Preferences
) -> None:
    preferences.tray_enabled = True
    preferences.close_to_tray = True
    window = open_window(qtbot, diary, preferences)  # offscreen: no system tray
    assert window.tray is not None and window.tray.icon is None
    assert window.close()


def test_ctrl_n_a_click_on_the_right_calf_and_enter_log_it_in_three_actions(
    qtbot: QtBot, diary: Diary, preferences: Preferences
) -> None:
    window = open_window(qtbot, diary, preferences)

    def click_the_right_calf_and_press_enter(dialog: QWidget) -> None:
        assert isinstance(dialog, QuickLogDialog)
        calf = dialog.body_map.region("muscle.calf", Side.RIGHT)
        assert calf is not None
        box = calf.rect()
        inside = next(
            QPoint(x, y)
            for y in range(box.height() // 2, box.height())
            for x in range(box.width())
            if calf.hitButton(QPoint(x, y))
        )
        QTest.mouseClick(calf, Qt.MouseButton.LeftButton, pos=inside)  # action 2
        QTest.keyClick(calf, Qt.Key.Key_Return)  # action 3

    when_modal(qtbot, click_the_right_calf_and_press_enter)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # action 1
    [saved] = diary.list_episodes()
    assert (saved.muscle, saved.side) == ("muscle.calf", Side.RIGHT)
    assert saved.start_local == NOW.replace(tzinfo=None) and saved.to_review


def test_review_any_night_opens_the_calendar_of_nights(
    qtbot: QtBot, diary: Diary, preferences: Preferences
) -> None:
    from cramplog.ui.dialogs.night_calendar import NightCalendarDialog

    window = open_window(qtbot, diary, preferences)
    seen: list[QDate] = []

    def look_and_close(dialog: QWidget) -> None:
        assert isinstance(dialog, NightCalendarDialog)
        seen.append(dialog.calendar.selectedDate())
        dialog.accept()

    when_modal(qtbot, look_and_close)
    QTest.keyClick(
        window,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert seen == [QDate(2026, 3, 11)]  # last night, ready to review
