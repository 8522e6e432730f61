"""The worker that opens the diary: preview first, then the open diary with its sorted list."""

from __future__ import annotations

import gc
import sqlite3
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from cramplog.analysis import stats
from cramplog.core.records import EpisodeFilter
from cramplog.demo import sample
from cramplog.diary import first_screen, integrity, setting_values
from cramplog.diary.service import Diary
from cramplog.ui.main_window import MainWindow
from cramplog.ui.pages import patterns_read_ahead
from cramplog.ui.places import PATTERNS
from cramplog.ui.preferences import Preferences
from cramplog.ui.startup import background_open
from cramplog.ui.startup import patterns_first as start_on_patterns
from cramplog.ui.startup.background_open import BackgroundOpening, Examined, Opened


@pytest.fixture
def months_of_cramps(tmp_path: Path) -> Path:
    folder = tmp_path / "diary"
    sample.create_sample_diary(
        folder,
        size=sample.SampleSize(years=0.25, episodes_per_week=6),
        seed=5,
        end=date(2026, 3, 10),
    )
    return folder


def opening(folder: Path, parent: QObject, *, preview: int | None) -> BackgroundOpening:
    return BackgroundOpening(
        folder,
        preview_rows=preview,
        where=EpisodeFilter(),
        early_modules=("cramplog.ui.pages.diary_page",),
        late_modules=("cramplog.ui.editor",),
        parent=parent,
    )


def test_the_preview_comes_first_then_the_open_diary_with_its_whole_list_sorted(
    qtbot: QtBot, months_of_cramps: Path
) -> None:
    parent = QObject()
    worker = opening(months_of_cramps, parent, preview=10)
    examined: list[Examined] = []
    worker.handover.examined.connect(examined.append)
    with qtbot.wait_signal(worker.handover.arrived, timeout=20_000) as arrived:
        worker.start()
        qtbot.wait_until(lambda: bool(examined), timeout=20_000)
        listing = examined[0].listing
        assert listing is not None and len(listing.episodes) == 10
        worker.preview_painted()
    worker.join()
    opened = arrived.args[0]
    assert isinstance(opened, Opened) and worker.result is opened
    try:
        assert opened.rows is not None and opened.sorted_rows is not None
        everything = opened.diary.list_episodes()
        quiet = opened.diary.cramp_free_nights()
        assert len(opened.sorted_rows.rows) == len(everything) + len(quiet) > 10
        nights = opened.sorted_rows.nights
        assert nights == sorted(nights, reverse=True)  # newest night first, as the list
        # The preview's newest cramp heads the whole list too.
        assert opened.sorted_rows.rows[0] == listing.episodes[-1] == everything[-1]
    finally:
        opened.diary.close()


def when_opened(monkeypatch: pytest.MonkeyPatch, note: Callable[[], bool]) -> list[bool]:
    """`note()` each time the worker opens the diary (for what held at that moment)."""
    noted: list[bool] = []
    open_with_list = first_screen.open_with_list

    def spy(*args: Any) -> Any:
        noted.append(note())
        return open_with_list(*args)

    monkeypatch.setattr(first_screen, "open_with_list", spy)
    return noted


