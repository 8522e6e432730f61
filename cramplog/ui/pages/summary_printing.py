"""Printing the GP summary and its print preview, page by page with progress and Cancel.

Why the preview is Qt's QPrintPreviewWidget painted through the printer (and not the fast PDF
path, nor the lazily drawn on-screen pages): it shows what the printer's own engine makes of
the pages, which is what will print. Qt records every page in its preview engine before it
can show one (about 25 ms a page, over ten times the PDF's 2 ms), and QtPdf, which could show
the fast PDF instead, is not in PySide6-Essentials. So the pages are painted before the
preview opens, a page at a time, with a progress dialog that keeps the window alive and a
Cancel that stops it: a cancelled preview never opens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from cramplog.core import wording
from cramplog.core.errors import CramplogError
from cramplog.core.translation import _
from cramplog.render import report_document
from cramplog.ui.pages.export_progress import ExportProgress

if TYPE_CHECKING:
    from cramplog.ui.pages.summary_page import SummaryPage

RunPrintDialog = Callable[[object, QWidget], bool]
ShowError = Callable[[QWidget, str, str], None]


def print_report(
    page: SummaryPage, run_print_dialog: RunPrintDialog, show_error: ShowError
) -> None:
    """Ask the print dialog, then send the pages to the printer with progress and Cancel."""
    document = page.current_document(_("Print"))
    if document is None:
        return
    # Qt's print support is loaded when first asked for, never at start-up.
    from cramplog.ui.pages.summary_print_preview import printer_for

    printer = printer_for(document)
    if not run_print_dialog(printer, page):
        return
    sending = _("Sending the pages to the printer…")
    try:
        with ExportProgress(page, sending, _("Print"), document.page_count) as progress:
            document.print_to(printer, progress=progress)
    except report_document.ExportCancelled as cancelled:
        page.banner.note(_cancelled_printing(cancelled))
    except CramplogError as exc:
        show_error(page, _("The summary was not printed"), str(exc))


def _cancelled_printing(cancelled: report_document.ExportCancelled) -> str:
    if cancelled.withdrawn or not cancelled.pages_done:
        return _("Printing cancelled; nothing was printed.")
    # Qt's PDF and CUPS printers cannot take back a job once begun: say what went.
    return wording.count(
        cancelled.pages_done,
        "Printing cancelled; the first {n} page had already gone to the printer.",
        "Printing cancelled; the first {n} pages had already gone to the printer.",
    )


def print_preview(
    page: SummaryPage,
    run_print_preview: Callable[[QDialog], bool],
    run_print_dialog: RunPrintDialog,
    show_error: ShowError,
) -> None:
    """Paint the pages for the preview (with progress and Cancel), then show it; its Print
    button prints as the Print button does."""
    document = page.current_document(_("Print preview"))
    if document is None:
        return
    from cramplog.ui.pages.summary_print_preview import PrintPreview

    preview = PrintPreview(document, page)
    preparing = _("Preparing the print preview…")
    with ExportProgress(page, preparing, _("Print preview"), document.page_count) as progress:
        painted = preview.paint(progress)
    try:
        if preview.failure is not None:
            show_error(page, _("The print preview could not be made"), preview.failure)
        elif not painted:
            page.banner.note(_("Print preview cancelled."))
        elif run_print_preview(preview):
            print_report(page, run_print_dialog, show_error)
    finally:
        preview.deleteLater()
