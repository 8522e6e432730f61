"""The appendix as rows of a fixed grid of columns, cut into pages."""

# Over 400 lines because placing the columns, wrapping each distinct text once and cutting the
# rows into pages share one set of measured widths and row arrays (the width arithmetic itself
# is in column_widths.py); split further, each part would need the others' internals.

from __future__ import annotations

import bisect
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import time
from typing import Final

import numpy as np
from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QFontMetricsF, QPaintDevice, QTextLayout, QTextOption

from cramplog.analysis import report as reports
from cramplog.core import conventions, wording
from cramplog.core.translation import N_, _
from cramplog.render.report_document import column_widths
from cramplog.render.report_document.appendix_rows import (
    CLOCK,
    DURATION,
    INTENSITY,
    MARK_CELLS,
    NIGHT,
    SIDE,
    WARNING_MARK,
    WOKE,
    WRAPPED,
    WRAPPED_CELLS,
    compact_rows,
)
from cramplog.render.report_document.typesetting import (
    APPENDIX_PT,
    BODY_PT,
    FOOTER_GAP,
    MARGIN,
    one_line,
    print_font,
)


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    share: float
    centred: bool = False


_FIXED_COLUMNS: Final = (
    Column(N_("Night of"), 0.056),
    Column(N_("Time"), 0.043),
    Column(N_("Muscle"), 0.115),
    Column(N_("Side"), 0.034),
    # Translators: the column of each cramp's duration in minutes and seconds ("2:30").
    Column(N_("Min:s"), 0.04, centred=True),
    # Translators: short for intensity, the column of 0–10 ratings.
    Column(N_("Int."), 0.03, centred=True),
    Column(N_("Woke"), 0.036, centred=True),
)
_RELIEF_SHARE: Final = (0.045, 0.075)
_OTHER_SHARE: Final = 0.105
# What was felt and what may have set it off: a column each, wrapped, never cut.
_SYMPTOMS_SHARE: Final = 0.1
_TRIGGERS_SHARE: Final = 0.17
# The muscle, also tried, symptoms, triggers and notes columns share at least this much.
_MIN_WRAPPED_ROOM: Final = 0.62
# The narrowest a wrapped column becomes, however little its texts need.
_MIN_WRAPPED: Final = 0.05
# ... and the widest its longest word makes it (a longer word is broken).
_MAX_WORD: Final = 0.15
APPENDIX_LEGEND: Final = N_(
    "Night of: the evening the night began · L/R: left/right · Min:s: duration · "
    "Int.: intensity 0–10 · ✓ helped, ~ helped a little, ✗ did not help, • not rated"
)
HEADER_LINES: Final = 3


@dataclass(frozen=True, slots=True)
class AppendixPage:
    first_line: int
    line_count: int
    title: bool


_GUTTER: Final = 3.0


