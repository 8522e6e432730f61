"""Start-up: the window is on screen first, the newest rows next, then the whole open diary."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from cramplog.core.records import DiaryListing
from cramplog.demo import sample
from cramplog.diary import setting_values
from cramplog.diary.service import Diary
from cramplog.storage import preview
from cramplog.ui.main_window import MainWindow
from cramplog.ui.places import DIARY, PATTERNS
from cramplog.ui.preferences import Preferences
from cramplog.ui.startup import app as cramplog_app
from cramplog.ui.widgets.episode_model import KEY_ROLE


@pytest.fixture
def year_of_cramps(tmp_path: Path) -> Path:
    """A sample diary with more cramps than the start-up preview holds."""
    folder = tmp_path / "diary"
    sample.create_sample_diary(
        folder,
        size=sample.SampleSize(years=1, episodes_per_week=6),
        seed=11,
        end=date(2026, 3, 10),
    )
    return folder


def _rows_in_diary(folder: Path) -> int:
    diary = Diary.open(folder)
    try:
        return len(diary.list_episodes()) + len(diary.cramp_free_nights())
    finally:
        diary.close()


def test_a_window_without_its_diary_says_it_is_opening(
    qtbot: QtBot, preferences: Preferences
) -> None:
    window = MainWindow(preferences=preferences)
    qtbot.add_widget(window)
    window.show()
    page = window.pages.currentWidget()
    assert page is not None
    assert [label.text() for label in page.findChildren(QLabel)] == ["Opening your diary…"]
    # Logging is there from the first paint (see the next tests); what needs the open
    # diary waits for it.
    for action in (window.log_action, window.now_action, window.review_action):
        assert action.isEnabled()
    for action in (window.own_words_action, window.settings_action, window.undo_action):
        assert not action.isEnabled()
    assert window.quit_action.isEnabled()


def test_the_newest_rows_show_before_the_diary_opens_then_the_whole_list(
    qtbot: QtBot, preferences: Preferences, year_of_cramps: Path
) -> None:
    window = MainWindow(preferences=preferences)
    qtbot.add_widget(window)
    window.show()
    window.show_place(DIARY)
    listing = preview.newest_rows(year_of_cramps / "diary.sqlite3", 20)
    assert listing is not None and len(listing.episodes) == 20
    window.show_preview(listing)
    page = window.diary_page
    assert page.model.rowCount() >= 20  # the 20 newest cramps and the quiet nights among them
    assert not page.complete
    assert page.filters.count_label.text() == "Opening…"
    assert not page.filters.search.isEnabled()  # nothing to search until the diary is open
    top = [page.model.index(row, 0).data(KEY_ROLE) for row in range(15)]
    diary = Diary.open(year_of_cramps)
    try:
        assert diary.list_episodes()[-1].uuid in top[:5]  # the latest cramp is at the top
        window.attach(diary)
        assert page.complete
        # The whole list arrives without the rows on screen moving.
        assert [page.model.index(row, 0).data(KEY_ROLE) for row in range(15)] == top
        assert page.model.rowCount() == _rows_in_diary_open(diary)
        assert page.filters.count_label.text() == f"{page.model.rowCount()} rows"
        assert page.filters.search.isEnabled()
        assert window.log_action.isEnabled()
        window.close()
    finally:
        diary.close()


def _rows_in_diary_open(diary: Diary) -> int:
    return len(diary.list_episodes()) + len(diary.cramp_free_nights())


def test_the_app_opens_a_healthy_diary_into_the_painted_window_with_a_preview(
    qtbot: QtBot,
    preferences: Preferences,
    year_of_cramps: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    previews: list[int] = []
    show_preview = MainWindow.show_preview

    def spy(window: MainWindow, listing: DiaryListing) -> None:
        previews.append(len(listing.episodes))
        show_preview(window, listing)

    monkeypatch.setattr(MainWindow, "show_preview", spy)
    expected = _rows_in_diary(year_of_cramps)
    window = MainWindow(preferences=preferences)
    qtbot.add_widget(window)
    opening = cramplog_app.DiaryOpening(window, year_of_cramps, sample=True)
    window.show()
    qtbot.wait_until(lambda: window.attached, timeout=10_000)
    try:
        assert previews == [cramplog_app.PREVIEW_ROWS]
        assert expected > cramplog_app.PREVIEW_ROWS
        qtbot.wait_until(lambda: window.diary_page.model.rowCount() == expected)
        assert window.diary_page.complete
        assert window.log_action.isEnabled()
    finally:
        window.close()
        assert opening.diary is not None
        opening.diary.close()


def test_a_healthy_diary_opens_and_reads_its_list_off_the_ui_thread(
    qtbot: QtBot,
    preferences: Preferences,
    year_of_cramps: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cramplog.diary import first_screen

    opened_on: list[threading.Thread] = []
    listed_on: list[threading.Thread] = []
    open_with_list = first_screen.open_with_list
    list_episodes = Diary.list_episodes

    def opening_spy(*args: Any) -> Any:
        opened_on.append(threading.current_thread())
        return open_with_list(*args)

    def listing_spy(diary: Diary, *args: Any) -> Any:
        listed_on.append(threading.current_thread())
        return list_episodes(diary, *args)

    monkeypatch.setattr(first_screen, "open_with_list", opening_spy)
    monkeypatch.setattr(Diary, "list_episodes", listing_spy)
    expected = _rows_in_diary(year_of_cramps)
    listed_on.clear()
    window = MainWindow(preferences=preferences)
    qtbot.add_widget(window)
    opening = cramplog_app.DiaryOpening(window, year_of_cramps, sample=True)
    window.show()
    qtbot.wait_until(lambda: window.attached, timeout=10_000)
    try:
        ui = threading.main_thread()
        assert len(opened_on) == 1 and opened_on[0] is not ui
        # The whole list came from the worker: the UI thread did not read it again.
        assert listed_on and ui not in listed_on
        assert window.diary_page.model.rowCount() == expected
        assert window.diary_page.complete
    finally:
        window.close()
        assert opening.diary is not None
        opening.diary.close()


def test_a_diary_that_cannot_be_opened_on_the_worker_is_told_and_the_app_leaves(
    qtbot: QtBot,
    preferences: Preferences,
    year_of_cramps: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cramplog.core.errors import StorageError
    from cramplog.diary import first_screen

    def locked(*_args: object) -> None:
        raise StorageError("The diary is locked by another program.")

    told: list[str] = []
    monkeypatch.setattr(first_screen, "open_with_list", locked)
    monkeypatch.setattr(cramplog_app, "tell", lambda _p, _t, text: told.append(text))
    exits: list[int] = []
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    monkeypatch.setattr(app, "exit", lambda code=0: exits.append(code))
    window = MainWindow(preferences=preferences)
    qtbot.add_widget(window)
    opening = cramplog_app.DiaryOpening(window, year_of_cramps, sample=True)
    window.show()
    qtbot.wait_until(lambda: exits == [1], timeout=10_000)
    assert told == ["The diary is locked by another program."]
    assert opening.diary is None and not window.attached


def test_a_diary_that_opens_after_the_window_closed_is_closed_again(
    qtbot: QtBot,
    preferences: Preferences,
    year_of_cramps: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cramplog.diary import first_screen

    release = threading.Event()
    late: list[Diary] = []
    open_with_list = first_screen.open_with_list

    def slow(*args: Any) -> Any:
        assert release.wait(10)
        diary, rows = open_with_list(*args)
        late.append(diary)
        return diary, rows

    closed: list[Diary] = []
    close = Diary.close

    def closing_spy(diary: Diary) -> None:
        closed.append(diary)
        close(diary)

    monkeypatch.setattr(first_screen, "open_with_list", slow)
    monkeypatch.setattr(Diary, "close", closing_spy)
    window = MainWindow(preferences=preferences)
    qtbot.add_widget(window)
    opening = cramplog_app.DiaryOpening(window, year_of_cramps, sample=True)
    window.show()
    qtbot.wait_until(lambda: opening._worker is not None, timeout=10_000)
    window.close()  # the person left while the diary was still opening
    release.set()
    opening.stop()  # what the app does once its event loop is over
    assert opening.diary is None and len(late) == 1
    assert closed == late


def test_no_preview_when_the_window_opens_on_another_place(
    qtbot: QtBot,
    preferences: Preferences,
    year_of_cramps: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    previews: list[object] = []
    monkeypatch.setattr(MainWindow, "show_preview", lambda *args: previews.append(args))
    preferences.last_place = PATTERNS
    window = MainWindow(preferences=preferences)
    qtbot.add_widget(window)
    opening = cramplog_app.DiaryOpening(window, year_of_cramps, sample=True)
    window.show()
    qtbot.wait_until(lambda: window.attached, timeout=10_000)
    try:
        assert previews == []
        assert window.pages.currentWidget() is window.patterns_page
    finally:
        window.close()
        assert opening.diary is not None
        opening.diary.close()


def test_starting_on_patterns_builds_the_list_only_when_it_is_first_shown(
    qtbot: QtBot, preferences: Preferences, year_of_cramps: Path
) -> None:
    from cramplog.ui.pages.diary_page import DiaryPage

    preferences.last_place = PATTERNS
    expected = _rows_in_diary(year_of_cramps)
    window = MainWindow(preferences=preferences)
    qtbot.add_widget(window)
    opening = cramplog_app.DiaryOpening(window, year_of_cramps, sample=True)
    window.show()
    qtbot.wait_until(lambda: window.attached, timeout=10_000)
    try:
        assert window.findChildren(DiaryPage) == []  # nobody waited for a list not in view
        window.show_place(DIARY)
        page = window.diary_page
        qtbot.wait_until(lambda: page.model.rowCount() == expected)
        assert page.complete and page.filters.search.isEnabled()
        assert page.filters.count_label.text() == f"{expected:,} rows"
    finally:
        window.close()
        assert opening.diary is not None
        opening.diary.close()


def test_a_damaged_diary_gets_no_preview_and_quitting_leaves_the_app(
    qtbot: QtBot,
    preferences: Preferences,
    year_of_cramps: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = year_of_cramps / "diary.sqlite3"
    data = bytearray(path.read_bytes())
    data[0:16] = b"\x00" * 16  # the header wiped
    path.write_bytes(bytes(data))
    from cramplog.ui.dialogs.restore_dialog import DamagedChoice

    monkeypatch.setattr(cramplog_app, "choose_for_damaged", lambda *_a: DamagedChoice.QUIT)
    previews: list[object] = []
    monkeypatch.setattr(MainWindow, "show_preview", lambda *args: previews.append(args))
    exits: list[int] = []
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    monkeypatch.setattr(app, "exit", lambda code=0: exits.append(code))
    window = MainWindow(preferences=preferences)
    qtbot.add_widget(window)
    cramplog_app.DiaryOpening(window, year_of_cramps, sample=True)
    window.show()
    qtbot.wait_until(lambda: exits == [1], timeout=10_000)
    assert previews == []
    assert not window.attached
    assert path.read_bytes() == bytes(data)  # untouched


def test_the_window_paints_in_fusion_before_sqlalchemy_or_the_records_load(
    tmp_path: Path, year_of_cramps: Path
) -> None:
    """Run the real entry point to its first paint, then ask what it had loaded: not
    SQLAlchemy, not the records, not even PySide's Qt-namespace enums (~25 ms to build)."""
    script = (
        "import sys\n"
        "from cramplog import cli\n"
        "code = cli.main(['--data-dir', sys.argv[1]])\n"
        "from PySide6 import QtCore\n"
        "print(code, 'sqlalchemy' in sys.modules, 'cramplog.core.records' in sys.modules,\n"
        "      'Qt' in vars(QtCore))\n"
        "from PySide6.QtWidgets import QApplication\n"
        "print(QApplication.instance().style().name())\n"
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "CRAMPLOG_BENCHMARK_EXIT": "painted",
    }
    result = subprocess.run(
        [sys.executable, "-c", script, str(year_of_cramps)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=True,
    )
    assert result.stdout.split()[-5:] == ["0", "False", "False", "False", "fusion"]


def test_preview_rows_cannot_be_edited_or_deleted_until_the_diary_is_open(
    qtbot: QtBot, preferences: Preferences, year_of_cramps: Path
) -> None:
    window = MainWindow(preferences=preferences)
    qtbot.add_widget(window)
    window.show()
    listing = preview.newest_rows(year_of_cramps / "diary.sqlite3", 20)
    assert listing is not None
    window.show_preview(listing)
    table = window.diary_page.table
    table.selectRow(0)
    edits: list[object] = []
    window.diary_page.edit_requested.connect(edits.append)
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Delete)
    QTest.keyClick(table, Qt.Key.Key_Return)
    table.doubleClicked.emit(table.model().index(0, 0))
    assert edits == []
    assert window.diary_page.model.rowCount() >= 20  # nothing was deleted
    assert _rows_in_diary(year_of_cramps) > cramplog_app.PREVIEW_ROWS


