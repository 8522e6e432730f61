"""The Summary page's rebuilds on a worker: the old pages stay, the newest choices win."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QCoreApplication, QDate, QTimer
from pytestqt.qtbot import QtBot

from cramplog.analysis import report as reports
from cramplog.analysis import stats
from cramplog.core.errors import StorageError
from cramplog.diary.service import Diary
from cramplog.diary.view import DiaryFigures
from cramplog.render import report_document
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.pages import summary_page, summary_rebuild
from cramplog.ui.pages.summary_page import SummaryPage
from cramplog.ui.pages.summary_rebuild import Choices, build_apart, build_document
from cramplog.ui.preferences import Preferences
from cramplog.ui.widgets import period_choice
from cramplog.ui.worker import Worker
from tests.unit.ui.pages.test_summary_page import log_cramp

LAST_4_WEEKS = stats.PeriodPreset.LAST_4_WEEKS.value
LAST_12_MONTHS = stats.PeriodPreset.LAST_12_MONTHS.value


class Gate:
    """Holds each build on the worker, inside its read of the diary, until opened."""

    def __init__(self) -> None:
        self._open = threading.Event()
        self._open.set()
        self.entered = threading.Event()
        self.builds: list[Choices] = []

    def close(self) -> None:
        self._open.clear()
        self.entered.clear()

    def open(self) -> None:
        self._open.set()

    def __call__(self, diary: DiaryFigures, choices: Choices) -> report_document.ReportDocument:
        self.builds.append(choices)
        self.entered.set()
        if not self._open.wait(30):
            raise AssertionError("the gate was never opened")
        return build_document(diary, choices)


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    held = Gate()
    monkeypatch.setattr(summary_rebuild, "build_document", held)
    yield held
    held.open()  # never leave a worker waiting


@pytest.fixture
def editor(diary: Diary) -> DiaryEditor:
    # A cramp last week and one two months ago: the 4-week and 3-month periods differ.
    log_cramp(diary, datetime(2026, 3, 10, 2, 10), "Woke with it")
    log_cramp(diary, datetime(2026, 1, 10, 3, 0), "The January one")
    return DiaryEditor(diary)


@pytest.fixture
def page(qtbot: QtBot, editor: DiaryEditor, preferences: Preferences) -> SummaryPage:
    shown = SummaryPage(editor, preferences)
    qtbot.add_widget(shown)
    shown.resize(1100, 760)
    shown.show()
    qtbot.waitUntil(lambda: shown.document is not None and not shown.preview_pending)
    return shown


def held_rebuild(qtbot: QtBot, page: SummaryPage, gate: Gate) -> None:
    """Start a rebuild now and wait until it is held at the gate, on the worker."""
    gate.close()
    page.refresh()
    qtbot.waitUntil(gate.entered.is_set)


def test_the_old_pages_stay_and_the_newest_request_wins(
    qtbot: QtBot, page: SummaryPage, gate: Gate
) -> None:
    before = page.document
    page.select_period(LAST_4_WEEKS)
    held_rebuild(qtbot, page, gate)
    # While it builds: the old pages on screen, a quiet note, the controls usable.
    assert page.pages.document is before
    assert page.preview_label.text() == "Updating the preview…"
    assert page.period_box.isEnabled() and page.pdf_button.isEnabled()

    page.select_period(LAST_12_MONTHS)
    twelve_months = page.current_period()
    page.refresh()
    shown: list[stats.Period] = []
    page.preview_updated.connect(lambda: shown.append(page.current_period()))
    gate.open()
    qtbot.waitUntil(lambda: not page.preview_pending)

    # The 4 weeks were built, then dropped unseen: only the newest choice reached the screen.
    assert [choices.period.label for choices in gate.builds] == ["Last 4 weeks", "Last 12 months"]
    assert len(shown) == 1
    assert page.report is not None and page.report.header.period == twelve_months
    assert page.pages.document is page.document
    assert "2 cramps in the appendix" in page.preview_label.text()


def test_a_diary_change_during_a_rebuild_leads_to_one_more(
    qtbot: QtBot, page: SummaryPage, gate: Gate, editor: DiaryEditor, diary: Diary
) -> None:
    held_rebuild(qtbot, page, gate)  # reading the diary as it was: two cramps
    log_cramp(diary, datetime(2026, 3, 11, 1, 0))
    editor.changed.emit("episodes")
    gate.open()
    qtbot.waitUntil(lambda: len(gate.builds) == 2 and not page.preview_pending)

    assert page.report is not None and len(page.report.appendix) == 3
    assert "3 cramps in the appendix" in page.preview_label.text()
    assert len(gate.builds) == 2  # one more, not one per event


@pytest.mark.slow  # writes the PDF
def test_export_during_a_rebuild_writes_the_current_choices(
    qtbot: QtBot,
    page: SummaryPage,
    gate: Gate,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "for-my-gp.pdf"
    monkeypatch.setattr(summary_page, "choose_path", lambda *args: target)
    held_rebuild(qtbot, page, gate)  # the last 3 months: both cramps
    page.select_period(LAST_4_WEEKS)  # not yet built: its preview waits for the pause
    QTimer.singleShot(0, gate.open)  # the build goes on while the export waits for it
    page.export_pdf()

    text = " ".join(
        " ".join(pdf_page.extract_text(extraction_mode="layout").split())
        for pdf_page in pypdf.PdfReader(target).pages
    )
    assert "Woke with it" in text
    assert "The January one" not in text  # never the pages of the earlier choice
    assert [choices.period.label for choices in gate.builds] == ["Last 3 months", "Last 4 weeks"]
    assert page.report is not None and page.report.header.period == page.current_period()


def test_closing_during_a_rebuild_leaves_no_thread_running(
    qtbot: QtBot, page: SummaryPage, gate: Gate
) -> None:
    before = page.document
    page.select_period(LAST_4_WEEKS)
    held_rebuild(qtbot, page, gate)
    gate.open()  # it builds on as the window closes
    page.close()

    assert not [t for t in threading.enumerate() if t.name == "cramplog-summary"]
    QCoreApplication.processEvents()
    assert page.document is before  # its pages were dropped: nothing arrives after the close


def test_a_diary_the_worker_cannot_read_is_said_beside_the_old_pages(
    qtbot: QtBot, page: SummaryPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = page.document

    def locked(diary: DiaryFigures, choices: Choices) -> report_document.ReportDocument:
        raise StorageError("The diary is busy in another program; nothing was saved. Try again.")

    monkeypatch.setattr(summary_rebuild, "build_document", locked)
    asked: list[str] = []
    monkeypatch.setattr(summary_page, "choose_path", lambda *args: asked.append("asked"))
    page.select_period(LAST_4_WEEKS)
    with qtbot.waitSignal(page.preview_updated):
        page.refresh()

    assert page.problem_label.isVisible()
    assert "busy in another program" in page.problem_label.text()
    assert page.pages.document is before
    page.export_pdf()  # the old pages are not the ones asked for: nothing is offered
    assert asked == []


def test_pages_built_on_the_worker_are_the_pages_built_here(
    qtbot: QtBot, diary: Diary, editor: DiaryEditor
) -> None:
    period = stats.diary_presets(diary)[stats.PeriodPreset.LAST_3_MONTHS]
    choices = Choices(
        period=period,
        comparison=period.previous(),
        sections=frozenset(reports.Section),
        name="Ann Example",
        date_of_birth=None,
        questions="Should I stretch before bed?",
        page_size_name="a4",
    )
    worker = Worker(lambda: build_apart(diary.data_dir, diary.now, choices), name="test-build")
    worker.start()
    apart = worker.wait()  # the worker's thread, and the fonts it laid out with, are gone
    assert isinstance(apart, report_document.ReportDocument)
    apart.rehome()
    here = build_document(diary, choices)

    assert apart.page_count == here.page_count >= 2
    for index in range(here.page_count):
        assert apart.render_page(index, 400) == here.render_page(index, 400), index


BUILD_IN_A_FRESH_PROCESS = """
import enum, json, sys
from datetime import date, datetime
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets
from cramplog.analysis import report, stats
from cramplog.ui.pages import summary_page, summary_rebuild
from cramplog.ui.worker import Worker