class AppendixGrid:
    """The appendix as rows of a fixed grid, paginated; `appendix_painter` draws a page.

    The rows are read from the diary once, a chunk at a time, into compact tuples of shared
    texts; the wrapped columns' widths are then chosen from every distinct text so that rows
    come out short, each distinct text is wrapped once, and a page's lines are made only when
    it is drawn. Each column of a page is drawn as one multi-line text: Qt's PDF engine pays
    per text item and per glyph, so the relief methods most tried get a column of one-glyph
    marks instead of their names.
    """

    TITLE_HEIGHT: Final = 22.0

    def __init__(self, report: reports.Report, device: QPaintDevice, page: QSizeF) -> None:
        self.font = print_font(APPENDIX_PT, fast=True)
        self.bold = print_font(APPENDIX_PT, bold=True, fast=True)
        self.header_font = print_font(APPENDIX_PT - 1.0, bold=True)
        self.title_font = print_font(BODY_PT + 3, bold=True)
        self.page = page
        self.width = page.width() - 2 * MARGIN
        self.device = device
        self.metrics = QFontMetricsF(self.font, device)
        self._header_metrics = QFontMetricsF(self.header_font, device)
        single = self.metrics.boundingRect(QRectF(0, 0, 1000, 1000), 0, "Xg").height()
        double = self.metrics.boundingRect(QRectF(0, 0, 1000, 1000), 0, "Xg\nXg").height()
        self.step = double - single
        fixed = self._fixed_columns()
        fixed_share = sum(c.share for c in fixed)
        marks, self.relief_codes = self._relief_columns(report, fixed_share)
        other_title = _("Also tried") if marks else _("What was tried")
        other_share = _OTHER_SHARE if marks else _OTHER_SHARE + 0.1
        noted_share = _SYMPTOMS_SHARE + _TRIGGERS_SHARE
        self.columns: list[Column] = [
            *fixed,
            *marks,
            Column(other_title, other_share),
            Column(_("Symptoms ({mark} warning sign)").format(mark=WARNING_MARK), _SYMPTOMS_SHARE),
            Column(_("Suspected triggers"), _TRIGGERS_SHARE),
            Column(
                _("Notes"),
                1.0 - fixed_share - sum(c.share for c in marks) - other_share - noted_share,
            ),
        ]
        self.MUSCLE = 2
        self.FIRST_RELIEF = len(fixed)
        self.OTHER = len(self.columns) - 4
        self.SYMPTOMS = len(self.columns) - 3
        self.TRIGGERS = len(self.columns) - 2
        self.NOTES = len(self.columns) - 1
        self._wrapped_columns = (self.MUSCLE, self.OTHER, self.SYMPTOMS, self.TRIGGERS, self.NOTES)
        read = report.appendix.read(
            lambda rows: compact_rows(
                rows, relief_labels=report.relief_labels, relief_codes=self.relief_codes
            )
        )
        self.rows, self._month_rows, self.count = read.rows, read.month_rows, read.count
        # How many rows share each combination of wrapped texts: only to choose the widths.
        self._combinations = read.combinations
        self.xs, self.widths = self._place_columns()
        self._wraps: list[dict[str, tuple[str, ...]]] = [{} for _ in range(WRAPPED_CELLS)]
        self.row_starts, self.row_heights, self.headings = self._place_rows()
        self._heading_lines = sorted(self.headings)
        self.pages = self._paginate()

    def _fixed_columns(self) -> tuple[Column, ...]:
        """The fixed columns, the night and the time widened to the locale's widest texts
        ("Wed 30", "10:58 PM"): a 12-hour clock needs more room than a 24-hour one."""
        c = conventions.current()
        widest = {
            "Night of": max(self.metrics.horizontalAdvance(f"{name} 30") for name in c.weekdays),
            "Time": max(
                self.metrics.horizontalAdvance(wording.clock(time(hour, 58))) for hour in range(24)
            ),
        }
        return tuple(
            replace(
                column,
                title=_(column.title),
                share=max(column.share, (widest.get(column.title, 0.0) + 5) / self.width),
            )
            for column in _FIXED_COLUMNS
        )

    def _relief_columns(
        self, report: reports.Report, fixed_share: float
    ) -> tuple[list[Column], dict[str, int]]:
        """Each of the most tried relief methods gets a column of marks as wide as its
        heading's longest word, while the wrapped columns keep room enough between them;
        returns the columns and each method's index. A mark is one glyph where the method's
        name and mark would be a dozen or more in "also tried", on every row that used it:
        what most of the PDF's drawing time goes on."""
        low, high = _RELIEF_SHARE
        muscle = next(c.share for c in _FIXED_COLUMNS if c.title == "Muscle")
        marks: list[Column] = []
        codes: dict[str, int] = {}
        for relief in report.relief_columns:
            share = min(max((self._longest_word(relief.label) + 5) / self.width, low), high)
            used = fixed_share - muscle + sum(c.share for c in marks) + share
            if 1.0 - used < _MIN_WRAPPED_ROOM:
                break
            codes[relief.code] = len(marks)
            marks.append(Column(one_line(relief.label), share, centred=True))
        return marks, codes

    def _longest_word(self, title: str) -> float:
        """The widest word of a column heading (headings wrap at words, never inside one)."""
        return max(
            (self._header_metrics.horizontalAdvance(word) for word in one_line(title).split()),
            default=0.0,
        )

    def _two_line_heading(self, title: str) -> float:
        """The narrowest a column can be with its heading on two lines at most."""
        words = one_line(title).split()
        advance = self._header_metrics.horizontalAdvance
        return min(
            (
                max(advance(" ".join(words[:cut])), advance(" ".join(words[cut:])))
                for cut in range(1, len(words))
            ),
            default=advance(" ".join(words)),
        )

    # -- widths ---------------------------------------------------------------------------

    def _place_columns(self) -> tuple[list[float], list[float]]:
        """Each column's left edge and text width: the fixed columns at their shares, the
        wrapped ones at the widths `column_widths.share_out` finds best for these rows."""
        shares = [column.share * self.width for column in self.columns]
        wrapped = self._wrapped_columns
        room = sum(shares[index] for index in wrapped)
        minimums = [
            max(self._two_line_heading(self.columns[index].title) + 5, _MIN_WRAPPED * self.width)
            for index in wrapped
        ]
        if self._combinations:
            keys = list(self._combinations)
            minimums = self._word_minimums(keys, minimums)
            counts = np.fromiter(self._combinations.values(), dtype=float, count=len(keys))
            naturals = []
            for cell in range(len(wrapped)):
                widths: dict[str, float] = {}
                for key in keys:
                    text = key[cell]
                    if text not in widths:
                        widths[text] = self._natural_width(text)
                naturals.append(
                    np.fromiter((widths[key[cell]] for key in keys), dtype=float, count=len(keys))
                )
            chosen = column_widths.share_out(naturals, counts, minimums, room)
            for index, width in zip(wrapped, chosen, strict=True):
                shares[index] = width
        self._combinations = {}  # only needed to choose the widths
        xs: list[float] = []
        x = MARGIN
        for share in shares:
            xs.append(x)
            x += share
        return xs, [share - _GUTTER for share in shares]

    def _word_minimums(self, keys: list[tuple[str, ...]], minimums: list[float]) -> list[float]:
        """Each wrapped column (but the notes) at least as wide as its widest word (the
        muscle as its widest name), up to a limit: "Soreness afterwards" may wrap, but
        never as "afterward / s"."""
        words: list[set[str]] = [set() for _ in minimums]
        for key in keys:
            words[0].add(key[0])  # a muscle's name is short: kept whole on one line
            for cell in range(1, len(minimums) - 1):
                words[cell].update(key[cell].split(" "))  # a no-break space holds
        return [
            max(
                minimum,
                min(
                    _MAX_WORD * self.width,
                    max((self.metrics.horizontalAdvance(w) for w in found), default=0.0)
                    + _GUTTER
                    + 1,
                ),
            )
            for minimum, found in zip(minimums, words, strict=True)
        ]

    def _natural_width(self, text: str) -> float:
        """How wide a text is on one line (a note's paragraphs side by side); 0 when empty."""
        if not text:
            return 0.0
        return sum(self.metrics.horizontalAdvance(part) for part in text.split("\n"))

    # -- lines ----------------------------------------------------------------------------

    def _lines(self, cell: int, text: str) -> tuple[str, ...]:
        """`text` of a wrapped cell broken into lines that fit its column, once per text."""
        wraps = self._wraps[cell]
        found = wraps.get(text)
        if found is None:
            column = self._wrapped_columns[cell]
            found = self._notes(text) if column == self.NOTES else self._wrap(column, text)
            wraps[text] = found
        return found

    def _wrap(self, column: int, text: str) -> tuple[str, ...]:
        width = self.widths[column]
        if self.metrics.horizontalAdvance(text) <= width:
            return (text,)
        return self._break(text, width)

    def _break(self, paragraph: str, width: float) -> tuple[str, ...]:
        if not paragraph.strip():
            return ("",)
        layout = QTextLayout(paragraph, self.font, self.device)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        lines = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start, length = line.textStart(), line.textLength()
            lines.append(paragraph[start : start + length].rstrip())
        layout.endLayout()
        return tuple(lines)

    def _notes(self, notes: str) -> tuple[str, ...]:
        if not notes.strip():
            return ("",)
        # Keep the person's own line breaks; everything else is one plain line each.
        lines: list[str] = []
        for paragraph in notes.split("\n"):
            lines.extend(self._wrap(self.NOTES, one_line(paragraph)))
        while len(lines) > 1 and not lines[-1]:
            lines.pop()
        return tuple(lines)

    def _place_rows(self) -> tuple[array[int], array[int], dict[int, str]]:
        """Each row's first line and height, and the month headings' lines."""
        starts: array[int] = array("l")
        heights: array[int] = array("l")
        headings: dict[int, str] = {}
        months = iter(self._month_rows)
        month_row, month = next(months, (-1, ""))
        lines = self._lines
        tallest: dict[tuple[str, ...], int] = {}
        line = 0
        for index, row in enumerate(self.rows):
            if index == month_row:
                headings[line] = month
                line += 1
                month_row, month = next(months, (-1, ""))
            cells = row[WRAPPED]
            height = tallest.get(cells)
            if height is None:
                height = tallest[cells] = max(
                    len(lines(cell, text)) for cell, text in enumerate(cells)
                )
            starts.append(line)
            heights.append(height)
            line += height
        self.total_lines = line
        return starts, heights, headings

    def page_columns(self, page: AppendixPage) -> list[list[str]]:
        """Each column's lines on `page`, made now from the rows (a month heading's line is
        blank in every column)."""
        first, end = page.first_line, page.first_line + page.line_count
        columns: list[list[str]] = [[] for _ in self.columns]
        fixed = (0, 1, 3, 4, 5, 6)  # night, time, side, min:s, int., woke
        relief_columns = range(self.FIRST_RELIEF, self.OTHER)
        starts, heights, rows = self.row_starts, self.row_heights, self.rows
        found = row_containing(starts, first)
        index = 0 if found is None else found
        if index < len(rows) and starts[index] + heights[index] <= first:
            index += 1  # `first` is a month heading after that row
        line = first
        while line < end:
            if line in self.headings:
                for blank in columns:
                    blank.append("")
                line += 1
                continue
            if index >= len(rows):
                break
            row, start, height = rows[index], starts[index], heights[index]
            if height == 1:  # most rows: every cell one line, nothing to pad or cut
                for column, value in zip(fixed, row[:MARK_CELLS], strict=True):
                    columns[column].append(value)
                for column, mark in zip(relief_columns, row[MARK_CELLS], strict=True):
                    columns[column].append(mark)
                for cell, (column, text) in enumerate(
                    zip(self._wrapped_columns, row[WRAPPED], strict=True)
                ):
                    columns[column].append(self._lines(cell, text)[0])
                line += 1
                index += 1
                continue
            skip, take = line - start, min(height, end - start) - (line - start)
            cells = [row[NIGHT], row[CLOCK], row[SIDE], row[DURATION], row[INTENSITY]]
            cells.append(row[WOKE])
            for column, value in zip(fixed, cells, strict=True):
                columns[column].extend(([value] + [""] * (height - 1))[skip : skip + take])
            for column, mark in zip(relief_columns, row[MARK_CELLS], strict=True):
                columns[column].extend(([mark] + [""] * (height - 1))[skip : skip + take])
            for cell, (column, text) in enumerate(
                zip(self._wrapped_columns, row[WRAPPED], strict=True)
            ):
                lines = self._lines(cell, text)
                padded = list(lines) + [""] * (height - len(lines))
                columns[column].extend(padded[skip : skip + take])
            line += take
            index += 1
        return columns

    # -- pages ----------------------------------------------------------------------------

    def top_of_lines(self, title: bool) -> float:
        """Where the first line of a page goes: below the title, the legend and the header."""
        return MARGIN + (self.TITLE_HEIGHT if title else 0) + self.step * (HEADER_LINES + 1.6)

    def _paginate(self) -> list[AppendixPage]:
        total = self.total_lines
        bottom = self.page.height() - MARGIN - FOOTER_GAP
        pages: list[AppendixPage] = []
        starts, heights = self.row_starts, self.row_heights
        line = 0
        while True:
            title = not pages
            capacity = max(1, int((bottom - self.top_of_lines(title)) // self.step))
            end = min(total, line + capacity)
            if end < total:
                # Do not split a row that would fit whole on the next page.
                row = row_containing(starts, end)
                if row is not None and starts[row] < end and heights[row] <= capacity:
                    end = max(line + 1, starts[row])
                # Never end a page on a month heading.
                if end - 1 in self.headings and end - 1 > line:
                    end -= 1
            pages.append(AppendixPage(line, end - line, title))
            line = end
            if line >= total:
                break
        return pages

    def month_before(self, line: int) -> str | None:
        """The month heading last shown above `line`, if any."""
        at = bisect.bisect_left(self._heading_lines, line) - 1
        return None if at < 0 else self.headings[self._heading_lines[at]]


def row_containing(starts: Sequence[int], line: int) -> int | None:
    """Index of the row whose lines include `line` (starts is sorted)."""
    index = bisect.bisect_right(starts, line) - 1
    return index if index >= 0 else None
