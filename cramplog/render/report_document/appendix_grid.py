"""The appendix as rows of a fixed grid of columns, cut into pages."""

# Over 400 lines because placing the columns, wrapping each distinct text once and reading a
# page's lines out of the rows share one set of measured widths and row arrays (the width
# arithmetic itself is in column_widths.py, the choice of mark columns in mark_columns.py, the
# headings' lines in appendix_headings.py, the cut into pages in appendix_pages.py); the page
# lines' loop is the PDF's hot path over the grid's own arrays, so it stays beside them.

from __future__ import annotations

import bisect
from array import array
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import time
from typing import Final

import numpy as np
from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QFontMetricsF, QPaintDevice, QTextOption

from cramplog.analysis import report as reports
from cramplog.core import conventions, wording
from cramplog.core.translation import N_, _
from cramplog.render.report_document import column_widths, mark_columns
from cramplog.render.report_document.appendix_glyphs import LineGlyphs, Piece, one_line_run
from cramplog.render.report_document.appendix_headings import InkedHeadings
from cramplog.render.report_document.appendix_pages import AppendixPage, paginate, row_containing
from cramplog.render.report_document.appendix_rows import (
    MARK_CELLS,
    MARKS,
    NIGHT,
    TRIGGER_MARK,
    WARNING_MARK,
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
    wrapped_lines,
)


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    share: float
    centred: bool = False
    # A column of marks, its heading turned on its side to keep it narrow.
    turned: bool = False


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
# The texts' columns (also tried, symptoms, other triggers, notes) share the room the other
# columns leave in these proportions, until the rows' texts choose their widths.
_TEXT_SHARES: Final = (0.105, 0.1, 0.17, 0.255)
# The muscle, also tried, symptoms, triggers and notes columns share at least this much: the
# columns of marks take what is left.
_MIN_WRAPPED_ROOM: Final = 0.6
# The narrowest a wrapped column becomes, however little its texts need.
_MIN_WRAPPED: Final = 0.05
# ... and the widest its longest word makes it (a longer word is broken).
_MAX_WORD: Final = 0.15
APPENDIX_LEGEND: Final = N_(
    "Night of: evening the night began · L/R: left/right · Min:s: duration · "
    "Int.: intensity 0–10 · ✓ helped, ~ a little, ✗ did not help, • unrated · "
    "blank: not noted"
)
# Translators: the legend's explanation of the mark in the appendix's trigger columns.
TRIGGER_LEGEND: Final = N_("{mark} suspected trigger")
HEADER_LINES: Final = 3
# How the legend is drawn: from the top left, wrapped at words.
LEGEND_FLAGS: Final = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(
    Qt.TextFlag.TextWordWrap
)
# Where a column's text comes from in a compact row (see _cell_order).
_FIXED, _MARK, _WRAPPED = range(3)


_GUTTER: Final = 3.0


