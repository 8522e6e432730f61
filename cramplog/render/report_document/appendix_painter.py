"""Paint one page of the appendix: title, legend, headings, stripes, rules and the cells."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from cramplog.core.translation import _
from cramplog.render.report_document import appendix_headings
from cramplog.render.report_document.appendix_glyphs import may_be_rtl
from cramplog.render.report_document.appendix_grid import LEGEND_FLAGS, AppendixGrid
from cramplog.render.report_document.appendix_pages import AppendixPage, row_containing
from cramplog.render.report_document.typesetting import (
    ACCENT,
    INK,
    MARGIN,
    MUTED,
    RULE,
    SHADE,
    for_device,
)

_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


def paint_page(grid: AppendixGrid, painter: QPainter, page: AppendixPage, count_text: str) -> None:
    """Draw `page` of the grid: title (first page), legend, column headings, then the lines."""
    first = page.first_line
    top = _paint_title_and_legend(grid, painter, page, count_text)
    month = None if first in grid.headings else grid.month_before(first)
    _paint_column_headings(grid, painter, top, month)
    top = grid.top_of_lines(page.title)
    _paint_stripes(grid, painter, page, top)
    _paint_mark_rules(grid, painter, page)
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
    box = grid.legend_box(page.title)
    if grid.legend_lines == 1 and grid.legend_run is not None:
        # The same line on every page, as one glyph run made once (see appendix_glyphs).
        painter.drawGlyphRun(QPointF(0, box.top() + grid.metrics.ascent()), grid.legend_run)
    else:
        painter.drawText(box, LEGEND_FLAGS, grid.legend)
    return box.bottom() + grid.step * 0.3


def _paint_column_headings(
    grid: AppendixGrid, painter: QPainter, top: float, month: str | None
) -> None:
    """The column headings, repeated on every page, bottom-aligned over their columns."""
    step = grid.step
    header_height = grid.header_height
    painter.fillRect(QRectF(MARGIN, top, grid.width, header_height), SHADE)
    painter.setFont(for_device(grid.header_font, painter))
    painter.setPen(INK)
    if grid.placed_headings is None:
        placed = appendix_headings.place_headings(
            [
                (column.title, x, width + 2, column.centred, column.turned)
                for column, x, width in zip(grid.columns, grid.xs, grid.widths, strict=True)
            ],
            grid.header_font,
            grid.device,
            header_height - step * 0.3,
        )
        grid.placed_headings = appendix_headings.ink_headings(placed, grid.header_font, grid.device)
    appendix_headings.paint_headings(
        painter, grid.placed_headings, QPointF(0, top + header_height - step * 0.15)
    )
    if month:
        # A page that starts mid-month names it in the header's empty top-left corner.
        painter.setPen(ACCENT)
        painter.drawText(
            QRectF(MARGIN + 1, top + step * 0.1, grid.width, step),
            _LEFT,
            _("{month}, continued").format(month=month),
        )


def _paint_mark_rules(grid: AppendixGrid, painter: QPainter, page: AppendixPage) -> None:
    """A thin rule on each side of a group of mark columns, from the headings down: a
    mark is read with its column, never with the text beside it."""
    columns = grid.columns
    edges = [
        grid.xs[index] - 1.5
        for index in range(1, len(columns))
        if columns[index].turned != columns[index - 1].turned
    ]
    if not edges:
        return
    top = grid.top_of_lines(page.title) - grid.header_height
    bottom = grid.top_of_lines(page.title) + page.line_count * grid.step
    painter.save()
    painter.setPen(QPen(RULE, 0.5))
    for x in edges:
        painter.drawLine(QPointF(x, top), QPointF(x, bottom))
    painter.restore()


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
    """The page's cells, a line at a time, mostly as glyph runs (see appendix_glyphs for
    why); a cell the glyph runs do not take (right-to-left text, characters from another
    font, a text not seen before) is drawn as a text of its own, in its place in the line."""
    painter.setFont(for_device(grid.font, painter))
    painter.setPen(INK)
    step = grid.step

    def as_text(column: int, line: int, text: str) -> None:
        _paint_text_cell(grid, painter, column, text, top + line * step)

    lines = grid.page_lines(page)
    grid.glyphs.draw_lines(painter, lines, top + grid.metrics.ascent(), step, as_text)


def _paint_text_cell(
    grid: AppendixGrid, painter: QPainter, column: int, text: str, y: float
) -> None:
    """A cell drawn as a text, its line's top at `y`: a note with right-to-left text in a
    box of its column, so the line finds its own direction and keeps to its column; any
    other at its point, as every cell was drawn before glyph runs."""
    if column == grid.NOTES and may_be_rtl(text):
        box = QRectF(grid.xs[column], y, grid.widths[column] + 2, grid.step)
        painter.drawText(box, _LEFT, text)
    else:
        painter.drawText(QPointF(grid.cell_x(column, text), y + grid.metrics.ascent()), text)
