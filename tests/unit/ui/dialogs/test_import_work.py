"""The Import dialog checks and imports on a worker thread: the dialog answers meanwhile."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QProgressDialog
from pytestqt.qtbot import QtBot

from cramplog import exchange
from cramplog.core.errors import StorageError
from cramplog.diary import backups
from cramplog.diary.service import Diary
from cramplog.exchange import stopping
from cramplog.ui.dialogs import import_dialog
from cramplog.ui.dialogs.import_dialog import ImportDialog
from cramplog.ui.pages import export_progress
from tests.unit.ui.dialogs.import_waits import settle

SHEET = (
    "Date,Time,Muscle,Side,Duration,Pain,Notes\n"
    "2026-03-02,02:10,calf,left,2,6,\n"
    "2026-03-05,03:40,calf,right,1,4,woke me\n"
)


class Held:
    """A stand-in for one of the exchange's steps that waits, on the worker, until let go."""

    def __init__(self, real: Callable[..., Any]) -> None:
        self.real = real
        self.calls = 0
        self.started = threading.Event()
        self.go = threading.Event()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        self.started.set()
        assert self.go.wait(20), "the test never let the step go"
        return self.real(*args, **kwargs)


class Endless:
    """A stand-in check of a file too long to wait for: it reads until told to stop (or 20 s
    pass), looking as the real readers look; `then`, once set, makes the next checks."""

    def __init__(self, real: Callable[..., Any]) -> None:
        self.real = real
        self.started = threading.Event()
        self.stopped = False
        self.then: Callable[..., Any] | None = None

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self.then is not None:
            return self.then(*args, **kwargs)
        self.started.set()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                stopping.checkpoint()
            except stopping.CheckStopped:
                self.stopped = True
                raise
            time.sleep(0.002)
        raise AssertionError("the check was never stopped")


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "cramps.csv"
    path.write_text(SHEET)
    return path


@pytest.fixture
def held_check(monkeypatch: pytest.MonkeyPatch) -> Iterator[Held]:
    held = Held(exchange.plan_import)
    monkeypatch.setattr(exchange, "plan_import", held)
    yield held
    held.go.set()  # a test that failed half-way leaves no worker waiting


@pytest.fixture
def endless_check(monkeypatch: pytest.MonkeyPatch) -> Endless:
    endless = Endless(exchange.plan_import)
    monkeypatch.setattr(exchange, "plan_import", endless)
    return endless


@pytest.fixture
def held_import(monkeypatch: pytest.MonkeyPatch) -> Iterator[Held]:
    held = Held(exchange.apply_import)
    monkeypatch.setattr(exchange, "apply_import", held)
    yield held
    held.go.set()


def raising(error: Exception) -> Callable[..., None]:
    """A stand-in for one of the exchange's steps that fails with `error`."""

    def step(*_args: object, **_kwargs: object) -> None:
        raise error

    return step


def opened(qtbot: QtBot, diary: Diary, path: Path) -> ImportDialog:
    dialog = ImportDialog(diary, path=path)
    qtbot.add_widget(dialog)
    dialog.show()
    return dialog


def test_the_dialog_answers_while_a_check_runs_and_says_so(
    qtbot: QtBot, diary: Diary, sheet: Path, held_check: Held
) -> None:
    dialog = opened(qtbot, diary, sheet)
    assert held_check.started.wait(10)
    QTest.qWait(import_dialog.SAY_CHECKING_MS + 100)  # the event loop runs meanwhile
    assert dialog.work.busy
    assert dialog.summary.text() == "Checking cramps.csv…"
    assert not dialog.import_button.isEnabled()
    held_check.go.set()
    settle(dialog)
    assert "It would add 2 new cramps." in dialog.summary.text()
    assert dialog.import_button.isEnabled()
    assert diary.count_episodes() == 0  # a check writes nothing


