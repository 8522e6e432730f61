"""The Summary place's choices: the period, what to include, about you, questions, the buttons."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Final

from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cramplog.analysis import report as reports
from cramplog.core import conventions
from cramplog.core.translation import _
from cramplog.render import report_document
from cramplog.ui.pages.summary_preview import label
from cramplog.ui.widgets.period_choice import (
    BASELINE,
    CUSTOM,
    NO_COMPARISON,
    PREVIOUS,
    fill_comparison_box,
    fill_period_box,
    to_date,
)

# QSettings keys; name and date of birth are stored only while "Remember" is ticked.
KEY_REMEMBER: Final = "summary/remember"
KEY_NAME: Final = "summary/name"
KEY_BIRTH: Final = "summary/date_of_birth"
KEY_PAPER: Final = "summary/paper"
KEY_SECTIONS: Final = "summary/sections"

Changed = Callable[[], None]


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def date_edit(name: str, latest: date, changed: Changed) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(conventions.current().plain_date_pattern)
    edit.setAccessibleName(name)
    edit.setMinimumDate(QDate(1900, 1, 1))
    edit.setMaximumDate(qdate(latest))
    edit.dateChanged.connect(changed)
    return edit


def date_range_row(first: QDateEdit, last: QDateEdit) -> QWidget:
    """ "first to last" on one line, without margins of its own."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(first)
    # Translators: between two date fields: "from [date] to [date]".
    row.addWidget(label(_("to")))
    row.addWidget(last)
    holder = QWidget()
    holder.setLayout(row)
    return holder


class PeriodChoice(QGroupBox):
    """The period the summary covers (a preset or two dates) and what it is compared with."""

    def __init__(self, last: date, changed: Changed) -> None:
        super().__init__(_("Period"))
        self.period_box = QComboBox()
        self.period_box.setObjectName("summaryPeriod")
        self.period_box.setAccessibleName(_("Period"))
        fill_period_box(self.period_box)
        self.first_edit = date_edit(_("First night of the period"), last, changed)
        self.last_edit = date_edit(_("Last night of the period"), last, changed)
        self.first_edit.setDate(qdate(last - timedelta(days=27)))
        self.last_edit.setDate(qdate(last))

        self.compare_box = QComboBox()
        self.compare_box.setObjectName("summaryCompare")
        self.compare_box.setAccessibleName(_("Compare with"))
        fill_comparison_box(self.compare_box, (PREVIOUS, BASELINE, NO_COMPARISON))
        self.base_first_edit = date_edit(_("First night of the baseline"), last, changed)
        self.base_last_edit = date_edit(_("Last night of the baseline"), last, changed)
        self.base_first_edit.setDate(qdate(last - timedelta(days=55)))
        self.base_last_edit.setDate(qdate(last - timedelta(days=28)))
        self.period_box.currentIndexChanged.connect(changed)
        self.compare_box.currentIndexChanged.connect(changed)

        form = QFormLayout(self)
        form.addRow(self.period_box)
        self.dates_row = date_range_row(self.first_edit, self.last_edit)
        form.addRow(self.dates_row)
        form.addRow(label(_("Compare with")))
        form.addRow(self.compare_box)
        self.base_row = date_range_row(self.base_first_edit, self.base_last_edit)
        form.addRow(self.base_row)

    def sync_rows(self) -> None:
        """Show the date rows only when their choice asks for dates."""
        self.dates_row.setVisible(self.period_box.currentData() == CUSTOM)
        self.base_row.setVisible(self.compare_box.currentData() == BASELINE)


