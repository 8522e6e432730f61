"""The Import… dialog: a dry run first, every row error with its line, then one import or none."""
# Over 400 lines because choosing, checking, showing and running an import all act on the one plan
# the dialog holds; each part of the window has its own builder.

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cramplog import exchange
from cramplog.core import conventions, nights, wording
from cramplog.core.errors import CramplogError, ImportRejectedError
from cramplog.exchange import csv_format, workbook
from cramplog.ui.widgets import theme

if TYPE_CHECKING:
    from cramplog.diary.service import Diary

PREVIEW_ROWS = 200
FILE_FILTER = (
    "Spreadsheets and diary exports (*.csv *.txt *.json *.xlsx *.ods);;"
    "Workbooks (*.xlsx *.ods);;CSV files (*.csv *.txt);;cramplog JSON exports (*.json);;"
    "All files (*)"
)
_IGNORE = ""
LOGGING_SPAN_CHOICE = (
    "I logged every cramp from the file's first to its last: count the nights between as "
    "recorded (cramp-free where nothing was logged)"
)


def _plain(text: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(chosen: QDate) -> date:
    return date(chosen.year(), chosen.month(), chosen.day())


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
        self.setWindowTitle("Import into the diary")
        file_row, help_text = self._build_file_row()
        self._build_columns()
        self._build_findings()
        options = self._build_options()
        self._build_buttons()

        self.columns_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(help_text)
        layout.addSpacing(6)
        layout.addWidget(self.summary)
        layout.addWidget(self.columns_box)
        layout.addWidget(self.errors_label)
        layout.addWidget(self.errors)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.preview, 1)
        # Takes the room the preview leaves when there is nothing to preview.
        self.filler = QWidget()
        self.filler.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.filler, 1)
        layout.addLayout(options)
        layout.addWidget(self.buttons)
        self.resize(880, 700)
        self._show_plan()
        if path is not None:
            self.set_path(path)

    def _build_file_row(self) -> tuple[QHBoxLayout, QLabel]:
        """The file chosen, the button to choose one, and what files are understood."""
        self.file_label = _plain("No file chosen yet.")
        self.file_label.setObjectName("importFile")
        choose = QPushButton("Choose file…")
        choose.clicked.connect(self.choose_file)
        # A workbook with more than one sheet: which one to read (the first by default).
        self.sheet_label = _plain("Sheet:", wrap=False)
        self.sheet_choice = QComboBox()
        self.sheet_choice.setObjectName("sheetChoice")
        self.sheet_choice.setAccessibleName("Sheet of the workbook to import")
        self.sheet_label.setBuddy(self.sheet_choice)
        self.sheet_choice.currentIndexChanged.connect(self._sheet_changed)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.sheet_label)
        file_row.addWidget(self.sheet_choice)
        file_row.addWidget(choose)
        self._show_sheets(())

        help_text = _plain(
            "A cramplog JSON or CSV export, or a spreadsheet you kept yourself (CSV, .xlsx or "
            ".ods) with columns such as Date, Time, Muscle, Side, Duration (min), Intensity "
            "and Notes. Nothing changes "
            "until you press Import, and entries already in the diary are not added twice."
        )
        help_text.setObjectName("importHelp")
        return file_row, help_text

    def _build_columns(self) -> None:
        """How a CSV's columns and dates are read; shown only for a CSV."""
        self.columns_box = QGroupBox("How the columns are read")
        self.columns = QTableWidget(0, 2)
        self.columns.setObjectName("columnMapping")
        self.columns.setAccessibleName("Columns of the file and what each is read as")
        self.columns.setHorizontalHeaderLabels(["Column in the file", "Read as"])
        self.columns.verticalHeader().setVisible(False)
        self.columns.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.date_order = QComboBox()
        self.date_order.setObjectName("dateOrder")
        self.date_order.addItem("Choose…", None)
        self.date_order.addItem("Day first (31/12/2026)", True)
        self.date_order.addItem("Month first (12/31/2026)", False)
        self.date_order.setAccessibleName("Order of day and month in the dates")
        self.date_order.currentIndexChanged.connect(self.dry_run)
        self.date_order_label = _plain("Dates are written:", wrap=False)
        order_form = QFormLayout()
        order_form.addRow(self.date_order_label, self.date_order)
        self.columns_hint = _plain(
            "Choose what each column holds; the file is checked again as you choose."
        )
        self.columns_hint.setObjectName("columnsHint")
        columns_layout = QVBoxLayout(self.columns_box)
        columns_layout.addWidget(self.columns_hint)
        columns_layout.addWidget(self.columns)
        columns_layout.addLayout(order_form)
        self.columns_box.hide()

    def _build_findings(self) -> None:
        """What the dry run found: the summary, the rows with errors, and a preview."""
        self.summary = _plain()
        self.summary.setObjectName("importSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.errors_label = _plain()
        self.errors = QListWidget()
        self.errors.setObjectName("rowErrors")
        self.errors.setAccessibleName("Rows with errors")
        self.preview_label = _plain()
        self.preview = QTableWidget(0, 0)
        self.preview.setObjectName("importPreview")
        self.preview.setAccessibleName("What would be imported")
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setAlternatingRowColors(True)
        self.preview.horizontalHeader().setStretchLastSection(True)

    def _build_options(self) -> QVBoxLayout:
        """How to import: the nights it covers, add or replace, and skipping bad rows."""
        self.merge = QRadioButton("Add what is new (keep everything in the diary)")
        self.merge.setChecked(True)
        self.replace = QRadioButton("Replace the diary's entries with the file's")
        self.replace.setObjectName("replaceMode")
        mode = QButtonGroup(self)
        mode.addButton(self.merge)
        mode.addButton(self.replace)
        self.skip_invalid = QCheckBox("Skip the rows with errors and import the rest")
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
            "Check again", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.check_button.setObjectName("checkAgain")
        self.check_button.clicked.connect(self.dry_run)
        self.import_button = self.buttons.addButton(
            "Import", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)

    def _build_span_choice(self) -> None:
        """For a file of cramps only: are the nights between its cramps recorded?"""
        self.span_box = QWidget()
        self.span_box.setObjectName("loggingSpanChoice")
        self.span_check = QCheckBox()
        self.span_check.setObjectName("loggingSpan")
        self.span_check.setChecked(True)
        self.span_check.setAccessibleName(LOGGING_SPAN_CHOICE)
        self.span_check.toggled.connect(self._span_changed)
        # A check box's own text does not wrap; the sentence is long, so it sits beside it.
        span_text = _plain(LOGGING_SPAN_CHOICE)
        span_text.setBuddy(self.span_check)
        check_row = QHBoxLayout()
        check_row.addWidget(self.span_check, 0, Qt.AlignmentFlag.AlignTop)
        check_row.addWidget(span_text, 1)
        self.span_from = QDateEdit()
        self.span_to = QDateEdit()
        last_night = self.diary.last_night()
        for edit, name in ((self.span_from, "from"), (self.span_to, "to")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(conventions.current().plain_date_pattern)
            edit.setMinimumDate(QDate(1900, 1, 1))
            edit.setMaximumDate(_qdate(last_night))
            edit.setAccessibleName(f"Every cramp was logged {name} the night of")
            edit.dateChanged.connect(self._span_widened)
        dates_row = QHBoxLayout()
        dates_row.setContentsMargins(24, 0, 0, 0)
        self.span_dates_label = _plain("Widen it if you logged longer: from", wrap=False)
        dates_row.addWidget(self.span_dates_label)
        dates_row.addWidget(self.span_from)
        dates_row.addWidget(_plain("to", wrap=False))
        dates_row.addWidget(self.span_to)
        dates_row.addStretch(1)
        self.span_error = theme.ErrorLabel()
        self.span_error.setObjectName("loggingSpanError")
        column = QVBoxLayout(self.span_box)
        column.setContentsMargins(0, 0, 0, 6)
        column.addLayout(check_row)
        column.addLayout(dates_row)
        column.addWidget(self.span_error)
        self._span_edited = False
        self._span_rejected = False
        self.span_box.hide()

    def _span_changed(self) -> None:
        on = self.span_check.isChecked()
        for widget in (self.span_dates_label, self.span_from, self.span_to):
            widget.setEnabled(on)
        self.dry_run()

    def _span_widened(self) -> None:
        self._span_edited = True
        self.dry_run()

    def _show_file_span(self, plan: exchange.ImportPlan) -> None:
        """Until the person changes them, the dates show the file's own first and last nights."""
        if plan.span is None or self._span_edited:
            return
        with QSignalBlocker(self.span_from), QSignalBlocker(self.span_to):
            self.span_from.setDate(_qdate(plan.span.first_night))
            if plan.span.last_night is not None:
                self.span_to.setDate(_qdate(plan.span.last_night))

    # -- choosing and checking --------------------------------------------------------------

    def ask_for_file(self) -> Path | None:
        """The file dialog seam (tests patch this one method)."""
        name, _filter = QFileDialog.getOpenFileName(self, "Import into the diary", "", FILE_FILTER)
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
        self.file_label.setText(str(path))
        self.columns.setRowCount(0)
        self._show_sheets(())
        with QSignalBlocker(self.date_order):
            self.date_order.setCurrentIndex(0)
        with QSignalBlocker(self.span_check):
            self.span_check.setChecked(True)
        self._span_edited = False
        self._span_changed()

    def _options(self) -> exchange.ImportOptions:
        columns: dict[int, str | None] | None = None
        if self.columns.rowCount():
            columns = {}
            for row in range(self.columns.rowCount()):
                combo = self.columns.cellWidget(row, 1)
                if isinstance(combo, QComboBox):
                    field = combo.currentData()
                    columns[row] = field if field else None
        day_first = self.date_order.currentData()
        widened = self._span_edited and self.span_check.isChecked()
        return exchange.ImportOptions(
            day_first=day_first if isinstance(day_first, bool) else None,
            columns=columns,
            logging_span=self.span_check.isChecked(),
            logged_from=_date(self.span_from.date()) if widened else None,
            logged_to=_date(self.span_to.date()) if widened else None,
            sheet=self.sheet_choice.currentText() if self.sheet_choice.count() else None,
        )

    def _sheet_changed(self) -> None:
        """Another sheet has other columns: read them afresh, not as the last sheet's were."""
        self.columns.setRowCount(0)
        with QSignalBlocker(self.date_order):
            self.date_order.setCurrentIndex(0)
        self.dry_run()

    def _show_sheets(self, names: tuple[str, ...]) -> None:
        """Offer the workbook's sheets when it has more than one; the first is read first."""
        if (
            names
            and tuple(self.sheet_choice.itemText(i) for i in range(self.sheet_choice.count()))
            == names
        ):
            return
        with QSignalBlocker(self.sheet_choice):
            self.sheet_choice.clear()
            self.sheet_choice.addItems(list(names))
        self.sheet_label.setVisible(len(names) > 1)
        self.sheet_choice.setVisible(len(names) > 1)

    def dry_run(self) -> None:
        """Read and check the file against the diary; nothing is written."""
        if self.path is None:
            return
        self.import_result = None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.span_error.clear_message()
        self._span_rejected = False
        try:
            self.plan = exchange.plan_import(self.diary, self.path, self._options())
            self._show_sheets(self.plan.batch.sheets)
            self.summary.setText(self.plan.summary())
            self._show_file_span(self.plan)
        except ImportRejectedError as exc:
            # Planning refuses only logged nights that leave out some of the file's cramps.
            self.plan = None
            self._span_rejected = True
            self.span_error.show_message(str(exc))
            self.summary.setText("Choose logged nights that include every cramp in the file.")
        except workbook.EmptySheetError as exc:
            self.plan = None
            self._show_sheets(exc.sheets)
            self.summary.setText(str(exc))
        except CramplogError as exc:
            self.plan = None
            self.summary.setText(str(exc))
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show_plan()

    # -- showing the plan -------------------------------------------------------------------

    def _show_plan(self) -> None:
        plan = self.plan
        self.errors.clear()
        self.preview.setRowCount(0)
        self.span_box.setVisible(
            self._span_rejected or (plan is not None and plan.batch.cramps_only)
        )
        if plan is None:
            self.columns_box.hide()
            self.errors_label.hide()
            self.errors.hide()
            self.preview_label.hide()
            self.preview.hide()
            self.filler.show()
            self._update_buttons()
            return
        self._show_columns(plan)
        if plan.errors:
            self.errors_label.setText(
                f"Rows with errors ({len(plan.errors):,}) — fix them in the file, or skip them:"
            )
            for error in plan.errors:
                self.errors.addItem(str(error))
            lines = min(len(plan.errors), 6) + 1
            self.errors.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 8)
        self.errors_label.setVisible(bool(plan.errors))
        self.errors.setVisible(bool(plan.errors))
        self._show_preview(plan)
        self.skip_invalid.setEnabled(bool(plan.errors))
        if not plan.errors:
            self.skip_invalid.setChecked(False)
        self._update_buttons()

    def _show_columns(self, plan: exchange.ImportPlan) -> None:
        choices = plan.batch.columns
        asks_order = exchange.Question.DATE_ORDER in plan.questions
        if plan.source is not exchange.SourceKind.SPREADSHEET or not choices:
            # Another tracker's export has no columns to choose, but may ask the date order.
            self.columns.setVisible(False)
            self.columns_hint.setVisible(False)
            self.date_order_label.setVisible(asks_order or self.date_order.currentIndex() > 0)
            self.date_order.setVisible(asks_order or self.date_order.currentIndex() > 0)
            self.columns_box.setVisible(asks_order or self.date_order.currentIndex() > 0)
            return
        self.columns.setVisible(True)
        if self.columns.rowCount() != len(choices):
            self.columns.setRowCount(len(choices))
            for row, choice in enumerate(choices):
                self.columns.setItem(
                    row, 0, QTableWidgetItem(choice.header or f"(column {row + 1})")
                )
                combo = QComboBox()
                combo.setAccessibleName(f"Read the column {choice.header} as")
                combo.addItem("Ignore this column", _IGNORE)
                for field, label in csv_format.iter_fields():
                    combo.addItem(label, field)
                combo.setCurrentIndex(max(0, combo.findData(choice.field or _IGNORE)))
                combo.currentIndexChanged.connect(self.dry_run)
                self.columns.setCellWidget(row, 1, combo)
        self.columns.resizeRowsToContents()
        shown = min(len(choices), 6)
        rows = sum(self.columns.rowHeight(row) for row in range(shown))
        header = self.columns.horizontalHeader().sizeHint().height()
        self.columns.setFixedHeight(header + rows + 2 * self.columns.frameWidth())
        self.columns_hint.setVisible(exchange.Question.COLUMNS in plan.questions)
        self.date_order_label.setVisible(asks_order or self.date_order.currentIndex() > 0)
        self.date_order.setVisible(asks_order or self.date_order.currentIndex() > 0)
        self.columns_box.show()

    def _show_preview(self, plan: exchange.ImportPlan) -> None:
        batch = plan.batch
        if batch.episodes:
            headers = ["Night of", "Time", "Muscle", "Side", "Duration", "Intensity", "Notes"]
            hour = self.diary.boundary_hour
            rows = [
                [
                    nights.day_text(nights.night_of(new.start_local, hour)),
                    wording.clock(new.start_local)
                    if new.episode.time_noted
                    else nights.TIME_NOT_NOTED,
                    self.diary.label(new.episode.muscle),
                    new.episode.side.label,
                    wording.clock_duration(new.episode.duration_s),
                    "" if new.episode.intensity is None else str(new.episode.intensity),
                    new.episode.notes.replace("\n", " ")[:120],
                ]
                for new in batch.episodes[:PREVIEW_ROWS]
            ]
            total = len(batch.episodes)
            what = "cramps"
        elif batch.days:
            headers = ["Night of", "Reviewed", "Notes"]
            rows = [
                [
                    nights.day_text(day.night_of),
                    "yes" if day.factors.reviewed else "no",
                    day.factors.notes.replace("\n", " ")[:120],
                ]
                for day in batch.days[:PREVIEW_ROWS]
            ]
            total = len(batch.days)
            what = "night records"
        else:
            self.preview_label.hide()
            self.preview.hide()
            self.filler.show()
            return
        self.preview.setColumnCount(len(headers))
        self.preview.setHorizontalHeaderLabels(headers)
        self.filler.hide()
        self.preview.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                self.preview.setItem(r, c, QTableWidgetItem(text))
        self.preview.resizeColumnsToContents()
        self.preview.horizontalHeader().setSectionResizeMode(
            len(headers) - 1, QHeaderView.ResizeMode.Stretch
        )
        shown = f"the first {len(rows):,} of " if len(rows) < total else ""
        self.preview_label.setText(f"Valid {what} in the file ({shown}{total:,}):")
        self.preview_label.show()
        self.preview.show()

    def _update_buttons(self) -> None:
        plan = self.plan
        ready = (
            plan is not None
            and self.import_result is None
            and not plan.questions
            and plan.valid_records > 0
            and (not plan.errors or self.skip_invalid.isChecked())
        )
        self.import_button.setEnabled(ready)
        self.check_button.setEnabled(self.path is not None)

    # -- importing --------------------------------------------------------------------------

    def run_import(self) -> None:
        plan = self.plan
        if plan is None:
            return
        replace = self.replace.isChecked()
        if replace and not self.confirm(
            "Replace the diary's entries?",
            "Every cramp, night record and medicine in the diary will be replaced by the "
            "file's. A backup of the diary as it is now is made first. Replace?",
        ):
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.import_result = exchange.apply_import(
                self.diary, plan, replace=replace, skip_invalid=self.skip_invalid.isChecked()
            )
        except CramplogError as exc:
            self.summary.setText(f"Nothing was imported: {exc}")
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.summary.setText(self.import_result.summary())
        self._update_buttons()
        self.imported.emit(self.import_result)
