"""The forms for one medicine or supplement: add or change it, and record when it was stopped."""
# Over 400 lines because building, filling, checking and saving act on one dialog's fields.

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from cramplog.core import conventions, wording
from cramplog.core.checklist import Checklist, ChecklistItem
from cramplog.core.errors import CramplogError, ValidationError
from cramplog.core.records import ChecklistKind, Medication, MedicationInput, TakenFor
from cramplog.core.translation import N_, _
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.widgets import icons
from cramplog.ui.widgets.theme import ErrorLabel, WrappedLabel

FLAG_TEXT = N_("Listed in the references — discuss with your GP")
NO_CLASS_TEXT = N_("Not sure, or none of these")
_CLASS_ROLE = Qt.ItemDataRole.UserRole


def format_date(day: date | None) -> str:
    return "" if day is None else wording.date_text(day, weekday=False)


def medication_classes(checklist: Checklist) -> tuple[ChecklistItem, ...]:
    return checklist.of_kind(ChecklistKind.MEDICATION_CLASS)


def suggested_class(checklist: Checklist, name: str) -> ChecklistItem | None:
    """The class whose listed examples the name contains as whole words (e.g. "Atorvastatin")."""
    typed = " ".join(name.split()).casefold()
    if not typed:
        return None
    for item in medication_classes(checklist):
        for example in item.examples:
            if re.search(rf"\b{re.escape(example.casefold())}\b", typed):
                return item
    return None


