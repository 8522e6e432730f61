"""Rows sorted off the UI thread show in exactly the order the list itself sorts them."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

from cramplog.core.records import EpisodeInput, Side
from cramplog.diary.service import Diary
from cramplog.ui.widgets.episode_model import KEY_ROLE, SORT_ROLE, EpisodeTableModel
from cramplog.ui.widgets.episode_rows import (
    DURATION,
    INTENSITY,
    MUSCLE,
    NIGHT,
    PLAIN_KEYS,
    TIME,
    sort_rows,
)
from tests.conftest import LONDON

QUIET = [date(2026, 3, 2), date(2026, 3, 7)]


@pytest.fixture
def filled(diary: Diary) -> Diary:
    """Cramps over a week, with equal nights, missing durations and intensities."""
    for day, hour, minute, duration, intensity in (
        (3, 2, 10, 60, 4),
        (3, 23, 40, None, None),  # the night of the 3rd, like the one above
        (5, 4, 0, 300, 2),
        (9, 1, 5, 30, None),
        (4, 3, 30, None, 7),
    ):
        diary.add_episode(
            EpisodeInput(
                start=datetime(2026, 3, day, hour, minute, tzinfo=LONDON),
                muscle="muscle.calf" if day % 2 else "muscle.foot",
                side=Side.LEFT,
                duration_s=duration,
                intensity=intensity,
            )
        )
    return diary


def keys(model: EpisodeTableModel) -> list[str]:
    return [model.index(row, 0).data(KEY_ROLE) for row in range(model.rowCount())]


def sorted_here(diary: Diary, column: int, order: Qt.SortOrder) -> EpisodeTableModel:
    model = EpisodeTableModel(label=diary.label, night_of=diary.night_of)
    model.sort(column, order)
    model.set_rows(diary.list_episodes(), QUIET)
    return model


@pytest.mark.parametrize("column", sorted(PLAIN_KEYS))
@pytest.mark.parametrize("order", [Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder])
def test_rows_sorted_ahead_are_in_the_order_the_list_sorts_them(
    filled: Diary, column: int, order: Qt.SortOrder
) -> None:
    descending = order == Qt.SortOrder.DescendingOrder
    prepared = sort_rows(
        filled.list_episodes(),
        QUIET,
        night_of=filled.night_of,
        column=column,
        descending=descending,
    )
    assert prepared is not None
    model = EpisodeTableModel(label=filled.label, night_of=filled.night_of)
    model.sort(column, order)
    model.take_sorted(prepared)
    expected = sorted_here(filled, column, order)
    assert model.rowCount() == 7  # five cramps and two quiet nights
    assert keys(model) == keys(expected)
    shown = [[model.index(r, c).data() for c in range(11)] for r in range(7)]
    assert shown == [[expected.index(r, c).data() for c in range(11)] for r in range(7)]


def test_rows_sorted_ahead_follow_a_sort_chosen_meanwhile(filled: Diary) -> None:
    prepared = sort_rows(filled.list_episodes(), QUIET, night_of=filled.night_of)
    assert prepared is not None and prepared.column == NIGHT
    model = EpisodeTableModel(label=filled.label, night_of=filled.night_of)
    model.sort(DURATION, Qt.SortOrder.AscendingOrder)  # the person's own sort, restored
    model.take_sorted(prepared)
    expected = sorted_here(filled, DURATION, Qt.SortOrder.AscendingOrder)
    # Rows of equal duration may come in another order; the durations may not.
    assert durations(model) == durations(expected) == sorted(durations(model))
    assert sorted(keys(model)) == sorted(keys(expected))


def durations(model: EpisodeTableModel) -> list[int]:
    return [model.index(row, DURATION).data(SORT_ROLE) for row in range(model.rowCount())]


def test_a_sort_by_displayed_text_is_left_to_the_model(filled: Diary) -> None:
    assert sort_rows(filled.list_episodes(), QUIET, night_of=filled.night_of, column=MUSCLE) is None
    assert {NIGHT, TIME, DURATION, INTENSITY} == PLAIN_KEYS
