"""Settings: the day-boundary hour moves a 02:10 cramp between nights; units, theme, defaults."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from typing import cast

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QTimeEdit
from pytestqt.qtbot import QtBot

from cramplog.analysis.stats import NightState
from cramplog.core import conventions
from cramplog.core.nights import SleepHours
from cramplog.core.records import EpisodeInput, Side, SpanSource
from cramplog.core.units import FluidUnit
from cramplog.diary.service import Diary
from cramplog.ui import editor as editing
from cramplog.ui.dialogs.settings_dialog import BOUNDARY_SENTENCE, SettingsDialog
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.pages.patterns_page import PatternsPage
from cramplog.ui.preferences import Preferences, ThemeMode
from cramplog.ui.widgets import theme
from cramplog.ui.widgets.indicator_style import IndicatorStyle
from tests.conftest import LONDON


@pytest.fixture(autouse=True)
def restore_look(qapp: QApplication) -> Iterator[None]:
    """The dialog re-themes the whole app; put the look back for the tests that follow."""
    palette, style = qapp.palette(), qapp.style().name() or theme.FUSION
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


def test_the_locales_fluid_unit_is_shown_but_not_stored_until_the_person_chooses(
    qtbot: QtBot, editor: DiaryEditor, prefs: Preferences
) -> None:
    conventions.use(conventions.for_locale("en_US"))
    dialog = open_settings(qtbot, editor, prefs)
    assert dialog.fluid_combo.currentText() == "US fluid ounces (fl oz)"
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert prefs.fluid_unit is None  # a move to a metric locale still changes it

    dialog = open_settings(qtbot, editor, prefs)
    choose(dialog, "fluid_combo", FluidUnit.MILLILITRES.value)
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert prefs.fluid_unit is FluidUnit.MILLILITRES
    assert conventions.current().fluid_unit is FluidUnit.MILLILITRES  # shown so from now on


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
    assert isinstance(qapp.style(), IndicatorStyle)  # Fusion, with visible box outlines
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


# -- counting nights: sleep hours, "I log every cramp", the spans declared -------------------

LAST_NIGHT = date(2026, 3, 11)  # NOW is Thursday 12 March, 09:30
TONIGHT = date(2026, 3, 12)


def set_time(edit: QTimeEdit, hour: int, minute: int = 0) -> None:
    edit.setTime(QTime(hour, minute))


def test_sleep_hours_across_midnight_are_stored_and_say_what_they_are_for(
    qtbot: QtBot, editor: DiaryEditor, diary: Diary, prefs: Preferences
) -> None:
    dialog = open_settings(qtbot, editor, prefs)
    assert dialog.sleep_from.time().toString("HH:mm") == "22:00"
    assert dialog.sleep_to.time().toString("HH:mm") == "08:00"
    assert dialog.sleep_hours_help.text() == (
        "A cramp you did not say woke you counts as night-time when it began inside these hours."
    )
    set_time(dialog.sleep_from, 23, 30)
    set_time(dialog.sleep_to, 6, 45)
    with qtbot.wait_signal(editor.changed):
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert not dialog.isVisible()
    assert diary.sleep_hours == SleepHours(time(23, 30), time(6, 45))
    assert open_settings(qtbot, editor, prefs).sleep_from.time().toString("HH:mm") == "23:30"


def test_equal_sleep_hours_are_refused_beside_the_field_and_nothing_is_saved(
    qtbot: QtBot, editor: DiaryEditor, diary: Diary, prefs: Preferences
) -> None:
    dialog = open_settings(qtbot, editor, prefs)
    choose(dialog, "boundary_combo", 6)
    set_time(dialog.sleep_to, 22)  # 22:00 to 22:00: no hours at all
    assert dialog.sleep_error.isVisibleTo(dialog)  # said at once, before Save
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert dialog.isVisible()
    assert dialog.sleep_error.text() == (
        "Sleep hours must not be empty: the start and end are the same."
    )
    assert diary.sleep_hours == SleepHours()
    assert diary.boundary_hour == 12  # nothing else saved either
    set_time(dialog.sleep_to, 7)
    assert not dialog.sleep_error.isVisibleTo(dialog)


def test_i_log_every_cramp_since_1_march_counts_the_quiet_nights_on_patterns(
    qtbot: QtBot, editor: DiaryEditor, diary: Diary, prefs: Preferences
) -> None:
    diary.add_episode(
        EpisodeInput(start=datetime(2026, 3, 4, 3, 10, tzinfo=LONDON), muscle="muscle.calf")
    )
    page = PatternsPage(editor)
    qtbot.add_widget(page)
    page.select_period("last_4_weeks")
    page.show()
    qtbot.wait_until(lambda: page.stats is not None)
    assert "0 of 28 nights recorded" in page.period_label.text()

    dialog = open_settings(qtbot, editor, prefs)
    assert dialog.logging_box.text() == (
        "I log every cramp, so nights with nothing logged were cramp-free"
    )
    assert not dialog.logging_box.isChecked()
    assert dialog.since_caption.text() == "Thu 12 Mar (tonight)"
    dialog.logging_box.setChecked(True)
    dialog.since_edit.setDate(QDate(2026, 3, 1))
    assert dialog.since_caption.text() == "Sun 1 Mar"
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert diary.logging_every_cramp_since() == date(2026, 3, 1)

    qtbot.wait_until(lambda: "11 inside logging spans" in page.period_label.text())
    assert page.stats is not None
    states = {n.night: n.state for n in page.stats.calendar}
    assert states[date(2026, 3, 5)] is NightState.CRAMP_FREE  # nothing logged, yet recorded
    assert states[date(2026, 3, 3)] is NightState.CRAMPS
    assert states[date(2026, 2, 28)] is NightState.UNRECORDED  # before the span

    editor.undo_stack.undo()  # Edit ▸ Undo takes the declaration back
    assert diary.logging_every_cramp_since() is None
    qtbot.wait_until(lambda: "0 of 28 nights recorded" in page.period_label.text())


def test_a_since_date_after_tonight_cannot_be_chosen(
    qtbot: QtBot, editor: DiaryEditor, diary: Diary, prefs: Preferences
) -> None:
    dialog = open_settings(qtbot, editor, prefs)
    dialog.logging_box.setChecked(True)
    dialog.since_edit.setDate(QDate(2026, 3, 20))
    assert dialog.since_edit.date() == QDate(2026, 3, 12)
    assert dialog.since_caption.text() == "Thu 12 Mar (tonight)"
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert diary.logging_every_cramp_since() == TONIGHT


def test_a_since_date_overlapping_a_span_is_refused_beside_the_field(
    qtbot: QtBot, editor: DiaryEditor, diary: Diary, prefs: Preferences
) -> None:
    diary.declare_span(date(2026, 3, 1), date(2026, 3, 8), source=SpanSource.IMPORT)
    before = diary.logging_spans()
    dialog = open_settings(qtbot, editor, prefs)
    assert dialog.span_texts() == ["nights of Sun 1 Mar 2026 to Sun 8 Mar 2026 — an imported file"]
    set_time(dialog.sleep_from, 23)
    dialog.logging_box.setChecked(True)
    dialog.since_edit.setDate(QDate(2026, 3, 5))
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert dialog.isVisible()
    assert dialog.logging_error.text() == (
        "Those nights overlap a span you already declared (nights of Sun 1 Mar 2026 to "
        "Sun 8 Mar 2026). Change or remove that one first."
    )
    assert diary.logging_spans() == before
    assert diary.sleep_hours == SleepHours()  # the sleep hours wait for the whole Save
    assert editor.undo_stack.count() == 0

    dialog.since_edit.setDate(QDate(2026, 3, 9))  # the night after it: no overlap
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert not dialog.isVisible()
    assert diary.logging_every_cramp_since() == date(2026, 3, 9)
    assert diary.sleep_hours == SleepHours(time(23, 0), time(8, 0))


def test_removing_a_span_applies_at_once_and_can_be_undone(
    qtbot: QtBot, editor: DiaryEditor, diary: Diary, prefs: Preferences
) -> None:
    diary.declare_span(date(2026, 2, 1), date(2026, 2, 10), source=SpanSource.REVIEW)
    diary.declare_span(date(2026, 3, 1), date(2026, 3, 8), source=SpanSource.IMPORT)
    dialog = open_settings(qtbot, editor, prefs)
    assert dialog.span_texts() == [
        "nights of Sun 1 Feb 2026 to Tue 10 Feb 2026 — a night review",
        "nights of Sun 1 Mar 2026 to Sun 8 Mar 2026 — an imported file",
    ]
    assert not dialog.remove_span_button.isEnabled()  # nothing chosen yet
    dialog.spans_list.setCurrentRow(1)
    with qtbot.wait_signal(editor.changed) as changed:
        qtbot.mouseClick(dialog.remove_span_button, Qt.MouseButton.LeftButton)
    assert changed.args == [editing.SPANS]
    assert dialog.span_texts() == ["nights of Sun 1 Feb 2026 to Tue 10 Feb 2026 — a night review"]
    assert [s.first_night for s in diary.logging_spans()] == [date(2026, 2, 1)]

    editor.undo_stack.undo()
    assert [(s.first_night, s.source) for s in diary.logging_spans()] == [
        (date(2026, 2, 1), SpanSource.REVIEW),
        (date(2026, 3, 1), SpanSource.IMPORT),
    ]
    editor.undo_stack.redo()
    assert len(diary.logging_spans()) == 1


def test_unticking_keeps_the_nights_already_logged_as_a_span(
    qtbot: QtBot, editor: DiaryEditor, diary: Diary, prefs: Preferences
) -> None:
    diary.set_logging_every_cramp(date(2026, 3, 1))
    dialog = open_settings(qtbot, editor, prefs)
    assert dialog.logging_box.isChecked()
    assert dialog.since_edit.date() == QDate(2026, 3, 1)
    assert dialog.span_texts() == []
    assert dialog.spans_list.item(0).text() == "None yet."
    dialog.logging_box.setChecked(False)
    assert not dialog.since_edit.isEnabled()
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert diary.logging_every_cramp_since() is None
    again = open_settings(qtbot, editor, prefs)
    assert again.span_texts() == [
        "nights of Sun 1 Mar 2026 to Wed 11 Mar 2026 — you log every cramp"
    ]
    editor.undo_stack.undo()
    assert diary.logging_every_cramp_since() == date(2026, 3, 1)