def _plain_label(text: str = "", *, wrap: bool = False) -> QLabel:
    if wrap:
        return WrappedLabel(text)
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _date_edit(today: date, accessible_name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(conventions.current().plain_date_pattern)
    edit.setMinimumDate(QDate(1900, 1, 1))
    # A diary records what happened; a medicine cannot have been started or stopped tomorrow.
    edit.setMaximumDate(QDate(today.year, today.month, today.day))
    edit.setDate(QDate(today.year, today.month, today.day))
    edit.setAccessibleName(accessible_name)
    return edit


def _field(widget: QWidget, error: ErrorLabel) -> QWidget:
    """A form field with its validation message right under it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    layout.addWidget(error)
    return box


class MedicationDialog(QDialog):
    """Add a medicine or supplement, or change one; saving goes through the editor (undoable).

    A refused entry shows its message beside the field at fault and keeps the form open.
    """

    def __init__(
        self,
        editor: DiaryEditor,
        medication: Medication | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.medication = medication
        self.saved: Medication | None = None
        self._checklist = editor.diary.checklist
        self._class_chosen = medication is not None
        today = editor.diary.now().date()
        self.setWindowTitle(
            _("Add a medicine or supplement") if medication is None else _("Change a medicine")
        )
        self.setObjectName("medicationDialog")

        self._build_fields(today)
        self._build_layout()

        self.name_edit.textEdited.connect(self._name_edited)
        self.dose_edit.textEdited.connect(self.dose_error.clear_message)
        self.started_edit.dateChanged.connect(self._dates_changed)
        self.stopped_edit.dateChanged.connect(self._dates_changed)
        self.notes_edit.textChanged.connect(self.notes_error.clear_message)

        if medication is not None:
            self._fill(medication)
        self._dates_toggled()
        self._show_class()
        self.setMinimumWidth(520)

    # -- building -------------------------------------------------------------------------

    def _build_fields(self, today: date) -> None:
        """Every field, created in tab order (name, dose, dates, why taken, class, notes)."""

        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(_("Name"))
        self.name_edit.setPlaceholderText(_("e.g. Atorvastatin, Magnesium citrate"))
        self.name_error = ErrorLabel()

        self.dose_edit = QLineEdit()
        self.dose_edit.setAccessibleName(_("Dose"))
        self.dose_edit.setPlaceholderText(_("e.g. 20 mg at night"))
        self.dose_error = ErrorLabel()

        self.started_edit = _date_edit(today, _("Started on"))
        self.start_unknown = QCheckBox(_("Date not known"))
        self.start_unknown.setAccessibleName(_("Start date not known"))
        self.start_unknown.toggled.connect(self._dates_toggled)
        self.started_error = ErrorLabel()

        self.stopped_edit = _date_edit(today, _("Stopped on"))
        self.still_taking = QCheckBox(_("Still taking it"))
        self.still_taking.setAccessibleName(_("Still taking it"))
        self.still_taking.setChecked(True)
        self.still_taking.toggled.connect(self._dates_toggled)
        self.stopped_error = ErrorLabel()

        self.for_cramps = QRadioButton(TakenFor.CRAMPS.label)
        self.for_other = QRadioButton(TakenFor.OTHER.label)
        self.for_other.setChecked(True)
        self._taken_for = QButtonGroup(self)
        self._taken_for.addButton(self.for_cramps)
        self._taken_for.addButton(self.for_other)
        self._build_class_fields()

    def _build_class_fields(self) -> None:
        self.class_combo = QComboBox()
        self.class_combo.setAccessibleName(_("Class of medicine"))
        self.class_combo.setModel(self._class_model())
        self.class_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.class_combo.activated.connect(self._class_picked)
        self.class_combo.currentIndexChanged.connect(self._show_class)
        self.class_flag_icon = QLabel()
        self.class_flag_icon.setAccessibleName(_("Flag"))
        self.class_flag_text = _plain_label(_(FLAG_TEXT))
        self.class_flag_text.setObjectName("classFlag")
        font = self.class_flag_text.font()
        font.setBold(True)
        self.class_flag_text.setFont(font)
        self.class_explanation = _plain_label(wrap=True)
        self.class_explanation.setObjectName("classExplanation")
        self.class_error = ErrorLabel()

        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setAccessibleName(_("Notes"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText(_("Anything worth remembering, e.g. who prescribed it"))
        self.notes_edit.setMinimumHeight(70)
        self.notes_error = ErrorLabel()

    def _build_layout(self) -> None:
        self.general_error = ErrorLabel()
        self.general_error.setObjectName("generalError")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.addRow(
            self._label(_("&Name:"), self.name_edit), _field(self.name_edit, self.name_error)
        )
        form.addRow(
            self._label(_("&Dose:"), self.dose_edit), _field(self.dose_edit, self.dose_error)
        )
        form.addRow(
            self._label(_("St&arted on:"), self.started_edit),
            _field(self._row(self.started_edit, self.start_unknown), self.started_error),
        )
        form.addRow(
            self._label(_("S&topped on:"), self.stopped_edit),
            _field(self._row(self.stopped_edit, self.still_taking), self.stopped_error),
        )
        form.addRow(
            self._label(_("&Why taken:"), self.for_cramps),
            self._row(self.for_cramps, self.for_other),
        )
        class_box = QWidget()
        class_layout = QVBoxLayout(class_box)
        class_layout.setContentsMargins(0, 0, 0, 0)
        class_layout.setSpacing(4)
        class_layout.addWidget(self.class_combo)
        flag_row = QHBoxLayout()
        flag_row.setSpacing(6)
        flag_row.addWidget(self.class_flag_icon)
        flag_row.addWidget(self.class_flag_text, 1)
        class_layout.addLayout(flag_row)
        class_layout.addWidget(self.class_explanation)
        class_layout.addWidget(self.class_error)
        form.addRow(self._label(_("C&lass:"), self.class_combo), class_box)
        form.addRow(
            self._label(_("N&otes:"), self.notes_edit), _field(self.notes_edit, self.notes_error)
        )

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        save_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        save_shortcut.activated.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    @staticmethod
    def _row(*widgets: QWidget) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        layout.addStretch(1)
        return row

    def _class_model(self) -> QStandardItemModel:
        model = QStandardItemModel(self)
        model.appendRow(self._class_item(_(NO_CLASS_TEXT), None))
        classes = medication_classes(self._checklist)
        for heading, members in (
            (
                _("Listed in the references as linked to cramps"),
                [c for c in classes if c.associated_with_cramps],
            ),
            (
                _("Other medicines and supplements"),
                [c for c in classes if not c.associated_with_cramps],
            ),
        ):
            header = QStandardItem(heading)
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            model.appendRow(header)
            for item in members:
                model.appendRow(self._class_item(item.label, item.code))
        return model

    @staticmethod
    def _class_item(text: str, code: str | None) -> QStandardItem:
        item = QStandardItem(text)
        item.setData(code, _CLASS_ROLE)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        return item

    def _fill(self, medication: Medication) -> None:
        self.name_edit.setText(medication.name)
        self.dose_edit.setText(medication.dose)
        if medication.started_on is None:
            self.start_unknown.setChecked(True)
        else:
            self.started_edit.setDate(_qdate(medication.started_on))
        if medication.stopped_on is not None:
            self.still_taking.setChecked(False)
            self.stopped_edit.setDate(_qdate(medication.stopped_on))
        (self.for_cramps if medication.taken_for is TakenFor.CRAMPS else self.for_other).setChecked(
            True
        )
        self.set_class(medication.med_class)
        self.notes_edit.setPlainText(medication.notes)

    # -- reading and reacting -------------------------------------------------------------

    def set_class(self, code: str | None) -> None:
        index = self.class_combo.findData(code, _CLASS_ROLE)
        self.class_combo.setCurrentIndex(max(index, 0))

    def chosen_class(self) -> str | None:
        code = self.class_combo.currentData(_CLASS_ROLE)
        return code if isinstance(code, str) else None

    def medication_input(self) -> MedicationInput:
        return MedicationInput(
            name=self.name_edit.text(),
            dose=self.dose_edit.text(),
            started_on=None if self.start_unknown.isChecked() else _pydate(self.started_edit),
            stopped_on=None if self.still_taking.isChecked() else _pydate(self.stopped_edit),
            taken_for=TakenFor.CRAMPS if self.for_cramps.isChecked() else TakenFor.OTHER,
            med_class=self.chosen_class(),
            notes=self.notes_edit.toPlainText(),
        )

    def _name_edited(self) -> None:
        self.name_error.clear_message()
        if self._class_chosen:
            return
        # A convenience for new entries only: the person's own choice always wins.
        suggestion = suggested_class(self._checklist, self.name_edit.text())
        self.set_class(None if suggestion is None else suggestion.code)

    def _class_picked(self) -> None:
        self._class_chosen = True
        self.class_error.clear_message()

    def _show_class(self) -> None:
        code = self.chosen_class()
        item = None if code is None else self._checklist.get(code)
        flagged = item is not None and item.associated_with_cramps
        self.class_flag_icon.setVisible(flagged)
        self.class_flag_text.setVisible(flagged)
        if flagged:
            self.class_flag_icon.setPixmap(icons.reference_flag_icon(self.palette()).pixmap(16, 16))
        if item is None:
            self.class_explanation.setText(
                _(
                    "Choosing a class lets the diary point out medicines the references link to "
                    "cramps."
                )
            )
            return
        text = item.explanation
        if item.examples:
            text += _("\nExamples: {examples}.").format(examples=", ".join(item.examples))
        self.class_explanation.setText(text)

    def _dates_toggled(self) -> None:
        self.started_edit.setEnabled(not self.start_unknown.isChecked())
        self.stopped_edit.setEnabled(not self.still_taking.isChecked())
        self._dates_changed()

    def _dates_changed(self) -> None:
        self.started_error.clear_message()
        self.stopped_error.clear_message()

    # -- saving ---------------------------------------------------------------------------

    def _errors(self) -> dict[str | None, tuple[ErrorLabel, QWidget]]:
        return {
            "name": (self.name_error, self.name_edit),
            "dose": (self.dose_error, self.dose_edit),
            "started_on": (self.started_error, self.started_edit),
            "stopped_on": (self.stopped_error, self.stopped_edit),
            "class": (self.class_error, self.class_combo),
            "notes": (self.notes_error, self.notes_edit),
        }

    def show_error(self, error: CramplogError) -> None:
        """Show why the entry was refused, beside the field at fault, and put the cursor there."""
        field = error.field if isinstance(error, ValidationError) else None
        label, widget = self._errors().get(field, (self.general_error, self.name_edit))
        label.show_message(str(error))
        widget.setFocus()

    def clear_errors(self) -> None:
        for label, _widget in self._errors().values():
            label.clear_message()
        self.general_error.clear_message()

    def accept(self) -> None:
        self.clear_errors()
        entry = self.medication_input()
        try:
            if self.medication is None:
                self.saved = self.editor.add_medication(entry)
            else:
                self.saved = self.editor.update_medication(self.medication.id, entry)
        except CramplogError as exc:
            self.show_error(exc)
            return
        super().accept()


class StopMedicationDialog(QDialog):
    """Record the day a current medicine was stopped (today unless changed); undoable."""

    def __init__(
        self, editor: DiaryEditor, medication: Medication, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.medication = medication
        self.saved: Medication | None = None
        self.setWindowTitle(_("Stop a medicine"))
        self.setObjectName("stopMedicationDialog")
        today = editor.diary.now().date()

        question = _plain_label(
            _("When did you stop taking {name}?").format(name=medication.name), wrap=True
        )
        question.setObjectName("stopQuestion")
        self.stopped_edit = _date_edit(today, _("Stopped on"))
        if medication.started_on is not None:
            self.stopped_edit.setMinimumDate(_qdate(min(medication.started_on, today)))
        self.stopped_error = ErrorLabel()
        self.stopped_edit.dateChanged.connect(self.stopped_error.clear_message)
        label = QLabel(_("S&topped on:"))
        label.setBuddy(self.stopped_edit)

        form = QFormLayout()
        form.addRow(label, _field(self.stopped_edit, self.stopped_error))
        note = _plain_label(
            _(
                "It stays in the list as a past medicine, so the diary can compare cramps before "
                "and after."
            ),
            wrap=True,
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)

    def accept(self) -> None:
        self.stopped_error.clear_message()
        try:
            self.saved = self.editor.stop_medication(self.medication.id, _pydate(self.stopped_edit))
        except CramplogError as exc:
            self.stopped_error.show_message(str(exc))
            self.stopped_edit.setFocus()
            return
        super().accept()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())