def test_choices_changed_during_a_check_are_checked_once_when_it_ends(
    qtbot: QtBot, diary: Diary, sheet: Path, held_check: Held
) -> None:
    dialog = opened(qtbot, diary, sheet)
    assert held_check.started.wait(10)
    for _ in range(3):  # three quick changes: the newest choices win
        dialog.span_check.toggle()
    held_check.go.set()
    settle(dialog)
    assert held_check.calls == 2
    assert dialog.span_check.isChecked() is False
    assert "would count as recorded" not in dialog.summary.text()
    assert "It would add 2 new cramps." in dialog.summary.text()


def test_an_import_shows_a_busy_dialog_and_cannot_be_started_twice(
    qtbot: QtBot, diary: Diary, sheet: Path, held_import: Held
) -> None:
    dialog = settle(opened(qtbot, diary, sheet))
    imported: list[exchange.ImportResult] = []
    dialog.imported.connect(imported.append)
    dialog.import_button.click()
    assert held_import.started.wait(10)
    assert not dialog.import_button.isEnabled() and not dialog.check_button.isEnabled()
    QTest.qWait(export_progress.SHOWN_AFTER_MS + 100)
    busy = dialog.findChild(QProgressDialog, "importProgress")
    assert busy is not None and busy.isVisible()
    assert busy.labelText() == "Importing into the diary…"
    dialog.run_import()  # asked again meanwhile: nothing more
    dialog.dry_run()  # nor is a check made during the import
    held_import.go.set()
    settle(dialog)
    assert held_import.calls == 1 and len(imported) == 1
    assert diary.count_episodes() == 2
    assert dialog.summary.text().startswith("Imported 2 cramps")
    left = dialog.findChild(QProgressDialog, "importProgress")
    assert left is None or not left.isVisible()


def test_closing_during_an_import_closes_once_it_has_ended(
    qtbot: QtBot, diary: Diary, sheet: Path, held_import: Held
) -> None:
    dialog = settle(opened(qtbot, diary, sheet))
    dialog.import_button.click()
    assert held_import.started.wait(10)
    dialog.reject()  # Close, Escape or the window's own close button
    assert dialog.isVisible()
    held_import.go.set()
    settle(dialog)
    assert diary.count_episodes() == 2
    assert not dialog.isVisible()


def test_closing_during_a_check_stops_it_at_once(
    qtbot: QtBot, diary: Diary, sheet: Path, endless_check: Endless
) -> None:
    dialog = opened(qtbot, diary, sheet)
    assert endless_check.started.wait(10)
    dialog.reject()  # Escape, while a long file is being checked
    assert endless_check.stopped  # stopped, not waited for to the end
    assert not dialog.isVisible() and not dialog.work.busy
    assert not any(t.name == "cramplog-import" for t in threading.enumerate())
    QTest.qWait(50)  # the worker's own word of its end comes after, and changes nothing
    assert dialog.plan is None and diary.count_episodes() == 0


def test_newer_choices_stop_the_check_under_way_and_are_checked(
    qtbot: QtBot, diary: Diary, sheet: Path, endless_check: Endless
) -> None:
    dialog = opened(qtbot, diary, sheet)
    assert endless_check.started.wait(10)
    endless_check.then = endless_check.real  # the next check is a real one
    dialog.span_check.setChecked(False)
    settle(dialog)
    assert endless_check.stopped
    assert "It would add 2 new cramps." in dialog.summary.text()