def test_a_cramp_logged_while_the_diary_opens_is_taken_once_it_is_open(
    qtbot: QtBot,
    preferences: Preferences,
    year_of_cramps: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(MainWindow, "quick_log", lambda self: asked.append(self.attached))
    window = MainWindow(preferences=preferences)
    qtbot.add_widget(window)
    window.show()
    window.log_action.trigger()  # Ctrl+N before the diary is open
    assert asked == []
    assert "Opening your diary" in window.statusBar().currentMessage()
    diary = Diary.open(year_of_cramps)
    try:
        window.attach(diary)
        qtbot.wait_until(lambda: asked == [True])
        window.close()
    finally:
        diary.close()


def test_a_failure_while_attaching_is_told_and_the_app_leaves(
    qtbot: QtBot,
    preferences: Preferences,
    year_of_cramps: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cramplog.core.errors import StorageError

    def locked(_window: MainWindow, _diary: Diary) -> None:
        raise StorageError("The diary is locked by another program.")

    told: list[str] = []
    monkeypatch.setattr(MainWindow, "attach", locked)
    monkeypatch.setattr(cramplog_app, "tell", lambda _p, _t, text: told.append(text))
    exits: list[int] = []
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    monkeypatch.setattr(app, "exit", lambda code=0: exits.append(code))
    window = MainWindow(preferences=preferences)
    qtbot.add_widget(window)
    opening = cramplog_app.DiaryOpening(window, year_of_cramps, sample=True)
    window.show()
    qtbot.wait_until(lambda: exits == [1], timeout=10_000)
    assert told == ["The diary is locked by another program."]
    assert opening.diary is None
    # The diary was closed again: it opens at once, nothing holding it.
    Diary.open(year_of_cramps).close()


def test_leaving_for_a_restore_makes_no_closing_backup_but_a_clean_exit_does(
    qtbot: QtBot, preferences: Preferences, year_of_cramps: Path
) -> None:
    from cramplog.core.records import EpisodeInput, Side
    from cramplog.diary import backups

    diary = Diary.open(year_of_cramps)
    try:
        window = MainWindow(diary, preferences=preferences)
        qtbot.add_widget(window)
        opening = cramplog_app.DiaryOpening(window, year_of_cramps, sample=False)
        window.editor.add_episode(
            EpisodeInput(
                start=diary.now() - timedelta(hours=1), muscle="muscle.calf", side=Side.LEFT
            )
        )
        before = len(backups.list_backups(year_of_cramps))
        opening.stop()  # what the app does before restoring a backup
        assert len(backups.list_backups(year_of_cramps)) == before
        opening.back_up_changes()  # what it does on a clean exit
        assert len(backups.list_backups(year_of_cramps)) == before + 1
        window.close()
    finally:
        diary.close()


def test_a_first_run_opens_the_tour_beside_the_window_once_the_diary_is_open(
    qtbot: QtBot, preferences: Preferences, diary: Diary, tour_allowed: None
) -> None:
    from cramplog.ui.dialogs.tour import TourDialog

    window = MainWindow(diary, preferences=preferences)
    qtbot.add_widget(window)
    window.show()
    cramplog_app.DiaryOpening(window, diary.data_dir, sample=False)
    qtbot.wait_until(lambda: any(t.isVisible() for t in window.findChildren(TourDialog)))
    (tour,) = window.findChildren(TourDialog)
    tour.never_again.setChecked(True)
    tour.close()
    assert not preferences.show_tour


def test_a_start_on_patterns_loads_the_charts_off_the_ui_thread_even_under_qwait(
    tmp_path: Path, year_of_cramps: Path
) -> None:
    """Start on Patterns as the app does, in a fresh process (so matplotlib is not loaded
    yet): its figures come first, read from the file before SQLAlchemy is even loaded, the
    worker loads matplotlib after the diary is open, and the charts appear even while the
    caller waits in QTest.qWait, which never lets another thread run by itself (the
    screenshot script and pytest-qt wait so)."""
    script = f"""
import os, sys, threading
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from cramplog.ui.main_window import MainWindow
from cramplog.ui.places import PATTERNS
from cramplog.ui.preferences import Preferences
from cramplog.ui.startup import app as cramplog_app
importers = set()
def watch(event, args):
    if event == "import" and args[0] == "matplotlib":
        importers.add(threading.current_thread() is threading.main_thread())
sys.addaudithook(watch)
from cramplog.ui.pages.patterns_page import PatternsPage
first_paint = []
painting = PatternsPage.paintEvent
def paint(page, event):
    if not first_paint and page.stats is not None:
        first_paint.append((
            page.stats.episodes > 0, len(page.chart_views), "sqlalchemy" in sys.modules,
            "matplotlib" in sys.modules, window.attached,
        ))
    painting(page, event)
PatternsPage.paintEvent = paint
app = QApplication([])
settings = QSettings({str(tmp_path / "settings.ini")!r}, QSettings.Format.IniFormat)
preferences = Preferences(settings)
preferences.last_place = PATTERNS
window = MainWindow(preferences=preferences)
opening = cramplog_app.DiaryOpening(window, Path({str(year_of_cramps)!r}), sample=True)
window.resize(1000, 700)
window.show()
for _ in range(2000):  # short waits, as pytest-qt's: the opening worker runs between them
    if window.attached:
        break
    QTest.qWait(10)
page = window.patterns_page
print("numbers painted (any cramps, charts, sqlalchemy, matplotlib, diary open):", first_paint)
for _ in range(10):  # long waits: only the page's own asking lets the loading go on
    if page.charts_made:
        break
    QTest.qWait(3000)
print("charts:", len(page.chart_views), page.charts_made)
print("matplotlib imported on the UI thread:", sorted(importers))
window.close()
opening.stop()
opening.diary.close()
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=180,
        env={
            **os.environ,
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
            # The morning after the sample's last night, so its last 3 months hold cramps.
            setting_values.PINNED_NOW_ENV: "2026-03-11T09:30:00",
        },
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    # The numbers are painted from the file before the diary, its SQLAlchemy or any chart.
    painted = "numbers painted (any cramps, charts, sqlalchemy, matplotlib, diary open):"
    assert f"{painted} [(True, 0, False, False, False)]" in out
    assert "charts: 7 True" in out
    assert "matplotlib imported on the UI thread: [False]" in out
