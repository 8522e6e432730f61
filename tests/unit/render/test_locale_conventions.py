"""A German and an American reader each see one date and time style on every screen and paper.

The list, the episode form, Patterns (its period line and chart ticks) and the PDF all write the
night of Tue 10 March 2026 and its cramp at 02:10 the way the locale does; the command line,
which has no Qt, writes them the same way from its own table.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QPageSize
from pytestqt.qtbot import QtBot

from cramplog.analysis import report, stats
from cramplog.core import conventions
from cramplog.core.records import DayFactors, EpisodeInput, Side
from cramplog.core.units import FluidUnit
from cramplog.diary.service import Diary
from cramplog.render import locale_conventions, report_document
from cramplog.render.report_document.appendix_grid import AppendixGrid
from cramplog.render.report_document.typesetting import layout_device
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.forms.episode_form import EpisodeDialog
from cramplog.ui.pages.diary_page import DiaryPage
from cramplog.ui.pages.patterns_page import PatternsPage
from cramplog.ui.widgets.episode_rows import NIGHT, TIME
from tests.conftest import LONDON

ENGLISH_MONTH_FIRST = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d")
ENGLISH_DAY_FIRST = re.compile(r"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b")
TWENTY_FOUR_HOUR = re.compile(r"\b(0\d|1[3-9]|2[0-3]):[0-5]\d\b")


@dataclass(frozen=True)
class Style:
    locale: str
    night: str  # the night of the cramp, as the list and the PDF name it
    start: str  # the cramp's start in the form's date-time box
    clock: str  # 02:10 as that locale's clock shows it
    period: str  # the PDF's period
    appendix_row: str  # the cramp's line in the PDF's appendix: its night and time
    tick: re.Pattern[str]  # a day on a chart's axis
    foreign: tuple[re.Pattern[str], ...]  # styles that must not appear


GERMAN = Style(
    "de_DE",
    night="Di., 10. März 2026",
    start="11. März 2026  02:10",
    clock="02:10",
    period="5. März 2026 – 11. März 2026",
    appendix_row="März 2026 Di. 10 02:10 Calf",
    tick=re.compile(r"^\d{1,2}\. (Feb\.|März)$"),
    foreign=(ENGLISH_MONTH_FIRST, ENGLISH_DAY_FIRST),
)
AMERICAN = Style(
    "en_US",
    night="Tue, Mar 10, 2026",
    start="Mar 11, 2026  2:10\u202fAM",
    clock="2:10\u202fAM",
    period="Mar 5, 2026 – Mar 11, 2026",
    appendix_row="March 2026 Tue 10 2:10 AM Calf",
    tick=re.compile(r"^(Feb|Mar) \d{1,2}$"),
    foreign=(ENGLISH_DAY_FIRST, TWENTY_FOUR_HOUR),
)


@pytest.fixture(params=[GERMAN, AMERICAN], ids=lambda s: s.locale)
def style(request: pytest.FixtureRequest) -> Iterator[Style]:
    chosen: Style = request.param
    before = QLocale()
    QLocale.setDefault(QLocale(chosen.locale))
    locale_conventions.use_default()
    yield chosen
    QLocale.setDefault(before)


@pytest.fixture
def editor(diary: Diary) -> DiaryEditor:
    diary.add_episode(
        EpisodeInput(
            start=datetime(2026, 3, 11, 2, 10, tzinfo=LONDON),
            muscle="muscle.calf",
            side=Side.LEFT,
            woke_from_sleep=True,
        )
    )
    diary.set_day(date(2026, 3, 10), DayFactors(reviewed=True, fluids_l=1.2))
    return DiaryEditor(diary)


def no_foreign_style(style: Style, text: str) -> None:
    for pattern in style.foreign:
        assert not pattern.search(text), f"{pattern.pattern} in {text!r}"


def test_the_command_line_writes_dates_as_the_app_does(style: Style) -> None:
    assert conventions.for_locale(style.locale) == conventions.current()


def test_the_list_names_the_night_and_time_in_the_locales_style(
    qtbot: QtBot, style: Style, editor: DiaryEditor
) -> None:
    page = DiaryPage(editor)
    qtbot.add_widget(page)
    page.show()
    assert page.model.index(0, NIGHT).data() == style.night
    assert page.model.index(0, TIME).data() == style.clock


def test_the_form_shows_the_start_in_the_locales_style(
    qtbot: QtBot, style: Style, editor: DiaryEditor, preferences: object
) -> None:
    (episode,) = editor.diary.list_episodes()
    dialog = EpisodeDialog(editor, preferences, episode=episode)  # type: ignore[arg-type]
    qtbot.add_widget(dialog)
    dialog.show()
    assert dialog.start_edit.text() == style.start
    no_foreign_style(style, dialog.when.night_label.text())


def test_patterns_period_and_chart_ticks_follow_the_locale(
    qtbot: QtBot, style: Style, editor: DiaryEditor
) -> None:
    page = PatternsPage(editor)
    qtbot.add_widget(page)
    page.select_period("last_4_weeks")
    page.resize(1200, 700)
    page.show()
    qtbot.wait_until(lambda: page.stats is not None and page.charts_made)
    no_foreign_style(style, page.period_label.text())
    texts: list[str] = []
    for view in page.chart_views:
        view.draw_if_stale()
        assert view.figure is not None
        for axes in view.figure.axes:
            texts.append(axes.get_title())
            texts.extend(label.get_text() for label in axes.get_xticklabels())
    assert any(style.tick.match(text) for text in texts), texts
    for text in texts:
        no_foreign_style(style, text)


def test_the_pdf_names_the_period_and_the_cramp_in_the_locales_style(
    qapp: object, style: Style, editor: DiaryEditor, tmp_path: Path
) -> None:
    summary = report.build_report(
        editor.diary,
        period=stats.Period(date(2026, 3, 5), date(2026, 3, 11), "That week"),
        comparison=None,
        name="Ann Example",
        questions="",
    )
    path = report_document.write_pdf(
        summary, tmp_path / "summary.pdf", page_size=QPageSize(QPageSize.PageSizeId.A4)
    )
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    text = " ".join(text.split())  # pypdf's spaces and line ends vary; the words do not
    assert style.period in text
    assert style.appendix_row in text
    no_foreign_style(style, text)


def test_fluids_show_in_fluid_ounces_when_chosen(
    qtbot: QtBot, style: Style, editor: DiaryEditor
) -> None:
    conventions.choose_fluid_unit(FluidUnit.US_FL_OZ)
    page = PatternsPage(editor)
    qtbot.add_widget(page)
    page.select_period("last_4_weeks")
    page.show()
    qtbot.wait_until(lambda: page.stats is not None)
    assert page.stats is not None
    (fluids,) = [f for f in page.stats.factors if f.factor == "fluids_low"]
    assert fluids.description == "drank less than 51 fl oz"


def test_the_appendix_gives_every_night_and_time_the_room_it_needs(
    qapp: object, style: Style, editor: DiaryEditor, diary: Diary
) -> None:
    """A 12-hour clock ("10:58 PM") is wider than a 24-hour one; nothing is clipped."""
    for hour in (10, 22, 23):  # the widest clock texts, on a Wednesday
        diary.add_episode(
            EpisodeInput(
                start=datetime(2026, 3, 4, hour, 58, tzinfo=LONDON),
                muscle="muscle.calf",
                side=Side.LEFT,
            )
        )
    summary = report.build_report(
        editor.diary,
        period=stats.Period(date(2026, 3, 2), date(2026, 3, 11), "Ten nights"),
        comparison=None,
        name=None,
        questions="",
    )
    grid = AppendixGrid(summary, layout_device(), QPageSize(QPageSize.PageSizeId.Letter).size(
        QPageSize.Unit.Point
    ))  # fmt: skip
    pages = [grid.page_columns(page) for page in grid.pages]
    for column in (0, 1):  # the night and the time
        texts = [text for lines in pages for text in lines[column] if text]
        assert texts
        widest = max(grid.metrics.horizontalAdvance(text) for text in texts)
        assert widest <= grid.widths[column], (texts, grid.widths[column])


@pytest.mark.parametrize("paper", [QPageSize.PageSizeId.A4, QPageSize.PageSizeId.Letter])
def test_the_printed_hour_chart_labels_never_run_together(
    qapp: object, style: Style, editor: DiaryEditor, paper: QPageSize.PageSizeId
) -> None:
    # "12 PM2 PM4 PM" once ran together on a US page; each hour label has room of its own.
    from cramplog.render.report_document.chart_images import print_figures

    summary = report.build_report(
        editor.diary,
        period=stats.Period(date(2026, 3, 5), date(2026, 3, 11), "That week"),
        comparison=None,
    )
    page = QPageSize(paper).size(QPageSize.Unit.Point)
    figure = print_figures(summary, page.width() - 2 * report_document.MARGIN)["hours"]
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    axes = figure.axes[0]
    boxes = [label.get_window_extent(renderer) for label in axes.get_xticklabels()]
    assert len(boxes) >= 8
    for left, right in itertools.pairwise(boxes):
        gap_pt = (right.x0 - left.x1) * 72 / figure.dpi
        assert gap_pt >= 2, f"{gap_pt:.1f} pt between hour labels"
