"""The print preview window: the pages as the printer draws them, to zoom through and print."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QToolBar, QVBoxLayout, QWidget

from cramplog.analysis import report as reports
from cramplog.core.errors import CramplogError
from cramplog.core.translation import _
from cramplog.render import report_document
from cramplog.ui.widgets.screen_fit import resize_within_screen


def printer_for(document: report_document.ReportDocument) -> QPrinter:
    """A printer set for the report's paper, every page, edge to edge (the layout has margins)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(document.page_size)
    printer.setFullPage(True)
    printer.setDocName(reports.TITLE)
    printer.setFromTo(0, 0)
    return printer


class PrintPreview(QDialog):
    """Qt's preview widget in a window with zoom and Print; `paint` fills it before it is shown.

    Accepted means the person pressed Print. Qt's own QPrintPreviewDialog is not used: it paints
    every page when it is first shown, with no way to show progress before or to cancel.
    """

    def __init__(self, document: report_document.ReportDocument, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(_("Print preview — GP summary"))
        self.document = document
        self.failure: str | None = None
        self._progress: report_document.Progress | None = None
        self._cancelled = False
        # The widget's own printer: the pages it shows live in that printer's preview engine, so
        # the two must go together (a printer of ours could be freed first, and crash it).
        # `print_to` sets its paper and margins; Print asks the print dialog afresh.
        self.preview = QPrintPreviewWidget(self)
        self.preview.setObjectName("printPreviewPages")
        self.preview.paintRequested.connect(self._paint_on)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("printPreviewTools")
        self._action(_("Fit width"), self.preview.fitToWidth)
        self._action(_("Whole page"), self.preview.fitInView)
        self._action(_("Zoom out"), self.preview.zoomOut, QKeySequence.StandardKey.ZoomOut)
        self._action(_("Zoom in"), self.preview.zoomIn, QKeySequence.StandardKey.ZoomIn)
        self.toolbar.addSeparator()
        self.print_action = self._action(_("Print…"), self.accept, QKeySequence.StandardKey.Print)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        self.preview.fitToWidth()
        resize_within_screen(self, 860, 1000)

    def _action(
        self, text: str, slot: Callable[[], object], keys: QKeySequence.StandardKey | None = None
    ) -> QAction:
        action = self.toolbar.addAction(text)
        action.triggered.connect(slot)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        return action

    def paint(self, progress: report_document.Progress | None = None) -> bool:
        """Paint every page for the preview; False when `progress` asked to stop (or painting
        failed: `failure` says why). Shown afterwards, the preview does not paint again."""
        self._progress, self._cancelled, self.failure = progress, False, None
        try:
            self.preview.updatePreview()
        finally:
            self._progress = None
        return not self._cancelled and self.failure is None

    def page_count(self) -> int:
        return self.preview.pageCount()

    def _paint_on(self, printer: QPrinter) -> None:
        # A Qt signal's slot: nothing may escape it, so the outcome is kept for `paint`.
        try:
            self.document.print_to(printer, progress=self._progress, preview=True)
        except report_document.ExportCancelled:
            self._cancelled = True
        except CramplogError as exc:
            self.failure = str(exc)
