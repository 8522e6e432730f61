"""The diary list: cramps and quiet nights, sorting, filters, delete with undo, stable selection."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from cramplog.core import conventions
from cramplog.core.entries import Episode
from cramplog.core.errors import StorageError
from cramplog.core.records import EpisodeFilter, EpisodeInput, Side, VocabularyKind
from cramplog.diary import first_screen
from cramplog.diary.service import Diary
from cramplog.diary.view import DiaryView
from cramplog.ui import editor as edits
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.pages.diary_filters import PERIODS
from cramplog.ui.pages.diary_page import DiaryPage
from cramplog.ui.widgets.episode_model import KEY_ROLE, SORT_ROLE, EpisodeTableModel
from cramplog.ui.widgets.episode_rows import (
    INTENSITY,
    MUSCLE,
    NIGHT,
    NOTES,
    STATUS,
    TIME,
    RowFilter,
    row_key,
)
from cramplog.ui.widgets.episode_texts import CRAMP_FREE, NO_CRAMPS, TO_REVIEW
from tests.conftest import LONDON


def cramp(day: int, hour: int, *, muscle: str = "muscle.calf", **extra: object) -> EpisodeInput:
    return EpisodeInput(
        start=datetime(2026, 3, day, hour, 10, tzinfo=LONDON),
        muscle=muscle,
        side=Side.LEFT,
        **extra,  # type: ignore[arg-type]
    )


@pytest.fixture
def editor(diary: Diary) -> DiaryEditor:
    return DiaryEditor(diary)


@pytest.fixture
def page(qtbot: QtBot, editor: DiaryEditor) -> DiaryPage:
    shown = DiaryPage(editor)
    qtbot.add_widget(shown)
    shown.resize(1100, 500)
    shown.show()
    return shown


def column(page: DiaryPage, col: int) -> list[str]:
    return [page.model.index(row, col).data() for row in range(page.model.rowCount())]


def test_an_empty_diary_invites_a_first_entry(page: DiaryPage) -> None:
    assert page.stack.currentWidget() is page.empty
    assert page.empty.isVisible()


def test_cramps_and_cramp_free_nights_are_listed_newest_first(
    page: DiaryPage, editor: DiaryEditor
) -> None:
    editor.add_episode(cramp(11, 2, intensity=7))  # night of Tue 10 March
    editor.mark_cramp_free(date(2026, 3, 9))
    editor.add_episode(cramp(8, 3, muscle="muscle.foot", intensity=3))  # night of Sat 7 March
    assert page.stack.currentWidget() is page.table
    assert column(page, NIGHT) == ["Tue 10 Mar 2026", "Mon 9 Mar 2026", "Sat 7 Mar 2026"]
    assert column(page, STATUS)[1] == CRAMP_FREE
    assert column(page, MUSCLE) == ["Calf", NO_CRAMPS, "Foot or toes"]


def test_one_row_is_counted_as_one_row(qtbot: QtBot, page: DiaryPage, editor: DiaryEditor) -> None:
    editor.add_episode(cramp(11, 2))
    qtbot.wait_until(lambda: page.filters.count_label.text() == "1 row")
    editor.add_episode(cramp(10, 2))
    qtbot.wait_until(lambda: page.filters.count_label.text() == "2 rows")


def test_a_narrow_window_squeezes_the_search_box_not_the_filters(
    qtbot: QtBot, editor: DiaryEditor
) -> None:
    # Shown before its diary (as at start-up), so the filters fill after the first paint.
    shown = DiaryPage()
    qtbot.add_widget(shown)
    shown.resize(420, 400)
    shown.show()
    shown.attach(editor)
    qtbot.wait_until(lambda: shown.filters.muscle.currentText() == "All muscles")
    for combo in (shown.filters.period, shown.filters.muscle):
        text = combo.fontMetrics().horizontalAdvance(combo.currentText())
        assert combo.width() >= combo.sizeHint().width() > text


def test_sorting_by_intensity(page: DiaryPage, editor: DiaryEditor) -> None:
    for day, level in ((3, 5), (5, 9), (7, 1)):
        editor.add_episode(cramp(day, 2, intensity=level))
    page.table.sortByColumn(INTENSITY, Qt.SortOrder.DescendingOrder)
    assert column(page, INTENSITY) == ["9", "5", "1"]


@pytest.fixture
def american() -> None:
    conventions.use(conventions.for_locale("en_US"))


def test_sorting_by_time_follows_the_clock_on_a_12_hour_clock(
    american: None, page: DiaryPage, editor: DiaryEditor
) -> None:
    for day, hour in ((3, 22), (5, 2), (7, 10)):
        editor.add_episode(cramp(day, hour))
    page.table.sortByColumn(TIME, Qt.SortOrder.AscendingOrder)
    assert column(page, TIME) == ["2:10\u202fAM", "10:10\u202fAM", "10:10\u202fPM"]


def test_filters_by_muscle_text_and_period(
    qtbot: QtBot, page: DiaryPage, editor: DiaryEditor
) -> None:
    editor.add_episode(cramp(11, 2, notes="after the hill walk"))
    editor.add_episode(cramp(10, 3, muscle="muscle.foot"))
    editor.add_episode(
        EpisodeInput(start=datetime(2025, 12, 1, 2, 0, tzinfo=LONDON), muscle="muscle.calf")
    )
    page.filters.muscle.setCurrentIndex(page.filters.muscle.findData("muscle.foot"))
    assert column(page, MUSCLE) == ["Foot or toes"]
    page.filters.muscle.setCurrentIndex(0)
    QTest.keyClicks(page.filters.search, "HILL")
    qtbot.wait_until(lambda: page.model.rowCount() == 1)
    assert column(page, NOTES) == ["after the hill walk"]
    assert page.filters.count_label.text() == "1 of 3 rows"
    page.filters.search.clear()
    page.filters.period.setCurrentIndex(2)  # last 4 weeks: December is left out
    qtbot.wait_until(lambda: page.model.rowCount() == 2)
    assert column(page, NIGHT) == ["Tue 10 Mar 2026", "Mon 9 Mar 2026"]


def test_delete_key_then_undo_then_redo(qtbot: QtBot, page: DiaryPage, editor: DiaryEditor) -> None:
    editor.add_episode(cramp(11, 2, notes="first"))
    editor.add_episode(cramp(10, 2, notes="second"))
    page.table.selectRow(0)
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_Delete)
    assert column(page, NOTES) == ["second"]
    assert [e.notes for e in editor.diary.list_episodes()] == ["second"]
    editor.undo_stack.undo()
    assert sorted(column(page, NOTES)) == ["first", "second"]
    assert len(editor.diary.list_episodes()) == 2
    editor.undo_stack.redo()
    assert column(page, NOTES) == ["second"]


def test_enter_and_double_click_ask_to_edit_the_episode(
    qtbot: QtBot, page: DiaryPage, editor: DiaryEditor
) -> None:
    saved = editor.add_episode(cramp(11, 2))
    page.table.selectRow(0)
    page.table.setFocus()
    with qtbot.wait_signal(page.edit_requested) as asked:
        QTest.keyClick(page.table, Qt.Key.Key_Return)
    assert asked.args[0].uuid == saved.uuid


def test_selection_survives_a_refresh(page: DiaryPage, editor: DiaryEditor) -> None:
    for day in range(1, 11):
        editor.add_episode(cramp(day, 2, notes=f"night {day}"))
    page.table.selectRow(4)
    chosen = page.selected_keys()
    editor.add_episode(cramp(11, 4, notes="a new one on top"))  # refreshes the list
    assert page.selected_keys() == chosen
    assert page.table.currentIndex().row() == 5


def test_quick_logs_are_marked_to_review(page: DiaryPage, editor: DiaryEditor) -> None:
    editor.add_episode(cramp(11, 2, to_review=True))
    assert column(page, STATUS) == [TO_REVIEW]


def test_html_looking_notes_are_shown_literally(page: DiaryPage, editor: DiaryEditor) -> None:
    hostile = "<b>bold?</b> <img src='file:///etc/passwd'> 😖 שלום"
    editor.add_episode(cramp(11, 2, notes=hostile))
    notes = page.model.index(0, NOTES)
    assert notes.data() == hostile
    assert notes.data(Qt.ItemDataRole.ToolTipRole) == hostile


def test_a_saved_episode_appears_in_sorted_place_without_a_reload(
    page: DiaryPage, editor: DiaryEditor
) -> None:
    for day in (2, 6, 9):
        editor.add_episode(cramp(day, 2))
    page.table.sortByColumn(NIGHT, Qt.SortOrder.AscendingOrder)
    editor.add_episode(cramp(5, 3, notes="in the middle"))
    assert column(page, NIGHT) == [
        "Sun 1 Mar 2026",
        "Wed 4 Mar 2026",
        "Thu 5 Mar 2026",
        "Sun 8 Mar 2026",
    ]
    assert column(page, NOTES)[1] == "in the middle"


def test_a_cramp_on_a_cramp_free_night_replaces_its_quiet_row(
    page: DiaryPage, editor: DiaryEditor, diary: Diary
) -> None:
    editor.mark_cramp_free(date(2026, 3, 9))
    assert column(page, STATUS) == [CRAMP_FREE]
    diary.clear_day(date(2026, 3, 9))  # the review is undone elsewhere (not by undo)
    editor.add_episode(cramp(10, 2))  # Tuesday 02:10, the night of Monday 9 March
    assert column(page, STATUS) == [""]
    assert column(page, NIGHT) == ["Mon 9 Mar 2026"]


def test_the_table_model_passes_qt_model_checks(qtmodeltester: ModelTester, diary: Diary) -> None:
    diary.add_episode(cramp(11, 2, intensity=4, notes="x"))
    diary.mark_cramp_free(date(2026, 3, 8))
    model = EpisodeTableModel(label=diary.label, night_of=diary.night_of)
    model.set_rows(diary.list_episodes(), [date(2026, 3, 8)])
    qtmodeltester.check(model, force_py=True)
    # Filtered, then rows added and removed in and out of what the filter keeps: the
    # tester watches every signal the model sends meanwhile.
    model.set_filter(RowFilter(muscle="muscle.calf"))
    assert model.rowCount() == 1
    for day, muscle in ((9, "muscle.calf"), (10, "muscle.foot")):
        model.upsert_episode(diary.add_episode(cramp(day, 2, muscle=muscle)))
    # The calf cramp on the 9th at 02:10 belongs to the night of the 8th: no longer cramp-free.
    assert (model.rowCount(), model.held) == (2, 3)
    model.sort(NOTES, Qt.SortOrder.AscendingOrder)
    model.remove_keys([row_key(model.row_item(0))])
    model.set_filter(RowFilter())
    assert (model.rowCount(), model.held) == (2, 2)


def test_rows_load_when_the_place_is_first_shown(qtbot: QtBot, editor: DiaryEditor) -> None:
    editor.add_episode(cramp(11, 2))
    hidden = DiaryPage(editor)
    qtbot.add_widget(hidden)
    editor.add_episode(cramp(10, 2))  # changes before the first showing are not lost
    assert hidden.model.rowCount() == 0
    hidden.show()
    assert hidden.model.rowCount() == 2
    editor.add_episode(cramp(9, 2))
    assert hidden.model.rowCount() == 3


def test_a_cramp_noted_by_date_only_says_time_not_noted_under_its_night(
    page: DiaryPage, editor: DiaryEditor
) -> None:
    from cramplog.core import nights

    noted_on = nights.date_only_start(date(2026, 3, 11)).replace(tzinfo=LONDON)
    editor.add_episode(replace(cramp(11, 0), start=noted_on, time_noted=False))
    editor.add_episode(cramp(11, 3))
    assert column(page, NIGHT) == ["Tue 10 Mar 2026", "Tue 10 Mar 2026"]
    assert sorted(column(page, TIME)) == ["03:10", "time not noted"]


def test_rows_read_ahead_are_shown_once_and_never_after_the_diary_changed(
    qtbot: QtBot, diary: Diary, editor: DiaryEditor
) -> None:
    from cramplog.diary.first_screen import WholeList

    diary.add_episode(cramp(3, 3))
    ahead = WholeList(EpisodeFilter(), diary.list_episodes(), [])
    diary.add_episode(cramp(5, 3))  # after the read: the rows read ahead miss it
    on_screen, hidden = DiaryPage(), DiaryPage()
    for page in (on_screen, hidden):
        qtbot.add_widget(page)
        page.resize(1100, 500)
        page.take_rows(ahead)
    on_screen.show()
    on_screen.attach(editor)
    assert on_screen.model.rowCount() == 1  # what was read ahead, not read again
    on_screen.refresh()
    assert on_screen.model.rowCount() == 2  # a later refresh reads the diary as it is now
    # A list off screen when the diary opened reads the diary itself once it is shown.
    hidden.attach(editor)
    hidden.show()
    qtbot.wait_until(lambda: hidden.model.rowCount() == 2)


def keys_shown(page: DiaryPage) -> list[str]:
    return [str(page.model.index(row, 0).data(KEY_ROLE)) for row in range(page.model.rowCount())]


def keys_read(diary: DiaryView, where: EpisodeFilter, cramp_free: bool) -> set[str]:
    """What the diary itself gives for a filter: its cramps and, unless a muscle is chosen,
    its quiet nights."""
    found = {episode.uuid for episode in diary.list_episodes(where)}
    if cramp_free:
        found |= {night.isoformat() for night in diary.cramp_free_nights(where.first_night)}
    return found


@pytest.fixture
def months(editor: DiaryEditor) -> DiaryEditor:
    """Cramps of two muscles and quiet nights over four months."""
    for month, day, hour, muscle in (
        (11, 20, 2, "muscle.calf"),
        (12, 28, 3, "muscle.foot"),
        (2, 14, 1, "muscle.calf"),
        (3, 1, 4, "muscle.foot"),
        (3, 8, 23, "muscle.calf"),
        (3, 10, 5, "muscle.hamstring"),
    ):
        year = 2025 if month > 6 else 2026
        editor.add_episode(
            EpisodeInput(start=datetime(year, month, day, hour, 0, tzinfo=LONDON), muscle=muscle)
        )
    for night in (date(2025, 12, 1), date(2026, 2, 20), date(2026, 3, 5)):
        editor.mark_cramp_free(night)
    return editor


def reads_of(diary: DiaryView, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Each read of the diary's episodes from now on, by its arguments: by the open diary
    on the UI thread, or beside it on a worker (`first_screen.read_list`)."""
    reads: list[object] = []
    real_list = diary.list_episodes
    real_read = first_screen.read_list

    def list_episodes(*args: EpisodeFilter) -> list[Episode]:
        reads.append(args)
        return real_list(*args)

    def read_list(path: Path, where: EpisodeFilter, hour: int) -> first_screen.WholeList:
        reads.append((where,))
        return real_read(path, where, hour)

    monkeypatch.setattr(diary, "list_episodes", list_episodes)
    monkeypatch.setattr(first_screen, "read_list", read_list)
    return reads