class AppendixGrid:
    """The appendix as rows of a fixed grid, paginated; `appendix_painter` draws a page.

    The rows are read from the diary once, a chunk at a time, into compact tuples of shared
    texts; the wrapped columns' widths are then chosen from every distinct text so that rows
    come out short, each distinct text is wrapped once, and a page's lines are made only when
    it is drawn, a cell at a time (`page_cells`). Qt's PDF engine pays per text and per
    glyph, so the relief methods most tried and the triggers most suspected get a column of
    one-glyph marks each instead of their names on every row.
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
        reliefs, triggers = self._mark_columns(report, fixed)
        self.relief_codes = {column.key: place for place, column in enumerate(reliefs)}
        self.trigger_places = {column.key: place for place, column in enumerate(triggers)}
        self.columns = self._all_columns(fixed, reliefs, triggers)
        self.header_height = self.step * (HEADER_LINES + 0.3)
        self.legend = _(APPENDIX_LEGEND)
        if triggers:
            marks = _(TRIGGER_LEGEND).format(mark=TRIGGER_MARK)
            # On the legend's line if it fits, else on a line of its own.
            joined = f"{self.legend} · {marks}"
            fits = self.metrics.horizontalAdvance(joined) < self.width
            self.legend = joined if fits else f"{self.legend}\n{marks}"
        # Counted as drawn, the trigger's line added: a long translation may wrap, on its own
        # or after that line, and the legend then takes more lines on every page.
        self.legend_lines = self._wrapped_lines(self.legend)
        self.legend_run = one_line_run(self.legend, self.font, device, MARGIN)
        if reliefs or triggers:
            self.header_height = max(self.header_height, mark_columns.TURNED_HEADER)
        read = report.appendix.read_plain(
            lambda rows: compact_rows(
                rows,
                relief_labels=report.relief_labels,
                relief_codes=self.relief_codes,
                trigger_columns=self.trigger_places,
            )
        )
        self.rows, self._month_rows, self.count = read.rows, read.month_rows, read.count
        # How many rows share each combination of wrapped texts: only to choose the widths.
        self._combinations = read.combinations
        self.xs, self.widths = self._place_columns()
        self._wraps: list[dict[str, tuple[str, ...]]] = [{} for _ in range(WRAPPED_CELLS)]
        # Where a text starts, as a function of the columns' places rather than a method:
        # glyphs that referred back to their grid would make a reference cycle, keeping
        # every row and glyph until the cycle collector next ran (tens of ms a decade).
        self._start = _text_starts(
            self.xs, self.widths, [column.centred for column in self.columns], self.metrics
        )
        self.glyphs = LineGlyphs(self.font, device, self._start)
        # The headings' lines, placed when the first page is drawn (appendix_painter).
        self.placed_headings: InkedHeadings | None = None
        self.row_starts, self.row_heights, self.headings = self._place_rows()
        self._heading_lines = sorted(self.headings)
        self.pages = self._paginate()
        self.lines_per_page = max(page.line_count for page in self.pages)

    def rehome(self) -> None:
        """Make the glyph runs again on this thread, for a grid laid out on another thread
        that has ended (see `ReportDocument.rehome`); the rows and pages are kept."""
        self.legend_run = one_line_run(self.legend, self.font, self.device, MARGIN)
        self.glyphs = LineGlyphs(self.font, self.device, self._start)
        self.placed_headings = None

    def _wrapped_lines(self, text: str) -> int:
        """How many lines `text` takes wrapped within the page's width, as LEGEND_FLAGS
        draw it."""
        box = self.metrics.boundingRect(QRectF(0, 0, self.width, 1e6), LEGEND_FLAGS, text)
        single = self.metrics.boundingRect(QRectF(0, 0, self.width, 1e6), LEGEND_FLAGS, "Xg")
        return 1 + max(0, round((box.height() - single.height()) / self.step))

    def legend_box(self, title: bool) -> QRectF:
        """Where the legend is drawn on a page (below the title on the first)."""
        top = MARGIN + (self.TITLE_HEIGHT if title else 0)
        return QRectF(MARGIN, top, self.width, self.step * self.legend_lines)

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

    def _mark_columns(
        self, report: reports.Report, fixed: Sequence[Column]
    ) -> tuple[list[mark_columns.MarkColumn], list[mark_columns.MarkColumn]]:
        """The most tried relief methods and the most suspected triggers get a column of
        marks each, while the wrapped columns keep room enough between them. A mark is one
        glyph where a method's or trigger's name would be a dozen or more, on every row that
        noted it: Qt's PDF engine pays per glyph, and most of the PDF's time went on those
        names."""
        wrapped = fixed[2].share  # the muscle's column is the one fixed column that wraps
        room = (1.0 - _MIN_WRAPPED_ROOM - sum(c.share for c in fixed) + wrapped) * self.width
        mark = max(self.metrics.horizontalAdvance(m) for m in (*MARKS.values(), TRIGGER_MARK))
        return mark_columns.choose(
            self._header_metrics,
            [(relief.code, relief.label) for relief in report.relief_columns],
            report.appendix_triggers,
            len(report.appendix),
            room,
            mark,
        )

    def _all_columns(
        self,
        fixed: Sequence[Column],
        reliefs: Sequence[mark_columns.MarkColumn],
        triggers: Sequence[mark_columns.MarkColumn],
    ) -> list[Column]:
        """The fixed columns, the reliefs' marks, what else was tried, the symptoms, the
        triggers' marks, the other triggers and the notes; the texts' columns share what the
        others leave."""
        reliefs_ = [
            Column(c.title, c.width / self.width, centred=True, turned=True) for c in reliefs
        ]
        triggers_ = [
            Column(c.title, c.width / self.width, centred=True, turned=True) for c in triggers
        ]
        left = 1.0 - sum(c.share for c in (*fixed, *reliefs_, *triggers_))
        other, symptoms, suspected, notes = (left * s / sum(_TEXT_SHARES) for s in _TEXT_SHARES)
        columns = [
            *fixed,
            *reliefs_,
            Column(_("Also tried") if reliefs else _("What was tried"), other),
            Column(_("Symptoms ({mark} warning sign)").format(mark=WARNING_MARK), symptoms),
            *triggers_,
            Column(_("Other triggers") if triggers else _("Suspected triggers"), suspected),
            Column(_("Notes"), notes),
        ]
        self.MUSCLE = 2
        self.OTHER = len(fixed) + len(reliefs)
        self.SYMPTOMS = self.OTHER + 1
        self.TRIGGERS = len(columns) - 2
        self.NOTES = len(columns) - 1
        # Where each mark of a row goes: the reliefs' columns, then the triggers'.
        self.mark_columns = [
            *range(len(fixed), self.OTHER),
            *range(self.SYMPTOMS + 1, self.TRIGGERS),
        ]
        self._wrapped_columns = (self.MUSCLE, self.OTHER, self.SYMPTOMS, self.TRIGGERS, self.NOTES)
        # Where each column's text comes from in a compact row: a one-line cell, a mark, or
        # a wrapped text; in the columns' order.
        # The one-line cells: night, time, side, min:s, int. and woke (row[0] to row[5]).
        sources = [(column, _FIXED, cell) for cell, column in enumerate((0, 1, 3, 4, 5, 6))]
        sources += [(column, _MARK, place) for place, column in enumerate(self.mark_columns)]
        sources += [(column, _WRAPPED, cell) for cell, column in enumerate(self._wrapped_columns)]
        self._cell_order = sorted(sources)
        return columns

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
        wrap = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
        return tuple(
            line.rstrip() for line in wrapped_lines(paragraph, self.font, self.device, width, wrap)
        )

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
        """Each column's lines on `page` (a month heading's line is blank in every column)."""
        columns = [[""] * page.line_count for _ in self.columns]
        for column, line, text in self.page_cells(page):
            columns[column][line] = text
        return columns

    def page_cells(self, page: AppendixPage) -> list[tuple[int, int, str]]:
        """The cells on `page` that hold text, a line at a time from the top, each line's
        from left to right (the order they are drawn in): column, line on the page (from 0)
        and text."""
        cells: list[tuple[int, int, str]] = []
        for line, items in self._page_lines(page, None):
            for item in items:
                assert not isinstance(item, Piece)  # asked without glyphs
                cells.append((item[0], line, item[1]))
        return cells

    def page_lines(self, page: AppendixPage) -> list[tuple[int, list[Piece | tuple[int, str]]]]:
        """The lines on `page` that hold text, from the top: each one's line on the page
        (from 0) and its cells from left to right, each as its glyphs, or as its column and
        text when it is to be drawn as text (see `LineGlyphs.pieces`)."""
        return self._page_lines(page, self.glyphs)

    def _page_lines(
        self, page: AppendixPage, glyphs: LineGlyphs | None
    ) -> list[tuple[int, list[Piece | tuple[int, str]]]]:
        """`page_lines`, or with `glyphs` None every cell as its column and text. Each row's
        cells are asked for a column at a time (a wrapped text's lines one after another),
        and only here: asking `glyphs` is what counts a text as seen."""
        first, end = page.first_line, page.first_line + page.line_count
        found_lines: list[tuple[int, list[Piece | tuple[int, str]]]] = []
        lines_of, wraps = self._lines, self._wraps
        starts, heights, rows = self.row_starts, self.row_heights, self.rows
        known_cells, shape = (glyphs.cells, glyphs.pieces) if glyphs else (defaultdict(dict), None)
        # Each column with its texts' glyphs (emptied in place when they are let go).
        order = [
            (column, kind, place, known_cells[column]) for column, kind, place in self._cell_order
        ]
        found = row_containing(starts, first)
        index = 0 if found is None else found
        if index < len(rows) and starts[index] + heights[index] <= first:
            index += 1  # `first` is a month heading after that row
        # A night is written on its first cramp only; a page that opens partway through a
        # night says again which night it is, as the month heading says "continued".
        carried = _night_of(rows, index) if index < len(rows) else ""
        # A hot loop over every cell of the appendix: the cached glyphs are looked up inline.
        while index < len(rows) and (start := starts[index]) < end:
            row, height = rows[index], heights[index]
            skip = max(0, first - start)  # the row's lines on the page before
            if carried and not skip:  # the page's first row drawn whole
                if not row[NIGHT]:
                    row = (*row[:NIGHT], carried, *row[NIGHT + 1 :])
                carried = ""
            marks, wrapped = row[MARK_CELLS], row[WRAPPED]
            take = min(start + height, end) - start - skip
            # Most rows take one line: made without a loop.
            row_lines: list[list[Piece | tuple[int, str]]] = (
                [[]] if take == 1 else [[] for _ in range(take)]
            )
            head = row_lines[0]
            for column, kind, place, known in order:
                if kind == _WRAPPED:
                    text = wrapped[place]
                    if not text:
                        continue
                    wrapped_lines = wraps[place].get(text) or lines_of(place, text)
                    for offset, value in enumerate(wrapped_lines[skip : skip + take]):
                        if value:
                            if shape is None:
                                row_lines[offset].append((column, value))
                                continue
                            piece = known.get(value)  # one look-up when it has glyphs
                            if piece is None and value not in known:
                                piece = shape(column, value)
                            row_lines[offset].append((column, value) if piece is None else piece)
                    continue
                if skip:
                    continue
                value = marks[place] if kind == _MARK else row[place]
                if value:
                    if shape is None:
                        head.append((column, value))
                        continue
                    piece = known.get(value)
                    if piece is None and value not in known:
                        piece = shape(column, value)
                    head.append((column, value) if piece is None else piece)
            at = start + skip - first
            for cells in row_lines:
                if cells:
                    found_lines.append((at, cells))
                at += 1
            index += 1
        return found_lines

    def cell_x(self, column: int, text: str) -> float:
        """Where `text` starts in `column`: its left edge, or further in when centred (asked
        once per column and text: `glyphs` keeps the answer with the glyphs)."""
        return self._start(column, text)

    # -- pages ----------------------------------------------------------------------------

    def top_of_lines(self, title: bool) -> float:
        """Where the first line of a page goes: below the title, the legend and the header."""
        legend = self.step * (self.legend_lines + 0.3)
        return MARGIN + (self.TITLE_HEIGHT if title else 0) + legend + self.header_height

    def _paginate(self) -> list[AppendixPage]:
        bottom = self.page.height() - MARGIN - FOOTER_GAP

        def capacity(title: bool) -> int:
            return max(1, int((bottom - self.top_of_lines(title)) // self.step))

        return paginate(
            self.row_starts, self.row_heights, self.headings, self.total_lines, capacity
        )

    def month_before(self, line: int) -> str | None:
        """The month heading last shown above `line`, if any."""
        at = bisect.bisect_left(self._heading_lines, line) - 1
        return None if at < 0 else self.headings[self._heading_lines[at]]


def _night_of(rows: Sequence[tuple[object, ...]], index: int) -> str:
    """The night the row at `index` belongs to: its own, or that of the nearest row before
    it that writes one (a night is written on its first cramp only)."""
    for earlier in range(index, -1, -1):
        night = rows[earlier][NIGHT]
        if night:
            return str(night)
    return ""


def _text_starts(
    xs: Sequence[float], widths: Sequence[float], centred: Sequence[bool], metrics: QFontMetricsF
) -> Callable[[int, str], float]:
    """Where a text starts in a column: its left edge, or further in when centred."""

    def start(column: int, text: str) -> float:
        x = xs[column]
        if not centred[column]:
            return x
        return x + (widths[column] + 2 - metrics.horizontalAdvance(text)) / 2

    return start
