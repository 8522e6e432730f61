"""Page one of the GP summary (items 1–6): header, warning signs, numbers, charts and tables."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QTextCursor,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextTableFormat,
)

from cramplog.analysis import report as reports
from cramplog.analysis import stats
from cramplog.core.translation import _, n_
from cramplog.render.report_document import typesetting
from cramplog.render.report_document.rich_text import TextBuilder
from cramplog.render.report_document.typesetting import (
    ACCENT,
    ALERT,
    BODY_PT,
    RULE,
    SealedDocument,
    one_line,
)

# Rows of a page-one table before "… and N more".
TOP_ROWS: Final = 6
TRIGGER_ROWS: Final = 5


class FrontPage(TextBuilder):
    """Builds page one (items 1–6) into a SealedDocument with QTextCursor, never from HTML."""

    def __init__(self, report: reports.Report, document: SealedDocument) -> None:
        super().__init__(document)
        self.report = report

    # -- the page -----------------------------------------------------------------------------

    def build(self, charts: dict[str, tuple[QUrl, QSizeF]]) -> None:
        report = self.report
        shows = report.shows
        sections = reports.Section
        self._header()
        self._warnings()
        if report.empty:
            self.block(top=6)
            self.text(self.cursor, _(reports.NOTHING_TO_SHOW), self.bold)
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
        self.text(
            right,
            _("Made on {date} with cramplog").format(date=reports.format_date(header.made_on)),
            self.small,
        )
        self._first_block = False
        who = []
        if header.name:
            # Direction controls dropped: one could show "Alice" + RLO + "evil" as "Alicelive".
            who.append((_("Name: "), one_line(header.name)))
        if header.date_of_birth is not None:
            who.append((_("Date of birth: "), reports.format_date(header.date_of_birth)))
        if who:
            self.block(cursor, top=1)
            for index, (label, value) in enumerate(who):
                if index:
                    self.text(cursor, "     ", self.body)
                self.text(cursor, label, self.body)
                self.text(cursor, value, self.bold)
        self.block(cursor, top=1)
        self.text(cursor, _("Period: "), self.body)
        self.text(cursor, reports.format_period(header.period), self.bold)
        self.text(cursor, "     " + _("Nights recorded: "), self.body)
        self.text(cursor, header.completeness, self.bold)
        if header.counting:
            self.block(cursor)
            self.text(cursor, header.counting, self.body)
        if header.comparison is not None:
            self.block(cursor)
            self.text(
                cursor,
                _("Compared with: {label} — {period}").format(
                    label=header.comparison_label, period=reports.format_period(header.comparison)
                ),
                self.body,
            )
        self.block(cursor)
        self.text(
            cursor,
            _(
                "Kept by the patient. A recorded night is one reviewed in the morning or inside "
                "a stretch of nights over which every cramp was logged; rates are per 7 "
                "recorded nights, and cramps on other nights are left out of them, never guessed."
            ),
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
            _("Warning signs found in the diary") if report.warnings else _("Warning signs"),
            self._char(BODY_PT + 1.2, bold=True, colour=colour),
        )
        if not report.warnings:
            inner.insertBlock()
            self.text(inner, _(reports.NO_WARNING_SIGNS), self.body)
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
        self.section_heading(cursor, _("Headline numbers"))
        notes = []
        if report.rate_withheld is not None:
            notes.append(
                _("Per-week figures ({dash}): {why}.").format(
                    dash=reports.DASH, why=report.rate_withheld
                )
            )
        if report.comparison_withheld is not None:
            withheld = report.comparison_withheld
            notes.append(f"{withheld[:1].upper()}{withheld[1:]}.")
        for note in notes:
            self.block(cursor)
            self.text(cursor, note, self.small)
        if report.header.comparison is not None and report.comparison_withheld is None:
            headers = [
                "",
                _("This period"),
                report.header.comparison_label or _("Before"),
                _("Change"),
            ]
            rows = [
                [row.label, row.value, row.comparison or reports.DASH, row.change or reports.DASH]
                for row in report.headline
            ]
            widths = [40, 23, 23, 14]
        else:
            headers = ["", _("This period")]
            rows = [[row.label, row.value] for row in report.headline]
            widths = [58, 42]
        self.table(cursor, headers, rows, widths, right=range(1, len(headers)))

    def _charts(self, charts: dict[str, tuple[QUrl, QSizeF]]) -> None:
        self.block(self.cursor, top=4)
        cells = self.columns(self.cursor, [100 / len(charts)] * len(charts))
        units = typesetting.layout_units_per_point()
        for cell, (url, size) in zip(cells, charts.values(), strict=True):
            image = QTextImageFormat()
            image.setName(url.toString())
            image.setWidth(size.width() * units)
            image.setHeight(size.height() * units)
            cell.insertImage(image)

    def _muscles(self, cursor: QTextCursor) -> None:
        muscles = self.report.muscles
        self.section_heading(cursor, _("Muscles and side"))
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
            [_("Muscle"), _("All"), _("Left"), _("Right"), _("Both"), _("Not noted")],
            rows or [[_("No cramps"), "0", "", "", "", ""]],
            [40, 12, 12, 12, 12, 12],
            right=range(1, 6),
            more=_more(
                hidden := len(muscles) - len(shown),
                n_("… and {n} more muscle", "… and {n} more muscles", hidden),
            ),
        )

    def _reliefs(self, cursor: QTextCursor) -> None:
        reliefs = self.report.reliefs
        self.section_heading(cursor, _("What was tried, and whether it helped"))
        shown = reliefs[:TOP_ROWS]
        rows = [[r.label, str(r.tried), r.helped_text] for r in shown]
        self.table(
            cursor,
            [_("Relief"), _("Tried"), _("Helped at least a little")],
            # No count beside it: a file imported without reliefs never asked, and its
            # cramps' tries are unknown, not none.
            rows or [[_("No relief method noted"), "", ""]],
            [44, 14, 42],
            right=(1, 2),
            more=_more(
                hidden := len(reliefs) - len(shown),
                n_("… and {n} more method", "… and {n} more methods", hidden),
            ),
        )

    def _triggers(self, cursor: QTextCursor) -> None:
        report = self.report
        self.section_heading(cursor, _("Possible triggers"))
        self.block(cursor)
        self.text(cursor, _(reports.TRIGGER_NOTE), self.small)
        factors = sorted(report.factors, key=lambda f: not f.stands_out)
        shown = factors[:TRIGGER_ROWS]
        if shown:
            self.table(
                cursor,
                [_("On the day before the night"), _("Cramp nights"), _("Cramp-free nights")],
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
                more=_more(
                    hidden := len(factors) - len(shown),
                    n_("… and {n} more factor", "… and {n} more factors", hidden),
                ),
            )
        else:
            self.block(cursor)
            self.text(
                cursor,
                _("Too few recorded nights with the day's factors noted to compare."),
                self.body,
            )
        suspected = report.suspected_triggers
        if suspected:
            self.block(cursor, top=1)
            self.text(cursor, _("Suspected at the time: "), self.bold)
            listed = ", ".join(f"{t.label} ({t.episodes})" for t in suspected[:TRIGGER_ROWS])
            rest = len(suspected) - TRIGGER_ROWS
            if rest > 0:
                listed = _("{list} and {n} more").format(list=listed, n=rest)
            self.text(cursor, listed, self.body)

    def _medications(self, cursor: QTextCursor) -> None:
        medications = self.report.medications
        self.section_heading(cursor, _("Medicines and supplements during the period"))
        if not medications:
            self.block(cursor)
            self.text(cursor, _("None recorded."), self.body)
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
            [
                _("Medicine"),
                _("Taken"),
                _("Why, and class"),
                _("Cramps per week, {weeks} weeks before → after the start").format(
                    weeks=stats.TREATMENT_WINDOW_NIGHTS // 7
                ),
                _("Flag"),
            ],
            rows,
            [19, 15, 24, 20, 22],
            more=_more(
                hidden := len(medications) - len(shown),
                n_("… and {n} more medicine", "… and {n} more medicines", hidden),
            ),
        )
        if any(m.flag for m in medications):
            self.block(cursor)
            self.text(cursor, _(reports.MEDICATION_NOTE), self.small)

    def _questions(self, cursor: QTextCursor) -> None:
        report = self.report
        self.section_heading(cursor, _("Questions for my GP"))
        lines = report.questions.splitlines() or [_("(none written)")]
        for line in lines:
            self.block(cursor)
            self.text(cursor, line, self.body if report.questions else self.small)


def _count(value: int) -> str:
    return str(value) if value else ""


def _more(count: int, text: str) -> str:
    """`text` (the plural form `count` takes) with the count in it; nothing for none."""
    return text.format(n=count) if count > 0 else ""
