"""The laid-out report, page one then the appendix, painted on a PDF, a printer or a preview."""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QFile,
    QFileDevice,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QGlyphRun,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from cramplog.analysis import report as reports
from cramplog.core import errors
from cramplog.core.errors import ExportError
from cramplog.core.translation import _, n_
from cramplog.render.report_document import appendix_painter
from cramplog.render.report_document.appendix_glyphs import one_line_run
from cramplog.render.report_document.appendix_grid import AppendixGrid
from cramplog.render.report_document.chart_images import chart_images
from cramplog.render.report_document.front import FrontPage
from cramplog.render.report_document.paper import default_page_size
from cramplog.render.report_document.typesetting import (
    BODY_PT,
    FOOTER_GAP,
    LAYOUT_DPI,
    MARGIN,
    MUTED,
    SMALL_PT,
    SealedDocument,
    for_device,
    layout_device,
    layout_units_per_point,
    one_line,
    print_font,
)

Progress = Callable[[int, int], bool]


class ExportCancelled(errors.ExportCancelled):
    """The person pressed Cancel while pages were painted; nothing was written.

    `pages_done` pages had been painted. `withdrawn` is False when a printer could not take
    back what it had been given (Qt's PDF and CUPS engines cannot abort a job once begun).
    """

    def __init__(self, message: str = "", *, pages_done: int = 0) -> None:
        super().__init__(message)
        self.pages_done = pages_done
        self.withdrawn = True


