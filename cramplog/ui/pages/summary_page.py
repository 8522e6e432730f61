"""The Summary place: choose what the GP summary covers, preview its pages, export and print."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication, QDate, QRect, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QImage,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cramplog.analysis import report as reports
from cramplog.analysis import stats
from cramplog.core.errors import CramplogError
from cramplog.render import report_document
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.preferences import Preferences
from cramplog.ui.widgets.period_choice import (
    BASELINE,
    CUSTOM,
    NO_COMPARISON,
    PREVIOUS,
    chosen_comparison,
    chosen_period,
    fill_comparison_box,
    fill_period_box,
    to_date,
)

PREVIEW_DELAY_MS: Final = 300
PAGE_GAP: Final = 12

# QSettings keys; name and date of birth are stored only while "Remember" is ticked.
KEY_REMEMBER: Final = "summary/remember"
KEY_NAME: Final = "summary/name"
KEY_BIRTH: Final = "summary/date_of_birth"
KEY_PAPER: Final = "summary/paper"
KEY_SECTIONS: Final = "summary/sections"

PDF_FILTER: Final = "PDF document (*.pdf)"
JSON_FILTER: Final = "JSON file (*.json)"


# -- seams tests replace --------------------------------------------------------------------


def choose_path(parent: QWidget, kind: str, title: str, suggested: str) -> Path | None:
    """Ask where to save ("pdf" or "json") or which folder to fill ("folder"); None if the
    person cancels. The one file-dialog seam of the Summary place."""
    if kind == "folder":
        chosen = QFileDialog.getExistingDirectory(parent, title, suggested)
    else:
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, title, suggested, PDF_FILTER if kind == "pdf" else JSON_FILTER
        )
    return Path(chosen) if chosen else None


def open_url(url: QUrl) -> bool:
    """Open a local file or folder with the desktop's own program (never a network URL)."""
    if not url.isLocalFile():
        return False
    return QDesktopServices.openUrl(url)


def show_error(parent: QWidget, title: str, message: str) -> None:
    """The one place this page interrupts the person (tests replace it)."""
    QMessageBox.warning(parent, title, message)


def run_print_dialog(printer: object, parent: QWidget) -> bool:
    """Show the system print dialog for `printer`; True when the person chose to print."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    assert isinstance(printer, QPrinter)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print the GP summary")
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def run_print_preview(
    printer: object, document: report_document.ReportDocument, parent: QWidget
) -> None:
    """Qt's print preview, drawn from the same laid-out document as the PDF."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    assert isinstance(printer, QPrinter)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("Print preview — GP summary")
    dialog.paintRequested.connect(lambda target: document.print_to(target))
    dialog.exec()


