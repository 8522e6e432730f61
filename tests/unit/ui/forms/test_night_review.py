"""The morning review: a cramp-free night in one click, the day's factors saved and shown again."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QSlider,
)
from pytestqt.qtbot import QtBot

from cramplog.core import conventions
from cramplog.core.records import (
    DayFactors,
    EpisodeInput,
    Exercise,
    Side,
    SpanSource,
    VocabularyKind,
)
from cramplog.core.units import FluidUnit
from cramplog.diary.service import Diary
from cramplog.ui.editor import DAYS, SPANS, DiaryEditor
from cramplog.ui.forms.night_review import NightReviewDialog, ReviewBanner
from cramplog.ui.preferences import Preferences
from cramplog.ui.widgets import common as widgets
from tests.conftest import LONDON

LAST_NIGHT = date(2026, 3, 11)  # NOW is Thursday 12 March, 09:30


@pytest.fixture
def editor(diary: Diary) -> DiaryEditor:
    return DiaryEditor(diary)


@pytest.fixture(autouse=True)
def _no_real_prompts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(widgets, "confirm_discard", lambda _parent, _question: True)


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def confirm_discard(_parent: Any, question: str) -> bool:
        asked.append(question)
        return True

    monkeypatch.setattr(widgets, "confirm_discard", confirm_discard)
    return asked


def open_review(
    qtbot: QtBot, editor: DiaryEditor, preferences: Any, night: date = LAST_NIGHT
) -> NightReviewDialog:
    dialog = NightReviewDialog(editor, preferences, night)
    qtbot.add_widget(dialog)
    dialog.show()
    return dialog


def test_a_cramp_free_night_takes_one_click_and_can_be_undone(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    dialog = open_review(qtbot, editor, preferences)
    title = dialog.findChild(QLabel, "reviewTitle")
    assert title is not None
    assert title.text() == "How was the night of Wednesday 11 March?"
    assert dialog.episodes_label.text() == "No cramps are logged for this night."
    assert dialog.cramp_free_button.text() == "No cramps last night"
    assert dialog.cramp_free_button.isEnabled()

    with qtbot.wait_signals([dialog.accepted, editor.changed]):
        qtbot.mouseClick(dialog.cramp_free_button, Qt.MouseButton.LeftButton)

    day = diary.get_day(LAST_NIGHT)
    assert day is not None
    assert day.factors == DayFactors(reviewed=True)
    assert editor.undo_stack.count() == 1
    editor.undo_stack.undo()
    assert diary.get_day(LAST_NIGHT) is None


def test_the_days_factors_are_saved_and_shown_again(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    dialog = open_review(qtbot, editor, preferences)
    dialog.fluids.setFocus()
    qtbot.keyClicks(dialog.fluids, "1.75")
    dialog.exercise.set_value(Exercise.UNACCUSTOMED)
    dialog.alcohol.set_number(2.5)
    dialog.caffeine.set_number(3)
    dialog.yes_no["hot_or_sweating"].set_value(True)
    dialog.yes_no["long_standing"].set_value(False)
    dialog.yes_no["stretched_before_bed"].set_value(False)
    dialog.stress.set_value(6)
    dialog.sleep.set_value(4)
    dialog.minutes_awake.set_number(40)
    dialog.notes.setPlainText("Long hilly walk <b>in the sun</b> ☀️")
    with qtbot.wait_signal(editor.changed) as changed:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert changed.args == [DAYS]

    expected = DayFactors(
        reviewed=True,
        fluids_l=1.75,
        exercise=Exercise.UNACCUSTOMED,
        alcohol_units=2.5,
        caffeine_drinks=3,
        hot_or_sweating=True,
        long_standing=False,
        long_sitting=None,
        stretched_before_bed=False,
        stress=6,
        sleep_disturbance=4,
        minutes_awake=40,
        notes="Long hilly walk <b>in the sun</b> ☀️",
    )
    day = diary.get_day(LAST_NIGHT)
    assert day is not None and day.factors == expected

    again = open_review(qtbot, editor, preferences)
    assert again.factors() == expected
    assert again.fluids.text() == "1.75"
    assert again.exercise.currentText() == "Unaccustomed"
    assert again.yes_no["long_sitting"].currentText() == "Not recorded"
    assert again.yes_no["long_standing"].currentText() == "No"
    assert again.stress.number.text() == "6"
    assert again.notes.toPlainText() == "Long hilly walk <b>in the sun</b> ☀️"
    assert again.cramp_free_note.text() == "This night is already marked cramp-free."


def test_fluids_in_glasses_are_stored_as_litres(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    preferences.fluid_unit = FluidUnit.GLASSES
    dialog = open_review(qtbot, editor, preferences)
    assert dialog.fluids.accessibleName() == "Fluids, glasses of 250 ml"
    dialog.fluids.set_number(7)
    with qtbot.wait_signal(dialog.accepted):
        dialog.save()
    day = diary.get_day(LAST_NIGHT)
    assert day is not None and day.factors.fluids_l == 1.75

    assert open_review(qtbot, editor, preferences).fluids.text() == "7"
    preferences.fluid_unit = FluidUnit.LITRES
    assert open_review(qtbot, editor, preferences).fluids.text() == "1.75"


def test_in_the_us_fluids_are_typed_in_fluid_ounces_until_another_unit_is_chosen(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    conventions.use(conventions.for_locale("en_US"))
    dialog = open_review(qtbot, editor, preferences)
    assert dialog.fluids.accessibleName() == "Fluids, US fluid ounces"
    dialog.fluids.set_number(64)
    with qtbot.wait_signal(dialog.accepted):
        dialog.save()
    day = diary.get_day(LAST_NIGHT)
    assert day is not None and day.factors.fluids_l == 1.893  # kept in litres

    assert open_review(qtbot, editor, preferences).fluids.text() == "64"
    preferences.fluid_unit = FluidUnit.US_CUPS
    assert open_review(qtbot, editor, preferences).fluids.text() == "8"
    preferences.fluid_unit = FluidUnit.MILLILITRES
    assert open_review(qtbot, editor, preferences).fluids.text() == "1893"


def test_a_night_with_a_cramp_cannot_be_marked_cramp_free(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    own = diary.add_custom_item(VocabularyKind.MUSCLE, "<b>Big</b> toe")
    diary.add_episode(
        EpisodeInput(
            start=datetime(2026, 3, 12, 2, 10, tzinfo=LONDON),
            muscle=own.code,
            side=Side.LEFT,
            intensity=7,
            duration_s=95,
            woke_from_sleep=True,
        )
    )
    dialog = open_review(qtbot, editor, preferences)
    assert dialog.episodes_label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.episodes_label.text() == (
        "1 cramp logged that night:\n"
        "  Thu 02:10 — <b>Big</b> toe, left · intensity 7 · 1 min 35 s · woke you"
    )
    assert not dialog.cramp_free_button.isEnabled()
    assert "cannot be marked cramp-free" in dialog.cramp_free_note.text()
    assert dialog.cramp_free_note.isVisible()

    # Even if the click got through, nothing is stored and the reason is shown.
    dialog.mark_cramp_free()
    assert diary.get_day(LAST_NIGHT) is None
    assert dialog.visible_errors() == {
        "night_of": "The night of Wednesday 11 March already has a cramp logged, "
        "so it cannot be marked cramp-free."
    }
    # The day's factors can still be recorded.
    dialog.stress.set_value(2)
    with qtbot.wait_signal(dialog.accepted):
        dialog.save()
    day = diary.get_day(LAST_NIGHT)
    assert day is not None and day.factors.reviewed and day.factors.stress == 2


def test_marking_cramp_free_keeps_the_factors_just_typed(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    dialog = open_review(qtbot, editor, preferences)
    dialog.yes_no["stretched_before_bed"].set_value(True)
    dialog.caffeine.set_number(1)
    with qtbot.wait_signal(dialog.accepted):
        qtbot.mouseClick(dialog.cramp_free_button, Qt.MouseButton.LeftButton)
    day = diary.get_day(LAST_NIGHT)
    assert day is not None
    assert day.factors == DayFactors(reviewed=True, stretched_before_bed=True, caffeine_drinks=1)
    assert editor.undo_stack.count() == 1  # one click, one undo step


def test_bad_notes_are_refused_beside_the_notes_and_nothing_is_saved(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    dialog = open_review(qtbot, editor, preferences)
    dialog.notes.setPlainText("pasted\x00binary")
    dialog.save()
    assert dialog.visible_errors() == {"notes": "Notes cannot contain NUL characters."}
    error = dialog.findChild(widgets.FieldError, "notesError")
    assert error is not None and error.isVisible()
    assert diary.get_day(LAST_NIGHT) is None
    assert dialog.isVisible()


def test_escape_asks_only_when_something_was_entered(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, questions: list[str]
) -> None:
    dialog = open_review(qtbot, editor, preferences)
    with qtbot.wait_signal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert questions == []

    touched = open_review(qtbot, editor, preferences)
    touched.stress.set_value(5)
    with qtbot.wait_signal(touched.rejected):
        qtbot.keyClick(touched, Qt.Key.Key_Escape)
    assert len(questions) == 1


def test_the_banner_offers_the_review_and_steps_aside_when_told(qtbot: QtBot) -> None:
    banner = ReviewBanner()
    qtbot.add_widget(banner)
    banner.set_night(LAST_NIGHT)
    banner.show()
    assert banner.message.text() == (
        "Last night (Wed 11 Mar) isn't reviewed yet. Was it cramp-free?"
    )
    assert banner.message.textFormat() == Qt.TextFormat.PlainText
    banner.set_night(LAST_NIGHT, has_cramps=True)
    assert banner.message.text().endswith("Add how the day went?")
    with qtbot.wait_signal(banner.review_requested):
        qtbot.mouseClick(banner.review_button, Qt.MouseButton.LeftButton)
    assert banner.isVisible()
    with qtbot.wait_signal(banner.dismissed):
        qtbot.mouseClick(banner.later_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()


def test_every_input_of_the_review_has_a_readable_name(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences
) -> None:
    dialog = open_review(qtbot, editor, preferences)
    inputs = [
        widget
        for kind in (QAbstractSpinBox, QComboBox, QAbstractButton, QSlider, QPlainTextEdit)
        for widget in dialog.findChildren(kind)
    ]
    assert len(inputs) > 15
    assert [
        widget
        for widget in inputs
        if not widget.accessibleName()
        and not (isinstance(widget, QAbstractButton) and widget.text())
    ] == []


# -- "I logged every cramp from … to …" -------------------------------------------------------


def test_a_week_logged_in_full_counts_as_recorded_and_the_review_stays_open(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    dialog = open_review(qtbot, editor, preferences)
    # Offered: the week up to the night reviewed.
    assert dialog.span_from.date() == QDate(2026, 3, 5)
    assert dialog.span_to.date() == QDate(2026, 3, 11)
    with qtbot.wait_signal(editor.changed) as changed:
        qtbot.mouseClick(dialog.span_button, Qt.MouseButton.LeftButton)
    assert changed.args == [SPANS]
    assert [(s.first_night, s.last_night, s.source) for s in diary.logging_spans()] == [
        (date(2026, 3, 5), LAST_NIGHT, SpanSource.REVIEW)
    ]
    assert dialog.isVisible()  # the night itself can still be reviewed
    assert dialog.span_done.text() == (
        "Done: the 7 nights of Thu 5 Mar 2026 to Wed 11 Mar 2026 count as recorded, cramp-free "
        "where nothing was logged. Edit ▸ Undo takes it back."
    )
    assert dialog.cramp_free_button.isEnabled()  # the one-click path is still there
    editor.undo_stack.undo()
    assert diary.logging_spans() == []


def test_a_stretch_that_ends_before_it_starts_is_refused_beside_the_dates(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    dialog = open_review(qtbot, editor, preferences)
    dialog.span_from.setDate(QDate(2026, 3, 9))
    dialog.span_to.setDate(QDate(2026, 3, 2))
    qtbot.mouseClick(dialog.span_button, Qt.MouseButton.LeftButton)
    assert dialog.visible_errors() == {
        "logging_span": "The span ends (Mon 2 Mar 2026) before it starts (Mon 9 Mar 2026)."
    }
    assert dialog.span_from.accessibleDescription() == dialog.visible_errors()["logging_span"]
    assert diary.logging_spans() == []
    assert editor.undo_stack.count() == 0
    assert not dialog.span_done.isVisible()


def test_a_stretch_overlapping_one_already_declared_is_refused(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    diary.declare_span(date(2026, 3, 1), date(2026, 3, 6), source=SpanSource.IMPORT)
    before = diary.logging_spans()
    dialog = open_review(qtbot, editor, preferences)
    qtbot.mouseClick(dialog.span_button, Qt.MouseButton.LeftButton)
    assert dialog.visible_errors() == {
        "logging_span": "Those nights overlap a span you already declared (nights of "
        "Sun 1 Mar 2026 to Fri 6 Mar 2026). Change or remove that one first."
    }
    assert diary.logging_spans() == before
    dialog.span_from.setDate(QDate(2026, 3, 7))  # the nights after it are fine
    qtbot.mouseClick(dialog.span_button, Qt.MouseButton.LeftButton)
    assert dialog.visible_errors() == {}
    assert [s.first_night for s in diary.logging_spans()] == [date(2026, 3, 1), date(2026, 3, 7)]


def test_a_stretch_cannot_reach_past_last_night(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences
) -> None:
    dialog = open_review(qtbot, editor, preferences)
    dialog.span_to.setDate(QDate(2026, 3, 14))
    dialog.span_from.setDate(QDate(2026, 3, 13))
    assert dialog.span_to.date() == QDate(2026, 3, 11)
    assert dialog.span_from.date() == QDate(2026, 3, 11)
