"""Choosing a backup to restore, and what to do when the diary file is found damaged."""

from __future__ import annotations

import enum
from collections.abc import Sequence

from PySide6.QtCore import Qt
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
from cramplog.diary.backups import Backup, BackupDetails
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
    """Lists the backups (date, why, cramps, nights) and returns the one chosen."""

    COLUMNS = (N_("Taken"), N_("Why"), N_("Cramps"), N_("Nights"), N_("State"))

    # Over 60 lines: it lays out the widgets top to bottom in their tab order, one block
    # per row; splitting it would scatter one layout across methods.
    def __init__(self, backups: Sequence[BackupDetails], *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(_("Restore from a backup"))
        self.backups = list(backups)
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
        for row, details in enumerate(self.backups):
            cells = (
                when(details.backup),
                details.backup.reason.label,
                "" if details.episodes is None else wording.number(details.episodes),
                "" if details.nights is None else wording.number(details.nights),
                _("Verified")
                if details.usable
                else _("Cannot be used: {problem}").format(problem=details.problem),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if not details.usable:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(row, column, item)
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
        first_usable = next((i for i, d in enumerate(self.backups) if d.usable), None)
        if first_usable is not None:
            self.table.selectRow(first_usable)

    def selected(self) -> BackupDetails | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        details = self.backups[rows.pop()]
        return details if details.usable else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def _restore(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self.chosen = chosen
        self.accept()


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
