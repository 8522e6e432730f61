"""The Import dialog's check and import, each on a worker thread, the dialog alive meanwhile.

A ten-year export took about a second to check and one to two to import, and on the UI
thread the window froze for all of it. The worker goes through the open diary itself: its
Store lets one thread at a time in (`storage.store`), so the worker's transaction and any
the window makes never interleave, and a write stays one transaction (all or nothing).

Checks follow the dialog's choices: one asked for while another runs stops that one (the
readers look every few milliseconds: `exchange.stopping`) and is made when it has ended; only
the newest is made. Closing the dialog stops a check the same way, so it closes at once. An
import cannot be cancelled (a half-made import is
nothing, and its one transaction leaves none); a busy dialog says it is under way when it
takes longer than `SHOWN_AFTER_MS`. Nothing is asked of the diary once the import has
started, until it ends; a read the window makes meanwhile (the tray's daily reminder check,
say) waits for the import's transaction, as it would have waited for an import made on the
UI thread. The app quitting or the main window closing during an import waits for it too,
so the diary is never closed under it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QWidget

from cramplog import exchange
from cramplog.core.translation import _
from cramplog.exchange import stopping
from cramplog.ui.pages.export_progress import SHOWN_AFTER_MS, busy_dialog
from cramplog.ui.worker import Worker

if TYPE_CHECKING:
    from cramplog.diary.service import Diary


@dataclass(frozen=True, slots=True)
class CheckAsked:
    """A dry run asked for: the file and the dialog's choices when it was asked."""

    path: Path
    options: exchange.ImportOptions


@dataclass(frozen=True, slots=True)
class ImportAsked:
    """An import asked for: the plan checked, and how to store it."""

    plan: exchange.ImportPlan
    replace: bool
    skip_invalid: bool


# What came of a check or an import: its plan or result, or the exception it raised.
Done = Callable[[object], None]


class ImportWork(QObject):
    """One check or import at a time on a worker; `checked` and `imported` get what came
    of each (a plan or result, or the exception raised), on the UI thread."""

    def __init__(self, dialog: QWidget, diary: Diary, *, checked: Done, imported: Done) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._diary = diary
        self._checked = checked
        self._imported = imported
        self._worker: Worker | None = None
        # Set to stop the check under way (None during an import: it is never stopped).
        self._stop: threading.Event | None = None
        self._storing = False
        self._next: CheckAsked | None = None
        self._busy: QProgressDialog | None = None
        dialog.installEventFilter(self)

    @property
    def busy(self) -> bool:
        """Whether a check or an import is under way (or a check waits for its turn)."""
        return self._worker is not None or self._next is not None

    @property
    def storing(self) -> bool:
        """Whether an import is under way."""
        return self._storing

    def check(self, path: Path, options: exchange.ImportOptions) -> None:
        """Check `path` with `options`, now or when the run under way ends. Asked for
        during an import, it is not made: the import's result is what the dialog shows."""
        if self._storing:
            return
        self._next = CheckAsked(path, options)
        if self._worker is None:
            self._start_next()
        elif self._stop is not None:
            self._stop.set()  # its outcome is of no use any more: this one starts when it ends

    def store(self, plan: exchange.ImportPlan, *, replace: bool, skip_invalid: bool) -> None:
        """Import `plan`; the dialog asks only when no check is under way or waiting."""
        assert not self.busy, "an import starts only from a finished check"
        self._storing = True
        self._start(ImportAsked(plan, replace, skip_invalid))
        QTimer.singleShot(SHOWN_AFTER_MS, self._show_busy)

    def wait(self) -> None:
        """End the run under way now: a check is stopped, an import waited for and what
        came of it taken (a check waiting for its turn is not made)."""
        self._next = None
        worker = self._worker
        if self._stop is not None:
            self._stop.set()
        if worker is not None:
            worker.wait()
            self._done(worker)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A close that is not the person's (Qt 6's quit closes each window so) is never
        refused during an import, or the quit would be cancelled: the import is waited for."""
        if event.type() == QEvent.Type.Close and self._storing and not event.spontaneous():
            self.wait()
        return False

    def _start_next(self) -> None:
        asked, self._next = self._next, None
        if asked is not None:
            self._start(asked)

    def _start(self, asked: CheckAsked | ImportAsked) -> None:
        diary = self._diary
        stop = self._stop = threading.Event() if isinstance(asked, CheckAsked) else None

        def work() -> object:
            if isinstance(asked, CheckAsked):
                assert stop is not None
                with stopping.stoppable(stop):
                    return exchange.plan_import(diary, asked.path, asked.options)
            return exchange.apply_import(
                diary, asked.plan, replace=asked.replace, skip_invalid=asked.skip_invalid
            )

        worker = Worker(work, name="cramplog-import")
        worker.when_done(self._done)
        self._worker = worker
        # An arrow with an hourglass: busy, yet the dialog still answers.
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        worker.start()

    def _show_busy(self) -> None:
        if not self._storing:
            return
        self._busy = busy_dialog(
            self._dialog,
            _("Importing into the diary…"),
            _("Import into the diary"),
            "importProgress",
        )
        self._busy.show()

    def _done(self, worker: Worker) -> None:
        if worker is not self._worker:
            return  # its outcome was taken already, by `wait`
        outcome = worker.wait()  # ended: the wait only joins its thread
        QGuiApplication.restoreOverrideCursor()
        self._worker = None
        self._stop = None
        if self._storing:
            self._storing = False
            if self._busy is not None:
                self._busy.close()
                self._busy.deleteLater()
                self._busy = None
            self._imported(outcome)
            return
        if self._next is not None:
            self._start_next()  # newer choices: this outcome is of no use any more
            return
        if isinstance(outcome, stopping.CheckStopped):
            return  # stopped as the dialog closed: nothing to show
        self._checked(outcome)
