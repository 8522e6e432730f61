"""Build the GP summary's pages on a thread of their own, the newest choices winning.

Why a thread: drawing page one's charts and laying out the appendix takes from a fifth of a
second (three months) to seconds (all of a long diary); on the UI thread it froze the window
(issue #17). The worker reads through a read-only connection of its own (SQLite: one
connection per thread), `ReadOnlyDiary`, in one read transaction, so a summary is one
snapshot of the diary. It hands back the laid-out `ReportDocument`: its appendix rows were
read while it was laid out, and nothing in it reads the diary again.

One build runs at a time. A request made meanwhile waits for it, replacing any request
already waiting, and the running build's result is then dropped: the page never shows a
summary older than the newest request. (A build cannot be stopped half-way: its appendix is
read and laid out in one go, so a dropped build runs to its end, unseen.)
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Signal
from PySide6.QtWidgets import QWidget

from cramplog.analysis import report as reports
from cramplog.analysis import stats
from cramplog.core import collector
from cramplog.core.translation import _
from cramplog.render import report_document
from cramplog.ui.pages.export_progress import ExportProgress
from cramplog.ui.worker import Worker, outcome_of

if TYPE_CHECKING:
    from cramplog.diary.view import DiaryFigures, DiaryView


# The Qt types a build meets that nothing on the UI thread has named before it: PySide makes
# a type's Python wrapper the first time it is needed, and doing so on two threads at once
# can crash the app (see docs/architecture.md). They are made here, on the UI thread, before
# the first build; test_summary_rebuild watches a build in a fresh process for any other.
_MET_BY_A_BUILD: Final = {
    "PySide6.QtCore": ("QThread",),
    "PySide6.QtGui": (
        "QAbstractTextDocumentLayout",
        "QGradient",
        "QPixmap",
        "QTextBlock",
        "QTextFrame",
        "QTextLine",
        "QTextObject",
        "QTextTable",
        "QTextTableCell",
        "QTextTableCellFormat",
    ),
    "PySide6.QtWidgets": ("QPlainTextDocumentLayout",),
}


def prepare_qt_types() -> None:
    """Make the wrappers of the Qt types a build meets (on the UI thread, before a build)."""
    for module, names in _MET_BY_A_BUILD.items():
        loaded = importlib.import_module(module)
        for name in names:
            getattr(loaded, name)


@dataclass(frozen=True, slots=True)
class Choices:
    """What the Summary page's controls asked for, as plain values (read on the UI thread)."""

    period: stats.Period
    comparison: stats.Period | None
    sections: frozenset[reports.Section]
    name: str
    date_of_birth: date | None
    questions: str
    page_size_name: str


def report_for(diary: DiaryFigures, choices: Choices) -> reports.Report:
    """The report `choices` describe."""
    return reports.build_report(
        diary,
        period=choices.period,
        comparison=choices.comparison,
        sections=choices.sections,
        name=choices.name,
        date_of_birth=choices.date_of_birth,
        questions=choices.questions,
    )


def build_document(diary: DiaryFigures, choices: Choices) -> report_document.ReportDocument:
    """The report `choices` describe, laid out as pages."""
    built = report_for(diary, choices)
    page_size = report_document.page_size_named(choices.page_size_name)
    return report_document.ReportDocument(built, page_size=page_size)


def build_apart(
    data_dir: Path, clock: Callable[[], datetime], choices: Choices
) -> report_document.ReportDocument | None:
    """`build_document` on a read-only view of the diary (for a worker thread); None when
    only the app's own connection can read the diary as it is (see `ReadOnlyDiary.opened`)."""
    from cramplog.diary.read_only import ReadOnlyDiary

    # The cycle collector stops every thread while it runs, and a full pass over the rows a
    # build makes took 150 ms at a time (ten years): none runs while it builds, as in an export.
    with collector.paused(), ReadOnlyDiary.opened(data_dir, clock=clock) as reader:
        if reader is None:
            return None
        document = build_document(reader, choices)
    # The text document was made on this thread; it is used on the UI thread from now on
    # (a Qt object can only be pushed to another thread by the thread it lives in).
    app = QCoreApplication.instance()
    if app is not None:
        document.front.moveToThread(app.thread())
    return document


Deliver = Callable[[object], None]


class Rebuilds(QObject):
    """The summary's builds, one at a time on a worker, each outcome (a ReportDocument or
    the exception that stopped it) handed to `deliver` on the UI thread unless a newer
    request came in meanwhile."""

    # The newest build's outcome has been handed over.
    settled = Signal()

    def __init__(self, diary: DiaryView, deliver: Deliver, parent: QObject | None = None) -> None:
        super().__init__(parent)
        prepare_qt_types()
        self._diary = diary
        self._deliver = deliver
        self._running: tuple[Worker, Choices] | None = None
        self._waiting: Choices | None = None
        self._dropped = False  # the running build's outcome is not to be handed over

    @property
    def busy(self) -> bool:
        """A build is running (or waiting for the running one to end)."""
        return self._running is not None

    def ask(self, choices: Choices) -> None:
        """Build for `choices`, now or as soon as the running build ends."""
        if self._running is None:
            self._start(choices)
        else:
            self._waiting = choices

    def supersede(self) -> None:
        """The controls no longer describe a summary (dates that make no sense): a waiting
        request is dropped, and so is the running build's outcome, which would otherwise
        replace the problem said with the pages of earlier choices."""
        self._waiting = None
        self._dropped = self._running is not None

    def wait(self, parent: QWidget, title: str) -> bool:
        """Wait for the newest build's outcome to be handed over, the window alive, behind a
        progress dialog (shown if it takes a while); False if the person cancelled."""
        label = _("Bringing the summary up to date…")
        with ExportProgress(parent, label, title) as progress:
            progress.dialog.setRange(0, 0)  # a busy bar: a build does not count its steps
            loop = QEventLoop()
            self.settled.connect(loop.quit)
            progress.dialog.canceled.connect(loop.quit)
            try:
                while self.busy and not progress.dialog.wasCanceled():
                    loop.exec()
            finally:
                self.settled.disconnect(loop.quit)
            return not progress.dialog.wasCanceled()

    def stop(self) -> None:
        """Drop any waiting request and wait for the running build to end, its outcome
        dropped too (the window is closing: no thread may outlive it)."""
        self._waiting = None
        running, self._running = self._running, None
        if running is not None:
            running[0].wait()
            self.settled.emit()  # nothing more will come: a wait for it ends

    def _start(self, choices: Choices) -> None:
        work = functools.partial(build_apart, self._diary.data_dir, self._diary.now, choices)
        worker = Worker(work, name="cramplog-summary")
        worker.when_done(self._done)
        self._running = (worker, choices)
        worker.start()

    def _done(self, worker: Worker) -> None:
        if self._running is None or worker is not self._running[0]:
            return  # stopped: nobody waits for it
        choices = self._running[1]
        self._running = None
        dropped, self._dropped = self._dropped, False
        if self._waiting is not None:
            newer, self._waiting = self._waiting, None
            self._start(newer)
            return
        if dropped:
            self.settled.emit()  # nothing to hand over: a wait for it ends
            return
        outcome = worker.outcome
        try:
            if isinstance(outcome, report_document.ReportDocument):
                outcome.rehome()  # its text laid out again for this thread's fonts
            elif outcome is None:
                # The diary needs the app's connection (see build_apart): built here, as before.
                outcome = outcome_of(functools.partial(build_document, self._diary, choices))
            self._deliver(outcome)
        finally:
            self.settled.emit()