def test_each_period_and_muscle_shows_what_the_diary_holds_for_it_without_reading_it_again(
    qtbot: QtBot, page: DiaryPage, months: DiaryEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    diary = months.diary
    qtbot.wait_until(lambda: page.model.rowCount() == 9)
    reads = reads_of(diary, monkeypatch)
    for muscle in (None, "muscle.calf", "muscle.foot"):
        page.filters.muscle.setCurrentIndex(page.filters.muscle.findData(muscle) if muscle else 0)
        for period in range(page.filters.period.count()):
            page.filters.period.setCurrentIndex(period)
            where = page.current_filter()
            assert set(keys_shown(page)) == keys_read(diary, where, muscle is None)
            assert keys_shown(page) == sorted(
                keys_shown(page), key=lambda key: page_night_key(page, key), reverse=True
            )
    assert len(reads) == 3 * page.filters.period.count()  # the comparisons' own reads, no others


def page_night_key(page: DiaryPage, key: str) -> str:
    row = page.model.row_of(key)
    assert row is not None
    return str(page.model.index(row, NIGHT).data(SORT_ROLE))


def test_a_change_made_under_a_filter_is_in_the_list_once_the_filter_goes(
    qtbot: QtBot, page: DiaryPage, months: DiaryEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cramps saved, moved out of the filter and quiet nights marked while a muscle is
    chosen are all there when it is not, without reading the diary again."""
    diary = months.diary
    page.filters.muscle.setCurrentIndex(page.filters.muscle.findData("muscle.foot"))
    foot = diary.list_episodes(EpisodeFilter(muscles=frozenset({"muscle.foot"})))[0]
    reads = reads_of(diary, monkeypatch)
    months.update_episode(foot.id, replace(foot.as_input(), muscle="muscle.calf"))
    assert foot.uuid not in keys_shown(page)  # a calf cramp now: not under "Foot"
    months.add_episode(cramp(11, 1, muscle="muscle.foot"))
    months.mark_cramp_free(date(2026, 1, 5))
    assert page.filters.count_label.text() == "2 of 11 rows"
    page.filters.muscle.setCurrentIndex(0)
    assert page.filters.count_label.text() == "11 rows"
    page.filters.muscle.setCurrentIndex(page.filters.muscle.findData("muscle.calf"))
    assert foot.uuid in keys_shown(page)
    assert reads == []
    page.filters.muscle.setCurrentIndex(0)
    assert set(keys_shown(page)) == keys_read(diary, EpisodeFilter(), True)
    qtbot.wait_until(lambda: page.model.warm)  # every row's strings made while idle
    page.filters.muscle.setCurrentIndex(0)
    QTest.keyClicks(page.filters.search, "calf")
    qtbot.wait_until(lambda: page.model.rowCount() == 4)
    assert foot.uuid in keys_shown(page)


def test_the_search_keeps_the_period_and_muscle_and_a_deleted_row_leaves_it(
    qtbot: QtBot, page: DiaryPage, months: DiaryEditor
) -> None:
    """The search picks among the rows the period and muscle keep; a row deleted while
    searching is gone from every filter; the list is never called empty while it holds rows."""
    qtbot.wait_until(lambda: page.model.rowCount() == 9)
    page.filters.muscle.setCurrentIndex(page.filters.muscle.findData("muscle.calf"))
    page.filters.search.setText("  CALF ")  # case and surrounding spaces do not matter
    qtbot.wait_until(lambda: page.filters.count_label.text() == "3 of 9 rows")
    page.filters.period.setCurrentIndex([days for _name, days in PERIODS].index(28))
    assert page.filters.count_label.text() == "2 of 9 rows"  # the calf cramps of March
    page.table.selectRow(0)
    page.delete_selected()
    assert page.filters.count_label.text() == "1 of 8 rows"
    page.filters.search.setText("no such words")
    qtbot.wait_until(lambda: page.filters.count_label.text() == "0 of 8 rows")
    assert page.stack.currentWidget() is page.table  # not "Your diary is empty"
    page.filters.search.clear()
    page.filters.period.setCurrentIndex(0)
    page.filters.muscle.setCurrentIndex(0)
    qtbot.wait_until(lambda: page.filters.count_label.text() == "8 rows")
    assert set(keys_shown(page)) == keys_read(months.diary, EpisodeFilter(), True)


def test_the_changes_an_import_tells_at_once_reload_the_list_once(
    qtbot: QtBot,
    page: DiaryPage,
    months: DiaryEditor,
    diary: Diary,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An import says that words, settings, medicines, nights and cramps all changed; each
    reload of a century's list is seconds, so the list reloads once, with all of it."""
    qtbot.wait_until(lambda: page.model.rowCount() == 9)
    reads = reads_of(diary, monkeypatch)
    diary.add_episode(cramp(11, 4, muscle="muscle.foot"))  # as an import writes, unseen
    for kind in (edits.VOCABULARY, edits.SETTINGS, edits.MEDICATIONS, edits.DAYS, edits.EPISODES):
        months.changed.emit(kind)
    qtbot.wait_until(lambda: page.model.rowCount() == 10)
    qtbot.wait(50)
    assert len(reads) == 1


class HeldReads:
    """The list's reads on the worker, each held after it has read until `release` is set;
    `read` is set once the first has read (its snapshot of the diary is taken)."""

    def __init__(self) -> None:
        self.read = threading.Event()
        self.release = threading.Event()


@pytest.fixture
def held_reads(monkeypatch: pytest.MonkeyPatch) -> HeldReads:
    held = HeldReads()
    real_read = first_screen.read_list

    def read_list(path: Path, where: EpisodeFilter, hour: int) -> first_screen.WholeList:
        rows = real_read(path, where, hour)
        held.read.set()
        held.release.wait(10)
        return rows

    monkeypatch.setattr(first_screen, "read_list", read_list)
    return held


def test_new_words_reload_the_list_behind_the_rows_on_screen(
    qtbot: QtBot, page: DiaryPage, diary: Diary, months: DiaryEditor, held_reads: HeldReads
) -> None:
    """While the list is read again (seconds for a century's diary), the rows stay on screen
    and the page says it is updating; the rows read then take their place."""
    qtbot.wait_until(lambda: page.model.rowCount() == 9)
    diary.add_episode(cramp(11, 4, muscle="muscle.foot"))  # as an import writes, unseen
    months.changed.emit(edits.VOCABULARY)
    qtbot.wait_until(lambda: page.filters.count_label.text() == "Updating…")
    assert page.model.rowCount() == 9
    held_reads.release.set()
    qtbot.wait_until(lambda: page.model.rowCount() == 10)
    assert page.filters.count_label.text() == "10 rows"
    assert set(keys_shown(page)) == keys_read(months.diary, EpisodeFilter(), True)


def test_a_cramp_saved_while_the_list_is_read_again_stays_in_it(
    qtbot: QtBot,
    page: DiaryPage,
    months: DiaryEditor,
    held_reads: HeldReads,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The read under way began before the save: its rows would lose the new cramp, so they
    are read again, and the cramp, shown at once, is never taken away."""
    qtbot.wait_until(lambda: page.model.rowCount() == 9)
    months.changed.emit(edits.SETTINGS)
    qtbot.wait_until(held_reads.read.is_set)  # its snapshot is taken, without the cramp
    months.add_episode(cramp(11, 2))
    saved = months.diary.list_episodes()[-1]
    assert saved.uuid in keys_shown(page)  # shown at once, before any read ends
    reads = reads_of(months.diary, monkeypatch)
    held_reads.release.set()
    qtbot.wait_until(lambda: len(reads) == 1 and page.filters.count_label.text() == "10 rows")
    assert saved.uuid in keys_shown(page)
    assert set(keys_shown(page)) == keys_read(months.diary, EpisodeFilter(), True)


def test_a_filter_chosen_while_the_list_is_read_again_shows_its_rows(
    qtbot: QtBot, page: DiaryPage, months: DiaryEditor, held_reads: HeldReads
) -> None:
    qtbot.wait_until(lambda: page.model.rowCount() == 9)
    months.changed.emit(edits.VOCABULARY)
    qtbot.wait_until(lambda: page.filters.count_label.text() == "Updating…")
    page.filters.muscle.setCurrentIndex(page.filters.muscle.findData("muscle.foot"))
    held_reads.release.set()
    foot = EpisodeFilter(muscles=frozenset({"muscle.foot"}))
    qtbot.wait_until(lambda: page.filters.count_label.text() == "2 of 9 rows")
    assert set(keys_shown(page)) == keys_read(months.diary, foot, False)


def test_a_list_that_cannot_be_read_beside_the_diary_is_read_by_it(
    qtbot: QtBot,
    page: DiaryPage,
    diary: Diary,
    months: DiaryEditor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A refusal on the worker (the diary busy, say) is met again by the open diary's own
    read, which shows the rows, or the problem as every read does."""
    qtbot.wait_until(lambda: page.model.rowCount() == 9)

    def refused(path: Path, where: EpisodeFilter, hour: int) -> first_screen.WholeList:
        raise StorageError("The diary is busy.")

    monkeypatch.setattr(first_screen, "read_list", refused)
    reads = reads_of(months.diary, monkeypatch)
    monkeypatch.setattr(first_screen, "read_list", refused)
    diary.add_episode(cramp(11, 4))
    months.changed.emit(edits.VOCABULARY)
    qtbot.wait_until(lambda: page.model.rowCount() == 10)
    assert reads == [(EpisodeFilter(),)]  # the open diary's read, after the refusal
    assert page.filters.count_label.text() == "10 rows"


def test_closing_waits_for_a_read_under_way_and_drops_its_rows(
    qtbot: QtBot, page: DiaryPage, diary: Diary, months: DiaryEditor, held_reads: HeldReads
) -> None:
    """The window is closing (and a restore may replace the file next): no reader is left
    on the diary, and rows read for a list that is going are never shown."""
    qtbot.wait_until(lambda: page.model.rowCount() == 9)
    diary.add_episode(cramp(11, 4))
    months.changed.emit(edits.VOCABULARY)
    qtbot.wait_until(held_reads.read.is_set)
    threading.Timer(0.2, held_reads.release.set).start()
    page.stop_reading()
    assert not [t for t in threading.enumerate() if t.name == "cramplog-list"]
    qtbot.wait(100)
    assert page.model.rowCount() == 9


def test_deleting_the_last_row_a_filter_shows_leaves_the_list_not_an_empty_diary(
    qtbot: QtBot, page: DiaryPage, months: DiaryEditor
) -> None:
    qtbot.wait_until(lambda: page.model.rowCount() == 9)
    page.filters.muscle.setCurrentIndex(page.filters.muscle.findData("muscle.hamstring"))
    assert page.filters.count_label.text() == "1 of 9 rows"
    page.table.selectRow(0)
    page.delete_selected()
    assert page.filters.count_label.text() == "0 of 8 rows"
    assert page.stack.currentWidget() is page.table  # not "Your diary is empty"
    months.undo_stack.undo()
    assert page.filters.count_label.text() == "1 of 9 rows"


def test_a_time_is_found_as_typed_on_a_12_hour_clock(
    american: None, qtbot: QtBot, page: DiaryPage, editor: DiaryEditor
) -> None:
    """The locale writes "2:10 AM" with a narrow no-break space, which nobody types."""
    editor.add_episode(cramp(5, 2))
    editor.add_episode(cramp(7, 10))
    page.filters.search.setText("2:10 am")
    qtbot.wait_until(lambda: page.filters.count_label.text() == "1 of 2 rows")
    assert column(page, TIME) == ["2:10\u202fAM"]


def test_an_edited_row_stays_selected_and_current(page: DiaryPage, editor: DiaryEditor) -> None:
    for day in (3, 5, 7):
        editor.add_episode(cramp(day, 2))
    page.table.selectRow(1)
    chosen = page.selected_episodes()[0]
    editor.update_episode(chosen.id, replace(chosen.as_input(), notes="stretched, no help"))
    assert [e.uuid for e in page.selected_episodes()] == [chosen.uuid]
    assert page.table.currentIndex().data(KEY_ROLE) == chosen.uuid
    assert page.selected_episodes()[0].notes == "stretched, no help"


def test_a_muscle_word_undone_while_chosen_leaves_every_muscle_shown(
    page: DiaryPage, editor: DiaryEditor
) -> None:
    editor.add_episode(cramp(5, 2))
    word = editor.add_own_word(VocabularyKind.MUSCLE, "Little toe")
    page.filters.muscle.setCurrentIndex(page.filters.muscle.findData(word.code))
    assert page.filters.count_label.text() == "0 of 1 row"
    editor.undo_stack.undo()
    assert page.filters.muscle.currentData() is None
    assert page.filters.count_label.text() == "1 row"


def test_an_import_into_an_empty_diary_is_read_without_inviting_a_first_entry(
    qtbot: QtBot, page: DiaryPage, diary: Diary, editor: DiaryEditor, held_reads: HeldReads
) -> None:
    assert page.stack.currentWidget() is page.empty
    diary.add_episode(cramp(5, 2))  # as an import writes, unseen
    editor.changed.emit(edits.VOCABULARY)
    qtbot.wait_until(held_reads.read.is_set)
    assert page.stack.currentWidget() is page.opening
    assert page.opening.text() == "Reading your diary…"
    held_reads.release.set()
    qtbot.wait_until(lambda: page.filters.count_label.text() == "1 row")
    assert page.stack.currentWidget() is page.table
