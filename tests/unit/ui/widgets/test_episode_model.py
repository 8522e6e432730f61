"""Rows sorted off the UI thread show in exactly the order the list itself sorts them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

from cramplog.core.records import EpisodeInput, Side
from cramplog.diary.service import Diary
from cramplog.ui.widgets.episode_model import KEY_ROLE, SORT_ROLE, EpisodeTableModel
from cramplog.ui.widgets.episode_rows import (
    COLUMNS,
    DURATION,
    INTENSITY,
    MUSCLE,
    NIGHT,
    NOTES,
    PLAIN_KEYS,
    RELIEFS,
    SIDE,
    STATUS,
    TIME,
    TRIGGERS,
    WOKE,
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


@pytest.fixture
def worded(filled: Diary) -> Diary:
    """The week's cramps with triggers, reliefs and notes to sort and search by."""
    for n, episode in enumerate(filled.list_episodes()):
        filled.update_episode(
            episode.id,
            replace(
                episode.as_input(),
                triggers=(("trigger.dehydration",), (), ("trigger.overuse",))[n % 3],
                reliefs=((("relief.stretch", None),), ())[n % 2],
                notes=("Zebra crossing", "apple pie\nsecond line", "", "Mango")[n % 4],
                woke_from_sleep=(True, False, None)[n % 3],
            ),
        )
    return filled


@pytest.mark.parametrize("column", [MUSCLE, SIDE, WOKE, STATUS, TRIGGERS, RELIEFS, NOTES])
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_a_text_column_sorts_rows_by_the_text_they_show(
    worded: Diary, column: int, order: Qt.SortOrder
) -> None:
    model = sorted_here(worded, column, order)
    shown = [str(model.index(row, column).data()).lower() for row in range(model.rowCount())]
    assert shown == sorted(shown, reverse=order == Qt.SortOrder.DescendingOrder)
    assert len(set(shown)) > 1  # the column tells rows apart, so the order is tested


def test_the_same_order_asked_again_moves_no_row(worded: Diary) -> None:
    model = sorted_here(worded, MUSCLE, Qt.SortOrder.AscendingOrder)
    before = keys(model)
    moves: list[int] = []
    model.layoutChanged.connect(lambda *_args: moves.append(1))
    model.sort(MUSCLE, Qt.SortOrder.AscendingOrder)  # a header click asks twice
    assert moves == [] and keys(model) == before
    model.sort(MUSCLE, Qt.SortOrder.DescendingOrder)
    assert moves == [1] and keys(model) != before


def test_the_search_text_holds_what_every_column_shows_and_the_whole_notes(
    worded: Diary,
) -> None:
    model = sorted_here(worded, NIGHT, Qt.SortOrder.DescendingOrder)
    for row in range(model.rowCount()):
        searched = model.search_text(row)
        for column in range(len(COLUMNS)):
            assert str(model.index(row, column).data()).lower() in searched
        episode = model.episode(row)
        if episode is not None and episode.notes:
            assert episode.notes.lower() in searched  # the second line too
    assert any("second line" in model.search_text(row) for row in range(model.rowCount()))
