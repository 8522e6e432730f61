"""The full episode form: by keyboard alone, refusing bad input beside the field, keeping drafts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QPlainTextEdit,
    QScrollBar,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cramplog.core.records import EpisodeInput, Hydration, ReliefRating, Side, VocabularyKind
from cramplog.diary.service import Diary
from cramplog.ui.editor import VOCABULARY, DiaryEditor
from cramplog.ui.forms.episode_form import EpisodeDialog
from cramplog.ui.preferences import Preferences
from cramplog.ui.widgets import common as widgets
from tests.conftest import LONDON, NOW


@pytest.fixture
def editor(diary: Diary) -> DiaryEditor:
    return DiaryEditor(diary)


class Prompts:
    """Stands in for the modal questions (the one seam: widgets.confirm_discard / ask_text)."""

    def __init__(self) -> None:
        self.discard_answers: list[bool] = []
        self.asked: list[str] = []
        self.texts: list[str | None] = []

    def confirm_discard(self, _parent: QWidget | None, question: str) -> bool:
        self.asked.append(question)
        return self.discard_answers.pop(0) if self.discard_answers else False

    def ask_text(self, _parent: QWidget | None, title: str, _prompt: str) -> str | None:
        self.asked.append(title)
        return self.texts.pop(0) if self.texts else None


@pytest.fixture
def prompts(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    fake = Prompts()
    monkeypatch.setattr(widgets, "confirm_discard", fake.confirm_discard)
    monkeypatch.setattr(widgets, "ask_text", fake.ask_text)
    return fake


def open_form(qtbot: QtBot, editor: DiaryEditor, preferences: Any, **kwargs: Any) -> EpisodeDialog:
    dialog = EpisodeDialog(editor, preferences, **kwargs)
    qtbot.add_widget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.wait_until(dialog.isActiveWindow)
    return dialog


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    """A key press where the person's keyboard would send it: an open popup, else the focus."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert target is not None
    if modifier is None:
        qtbot.keyClick(target, key)
    else:
        qtbot.keyClick(target, key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClicks(target, text)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


@pytest.fixture(autouse=True)
def _no_real_prompts(prompts: Prompts) -> Iterator[None]:
    # Every test runs with the prompts replaced, so no modal box can ever block a test.
    yield


# -- keyboard ---------------------------------------------------------------------------------


def test_tab_visits_every_field_in_reading_order(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences
) -> None:
    dialog = open_form(qtbot, editor, preferences)
    dialog.start_edit.setFocus(Qt.FocusReason.TabFocusReason)
    visited: list[QWidget] = []
    for _ in range(80):
        widget = focused()
        assert widget is not None
        if not visited or visited[-1] is not widget:
            if widget in visited:
                break
            visited.append(widget)
        press(qtbot, Qt.Key.Key_Tab)

    first_relief, _rating = dialog.reliefs.row_widgets(dialog.reliefs.codes()[0])
    expected_order = [
        dialog.start_edit,
        dialog.duration_min,
        dialog.duration_sec,
        dialog.muscle,
        dialog.side_buttons[Side.NOT_APPLICABLE],  # the chosen side is the one Tab stop
        dialog.intensity.slider,
        dialog.intensity.not_rated,
        dialog.woke,
        dialog.activity,
        dialog.hydration,
        dialog.symptoms,
        dialog.notes,
        dialog.triggers,
        dialog.add_trigger,
        first_relief,
        dialog.add_relief,
        dialog.cancel_button,
        dialog.save_button,
    ]
    positions = [visited.index(widget) for widget in expected_order]
    assert positions == sorted(positions)
    # Every relief method can be reached too, and nothing outside the form steals a stop.
    boxes = [dialog.reliefs.row_widgets(code)[0] for code in dialog.reliefs.codes()]
    assert all(box in visited for box in boxes)
    assert all(dialog.isAncestorOf(widget) for widget in visited)


def test_every_input_has_a_name_a_screen_reader_can_read(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences
) -> None:
    dialog = open_form(qtbot, editor, preferences)
    inputs = [
        widget
        for kind in (
            QAbstractSpinBox,
            QComboBox,
            QAbstractButton,
            QAbstractSlider,
            QPlainTextEdit,
            QTreeWidget,
        )
        for widget in dialog.findChildren(kind)
        if not isinstance(widget, QScrollBar)
    ]
    assert len(inputs) > 30
    unnamed = [
        widget
        for widget in inputs
        if not widget.accessibleName()
        and not (isinstance(widget, QAbstractButton) and widget.text())
    ]
    assert unnamed == []


def test_a_cramp_entered_by_keyboard_alone_is_stored_with_every_detail(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    dialog = open_form(qtbot, editor, preferences)
    dialog.start_edit.setFocus(Qt.FocusReason.TabFocusReason)

    # 11 March, 02:10: day section first, then Tab Tab to the hour; the night label follows.
    type_text(qtbot, "11")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "0210")
    assert dialog.night_label.text() == "Night of Tuesday 10 March"
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.duration_min
    type_text(qtbot, "1")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "35")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.muscle
    type_text(qtbot, "ham")  # type-to-search offers "Hamstring"
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.muscle.currentText() == "Hamstring"
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.when.map_button  # the body map, beside the muscle
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.side_buttons[Side.NOT_APPLICABLE]
    press(qtbot, Qt.Key.Key_Left)  # Both
    press(qtbot, Qt.Key.Key_Left)  # Right
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.intensity.slider
    for _ in range(7):
        press(qtbot, Qt.Key.Key_Right)
    assert dialog.intensity.number.text() == "7"
    press(qtbot, Qt.Key.Key_Tab)  # "Not rated", now unticked
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.woke
    type_text(qtbot, "Yes")  # three answers: not recorded, yes, no
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Asleep")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Thirsty")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.symptoms
    press(qtbot, Qt.Key.Key_Down)  # Tingling (pins and needles)
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.notes
    type_text(qtbot, "After a long walk.")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.triggers
    press(qtbot, Qt.Key.Key_Space)  # Overuse or muscle fatigue
    press(qtbot, Qt.Key.Key_Tab)  # "Add your own trigger…"
    press(qtbot, Qt.Key.Key_Tab)  # Stopping the activity
    press(qtbot, Qt.Key.Key_Tab)  # Gentle stretching
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.reliefs.row_widgets("relief.stretch")[1]
    type_text(qtbot, "Helped")

    with qtbot.wait_signal(dialog.accepted):
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    [stored] = diary.list_episodes()
    assert stored == dialog.saved_episode
    assert stored.start_local == datetime(2026, 3, 11, 2, 10)
    assert stored.utc_offset_min == 0
    assert stored.duration_s == 95
    assert stored.muscle == "muscle.hamstring"
    assert stored.side is Side.RIGHT
    assert stored.intensity == 7
    assert stored.woke_from_sleep is True
    assert stored.activity == "activity.asleep"
    assert stored.hydration is Hydration.THIRSTY
    assert stored.symptoms == ("symptom.tingling",)
    assert stored.triggers == ("trigger.overuse",)
    assert stored.reliefs == (("relief.stretch", ReliefRating.HELPED),)
    assert stored.notes == "After a long walk."
    assert not stored.to_review
    assert diary.night_of(stored).isoformat() == "2026-03-10"
    assert preferences.last_muscle == "muscle.hamstring"
    assert preferences.last_side is Side.RIGHT