def test_an_import_the_diary_refuses_says_so_and_stores_nothing(
    qtbot: QtBot, diary: Diary, sheet: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = settle(opened(qtbot, diary, sheet))
    monkeypatch.setattr(
        exchange,
        "apply_import",
        raising(StorageError("The disk is full, so nothing could be saved.")),
    )
    imported: list[object] = []
    dialog.imported.connect(imported.append)
    dialog.import_button.click()
    settle(dialog)
    assert dialog.summary.text() == (
        "Nothing was imported: The disk is full, so nothing could be saved."
    )
    assert imported == [] and diary.count_episodes() == 0
    assert dialog.import_button.isEnabled()  # the person may try again


def test_a_bug_in_a_check_reaches_the_error_hook(
    qtbot: QtBot, diary: Diary, sheet: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exchange, "plan_import", raising(ZeroDivisionError("a bug")))
    with qtbot.capture_exceptions() as raised:
        dialog = settle(opened(qtbot, diary, sheet))
    assert [kind for kind, _value, _trace in raised] == [ZeroDivisionError]
    assert dialog.plan is None and not dialog.import_button.isEnabled()
    assert not dialog.work.busy
    assert backups.list_backups(diary.data_dir) == []


def test_the_dialog_going_with_its_window_lets_the_import_end_first(
    qtbot: QtBot, diary: Diary, sheet: Path, held_import: Held, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    from cramplog.ui.dialogs import data_actions

    window = QMainWindow()
    qtbot.add_widget(window)
    window.show()
    monkeypatch.setattr(ImportDialog, "ask_for_file", lambda _self: sheet)

    def start_then_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ImportDialog)
        settle(dialog)
        dialog.import_button.click()
        assert held_import.started.wait(10)
        threading.Timer(0.2, held_import.go.set).start()
        dialog.hide()  # as when its window closes under it (the tray's Quit)

    QTimer.singleShot(0, start_then_close)
    data_actions.import_into(window, diary)
    # Back from the dialog: the import has ended, before any exit backup or closing.
    assert not any(t.name == "cramplog-import" for t in threading.enumerate())
    assert diary.count_episodes() == 2


def test_a_close_the_app_asks_for_during_an_import_goes_ahead_once_it_ends(
    qtbot: QtBot, diary: Diary, sheet: Path, held_import: Held
) -> None:
    dialog = settle(opened(qtbot, diary, sheet))
    dialog.import_button.click()
    assert held_import.started.wait(10)
    threading.Timer(0.2, held_import.go.set).start()
    # Not the person's close: Qt's quit closes each window so, and a refusal would cancel it.
    assert dialog.close()
    assert not dialog.isVisible() and diary.count_episodes() == 2


def test_only_the_newest_choices_check_is_shown(
    qtbot: QtBot,
    diary: Diary,
    sheet: Path,
    held_check: Held,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[bool] = []
    real = ImportDialog._checked

    def checked(self: ImportDialog, outcome: object) -> None:
        assert isinstance(outcome, exchange.ImportPlan)
        shown.append(outcome.span is not None)  # whether its nights count as recorded
        real(self, outcome)

    monkeypatch.setattr(ImportDialog, "_checked", checked)
    dialog = opened(qtbot, diary, sheet)
    assert held_check.started.wait(10)
    dialog.span_check.setChecked(False)  # asked while the first check runs
    held_check.go.set()
    settle(dialog)
    assert shown == [False]  # the first check's outcome (nights counted) was never shown


def test_the_busy_cursor_is_shown_while_working_and_then_restored(
    qtbot: QtBot, diary: Diary, sheet: Path, held_check: Held
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    dialog = opened(qtbot, diary, sheet)
    assert held_check.started.wait(10)
    cursor = QGuiApplication.overrideCursor()
    assert cursor is not None and cursor.shape() == Qt.CursorShape.BusyCursor
    held_check.go.set()
    settle(dialog)
    assert QGuiApplication.overrideCursor() is None


def test_a_bug_in_an_import_reaches_the_error_hook_and_stores_nothing(
    qtbot: QtBot, diary: Diary, sheet: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = settle(opened(qtbot, diary, sheet))
    monkeypatch.setattr(exchange, "apply_import", raising(ZeroDivisionError("a bug")))
    with qtbot.capture_exceptions() as raised:
        dialog.import_button.click()
        settle(dialog)
    assert [kind for kind, _value, _trace in raised] == [ZeroDivisionError]
    assert diary.count_episodes() == 0 and not dialog.work.busy