def made():
    found = set()
    for module in (PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets):
        for name, value in list(vars(module).items()):
            if isinstance(value, type):
                found.add(name)
                found.update(
                    f"{name}.{key}" for key, kind in list(vars(value).items())
                    if isinstance(kind, type) and issubclass(kind, enum.Enum)
                )
    return found

summary_rebuild.prepare_qt_types()  # what the page does on the UI thread
before = made()
period = stats.Period(date(2025, 12, 12), date(2026, 3, 11))
for comparison, sections in ((period.previous(), frozenset(report.Section)), (None, frozenset())):
    choices = summary_rebuild.Choices(
        period, comparison, sections, "Ann", date(1960, 1, 1), "Why?", "letter"
    )
    folder, now = Path(sys.argv[1]), datetime(2026, 3, 12, 9, 30)
    worker = Worker(
        lambda: summary_rebuild.build_apart(folder, lambda: now, choices),
        name="cramplog-summary",
    )
    worker.start()
    assert worker.wait() is not None
print(json.dumps(sorted(made() - before)))
"""


@pytest.mark.slow  # a fresh Python and Qt
def test_a_build_makes_no_qt_type_off_the_ui_thread(
    editor: DiaryEditor, diary: Diary, tmp_path: Path
) -> None:
    # The types a build needs are made on the UI thread first: PySide making one on two
    # threads at once can crash the app. A build in a fresh process finds them all made.
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    ran = subprocess.run(
        [sys.executable, "-c", BUILD_IN_A_FRESH_PROCESS, str(diary.data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout.strip().splitlines()[-1]) == []


def test_dates_that_make_no_sense_are_never_replaced_by_a_build_under_way(
    qtbot: QtBot, page: SummaryPage, gate: Gate
) -> None:
    """The build for the earlier choices ends after the dates went wrong: the problem stays
    said, and nothing can be exported until the dates make sense."""
    held_rebuild(qtbot, page, gate)
    page.select_period(period_choice.CUSTOM)
    page.first_edit.setDate(QDate(2026, 3, 11))
    page.last_edit.setDate(QDate(2026, 3, 5))
    page.refresh()
    assert page.problem_label.isVisible()
    gate.open()
    qtbot.waitUntil(lambda: not page.preview_pending)
    QCoreApplication.processEvents()
    assert page.problem_label.isVisible()
    assert "cannot end" in page.problem_label.text()
    assert page.current_document() is None
