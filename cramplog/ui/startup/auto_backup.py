"""Backups on their own while the app runs: at start-up when due, as the diary changes, at exit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from cramplog.core.errors import CramplogError
from cramplog.core.translation import _
from cramplog.diary import backups

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

    def start(self) -> None:
        self._timer.start()
        if backups.startup_backup_due(self.data_dir):
            QTimer.singleShot(STARTUP_BACKUP_DELAY_MS, self.back_up)

    def stop(self) -> None:
        self._timer.stop()

    def tick(self) -> None:
        """Back up if the diary file moved since the last look (and its content changed)."""
        if backups.file_state(self.data_dir) != self._state:
            self.back_up()

    def back_up(self) -> None:
        try:
            made = backups.back_up(
                self.data_dir, reason=backups.Reason.AUTOMATIC, only_if_changed=True
            )
        except CramplogError as exc:
            self.report(_("Automatic backup failed: {exc}").format(exc=exc))
            return
        finally:
            self._state = backups.file_state(self.data_dir)
        if made is not None:
            self.made.append(made)
