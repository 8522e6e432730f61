"""Choosing a backup to restore, and what to do when the diary file is found damaged."""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cramplog.core import wording
from cramplog.core.translation import N_, _
from cramplog.diary.backups import Backup, BackupDetails, details
from cramplog.diary.integrity import Verdict


def when(backup: Backup) -> str:
    """A backup's moment in the computer's local time, as a person reads it."""
    local = backup.taken_utc.astimezone()
    return wording.date_time(local)


def describe(details: BackupDetails) -> str:
    """ "Tue 10 Mar 2026, 22:30 — 118 cramps, 290 nights" for buttons and confirmations."""
    if not details.usable:
        return _("{when} — cannot be used ({problem})").format(
            when=when(details.backup), problem=details.problem
        )
    return f"{when(details.backup)} — {details.contents()}"


def _label(text: str, *, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if bold:
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        label.setFont(font)
    return label


class RestoreDialog(QDialog):
    """Lists the backups (date, why, cramps, nights) and returns the one chosen.

    The list shows at once, from the backups' names; each copy is then checked on a worker
    thread, newest first (`BackupChecks`), and its row filled in as its check ends. A check
    reads the whole copy: a third of a second for a century of cramps, so a few dozen
    backups checked before the dialog opened kept the window frozen for seconds.
    """

    COLUMNS = (N_("Taken"), N_("Why"), N_("Cramps"), N_("Nights"), N_("State"))

    # Over 60 lines: it lays out the widgets top to bottom in their tab order, one block
    # per row; splitting it would scatter one layout across methods.
    def __init__(
        self,
        backups: Sequence[Backup],
        *,
        check: Callable[[Backup], BackupDetails] = details,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(_("Restore from a backup"))
        self.backups = list(backups)
        self.checked: list[BackupDetails | None] = [None] * len(self.backups)
        self.chosen: BackupDetails | None = None

        intro = _label(
            _(
                "Choose the backup to put in place of your diary. The diary as it is now is kept "
                "as a backup first, so a restore can itself be undone by restoring that one."
            )
        )
        self.table = QTableWidget(len(self.backups), len(self.COLUMNS))
        self.table.setObjectName("backupTable")
        self.table.setAccessibleName(_("Backups"))
        self.table.setHorizontalHeaderLabels([_(column) for column in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        for row, backup in enumerate(self.backups):
            self._fill(row, (when(backup), backup.reason.label, "", "", _("Checking…")))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self._restore())

        self.empty = _label(_("There are no backups yet. cramplog makes one every day it is used."))
        self.empty.setVisible(not self.backups)
        self.table.setVisible(bool(self.backups))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            _("Restore this backup"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._restore)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.resize(720, 420)
        self.checks = BackupChecks(self.backups, check)
        self.checks.checked.connect(self._checked)
        self.checks.start()

    def _fill(self, row: int, cells: tuple[str, ...], *, usable: bool = True) -> None:
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column in (2, 3):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if not usable:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                item.setForeground(self.palette().placeholderText())
            self.table.setItem(row, column, item)

    def _checked(self, row: int, found: BackupDetails | Exception) -> None:
        """A backup's check ended: its row says what it holds, and the newest good backup
        is chosen once known (unless the person chose one meanwhile)."""
        if isinstance(found, Exception):
            raise found  # a bug in the check: the app's error hook logs it and says so
        self.checked[row] = found
        cells = (
            when(found.backup),
            found.backup.reason.label,
            "" if found.episodes is None else wording.number(found.episodes),
            "" if found.nights is None else wording.number(found.nights),
            _("Verified")
            if found.usable
            else _("Cannot be used: {problem}").format(problem=found.problem),
        )
        chosen_rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        self._fill(row, cells, usable=found.usable)
        if not chosen_rows and found.usable:
            self.table.selectRow(row)
        self._selection_changed()

    def selected(self) -> BackupDetails | None:
        """The backup chosen in the list, once its check found it good."""
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        found = self.checked[rows.pop()]
        return found if found is not None and found.usable else None

    def done(self, result: int) -> None:
        self.checks.stop()  # a check under way ends; none other starts
        super().done(result)

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def _restore(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self.chosen = chosen
        self.accept()


class BackupChecks(QObject):
    """Checks backups one after the other on a worker thread; `checked` carries each result
    (its row, its details) to the UI thread through a queued signal."""

    checked = Signal(int, object)  # row, its BackupDetails (or the exception of a bug)

    def __init__(self, backups: Sequence[Backup], check: Callable[[Backup], BackupDetails]) -> None:
        super().__init__()
        self._backups = tuple(backups)
        self._check = check
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._work, name="cramplog-check-backups")

    def start(self) -> None:
        if self._backups:
            self._thread.start()

    def stop(self) -> None:
        """Check no more, and wait for the check under way (it only reads)."""
        self._stopping.set()
        if self._thread.is_alive():
            self._thread.join()

    def _work(self) -> None:
        for row, backup in enumerate(self._backups):
            if self._stopping.is_set():
                return
            try:
                found: BackupDetails | Exception = self._check(backup)
            except Exception as exc:  # never lost on the worker: raised on the UI thread
                found = exc
            self.checked.emit(row, found)


class DamagedChoice(enum.Enum):
    RESTORE = "restore"
    NEW_DIARY = "new_diary"
    QUIT = "quit"


class DamagedDiaryDialog(QDialog):
    """The diary file is damaged or not a diary: restore a backup, start afresh, or quit.

    Whatever is chosen, the damaged file itself is never written to: a restore or a new
    diary first renames it aside, byte for byte.
    """

    def __init__(
        self,
        verdict: Verdict,
        newest_good: BackupDetails | None,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("damagedDiaryDialog")
        self.setWindowTitle(_("The diary cannot be opened"))
        self.choice = DamagedChoice.QUIT
        self.newest_good = newest_good

        heading = _label(_("The diary file cannot be opened safely."), bold=True)
        reason = _label(verdict.message)
        reason.setObjectName("verdictMessage")
        reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        promise = _label(
            _(
                "cramplog has not written anything into it, and will not. Whatever you choose, "
                "the file is kept exactly as it is, renamed, so nothing in it is lost."
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(reason)
        layout.addWidget(promise)
        layout.addSpacing(8)

        self.restore_button = QPushButton(_("Restore the newest good backup"))
        self.restore_button.setObjectName("restoreNewest")
        if newest_good is not None:
            detail = _label(_("Newest good backup: {backup}.").format(backup=describe(newest_good)))
        else:
            detail = _label(_("There is no good backup to restore."))
            self.restore_button.setEnabled(False)
        detail.setObjectName("newestBackup")
        self.new_button = QPushButton(_("Start a new, empty diary"))
        self.new_button.setObjectName("startNew")
        self.quit_button = QPushButton(_("Quit"))
        self.quit_button.setObjectName("quit")
        self.restore_button.clicked.connect(lambda: self._choose(DamagedChoice.RESTORE))
        self.new_button.clicked.connect(lambda: self._choose(DamagedChoice.NEW_DIARY))
        self.quit_button.clicked.connect(lambda: self._choose(DamagedChoice.QUIT))

        layout.addWidget(detail)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addWidget(self.new_button)
        row.addStretch(1)
        row.addWidget(self.quit_button)
        layout.addLayout(row)
        (self.restore_button if newest_good is not None else self.quit_button).setDefault(True)
        self.setMinimumWidth(560)

    def _choose(self, choice: DamagedChoice) -> None:
        self.choice = choice
        if choice is DamagedChoice.QUIT:
            self.reject()
        else:
            self.accept()
