"""Settings: the day-boundary hour moves a 02:10 cramp between nights; units, theme, defaults."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import cast

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from cramplog.core.records import EpisodeInput, Side
from cramplog.diary.service import Diary
from cramplog.ui import editor as editing
from cramplog.ui.dialogs.settings_dialog import BOUNDARY_SENTENCE, SettingsDialog
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.preferences import FluidUnit, Preferences, ThemeMode
from cramplog.ui.widgets import theme
from tests.conftest import LONDON


@pytest.fixture(autouse=True)
def restore_look(qapp: QApplication) -> Iterator[None]:
    """The dialog re-themes the whole app; put the look back for the tests that follow."""
    palette, style = qapp.palette(), qapp.style().name()
    yield
    theme.apply_theme(qapp, ThemeMode.SYSTEM)
    qapp.setStyle(style)
    qapp.setPalette(palette)


@pytest.fixture
def editor(diary: Diary) -> Iterator[DiaryEditor]:
    made = DiaryEditor(diary)
    yield made
    made.deleteLater()


@pytest.fixture
def prefs(preferences: object) -> Preferences:
    return cast(Preferences, preferences)


def open_settings(qtbot: QtBot, editor: DiaryEditor, prefs: Preferences) -> SettingsDialog:
    dialog = SettingsDialog(editor, prefs)
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.wait_exposed(dialog)
    return dialog


def press(qtbot: QtBot, dialog: SettingsDialog, which: QDialogButtonBox.StandardButton) -> None:
    qtbot.mouseClick(dialog.buttons.button(which), Qt.MouseButton.LeftButton)


def choose(combo_owner: SettingsDialog, name: str, data: object) -> None:
    combo = getattr(combo_owner, name)
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(index)


def test_moving_the_day_boundary_moves_a_0210_cramp_to_another_night(
    qtbot: QtBot, editor: DiaryEditor, diary: Diary, prefs: Preferences
) -> None:
    # A calf cramp at 02:10 on Wednesday 11 March: with the default noon boundary it belongs
    # to the night of Tuesday.
    cramp = diary.add_episode(
        EpisodeInput(start=datetime(2026, 3, 11, 2, 10, tzinfo=LONDON), muscle="muscle.calf")
    )
    assert diary.night_of(cramp) == date(2026, 3, 10)

    dialog = open_settings(qtbot, editor, prefs)
    assert dialog.boundary_combo.currentText() == "12:00"
    assert BOUNDARY_SENTENCE == "A cramp before this hour belongs to the previous night."
    assert "the night of Tuesday" in dialog.boundary_example.text()
    choose(dialog, "boundary_combo", 0)
    assert dialog.boundary_example.text() == (
        "With 00:00, a cramp at 02:10 on a Wednesday is listed under the night of Wednesday."
    )
    with qtbot.wait_signal(editor.changed) as changed:
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert changed.args == [editing.SETTINGS]
    assert not dialog.isVisible()
    assert diary.boundary_hour == 0
    assert diary.night_of(cramp) == date(2026, 3, 11)

    # And back again: at 03:00 the cramp is once more part of Tuesday's night.
    dialog = open_settings(qtbot, editor, prefs)
    assert dialog.boundary_combo.currentText() == "00:00"
    choose(dialog, "boundary_combo", 3)
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert diary.night_of(cramp) == date(2026, 3, 10)


def test_cancel_keeps_the_boundary(
    qtbot: QtBot, editor: DiaryEditor, diary: Diary, prefs: Preferences
) -> None:
    dialog = open_settings(qtbot, editor, prefs)
    choose(dialog, "boundary_combo", 6)
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
    assert diary.boundary_hour == 12


def test_fluid_unit_and_defaults_are_stored(
    qtbot: QtBot, editor: DiaryEditor, prefs: Preferences
) -> None:
    dialog = open_settings(qtbot, editor, prefs)
    assert dialog.fluid_combo.currentText() == "Litres"
    assert dialog.activity_combo.currentText() == "No default"
    choose(dialog, "fluid_combo", FluidUnit.GLASSES.value)
    choose(dialog, "side_combo", Side.LEFT.value)
    choose(dialog, "activity_combo", "activity.asleep")
    with qtbot.wait_signal(dialog.preferences_changed):
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert prefs.fluid_unit is FluidUnit.GLASSES
    assert prefs.default_side is Side.LEFT
    assert prefs.default_activity == "activity.asleep"

    again = open_settings(qtbot, editor, prefs)
    assert again.fluid_combo.currentText() == "Glasses (250 ml each)"
    assert again.side_combo.currentText() == "Left"
    assert again.activity_combo.currentText() == "Asleep or in bed"


def test_the_theme_applies_at_once_and_is_kept_on_save(
    qtbot: QtBot, qapp: QApplication, editor: DiaryEditor, prefs: Preferences
) -> None:
    prefs.theme = ThemeMode.LIGHT
    theme.apply_theme(qapp, ThemeMode.LIGHT)
    dialog = open_settings(qtbot, editor, prefs)
    assert not theme.is_dark(qapp.palette())

    choose(dialog, "theme_combo", ThemeMode.DARK.value)
    assert theme.is_dark(qapp.palette())
    assert qapp.palette().color(qapp.palette().ColorRole.Window).lightness() < 60
    assert qapp.style().name().casefold() == "fusion"
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert prefs.theme is ThemeMode.DARK
    assert theme.is_dark(qapp.palette())


def test_cancel_puts_the_previous_theme_back(
    qtbot: QtBot, qapp: QApplication, editor: DiaryEditor, prefs: Preferences
) -> None:
    prefs.theme = ThemeMode.LIGHT
    theme.apply_theme(qapp, ThemeMode.LIGHT)
    dialog = open_settings(qtbot, editor, prefs)
    choose(dialog, "theme_combo", ThemeMode.DARK.value)
    assert theme.is_dark(qapp.palette())
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
    assert not theme.is_dark(qapp.palette())
    assert qapp.palette().color(qapp.palette().ColorRole.Window).lightness() > 200
    assert prefs.theme is ThemeMode.LIGHT


def test_every_choice_has_a_label(qtbot: QtBot, editor: DiaryEditor, prefs: Preferences) -> None:
    dialog = open_settings(qtbot, editor, prefs)
    for combo in (
        dialog.boundary_combo,
        dialog.fluid_combo,
        dialog.theme_combo,
        dialog.side_combo,
        dialog.activity_combo,
    ):
        assert combo.accessibleName()
    assert [dialog.theme_combo.itemText(i) for i in range(dialog.theme_combo.count())] == [
        "Follow the system",
        "Light",
        "Dark",
    ]


def test_the_frequent_cramps_threshold_is_stored_in_the_diary(
    qtbot: QtBot, editor: DiaryEditor, prefs: Preferences
) -> None:
    dialog = open_settings(qtbot, editor, prefs)
    assert dialog.frequent_spin.value() == 3
    dialog.frequent_spin.setValue(5)
    seen: list[str] = []
    editor.changed.connect(seen.append)
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert seen == ["settings"]
    assert editor.diary.frequent_threshold == 5
    again = open_settings(qtbot, editor, prefs)
    assert again.frequent_spin.value() == 5
