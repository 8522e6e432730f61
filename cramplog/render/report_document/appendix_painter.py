"""Paint one page of the appendix, each column of the grid as one multi-line text."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter

from cramplog.core.translation import _
from cramplog.render.report_document.appendix_grid import (
    APPENDIX_LEGEND,
    HEADER_LINES,
    AppendixGrid,
    AppendixPage,
    row_containing,
)
from cramplog.render.report_document.typesetting import (
    ACCENT,
    INK,
    MARGIN,
    MUTED,
    SHADE,
    for_device,
)

_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
_CENTRE = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
_RTL_CLASSES = frozenset({"R", "AL", "RLE", "RLO", "RLI"})


def paint_page(grid: AppendixGrid, painter: QPainter, page: AppendixPage, count_text: str) -> None:
    """Draw `page` of the grid: title (first page), legend, column headings, then the lines."""
    first = page.first_line
    top = _paint_title_and_legend(grid, painter, page, count_text)
    month = None if first in grid.headings else grid.month_before(first)
    _paint_column_headings(grid, painter, top, month)
    top = grid.top_of_lines(page.title)
    _paint_stripes(grid, painter, page, top)
    _paint_month_headings(grid, painter, page, top)
    _paint_columns(grid, painter, page, top)


def _paint_title_and_legend(
    grid: AppendixGrid, painter: QPainter, page: AppendixPage, count_text: str
) -> float:
    """The title on the first page and the legend on every page; returns where they end."""
    top = MARGIN
    if page.title:
        painter.setFont(for_device(grid.title_font, painter))
        painter.setPen(ACCENT)
        painter.drawText(
            QRectF(MARGIN, top, grid.width, grid.TITLE_HEIGHT),
            _LEFT,
            _("Appendix: every cramp in the period ({count})").format(count=count_text),
        )
        top += grid.TITLE_HEIGHT
    painter.setFont(for_device(grid.font, painter))
    painter.setPen(MUTED)
    painter.drawText(QRectF(MARGIN, top, grid.width, grid.step), _LEFT, _(APPENDIX_LEGEND))
    return top + grid.step * 1.3


def _paint_column_headings(
    grid: AppendixGrid, painter: QPainter, top: float, month: str | None
) -> None:
    """The column headings, repeated on every page, bottom-aligned over their columns."""
    step = grid.step
    header_height = step * (HEADER_LINES + 0.3)
    painter.fillRect(QRectF(MARGIN, top, grid.width, header_height), SHADE)
    painter.setFont(for_device(grid.header_font, painter))
    painter.setPen(INK)
    wrap = int(Qt.TextFlag.TextWordWrap)
    for column, x, width in zip(grid.columns, grid.xs, grid.widths, strict=True):
        align = Qt.AlignmentFlag.AlignHCenter if column.centred else Qt.AlignmentFlag.AlignLeft
        painter.drawText(
            QRectF(x, top, width + 2, header_height - step * 0.15),
            int(align | Qt.AlignmentFlag.AlignBottom) | wrap,
            column.title,
        )
    if month:
        # A page that starts mid-month names it in the header's empty top-left corner.
        painter.setPen(ACCENT)
        painter.drawText(
            QRectF(MARGIN + 1, top + step * 0.1, grid.width, step),
            _LEFT,
            _("{month}, continued").format(month=month),
        )


def _paint_stripes(grid: AppendixGrid, painter: QPainter, page: AppendixPage, top: float) -> None:
    """Shade every other cramp, so a long note stays visibly with its own row."""
    first, count = page.first_line, page.line_count
    found = row_containing(grid.row_starts, first)
    index = 0 if found is None else found
    while index < len(grid.row_starts):
        start = grid.row_starts[index]
        if start >= first + count:
            break
        if index % 2:
            begin = max(start, first)
            end = min(start + grid.row_heights[index], first + count)
            painter.fillRect(
                QRectF(
                    MARGIN,
                    top + (begin - first) * grid.step,
                    grid.width,
                    (end - begin) * grid.step,
                ),
                SHADE,
            )
        index += 1


def _paint_month_headings(
    grid: AppendixGrid, painter: QPainter, page: AppendixPage, top: float
) -> None:
    first, count = page.first_line, page.line_count
    painter.setFont(for_device(grid.bold, painter))
    painter.setPen(ACCENT)
    for line in range(first, first + count):
        heading = grid.headings.get(line)
        if heading is not None:
            painter.drawText(
                QRectF(MARGIN, top + (line - first) * grid.step, grid.width, grid.step),
                _LEFT,
                heading,
            )


def _paint_columns(grid: AppendixGrid, painter: QPainter, page: AppendixPage, top: float) -> None:
    count = page.line_count
    painter.setFont(for_device(grid.font, painter))
    painter.setPen(INK)
    height = (count + 1) * grid.step
    lines = grid.page_columns(page)
    for index, (column, x, width) in enumerate(
        zip(grid.columns, grid.xs, grid.widths, strict=True)
    ):
        if index == grid.NOTES:
            continue
        text = "\n".join(lines[index])
        painter.drawText(
            QRectF(x, top, width + 2, height), _CENTRE if column.centred else _LEFT, text
        )
    # Notes in one block like the other columns, except a line that may hold right-to-left
    # script: drawn on its own, so it finds its own direction (in one block every line
    # would take the direction of the block's first).
    notes = lines[grid.NOTES]
    x, width = grid.xs[grid.NOTES], grid.widths[grid.NOTES]
    block = ["" if _may_be_rtl(value) else value for value in notes]
    painter.drawText(QRectF(x, top, width + 2, height), _LEFT, "\n".join(block))
    for offset, value in enumerate(notes):
        if value and not block[offset]:
            painter.drawText(
                QRectF(x, top + offset * grid.step, width + 2, grid.step), _LEFT, value
            )


def _may_be_rtl(text: str) -> bool:
    """Whether a line holds any right-to-left character (plain ASCII never does)."""
    return not text.isascii() and any(
        unicodedata.bidirectional(char) in _RTL_CLASSES for char in text
    )
