"""Printing the GP summary and its print preview: the window stays alive, Cancel stops it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from cramplog.core.records import EpisodeInput, Side
from cramplog.diary.service import Diary
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.pages import summary_page
from cramplog.ui.pages.summary_page import SummaryPage
from cramplog.ui.pages.summary_print_preview import PrintPreview
from cramplog.ui.preferences import Preferences
from tests.conftest import LONDON, NOW


@pytest.fixture
def editor(diary: Diary) -> DiaryEditor:
    # Four cramps a night for eleven weeks: an appendix of several pages.
    night = NOW.replace(hour=2, minute=0, tzinfo=None) - timedelta(days=1)
    for day in range(77):
        for hour in (1, 2, 4, 5):
            diary.add_episode(
                EpisodeInput(
                    start=(night - timedelta(days=day)).replace(hour=hour, tzinfo=LONDON),
                    muscle="muscle.calf",
                    side=Side.LEFT,
                    duration_s=90,
                    intensity=5,
                )
            )
    return DiaryEditor(diary)


@pytest.fixture
def page(qtbot: QtBot, editor: DiaryEditor, preferences: Preferences) -> SummaryPage:
    shown = SummaryPage(editor, preferences)
    qtbot.add_widget(shown)
    shown.resize(1100, 760)
    shown.show()
    qtbot.waitUntil(lambda: shown.document is not None, timeout=10_000)
    assert shown.document is not None
    assert shown.document.page_count >= 4
    return shown


class Heartbeat:
    """A timer that fires whenever the event loop runs; `cancel_after` presses Cancel on the
    progress dialog after that many beats."""

    def __init__(self, parent: QWidget, cancel_after: int | None = None) -> None:
        self.beats = 0
        self.cancel_after = cancel_after
        self.parent = parent
        self.timer = QTimer(parent)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.beat)
        self.timer.start()

    def beat(self) -> None:
        self.beats += 1
        if self.cancel_after is not None and self.beats >= self.cancel_after:
            for progress in self.parent.findChildren(QProgressDialog):
                progress.cancel()


def printing_to(path: Path, asked: list[object]) -> object:
    def run_print_dialog(printer: object, parent: QWidget) -> bool:
        assert isinstance(printer, QPrinter)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        asked.append(printer)
        return True

    return run_print_dialog


def test_the_preview_keeps_the_window_alive_while_it_paints_every_page(
    page: SummaryPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[object, int]] = []

    def run_print_preview(preview: QDialog) -> bool:
        assert isinstance(preview, PrintPreview)
        shown.append((preview.document, preview.page_count()))
        return False  # closed without printing

    monkeypatch.setattr(summary_page, "run_print_preview", run_print_preview)
    monkeypatch.setattr(summary_page, "run_print_dialog", lambda printer, parent: pytest.fail())
    heartbeat = Heartbeat(page)
    page.print_preview()
    assert page.document is not None
    assert shown == [(page.document, page.document.page_count)]
    # The event loop ran between the pages (at least once a page), not only once at the end.
    assert heartbeat.beats >= page.document.page_count
    assert not page.banner.isVisible()


def test_cancel_stops_the_preview_and_it_never_opens(
    page: SummaryPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[QDialog] = []
    monkeypatch.setattr(summary_page, "run_print_preview", lambda preview: shown.append(preview))
    heartbeat = Heartbeat(page, cancel_after=2)
    page.print_preview()
    assert shown == []
    assert page.banner.message.text() == "Print preview cancelled."
    assert page.document is not None
    assert heartbeat.beats < page.document.page_count  # it stopped early, not after every page
    assert not any(progress.isVisible() for progress in page.findChildren(QProgressDialog))


def test_print_from_the_preview_prints_every_page(
    page: SummaryPage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked: list[object] = []
    monkeypatch.setattr(summary_page, "run_print_preview", lambda preview: True)  # "Print…"
    monkeypatch.setattr(summary_page, "run_print_dialog", printing_to(tmp_path / "p.pdf", asked))
    page.print_preview()
    assert len(asked) == 1
    assert page.document is not None
    assert len(pypdf.PdfReader(tmp_path / "p.pdf").pages) == page.document.page_count


def test_printing_a_long_summary_shows_progress_and_can_be_cancelled(
    page: SummaryPage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked: list[object] = []
    monkeypatch.setattr(summary_page, "run_print_dialog", printing_to(tmp_path / "p.pdf", asked))
    heartbeat = Heartbeat(page, cancel_after=3)
    page.print_report()
    assert page.document is not None
    total = page.document.page_count
    printed = len(pypdf.PdfReader(tmp_path / "p.pdf").pages)
    # Qt's PDF printer cannot withdraw a begun job: the pages before Cancel went, no more,
    # and the note says so instead of claiming nothing was printed.
    assert 0 < printed < total
    assert page.banner.message.text() == (
        f"Printing cancelled; the first {printed} pages had already gone to the printer."
    )
    assert heartbeat.beats >= printed