def test_ctrl_enter_saves_from_the_notes_where_enter_starts_a_new_line(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    preferences.last_muscle = "muscle.calf"
    dialog = open_form(qtbot, editor, preferences)
    dialog.notes.setFocus()
    type_text(qtbot, "first line")
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "second line")
    assert dialog.isVisible()
    assert diary.count_episodes() == 0
    with qtbot.wait_signal(dialog.accepted):
        press(qtbot, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    [stored] = diary.list_episodes()
    assert stored.notes == "first line\nsecond line"
    assert stored.muscle == "muscle.calf"  # remembered from last time


# -- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "seconds", "field", "message"),
    [
        (None, None, "start", "The start time is in the future."),
        (0, 0, "duration", "Duration must be between 1 second and 24 hours."),
        (1441, 0, "duration", "Duration must be between 1 second and 24 hours."),
    ],
    ids=["start-in-the-future", "zero-duration", "over-24-hours"],
)
def test_bad_input_is_explained_beside_its_field_and_nothing_is_saved(
    qtbot: QtBot,
    editor: DiaryEditor,
    preferences: Preferences,
    diary: Diary,
    minutes: int | None,
    seconds: int | None,
    field: str,
    message: str,
) -> None:
    preferences.last_muscle = "muscle.calf"
    dialog = open_form(qtbot, editor, preferences)
    if field == "start":
        dialog.start_edit.setDateTime(dialog.start_edit.dateTime().addDays(1))
    else:
        dialog.start_edit.setDateTime(dialog.start_edit.dateTime().addDays(-2))
        dialog.duration_min.set_number(minutes)
        dialog.duration_sec.set_number(seconds)
    dialog.notes.setPlainText("kept as typed")

    dialog.notes.setFocus()
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    error = dialog.findChild(widgets.FieldError, f"{field}Error")
    assert error is not None
    assert error.isVisible()
    assert error.text() == message
    assert error.textFormat() == Qt.TextFormat.PlainText
    assert message in error.accessibleName()
    assert dialog.visible_errors() == {field: message}
    expected_focus = dialog.start_edit if field == "start" else dialog.duration_min
    assert focused() is expected_focus
    assert expected_focus.accessibleDescription() == message
    assert diary.count_episodes() == 0
    assert editor.undo_stack.count() == 0
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.notes.toPlainText() == "kept as typed"

    # Put right, it saves and the message goes.
    dialog.start_edit.setDateTime(dialog.start_edit.dateTime().addDays(-3))
    dialog.duration_min.set_number(2)
    dialog.duration_sec.set_number(0)
    with qtbot.wait_signal(dialog.accepted):
        dialog.save()
    assert not error.isVisible()
    assert diary.count_episodes() == 1


