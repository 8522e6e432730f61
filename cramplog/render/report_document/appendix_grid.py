"""The appendix as lines of a fixed grid of columns, cut into pages."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, time
from typing import Final

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QFontMetricsF, QPaintDevice, QTextLayout, QTextOption

from cramplog.analysis import report as reports
from cramplog.core import conventions, nights, wording
from cramplog.core.records import ReliefRating
from cramplog.render.report_document.typesetting import (
    APPENDIX_PT,
    BODY_PT,
    FOOTER_GAP,
    MARGIN,
    one_line,
    print_font,
)


def _minutes_seconds(seconds: int | None) -> str:
    """A duration as the "Min:s" column writes it: "2:30", "65:00" (hours as minutes, since
    "1:05:00" does not fit the column and would read as a minute)."""
    return "" if seconds is None else f"{seconds // 60}:{seconds % 60:02d}"


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    share: float
    centred: bool = False


_FIXED_COLUMNS: Final = (
    Column("Night of", 0.056),
    Column("Time", 0.043),
    Column("Muscle", 0.115),
    Column("Side", 0.034),
    Column("Min:s", 0.04, centred=True),
    Column("Int.", 0.03, centred=True),
    Column("Woke", 0.036, centred=True),
)
_RELIEF_SHARE: Final = (0.045, 0.075)
_OTHER_SHARE: Final = 0.105
# What was felt and what may have set it off: a column each, wrapped, never cut.
_SYMPTOMS_SHARE: Final = 0.1
_TRIGGERS_SHARE: Final = 0.17
_MIN_NOTES_SHARE: Final = 0.14
# Marks a symptom the checklist names a warning sign; a shape, so it reads in black and white.
WARNING_MARK: Final = "⚠"
APPENDIX_LEGEND: Final = (
    "Night of: the evening the night began · L/R: left/right · Min:s: duration · "
    "Int.: intensity 0–10 · ✓ helped, ~ helped a little, ✗ did not help, • not rated"
)
_MARKS: Final = {
    ReliefRating.HELPED: "✓",
    ReliefRating.A_LITTLE: "~",
    ReliefRating.NOT_HELPED: "✗",
    None: "•",
}
_NO_NOTES: Final = [""]
_NO_TIME: Final = "–"
_TIME_NOT_NOTED_NOTE: Final = nights.TIME_NOT_NOTED.capitalize() + "."
# L and R are how clinicians write sides; the legend says so.
_SIDE_SHORT: Final = {"Left": "L", "Right": "R"}
HEADER_LINES: Final = 3


@dataclass(frozen=True, slots=True)
class AppendixPage:
    first_line: int
    line_count: int
    title: bool


class AppendixGrid:
    """The appendix as lines of a fixed grid, paginated; `appendix_painter` draws a page.

    Each column of a page is drawn as one multi-line text, which is what keeps a 15,000-row
    appendix within the time budget: Qt's PDF engine pays per text item and per glyph, so
    the relief methods most tried get a column of one-glyph marks instead of their names.
    """

    def __init__(self, report: reports.Report, device: QPaintDevice, page: QSizeF) -> None:
        self.font = print_font(APPENDIX_PT, fast=True)
        self.bold = print_font(APPENDIX_PT, bold=True, fast=True)
        self.header_font = print_font(APPENDIX_PT - 1.0, bold=True)
        self.title_font = print_font(BODY_PT + 3, bold=True)
        self.page = page
        self.width = page.width() - 2 * MARGIN
        self.device = device
        self.metrics = QFontMetricsF(self.font, device)
        single = self.metrics.boundingRect(QRectF(0, 0, 1000, 1000), 0, "Xg").height()
        double = self.metrics.boundingRect(QRectF(0, 0, 1000, 1000), 0, "Xg\nXg").height()
        self.step = double - single
        fixed = self._fixed_columns()
        fixed_share = sum(c.share for c in fixed)
        marks, self.relief_codes = self._relief_columns(report, fixed_share)
        other_title = "Also tried" if marks else "What was tried"
        other_share = _OTHER_SHARE if marks else _OTHER_SHARE + 0.1
        noted_share = _SYMPTOMS_SHARE + _TRIGGERS_SHARE
        self.columns: list[Column] = [
            *fixed,
            *marks,
            Column(other_title, other_share),
            Column(f"Symptoms ({WARNING_MARK} warning sign)", _SYMPTOMS_SHARE),
            Column("Suspected triggers", _TRIGGERS_SHARE),
            Column(
                "Notes",
                1.0 - fixed_share - sum(c.share for c in marks) - other_share - noted_share,
            ),
        ]
        self.MUSCLE = 2
        self.FIRST_RELIEF = len(fixed)
        self.OTHER = len(self.columns) - 4
        self.SYMPTOMS = len(self.columns) - 3
        self.TRIGGERS = len(self.columns) - 2
        self.NOTES = len(self.columns) - 1
        self.xs: list[float] = []
        self.widths: list[float] = []
        x = MARGIN
        for column in self.columns:
            self.xs.append(x)
            self.widths.append(self.width * column.share - 3)
            x += self.width * column.share
        self.lines: list[list[str]] = [[] for _ in self.columns]
        self.row_starts: list[int] = []
        self.row_heights: list[int] = []
        self.headings: dict[int, str] = {}
        self._fits: dict[tuple[int, str], list[str]] = {}
        self._lay_out(report)
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
            replace(column, share=max(column.share, (widest[column.title] + 5) / self.width))
            if column.title in widest
            else column
            for column in _FIXED_COLUMNS
        )

    def _relief_columns(
        self, report: reports.Report, fixed_share: float
    ) -> tuple[list[Column], dict[str, int]]:
        """Each of the most tried relief methods gets a column as wide as its longest word,
        while the notes keep their share; returns the columns and each method's index."""
        header_metrics = QFontMetricsF(self.header_font, self.device)
        low, high = _RELIEF_SHARE
        marks: list[Column] = []
        codes: dict[str, int] = {}
        for relief in report.relief_columns:
            longest = max(
                (header_metrics.horizontalAdvance(word) for word in one_line(relief.label).split()),
                default=0.0,
            )
            share = min(max((longest + 5) / self.width, low), high)
            used = (
                fixed_share
                + sum(c.share for c in marks)
                + share
                + _OTHER_SHARE
                + _SYMPTOMS_SHARE
                + _TRIGGERS_SHARE
            )
            if 1.0 - used < _MIN_NOTES_SHARE:
                break
            codes[relief.code] = len(marks)
            marks.append(Column(one_line(relief.label), share, centred=True))
        return marks, codes

    # -- lines ----------------------------------------------------------------------------

    def _wrap(self, column: int, text: str) -> list[str]:
        """`text` broken into lines that fit the column (usually just itself)."""
        key = (column, text)
        cached = self._fits.get(key)
        if cached is not None:
            return cached
        width = self.widths[column]
        lines = (
            [text] if self.metrics.horizontalAdvance(text) <= width else self._break(text, width)
        )
        if column != self.NOTES:
            self._fits[key] = lines
        return lines

    def _break(self, paragraph: str, width: float) -> list[str]:
        if not paragraph.strip():
            return [""]
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
        return lines

    # Over 60 lines because it is one hot loop over every cramp, its columns kept in locals.
    def _lay_out(self, report: reports.Report) -> None:
        """Turn every episode into lines of the grid. Written for speed (15,000 rows in ~0.1 s):
        repeated texts are formatted once, and no strftime (it imports `time` on every call)."""
        columns = self.lines
        nights_col, times, muscles, sides, durations, intensities, woke = columns[:7]
        relief_cols = columns[self.FIRST_RELIEF : self.OTHER]
        others, notes_col = columns[self.OTHER], columns[self.NOTES]
        symptoms_col, triggers_col = columns[self.SYMPTOMS], columns[self.TRIGGERS]
        noted: dict[tuple[int, tuple[object, ...]], list[str]] = {}
        empty_marks = [""] * len(relief_cols)
        starts, heights, headings = self.row_starts, self.row_heights, self.headings
        labels = report.relief_labels
        tried: dict[tuple[tuple[str, ReliefRating | None], ...], tuple[list[str], list[str]]] = {}
        muscle_lines: dict[str, list[str]] = {}
        month = (0, 0)
        line = 0
        # The locale's names and clock; each minute's text is written once, not per cramp.
        week_names = conventions.current().weekdays
        clock_texts: dict[tuple[int, int], str] = {}
        previous_night: date | None = None
        for row in report.appendix:
            night = row.night_of
            # A night's date is written once, on its first cramp: the list reads like a diary.
            if night == previous_night:
                night_text = ""
            else:
                night_text = f"{week_names[night.weekday()]} {night.day}"
                previous_night = night
            if (night.year, night.month) != month:
                month = (night.year, night.month)
                headings[line] = wording.month_year(night, long=True)
                for column in columns:
                    column.append("")
                line += 1
            muscle = muscle_lines.get(row.muscle)
            if muscle is None:
                muscle = muscle_lines[row.muscle] = self._wrap(self.MUSCLE, one_line(row.muscle))
            found = tried.get(row.reliefs)
            if found is None:
                marks = list(empty_marks)
                named = []
                for code, rating in row.reliefs:
                    column_index = self.relief_codes.get(code)
                    if column_index is None:
                        named.append(one_line(labels.get(code, code)) + " " + _MARKS[rating])
                    else:
                        marks[column_index] = _MARKS[rating]
                found = tried[row.reliefs] = (marks, self._wrap(self.OTHER, ", ".join(named)))
            marks, other = found
            notes = self._notes(row.notes) if row.notes else _NO_NOTES
            symptoms = noted.get((self.SYMPTOMS, row.symptoms))
            if symptoms is None:
                symptoms = noted[(self.SYMPTOMS, row.symptoms)] = self._list(
                    self.SYMPTOMS,
                    [
                        f"{WARNING_MARK} {label}" if warning else label
                        for label, warning in row.symptoms
                    ],
                )
            triggers = noted.get((self.TRIGGERS, row.triggers))
            if triggers is None:
                triggers = noted[(self.TRIGGERS, row.triggers)] = self._list(
                    self.TRIGGERS, list(row.triggers)
                )
            start = row.start_local
            if row.time_noted:
                minute = (start.hour, start.minute)
                clock = clock_texts.get(minute)
                if clock is None:
                    clock = clock_texts[minute] = wording.clock(start)
            else:
                # The time column is a clock wide: it holds a dash, and the notes (the widest
                # column) say why, first.
                clock = _NO_TIME
                notes = self._notes(_TIME_NOT_NOTED_NOTE + (f" {row.notes}" if row.notes else ""))
            height = max(len(muscle), len(other), len(notes), len(symptoms), len(triggers))
            starts.append(line)
            heights.append(height)
            nights_col.append(night_text)
            sides.append(_SIDE_SHORT.get(row.side, row.side))
            durations.append(_minutes_seconds(row.duration_s))
            intensities.append("" if row.intensity is None else str(row.intensity))
            woke.append("yes" if row.woke else "")
            for column, mark in zip(relief_cols, marks, strict=True):
                column.append(mark)
            times.append(clock)
            if height == 1:
                muscles.append(muscle[0])
                others.append(other[0])
                notes_col.append(notes[0])
                symptoms_col.append(symptoms[0])
                triggers_col.append(triggers[0])
            else:
                padding = [""] * (height - 1)
                for column in (
                    nights_col,
                    times,
                    sides,
                    durations,
                    intensities,
                    woke,
                    *relief_cols,
                ):
                    column.extend(padding)
                for column, lines in (
                    (muscles, muscle),
                    (others, other),
                    (notes_col, notes),
                    (symptoms_col, symptoms),
                    (triggers_col, triggers),
                ):
                    column.extend(lines)
                    column.extend([""] * (height - len(lines)))
            line += height

    def _list(self, column: int, labels: list[str]) -> list[str]:
        """Labels for a narrow column, one after another and wrapped within it: none is cut
        off, and a cramp with three triggers takes two lines, not three or more."""
        return self._wrap(column, ", ".join(one_line(label) for label in labels))

    def _notes(self, notes: str) -> list[str]:
        if not notes.strip():
            return [""]
        # Keep the person's own line breaks; everything else is one plain line each.
        paragraphs = notes.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        lines: list[str] = []
        for paragraph in paragraphs:
            lines.extend(self._wrap(self.NOTES, one_line(paragraph)))
        while len(lines) > 1 and not lines[-1]:
            lines.pop()
        return lines

    # -- pages ----------------------------------------------------------------------------

    TITLE_HEIGHT: Final = 22.0

    def top_of_lines(self, title: bool) -> float:
        """Where the first line of a page goes: below the title, the legend and the header."""
        return MARGIN + (self.TITLE_HEIGHT if title else 0) + self.step * (HEADER_LINES + 1.6)

    def _paginate(self) -> list[AppendixPage]:
        total = len(self.lines[0])
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
        best: tuple[int, str] | None = None
        for start, heading in self.headings.items():
            if start < line and (best is None or start > best[0]):
                best = (start, heading)
        return None if best is None else best[1]


def row_containing(starts: Sequence[int], line: int) -> int | None:
    """Index of the row whose lines include `line` (starts is sorted)."""
    index = bisect.bisect_right(starts, line) - 1
    return index if index >= 0 else None