# -- helpers ----------------------------------------------------------------------------------


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _label(text: str = "", *, name: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class PagePreview(QWidget):
    """The report's pages as paper on screen, drawn lazily: only pages in view are rendered,
    so a 200-page appendix costs nothing until someone scrolls to it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPreviewPages")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document: report_document.ReportDocument | None = None
        self._cache: dict[int, QImage] = {}
        self._page_width = 400

    def set_document(self, document: report_document.ReportDocument | None) -> None:
        self.document = document
        self._cache.clear()
        self._relayout()
        self.update()

    def set_page_width(self, width: int) -> None:
        width = max(200, min(width, 900))
        if width != self._page_width:
            self._page_width = width
            self._cache.clear()
            self._relayout()
            self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The pages fill the width the scroll area gives them, up to a comfortable size.
        self.set_page_width(event.size().width() - 2 * PAGE_GAP)

    def page_size(self) -> QSize:
        if self.document is None:
            return QSize(self._page_width, round(self._page_width * 1.414))
        page = self.document.page
        return QSize(self._page_width, round(self._page_width * page.height() / page.width()))

    def page_rect(self, index: int) -> QRect:
        size = self.page_size()
        x = max(PAGE_GAP, (self.width() - size.width()) // 2)
        return QRect(x, PAGE_GAP + index * (size.height() + PAGE_GAP), size.width(), size.height())

    def _relayout(self) -> None:
        pages = 0 if self.document is None else self.document.page_count
        height = PAGE_GAP + pages * (self.page_size().height() + PAGE_GAP)
        self.setFixedHeight(max(height, PAGE_GAP * 2))

    def page_image(self, index: int) -> QImage:
        """Page `index` rendered at the preview's size (and the screen's pixel ratio)."""
        assert self.document is not None
        image = self._cache.get(index)
        if image is None:
            ratio = self.devicePixelRatioF()
            image = self.document.render_page(index, round(self._page_width * ratio))
            image.setDevicePixelRatio(ratio)
            self._cache[index] = image
        return image

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.document is None:
            return
        painter = QPainter(self)
        try:
            for index in range(self.document.page_count):
                rect = self.page_rect(index)
                if rect.top() > event.rect().bottom():
                    break
                if not rect.intersects(event.rect()):
                    continue
                painter.fillRect(rect.translated(3, 3), QColor(0, 0, 0, 60))
                painter.drawImage(rect, self.page_image(index))
        finally:
            painter.end()


class _SavedBanner(QFrame):
    """A "Saved to … — Open / Show in folder" note in the page, not a dialog in the way."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summarySaved")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = _label(name="summarySavedMessage")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton("Open")
        self.open_button.setObjectName("summaryOpen")
        self.folder_button = QPushButton("Show in folder")
        self.folder_button.setObjectName("summaryShowFolder")
        close = QPushButton("Dismiss")
        close.setObjectName("summaryDismiss")
        close.clicked.connect(self.hide)
        self.open_button.clicked.connect(self._open)
        self.folder_button.clicked.connect(self._show_folder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.path: Path | None = None
        self.hide()

    def saved(self, message: str, path: Path) -> None:
        self.path = path
        self.message.setText(message)
        self.open_button.setVisible(True)
        self.folder_button.setVisible(True)
        self.show()

    def note(self, message: str) -> None:
        self.path = None
        self.message.setText(message)
        self.open_button.setVisible(False)
        self.folder_button.setVisible(False)
        self.show()

    def _open(self) -> None:
        if self.path is not None:
            open_url(QUrl.fromLocalFile(str(self.path)))

    def _show_folder(self) -> None:
        if self.path is not None:
            folder = self.path if self.path.is_dir() else self.path.parent
            open_url(QUrl.fromLocalFile(str(folder)))


class SummaryPage(QWidget):
    """What goes into the GP summary, a live preview of its pages, and the ways to take it.

    The preview is rebuilt a moment after the last change (`PREVIEW_DELAY_MS`), and only
    while the page is on screen; diary changes mark it out of date until then.
    """

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
        self._loading = True
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

    def _date_edit(self, name: str, latest: date) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setAccessibleName(name)
        edit.setMinimumDate(QDate(1900, 1, 1))
        edit.setMaximumDate(_qdate(latest))
        edit.dateChanged.connect(self._controls_changed)
        return edit

    def _build_controls(self) -> QWidget:
        last = self.diary.last_night()
        today = self.diary.now().date()

        self.period_box = QComboBox()
        self.period_box.setObjectName("summaryPeriod")
        self.period_box.setAccessibleName("Period")
        fill_period_box(self.period_box)
        self.first_edit = self._date_edit("First night of the period", last)
        self.last_edit = self._date_edit("Last night of the period", last)
        self.first_edit.setDate(_qdate(last - timedelta(days=27)))
        self.last_edit.setDate(_qdate(last))

        self.compare_box = QComboBox()
        self.compare_box.setObjectName("summaryCompare")
        self.compare_box.setAccessibleName("Compare with")
        fill_comparison_box(self.compare_box, (PREVIOUS, BASELINE, NO_COMPARISON))
        self.base_first_edit = self._date_edit("First night of the baseline", last)
        self.base_last_edit = self._date_edit("Last night of the baseline", last)
        self.base_first_edit.setDate(_qdate(last - timedelta(days=55)))
        self.base_last_edit.setDate(_qdate(last - timedelta(days=28)))
        self.period_box.currentIndexChanged.connect(self._controls_changed)
        self.compare_box.currentIndexChanged.connect(self._controls_changed)

        period_box = QGroupBox("Period")
        period_form = QFormLayout(period_box)
        period_form.addRow(self.period_box)
        dates = QHBoxLayout()
        dates.addWidget(self.first_edit)
        dates.addWidget(_label("to"))
        dates.addWidget(self.last_edit)
        self.dates_row = QWidget()
        self.dates_row.setLayout(dates)
        dates.setContentsMargins(0, 0, 0, 0)
        period_form.addRow(self.dates_row)
        period_form.addRow(_label("Compare with"))
        period_form.addRow(self.compare_box)
        base = QHBoxLayout()
        base.setContentsMargins(0, 0, 0, 0)
        base.addWidget(self.base_first_edit)
        base.addWidget(_label("to"))
        base.addWidget(self.base_last_edit)
        self.base_row = QWidget()
        self.base_row.setLayout(base)
        period_form.addRow(self.base_row)

        self.section_boxes: dict[reports.Section, QCheckBox] = {}
        sections_box = QGroupBox("Include")
        sections_layout = QVBoxLayout(sections_box)
        always = _label("Warning signs are always included.")
        sections_layout.addWidget(always)
        for section in reports.Section:
            box = QCheckBox(section.label)
            box.setObjectName(f"summarySection-{section.value}")
            box.setChecked(True)
            box.toggled.connect(self._controls_changed)
            self.section_boxes[section] = box
            sections_layout.addWidget(box)

        self.paper_box = QComboBox()
        self.paper_box.setObjectName("summaryPaper")
        self.paper_box.setAccessibleName("Paper size")
        automatic = report_document.default_page_size().name()
        self.paper_box.addItem(f"Automatic ({automatic})", report_document.PaperSize.AUTOMATIC)
        self.paper_box.addItem("A4", report_document.PaperSize.A4)
        self.paper_box.addItem("US Letter", report_document.PaperSize.LETTER)
        self.paper_box.currentIndexChanged.connect(self._controls_changed)
        sections_layout.addWidget(_label("Paper"))
        sections_layout.addWidget(self.paper_box)

        you_box = QGroupBox("About you (optional)")
        you_form = QFormLayout(you_box)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("summaryName")
        self.name_edit.setAccessibleName("Your name")
        self.name_edit.setMaxLength(200)
        self.name_edit.textChanged.connect(self._personal_changed)
        self.birth_check = QCheckBox("Date of birth")
        self.birth_check.setObjectName("summaryBirthGiven")
        self.birth_edit = QDateEdit()
        self.birth_edit.setObjectName("summaryBirth")
        self.birth_edit.setAccessibleName("Date of birth")
        self.birth_edit.setDisplayFormat("d MMM yyyy")
        self.birth_edit.setCalendarPopup(True)
        self.birth_edit.setMinimumDate(QDate(1900, 1, 1))
        self.birth_edit.setMaximumDate(_qdate(today))
        self.birth_edit.setDate(QDate(1960, 1, 1))
        self.birth_edit.setEnabled(False)
        self.birth_check.toggled.connect(self.birth_edit.setEnabled)
        self.birth_check.toggled.connect(self._personal_changed)
        self.birth_edit.dateChanged.connect(self._personal_changed)
        self.remember_check = QCheckBox("Remember on this computer")
        self.remember_check.setObjectName("summaryRemember")
        self.remember_check.setToolTip(
            "Keep your name and date of birth for next time. Untick to forget them."
        )
        self.remember_check.toggled.connect(self._remember_toggled)
        you_form.addRow("Name", self.name_edit)
        you_form.addRow(self.birth_check, self.birth_edit)
        you_form.addRow(self.remember_check)

        questions_box = QGroupBox("Questions for my GP")
        questions_layout = QVBoxLayout(questions_box)
        self.questions_edit = QPlainTextEdit()
        self.questions_edit.setObjectName("summaryQuestions")
        self.questions_edit.setAccessibleName("Questions for my GP")
        self.questions_edit.setPlaceholderText("What you want to ask, one per line.")
        self.questions_edit.setMinimumHeight(60)
        self.questions_edit.setMaximumHeight(130)
        self.questions_edit.textChanged.connect(self._controls_changed)
        questions_layout.addWidget(self.questions_edit)

        self.pdf_button = QPushButton("Export PDF…")
        self.pdf_button.setObjectName("summaryExportPdf")
        self.print_button = QPushButton("Print…")
        self.print_button.setObjectName("summaryPrint")
        self.preview_button = QPushButton("Print preview…")
        self.preview_button.setObjectName("summaryPrintPreview")
        self.csv_button = QPushButton("Export CSV…")
        self.csv_button.setObjectName("summaryExportCsv")
        self.csv_button.setToolTip("episodes.csv and nights.csv for the chosen period")
        self.json_button = QPushButton("Export JSON…")
        self.json_button.setObjectName("summaryExportJson")
        self.json_button.setToolTip("The whole diary, complete enough to rebuild it elsewhere")
        self.pdf_button.clicked.connect(self.export_pdf)
        self.print_button.clicked.connect(self.print_report)
        self.preview_button.clicked.connect(self.print_preview)
        self.csv_button.clicked.connect(self.export_csv)
        self.json_button.clicked.connect(self.export_json)
        buttons = QGridLayout()
        for index, button in enumerate(
            (
                self.pdf_button,
                self.print_button,
                self.preview_button,
                self.csv_button,
                self.json_button,
            )
        ):
            buttons.addWidget(button, index // 2, index % 2)

        self.banner = _SavedBanner()
        self.problem_label = _label(name="summaryProblem")
        self.problem_label.setVisible(False)

        panel = QWidget()
        panel.setObjectName("summaryControls")
        layout = QVBoxLayout(panel)
        layout.addWidget(self.banner)
        layout.addWidget(period_box)
        layout.addWidget(self.problem_label)
        layout.addWidget(sections_box)
        layout.addWidget(you_box)
        layout.addWidget(questions_box)
        layout.addLayout(buttons)
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
        self.preview_label = _label("Preview", name="summaryPreviewLabel")
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
        self.dates_row.setVisible(self.period_box.currentData() == CUSTOM)
        self.base_row.setVisible(self.compare_box.currentData() == BASELINE)

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
        return frozenset(s for s, box in self.section_boxes.items() if box.isChecked())

    def date_of_birth(self) -> date | None:
        return to_date(self.birth_edit.date()) if self.birth_check.isChecked() else None

    def page_size_name(self) -> str:
        return str(self.paper_box.currentData())

    def build_report(self) -> reports.Report:
        """The report as the controls describe it now; ValueError for impossible dates."""
        period = self.current_period()
        return reports.build_report(
            self.diary,
            period=period,
            comparison=self.current_comparison(period),
            sections=self.sections(),
            name=self.name_edit.text(),
            date_of_birth=self.date_of_birth(),
            questions=self.questions_edit.toPlainText(),
        )

    # -- remembering -------------------------------------------------------------------------

    def _restore(self) -> None:
        settings = self.settings
        paper = settings.value(KEY_PAPER, report_document.PaperSize.AUTOMATIC)
        index = self.paper_box.findData(paper)
        if index >= 0:
            self.paper_box.setCurrentIndex(index)
        chosen = settings.value(KEY_SECTIONS)
        if isinstance(chosen, str) and chosen:
            wanted = set(chosen.split(","))
            for section, box in self.section_boxes.items():
                box.setChecked(section.value in wanted)
        if settings.value(KEY_REMEMBER, "false") in (True, "true"):
            self.remember_check.setChecked(True)
            name = settings.value(KEY_NAME, "")
            self.name_edit.setText(name if isinstance(name, str) else "")
            birth = settings.value(KEY_BIRTH, "")
            if isinstance(birth, str) and birth:
                try:
                    day = date.fromisoformat(birth)
                except ValueError:
                    day = None
                if day is not None:
                    self.birth_check.setChecked(True)
                    self.birth_edit.setDate(_qdate(day))

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
        self.settings.setValue(KEY_NAME, self.name_edit.text().strip())
        birth = self.date_of_birth()
        if birth is None:
            self.settings.remove(KEY_BIRTH)
        else:
            self.settings.setValue(KEY_BIRTH, birth.isoformat())

    def _personal_changed(self) -> None:
        if self._loading:
            return
        if self.remember_check.isChecked():
            self._store_personal()
        self._controls_changed()

    def _store_choices(self) -> None:
        self.settings.setValue(KEY_PAPER, self.page_size_name())
        self.settings.setValue(
            KEY_SECTIONS, ",".join(sorted(section.value for section in self.sections()))
        )

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
        self.preview_label.setText("Updating the preview…")
        self._timer.start()

    @property
    def preview_pending(self) -> bool:
        """A rebuild of the preview is waiting for the last change to settle."""
        return self._timer.isActive()

    def _preview_due(self) -> None:
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.schedule_preview()

    def refresh(self) -> None:
        """Rebuild the report and its pages from the current choices (now, not debounced)."""
        self._timer.stop()
        self._dirty = False
        try:
            built = self.build_report()
            document = report_document.ReportDocument(
                built, page_size=report_document.page_size_named(self.page_size_name())
            )
        except ValueError as exc:
            self.problem_label.setText(str(exc))
            self.problem_label.setVisible(True)
            self.preview_label.setText("The preview waits for dates that make sense.")
            return
        except CramplogError as exc:
            self.problem_label.setText(str(exc))
            self.problem_label.setVisible(True)
            return
        self.problem_label.setVisible(False)
        self.report = built
        self.document = document
        self.pages.set_document(document)
        pages = document.page_count
        cramps = len(built.appendix)
        self.preview_label.setText(
            f"{reports.format_period(built.header.period)} · "
            f"{pages} {'page' if pages == 1 else 'pages'}"
            + (
                f" · {cramps} {'cramp' if cramps == 1 else 'cramps'} in the appendix"
                if built.shows(reports.Section.APPENDIX)
                else ""
            )
        )

    def current_document(self) -> report_document.ReportDocument | None:
        """The laid-out report for what the controls say now (rebuilt if a change is pending)."""
        if self._dirty or self._timer.isActive() or self.document is None:
            self.refresh()
        return self.document

    # -- taking it away ----------------------------------------------------------------------

    def _suggested(self, name: str) -> str:
        return str(Path.home() / name)

    def export_pdf(self) -> None:
        document = self.current_document()
        if document is None:
            return
        period = document.report.header.period
        path = choose_path(
            self,
            "pdf",
            "Export the GP summary as PDF",
            self._suggested(f"cramp-diary-summary-{period.last.isoformat()}.pdf"),
        )
        if path is None:
            return
        if not path.suffix:
            path = path.with_suffix(".pdf")
        progress = QProgressDialog("Writing the PDF…", "Cancel", 0, document.page_count, self)
        progress.setWindowTitle("Export PDF")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        progress.setAutoReset(False)

        def report_progress(done: int, total: int) -> bool:
            progress.setMaximum(max(total, 1))
            progress.setValue(done)
            QCoreApplication.processEvents()
            return not progress.wasCanceled()

        try:
            written = report_document.save_pdf(document, path, progress=report_progress)
        except report_document.ExportCancelled:
            self.banner.note("Export cancelled; nothing was written.")
            return
        except CramplogError as exc:
            show_error(self, "The PDF was not saved", str(exc))
            return
        finally:
            progress.close()
        self.banner.saved(f"Saved to {written}", written)

    def _printer(self, document: report_document.ReportDocument) -> object:
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(document.page_size)
        printer.setFullPage(True)
        printer.setDocName(reports.TITLE)
        printer.setFromTo(0, 0)
        return printer

    def print_report(self) -> None:
        document = self.current_document()
        if document is None:
            return
        printer = self._printer(document)
        if not run_print_dialog(printer, self):
            return
        try:
            document.print_to(printer)
        except CramplogError as exc:
            show_error(self, "The summary was not printed", str(exc))

    def print_preview(self) -> None:
        document = self.current_document()
        if document is None:
            return
        run_print_preview(self._printer(document), document, self)

    def export_csv(self) -> None:
        from cramplog import exchange

        try:
            period = self.current_period()
        except ValueError as exc:
            show_error(self, "Nothing was exported", str(exc))
            return
        folder = choose_path(
            self,
            "folder",
            "Choose a folder for episodes.csv and nights.csv",
            str(Path.home()),
        )
        if folder is None:
            return
        try:
            episodes, nights = exchange.export_csv(
                self.diary, folder, first_night=period.first, last_night=period.last
            )
        except CramplogError as exc:
            show_error(self, "The CSV files were not saved", str(exc))
            return
        self.banner.saved(
            f"Saved {episodes.name} and {nights.name} to {episodes.parent}", episodes.parent
        )

    def export_json(self) -> None:
        from cramplog import exchange

        path = choose_path(
            self,
            "json",
            "Export the whole diary as JSON",
            self._suggested(f"cramp-diary-{self.diary.now().date().isoformat()}.json"),
        )
        if path is None:
            return
        if not path.suffix:
            path = path.with_suffix(".json")
        try:
            written = exchange.export_json(self.diary, path)
        except CramplogError as exc:
            show_error(self, "The JSON file was not saved", str(exc))
            return
        self.banner.saved(f"Saved to {written}", written)
