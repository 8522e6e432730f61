"""The calendar of nights: past nights marked by colour and symbol, future ones not pickable."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from cramplog.core.night_states import NightState
from cramplog.core.records import EpisodeInput
from cramplog.diary.service import Diary
from cramplog.ui.widgets import theme
from cramplog.ui.widgets.night_calendar import NightCalendar, day_colour, legend, state_colour
from tests.conftest import LONDON


def test_the_calendar_reads_each_night_and_stops_at_last_night(qtbot: QtBot, diary: Diary) -> None:
    diary.add_episode(
        EpisodeInput(start=datetime(2026, 3, 10, 2, 0, tzinfo=LONDON), muscle="muscle.calf")
    )
    diary.mark_cramp_free(date(2026, 3, 7))
    calendar = NightCalendar(diary)
    qtbot.add_widget(calendar)
    assert calendar.state_of(date(2026, 3, 9)) is NightState.CRAMPS
    assert calendar.state_of(date(2026, 3, 7)) is NightState.CRAMP_FREE
    assert calendar.state_of(date(2026, 3, 8)) is NightState.NOT_RECORDED
    assert calendar.state_of(date(2026, 3, 12)) is None  # tonight is not over
    assert calendar.maximumDate() == QDate(2026, 3, 11)
    calendar.setSelectedDate(QDate(2026, 3, 20))
    assert calendar.selectedDate() == QDate(2026, 3, 11)  # a future night cannot be chosen


def test_turning_to_another_month_reads_its_nights(qtbot: QtBot, diary: Diary) -> None:
    diary.mark_cramp_free(date(2026, 1, 15))
    calendar = NightCalendar(diary)
    qtbot.add_widget(calendar)
    assert calendar.state_of(date(2026, 1, 15)) is None
    calendar.setCurrentPage(2026, 1)
    assert calendar.state_of(date(2026, 1, 15)) is NightState.CRAMP_FREE


@pytest.mark.parametrize("palette", [theme.light_palette(), theme.dark_palette()])
def test_day_numbers_and_symbols_stay_readable_on_every_state_s_colour(
    palette: QPalette,
) -> None:
    # The days of the month before and after too: they show their nights' states as well.
    for other_month in (False, True):
        text = day_colour(palette, other_month=other_month)
        for state in NightState:
            assert theme.contrast_ratio(text, state_colour(palette, state)) >= 4.5, state
    colours = {state_colour(palette, state).name() for state in NightState}
    assert len(colours) == len(NightState)


def test_the_legend_names_every_state(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel

    shown = legend()
    qtbot.add_widget(shown)
    texts = {label.text() for label in shown.findChildren(QLabel)}
    assert texts == {state.label for state in NightState}
