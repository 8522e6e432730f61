"""The Summary place: choose what the GP summary covers, preview its pages, export and print.

Its pieces live beside it: the controls in summary_controls, the preview and the saved note in
summary_preview, the dialogs it asks through in summary_seams, the builds on a worker thread in
summary_rebuild. Those seams are looked up here at
each call (tests replace them on this module), and this module keeps the public names.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cramplog.analysis import report as reports
from cramplog.analysis import stats
from cramplog.core.errors import CramplogError
from cramplog.core.translation import _
from cramplog.render import report_document
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.pages import summary_export
from cramplog.ui.pages.summary_controls import (
    KEY_BIRTH,
    KEY_NAME,
    KEY_PAPER,
    KEY_REMEMBER,
    KEY_SECTIONS,
    AboutYou,
    IncludeChoice,
    PeriodChoice,
    Questions,
    TakeAway,
)
from cramplog.ui.pages.summary_preview import PAGE_GAP, PagePreview, SavedBanner, caption, label
from cramplog.ui.pages.summary_rebuild import Choices, Rebuilds, report_for
from cramplog.ui.pages.summary_seams import (
    JSON_FILTER,
    PDF_FILTER,
    choose_path,
    open_url,
    run_print_dialog,
    run_print_preview,
    show_error,
)
from cramplog.ui.preferences import Preferences
from cramplog.ui.widgets.period_choice import chosen_comparison, chosen_period

__all__ = [
    "JSON_FILTER",
    "KEY_BIRTH",
    "KEY_NAME",
    "KEY_PAPER",
    "KEY_REMEMBER",
    "KEY_SECTIONS",
    "PAGE_GAP",
    "PDF_FILTER",
    "PREVIEW_DELAY_MS",
    "PagePreview",
    "SummaryPage",
    "choose_path",
    "open_url",
    "run_print_dialog",
    "run_print_preview",
    "show_error",
]

PREVIEW_DELAY_MS: Final = 300


def _open_url(url: QUrl) -> bool:
    # Looked up at each click, so a replaced `open_url` on this module is the one used.
    return open_url(url)


class SummaryPage(QWidget):
    """What goes into the GP summary, a live preview of its pages, and the ways to take it.

    The preview is rebuilt a moment after the last change (`PREVIEW_DELAY_MS`), and only
    while the page is on screen; diary changes mark it out of date until then. It is built
    on a worker thread (summary_rebuild): the old pages stay meanwhile, and `preview_updated`
    is emitted when the newest build has arrived (or failed).
    """

    preview_updated = Signal()

    def __init__(
        self, editor: DiaryEditor, preferences: Preferences, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPage")
        self.editor = editor
        self.diary = editor.diary
        self.preferences = preferences
        self.settings = preferences.settings
        self.report: reports.Report | None = None
        self.document: report_document.ReportDocument | None = None
        self._dirty = True
        # The newest build failed (its problem is shown): `document` is not the current one.
        self._failed = False
        self._waiting_for_preview = False
        self._loading = True
        self._rebuilds = Rebuilds(self.diary, self._arrived, self)
        app = QCoreApplication.instance()
        if app is not None:  # the window's last turn: no build may outlive the event loop
            app.aboutToQuit.connect(self._stop_building)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._preview_due)

        controls = self._build_controls()
        preview = self._build_preview()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(controls)
        splitter.addWidget(preview)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([360, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._restore()
        self._loading = False
        editor.changed.connect(self._diary_changed)

    # -- layout ----------------------------------------------------------------------------

    def _build_controls(self) -> QWidget:
        self.period = PeriodChoice(self.diary.last_night(), self._controls_changed)
        self.include = IncludeChoice(self._controls_changed)
        self.about_you = AboutYou(
            self.diary.now().date(), self._personal_changed, self._remember_toggled
        )
        questions = Questions(self._controls_changed)
        take_away = TakeAway()
        # The widgets keep their names on the page (tests and the window reach them here).
        self.period_box, self.compare_box = self.period.period_box, self.period.compare_box
        self.first_edit, self.last_edit = self.period.first_edit, self.period.last_edit
        self.base_first_edit = self.period.base_first_edit
        self.base_last_edit = self.period.base_last_edit
        self.dates_row, self.base_row = self.period.dates_row, self.period.base_row
        self.section_boxes, self.paper_box = self.include.section_boxes, self.include.paper_box
        self.name_edit = self.about_you.name_edit
        self.birth_check, self.birth_edit = self.about_you.birth_check, self.about_you.birth_edit
        self.remember_check = self.about_you.remember_check
        self.questions_edit = questions.questions_edit
        self.pdf_button, self.print_button = take_away.pdf_button, take_away.print_button
        self.preview_button = take_away.preview_button
        self.csv_button, self.json_button = take_away.csv_button, take_away.json_button
        self.pdf_button.clicked.connect(self.export_pdf)
        self.print_button.clicked.connect(self.print_report)
        self.preview_button.clicked.connect(self.print_preview)
        self.csv_button.clicked.connect(self.export_csv)
        self.json_button.clicked.connect(self.export_json)

        self.banner = SavedBanner(_open_url)
        self.problem_label = label(name="summaryProblem")
        self.problem_label.setVisible(False)

        panel = QWidget()
        panel.setObjectName("summaryControls")
        layout = QVBoxLayout(panel)
        layout.addWidget(self.banner)
        layout.addWidget(self.period)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.include)
        layout.addWidget(self.about_you)
        layout.addWidget(questions)
        layout.addLayout(take_away)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(panel)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(panel.minimumSizeHint().width() + 24)
        self._sync_date_rows()
        return scroll

    def _build_preview(self) -> QWidget:
        self.preview_label = label(_("Preview"), name="summaryPreviewLabel")
        self.pages = PagePreview()
        self.preview_scroll = QScrollArea()
        self.preview_scroll.setObjectName("summaryPreview")
        self.preview_scroll.setWidgetResizable(True)
        self.preview_scroll.setWidget(self.pages)
        self.preview_scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.preview_scroll.setBackgroundRole(QPalette.ColorRole.Mid)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.preview_scroll, 1)
        return box

    # -- choices ---------------------------------------------------------------------------

    def _sync_date_rows(self) -> None:
        self.period.sync_rows()

    def select_period(self, key: str) -> None:
        """Choose a preset period (a `stats.PeriodPreset` value) or CUSTOM."""
        self.period_box.setCurrentIndex(self.period_box.findData(key))

    def select_comparison(self, key: str) -> None:
        """Choose PREVIOUS, BASELINE or NO_COMPARISON."""
        self.compare_box.setCurrentIndex(self.compare_box.findData(key))

    def current_period(self) -> stats.Period:
        """The chosen period; ValueError if chosen dates make no sense."""
        return chosen_period(self.diary, self.period_box, self.first_edit, self.last_edit)

    def current_comparison(self, period: stats.Period) -> stats.Period | None:
        return chosen_comparison(
            period, self.compare_box, self.base_first_edit, self.base_last_edit
        )

    def sections(self) -> frozenset[reports.Section]:
        return self.include.sections()

    def date_of_birth(self) -> date | None:
        return self.about_you.date_of_birth()

    def page_size_name(self) -> str:
        return self.include.page_size_name()

    def choices(self) -> Choices:
        """What the controls ask for now, as plain values; ValueError for impossible dates."""
        period = self.current_period()
        return Choices(
            period=period,
            comparison=self.current_comparison(period),
            sections=self.sections(),
            name=self.name_edit.text(),
            date_of_birth=self.date_of_birth(),
            questions=self.questions_edit.toPlainText(),
            page_size_name=self.page_size_name(),
        )

    def build_report(self) -> reports.Report:
        """The report as the controls describe it now; ValueError for impossible dates."""
        return report_for(self.diary, self.choices())

    # -- remembering -------------------------------------------------------------------------

    def _restore(self) -> None:
        self.include.restore(self.settings)
        self.about_you.restore(self.settings)

    def _remember_toggled(self, remember: bool) -> None:
        if self._loading:
            return
        if remember:
            self.settings.setValue(KEY_REMEMBER, "true")
            self._store_personal()
        else:
            # Forget: nothing personal stays on this computer.
            for key in (KEY_REMEMBER, KEY_NAME, KEY_BIRTH):
                self.settings.remove(key)
        self.settings.sync()

    def _store_personal(self) -> None:
        self.about_you.store(self.settings)

    def _personal_changed(self) -> None:
        if self._loading:
            return
        if self.remember_check.isChecked():
            self._store_personal()
        self._controls_changed()

    def _store_choices(self) -> None:
        self.include.store(self.settings)

    # -- the preview -----------------------------------------------------------------------

    def _controls_changed(self) -> None:
        if self._loading:
            return
        self._sync_date_rows()
        self._store_choices()
        self._dirty = True
        self.schedule_preview()

    def _diary_changed(self, _what: str) -> None:
        self._dirty = True
        if self.isVisible():
            self.schedule_preview()

    def schedule_preview(self) -> None:
        """Rebuild the preview `PREVIEW_DELAY_MS` after the last change, if on screen."""
        self.preview_label.setText(_("Updating the preview…"))
        self._timer.start()

    @property
    def preview_pending(self) -> bool:
        """A rebuild of the preview is waiting for the last change to settle, or under way."""
        return self._timer.isActive() or self._rebuilds.busy

    def _preview_due(self) -> None:
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.schedule_preview()

    def refresh(self) -> None:
        """Rebuild the report and its pages from the current choices (now, not debounced),
        on the worker; the old pages stay until the new ones arrive."""
        self._timer.stop()
        self._dirty = False
        try:
            choices = self.choices()
        except ValueError as exc:
            self._rebuilds.supersede()
            self._arrived(exc)
            return
        self.preview_label.setText(_("Updating the preview…"))
        self._rebuilds.ask(choices)

    def _arrived(self, outcome: object) -> None:
        """The newest outcome: the pages, or the problem that stopped them."""
        self._failed = not isinstance(outcome, report_document.ReportDocument)
        try:
            if isinstance(outcome, ValueError | CramplogError):
                self.problem_label.setText(str(outcome))
                self.problem_label.setVisible(True)
                if isinstance(outcome, ValueError):
                    self.preview_label.setText(_("The preview waits for dates that make sense."))
            elif isinstance(outcome, BaseException):
                raise outcome  # a bug: the app's error hook logs it and says so
            elif isinstance(outcome, report_document.ReportDocument):
                self.problem_label.setVisible(False)
                self.report = outcome.report
                self.document = outcome
                self.pages.set_document(outcome)
                self.preview_label.setText(caption(outcome))
        finally:
            self.preview_updated.emit()

    def current_document(self, title: str = "") -> report_document.ReportDocument | None:
        """The laid-out report for what the controls say now: rebuilt if a change is pending,
        waited for behind a progress dialog (titled `title`) if a build is under way. None if
        it cannot be had (dates that make sense, a diary that can be read) or the person
        cancelled the wait: never the pages of earlier choices."""
        if self._waiting_for_preview:
            return None  # already waiting, for an earlier click
        if self._dirty or self._timer.isActive() or self.document is None or self._failed:
            self.refresh()
        if self._rebuilds.busy:
            self._waiting_for_preview = True
            try:
                if not self._rebuilds.wait(self, title or _("Preview")):
                    return None  # the person cancelled the wait
            finally:
                self._waiting_for_preview = False
        return None if self._failed else self.document

    def _stop_building(self) -> None:
        """Wait for a build under way, its outcome dropped: no thread outlives the window."""
        self._failed = self._failed or self._rebuilds.busy  # the pages are not the newest
        self._rebuilds.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        # A page shown as a window of its own (the app's window quits through aboutToQuit).
        self._stop_building()
        super().closeEvent(event)

    # -- taking it away ----------------------------------------------------------------------

    def _seams(self) -> summary_export.Seams:
        # Read at each call, so the dialogs tests put on this module are the ones asked.
        return summary_export.Seams(choose_path, show_error, run_print_dialog, run_print_preview)

    def export_pdf(self) -> None:
        summary_export.export_pdf(self, self._seams())

    def print_report(self) -> None:
        summary_export.print_report(self, self._seams())

    def print_preview(self) -> None:
        summary_export.print_preview(self, self._seams())

    def export_csv(self) -> None:
        summary_export.export_csv(self, self._seams())

    def export_json(self) -> None:
        summary_export.export_json(self, self._seams())
