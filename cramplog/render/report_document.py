"""Lay out the GP summary as printable pages for PDF, print and preview, never loading anything."""

from __future__ import annotations

import bisect
import os
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import (
    QBuffer,
    QIODevice,
    QLocale,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLayout,
    QTextLength,
    QTextOption,
    QTextTableFormat,
)

from cramplog import files
from cramplog.analysis import report as reports
from cramplog.core import wording
from cramplog.core.errors import ExportError, ForbiddenTargetError
from cramplog.core.records import ReliefRating

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from cramplog.render import charts


# Layout units are points: every size below is in 1/72 inch, whatever the device.
LAYOUT_DPI: Final = 72
MARGIN: Final = 34.0
FOOTER_GAP: Final = 16.0
BODY_PT: Final = 7.6
SMALL_PT: Final = 6.4
APPENDIX_PT: Final = 6.8
CHART_DPI: Final = 220
TOP_ROWS: Final = 6
TRIGGER_ROWS: Final = 5

INK = QColor("#1a1d21")
MUTED = QColor("#5b6470")
RULE = QColor("#b8bec6")
ACCENT = QColor("#2f5f98")
ALERT = QColor("#a4161a")
SHADE = QColor("#f1f3f6")

WEEKLY_CHART = QUrl("cramplog-chart:weekly")
HOUR_CHART = QUrl("cramplog-chart:hours")

Progress = Callable[[int, int], bool]


class ExportCancelled(Exception):
    """The person pressed Cancel; nothing was written."""


class PaperSize:
    """Paper names a person can choose, and the one their locale uses."""

    AUTOMATIC: Final = "auto"
    A4: Final = "a4"
    LETTER: Final = "letter"


def default_page_size() -> QPageSize:
    """Letter where the locale measures in US units, A4 everywhere else."""
    if QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QPageSize.PageSizeId.A4)


def page_size_named(name: str | None) -> QPageSize:
    """The page size for a setting value ("a4", "letter", "auto" or None for the locale's)."""
    if name == PaperSize.A4:
        return QPageSize(QPageSize.PageSizeId.A4)
    if name == PaperSize.LETTER:
        return QPageSize(QPageSize.PageSizeId.Letter)
    return default_page_size()


