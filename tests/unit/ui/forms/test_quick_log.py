"""The quick log: open, pick the muscle, Enter — a cramp is in the diary, marked to review."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QApplication, QComboBox, QDialog
from pytestqt.qtbot import QtBot

from cramplog.core.records import EpisodeInput, Side
from cramplog.diary.service import Diary
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.forms.quick_log import QuickLogDialog
from cramplog.ui.preferences import Preferences
from cramplog.ui.widgets import common as widgets
from cramplog.ui.widgets.episode_model import EpisodeTableModel
from cramplog.ui.widgets.episode_rows import MUSCLE, WOKE
from tests.conftest import LONDON, NOW


@pytest.fixture
def editor(diary: Diary) -> DiaryEditor:
    return DiaryEditor(diary)


@pytest.fixture(autouse=True)
def _no_real_prompts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(widgets, "confirm_discard", lambda _parent, _question: True)


def open_quick_log(qtbot: QtBot, editor: DiaryEditor, preferences: Any) -> QuickLogDialog:
    """What Ctrl+N in the main window does."""
    dialog = QuickLogDialog(editor, preferences)
    qtbot.add_widget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.wait_until(dialog.isActiveWindow)
    return dialog


def press_enter(qtbot: QtBot) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, Qt.Key.Key_Return)


def test_three_actions_log_a_cramp_and_the_muscle_is_remembered_next_time(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    # Action 1: open (Ctrl+N). The time is already filled in.
    dialog = open_quick_log(qtbot, editor, preferences)
    assert dialog.start_edit.dateTime().toString("d MMM yyyy HH:mm") == "12 Mar 2026 09:30"
    assert dialog.night_label.text() == "Night of Wednesday 11 March"
    assert dialog.offset_buttons[timedelta(0)].isChecked()
    assert dialog.save_button.isDefault()
    assert list(dialog.muscle_buttons) == [
        "muscle.calf",
        "muscle.foot",
        "muscle.hamstring",
        "muscle.thigh",
    ]

    # Action 2: pick the muscle. Action 3: Enter.
    qtbot.mouseClick(dialog.muscle_buttons["muscle.calf"], Qt.MouseButton.LeftButton)
    assert dialog.muscle.currentText() == "Calf"
    with qtbot.wait_signal(dialog.accepted):
        press_enter(qtbot)

    [stored] = diary.list_episodes()
    assert stored == dialog.saved_episode
    assert stored.muscle == "muscle.calf"
    assert stored.to_review
    assert stored.start_local == NOW.replace(tzinfo=None)
    assert stored.duration_s is None and stored.intensity is None
    assert editor.undo_stack.count() == 1

    # Next time the muscle is already chosen: open and Enter are enough.
    again = open_quick_log(qtbot, editor, preferences)
    assert again.muscle_buttons["muscle.calf"].isChecked()
    assert QApplication.focusWidget() is again.muscle_buttons["muscle.calf"]
    with qtbot.wait_signal(again.accepted):
        press_enter(qtbot)
    assert [e.muscle for e in diary.list_episodes()] == ["muscle.calf", "muscle.calf"]


def test_side_is_remembered_from_last_time(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    dialog = open_quick_log(qtbot, editor, preferences)
    assert dialog.side_buttons[Side.NOT_APPLICABLE].isChecked()  # the default side setting
    qtbot.mouseClick(dialog.muscle_buttons["muscle.foot"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.side_buttons[Side.LEFT], Qt.MouseButton.LeftButton)
    assert not dialog.side_buttons[Side.NOT_APPLICABLE].isChecked()
    with qtbot.wait_signal(dialog.accepted):
        press_enter(qtbot)
    assert diary.list_episodes()[0].side is Side.LEFT

    again = open_quick_log(qtbot, editor, preferences)
    assert again.side_buttons[Side.LEFT].isChecked()
    assert again.muscle_buttons["muscle.foot"].isChecked()


@pytest.mark.parametrize(
    ("offset", "night_label"),
    [
        (timedelta(minutes=15), "Night of Wednesday 11 March"),
        (timedelta(minutes=30), "Night of Wednesday 11 March"),
        (timedelta(hours=1), "Night of Wednesday 11 March"),
    ],
)
def test_a_one_click_offset_moves_the_stored_time(
    qtbot: QtBot,
    editor: DiaryEditor,
    preferences: Preferences,
    diary: Diary,
    offset: timedelta,
    night_label: str,
) -> None:
    preferences.last_muscle = "muscle.calf"
    dialog = open_quick_log(qtbot, editor, preferences)
    qtbot.mouseClick(dialog.offset_buttons[offset], Qt.MouseButton.LeftButton)
    expected = NOW - offset
    assert dialog.start_edit.dateTime().toString("HH:mm") == f"{expected:%H:%M}"
    assert dialog.night_label.text() == night_label
    assert not dialog.offset_buttons[timedelta(0)].isChecked()
    with qtbot.wait_signal(dialog.accepted):
        press_enter(qtbot)
    assert diary.list_episodes()[0].start_local == expected.replace(tzinfo=None)


def test_a_time_typed_by_hand_is_used_and_a_future_one_refused_beside_it(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    preferences.last_muscle = "muscle.calf"
    dialog = open_quick_log(qtbot, editor, preferences)
    dialog.start_edit.setDateTime(dialog.start_edit.dateTime().addDays(1))
    assert not any(button.isChecked() for button in dialog.offset_buttons.values())
    dialog.save()
    assert dialog.start_error.isVisible()
    assert dialog.start_error.text() == "The start time is in the future."
    assert QApplication.focusWidget() is dialog.start_edit
    assert diary.count_episodes() == 0
    assert dialog.isVisible()

    dialog.start_edit.setDateTime(dialog.start_edit.dateTime().addDays(-1).addSecs(-7 * 3600))
    assert dialog.night_label.text() == "Night of Wednesday 11 March"
    with qtbot.wait_signal(dialog.accepted):
        dialog.save()
    assert diary.list_episodes()[0].start_local == datetime(2026, 3, 12, 2, 30)


def test_without_a_muscle_enter_explains_and_saves_nothing(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    dialog = open_quick_log(qtbot, editor, preferences)
    assert not any(button.isChecked() for button in dialog.muscle_buttons.values())
    press_enter(qtbot)
    assert dialog.muscle_error.isVisible()
    assert dialog.muscle_error.text() == "Choose the muscle that cramped."
    assert diary.count_episodes() == 0
    assert dialog.isVisible()


def test_a_less_common_muscle_comes_from_the_list(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    dialog = open_quick_log(qtbot, editor, preferences)
    dialog.muscle.setFocus()
    qtbot.keyClicks(dialog.muscle, "Neck")
    assert not any(button.isChecked() for button in dialog.muscle_buttons.values())
    with qtbot.wait_signal(dialog.accepted):
        dialog.save()
    assert diary.list_episodes()[0].muscle == "muscle.neck"


def test_the_big_buttons_are_this_person_s_four_most_common_muscles_with_alt_keys(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    logged = {"muscle.neck": 3, "muscle.hand": 2, "muscle.foot": 2, "muscle.abdomen": 1}
    hours = 30
    for muscle, times in logged.items():
        for _ in range(times):
            diary.add_episode(EpisodeInput(start=NOW - timedelta(hours=hours), muscle=muscle))
            hours += 24
    diary.add_episode(EpisodeInput(start=NOW - timedelta(hours=hours), muscle="muscle.face"))
    dialog = open_quick_log(qtbot, editor, preferences)
    # The face, logged once and least, gives way; checklist order keeps the buttons still.
    assert list(dialog.muscle_buttons) == [
        "muscle.foot",
        "muscle.hand",
        "muscle.abdomen",
        "muscle.neck",
    ]
    texts = [button.text() for button in dialog.muscle_buttons.values()]
    assert texts == ["&Foot or toes", "&Hand or fingers", "&Abdomen", "&Neck"]
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.wait_until(lambda: dialog.muscle.currentText() == "Neck")
    assert dialog.side_buttons[Side.NOT_APPLICABLE].isChecked()  # the neck has no side


def test_a_fresh_diary_offers_the_usual_leg_muscles_with_alt_keys_that_do_not_clash(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences
) -> None:
    dialog = open_quick_log(qtbot, editor, preferences)
    texts = [button.text() for button in dialog.muscle_buttons.values()]
    assert texts == ["&Calf", "&Foot or toes", "&Hamstring", "&Thigh (quadriceps)"]
    others = [dialog.details_button.text(), "&Other muscle:", "&Side", "&When"]
    letters = [t[t.index("&") + 1].casefold() for t in texts + others]
    assert len(letters) == len(set(letters))


def test_side_follows_the_side_this_person_usually_cramps_that_muscle_on(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    for hours, muscle, side in (
        (30, "muscle.calf", Side.RIGHT),
        (54, "muscle.calf", Side.RIGHT),
        (78, "muscle.calf", Side.LEFT),
        (102, "muscle.foot", Side.LEFT),
    ):
        diary.add_episode(
            EpisodeInput(start=NOW - timedelta(hours=hours), muscle=muscle, side=side)
        )
    preferences.last_muscle = "muscle.calf"
    preferences.last_side = Side.LEFT
    dialog = open_quick_log(qtbot, editor, preferences)
    assert dialog.side_buttons[Side.RIGHT].isChecked()  # calves: right twice, left once
    qtbot.mouseClick(dialog.muscle_buttons["muscle.foot"], Qt.MouseButton.LeftButton)
    assert dialog.side_buttons[Side.LEFT].isChecked()
    assert dialog.body_map.chosen() is dialog.body_map.region("muscle.foot", Side.LEFT)
    qtbot.mouseClick(dialog.muscle_buttons["muscle.calf"], Qt.MouseButton.LeftButton)
    assert dialog.side_buttons[Side.RIGHT].isChecked()
    with qtbot.wait_signal(dialog.accepted):
        press_enter(qtbot)
    saved = dialog.saved_episode
    assert saved is not None and (saved.muscle, saved.side) == ("muscle.calf", Side.RIGHT)


def test_ctrl_n_then_the_right_calf_on_the_body_map_then_enter_logs_it_in_three_actions(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    # Action 1: Ctrl+N opens the quick log with the time filled in.
    dialog = open_quick_log(qtbot, editor, preferences)
    assert dialog.start_edit.dateTime().toString("d MMM yyyy HH:mm") == "12 Mar 2026 09:30"
    # Action 2: click the right calf on the back view.
    calf = dialog.body_map.region("muscle.calf", Side.RIGHT)
    assert calf is not None
    qtbot.mouseClick(calf, Qt.MouseButton.LeftButton, pos=inside(calf))
    assert dialog.muscle.currentText() == "Calf"
    assert dialog.side_buttons[Side.RIGHT].isChecked()
    assert dialog.muscle_buttons["muscle.calf"].isChecked()
    assert dialog.body_map.name_label.text() == "Calf, right"
    # Action 3: Enter saves (the focus is on the map; the dialog's default button takes it).
    with qtbot.wait_signal(dialog.accepted):
        press_enter(qtbot)
    [stored] = diary.list_episodes()
    assert (stored.muscle, stored.side) == ("muscle.calf", Side.RIGHT)
    assert stored.start_local == NOW.replace(tzinfo=None)
    assert stored.to_review
    assert editor.undo_stack.count() == 1


def inside(button: QAbstractButton) -> QPoint:
    """A point inside a body map region's outline, where a person would click."""
    box = button.rect()
    return next(
        QPoint(x, y)
        for y in range(box.height() // 2, box.height())
        for x in range(box.width())
        if button.hitButton(QPoint(x, y))
    )


def test_more_details_swaps_in_the_full_form_with_the_choices_carried_over(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    dialog = open_quick_log(qtbot, editor, preferences)
    qtbot.mouseClick(dialog.muscle_buttons["muscle.hamstring"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.side_buttons[Side.RIGHT], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.offset_buttons[timedelta(minutes=30)], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)

    form = dialog.details_form
    assert form is not None
    qtbot.add_widget(form)
    qtbot.wait_until(form.isVisible)
    assert not dialog.isVisible()
    assert form.muscle.currentText() == "Hamstring"
    assert form.side_buttons[Side.RIGHT].isChecked()
    assert form.start_edit.dateTime().toString("HH:mm") == "09:00"
    form.intensity.set_value(8)
    with qtbot.wait_signal(dialog.accepted):
        form.save()

    [stored] = diary.list_episodes()
    assert dialog.saved_episode == stored
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert stored.intensity == 8
    assert not stored.to_review  # the details are in, nothing left to review
    assert stored.start_local == datetime(2026, 3, 12, 9, 0)
    assert stored.start_local.replace(tzinfo=LONDON).utcoffset() == timedelta(0)


def test_one_hour_ago_is_an_hour_of_real_time_across_the_spring_clock_change(
    qtbot: QtBot, tmp_path: Path, preferences: Preferences
) -> None:
    # 02:30 BST on 29 March 2026 is 01:30 UTC; an hour earlier the clocks still read GMT.
    moment = datetime(2026, 3, 29, 2, 30, tzinfo=LONDON)
    diary = Diary.open(tmp_path / "dst", clock=lambda: moment)
    try:
        preferences.last_muscle = "muscle.calf"
        dialog = open_quick_log(qtbot, DiaryEditor(diary), preferences)
        qtbot.mouseClick(dialog.offset_buttons[timedelta(hours=1)], Qt.MouseButton.LeftButton)
        assert dialog.start_edit.dateTime().toString("HH:mm") == "00:30"
        with qtbot.wait_signal(dialog.accepted):
            dialog.save()
        [stored] = diary.list_episodes()
        assert (stored.start_local, stored.utc_offset_min) == (datetime(2026, 3, 29, 0, 30), 0)
    finally:
        diary.close()


def test_every_control_of_the_quick_log_has_a_readable_name(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences
) -> None:
    dialog = open_quick_log(qtbot, editor, preferences)
    controls = [
        *dialog.findChildren(QAbstractButton),
        *dialog.findChildren(QComboBox),
        *dialog.findChildren(QAbstractSpinBox),
    ]
    assert len(controls) > 12
    assert [c for c in controls if not c.accessibleName() and not getattr(c, "text", str)()] == []
    # Big enough to hit half awake.
    assert all(button.height() >= 38 for button in dialog.muscle_buttons.values())


def test_a_quick_log_never_answers_did_it_wake_you_and_the_list_leaves_it_blank(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    dialog = open_quick_log(qtbot, editor, preferences)
    qtbot.mouseClick(dialog.muscle_buttons["muscle.foot"], Qt.MouseButton.LeftButton)
    with qtbot.wait_signal(dialog.accepted):
        press_enter(qtbot)
    [stored] = diary.list_episodes()
    assert stored.woke_from_sleep is None  # not asked, so not "No"

    answered = diary.add_episode(
        EpisodeInput(start=NOW - timedelta(hours=7), muscle="muscle.calf", woke_from_sleep=False)
    )
    model = EpisodeTableModel(label=diary.label, night_of=diary.night_of)
    model.set_rows([stored, answered])
    woke = {
        model.index(row, MUSCLE).data(): model.index(row, WOKE).data()
        for row in range(model.rowCount())
    }
    assert woke == {"Foot or toes": "", "Calf": "No"}


def test_tab_reaches_the_body_map_after_the_list_and_arrows_then_enter_save(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    from cramplog.ui.widgets.body_map import RegionButton

    dialog = open_quick_log(qtbot, editor, preferences)
    dialog.muscle.setFocus()
    qtbot.keyClick(dialog.muscle, Qt.Key.Key_Tab)
    region = QApplication.focusWidget()
    assert isinstance(region, RegionButton)
    qtbot.keyClicks(region, "hams")  # type-ahead to the hamstrings
    region = QApplication.focusWidget()
    assert isinstance(region, RegionButton) and region.name.startswith("Hamstring")
    with qtbot.wait_signal(dialog.accepted):
        qtbot.keyClick(region, Qt.Key.Key_Return)
    [stored] = diary.list_episodes()
    assert (stored.muscle, stored.side) == ("muscle.hamstring", region.region.side)


@pytest.fixture
def diary_at_2_25_59(data_dir: Path) -> Any:
    opened = Diary.open(data_dir, clock=lambda: datetime(2026, 3, 12, 2, 25, 59, tzinfo=LONDON))
    yield opened
    opened.close()


def test_a_backdated_or_typed_time_is_kept_to_the_minute_not_the_opening_seconds(
    qtbot: QtBot, diary_at_2_25_59: Diary, preferences: Preferences
) -> None:
    # The field shows hours and minutes only: seconds nobody can see must not be saved.
    editor = DiaryEditor(diary_at_2_25_59)
    preferences.last_muscle = "muscle.calf"
    dialog = open_quick_log(qtbot, editor, preferences)
    qtbot.mouseClick(dialog.offset_buttons[timedelta(minutes=15)], Qt.MouseButton.LeftButton)
    with qtbot.wait_signal(dialog.accepted):
        press_enter(qtbot)
    assert diary_at_2_25_59.list_episodes()[0].start_local == datetime(2026, 3, 12, 2, 10)

    dialog = open_quick_log(qtbot, editor, preferences)
    dialog.start_edit.setDateTime(dialog.start_edit.dateTime().addSecs(-3600))  # as if typed
    with qtbot.wait_signal(dialog.accepted):
        press_enter(qtbot)
    starts = sorted(e.start_local for e in diary_at_2_25_59.list_episodes())
    assert starts == [datetime(2026, 3, 12, 1, 25), datetime(2026, 3, 12, 2, 10)]


def test_a_cleared_message_leaves_no_gap(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences
) -> None:
    dialog = open_quick_log(qtbot, editor, preferences)
    height = dialog.height()
    side = dialog.side_buttons[Side.LEFT]
    side_y = side.mapTo(dialog, side.rect().topLeft()).y()
    press_enter(qtbot)  # no muscle: the message shows and pushes what follows down
    qtbot.wait_until(dialog.muscle_error.isVisible)
    qtbot.wait_until(lambda: side.mapTo(dialog, side.rect().topLeft()).y() > side_y)
    qtbot.mouseClick(next(iter(dialog.muscle_buttons.values())), Qt.MouseButton.LeftButton)
    assert dialog.muscle_error.isHidden()
    qtbot.wait_until(lambda: dialog.height() == height)
    assert side.mapTo(dialog, side.rect().topLeft()).y() == side_y


def test_a_calf_logged_without_a_side_reads_side_not_noted_never_not_applicable(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    # Open, Calf, Enter: no side was given. "Not applicable" would tell a GP the calf had
    # none; the choice left standing says what is true, that no side was noted.
    dialog = open_quick_log(qtbot, editor, preferences)
    qtbot.mouseClick(dialog.muscle_buttons["muscle.calf"], Qt.MouseButton.LeftButton)
    chosen = [b.text() for b in dialog.side_buttons.values() if b.isChecked()]
    assert chosen == ["Not noted"]
    with qtbot.wait_signal(dialog.accepted):
        press_enter(qtbot)
    [stored] = diary.list_episodes()
    assert stored.side is Side.NOT_APPLICABLE
    assert stored.side.label == "Not noted"
    assert all("applicable" not in b.text() for b in dialog.side_buttons.values())


def test_the_quick_log_fits_a_600_pixel_screen_with_save_on_it(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences
) -> None:
    # 600 pixels less a title bar and a panel (28 each): Save, the dialog's last row, was
    # below the screen's edge at the old 578-pixel minimum.
    dialog = open_quick_log(qtbot, editor, preferences)
    assert dialog.minimumSizeHint().height() <= 600 - 2 * 28
    dialog.resize(dialog.minimumSizeHint())
    qtbot.wait_until(lambda: dialog.height() == dialog.minimumSizeHint().height())
    assert dialog.save_button.geometry().bottom() < dialog.height()
    assert not dialog.save_button.visibleRegion().isEmpty()
