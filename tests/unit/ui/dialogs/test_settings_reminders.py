"""Settings ▸ Tray and reminders: off by default, a bad time refused, autostart kept in step."""

from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from cramplog.core import conventions, conventions_table
from cramplog.diary.service import Diary
from cramplog.ui.dialogs.settings_dialog import SettingsDialog
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.preferences import Preferences

# The dialog re-themes the app; the settings tests' fixture puts the look back after each.
from tests.unit.ui.dialogs.test_settings_dialog import restore_look  # noqa: F401


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The autostart folder lives here, never in the person's real ~/.config."""
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    return home


@pytest.fixture
def prefs(preferences: object) -> Preferences:
    return cast(Preferences, preferences)


def open_settings(qtbot: QtBot, diary: Diary, prefs: Preferences) -> SettingsDialog:
    dialog = SettingsDialog(DiaryEditor(diary), prefs)
    qtbot.add_widget(dialog)
    dialog.show()
    return dialog


def save(qtbot: QtBot, dialog: SettingsDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_everything_starts_off_and_says_the_reminder_s_words(
    qtbot: QtBot, diary: Diary, prefs: Preferences, config_home: Path
) -> None:
    dialog = open_settings(qtbot, diary, prefs)
    group = dialog.reminders
    boxes = [group.tray_box, group.close_box, group.reminder_box, group.session_box]
    assert not any(box.isChecked() for box in boxes)
    assert not group.close_box.isEnabled()  # only with the tray
    assert not group.time_edit.isEnabled()  # only with the reminder
    labels = [label.text() for label in group.group.findChildren(QLabel)]
    assert any("cramplog: time for the morning review" in text for text in labels)


def test_a_reminder_time_that_is_not_one_is_refused_beside_it_and_nothing_is_saved(
    qtbot: QtBot, diary: Diary, prefs: Preferences, config_home: Path
) -> None:
    dialog = open_settings(qtbot, diary, prefs)
    dialog.reminders.tray_box.setChecked(True)
    dialog.reminders.reminder_box.setChecked(True)
    dialog.reminders.time_edit.setText("25:99")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.reminders.time_error.text() == (
        "25:99 is not a time on the clock; hours go up to 23 and minutes up to 59."
    )
    assert not prefs.tray_enabled and not prefs.reminder_enabled

    dialog.reminders.time_edit.setText("6:45")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert prefs.tray_enabled and prefs.reminder_enabled
    assert prefs.reminder_time == time(6, 45)


def test_start_with_my_session_writes_the_autostart_entry_and_unticking_removes_it(
    qtbot: QtBot, diary: Diary, prefs: Preferences, config_home: Path
) -> None:
    entry = config_home / "autostart" / "cramplog.desktop"
    dialog = open_settings(qtbot, diary, prefs)
    dialog.reminders.session_box.setChecked(True)
    save(qtbot, dialog)
    assert entry.is_file() and "Exec=" in entry.read_text(encoding="utf-8")
    assert prefs.start_with_session

    again = open_settings(qtbot, diary, prefs)
    assert again.reminders.session_box.isChecked()
    again.reminders.session_box.setChecked(False)
    save(qtbot, again)
    assert not entry.exists()
    assert not prefs.start_with_session


def test_an_autostart_entry_that_cannot_be_written_is_one_line_and_nothing_changes(
    qtbot: QtBot, diary: Diary, prefs: Preferences, config_home: Path
) -> None:
    (config_home / "autostart" / "cramplog.desktop").mkdir(parents=True)
    dialog = open_settings(qtbot, diary, prefs)
    dialog.reminders.session_box.setChecked(True)
    dialog.reminders.tray_box.setChecked(True)
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert "is a folder" in dialog.error.text() and "\n" not in dialog.error.text()
    assert not prefs.start_with_session and not prefs.tray_enabled


def test_under_a_12_hour_locale_the_reminder_time_is_shown_and_typed_that_way(
    qtbot: QtBot,
    diary: Diary,
    prefs: Preferences,
    config_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(conventions, "_in_use", conventions.C)  # put back after the test
    conventions.use(conventions.from_table(conventions_table.TABLE["en_US"]))
    dialog = open_settings(qtbot, diary, prefs)
    assert dialog.reminders.time_edit.text() == "8:00\u202fAM"
    dialog.reminders.tray_box.setChecked(True)
    dialog.reminders.reminder_box.setChecked(True)
    dialog.reminders.time_edit.setText("9:30 pm")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert prefs.reminder_time == time(21, 30)
