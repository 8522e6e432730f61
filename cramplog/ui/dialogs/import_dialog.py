"""The Import… dialog: a dry run previewed first, then one import or none.

The preview's parts live beside it: the file row (import_file_row), the columns' fields
(import_columns), the rows as they would be stored (import_rows), the problems, notes and
new words (import_findings); the check and the import run on a worker (import_work).
"""
# Over 400 lines because it wires those parts to the check, the import and the person's
# choices (a file, a sheet, the columns, the nights covered, add or replace) in one class.

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cramplog import exchange
from cramplog.core.errors import CramplogError, ImportRejectedError
from cramplog.core.translation import _
from cramplog.exchange import workbook
from cramplog.ui.dialogs.import_columns import ColumnTable, date_order_choice
from cramplog.ui.dialogs.import_file_row import FILE_FILTER, FileRow
from cramplog.ui.dialogs.import_findings import FindingsPanel
from cramplog.ui.dialogs.import_rows import RowsTable, preview_of
from cramplog.ui.dialogs.import_span import SpanChoice
from cramplog.ui.dialogs.import_work import ImportWork
from cramplog.ui.widgets import screen_fit
from cramplog.ui.widgets.labels import plain_label

if TYPE_CHECKING:
    from cramplog.diary.service import Diary


# A check still under way after this long says so in the summary.
SAY_CHECKING_MS = 150


