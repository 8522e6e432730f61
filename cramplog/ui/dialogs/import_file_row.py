"""The Import dialog's file row: the file chosen, the sheet of a workbook, and Choose file…."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from cramplog.core.translation import N_, _
from cramplog.ui.widgets.labels import plain_label

# What the file chooser offers (its dialog is the Import dialog's seam, `ask_for_file`).
FILE_FILTER = N_(
    "Spreadsheets and diary exports (*.csv *.txt *.json *.xlsx *.ods);;"
    "Workbooks (*.xlsx *.ods);;CSV files (*.csv *.txt);;cramplog JSON exports (*.json);;"
    "All files (*)"
)


class FileRow(QWidget):
    """The file to import, and for a workbook of several sheets, the one to read (the
    first by default)."""

    choose = Signal()  # "Choose file…" pressed
    sheet_changed = Signal()  # another sheet chosen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file_label = plain_label(_("No file chosen yet."))
        self.file_label.setObjectName("importFile")
        button = QPushButton(_("Choose file…"))
        button.clicked.connect(self.choose)
        self.sheet_label = plain_label(_("Sheet:"), wrap=False)
        self.sheet_choice = QComboBox()
        self.sheet_choice.setObjectName("sheetChoice")
        self.sheet_choice.setAccessibleName(_("Sheet of the workbook to import"))
        self.sheet_label.setBuddy(self.sheet_choice)
        self.sheet_choice.currentIndexChanged.connect(self.sheet_changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)  # laid out as the row of the dialog it was
        row.addWidget(self.file_label, 1)
        row.addWidget(self.sheet_label)
        row.addWidget(self.sheet_choice)
        row.addWidget(button)
        self.show_sheets(())

    def show_path(self, path: Path) -> None:
        """A new file: its name, and no sheets until it is read."""
        self.file_label.setText(str(path))
        self.show_sheets(())

    @property
    def sheet(self) -> str | None:
        """The sheet chosen, or None before a workbook's sheets are known."""
        return self.sheet_choice.currentText() if self.sheet_choice.count() else None

    def show_sheets(self, names: tuple[str, ...]) -> None:
        """Offer the workbook's sheets when it has more than one; the first is read first."""
        shown = tuple(self.sheet_choice.itemText(i) for i in range(self.sheet_choice.count()))
        if names and shown == names:
            return
        with QSignalBlocker(self.sheet_choice):
            self.sheet_choice.clear()
            self.sheet_choice.addItems(list(names))
        self.sheet_label.setVisible(len(names) > 1)
        self.sheet_choice.setVisible(len(names) > 1)
