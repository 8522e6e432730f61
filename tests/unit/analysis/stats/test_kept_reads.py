"""Patterns reads an unchanged diary once, and never shows figures older than the diary."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest

from cramplog.analysis import stats
from cramplog.core.records import EpisodeInput
from cramplog.diary.service import Diary
from cramplog.storage import aggregates
from tests.conftest import LONDON, NOW
from tests.unit.analysis.stats.test_computing import MARCH, fill_march


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[aggregates.NightRange]:
    """Each wide read of a period's episodes, from now on."""
    calls: list[aggregates.NightRange] = []
    real = aggregates.episode_columns

    def spy(
        connection: sqlite3.Connection,
        nights: aggregates.NightRange,
        sleep_minutes: tuple[int, int] | None = None,
    ) -> aggregates.EpisodeColumns:
        calls.append(nights)
        return real(connection, nights, sleep_minutes)

    monkeypatch.setattr(aggregates, "episode_columns", spy)
    return calls


def _cramp(day: int) -> EpisodeInput:
    return EpisodeInput(start=datetime(2026, 3, day, 3, 0, tzinfo=LONDON), muscle="muscle.calf")


def test_an_unchanged_diary_is_read_once_with_the_same_figures(
    diary: Diary, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_march(diary)
    reads = _reads(monkeypatch)
    first = stats.compute(diary, MARCH)
    again = stats.compute(diary, MARCH)
    assert len(reads) == 1
    assert again == first and again.episodes == 3


def test_every_edit_shows_in_the_next_figures(
    diary: Diary, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_march(diary)
    assert stats.compute(diary, MARCH).episodes == 3
    reads = _reads(monkeypatch)
    added = diary.add_episode(_cramp(6))
    assert stats.compute(diary, MARCH).episodes == 4
    diary.delete_episode(added.id)
    assert stats.compute(diary, MARCH).episodes == 3
    assert len(reads) == 2


def test_a_change_made_by_another_program_shows_in_the_next_figures(diary: Diary) -> None:
    fill_march(diary)
    assert stats.compute(diary, MARCH).episodes == 3
    other = Diary.open(diary.data_dir, clock=lambda: NOW)
    try:
        other.add_episode(_cramp(7))
    finally:
        other.close()
    assert stats.compute(diary, MARCH).episodes == 4
