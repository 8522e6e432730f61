"""The progress dialog of an export from the Summary page: its bar, its Cancel, a live window.

An export runs on the UI thread (it reads the diary in one transaction on the app's own
connection) and asks `ExportProgress` every few hundred rows whether to go on; each time
the window handles its events, so it repaints and Cancel answers. The dialog appears only
when an export is still running after 400 ms, so a short one shows none.
"""

from __future__ import annotations

from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from cramplog.core.translation import _

SHOWN_AFTER_MS = 400
MINIMUM_WIDTH = 360


def busy_dialog(parent: QWidget, label: str, title: str, name: str) -> QProgressDialog:
    """A window-modal dialog with a busy bar and no Cancel, for work that cannot stop half
    made (a backup's copy, an import's transaction); hidden until the caller shows it, after
    SHOWN_AFTER_MS if the work is still under way."""
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOWN_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(MINIMUM_WIDTH)  # Qt's 200 px crowds the bar and its label
    dialog.hide()
    return dialog


class ExportProgress:
    """A window-modal progress dialog for one export, used as a context manager (closed on
    the way out) and called as the writers' `progress(done, total) -> go on`."""

    def __init__(self, parent: QWidget, label: str, title: str, total: int = 0) -> None:
        self.dialog = QProgressDialog(label, _("Cancel"), 0, max(total, 1), parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOWN_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumWidth(MINIMUM_WIDTH)  # Qt's 200 px crowds the bar and its label
        self.dialog.setValue(0)  # starts the clock that shows it after SHOWN_AFTER_MS

    def __call__(self, done: int, total: int) -> bool:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))
        QCoreApplication.processEvents()
        return not self.dialog.wasCanceled()

    def __enter__(self) -> ExportProgress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.dialog.close()
        self.dialog.deleteLater()  # one per export, never shown again
