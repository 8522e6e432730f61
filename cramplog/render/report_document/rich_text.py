"""Paragraphs, tables and side-by-side boxes typed into a SealedDocument, never from HTML."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)

from cramplog.render.report_document.typesetting import (
    ACCENT,
    ALERT,
    BODY_PT,
    INK,
    MUTED,
    RULE,
    SHADE,
    SMALL_PT,
    SealedDocument,
    print_font,
)


class TextBuilder:
    """Types paragraphs, tables and boxes into a SealedDocument with QTextCursor, in the
    report's character formats; user text goes in as plain text, never as HTML."""

    def __init__(self, document: SealedDocument) -> None:
        self.document = document
        self.cursor = QTextCursor(document)
        self.body = self._char(BODY_PT)
        self.bold = self._char(BODY_PT, bold=True)
        self.small = self._char(SMALL_PT, colour=MUTED)
        self.small_bold = self._char(SMALL_PT, bold=True)
        self.heading = self._char(BODY_PT + 1.2, bold=True, colour=ACCENT)
        self.title = self._char(BODY_PT + 5, bold=True)
        self.alert = self._char(BODY_PT, bold=True, colour=ALERT)
        self._first_block = True

    @staticmethod
    def _char(
        points: float, *, bold: bool = False, italic: bool = False, colour: QColor = INK
    ) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setFont(print_font(points, bold=bold, italic=italic))
        fmt.setForeground(QBrush(colour))
        return fmt

    # -- primitives -------------------------------------------------------------------------

    def block(
        self, cursor: QTextCursor | None = None, *, top: float = 0.0, bottom: float = 0.0
    ) -> QTextCursor:
        """Start a paragraph (reusing the document's first, empty one) and return the cursor."""
        cursor = cursor or self.cursor
        fmt = QTextBlockFormat()
        fmt.setTopMargin(top)
        fmt.setBottomMargin(bottom)
        if cursor is self.cursor and self._first_block:
            self._first_block = False
            cursor.setBlockFormat(fmt)
        else:
            cursor.insertBlock(fmt)
        return cursor

    @staticmethod
    def text(cursor: QTextCursor, text: str, fmt: QTextCharFormat) -> None:
        # insertText never interprets markup: "<b>" stays the three characters < b >.
        cursor.insertText(text, fmt)

    def table(
        self,
        cursor: QTextCursor,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        right: Sequence[int] = (),
        emphasis: Sequence[bool] = (),
        more: str = "",
    ) -> None:
        """A small table, header row first; `widths` are percentages of the available width."""
        fmt = QTextTableFormat()
        fmt.setBorder(0.5)
        fmt.setBorderBrush(QBrush(RULE))
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setBorderCollapse(True)
        fmt.setCellPadding(1.2)
        fmt.setCellSpacing(0)
        fmt.setHeaderRowCount(1)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        fmt.setColumnWidthConstraints(
            [QTextLength(QTextLength.Type.PercentageLength, w) for w in widths]
        )
        fmt.setTopMargin(1)
        fmt.setBottomMargin(1)
        table = cursor.insertTable(len(rows) + 1, len(headers), fmt)
        for column, header in enumerate(headers):
            cell = table.cellAt(0, column)
            self._cell(cell.firstCursorPosition(), header, self.small_bold, column in right)
            header_format = cell.format()
            header_format.setBackground(QBrush(SHADE))
            cell.setFormat(header_format)
        for row_index, row in enumerate(rows, start=1):
            strong = row_index - 1 < len(emphasis) and emphasis[row_index - 1]
            for column, value in enumerate(row):
                self._cell(
                    table.cellAt(row_index, column).firstCursorPosition(),
                    value,
                    self.bold if strong else self.body,
                    column in right,
                )
        cursor.setPosition(table.lastPosition() + 1)
        if more:
            self.block(cursor)
            self.text(cursor, more, self.small)

    @staticmethod
    def _cell(cursor: QTextCursor, value: str, fmt: QTextCharFormat, right: bool) -> None:
        if right:
            block = cursor.blockFormat()
            block.setAlignment(Qt.AlignmentFlag.AlignRight)
            cursor.setBlockFormat(block)
        cursor.insertText(value, fmt)

    def columns(self, cursor: QTextCursor, shares: Sequence[float]) -> list[QTextCursor]:
        """Side-by-side boxes (a borderless one-row table); returns a cursor in each."""
        fmt = QTextTableFormat()
        fmt.setBorder(0)
        fmt.setCellPadding(0)
        fmt.setCellSpacing(0)
        fmt.setTopMargin(0)
        fmt.setBottomMargin(0)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        fmt.setColumnWidthConstraints(
            [QTextLength(QTextLength.Type.PercentageLength, share) for share in shares]
        )
        table = cursor.insertTable(1, len(shares), fmt)
        cells = []
        for column in range(len(shares)):
            cell = table.cellAt(0, column)
            cell_format = cell.format().toTableCellFormat()
            cell_format.setLeftPadding(0 if column == 0 else 5)
            cell_format.setRightPadding(5 if column < len(shares) - 1 else 0)
            cell.setFormat(cell_format)
            cells.append(cell.firstCursorPosition())
        cursor.setPosition(table.lastPosition() + 1)
        return cells

    def section_heading(self, cursor: QTextCursor, text: str) -> None:
        """A heading; in a fresh box the box's own first paragraph is used."""
        if cursor is not self.cursor and cursor.block().length() <= 1 and cursor.atBlockStart():
            block = cursor.blockFormat()
            block.setTopMargin(4)
            block.setBottomMargin(0.5)
            cursor.setBlockFormat(block)
        else:
            self.block(cursor, top=4, bottom=0.5)
        self.text(cursor, text, self.heading)

    def side_by_side(
        self,
        parts: Sequence[tuple[float, Callable[[QTextCursor], None]]],
    ) -> None:
        """Draw the sections that are shown next to each other, or alone at full width."""
        if not parts:
            return
        if len(parts) == 1:
            parts[0][1](self.cursor)
            return
        for cell, (_, draw) in zip(
            self.columns(self.cursor, [share for share, _ in parts]), parts, strict=True
        ):
            draw(cell)
