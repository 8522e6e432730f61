"""The Summary place's file, print and desktop dialogs: the seams tests replace on summary_page."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from cramplog.core.translation import N_, _

PDF_FILTER: Final = N_("PDF document (*.pdf)")
JSON_FILTER: Final = N_("JSON file (*.json)")


def choose_path(parent: QWidget, kind: str, title: str, suggested: str) -> Path | None:
    """Ask where to save ("pdf" or "json") or which folder to fill ("folder"); None if the
    person cancels. The one file-dialog seam of the Summary place."""
    if kind == "folder":
        chosen = QFileDialog.getExistingDirectory(parent, title, suggested)
    else:
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, title, suggested, _(PDF_FILTER if kind == "pdf" else JSON_FILTER)
        )
    return Path(chosen) if chosen else None


def open_url(url: QUrl) -> bool:
    """Open a local file or folder with the desktop's own program (never a network URL)."""
    if not url.isLocalFile():
        return False
    return QDesktopServices.openUrl(url)


def show_error(parent: QWidget, title: str, message: str) -> None:
    """The one place this page interrupts the person (tests replace it)."""
    QMessageBox.warning(parent, title, message)


def run_print_dialog(printer: object, parent: QWidget) -> bool:
    """Show the system print dialog for `printer`; True when the person chose to print."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    assert isinstance(printer, QPrinter)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print the GP summary"))
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def run_print_preview(preview: QDialog) -> bool:
    """Show the print preview, already painted; True when the person pressed Print in it."""
    return preview.exec() == QDialog.DialogCode.Accepted
