"""The appendix's grid: its columns of marks and its legend, read from the layout objects."""

from __future__ import annotations

import gettext
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QRectF

from cramplog.analysis import report
from cramplog.core import translation
from cramplog.core.records import VocabularyKind
from cramplog.diary.service import Diary
from cramplog.render import report_document
from cramplog.render.report_document import appendix_grid
from cramplog.render.report_document.appendix_grid import LEGEND_FLAGS, AppendixGrid
from cramplog.render.report_document.appendix_rows import TRIGGER_MARK
from tests.unit.render.test_report_document import WEEK, cramp

pytestmark = pytest.mark.slow


class Renamed(gettext.NullTranslations):
    """A language in which the checklist's "Dehydration" reads "Thirst"."""

    def gettext(self, message: str) -> str:
        return "Thirst" if message == "Dehydration" else message


def appendix_of(diary: Diary) -> AppendixGrid:
    grid = report_document.ReportDocument(report.build_report(diary, period=WEEK)).appendix
    assert grid is not None
    return grid


def marks_by_heading(grid: AppendixGrid) -> list[tuple[str, int]]:
    """Each trigger column's heading and how many marks its cells hold, over every page."""
    counts = [0] * len(grid.columns)
    for page in grid.pages:
        for column, _line, text in grid.page_cells(page):
            counts[column] += text == TRIGGER_MARK
    return [
        (column.title, counts[index])
        for index, column in enumerate(grid.columns)
        if column.turned and index > grid.SYMPTOMS  # the triggers' columns of marks
    ]


def test_two_triggers_that_read_the_same_keep_their_own_columns(qapp: object, diary: Diary) -> None:
    # The person's own "Thirst", and the checklist's Dehydration, which reads "Thirst" too
    # in their language: each noted on many cramps of the week, never on the same one.
    own = diary.add_custom_item(VocabularyKind.TRIGGER, "Thirst")
    for day in range(3, 9):
        for hour in range(6):
            code = "trigger.dehydration" if hour < 4 else own.code
            diary.add_episode(
                cramp(datetime(2026, 3, day, hour, 10), triggers=(code,), triggers_asked=True)
            )
    translation.install(Renamed())
    grid = appendix_of(diary)
    # Two columns headed "Thirst", each with the marks of its own trigger's cramps: 4 and 2
    # a night over six nights; neither column is left empty.
    assert marks_by_heading(grid) == [("Thirst", 24), ("Thirst", 12)]


def test_a_long_legend_with_the_trigger_line_stays_above_the_headings(
    qapp: object, diary: Diary, monkeypatch: pytest.MonkeyPatch
) -> None:
    for day in range(3, 9):
        for hour in range(6):
            diary.add_episode(
                cramp(
                    datetime(2026, 3, day, hour, 10),
                    triggers=("trigger.dehydration",),
                    triggers_asked=True,
                )
            )
    # A legend (as a longer language writes it) that already wraps onto a second line, so
    # the trigger's explanation goes on a third.
    long_legend = appendix_grid.APPENDIX_LEGEND + " · " + appendix_grid.APPENDIX_LEGEND[:90]
    monkeypatch.setattr(appendix_grid, "APPENDIX_LEGEND", long_legend)
    grid = appendix_of(diary)
    assert grid.legend.endswith(f"\n{TRIGGER_MARK} suspected trigger")
    for title in (True, False):
        box = grid.legend_box(title)
        needed = grid.metrics.boundingRect(
            QRectF(box.left(), box.top(), box.width(), 1e6), LEGEND_FLAGS, grid.legend
        )
        headings_top = grid.top_of_lines(title) - grid.header_height
        assert needed.width() <= grid.width
        # Three lines, all of them above the headings' shaded row.
        assert round(needed.height() / grid.step) == 3
        assert needed.bottom() <= box.bottom() + 0.5
        assert box.bottom() < headings_top


def test_a_page_that_opens_partway_through_a_night_names_the_night(
    qapp: object, diary: Diary
) -> None:
    # A night of 200 cramps, one every four minutes from the evening on: more than a page.
    # Its date is written on its first cramp only, so a page that starts among its later
    # cramps would leave the reader to guess which night they belong to.
    start = datetime(2026, 3, 4, 13, 0)
    for minute in range(0, 800, 4):
        diary.add_episode(cramp(start + timedelta(minutes=minute)))
    grid = appendix_of(diary)
    assert len(grid.pages) >= 3
    nights_written = [
        [text for column, _line, text in grid.page_cells(page) if column == 0]
        for page in grid.pages
    ]
    night = nights_written[0][0]
    assert night.endswith(" 4")  # the night of the 4th, as its first row writes it
    # Every later page says it again on its first row, and nowhere else.
    assert all(written == [night] for written in nights_written[1:])
    first_cells = [grid.page_cells(page)[0] for page in grid.pages[1:]]
    assert all(column == 0 and text == night for column, _line, text in first_cells)