def headless_application() -> QGuiApplication:
    """The running application, or a QGuiApplication for fonts and painting only (never
    widgets, never a window), drawing offscreen when there is no display to talk to.

    Only X11/Wayland systems need the offscreen platform without a display: macOS and
    Windows draw fonts without one.
    """
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if (
        sys.platform not in ("darwin", "win32")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QGuiApplication([sys.argv[0] if sys.argv else "cramplog"])


# -- fonts and the layout device --------------------------------------------------------------


def _layout_device() -> QImage:
    """A 72-dpi device: laid out against it, one layout unit is one point on paper."""
    image = QImage(1, 1, QImage.Format.Format_RGB32)
    dots_per_metre = round(LAYOUT_DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


def _font(points: float, *, bold: bool = False, italic: bool = False, fast: bool = False) -> QFont:
    font = QFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setItalic(italic)
    # Unhinted metrics scale linearly, so what fits at 72 dpi fits on any printer.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    # No ligatures: "file" must stay f-i-l-e when a doctor searches or copies the PDF's text.
    for feature in ("liga", "clig"):
        font.setFeature(QFont.Tag(feature), 0)
    if fast:
        # The appendix is mostly digits and short words: skipping kerning and, for text
        # that needs none, shaping halves the cost of drawing 15,000 rows. Scripts that
        # need shaping (Arabic, Devanagari, ...) are still shaped.
        font.setKerning(False)
        font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font


def _for_device(font: QFont, painter: QPainter) -> QFont:
    """`font` sized so that, drawn through a painter scaled to points, it is `font` points.

    QPainter resolves point sizes at its device's resolution; the painter is scaled by
    device dpi / 72, so the point size is scaled back by the inverse.
    """
    device = painter.device()
    dpi = device.logicalDpiY() if device is not None else LAYOUT_DPI
    if dpi == LAYOUT_DPI:
        return font
    scaled = QFont(font)
    scaled.setPointSizeF(font.pointSizeF() * LAYOUT_DPI / dpi)
    return scaled


def _plain(text: str) -> str:
    """One line of user text for a table cell: line breaks, tabs and controls become spaces,
    and explicit direction controls are dropped so they cannot reorder the rest of the page."""
    return text.translate(_ONE_LINE)


_ONE_LINE = {
    **{code: " " for code in range(0x20) if code != 0x0A},
    0x0A: " ",
    0x7F: " ",
    0x85: " ",
    0x2028: " ",
    0x2029: " ",
    **{code: None for code in (0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))},
}


# -- the sealed document ----------------------------------------------------------------------


class SealedDocument(QTextDocument):
    """A QTextDocument that loads nothing from outside: only resources added to it exist.

    User text is inserted as plain text and never parsed, so no markup in it can ask for a
    resource; this guard makes sure that even then nothing would be read from disk or network.
    """

    def loadResource(self, type: int, name: QUrl | str) -> object:
        del type, name
        return None


class _Front:
    """Builds page one (items 1–6) into a SealedDocument with QTextCursor, never from HTML."""

    def __init__(self, report: reports.Report, document: SealedDocument) -> None:
        self.report = report
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
        fmt.setFont(_font(points, bold=bold, italic=italic))
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

    # -- the page -----------------------------------------------------------------------------

    def build(self, charts: dict[str, tuple[QUrl, QSizeF]]) -> None:
        report = self.report
        shows = report.shows
        sections = reports.Section
        self._header()
        self._warnings()
        if report.empty:
            self.block(top=6)
            self.text(self.cursor, reports.NOTHING_TO_SHOW, self.bold)
        else:
            first: list[tuple[float, Callable[[QTextCursor], None]]] = []
            if shows(sections.HEADLINE):
                first.append((62, self._headline))
            if shows(sections.MUSCLES):
                first.append((38, self._muscles))
            self.side_by_side(first)
            if shows(sections.CHARTS) and charts:
                self._charts(charts)
            second: list[tuple[float, Callable[[QTextCursor], None]]] = []
            if shows(sections.RELIEFS):
                second.append((45, self._reliefs))
            if shows(sections.TRIGGERS):
                second.append((55, self._triggers))
            self.side_by_side(second)
        if shows(sections.MEDICATIONS):
            self._medications(self.cursor)
        if shows(sections.QUESTIONS):
            self._questions(self.cursor)

    def _header(self) -> None:
        header = self.report.header
        cursor = self.cursor
        left, right = self.columns(cursor, [64, 36])
        self.text(left, header.title, self.title)
        block = right.blockFormat()
        block.setAlignment(Qt.AlignmentFlag.AlignRight)
        right.setBlockFormat(block)
        self.text(right, header.disclaimer, self.alert)
        right.insertBlock(block)
        self.text(right, f"Made on {reports.format_date(header.made_on)} with cramplog", self.small)
        self._first_block = False
        who = []
        if header.name:
            who.append(("Name: ", header.name))
        if header.date_of_birth is not None:
            who.append(("Date of birth: ", reports.format_date(header.date_of_birth)))
        if who:
            self.block(cursor, top=1)
            for index, (label, value) in enumerate(who):
                if index:
                    self.text(cursor, "     ", self.body)
                self.text(cursor, label, self.body)
                self.text(cursor, value, self.bold)
        self.block(cursor, top=1)
        self.text(cursor, "Period: ", self.body)
        self.text(cursor, reports.format_period(header.period), self.bold)
        self.text(cursor, "     Nights recorded: ", self.body)
        self.text(cursor, header.completeness, self.bold)
        if header.counting:
            self.block(cursor)
            self.text(cursor, header.counting, self.body)
        if header.comparison is not None:
            self.block(cursor)
            self.text(
                cursor,
                f"Compared with: {header.comparison_label} — "
                f"{reports.format_period(header.comparison)}",
                self.body,
            )
        self.block(cursor)
        self.text(
            cursor,
            "Kept by the patient. A recorded night is one reviewed in the morning or inside a "
            "stretch of nights over which every cramp was logged; rates are per 7 recorded "
            "nights, and cramps on other nights are left out of them, never guessed.",
            self.small,
        )

    def _warnings(self) -> None:
        cursor = self.cursor
        report = self.report
        fmt = QTextTableFormat()
        fmt.setBorder(1.0)
        fmt.setBorderBrush(QBrush(ALERT if report.warnings else RULE))
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setCellPadding(2.5)
        fmt.setCellSpacing(0)
        fmt.setTopMargin(4)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        table = cursor.insertTable(1, 1, fmt)
        inner = table.cellAt(0, 0).firstCursorPosition()
        colour = ALERT if report.warnings else ACCENT
        self.text(
            inner,
            "Warning signs found in the diary" if report.warnings else "Warning signs",
            self._char(BODY_PT + 1.2, bold=True, colour=colour),
        )
        if not report.warnings:
            inner.insertBlock()
            self.text(inner, reports.NO_WARNING_SIGNS, self.body)
        for line in report.warnings:
            inner.insertBlock()
            self.text(inner, f"{line.urgency_text}: ", self.alert if line.urgent else self.bold)
            self.text(inner, line.label, self.bold)
            if line.sentence:
                self.text(inner, f" — {line.sentence}", self.body)
            if line.cited:
                self.text(inner, f" When: {line.cited_text}.", self.body)
        cursor.setPosition(table.lastPosition() + 1)

    def _headline(self, cursor: QTextCursor) -> None:
        report = self.report
        self.section_heading(cursor, "Headline numbers")
        notes = []
        if report.rate_withheld is not None:
            notes.append(f"Per-week figures ({reports.DASH}): {report.rate_withheld}.")
        if report.comparison_withheld is not None:
            withheld = report.comparison_withheld
            notes.append(f"{withheld[:1].upper()}{withheld[1:]}.")
        for note in notes:
            self.block(cursor)
            self.text(cursor, note, self.small)
        if report.header.comparison is not None and report.comparison_withheld is None:
            headers = ["", "This period", report.header.comparison_label or "Before", "Change"]
            rows = [
                [row.label, row.value, row.comparison or reports.DASH, row.change or reports.DASH]
                for row in report.headline
            ]
            widths = [40, 23, 23, 14]
        else:
            headers = ["", "This period"]
            rows = [[row.label, row.value] for row in report.headline]
            widths = [58, 42]
        self.table(cursor, headers, rows, widths, right=range(1, len(headers)))

    def _charts(self, charts: dict[str, tuple[QUrl, QSizeF]]) -> None:
        self.block(self.cursor, top=4)
        cells = self.columns(self.cursor, [100 / len(charts)] * len(charts))
        for cell, (url, size) in zip(cells, charts.values(), strict=True):
            image = QTextImageFormat()
            image.setName(url.toString())
            image.setWidth(size.width())
            image.setHeight(size.height())
            cell.insertImage(image)

    def _muscles(self, cursor: QTextCursor) -> None:
        muscles = self.report.muscles
        self.section_heading(cursor, "Muscles and side")
        shown = muscles[:TOP_ROWS]
        rows = [
            [
                m.label,
                str(m.total),
                _count(m.left),
                _count(m.right),
                _count(m.both),
                _count(m.not_applicable),
            ]
            for m in shown
        ]
        self.table(
            cursor,
            ["Muscle", "All", "Left", "Right", "Both", "n/a"],
            rows or [["No cramps", "0", "", "", "", ""]],
            [40, 12, 12, 12, 12, 12],
            right=range(1, 6),
            more=_more(len(muscles) - len(shown), "muscle"),
        )

    def _reliefs(self, cursor: QTextCursor) -> None:
        reliefs = self.report.reliefs
        self.section_heading(cursor, "What was tried, and whether it helped")
        shown = reliefs[:TOP_ROWS]
        rows = [[r.label, str(r.tried), r.helped_text] for r in shown]
        self.table(
            cursor,
            ["Relief", "Tried", "Helped at least a little"],
            rows or [["Nothing recorded", "0", ""]],
            [44, 14, 42],
            right=(1, 2),
            more=_more(len(reliefs) - len(shown), "method"),
        )

    def _triggers(self, cursor: QTextCursor) -> None:
        report = self.report
        self.section_heading(cursor, "Possible triggers")
        self.block(cursor)
        self.text(cursor, reports.TRIGGER_NOTE, self.small)
        factors = sorted(report.factors, key=lambda f: not f.stands_out)
        shown = factors[:TRIGGER_ROWS]
        if shown:
            self.table(
                cursor,
                ["On the day before the night", "Cramp nights", "Cramp-free nights"],
                [
                    [
                        f.description[:1].upper() + f.description[1:],
                        f.cramp_nights,
                        f.cramp_free_nights,
                    ]
                    for f in shown
                ],
                [40, 30, 30],
                right=(1, 2),
                emphasis=[f.stands_out for f in shown],
                more=_more(len(factors) - len(shown), "factor"),
            )
        else:
            self.block(cursor)
            self.text(
                cursor,
                "Too few reviewed nights with the day's factors recorded to compare.",
                self.body,
            )
        suspected = report.suspected_triggers
        if suspected:
            self.block(cursor, top=1)
            self.text(cursor, "Suspected at the time: ", self.bold)
            listed = ", ".join(f"{t.label} ({t.episodes})" for t in suspected[:TRIGGER_ROWS])
            rest = len(suspected) - TRIGGER_ROWS
            self.text(cursor, listed + (f" and {rest} more" if rest > 0 else ""), self.body)

    def _medications(self, cursor: QTextCursor) -> None:
        medications = self.report.medications
        self.section_heading(cursor, "Medicines and supplements during the period")
        if not medications:
            self.block(cursor)
            self.text(cursor, "None recorded.", self.body)
            return
        shown = medications[:TOP_ROWS]
        rows = []
        for m in shown:
            what = " ".join(part for part in (m.name, m.dose) if part)
            why = m.taken_for[:1].upper() + m.taken_for[1:]
            if m.class_label:
                why += f" · {m.class_label}"
            rows.append([what, m.dates_text, why, m.before_after or "", m.flag or ""])
        self.table(
            cursor,
            ["Medicine", "Taken", "Why, and class", "Cramps per week before → after", "Flag"],
            rows,
            [19, 15, 24, 20, 22],
            more=_more(len(medications) - len(shown), "medicine"),
        )
        if any(m.flag for m in medications):
            self.block(cursor)
            self.text(cursor, reports.MEDICATION_NOTE, self.small)

    def _questions(self, cursor: QTextCursor) -> None:
        report = self.report
        self.section_heading(cursor, "Questions for my GP")
        lines = report.questions.splitlines() or ["(none written)"]
        for line in lines:
            self.block(cursor)
            self.text(cursor, line, self.body if report.questions else self.small)


def _count(value: int) -> str:
    return str(value) if value else ""


def _more(count: int, noun: str) -> str:
    return f"… and {count} more {noun}{'' if count == 1 else 's'}" if count > 0 else ""


# -- charts -----------------------------------------------------------------------------------


def _chart_images(report: reports.Report, width: float) -> dict[str, tuple[QUrl, QImage, QSizeF]]:
    """The two charts side by side, drawn by the Patterns pane's own functions in the print
    style and rasterised at CHART_DPI with matplotlib's Agg backend (no Qt canvas).

    The RGBA buffer goes straight into a QImage: a PNG round trip would only cost time, as
    the PDF engine compresses the image itself.
    """
    from dataclasses import replace

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from cramplog.render import charts

    inputs = report.charts
    size = QSizeF((width - 8) / 2, (width - 8) / 2 * 0.6)
    style = replace(charts.PRINT, font_size=5.6, title_size=6.8, dpi=CHART_DPI)
    builders: dict[str, Callable[[Figure], charts.ChartResult]] = {
        "weekly": lambda figure: charts.weekly_cramps_chart(
            inputs.weekly, style, treatments=inputs.treatments, figure=figure
        ),
        "hours": lambda figure: charts.hour_of_night_chart(
            inputs.by_hour,
            style,
            boundary_hour=inputs.boundary_hour,
            sleep_hours=inputs.sleep_hours,
            figure=figure,
        ),
    }
    urls = {"weekly": WEEKLY_CHART, "hours": HOUR_CHART}
    images: dict[str, tuple[QUrl, QImage, QSizeF]] = {}
    for key, build in builders.items():
        figure = Figure(figsize=(size.width() / 72, size.height() / 72), dpi=CHART_DPI)
        result = build(figure)
        _two_column_legends(result.figure, style)
        canvas = FigureCanvasAgg(result.figure)
        canvas.draw()  # type: ignore[no-untyped-call]
        pixels = canvas.buffer_rgba()  # type: ignore[no-untyped-call]
        image = QImage(
            bytes(pixels), pixels.shape[1], pixels.shape[0], QImage.Format.Format_RGBA8888
        ).copy()
        images[key] = (urls[key], image, size)
    return images


def _two_column_legends(figure: Figure, style: charts.ChartStyle) -> None:
    """Half a page is narrower than the Patterns pane: lay the legend under each chart out
    again in two columns, so it is not cut off at the sides."""
    for legend in list(figure.legends):
        entries = [
            (handle, text.get_text())
            for handle, text in zip(legend.legend_handles, legend.get_texts(), strict=True)
            if handle is not None
        ]
        legend.remove()
        relaid = figure.legend(
            [handle for handle, _ in entries],
            [label for _, label in entries],
            loc="outside lower center",
            ncols=2,
            frameon=False,
            fontsize=style.font_size * 0.9,
            handlelength=1.2,
            columnspacing=1.2,
            labelcolor=style.foreground,
        )
        for text in relaid.get_texts():
            text.set_parse_math(False)


# -- the appendix -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Column:
    title: str
    share: float
    centred: bool = False


_FIXED_COLUMNS: Final = (
    _Column("Night of", 0.056),
    _Column("Time", 0.043),
    _Column("Muscle", 0.115),
    _Column("Side", 0.034),
    _Column("Min:s", 0.04, centred=True),
    _Column("Int.", 0.03, centred=True),
    _Column("Woke", 0.036, centred=True),
)
_RELIEF_SHARE: Final = (0.045, 0.075)
_OTHER_SHARE: Final = 0.105
_MIN_NOTES_SHARE: Final = 0.2
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
# L and R are how clinicians write sides; the legend says so.
_SIDE_SHORT: Final = {"Left": "L", "Right": "R"}
_WEEKDAYS: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_HEADER_LINES: Final = 3


@dataclass(frozen=True, slots=True)
class _AppendixPage:
    first_line: int
    line_count: int
    title: bool


class _Appendix:
    """The appendix as lines of a fixed grid, paginated, and painted column by column.

    Drawing each column of a page as one multi-line text is what keeps a 15,000-row
    appendix within the time budget: Qt's PDF engine pays per text item and per glyph, so
    the relief methods most tried get a column of one-glyph marks instead of their names.
    """

    def __init__(self, report: reports.Report, device: QPaintDevice, page: QSizeF) -> None:
        self.font = _font(APPENDIX_PT, fast=True)
        self.bold = _font(APPENDIX_PT, bold=True, fast=True)
        self.header_font = _font(APPENDIX_PT - 1.0, bold=True)
        self.title_font = _font(BODY_PT + 3, bold=True)
        self.page = page
        self.width = page.width() - 2 * MARGIN
        self.device = device
        self.metrics = QFontMetricsF(self.font, device)
        single = self.metrics.boundingRect(QRectF(0, 0, 1000, 1000), 0, "Xg").height()
        double = self.metrics.boundingRect(QRectF(0, 0, 1000, 1000), 0, "Xg\nXg").height()
        self.step = double - single
        # Each of the most tried relief methods gets a column as wide as its longest word.
        header_metrics = QFontMetricsF(self.header_font, device)
        low, high = _RELIEF_SHARE
        fixed_share = sum(c.share for c in _FIXED_COLUMNS)
        marks: list[_Column] = []
        codes: dict[str, int] = {}
        for relief in report.relief_columns:
            longest = max(
                (header_metrics.horizontalAdvance(word) for word in _plain(relief.label).split()),
                default=0.0,
            )
            share = min(max((longest + 5) / self.width, low), high)
            used = fixed_share + sum(c.share for c in marks) + share + _OTHER_SHARE
            if 1.0 - used < _MIN_NOTES_SHARE:
                break
            codes[relief.code] = len(marks)
            marks.append(_Column(_plain(relief.label), share, centred=True))
        self.relief_codes = codes
        other_title = "Also tried" if marks else "What was tried"
        other_share = _OTHER_SHARE if marks else _OTHER_SHARE + 0.1
        self.columns: list[_Column] = [
            *_FIXED_COLUMNS,
            *marks,
            _Column(other_title, other_share),
            _Column("Notes", 1.0 - fixed_share - sum(c.share for c in marks) - other_share),
        ]
        self.MUSCLE = 2
        self.FIRST_RELIEF = len(_FIXED_COLUMNS)
        self.OTHER = len(self.columns) - 2
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

    def _lay_out(self, report: reports.Report) -> None:
        """Turn every episode into lines of the grid. Written for speed (15,000 rows in ~0.1 s):
        repeated texts are formatted once, and no strftime (it imports `time` on every call)."""
        columns = self.lines
        nights_col, times, muscles, sides, durations, intensities, woke = columns[:7]
        relief_cols = columns[self.FIRST_RELIEF : self.OTHER]
        others, notes_col = columns[self.OTHER], columns[self.NOTES]
        empty_marks = [""] * len(relief_cols)
        starts, heights, headings = self.row_starts, self.row_heights, self.headings
        labels = report.relief_labels
        tried: dict[tuple[tuple[str, ReliefRating | None], ...], tuple[list[str], list[str]]] = {}
        muscle_lines: dict[str, list[str]] = {}
        month = (0, 0)
        line = 0
        previous_night: date | None = None
        for row in report.appendix:
            night = row.night_of
            # A night's date is written once, on its first cramp: the list reads like a diary.
            if night == previous_night:
                night_text = ""
            else:
                night_text = f"{_WEEKDAYS[night.weekday()]} {night.day}"
                previous_night = night
            if (night.year, night.month) != month:
                month = (night.year, night.month)
                headings[line] = f"{_MONTHS[night.month - 1]} {night.year}"
                for column in columns:
                    column.append("")
                line += 1
            muscle = muscle_lines.get(row.muscle)
            if muscle is None:
                muscle = muscle_lines[row.muscle] = self._wrap(self.MUSCLE, _plain(row.muscle))
            found = tried.get(row.reliefs)
            if found is None:
                marks = list(empty_marks)
                named = []
                for code, rating in row.reliefs:
                    column_index = self.relief_codes.get(code)
                    if column_index is None:
                        named.append(_plain(labels.get(code, code)) + " " + _MARKS[rating])
                    else:
                        marks[column_index] = _MARKS[rating]
                found = tried[row.reliefs] = (marks, self._wrap(self.OTHER, ", ".join(named)))
            marks, other = found
            notes = self._notes(row.notes) if row.notes else _NO_NOTES
            height = max(len(muscle), len(other), len(notes))
            start = row.start_local
            starts.append(line)
            heights.append(height)
            nights_col.append(night_text)
            times.append(f"{start.hour:02d}:{start.minute:02d}")
            sides.append(_SIDE_SHORT.get(row.side, row.side))
            durations.append(wording.clock_duration(row.duration_s))
            intensities.append("" if row.intensity is None else str(row.intensity))
            woke.append("yes" if row.woke else "")
            for column, mark in zip(relief_cols, marks, strict=True):
                column.append(mark)
            if height == 1:
                muscles.append(muscle[0])
                others.append(other[0])
                notes_col.append(notes[0])
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
                for column, lines in ((muscles, muscle), (others, other), (notes_col, notes)):
                    column.extend(lines)
                    column.extend([""] * (height - len(lines)))
            line += height

    def _notes(self, notes: str) -> list[str]:
        if not notes.strip():
            return [""]
        # Keep the person's own line breaks; everything else is one plain line each.
        paragraphs = notes.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        lines: list[str] = []
        for paragraph in paragraphs:
            lines.extend(self._wrap(self.NOTES, _plain(paragraph)))
        while len(lines) > 1 and not lines[-1]:
            lines.pop()
        return lines

    # -- pages ----------------------------------------------------------------------------

    TITLE_HEIGHT: Final = 22.0

    def _top(self, title: bool) -> float:
        """Where the first line of a page goes: below the title, the legend and the header."""
        return MARGIN + (self.TITLE_HEIGHT if title else 0) + self.step * (_HEADER_LINES + 1.6)

    def _paginate(self) -> list[_AppendixPage]:
        total = len(self.lines[0])
        bottom = self.page.height() - MARGIN - FOOTER_GAP
        pages: list[_AppendixPage] = []
        starts, heights = self.row_starts, self.row_heights
        line = 0
        while True:
            title = not pages
            capacity = max(1, int((bottom - self._top(title)) // self.step))
            end = min(total, line + capacity)
            if end < total:
                # Do not split a row that would fit whole on the next page.
                row = _row_containing(starts, end)
                if row is not None and starts[row] < end and heights[row] <= capacity:
                    end = max(line + 1, starts[row])
                # Never end a page on a month heading.
                if end - 1 in self.headings and end - 1 > line:
                    end -= 1
            pages.append(_AppendixPage(line, end - line, title))
            line = end
            if line >= total:
                break
        return pages

    def paint(self, painter: QPainter, page: _AppendixPage, count_text: str) -> None:
        font = _for_device(self.font, painter)
        bold = _for_device(self.bold, painter)
        left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        centre = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        first, count = page.first_line, page.line_count
        top = MARGIN
        if page.title:
            painter.setFont(_for_device(self.title_font, painter))
            painter.setPen(ACCENT)
            painter.drawText(
                QRectF(MARGIN, top, self.width, self.TITLE_HEIGHT),
                left,
                f"Appendix: every cramp in the period ({count_text})",
            )
            top += self.TITLE_HEIGHT
        painter.setFont(font)
        painter.setPen(MUTED)
        painter.drawText(QRectF(MARGIN, top, self.width, self.step), left, APPENDIX_LEGEND)
        top += self.step * 1.3
        month = None if first in self.headings else self._month_before(first)
        # The column headings, repeated on every page, bottom-aligned over their columns.
        header_height = self.step * (_HEADER_LINES + 0.3)
        painter.fillRect(QRectF(MARGIN, top, self.width, header_height), SHADE)
        painter.setFont(_for_device(self.header_font, painter))
        painter.setPen(INK)
        wrap = int(Qt.TextFlag.TextWordWrap)
        for column, x, width in zip(self.columns, self.xs, self.widths, strict=True):
            align = Qt.AlignmentFlag.AlignHCenter if column.centred else Qt.AlignmentFlag.AlignLeft
            painter.drawText(
                QRectF(x, top, width + 2, header_height - self.step * 0.15),
                int(align | Qt.AlignmentFlag.AlignBottom) | wrap,
                column.title,
            )
        if month:
            # A page that starts mid-month names it in the header's empty top-left corner.
            painter.setPen(ACCENT)
            painter.drawText(
                QRectF(MARGIN + 1, top + self.step * 0.1, self.width, self.step),
                left,
                f"{month}, continued",
            )
        top = self._top(page.title)
        # Shade every other cramp, so a long note stays visibly with its own row.
        found = _row_containing(self.row_starts, first)
        index = 0 if found is None else found
        while index < len(self.row_starts):
            start = self.row_starts[index]
            if start >= first + count:
                break
            if index % 2:
                begin = max(start, first)
                end = min(start + self.row_heights[index], first + count)
                painter.fillRect(
                    QRectF(
                        MARGIN,
                        top + (begin - first) * self.step,
                        self.width,
                        (end - begin) * self.step,
                    ),
                    SHADE,
                )
            index += 1
        painter.setFont(bold)
        painter.setPen(ACCENT)
        for line in range(first, first + count):
            heading = self.headings.get(line)
            if heading is not None:
                painter.drawText(
                    QRectF(MARGIN, top + (line - first) * self.step, self.width, self.step),
                    left,
                    heading,
                )
        painter.setFont(font)
        painter.setPen(INK)
        height = (count + 1) * self.step
        for index, (column, x, width) in enumerate(
            zip(self.columns, self.xs, self.widths, strict=True)
        ):
            if index == self.NOTES:
                continue
            text = "\n".join(self.lines[index][first : first + count])
            painter.drawText(
                QRectF(x, top, width + 2, height), centre if column.centred else left, text
            )
        # Notes in one block like the other columns, except a line that may hold right-to-left
        # script: drawn on its own, so it finds its own direction (in one block every line
        # would take the direction of the block's first).
        notes = self.lines[self.NOTES][first : first + count]
        x, width = self.xs[self.NOTES], self.widths[self.NOTES]
        block = ["" if _may_be_rtl(value) else value for value in notes]
        painter.drawText(QRectF(x, top, width + 2, height), left, "\n".join(block))
        for offset, value in enumerate(notes):
            if value and not block[offset]:
                painter.drawText(
                    QRectF(x, top + offset * self.step, width + 2, self.step), left, value
                )

    def _month_before(self, line: int) -> str | None:
        best: tuple[int, str] | None = None
        for start, heading in self.headings.items():
            if start < line and (best is None or start > best[0]):
                best = (start, heading)
        return None if best is None else best[1]


_RTL_CLASSES = frozenset({"R", "AL", "RLE", "RLO", "RLI"})


def _may_be_rtl(text: str) -> bool:
    """Whether a line holds any right-to-left character (plain ASCII never does)."""
    return not text.isascii() and any(
        unicodedata.bidirectional(char) in _RTL_CLASSES for char in text
    )


def _row_containing(starts: Sequence[int], line: int) -> int | None:
    """Index of the row whose lines include `line` (starts is sorted)."""
    index = bisect.bisect_right(starts, line) - 1
    return index if index >= 0 else None


# -- the whole document -----------------------------------------------------------------------


class ReportDocument:
    """The laid-out report: page one (and any overflow), then the appendix pages.

    `paint_page` draws one page on a painter whose coordinates are points (the device's
    resolution is scaled away), so the same layout feeds a PDF, a printer and a preview.
    """

    def __init__(self, report: reports.Report, *, page_size: QPageSize | None = None) -> None:
        self.report = report
        self.page_size = page_size or default_page_size()
        self.page = self.page_size.size(QPageSize.Unit.Point)
        self._device = _layout_device()
        self.front = SealedDocument()
        layout = self.front.documentLayout()
        layout.setPaintDevice(self._device)
        self.front.setUseDesignMetrics(True)
        self.front.setDefaultFont(_font(BODY_PT))
        self.front.setUndoRedoEnabled(False)
        root = self.front.rootFrame().frameFormat()
        root.setTopMargin(MARGIN)
        root.setBottomMargin(MARGIN + FOOTER_GAP)
        root.setLeftMargin(MARGIN)
        root.setRightMargin(MARGIN)
        self.front.rootFrame().setFrameFormat(root)
        self.front.setPageSize(self.page)
        width = self.page.width() - 2 * MARGIN
        charts: dict[str, tuple[QUrl, QSizeF]] = {}
        if report.shows(reports.Section.CHARTS) and not report.empty:
            for key, (url, image, size) in _chart_images(report, width).items():
                self.front.addResource(QTextDocument.ResourceType.ImageResource, url, image)
                charts[key] = (url, size)
        builder = _Front(report, self.front)
        # One edit block: the layout runs once at the end instead of after every insertion.
        builder.cursor.beginEditBlock()
        builder.build(charts)
        builder.cursor.endEditBlock()
        self.front_pages = self.front.pageCount()
        self.appendix: _Appendix | None = None
        if report.shows(reports.Section.APPENDIX):
            self.appendix = _Appendix(report, self._device, self.page)
        self.page_count = self.front_pages + (len(self.appendix.pages) if self.appendix else 0)

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
            count = len(self.report.appendix)
            self.appendix.paint(
                painter,
                self.appendix.pages[index - self.front_pages],
                f"{count} {'cramp' if count == 1 else 'cramps'}" if count else "none",
            )
            if not count:
                painter.setFont(_for_device(_font(BODY_PT), painter))
                painter.drawText(
                    QRectF(MARGIN, MARGIN + 60, self.page.width() - 2 * MARGIN, 20),
                    0,
                    "No cramps were logged in this period.",
                )
        self._footer(painter, index)
        painter.restore()

    def _footer(self, painter: QPainter, index: int) -> None:
        font = _font(SMALL_PT)
        painter.setFont(_for_device(font, painter))
        painter.setPen(QPen(MUTED))
        y = self.page.height() - MARGIN - FOOTER_GAP + 6
        width = self.page.width() - 2 * MARGIN
        painter.drawLine(QPointF(MARGIN, y - 2), QPointF(self.page.width() - MARGIN, y - 2))
        number = f"Page {index + 1} of {self.page_count}"
        header = self.report.header
        left = f"{reports.format_period(header.period)} · {header.disclaimer}"
        if header.name:
            # A long name is shortened here (never in the header): it must not cover the rest.
            metrics = QFontMetricsF(font, self._device)
            room = width - metrics.horizontalAdvance(f"{number}{left} · ") - 16
            name = metrics.elidedText(_plain(header.name), Qt.TextElideMode.ElideRight, room)
            left = f"{name} · {left}" if room > 0 and name else left
        box = QRectF(MARGIN, y, width, FOOTER_GAP)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft), left)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignRight), number)

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
                raise ExportCancelled("The export was cancelled; nothing was written.")
            if done:
                new_page()
            self.paint_page(painter, index)
        if progress is not None:
            progress(len(chosen), len(chosen))

    def print_to(self, printer: object, *, progress: Progress | None = None) -> None:
        """Print every page (or the range the print dialog chose) on a QPrinter."""
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
            raise ExportError("The printer could not be opened.")
        try:
            painter.scale(printer.logicalDpiX() / LAYOUT_DPI, printer.logicalDpiY() / LAYOUT_DPI)
            self.paint_pages(painter, printer.newPage, pages=pages, progress=progress)
        finally:
            painter.end()

    def pdf_bytes(self, *, progress: Progress | None = None) -> bytes:
        """The whole report as PDF bytes (nothing touches the disk)."""
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setResolution(LAYOUT_DPI)
        writer.setPageLayout(
            QPageLayout(self.page_size, QPageLayout.Orientation.Portrait, QMarginsF())
        )
        writer.setTitle(reports.TITLE)
        writer.setCreator("cramplog")
        painter = QPainter()
        if not painter.begin(writer):
            raise ExportError("The PDF could not be started.")
        try:
            self.paint_pages(painter, writer.newPage, progress=progress)
        finally:
            painter.end()
        buffer.close()
        return bytes(buffer.data().data())


