"""The Treatments place: medicines and supplements, flagged where the references list them."""
# Over 400 lines because the list, its filter and the add/change/stop/delete actions act on one
# table model; the medicine form is a module of its own.

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cramplog.core.checklist import Checklist, ChecklistItem
from cramplog.core.errors import CramplogError
from cramplog.core.records import Medication, TakenFor
from cramplog.core.translation import N_, _
from cramplog.ui import editor as editing
from cramplog.ui.forms.medication_form import (
    FLAG_TEXT,
    MedicationDialog,
    StopMedicationDialog,
    format_date,
)
from cramplog.ui.widgets import icons
from cramplog.ui.widgets.theme import WrappedLabel

_Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    N_("Name"),
    N_("Dose"),
    N_("Started"),
    N_("Stopped"),
    N_("Taken for"),
    N_("Class"),
    N_("Note"),
)
NAME, DOSE, STARTED, STOPPED, WHY, CLASS, NOTE = range(len(COLUMNS))
CURRENT_TEXT = N_("Current")
# The table's short form of the flag; the tooltip and the detail panel say it in full.
TABLE_FLAG_TEXT = N_("Listed in the references")
TAKEN_FOR_TEXT = {TakenFor.CRAMPS: N_("Cramps"), TakenFor.OTHER: N_("Something else")}
# Widest a column may start out (px at 96 dpi); longer text is elided and shown in a tooltip.
_MAX_START_WIDTH = {NAME: 220, DOSE: 170}
MEDICATION_ROLE = Qt.ItemDataRole.UserRole
# A detail panel is no place for a 1 MB note; the edit form shows all of it.
_NOTES_PREVIEW_CHARS = 600


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally: Qt would otherwise render HTML-looking text."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


def show_error(parent: QWidget, title: str, message: str) -> None:
    """The one place this page interrupts the person (tests replace it)."""
    QMessageBox.warning(parent, title, message)


def _sort_key(medication: Medication) -> tuple[bool, int, str]:
    # Current first; then the most recently started; undated ones last in each part.
    started = medication.started_on.toordinal() if medication.started_on else 0
    return (not medication.current, -started, medication.name.casefold())


