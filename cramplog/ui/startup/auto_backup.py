"""Backups on their own while the app runs: at start-up when due, as the diary changes, at exit.

While the window is up, each backup runs on a worker thread: making sure the diary changed
since the newest backup hashes every row, over a second for a century of cramps, and the
copy and its check are a third of a second more. On the UI thread that froze the window
every half hour of work. The worker uses connections of its own (read-only ones and
SQLite's backup copy), which WAL lets read while the window saves; its result reaches the UI
thread through a queued signal. The backup at exit runs where it is asked, after the window
has gone.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from cramplog.core.errors import CramplogError
from cramplog.core.translation import _
from cramplog.diary import backups
from cramplog.ui.worker import Worker, outcome_of

# A due start-up backup waits this long after the window appears, so it never delays the
# first paint (nor the start-up benchmark, which quits right after it).
STARTUP_BACKUP_DELAY_MS = 3000


class AutoBackup(QObject):
    """Backups on their own: at start-up if the newest is over a day old, every 30 minutes
    while the diary changes, and at a clean exit. An unchanged diary makes none."""

    def __init__(
        self,
        data_dir: Path,
        *,
        report: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.report = report
        self.made: list[backups.Backup] = []
        self.interval_ms = int(backups.PERIODIC_EVERY.total_seconds() * 1000)
        self._state = backups.file_state(data_dir)
        self._timer = QTimer(self)
        self._timer.setInterval(self.interval_ms)
        self._timer.timeout.connect(self.tick)
        self._run: Worker | None = None

    def start(self) -> None:
        self._timer.start()
        if backups.startup_backup_due(self.data_dir):
            QTimer.singleShot(STARTUP_BACKUP_DELAY_MS, self.back_up)

    @property
    def running(self) -> bool:
        """Whether a backup is being made on the worker thread."""
        return self._run is not None

    def stop(self) -> None:
        """No more backups of its own; one under way is finished first (a restore or the
        exit's own backup comes next, and must not meet it half-way)."""
        self._timer.stop()
        self._finish()

    def tick(self) -> None:
        """Back up if the diary file moved since the last look (and its content changed)."""
        if backups.file_state(self.data_dir) != self._state:
            self.back_up()

    def back_up(self) -> None:
        """Start a backup on the worker thread, unless one is under way (the next tick
        catches up with anything saved meanwhile)."""
        if self._run is not None:
            return
        # Taken before the copy: a save made while it is written moves the state again, so
        # the next tick backs that save up too.
        self._state = backups.file_state(self.data_dir)
        self._run = Worker(self._back_up, name="cramplog-backup")
        self._run.when_done(self._done)
        self._run.start()

    def back_up_at_exit(self) -> None:
        """The closing backup, made here and now if the diary changed since the last look."""
        self._finish()
        if backups.file_state(self.data_dir) != self._state:
            self._state = backups.file_state(self.data_dir)
            self._take(outcome_of(self._back_up))

    def _back_up(self) -> backups.Backup | None:
        return backups.back_up(self.data_dir, reason=backups.Reason.AUTOMATIC, only_if_changed=True)

    def _done(self, run: Worker) -> None:
        if run is self._run:  # not one `_finish` has taken already
            self._finish()

    def _finish(self) -> None:
        """Wait for the backup under way, if any, and take its outcome (at exit the signal
        that says it is done may never be delivered: the event loop has ended)."""
        run, self._run = self._run, None
        if run is not None:
            self._take(run.wait())

    def _take(self, outcome: object) -> None:
        if isinstance(outcome, CramplogError):
            self.report(_("Automatic backup failed: {exc}").format(exc=outcome))
        elif isinstance(outcome, BaseException):
            raise outcome  # a bug: the app's error hook logs it and says so
        elif isinstance(outcome, backups.Backup):
            self.made.append(outcome)
