"""The import preview's table of a spreadsheet's columns: each with two values and its field."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from cramplog import exchange
from cramplog.core.translation import N_, _
from cramplog.exchange import csv_format

IGNORED = ""
IGNORED_LABEL = N_("ignored")
HEADERS = (N_("Column in the file"), N_("For example"), N_("Read as"))
# Taller than this, the table scrolls: the rows to be stored below need the room.
SHOWN_ROWS = 10
FEWEST_ROWS = 4
HEADER_CHARS = 40


def _examples(choice: exchange.ColumnChoice) -> str:
    return ", ".join(f"“{value}”" for value in choice.examples)


def _header_item(header: str, row: int) -> QTableWidgetItem:
    """A column's header on one short line (the whole of it in the tool tip)."""
    shown = " ".join(header.split()) or _("(column {number})").format(number=row + 1)
    item = QTableWidgetItem(
        shown if len(shown) <= HEADER_CHARS else shown[: HEADER_CHARS - 1] + "…"
    )
    item.setToolTip(header)
    return item


def date_order_choice() -> QComboBox:
    """The answer to "are the dates day first or month first?", unanswered at first."""
    combo = QComboBox()
    combo.setObjectName("dateOrder")
    combo.addItem(_("Choose…"), None)
    combo.addItem(_("Day first (31/12/2026)"), True)
    combo.addItem(_("Month first (12/31/2026)"), False)
    combo.setAccessibleName(_("Order of day and month in the dates"))
    return combo


class ColumnTable(QTableWidget):
    """Every column of the file, two of its values, and a choice of the field it feeds.

    The choices are the fields `import --column` takes, plus "ignored". Changing one emits
    `changed`; the dialog then runs the dry run again with the columns as chosen.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setObjectName("columnMapping")
        self.setAccessibleName(_("Columns of the file and what each is read as"))
        self.setHorizontalHeaderLabels([_(header) for header in HEADERS])
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

    def show_choices(self, choices: Sequence[exchange.ColumnChoice]) -> None:
        """Show the engine's reading of each column; the person's choices stay as they are
        while the file keeps its columns (the engine reads them back as chosen)."""
        if self.rowCount() != len(choices):
            self.setRowCount(len(choices))
            for row, choice in enumerate(choices):
                self.setItem(row, 0, _header_item(choice.header, row))
                self.setCellWidget(row, 2, self._field_choice(choice))
        for row, choice in enumerate(choices):
            # The examples follow the engine (the same column, read afresh).
            examples = QTableWidgetItem(_examples(choice))
            examples.setToolTip(_examples(choice))
            self.setItem(row, 1, examples)
        self.resizeRowsToContents()
        # As tall as SHOWN_ROWS rows where there is room; on a short screen it gives way down
        # to FEWEST_ROWS (and scrolls) rather than push the dialog off the screen.
        edges = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        heights = [self.rowHeight(row) for row in range(min(len(choices), SHOWN_ROWS))]
        self.setMinimumHeight(edges + sum(heights[:FEWEST_ROWS]))
        self.setMaximumHeight(edges + sum(heights))

    def sizeHint(self) -> QSize:
        """All of its SHOWN_ROWS rows when the dialog has the room."""
        return QSize(super().sizeHint().width(), self.maximumHeight())

    def _field_choice(self, choice: exchange.ColumnChoice) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(_("Read the column “{header}” as").format(header=choice.header))
        if choice.described:
            # Another tracker's column (Flaredown, Bearable): its reading is that format's,
            # shown in words and not for changing.
            combo.addItem(choice.described, IGNORED)
            combo.setEnabled(False)
            return combo
        combo.addItem(_(IGNORED_LABEL), IGNORED)
        for field, label in csv_format.iter_fields():
            combo.addItem(label, field)
        combo.setCurrentIndex(max(0, combo.findData(choice.field or IGNORED)))
        combo.currentIndexChanged.connect(self.changed)
        return combo

    def field_choice(self, row: int) -> QComboBox:
        """The choice of field for the column on `row`."""
        combo = self.cellWidget(row, 2)
        assert isinstance(combo, QComboBox)
        return combo

    def chosen(self) -> dict[int, str | None] | None:
        """Each column's field as shown (None: ignored); None before a file's columns are read."""
        if not self.rowCount() or not self.field_choice(0).isEnabled():
            return None
        columns: dict[int, str | None] = {}
        for row in range(self.rowCount()):
            field = self.field_choice(row).currentData()
            columns[row] = field if field else None
        return columns

    def clear_choices(self) -> None:
        """Forget the columns (another file or sheet): the engine reads them afresh."""
        self.setRowCount(0)
