"""Reviewing missed nights together: only what is ticked is saved, in one undoable step."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from cramplog.core.records import DayFactors, EpisodeInput
from cramplog.diary.service import Diary
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.forms.missed_nights import MissedNightsDialog, read_missed_nights
from tests.conftest import LONDON

MON, TUE, WED = date(2026, 3, 9), date(2026, 3, 10), date(2026, 3, 11)


@pytest.fixture
def editor(diary: Diary) -> DiaryEditor:
    return DiaryEditor(diary)


def open_dialog(qtbot: QtBot, editor: DiaryEditor, nights: list[date]) -> MissedNightsDialog:
    dialog = MissedNightsDialog(editor, nights)
    qtbot.add_widget(dialog)
    dialog.show()
    return dialog


def test_saving_with_nothing_ticked_explains_and_changes_nothing(
    qtbot: QtBot, editor: DiaryEditor, diary: Diary
) -> None:
    dialog = open_dialog(qtbot, editor, [MON, TUE])
    dialog.save_button.click()
    assert dialog.error.text() == "Tick the nights you can vouch for, or press Cancel."
    assert dialog.isVisible()
    assert diary.list_days() == []
    assert editor.undo_stack.count() == 0


def test_a_night_with_cramps_says_how_many_and_keeps_its_factors_when_reviewed(
    qtbot: QtBot, editor: DiaryEditor, diary: Diary
) -> None:
    for hour in (1, 4):
        diary.add_episode(
            EpisodeInput(start=datetime(2026, 3, 10, hour, tzinfo=LONDON), muscle="muscle.foot")
        )
    diary.set_day(MON, DayFactors(alcohol_units=3))
    dialog = open_dialog(qtbot, editor, [MON, TUE])
    notes = [label.text() for label in dialog.findChildren(QLabel)]
    assert "2 cramps logged; tick if none is missing" in notes
    assert "no cramp logged" in notes
    dialog.boxes[MON].setChecked(True)
    dialog.boxes[date(2026, 3, 9)].setChecked(True)
    dialog.save_button.click()
    monday = diary.get_day(MON)
    assert monday is not None and monday.factors.reviewed and monday.factors.alcohol_units == 3
    assert diary.get_day(TUE) is None  # left unticked: still unknown

    editor.undo_stack.undo()
    monday = diary.get_day(MON)
    assert monday is not None and not monday.factors.reviewed
    assert monday.factors.alcohol_units == 3


def test_a_night_not_over_yet_is_refused_and_nothing_is_saved(
    qtbot: QtBot, editor: DiaryEditor, diary: Diary
) -> None:
    tonight = date(2026, 3, 12)
    dialog = open_dialog(qtbot, editor, [WED, tonight])
    for box in dialog.boxes.values():
        box.setChecked(True)
    dialog.save_button.click()
    assert dialog.error.text() == (
        "The night of Thu 12 Mar 2026 is not over yet, so it cannot be reviewed."
    )
    assert diary.list_days() == []
    assert editor.undo_stack.count() == 0


def test_missed_nights_go_back_to_the_last_reviewed_night_or_the_first_one_known(
    diary: Diary,
) -> None:
    assert read_missed_nights(diary) == [WED]  # a fresh diary: only last night
    diary.add_episode(
        EpisodeInput(start=datetime(2026, 3, 8, 2, tzinfo=LONDON), muscle="muscle.calf")
    )
    assert read_missed_nights(diary) == [date(2026, 3, 7), date(2026, 3, 8), MON, TUE, WED]
    diary.mark_cramp_free(date(2026, 3, 8) + timedelta(days=1))
    assert read_missed_nights(diary) == [TUE, WED]
    diary.mark_cramp_free(WED)
    assert read_missed_nights(diary) == []
