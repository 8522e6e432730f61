"""Review any night: pick a past night on the calendar and its review opens."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from cramplog.diary.service import Diary
from cramplog.ui.dialogs.night_calendar import NightCalendarDialog
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.forms.night_review import NightReviewDialog
from cramplog.ui.preferences import Preferences


@pytest.fixture
def editor(diary: Diary) -> DiaryEditor:
    return DiaryEditor(diary)


def open_calendar(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences
) -> NightCalendarDialog:
    dialog = NightCalendarDialog(editor, preferences)
    qtbot.add_widget(dialog)
    dialog.show()
    return dialog


def test_a_past_night_opens_its_review_and_marking_it_cramp_free_recolours_it(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    dialog = open_calendar(qtbot, editor, preferences)
    dialog.calendar.setSelectedDate(QDate(2026, 3, 3))
    assert dialog.summary.text() == "Night of Tuesday 3 March: Not recorded."
    dialog.open_button.click()
    review = dialog.review
    assert isinstance(review, NightReviewDialog)
    qtbot.add_widget(review)
    assert review.night == date(2026, 3, 3)
    editor.mark_cramp_free(date(2026, 3, 3))
    assert dialog.summary.text() == "Night of Tuesday 3 March: Reviewed, cramp-free."


def test_a_night_not_over_yet_is_refused_with_a_message(
    qtbot: QtBot, editor: DiaryEditor, preferences: Preferences, diary: Diary
) -> None:
    dialog = open_calendar(qtbot, editor, preferences)
    dialog.open_night(date(2026, 3, 12))
    assert dialog.review is None
    assert dialog.error.text() == "The night of Thu 12 Mar is not over yet; pick a past night."
    assert diary.list_days() == []