def test_the_garbage_collector_is_paused_while_loading_and_back_on_after(
    qtbot: QtBot, months_of_cramps: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    collecting = when_opened(monkeypatch, gc.isenabled)
    assert gc.isenabled()
    parent = QObject()
    worker = opening(months_of_cramps, parent, preview=None)
    with qtbot.wait_signal(worker.handover.arrived, timeout=20_000) as arrived:
        worker.start()
    worker.join()
    arrived.args[0].diary.close()
    # A collection would scan every object loaded so far while the window waits.
    assert collecting == [False]
    assert gc.isenabled()


def test_a_damaged_diary_is_only_examined_and_left_to_the_ui_thread(
    qtbot: QtBot, months_of_cramps: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = months_of_cramps / "diary.sqlite3"
    damaged = b"\x00" * 16 + path.read_bytes()[16:]
    path.write_bytes(damaged)
    opened: list[object] = []
    monkeypatch.setattr(Diary, "open", lambda *args, **kw: opened.append(args))
    parent = QObject()
    worker = opening(months_of_cramps, parent, preview=10)
    arrived: list[object] = []
    worker.handover.arrived.connect(arrived.append)
    with qtbot.wait_signal(worker.handover.examined, timeout=20_000) as examined:
        worker.start()
    worker.join()
    result = examined.args[0]
    assert result.verdict.condition is not integrity.Condition.HEALTHY
    assert result.listing is None  # no preview of a damaged file
    qtbot.wait(50)
    assert arrived == [] and opened == [] and worker.result is None
    assert path.read_bytes() == damaged  # untouched
    assert gc.isenabled()


def test_a_preview_that_is_never_painted_does_not_hold_the_opening(
    qtbot: QtBot, months_of_cramps: Path
) -> None:
    parent = QObject()
    worker = opening(months_of_cramps, parent, preview=10)
    with qtbot.wait_signal(worker.handover.examined, timeout=20_000):
        worker.start()
    worker.join()  # the window went away before painting: the worker finishes at once
    assert isinstance(worker.result, Opened)
    worker.result.diary.close()


class Later:
    """Work for after the place's paint that records where and when it ran."""

    def __init__(self) -> None:
        self.ran: list[bool] = []  # on the UI thread?
        self.dropped = False

    def run(self) -> None:
        self.ran.append(threading.current_thread() is threading.main_thread())

    def drop(self) -> None:
        self.dropped = True


def test_the_diary_is_used_before_the_handover_and_the_later_work_waits_for_the_paint(
    qtbot: QtBot, months_of_cramps: Path
) -> None:
    used: list[tuple[bool, int]] = []

    def read_ahead(diary: Diary) -> None:
        on_ui = threading.current_thread() is threading.main_thread()
        used.append((on_ui, len(diary.list_episodes())))

    later = Later()
    parent = QObject()
    worker = BackgroundOpening(
        months_of_cramps,
        preview_rows=None,
        where=None,
        early_modules=(),
        late_modules=(),
        before_handover=read_ahead,
        after_paint=later,
        parent=parent,
    )
    with qtbot.wait_signal(worker.handover.arrived, timeout=20_000) as arrived:
        worker.start()
    opened = arrived.args[0]
    try:
        assert isinstance(opened, Opened) and opened.rows is None  # no list in view
        # Read on the worker, with the diary it had just opened, before handing it over.
        assert used == [(False, len(opened.diary.list_episodes()))] and used[0][1] > 0
        qtbot.wait(100)
        assert later.ran == []  # the place has not painted yet
        worker.place_painted()
        qtbot.wait_until(lambda: later.ran == [False], timeout=10_000)
        worker.join()
        assert not later.dropped and gc.isenabled()
    finally:
        opened.diary.close()


def test_the_later_work_is_dropped_when_the_diary_does_not_open_on_the_worker(
    qtbot: QtBot, months_of_cramps: Path
) -> None:
    path = months_of_cramps / "diary.sqlite3"
    path.write_bytes(b"\x00" * 16 + path.read_bytes()[16:])
    later = Later()
    parent = QObject()
    worker = BackgroundOpening(
        months_of_cramps,
        preview_rows=None,
        where=None,
        early_modules=(),
        late_modules=(),
        after_paint=later,
        parent=parent,
    )
    with qtbot.wait_signal(worker.handover.examined, timeout=20_000):
        worker.start()
    worker.join()
    assert later.dropped and later.ran == []  # the UI thread opens it: the page loads alone


def test_a_window_closed_before_its_place_painted_drops_the_later_work(
    qtbot: QtBot, months_of_cramps: Path
) -> None:
    later = Later()
    parent = QObject()
    worker = BackgroundOpening(
        months_of_cramps,
        preview_rows=None,
        where=None,
        early_modules=(),
        late_modules=(),
        after_paint=later,
        parent=parent,
    )
    with qtbot.wait_signal(worker.handover.arrived, timeout=20_000) as arrived:
        worker.start()
    worker.join()  # quitting: nothing is loaded for a window that is going
    arrived.args[0].diary.close()
    assert later.dropped and later.ran == []


def patterns_first(
    qtbot: QtBot, folder: Path, preferences: Preferences
) -> tuple[BackgroundOpening, list[Examined], list[object]]:
    """The worker as a start on Patterns makes it (the window's own figures-first work and
    modules, then the diary), what it hands over as examined, and the diaries it reads ahead."""
    preferences.last_place = PATTERNS
    window = MainWindow(preferences=preferences)  # start-up: no diary yet
    qtbot.add_widget(window)
    figures_first = window.work_before_open()
    handover = window.work_before_handover()
    assert figures_first is not None and handover is not None
    assert window.modules_to_preview() == start_on_patterns.MODULES
    read_ahead: list[object] = []

    def reading_ahead(diary: Diary) -> None:
        read_ahead.append(diary)
        handover(diary)

    worker = BackgroundOpening(
        folder,
        preview_rows=None,
        where=None,
        early_modules=window.modules_to_preview(),
        late_modules=(),
        before_handover=reading_ahead,
        figures_first=figures_first,
        parent=window,
    )
    examined: list[Examined] = []
    worker.handover.examined.connect(examined.append)
    return worker, examined, read_ahead


def waiting_for_the_paint(
    monkeypatch: pytest.MonkeyPatch, worker: BackgroundOpening
) -> threading.Event:
    """Set once the worker waits for the first figures to be painted (as long as it takes)."""
    monkeypatch.setattr(background_open, "PREVIEW_WAIT_S", 30.0)
    waiting = threading.Event()
    painted = worker._painted
    wait = painted.wait

    def noted_wait(timeout: float | None = None) -> bool:
        waiting.set()
        return wait(timeout)

    monkeypatch.setattr(painted, "wait", noted_wait)
    return waiting


def test_patterns_figures_come_from_the_file_before_the_diary_opens(
    qtbot: QtBot,
    months_of_cramps: Path,
    monkeypatch: pytest.MonkeyPatch,
    preferences: Preferences,
) -> None:
    painted = threading.Event()
    opened_after_paint = when_opened(monkeypatch, painted.is_set)
    # The morning after the sample diary's last night, on both views of the file.
    monkeypatch.setenv(setting_values.PINNED_NOW_ENV, "2026-03-11T09:30:00")
    worker, examined, read_ahead = patterns_first(qtbot, months_of_cramps, preferences)
    waiting = waiting_for_the_paint(monkeypatch, worker)
    with qtbot.wait_signal(worker.handover.arrived, timeout=20_000) as arrived:
        worker.start()
        qtbot.wait_until(lambda: bool(examined), timeout=20_000)
        qtbot.wait_until(waiting.is_set, timeout=20_000)
        assert opened_after_paint == []  # the diary waits for the figures' paint
        painted.set()
        worker.preview_painted()
    worker.join()
    opened = arrived.args[0]
    try:
        first = examined[0].figures
        assert isinstance(first, start_on_patterns.FirstFigures)
        figures = first.patterns
        assert examined[0].listing is None
        assert opened_after_paint == [True]
        period, comparison = patterns_read_ahead.opening_periods(opened.diary)
        assert figures.stats == stats.compute(opened.diary, period, comparison=comparison)
        assert figures.stats.episodes > 0 and figures.last_night == date(2026, 3, 10)
        assert read_ahead == []  # the figures are known: nothing to read ahead for them
    finally:
        opened.diary.close()


def test_a_diary_whose_words_predate_the_checklist_opens_first_and_is_read_ahead(
    qtbot: QtBot, months_of_cramps: Path, preferences: Preferences
) -> None:
    # Only the opened diary can bring its words up to date (a write): no figures before it.
    connection = sqlite3.connect(months_of_cramps / "diary.sqlite3")
    with connection:
        connection.execute(
            "UPDATE settings SET value = 'an older checklist' WHERE key = ?",
            (setting_values.CHECKLIST_HASH_KEY,),
        )
    connection.close()
    worker, examined, read_ahead = patterns_first(qtbot, months_of_cramps, preferences)
    with qtbot.wait_signal(worker.handover.arrived, timeout=20_000) as arrived:
        worker.start()
    worker.join()
    opened = arrived.args[0]
    try:
        assert examined[0].verdict.condition is integrity.Condition.HEALTHY
        assert examined[0].figures is None
        assert read_ahead == [opened.diary]
    finally:
        opened.diary.close()