class IncludeChoice(QGroupBox):
    """Which sections the summary includes, and its paper size; remembered between runs."""

    def __init__(self, changed: Changed) -> None:
        super().__init__(_("Include"))
        self.section_boxes: dict[reports.Section, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(label(_("Warning signs are always included.")))
        for section in reports.Section:
            box = QCheckBox(section.label)
            box.setObjectName(f"summarySection-{section.value}")
            box.setChecked(True)
            box.toggled.connect(changed)
            self.section_boxes[section] = box
            layout.addWidget(box)

        self.paper_box = QComboBox()
        self.paper_box.setObjectName("summaryPaper")
        self.paper_box.setAccessibleName(_("Paper size"))
        automatic = report_document.default_page_size().name()
        self.paper_box.addItem(
            _("Automatic ({paper})").format(paper=automatic),
            report_document.PaperSize.AUTOMATIC,
        )
        self.paper_box.addItem(_("A4"), report_document.PaperSize.A4)
        self.paper_box.addItem(_("US Letter"), report_document.PaperSize.LETTER)
        self.paper_box.currentIndexChanged.connect(changed)
        layout.addWidget(label(_("Paper")))
        layout.addWidget(self.paper_box)

    def sections(self) -> frozenset[reports.Section]:
        return frozenset(s for s, box in self.section_boxes.items() if box.isChecked())

    def page_size_name(self) -> str:
        return str(self.paper_box.currentData())

    def restore(self, settings: QSettings) -> None:
        paper = settings.value(KEY_PAPER, report_document.PaperSize.AUTOMATIC)
        index = self.paper_box.findData(paper)
        if index >= 0:
            self.paper_box.setCurrentIndex(index)
        chosen = settings.value(KEY_SECTIONS)
        if isinstance(chosen, str) and chosen:
            wanted = set(chosen.split(","))
            for section, box in self.section_boxes.items():
                box.setChecked(section.value in wanted)

    def store(self, settings: QSettings) -> None:
        settings.setValue(KEY_PAPER, self.page_size_name())
        settings.setValue(
            KEY_SECTIONS, ",".join(sorted(section.value for section in self.sections()))
        )


class AboutYou(QGroupBox):
    """Name and date of birth for the header, kept on this computer only while asked to."""

    def __init__(
        self, today: date, changed: Changed, remember_toggled: Callable[[bool], None]
    ) -> None:
        super().__init__(_("About you (optional)"))
        form = QFormLayout(self)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("summaryName")
        self.name_edit.setAccessibleName(_("Your name"))
        self.name_edit.setMaxLength(reports.MOST_NAME)
        self.name_edit.textChanged.connect(changed)
        self.birth_check = QCheckBox(_("Date of birth"))
        self.birth_check.setObjectName("summaryBirthGiven")
        self.birth_edit = QDateEdit()
        self.birth_edit.setObjectName("summaryBirth")
        self.birth_edit.setAccessibleName(_("Date of birth"))
        self.birth_edit.setDisplayFormat(conventions.current().plain_date_pattern)
        self.birth_edit.setCalendarPopup(True)
        self.birth_edit.setMinimumDate(QDate(1900, 1, 1))
        self.birth_edit.setMaximumDate(qdate(today))
        self.birth_edit.setDate(QDate(1960, 1, 1))
        self.birth_edit.setEnabled(False)
        self.birth_check.toggled.connect(self.birth_edit.setEnabled)
        self.birth_check.toggled.connect(changed)
        self.birth_edit.dateChanged.connect(changed)
        self.remember_check = QCheckBox(_("Remember on this computer"))
        self.remember_check.setObjectName("summaryRemember")
        self.remember_check.setToolTip(
            _("Keep your name and date of birth for next time. Untick to forget them.")
        )
        self.remember_check.toggled.connect(remember_toggled)
        form.addRow(_("Name"), self.name_edit)
        form.addRow(self.birth_check, self.birth_edit)
        form.addRow(self.remember_check)

    def date_of_birth(self) -> date | None:
        return to_date(self.birth_edit.date()) if self.birth_check.isChecked() else None

    def restore(self, settings: QSettings) -> None:
        if settings.value(KEY_REMEMBER, "false") not in (True, "true"):
            return
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
                self.birth_edit.setDate(qdate(day))

    def store(self, settings: QSettings) -> None:
        settings.setValue(KEY_NAME, self.name_edit.text().strip())
        birth = self.date_of_birth()
        if birth is None:
            settings.remove(KEY_BIRTH)
        else:
            settings.setValue(KEY_BIRTH, birth.isoformat())


class Questions(QGroupBox):
    """Free text the person wants to ask, one question a line."""

    def __init__(self, changed: Changed) -> None:
        super().__init__(_("Questions for my GP"))
        layout = QVBoxLayout(self)
        self.questions_edit = QPlainTextEdit()
        self.questions_edit.setObjectName("summaryQuestions")
        self.questions_edit.setAccessibleName(_("Questions for my GP"))
        self.questions_edit.setPlaceholderText(_("What you want to ask, one per line."))
        self.questions_edit.setMinimumHeight(60)
        self.questions_edit.setMaximumHeight(130)
        self.questions_edit.textChanged.connect(changed)
        layout.addWidget(self.questions_edit)


class TakeAway(QGridLayout):
    """The ways to take the summary away, two to a row: PDF, print, preview, CSV, JSON."""

    def __init__(self) -> None:
        super().__init__()
        self.pdf_button = QPushButton(_("Export PDF…"))
        self.pdf_button.setObjectName("summaryExportPdf")
        self.print_button = QPushButton(_("Print…"))
        self.print_button.setObjectName("summaryPrint")
        self.preview_button = QPushButton(_("Print preview…"))
        self.preview_button.setObjectName("summaryPrintPreview")
        self.csv_button = QPushButton(_("Export CSV…"))
        self.csv_button.setObjectName("summaryExportCsv")
        self.csv_button.setToolTip(_("episodes.csv and nights.csv for the chosen period"))
        self.json_button = QPushButton(_("Export JSON…"))
        self.json_button.setObjectName("summaryExportJson")
        self.json_button.setToolTip(_("The whole diary, complete enough to rebuild it elsewhere"))
        for index, button in enumerate(
            (
                self.pdf_button,
                self.print_button,
                self.preview_button,
                self.csv_button,
                self.json_button,
            )
        ):
            self.addWidget(button, index // 2, index % 2)