def test_no_muscle_or_an_unknown_one_is_refused_beside_the_muscle(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    dialog = open_form(qtbot, editor, preferences)
    dialog.muscle.setEditText("")
    dialog.save()
    assert dialog.visible_errors() == {"muscle": "Choose the muscle that cramped."}
    dialog.muscle.setEditText("elbow <b>pit</b>")
    dialog.save()
    assert dialog.visible_errors() == {
        "muscle": "“elbow <b>pit</b>” is not in the list of muscles; pick one from the list."
    }
    assert focused() is dialog.muscle
    assert diary.count_episodes() == 0
    dialog.muscle.setEditText("charley horse")  # a synonym the checklist knows
    with qtbot.wait_signal(dialog.accepted):
        dialog.save()
    assert diary.list_episodes()[0].muscle == "muscle.calf"


HUGE = ("Line of notes with ünïcödé and <tags>.\n" * 27_000)[:1_000_000]


@pytest.mark.parametrize(
    "notes",
    [
        "<b>x</b>",
        "<img src='file:///etc/passwd'> & &amp; <script>alert(1)</script>",
        "Calf again 🦵😖 — woke at 3",
        "تشنج في عضلة الساق اليسرى",
        HUGE,
    ],
    ids=["bold-tag", "img-tag", "emoji", "right-to-left", "one-megabyte"],
)
def test_notes_are_stored_exactly_and_shown_literally(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary, notes: str
) -> None:
    preferences.last_muscle = "muscle.foot"
    dialog = open_form(qtbot, editor, preferences)
    dialog.notes.setPlainText(notes)
    with qtbot.wait_signal(dialog.accepted):
        dialog.save()
    assert dialog.saved_episode is not None
    stored = diary.get_episode(dialog.saved_episode.id)
    assert stored.notes == notes

    again = open_form(qtbot, editor, preferences, episode=stored)
    assert again.notes.toPlainText() == notes
    assert again.draft_state()["notes"] == notes


def test_your_own_trigger_is_added_ticked_and_shown_literally(
    qtbot: QtBot,
    editor: DiaryEditor,
    preferences: Preferences,
    diary: Diary,
    prompts: Prompts,
) -> None:
    preferences.last_muscle = "muscle.calf"
    dialog = open_form(qtbot, editor, preferences)
    prompts.texts = ["<i>Red</i> wine"]
    with qtbot.wait_signal(editor.changed) as changed:
        qtbot.mouseClick(dialog.add_trigger, Qt.MouseButton.LeftButton)
    assert changed.args == [VOCABULARY]
    [own] = diary.custom_items(VocabularyKind.TRIGGER)
    assert own.label == "<i>Red</i> wine"
    item = dialog.triggers.item_for(own.code)
    assert item is not None
    assert item.text(0) == "<i>Red</i> wine"
    assert item.toolTip(0) == ""  # a person's own words never become a (rich-text) tooltip
    assert dialog.triggers.checked() == [own.code]
    # The word went through the undo stack like every other edit.
    assert editor.undo_stack.undoText() == "add “<i>Red</i> wine”"

    # Asking for the same words again ticks the existing one instead of doubling it.
    prompts.texts = ["<i>red</i>  WINE"]
    qtbot.mouseClick(dialog.add_trigger, Qt.MouseButton.LeftButton)
    assert len(diary.custom_items(VocabularyKind.TRIGGER)) == 1
    with qtbot.wait_signal(dialog.accepted):
        dialog.save()
    assert diary.list_episodes()[0].triggers == (own.code,)


# -- editing ----------------------------------------------------------------------------------


def test_editing_a_quick_logged_cramp_fills_the_form_and_marks_it_reviewed(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    quick = editor.add_episode(
        EpisodeInput(
            start=datetime(2026, 3, 12, 2, 10, 30, tzinfo=LONDON),
            muscle="muscle.calf",
            side=Side.LEFT,
            reliefs=(("relief.massage", ReliefRating.A_LITTLE),),
            to_review=True,
        )
    )
    dialog = open_form(qtbot, editor, preferences, episode=quick)
    assert dialog.windowTitle() == "Edit a cramp"
    assert dialog.review_hint.isVisible()
    assert dialog.muscle.currentText() == "Calf"
    assert dialog.side_buttons[Side.LEFT].isChecked()
    assert dialog.night_label.text() == "Night of Wednesday 11 March"
    box, rating = dialog.reliefs.row_widgets("relief.massage")
    assert box.isChecked() and rating.currentText() == "Helped a little"
    assert dialog.intensity.number.text() == widgets.NOT_RATED_MARK
    assert dialog.duration_min.text() == "" and dialog.duration_sec.text() == ""

    dialog.intensity.set_value(6)
    dialog.duration_min.set_number(3)
    with qtbot.wait_signal(dialog.accepted):
        dialog.save()

    [stored] = diary.list_episodes()
    assert stored.id == quick.id and stored.uuid == quick.uuid
    assert stored.intensity == 6
    assert stored.duration_s == 180
    assert not stored.to_review
    # The start was not touched, so it keeps its seconds and its offset.
    assert stored.start_local == quick.start_local
    assert editor.undo_stack.count() == 2
    editor.undo_stack.undo()
    assert diary.get_episode(quick.id).to_review


# -- leaving ----------------------------------------------------------------------------------


def test_escape_closes_an_untouched_form_without_asking(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, prompts: Prompts
) -> None:
    dialog = open_form(qtbot, editor, preferences)
    with qtbot.wait_signal(dialog.rejected):
        press(qtbot, Qt.Key.Key_Escape)
    assert prompts.asked == []


def test_escape_asks_once_something_was_typed_and_keeps_the_form_if_told_to(
    qtbot: QtBot,
    editor: DiaryEditor,
    preferences: Preferences,
    diary: Diary,
    prompts: Prompts,
) -> None:
    dialog = open_form(qtbot, editor, preferences)
    dialog.notes.setFocus()
    type_text(qtbot, "ouch")
    prompts.discard_answers = [False]
    press(qtbot, Qt.Key.Key_Escape)
    assert len(prompts.asked) == 1
    assert dialog.isVisible()
    assert dialog.notes.toPlainText() == "ouch"

    prompts.discard_answers = [True]
    with qtbot.wait_signal(dialog.rejected):
        press(qtbot, Qt.Key.Key_Escape)
    assert len(prompts.asked) == 2
    assert diary.count_episodes() == 0


def test_a_form_opened_with_unsaved_values_asks_before_dropping_them(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, prompts: Prompts
) -> None:
    timed = EpisodeInput(start=NOW - timedelta(minutes=5), muscle="", duration_s=95)
    dialog = open_form(qtbot, editor, preferences, initial=timed)
    assert dialog.duration_min.number() == 1 and dialog.duration_sec.number() == 35
    prompts.discard_answers = [False]
    press(qtbot, Qt.Key.Key_Escape)
    assert prompts.asked and dialog.isVisible()


# -- drafts -----------------------------------------------------------------------------------


def test_a_draft_survives_a_round_trip_through_json(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    dialog = open_form(qtbot, editor, preferences)
    with qtbot.wait_signal(dialog.edited):
        dialog.muscle.set_code("muscle.foot")
    dialog.start_edit.setDateTime(dialog.start_edit.dateTime().addSecs(-3600))
    dialog.duration_sec.set_number(40)
    dialog.side_picker.set_value(Side.BOTH)
    dialog.intensity.set_value(3)
    dialog.woke.set_value(True)
    dialog.activity.set_value("activity.walking")
    dialog.hydration.set_value(Hydration.WELL)
    dialog.triggers.set_checked(["trigger.dehydration", "trigger.alcohol"])
    dialog.reliefs.set_value([("relief.heat", ReliefRating.NOT_HELPED), ("relief.cold", None)])
    dialog.symptoms.set_checked(["symptom.swelling"])
    dialog.notes.setPlainText("<b>draft</b> 🦶")
    state = dialog.draft_state()
    wire = json.loads(json.dumps(state))

    restored = open_form(qtbot, editor, preferences)
    assert not restored.is_changed()
    with qtbot.wait_signal(restored.edited):
        restored.restore_draft(wire)
    assert restored.draft_state() == state
    assert restored.is_changed()
    assert restored.entry() == dialog.entry()

    # A damaged draft restores what it can and never raises.
    broken = open_form(qtbot, editor, preferences)
    broken.restore_draft({"start": "yesterday", "intensity": 99, "triggers": "x", "side": 3})
    assert broken.intensity.value() is None
    assert broken.triggers.checked() == []


def test_hidden_own_words_are_not_offered_but_an_entry_using_them_keeps_them(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    muscle = diary.add_custom_item(VocabularyKind.MUSCLE, "Little toe")
    trigger = diary.add_custom_item(VocabularyKind.TRIGGER, "New shoes")
    stored = diary.add_episode(
        EpisodeInput(start=NOW - timedelta(hours=8), muscle=muscle.code, triggers=(trigger.code,))
    )
    diary.set_custom_item_hidden(muscle.code, True)
    diary.set_custom_item_hidden(trigger.code, True)

    fresh = open_form(qtbot, editor, preferences)
    assert "Little toe" not in [choice.label for choice in fresh.muscle.choices()]
    assert trigger.code not in fresh.triggers.codes()

    editing = open_form(qtbot, editor, preferences, episode=stored)
    assert editing.muscle.currentText() == "Little toe"
    assert editing.triggers.checked() == [trigger.code]
    assert trigger.code not in editing.reliefs.codes()  # a trigger never shows up as a relief
    editing.notes.setPlainText("still fine")
    with qtbot.wait_signal(editing.accepted):
        editing.save()
    assert diary.get_episode(stored.id).muscle == muscle.code


def test_enter_in_a_field_never_saves_but_enter_on_the_save_button_does(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    preferences.last_muscle = "muscle.calf"
    dialog = open_form(qtbot, editor, preferences)
    for field in (dialog.duration_min, dialog.muscle, dialog.activity):
        field.setFocus()
        press(qtbot, Qt.Key.Key_Return)
        assert dialog.isVisible()
    assert diary.count_episodes() == 0
    dialog.save_button.setFocus()
    with qtbot.wait_signal(dialog.accepted):
        press(qtbot, Qt.Key.Key_Return)
    assert diary.count_episodes() == 1


def test_a_problem_with_the_notes_is_scrolled_into_view_below_them(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences
) -> None:
    dialog = open_form(qtbot, editor, preferences)
    dialog.resize(940, 700)
    scroll = dialog.scroll_area.verticalScrollBar()
    room_before = scroll.maximum()
    message = "Notes are too long (20,001 characters; the limit is 20,000)."
    dialog.show_error("notes", message)
    error = dialog.findChild(widgets.FieldError, "notesError")
    assert error is not None and error.text() == message
    # The message appears under the notes and the form grows to make room for it; once it
    # has, the message is scrolled to, not left just below the visible part.
    qtbot.wait_until(lambda: scroll.maximum() > room_before)
    qtbot.wait_until(lambda: error.visibleRegion().boundingRect().height() == error.height())
    assert focused() is dialog.notes


def test_the_body_map_button_fills_in_muscle_and_side_and_cancel_changes_nothing(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences
) -> None:
    form = open_form(qtbot, editor, preferences)
    form.muscle.set_code("muscle.calf")
    form.side_picker.set_value(Side.RIGHT)
    assert form.when.map_button.text() == "Show on the &body…"

    qtbot.mouseClick(form.when.map_button, Qt.MouseButton.LeftButton)
    first = form.when.body_map_dialog
    assert first is not None
    qtbot.add_widget(first)
    qtbot.wait_until(first.isVisible)
    chosen = first.body_map.chosen()
    assert chosen is not None and chosen.name == "Calf, right"  # what the form holds
    first.reject()
    assert form.muscle.currentText() == "Calf" and form.side() is Side.RIGHT

    qtbot.mouseClick(form.when.map_button, Qt.MouseButton.LeftButton)
    second = form.when.body_map_dialog
    assert second is not None and second is not first
    qtbot.add_widget(second)
    qtbot.wait_until(second.isVisible)
    hand = second.body_map.region("muscle.hand", Side.LEFT)
    assert hand is not None
    qtbot.mouseClick(hand, Qt.MouseButton.LeftButton, pos=hand.rect().center())
    qtbot.wait_until(lambda: not second.isVisible())
    assert form.muscle.currentText() == "Hand or fingers"
    assert form.side() is Side.LEFT


def test_a_start_changed_by_hand_is_saved_to_the_minute(
    qtbot: QtBot, data_dir: Any, preferences: Preferences
) -> None:
    # The field shows no seconds; the moment the form opened (02:25:59) must not leak into
    # a time the person typed.
    opened = Diary.open(data_dir, clock=lambda: datetime(2026, 3, 12, 2, 25, 59, tzinfo=LONDON))
    try:
        preferences.last_muscle = "muscle.calf"
        dialog = open_form(qtbot, DiaryEditor(opened), preferences)
        dialog.start_edit.setDateTime(dialog.start_edit.dateTime().addSecs(-15 * 60))
        with qtbot.wait_signal(dialog.accepted):
            dialog.save()
        [stored] = opened.list_episodes()
        assert stored.start_local == datetime(2026, 3, 12, 2, 10)
    finally:
        opened.close()


def test_a_date_only_cramp_stays_time_not_noted_until_a_time_is_set(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    from cramplog.core import nights

    start = nights.date_only_start(datetime(2026, 3, 11).date()).replace(tzinfo=LONDON)
    stored = editor.add_episode(EpisodeInput(start=start, muscle="muscle.calf", time_noted=False))
    dialog = open_form(qtbot, editor, preferences, episode=stored)
    assert "time not noted" in dialog.night_label.text()
    dialog.intensity.set_value(4)
    with qtbot.wait_signal(dialog.accepted):
        dialog.save()
    assert not diary.get_episode(stored.id).time_noted

    dialog = open_form(qtbot, editor, preferences, episode=diary.get_episode(stored.id))
    dialog.start_edit.setTime(dialog.start_edit.time().addSecs(3 * 3600 + 600))
    assert "time not noted" not in dialog.night_label.text()
    with qtbot.wait_signal(dialog.accepted):
        dialog.save()
    edited = diary.get_episode(stored.id)
    assert edited.time_noted and edited.clock_text == "03:10"
