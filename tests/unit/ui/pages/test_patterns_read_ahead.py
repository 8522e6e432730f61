"""Patterns' opening figures computed ahead, off the UI thread, for the page it opens on."""

from __future__ import annotations

from datetime import datetime

import pytest
from pytestqt.qtbot import QtBot

from cramplog.analysis import stats
from cramplog.core.errors import StorageError
from cramplog.core.records import EpisodeInput, Side
from cramplog.diary.service import Diary
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.pages import patterns_read_ahead
from cramplog.ui.pages.patterns_page import PatternsPage
from tests.conftest import LONDON


def test_the_read_ahead_covers_the_period_and_comparison_the_page_opens_on(
    qtbot: QtBot, diary: Diary
) -> None:
    for day in (2, 5, 9):
        diary.add_episode(
            EpisodeInput(
                start=datetime(2026, 3, day, 3, 0, tzinfo=LONDON),
                muscle="muscle.calf",
                side=Side.LEFT,
                intensity=5,
                duration_s=90,
            )
        )
    patterns_read_ahead.read_ahead(diary)
    page = PatternsPage(DiaryEditor(diary))
    qtbot.add_widget(page)
    period = page.current_period()
    # Had the page's controls opened elsewhere, the work ahead would be wasted.
    assert patterns_read_ahead.opening_periods(diary) == (
        period,
        page.current_comparison(period),
    )
    page.show()
    qtbot.wait_until(lambda: page.stats is not None)
    assert page.stats is not None and page.stats.episodes == 3
    assert page.stats == stats.compute(diary, period, comparison=period.previous())


def test_a_diary_that_cannot_be_read_ahead_is_left_to_the_page(
    diary: Diary, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreadable(*_args: object, **_kwargs: object) -> None:
        raise StorageError("the disk went away")

    monkeypatch.setattr(stats, "compute", unreadable)
    patterns_read_ahead.read_ahead(diary)  # no error on the worker: the page shows it
    # Nor figures to show before the diary is open: the page computes them, and says why not.
    assert patterns_read_ahead.opening_figures(diary) is None
