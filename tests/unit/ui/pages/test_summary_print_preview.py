"""The print preview window: every page as the printer draws it, zoom, and Print."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from cramplog.analysis import report, stats
from cramplog.diary.service import Diary
from cramplog.render import report_document
from cramplog.ui.pages.summary_print_preview import PrintPreview, printer_for

TWO_WEEKS = stats.Period(date(2026, 3, 1), date(2026, 3, 14), "Two weeks")


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    made = QWidget()
    qtbot.add_widget(made)
    return made


def make_preview(window: QWidget, diary: Diary) -> PrintPreview:
    summary = report.build_report(diary, period=TWO_WEEKS)
    return PrintPreview(report_document.ReportDocument(summary), window)


def test_painted_before_it_is_shown_and_not_again(
    qtbot: QtBot, window: QWidget, diary: Diary
) -> None:
    preview = make_preview(window, diary)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    assert preview.paint(progress)
    pages = preview.document.page_count
    assert preview.page_count() == pages
    assert calls[-1] == (pages, pages)
    painted = len(calls)
    preview.show()
    qtbot.waitExposed(preview)
    assert len(calls) == painted  # showing it did not paint the pages again
    preview.close()


def test_print_closes_it_as_accepted_and_a_cancel_says_so(window: QWidget, diary: Diary) -> None:
    preview = make_preview(window, diary)
    assert preview.paint()
    preview.show()
    preview.print_action.trigger()
    assert preview.result() == PrintPreview.DialogCode.Accepted
    again = make_preview(window, diary)
    assert again.paint(lambda done, total: done < 1) is False
    assert again.failure is None


def test_the_printer_is_set_for_the_report_paper(window: QWidget, diary: Diary) -> None:
    preview = make_preview(window, diary)
    printer = printer_for(preview.document)
    assert printer.pageLayout().pageSize().id() == preview.document.page_size.id()
    assert printer.fullPage()
    assert (printer.fromPage(), printer.toPage()) == (0, 0)  # every page unless chosen