class ReportDocument:
    """The laid-out report: page one (and any overflow), then the appendix pages.

    `paint_page` draws one page on a painter whose coordinates are points (the device's
    resolution is scaled away), so the same layout feeds a PDF, a printer and a preview.
    """

    def __init__(self, report: reports.Report, *, page_size: QPageSize | None = None) -> None:
        self.report = report
        self._footer_font = print_font(SMALL_PT)
        self._footer_left: str | None = None
        self._footer_run: QGlyphRun | None = None
        self.page_size = page_size or default_page_size()
        self.page = self.page_size.size(QPageSize.Unit.Point)
        self._device = layout_device()
        self._footer_ascent = QFontMetricsF(self._footer_font, self._device).ascent()
        self.front = SealedDocument()
        layout = self.front.documentLayout()
        layout.setPaintDevice(self._device)
        self.front.setUseDesignMetrics(True)
        self.front.setDefaultFont(print_font(BODY_PT))
        self.front.setUndoRedoEnabled(False)
        root = self.front.rootFrame().frameFormat()
        # Margins in points on paper, like the footer's and the appendix's (see why there).
        units = layout_units_per_point()
        root.setTopMargin(MARGIN * units)
        root.setBottomMargin((MARGIN + FOOTER_GAP) * units)
        root.setLeftMargin(MARGIN * units)
        root.setRightMargin(MARGIN * units)
        self.front.rootFrame().setFrameFormat(root)
        self.front.setPageSize(self.page)
        self.appendix: AppendixGrid | None = None
        appendix = report.shows(reports.Section.APPENDIX)
        # The appendix's rows are read on a thread of their own while page one is laid out
        # (see analysis.report.appendix_ahead).
        with report.appendix.reading_ahead() if appendix else contextlib.nullcontext():
            self._lay_out_front(report)
            if appendix:
                self.appendix = AppendixGrid(report, self._device, self.page)
        self.page_count = self.front_pages + (len(self.appendix.pages) if self.appendix else 0)

    def rehome(self) -> None:
        """Make the layout's font-bound parts again on this thread, for a document laid out
        on a worker thread that has ended since (the Summary page builds its preview so).

        Qt's text layouts and glyph runs keep the fonts of the thread that made them, and a
        thread's fonts go with it: drawn elsewhere they would read freed memory. Page one's
        text is laid out again and the glyph runs made again (a few milliseconds); the
        charts, the appendix's rows and its pages are kept.
        """
        self.front.markContentsDirty(0, self.front.characterCount())
        self.front_pages = self.front.pageCount()  # the same fonts: the same pages
        self.page_count = self.front_pages + (len(self.appendix.pages) if self.appendix else 0)
        self._footer_left = None
        self._footer_run = None
        if self.appendix is not None:
            self.appendix.rehome()

    def _lay_out_front(self, report: reports.Report) -> None:
        """Page one (and any overflow): its charts, then its text."""
        width = self.page.width() - 2 * MARGIN
        charts: dict[str, tuple[QUrl, QSizeF]] = {}
        if report.shows(reports.Section.CHARTS) and not report.empty:
            for key, (url, image, size) in chart_images(report, width).items():
                self.front.addResource(QTextDocument.ResourceType.ImageResource, url, image)
                charts[key] = (url, size)
        builder = FrontPage(report, self.front)
        # One edit block: the layout runs once at the end instead of after every insertion.
        builder.cursor.beginEditBlock()
        builder.build(charts)
        builder.cursor.endEditBlock()
        self.front_pages = self.front.pageCount()

    def paint_page(self, painter: QPainter, index: int) -> None:
        """Draw page `index` (from 0) with the footer; painter units are points."""
        if not 0 <= index < self.page_count:
            raise IndexError(f"page {index + 1} of {self.page_count}")
        painter.save()
        painter.fillRect(QRectF(QPointF(0, 0), self.page), QColor("white"))
        if index < self.front_pages:
            top = index * self.page.height()
            painter.translate(0, -top)
            self.front.drawContents(painter, QRectF(0, top, self.page.width(), self.page.height()))
            painter.translate(0, top)
        else:
            assert self.appendix is not None
            count = self.appendix.count
            appendix_painter.paint_page(
                self.appendix,
                painter,
                self.appendix.pages[index - self.front_pages],
                n_("{n} cramp", "{n} cramps", count).format(n=count) if count else _("none"),
            )
            if not count:
                painter.setFont(for_device(print_font(BODY_PT), painter))
                painter.drawText(
                    QRectF(MARGIN, MARGIN + 60, self.page.width() - 2 * MARGIN, 20),
                    0,
                    _("No cramps were logged in this period."),
                )
        self._footer(painter, index)
        painter.restore()

    def _footer(self, painter: QPainter, index: int) -> None:
        font = self._footer_font
        painter.setFont(for_device(font, painter))
        painter.setPen(QPen(MUTED))
        y = self.page.height() - MARGIN - FOOTER_GAP + 6
        width = self.page.width() - 2 * MARGIN
        painter.drawLine(QPointF(MARGIN, y - 2), QPointF(self.page.width() - MARGIN, y - 2))
        number = _("Page {page} of {pages}").format(page=index + 1, pages=self.page_count)
        if self._footer_left is None:
            self._footer_left = self._footer_text(width)
            self._footer_run = one_line_run(self._footer_left, font, self._device, MARGIN)
        box = QRectF(MARGIN, y, width, FOOTER_GAP)
        if self._footer_run is None:
            painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft), self._footer_left)
        else:
            # The same on every page: one glyph run made once (see appendix_glyphs).
            painter.drawGlyphRun(QPointF(0, y + self._footer_ascent), self._footer_run)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignRight), number)

    def _footer_text(self, width: float) -> str:
        """The footer's left part, the same on every page: name, period and disclaimer."""
        header = self.report.header
        left = f"{reports.format_period(header.period)} · {header.disclaimer}"
        if header.name:
            # A long name is shortened here (never in the header): it must not cover the rest,
            # nor the widest page number.
            metrics = QFontMetricsF(self._footer_font, self._device)
            number = _("Page {page} of {pages}").format(page=self.page_count, pages=self.page_count)
            room = width - metrics.horizontalAdvance(f"{number}{left} · ") - 16
            name = metrics.elidedText(one_line(header.name), Qt.TextElideMode.ElideRight, room)
            left = f"{name} · {left}" if room > 0 and name else left
        return left

    def render_page(self, index: int, width_px: int) -> QImage:
        """Page `index` as an image `width_px` wide (for the on-screen preview)."""
        scale = width_px / self.page.width()
        image = QImage(
            width_px, round(self.page.height() * scale), QImage.Format.Format_ARGB32_Premultiplied
        )
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.scale(scale, scale)
            self.paint_page(painter, index)
        finally:
            painter.end()
        return image

    def paint_pages(
        self,
        painter: QPainter,
        new_page: Callable[[], object],
        *,
        pages: Sequence[int] | None = None,
        progress: Progress | None = None,
    ) -> None:
        """Paint the pages (all, or `pages`) on a paged device, calling `new_page` between them.

        `painter` must already be scaled to points. `progress(done, total)` returning False
        stops with ExportCancelled.
        """
        chosen = list(range(self.page_count)) if pages is None else list(pages)
        for done, index in enumerate(chosen):
            if progress is not None and not progress(done, len(chosen)):
                raise ExportCancelled(
                    _("The export was cancelled; nothing was written."), pages_done=done
                )
            if done:
                new_page()
            self.paint_page(painter, index)
        if progress is not None:
            progress(len(chosen), len(chosen))

    def print_to(
        self, printer: object, *, progress: Progress | None = None, preview: bool = False
    ) -> None:
        """Print every page (or the range the print dialog chose) on a QPrinter.

        `progress` as for `paint_pages`; on Cancel the printer is asked to abort the job and
        ExportCancelled says whether it could (`withdrawn`). A print preview's printer
        (`preview`) is never aborted: its preview engine would free the pages it has shown.
        """
        from PySide6.QtPrintSupport import QPrinter

        assert isinstance(printer, QPrinter)
        printer.setFullPage(True)
        printer.setPageLayout(
            QPageLayout(self.page_size, QPageLayout.Orientation.Portrait, QMarginsF())
        )
        first, last = printer.fromPage(), printer.toPage()
        pages: Sequence[int] | None = None
        if first > 0 or last > 0:
            first = max(first, 1)
            last = min(last or self.page_count, self.page_count)
            pages = range(first - 1, last)
        painter = QPainter()
        if not painter.begin(printer):
            raise ExportError(_("The printer could not be opened."))
        try:
            painter.scale(printer.logicalDpiX() / LAYOUT_DPI, printer.logicalDpiY() / LAYOUT_DPI)
            self.paint_pages(painter, printer.newPage, pages=pages, progress=progress)
        except ExportCancelled as cancelled:
            if not preview:
                cancelled.withdrawn = printer.abort()
            raise
        finally:
            painter.end()

    def pdf_bytes(self, *, progress: Progress | None = None) -> bytes:
        """The whole report as PDF bytes (nothing touches the disk)."""
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self._write_pdf(QPdfWriter(buffer), progress)
        buffer.close()
        return bytes(buffer.data().data())

    def write_pdf_file(self, path: Path, *, progress: Progress | None = None) -> None:
        """Write the whole report as a PDF into the fresh file at `path` (the caller renames it
        into place), page by page as it is painted: a 4,000-page PDF never sits in memory.

        Raises OSError when the file was not written whole (a full disk is ENOSPC), so a
        truncated PDF is never taken for a finished one.
        """
        file = QFile(str(path))
        if not file.open(QIODevice.OpenModeFlag.WriteOnly | QIODevice.OpenModeFlag.Truncate):
            raise OSError(errno.EIO, file.errorString())
        try:
            self._write_pdf(QPdfWriter(file), progress)
            file.flush()
            failure, reason = file.error(), file.errorString()
        finally:
            file.close()
        if failure == QFileDevice.FileError.ResourceError:
            raise OSError(errno.ENOSPC, reason)
        if failure != QFileDevice.FileError.NoError:
            raise OSError(errno.EIO, reason)
        # Qt's PDF engine does not look at what a write returns, and a write cut short at a
        # size limit sets no error: a whole PDF ends with its end-of-file marker.
        with path.open("rb") as written:
            written.seek(max(0, path.stat().st_size - 32))
            if b"%%EOF" not in written.read():
                raise OSError(errno.EFBIG, "the file was cut short")

    def _write_pdf(self, writer: QPdfWriter, progress: Progress | None) -> None:
        writer.setResolution(LAYOUT_DPI)
        writer.setPageLayout(
            QPageLayout(self.page_size, QPageLayout.Orientation.Portrait, QMarginsF())
        )
        writer.setTitle(_(reports.TITLE))
        writer.setCreator("cramplog")
        painter = QPainter()
        if not painter.begin(writer):
            raise ExportError(_("The PDF could not be started."))
        try:
            self.paint_pages(painter, writer.newPage, progress=progress)
        finally:
            painter.end()