# -- writing ----------------------------------------------------------------------------------

_COMPANIONS: Final = ("", "-wal", "-shm", "-journal")


def check_pdf_target(path: Path, diary_path: Path | None) -> Path:
    """Refuse a target that is the diary or one of its journal files (by resolved path and by
    name), or a folder; return the target made absolute."""
    target = path.expanduser()
    resolved = target.resolve()
    if diary_path is not None:
        from cramplog.exchange import targets

        targets.check_target(diary_path, target)
        names = {diary_path.name + suffix for suffix in _COMPANIONS}
        if resolved.name in names or target.name in names:
            raise ForbiddenTargetError(
                f"{target} has the name of a diary file; choose another name. Nothing was written."
            )
    files.final_target(target, error=ExportError)  # a folder, device or FIFO is refused
    return resolved


def write_pdf(
    report: reports.Report,
    path: Path,
    *,
    page_size: QPageSize | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the report as a PDF at `path`, atomically and owner-only (0600); return the path.

    Raises ForbiddenTargetError for the diary's own files, ExportError when the file cannot
    be written, ExportCancelled when `progress` asked to stop. In every failure the target is
    left as it was and no partial file remains.
    """
    check_pdf_target(Path(path), report.source)
    if progress is not None and not progress(0, 1):
        raise ExportCancelled("The export was cancelled; nothing was written.")
    return save_pdf(ReportDocument(report, page_size=page_size), path, progress=progress)


def save_pdf(document: ReportDocument, path: Path, *, progress: Progress | None = None) -> Path:
    """Write an already laid-out report as a PDF; the same guarantees as `write_pdf`."""
    target = check_pdf_target(Path(path), document.report.source)
    data = document.pdf_bytes(progress=progress)
    files.write_bytes(target, data, error=ExportError)
    return target