class ImportDialog(QDialog):
    """Import a cramplog export or a hand-kept spreadsheet into `diary`.

    Nothing is written until "Import" is pressed after a dry run that found no open
    question; invalid rows block the import unless "Skip them" is ticked.
    """

    imported = Signal(object)  # the ImportResult

    def __init__(
        self, diary: Diary, *, path: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.diary = diary
        self.path = path
        self.plan: exchange.ImportPlan | None = None
        self.import_result: exchange.ImportResult | None = None
        self.setObjectName("importDialog")
        self.work = ImportWork(self, diary, checked=self._checked, imported=self._imported)
        self._close_when_done = False
        self.setWindowTitle(_("Import into the diary"))
        file_row, help_text = self._build_file_row()
        self._build_columns()
        self._build_findings()
        options = self._build_options()
        self._build_buttons()
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)

        checks = QHBoxLayout()
        checks.addWidget(self.columns_box, 3)
        checks.addWidget(self.findings_box, 2)
        body = screen_fit.ScrolledBody()  # all but the buttons: scrolled on a short screen
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(file_row)
        layout.addWidget(help_text)
        layout.addSpacing(6)
        layout.addWidget(self.summary)
        layout.addLayout(checks)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.preview, 1)
        # Takes the room the preview leaves when there is nothing to preview.
        self.filler = QWidget()
        self.filler.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.filler, 1)
        layout.addLayout(options)
        outer = QVBoxLayout(self)
        outer.addWidget(screen_fit.scrolling(body, "importBody"), 1)
        outer.addWidget(self.buttons)
        screen_fit.resize_within_screen(self, 1100, 760)
        self._show_plan()
        if path is not None:
            self.set_path(path)

    def _build_file_row(self) -> tuple[FileRow, QLabel]:
        """The file chosen, the button to choose one, and what files are understood."""
        file_row = FileRow()
        file_row.choose.connect(self.choose_file)
        file_row.sheet_changed.connect(self._sheet_changed)
        # Its parts, by the names the dialog's callers know them.
        self.file_label, self.sheet_choice = file_row.file_label, file_row.sheet_choice
        self.file_row = file_row

        help_text = plain_label(
            _(
                "A cramplog export, another tracker's export, or a spreadsheet you kept yourself "
                "(CSV, .xlsx or .ods). Nothing changes until you press Import, and entries already "
                "in the diary are not added twice."
            )
        )
        help_text.setObjectName("importHelp")
        return file_row, help_text

    def _build_columns(self) -> None:
        """A spreadsheet's columns, the field each feeds, and the order of day and month."""
        self.columns_box = QGroupBox(_("Columns and their fields"))
        self.columns = ColumnTable()
        self.columns.changed.connect(self.dry_run)
        self.date_order = date_order_choice()
        self.date_order.currentIndexChanged.connect(self.dry_run)
        self.date_order_label = plain_label(_("Dates are written:"), wrap=False)
        order_form = QFormLayout()
        order_form.addRow(self.date_order_label, self.date_order)
        self.columns_hint = plain_label(
            _("Choose what each column holds; the file is checked again as you choose.")
        )
        self.columns_hint.setObjectName("columnsHint")
        columns_layout = QVBoxLayout(self.columns_box)
        columns_layout.addWidget(self.columns_hint)
        columns_layout.addWidget(self.columns)
        columns_layout.addLayout(order_form)
        columns_layout.addStretch(1)
        self.columns_box.hide()

    def _build_findings(self) -> None:
        """What the dry run found: the summary, the problems and notes, and the rows to store."""
        self.summary = plain_label()
        self.summary.setObjectName("importSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.findings_box = QGroupBox(_("What the check found"))
        self.findings = FindingsPanel()
        self.findings.words_agreed.connect(self.dry_run)
        QVBoxLayout(self.findings_box).addWidget(self.findings)
        self.findings_box.hide()
        # The row problems list, by the name the rest of the dialog knows it.
        self.errors = self.findings.errors
        self.preview_label = plain_label()
        self.preview = RowsTable()

    def _build_options(self) -> QVBoxLayout:
        """How to import: the nights it covers, add or replace, and skipping bad rows."""
        self.merge = QRadioButton(_("Add what is new (keep everything in the diary)"))
        self.merge.setChecked(True)
        self.replace = QRadioButton(_("Replace the diary's entries with the file's"))
        self.replace.setObjectName("replaceMode")
        mode = QButtonGroup(self)
        mode.addButton(self.merge)
        mode.addButton(self.replace)
        self.skip_invalid = QCheckBox(_("Skip the rows with errors and import the rest"))
        self.skip_invalid.setObjectName("skipInvalid")
        self.skip_invalid.toggled.connect(self._update_buttons)
        self._build_span_choice()
        options = QVBoxLayout()
        options.addWidget(self.span_box)
        options.addWidget(self.merge)
        options.addWidget(self.replace)
        options.addWidget(self.skip_invalid)
        return options

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.check_button = self.buttons.addButton(
            _("Check again"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.check_button.setObjectName("checkAgain")
        self.check_button.clicked.connect(self.dry_run)
        self.import_button = self.buttons.addButton(
            _("Import"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)

    def _build_span_choice(self) -> None:
        """For a file of cramps only: are the nights between its cramps recorded?"""
        self.span_box = SpanChoice(self.diary.last_night())
        self.span_box.changed.connect(self.dry_run)
        # Its parts, by the names the dialog's callers know them.
        self.span_check, self.span_error = self.span_box.check, self.span_box.error
        self.span_from, self.span_to = self.span_box.first, self.span_box.last
        self._span_rejected = False

    # -- choosing and checking --------------------------------------------------------------

    def ask_for_file(self) -> Path | None:
        """The file dialog seam (tests patch this one method)."""
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Import into the diary"), "", _(FILE_FILTER)
        )
        return Path(name) if name else None

    def confirm(self, title: str, text: str) -> bool:
        """The confirmation seam."""
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def choose_file(self) -> None:
        path = self.ask_for_file()
        if path is not None:
            self.set_path(path)

    def set_path(self, path: Path) -> None:
        self.path = path
        self.file_row.show_path(path)
        self.columns.clear_choices()
        self.findings.reset()
        with QSignalBlocker(self.date_order):
            self.date_order.setCurrentIndex(0)
        self.span_box.reset()

    def _options(self) -> exchange.ImportOptions:
        day_first = self.date_order.currentData()
        logged_from, logged_to = self.span_box.widened_to()
        return exchange.ImportOptions(
            day_first=day_first if isinstance(day_first, bool) else None,
            columns=self.columns.chosen(),
            logging_span=self.span_box.logging_span,
            logged_from=logged_from,
            logged_to=logged_to,
            sheet=self.file_row.sheet,
            new_words=self.findings.add_words.isChecked(),
        )

    def _sheet_changed(self) -> None:
        """Another sheet has other columns: read them afresh, not as the last sheet's were."""
        self.columns.clear_choices()
        self.findings.reset()
        with QSignalBlocker(self.date_order):
            self.date_order.setCurrentIndex(0)
        self.dry_run()

    def dry_run(self) -> None:
        """Check the file against the diary, on a worker (`import_work`); nothing is written.
        What it found is shown when it ends (`_checked`)."""
        if self.path is None or self.work.storing:
            return  # during an import, what it did is what the dialog shows
        self.import_result = None
        self.work.check(self.path, self._options())
        self._update_buttons()
        # Said only if the check takes a while: a small file's would flicker past.
        QTimer.singleShot(SAY_CHECKING_MS, self._say_checking)

    def _say_checking(self) -> None:
        if self.work.busy and not self.work.storing and self.path is not None:
            self.summary.setText(_("Checking {name}…").format(name=self.path.name))

    def _checked(self, outcome: object) -> None:
        """Show what a check found: its plan, or why there is none."""
        self.span_error.clear_message()
        self._span_rejected = False
        self.plan = None
        if isinstance(outcome, exchange.ImportPlan):
            self.plan = outcome
            self.file_row.show_sheets(outcome.batch.sheets)
            self.summary.setText(outcome.summary())
            self.span_box.show_file_span(outcome.span)
        elif isinstance(outcome, ImportRejectedError):
            # Planning refuses only logged nights that leave out some of the file's cramps.
            self._span_rejected = True
            self.span_error.show_message(str(outcome))
            self.summary.setText(_("Choose logged nights that include every cramp in the file."))
        elif isinstance(outcome, workbook.EmptySheetError):
            self.file_row.show_sheets(outcome.sheets)
            self.summary.setText(str(outcome))
        elif isinstance(outcome, CramplogError):
            self.summary.setText(str(outcome))
        self._show_plan()
        if isinstance(outcome, BaseException) and not isinstance(outcome, CramplogError):
            raise outcome  # a bug: the app's error hook logs it and says so

    # -- showing the plan -------------------------------------------------------------------

    def _show_plan(self) -> None:
        plan = self.plan
        self.preview.setRowCount(0)
        self.span_box.setVisible(
            self._span_rejected or (plan is not None and plan.batch.cramps_only)
        )
        if plan is None:
            self.columns_box.hide()
            self.findings.show_nothing()
            self.findings_box.hide()
            self.preview_label.hide()
            self.preview.hide()
            self.filler.show()
            self._update_buttons()
            return
        self._show_columns(plan)
        self.findings.show_plan(plan)
        self.findings_box.show()
        self._show_preview(plan)
        self.skip_invalid.setEnabled(bool(plan.errors))
        if not plan.errors:
            self.skip_invalid.setChecked(False)
        self._update_buttons()

    def _show_columns(self, plan: exchange.ImportPlan) -> None:
        choices = plan.batch.columns
        asks_order = exchange.Question.DATE_ORDER in plan.questions
        shows_order = asks_order or self.date_order.currentIndex() > 0
        self.date_order_label.setVisible(shows_order)
        self.date_order.setVisible(shows_order)
        if plan.source is not exchange.SourceKind.SPREADSHEET or not choices:
            # Another tracker's export has no columns to choose, but may ask the date order.
            self.columns.setVisible(False)
            self.columns_hint.setVisible(False)
            self.columns_box.setTitle(_("Dates"))
            self.columns_box.setVisible(shows_order)
            return
        self.columns_box.setTitle(_("Columns and their fields"))
        self.columns.setVisible(True)
        self.columns.show_choices(choices)
        self.columns_hint.setVisible(exchange.Question.COLUMNS in plan.questions)
        self.columns_box.show()

    def _show_preview(self, plan: exchange.ImportPlan) -> None:
        preview = preview_of(plan.batch, self.diary.boundary_hour, self.diary.label)
        if preview is None:
            self.preview_label.hide()
            self.preview.hide()
            self.filler.show()
            return
        self.filler.hide()
        self.preview.show_preview(preview)
        self.preview_label.setText(preview.caption)
        self.preview_label.show()
        self.preview.show()

    def _update_buttons(self) -> None:
        plan = self.plan
        ready = (
            plan is not None
            and self.import_result is None
            and not self.work.busy
            and not plan.questions
            and plan.valid_records > 0
            and (not plan.errors or self.skip_invalid.isChecked())
        )
        self.import_button.setEnabled(ready)
        self.check_button.setEnabled(self.path is not None and not self.work.storing)

    # -- importing --------------------------------------------------------------------------

    def run_import(self) -> None:
        plan = self.plan
        if plan is None or self.work.busy:
            return
        replace = self.replace.isChecked()
        if replace and not self.confirm(
            _("Replace the diary's entries?"),
            _(
                "Every cramp, night record and medicine in the diary will be replaced by the "
                "file's. A backup of the diary as it is now is made first. Replace?"
            ),
        ):
            return
        self.work.store(plan, replace=replace, skip_invalid=self.skip_invalid.isChecked())
        self._update_buttons()

    def _imported(self, outcome: object) -> None:
        """Say what the import did, or why nothing was imported."""
        if isinstance(outcome, exchange.ImportResult):
            self.import_result = outcome
            self.summary.setText(outcome.summary())
            self.imported.emit(outcome)
        elif isinstance(outcome, CramplogError):
            self.summary.setText(_("Nothing was imported: {exc}").format(exc=outcome))
        self._update_buttons()
        if self._close_when_done:
            super().reject()
        if isinstance(outcome, BaseException) and not isinstance(outcome, CramplogError):
            raise outcome  # a bug: the app's error hook logs it and says so

    def reject(self) -> None:
        """Close, unless an import is under way: then as soon as it ends. A check under way
        is stopped and its thread joined (milliseconds), so no worker outlives the dialog."""
        if self.work.storing:
            self._close_when_done = True
            return
        self.work.wait()
        super().reject()
