"""The restore dialog opens at once and checks the backups behind it, newest first."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cramplog.diary import backups
from cramplog.diary.service import Diary
from cramplog.ui.dialogs.restore_dialog import RestoreDialog
from tests.conftest import NOW
from tests.unit.data_safety import log_cramp


@pytest.fixture
def three_backups(data_dir: Path) -> Iterator[list[backups.Backup]]:
    """Backups of a diary of 1, 2 and 3 cramps, newest first."""
    diary = Diary.open(data_dir, clock=lambda: NOW)
    try:
        for n in range(3):
            log_cramp(diary, n)
            made = backups.back_up(data_dir, now=datetime.now(UTC) - timedelta(days=3 - n))
            assert made is not None
    finally:
        diary.close()
    found = backups.list_backups(data_dir)
    assert len(found) == 3
    yield found


def column(dialog: RestoreDialog, at: int) -> list[str]:
    """The texts of one column, top to bottom."""
    items = [dialog.table.item(row, at) for row in range(dialog.table.rowCount())]
    return [item.text() if item is not None else "" for item in items]


def state(dialog: RestoreDialog) -> list[str]:
    return column(dialog, 4)


class HeldChecks:
    """A check that waits until the test lets it go, counting the backups it checked."""

    def __init__(self) -> None:
        self.go = threading.Event()
        self.done: list[Path] = []

    def __call__(self, backup: backups.Backup) -> backups.BackupDetails:
        self.go.wait(10)
        self.done.append(backup.path)
        return backups.details(backup)


def test_the_list_shows_before_any_backup_is_checked(
    qtbot: QtBot, three_backups: list[backups.Backup]
) -> None:
    held = HeldChecks()
    dialog = RestoreDialog(three_backups, check=held)
    qtbot.add_widget(dialog)
    assert dialog.table.rowCount() == 3
    assert state(dialog) == ["Checking…"] * 3
    assert column(dialog, 2) == ["", "", ""]
    assert dialog.selected() is None and not dialog.restore_button.isEnabled()
    held.go.set()
    qtbot.wait_until(lambda: None not in dialog.checked, timeout=5000)
    assert state(dialog) == ["Verified"] * 3
    assert column(dialog, 2) == ["3", "2", "1"]
    assert held.done == [b.path for b in three_backups]  # newest first
    chosen = dialog.selected()  # the newest good one, chosen for the person
    assert chosen is not None and chosen.backup == three_backups[0]
    assert dialog.restore_button.isEnabled()


def test_a_row_chosen_while_checking_stays_chosen_and_waits_for_its_check(
    qtbot: QtBot, three_backups: list[backups.Backup]
) -> None:
    held = HeldChecks()
    dialog = RestoreDialog(three_backups, check=held)
    qtbot.add_widget(dialog)
    dialog.table.selectRow(2)
    assert not dialog.restore_button.isEnabled()  # not checked yet: it cannot be restored
    held.go.set()
    qtbot.wait_until(lambda: None not in dialog.checked, timeout=5000)
    chosen = dialog.selected()
    assert chosen is not None and chosen.backup == three_backups[2]
    dialog.restore_button.click()
    assert dialog.chosen is chosen and chosen.episodes == 1


def test_a_damaged_backup_cannot_be_chosen(
    qtbot: QtBot, three_backups: list[backups.Backup]
) -> None:
    three_backups[0].path.write_bytes(b"not a diary at all")
    dialog = RestoreDialog(three_backups)
    qtbot.add_widget(dialog)
    qtbot.wait_until(lambda: None not in dialog.checked, timeout=5000)
    assert state(dialog)[0].startswith("Cannot be used") and state(dialog)[1:] == ["Verified"] * 2
    chosen = dialog.selected()
    assert chosen is not None and chosen.backup == three_backups[1]
    dialog.table.selectRow(0)
    assert dialog.selected() is not dialog.checked[0]
    assert dialog.checked[0] is not None and not dialog.checked[0].usable


def test_closing_the_dialog_stops_the_checks(
    qtbot: QtBot, three_backups: list[backups.Backup]
) -> None:
    held = HeldChecks()
    dialog = RestoreDialog(three_backups, check=held)
    qtbot.add_widget(dialog)
    threading.Timer(0.05, held.go.set).start()
    dialog.reject()  # waits for the check under way; starts no other
    assert len(held.done) <= 1
    assert [t for t in threading.enumerate() if t.name == "cramplog-check-backups"] == []


def test_a_bug_in_a_check_is_raised_on_the_ui_thread(
    qtbot: QtBot, three_backups: list[backups.Backup]
) -> None:
    def bug(_backup: backups.Backup) -> backups.BackupDetails:
        raise KeyError("a bug")

    with qtbot.capture_exceptions() as raised:
        dialog = RestoreDialog(three_backups, check=bug)
        qtbot.add_widget(dialog)
        qtbot.wait_until(lambda: len(raised) == 3, timeout=5000)
    assert {type(exc) for _kind, exc, _traceback in raised} == {KeyError}
    assert not dialog.restore_button.isEnabled()