class MedicationTableModel(QAbstractTableModel):
    """One row per medicine or supplement, current ones first."""

    def __init__(self, checklist: Checklist, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._checklist = checklist
        self._rows: list[Medication] = []
        self._flag_icon = QIcon()

    def set_medications(self, medications: Sequence[Medication]) -> None:
        self.beginResetModel()
        self._rows = sorted(medications, key=_sort_key)
        self.endResetModel()

    def set_flag_icon(self, icon: QIcon) -> None:
        self._flag_icon = icon
        if self._rows:
            self.dataChanged.emit(
                self.index(0, NOTE),
                self.index(len(self._rows) - 1, NOTE),
                [Qt.ItemDataRole.DecorationRole],
            )

    def medication(self, row: int) -> Medication:
        return self._rows[row]

    def row_of(self, uuid: str) -> int | None:
        for row, medication in enumerate(self._rows):
            if medication.uuid == uuid:
                return row
        return None

    def med_class(self, medication: Medication) -> ChecklistItem | None:
        return None if medication.med_class is None else self._checklist.get(medication.med_class)

    def flagged(self, medication: Medication) -> bool:
        item = self.med_class(medication)
        return item is not None and item.associated_with_cramps

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return _(COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        medication = self._rows[index.row()]
        column = index.column()
        if role == MEDICATION_ROLE:
            return medication
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(medication, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(medication, column)
        if role == Qt.ItemDataRole.DecorationRole and column == NOTE and self.flagged(medication):
            return self._flag_icon
        return None

    def _text(self, medication: Medication, column: int) -> str:
        if column == NAME:
            return medication.name
        if column == DOSE:
            return medication.dose
        if column == STARTED:
            return format_date(medication.started_on) or _("Not known")
        if column == STOPPED:
            return _(CURRENT_TEXT) if medication.current else format_date(medication.stopped_on)
        if column == WHY:
            return _(TAKEN_FOR_TEXT[medication.taken_for])
        item = self.med_class(medication)
        if column == CLASS:
            return "" if item is None else item.label
        return _(TABLE_FLAG_TEXT) if self.flagged(medication) else ""

    def _tooltip(self, medication: Medication, column: int) -> str | None:
        if column in (NAME, DOSE):
            text = self._text(medication, column)
            return plain_tooltip(text) if text else None
        item = self.med_class(medication)
        if item is None or column not in (CLASS, NOTE):
            return None
        heading = _(FLAG_TEXT) if self.flagged(medication) else item.label
        return plain_tooltip(f"{heading}\n\n{item.explanation}")


class TreatmentsPage(QWidget):
    """Medicines and supplements: add, change, stop and delete them, each undoable."""

    message = Signal(str)

    # Over 60 lines: it lays out the widgets top to bottom in their tab order, one block
    # per row; splitting it would scatter one layout across methods.
    def __init__(self, editor: editing.DiaryEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.active_dialog: QDialog | None = None
        self._columns_fitted = False
        self.setObjectName("treatmentsPage")

        self.model = MedicationTableModel(editor.diary.checklist, self)
        self.model.set_flag_icon(icons.reference_flag_icon(self.palette()))

        intro = _plain(
            _(
                "Medicines and supplements you take or have taken. With their dates, the diary can "
                "compare your cramps before and after."
            ),
            wrap=True,
        )
        intro.setObjectName("treatmentsIntro")

        self.add_button = QPushButton(_("&Add…"))
        self.add_button.setToolTip(_("Add a medicine or supplement (Insert)"))
        self.edit_button = QPushButton(_("Ed&it…"))
        self.edit_button.setToolTip(_("Change the chosen medicine (Enter or double-click)"))
        self.stop_button = QPushButton(_("&Stop…"))
        self.stop_button.setToolTip(_("Record the day you stopped taking it"))
        self.delete_button = QPushButton(_("&Delete"))
        self.delete_button.setToolTip(
            _("Delete the chosen medicine (Delete); Ctrl+Z brings it back")
        )
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.stop_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.add_button.clicked.connect(self.add_medication)
        self.edit_button.clicked.connect(self.edit_medication)
        self.stop_button.clicked.connect(self.stop_medication)
        self.delete_button.clicked.connect(self.delete_medication)

        self.table = QTableView()
        self.table.setObjectName("medicationTable")
        self.table.setAccessibleName(_("Medicines and supplements"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The class takes up slack and elides first, so the flag in the last column stays whole.
        header.setSectionResizeMode(CLASS, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.activated.connect(self.edit_medication)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.details = _Details(self)

        self._add_shortcuts()

        table_place = QWidget()
        table_layout = QVBoxLayout(table_place)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table, 3)
        table_layout.addWidget(self.details, 0)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._empty_state())
        self.stack.addWidget(table_place)

        self.button_row = QWidget()
        self.button_row.setLayout(buttons)
        buttons.setContentsMargins(0, 0, 0, 0)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.button_row)
        layout.addWidget(self.stack, 1)

        editor.changed.connect(self._diary_changed)
        self.refresh()

    def _empty_state(self) -> QWidget:
        empty = QWidget()
        empty.setObjectName("treatmentsEmpty")
        self.empty_heading = _plain(_("No medicines or supplements yet"), wrap=True)
        self.empty_heading.setObjectName("emptyHeading")
        font = self.empty_heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.empty_heading.setFont(font)
        self.empty_text = _plain(
            _(
                "If you take any, for cramps or for anything else, add them here with the day you "
                "started. Some medicines are listed in the references as linked to cramps; the "
                "diary points those out so you can talk them over with your GP."
            ),
            wrap=True,
        )
        self.empty_text.setObjectName("emptyText")
        self.empty_add_button = QPushButton(_("Add a medicine or supplement…"))
        self.empty_add_button.clicked.connect(self.add_medication)
        column = QVBoxLayout()
        column.addWidget(self.empty_heading)
        column.addWidget(self.empty_text)
        column.addSpacing(12)
        column.addWidget(self.empty_add_button, 0, Qt.AlignmentFlag.AlignLeft)
        # Stretches either side keep the text to a readable measure without clipping it
        # (a wrapped label given an alignment in its layout loses its height-for-width).
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(column, 4)
        row.addStretch(1)
        layout = QVBoxLayout(empty)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return empty

    def _add_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot, owner in (
            (QKeySequence(Qt.Key.Key_Insert), self.add_medication, self),
            (QKeySequence(QKeySequence.StandardKey.Delete), self.delete_medication, self.table),
        ):
            action = QAction(owner)
            action.setShortcut(keys)
            action.setShortcutContext(context)
            action.triggered.connect(slot)
            owner.addAction(action)

    # -- showing --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the list, keeping the chosen medicine chosen."""
        chosen = self.selected()
        self.model.set_medications(self.editor.diary.list_medications())
        self.stack.setCurrentIndex(1 if self.model.rowCount() else 0)
        self.button_row.setVisible(self.model.rowCount() > 0)
        row = None if chosen is None else self.model.row_of(chosen.uuid)
        if row is not None:
            self.select_row(row)
        if not self._columns_fitted and self.model.rowCount():
            # Once only: after that the widths are the person's to change.
            self._fit_columns()
            self._columns_fitted = True
        self._selection_changed()

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        scale = self.logicalDpiX() / 96
        for column, widest in _MAX_START_WIDTH.items():
            if self.table.columnWidth(column) > widest * scale:
                self.table.setColumnWidth(column, round(widest * scale))

    def select_row(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def selected(self) -> Medication | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.medication(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.edit_button.setEnabled(chosen is not None)
        self.delete_button.setEnabled(chosen is not None)
        self.stop_button.setEnabled(chosen is not None and chosen.current)
        self.details.show_medication(chosen)

    def _diary_changed(self, kind: str) -> None:
        if kind in (editing.MEDICATIONS, editing.VOCABULARY):
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            # The flag is drawn in the palette's colours; redraw it for the new theme.
            self.model.set_flag_icon(icons.reference_flag_icon(self.palette()))
            self.details.show_medication(self.selected())

    # -- changing -------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        # Window-modal but not blocking: the rest of the app keeps painting, and tests can
        # fill the form like a person would.
        if self.active_dialog is not None:
            self.active_dialog.close()
        self.active_dialog = dialog
        dialog.finished.connect(lambda _result: self._dialog_finished(dialog))
        dialog.open()

    def _dialog_finished(self, dialog: QDialog) -> None:
        saved = getattr(dialog, "saved", None)
        if isinstance(saved, Medication):
            row = self.model.row_of(saved.uuid)
            if row is not None:
                self.select_row(row)
        if self.active_dialog is dialog:
            self.active_dialog = None
        dialog.deleteLater()
        self.table.setFocus()

    def add_medication(self) -> None:
        self._open(MedicationDialog(self.editor, parent=self))

    def edit_medication(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self._open(MedicationDialog(self.editor, chosen, parent=self))

    def stop_medication(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.current:
            self._open(StopMedicationDialog(self.editor, chosen, parent=self))

    def delete_medication(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        row = self.model.row_of(chosen.uuid) or 0
        try:
            gone = self.editor.delete_medication(chosen.id)
        except CramplogError as exc:
            show_error(self, _("Could not delete"), str(exc))
            return
        if self.model.rowCount():
            self.select_row(min(row, self.model.rowCount() - 1))
        self.message.emit(_("Deleted {name}. Undo (Ctrl+Z) brings it back.").format(name=gone.name))


class _Details(QFrame):
    """What the table cannot fit: the class, why it is flagged, and the notes."""

    def __init__(self, page: TreatmentsPage) -> None:
        super().__init__(page)
        self._page = page
        self.setObjectName("medicationDetails")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = _plain(wrap=True)
        self.title.setObjectName("detailTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.summary = _plain(wrap=True)
        self.summary.setObjectName("detailSummary")
        self.flag_icon = QLabel()
        self.flag_icon.setAccessibleName(_("Flag"))
        self.flag_text = _plain(_(FLAG_TEXT))
        self.flag_text.setObjectName("detailFlag")
        bold = self.flag_text.font()
        bold.setBold(True)
        self.flag_text.setFont(bold)
        self.explanation = _plain(wrap=True)
        self.explanation.setObjectName("detailExplanation")
        self.notes = _plain(wrap=True)
        self.notes.setObjectName("detailNotes")
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        flag_row = QHBoxLayout()
        flag_row.setSpacing(6)
        flag_row.addWidget(self.flag_icon)
        flag_row.addWidget(self.flag_text, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(flag_row)
        layout.addWidget(self.explanation)
        layout.addWidget(self.notes)

    def show_medication(self, medication: Medication | None) -> None:
        if medication is None:
            self.title.setText(_("Choose a medicine above to see more about it."))
            for label in (self.summary, self.flag_icon, self.flag_text, self.explanation):
                label.setVisible(False)
            self.notes.setVisible(False)
            return
        model = self._page.model
        item = model.med_class(medication)
        flagged = model.flagged(medication)
        self.title.setText(
            f"{medication.name} — {medication.dose}" if medication.dose else medication.name
        )
        self.summary.setText(_summary(medication, item))
        self.summary.setVisible(True)
        self.flag_icon.setVisible(flagged)
        self.flag_text.setVisible(flagged)
        if flagged:
            self.flag_icon.setPixmap(icons.reference_flag_icon(self.palette()).pixmap(16, 16))
        self.explanation.setText("" if item is None else item.explanation)
        self.explanation.setVisible(item is not None)
        notes = medication.notes.strip()
        if len(notes) > _NOTES_PREVIEW_CHARS:
            notes = notes[:_NOTES_PREVIEW_CHARS] + "…"
        self.notes.setText(_("Notes: {notes}").format(notes=notes) if notes else "")
        self.notes.setVisible(bool(notes))


def _summary(medication: Medication, item: ChecklistItem | None) -> str:
    if medication.started_on and medication.stopped_on:
        when = _("Taken from {started} to {stopped}").format(
            started=format_date(medication.started_on),
            stopped=format_date(medication.stopped_on),
        )
    elif medication.started_on:
        when = _("Taken since {started}").format(started=format_date(medication.started_on))
    elif medication.stopped_on:
        when = _("Stopped on {stopped}").format(stopped=format_date(medication.stopped_on))
    else:
        when = _("Currently taken")
    parts = [when, medication.taken_for.label.lower()]
    if item is not None:
        parts.append(item.label)
    return " · ".join(parts)


def _plain(text: str = "", *, wrap: bool = False) -> QLabel:
    if wrap:
        return WrappedLabel(text)
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
