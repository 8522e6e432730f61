"""The progress dialog with Cancel shown while the GP summary's pages are painted."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from cramplog.core.translation import _
from cramplog.render import report_document


def page_progress(
    parent: QWidget, text: str, title: str, total: int
) -> tuple[QProgressDialog, report_document.Progress]:
    """A window-modal progress dialog (shown only if the work lasts) and the callback that
    moves it, lets the window breathe between pages, and answers False once Cancel is pressed.

    The caller closes the dialog when the work ends.
    """
    progress = QProgressDialog(text, _("Cancel"), 0, max(total, 1), parent)
    progress.setWindowTitle(title)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)
    progress.setAutoClose(False)
    progress.setAutoReset(False)

    def report_progress(done: int, total: int) -> bool:
        progress.setMaximum(max(total, 1))
        progress.setValue(done)
        QCoreApplication.processEvents()
        return not progress.wasCanceled()

    return progress, report_progress
