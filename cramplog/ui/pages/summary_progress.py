"""The progress dialog with Cancel shown while the GP summary's pages are painted."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressDialog, QWidget

from cramplog.render import report_document
from cramplog.ui.pages.export_progress import ExportProgress


def page_progress(
    parent: QWidget, text: str, title: str, total: int
) -> tuple[QProgressDialog, report_document.Progress]:
    """A window-modal progress dialog (shown only if the work lasts) and the callback that
    moves it, lets the window breathe between pages, and answers False once Cancel is pressed:
    the exports' own (`ExportProgress`), counting pages.

    The caller closes the dialog when the work ends.
    """
    progress = ExportProgress(parent, text, title, total)
    return progress.dialog, progress
