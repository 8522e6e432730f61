"""File > Back up now: the copy and its check on a worker thread, behind a small busy dialog.

A century's diary takes the better part of a second to copy and check (the copy, SQLite's
integrity check of it, and counting what it holds), and on the UI thread the window froze
for all of it. The worker uses connections of its own, as the automatic backups do
(`ui.startup.auto_backup`; `diary.backups` lets one backup write at a time), and hands its
outcome to the UI thread through a queued signal, which says what came of it in the same
words as before. The dialog appears only when the backup is still running after 400 ms.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import cast

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from cramplog.core.errors import CramplogError
from cramplog.core.translation import _
from cramplog.diary import backups
from cramplog.ui.pages.export_progress import SHOWN_AFTER_MS, busy_dialog
from cramplog.ui.worker import Worker

# How the outcome is said: (parent, title, text, problem) — `data_actions.tell`.
Tell = Callable[..., None]


class BackUpNow(QObject):
    """One "Back up now" under way; a child of the window until it has said how it went."""

    finished = Signal()

    def __init__(self, window: QWidget, data_dir: Path, tell: Tell) -> None:
        super().__init__(window)
        self.setObjectName("backUpNow")
        self._window = window
        self._data_dir = data_dir
        self._tell = tell
        # No Cancel: a copy half made is of no use, and it is quick anyway.
        self.dialog = busy_dialog(
            window, _("Backing up the diary…"), _("Back up now"), "backUpNowProgress"
        )
        self.worker = Worker(self._back_up, name="cramplog-back-up-now")
        self.worker.when_done(self._done)
        self.running = False

    def start(self) -> None:
        self.running = True
        self.worker.start()
        QTimer.singleShot(SHOWN_AFTER_MS, self._show_if_running)

    def _show_if_running(self) -> None:
        if self.running:
            self.dialog.show()

    def _back_up(self) -> tuple[backups.Backup, backups.BackupDetails]:
        made = backups.back_up(self._data_dir, reason=backups.Reason.MANUAL)
        assert made is not None  # only `only_if_changed` backups can be skipped
        return made, backups.details(made)

    def _done(self, worker: Worker) -> None:
        outcome = worker.wait()  # ended: the wait only joins its thread
        self.running = False
        self.dialog.close()
        self.dialog.deleteLater()
        self.setParent(None)  # no longer the window's backup under way
        self.deleteLater()
        try:
            self._say(outcome)
        finally:
            self.finished.emit()

    def _say(self, outcome: object) -> None:
        if isinstance(outcome, CramplogError):
            self._tell(self._window, _("Backup failed"), str(outcome), problem=True)
            return
        if isinstance(outcome, BaseException):
            raise outcome  # a bug: the app's error hook logs it and says so
        made, held = cast("tuple[backups.Backup, backups.BackupDetails]", outcome)
        self._tell(
            self._window,
            _("Backed up"),
            _("The diary was copied and checked ({contents}); the copy is in {path}.").format(
                contents=held.contents(), path=made.path
            ),
        )


def start(window: QWidget, data_dir: Path, tell: Tell) -> BackUpNow | None:
    """Start backing up the diary, unless a backup asked for by hand is under way already."""
    if window.findChild(BackUpNow, "backUpNow") is not None:
        return None
    run = BackUpNow(window, data_dir, tell)
    run.start()
    return run
