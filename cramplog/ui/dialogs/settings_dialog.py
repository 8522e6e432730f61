"""The Settings dialog: day-boundary hour, fluid unit, theme, and defaults for new entries."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cramplog.core import nights
from cramplog.core.errors import CramplogError
from cramplog.core.records import Side
from cramplog.diary.service import MAX_FREQUENT_THRESHOLD
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.preferences import LITRES_PER_GLASS, FluidUnit, Preferences, ThemeMode
from cramplog.ui.widgets import theme

BOUNDARY_SENTENCE = "A cramp before this hour belongs to the previous night."
# The worked example under the hour: a Wednesday, 02:10, as in the design notes.
_EXAMPLE_CRAMP = datetime(2026, 3, 11, 2, 10)

_FLUID_LABELS = {
    FluidUnit.LITRES: "Litres",
    FluidUnit.GLASSES: f"Glasses ({round(LITRES_PER_GLASS * 1000)} ml each)",
}
_THEME_LABELS = {
    ThemeMode.SYSTEM: "Follow the system",
    ThemeMode.LIGHT: "Light",
    ThemeMode.DARK: "Dark",
}


def boundary_example(hour: int) -> str:
    """One sentence showing where a 02:10 cramp on a Wednesday goes with this boundary hour."""
    night = nights.night_of(_EXAMPLE_CRAMP, hour)
    return (
        f"With {hour:02d}:00, a cramp at 02:10 on a Wednesday is listed under "
        f"the night of {night:%A}."
    )


def _plain(text: str = "") -> QLabel:
    return theme.WrappedLabel(text)


def _application() -> QApplication | None:
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else None


class SettingsDialog(QDialog):
    """Changes apply on Save; the theme previews at once and Cancel puts the old one back."""

    preferences_changed = Signal()

    def __init__(
        self, editor: DiaryEditor, preferences: Preferences, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.preferences = preferences
        self.setWindowTitle("Settings")
        self.setObjectName("settingsDialog")
        self._theme_before = preferences.theme
        self._hour_before = editor.diary.boundary_hour
        self._field_labels: list[QLabel] = []

        self.boundary_combo = QComboBox()
        self.boundary_combo.setAccessibleName("New diary day begins at")
        for hour in range(24):
            self.boundary_combo.addItem(f"{hour:02d}:00", hour)
        self.boundary_combo.setCurrentIndex(self._hour_before)
        self.boundary_combo.setAccessibleDescription(BOUNDARY_SENTENCE)
        boundary_help = _plain(BOUNDARY_SENTENCE)
        boundary_help.setObjectName("boundaryHelp")
        self.boundary_example = _plain()
        self.boundary_example.setObjectName("boundaryExample")
        self.boundary_combo.currentIndexChanged.connect(self._show_example)

        self._frequent_before = editor.diary.frequent_threshold
        self.frequent_spin = QSpinBox()
        self.frequent_spin.setRange(1, MAX_FREQUENT_THRESHOLD)
        self.frequent_spin.setSuffix(" or more a week")
        self.frequent_spin.setValue(self._frequent_before)
        self.frequent_spin.setAccessibleName("Flag frequent cramps at")
        frequent_help = _plain(
            "Patterns and the GP summary suggest an appointment when the last 4 weeks "
            "average at least this many cramps a week."
        )
        frequent_help.setObjectName("frequentHelp")

        self.fluid_combo = QComboBox()
        self.fluid_combo.setAccessibleName("Show fluids in")
        for unit, label in _FLUID_LABELS.items():
            self.fluid_combo.addItem(label, unit.value)
        self.fluid_combo.setCurrentIndex(self.fluid_combo.findData(preferences.fluid_unit.value))

        self.theme_combo = QComboBox()
        self.theme_combo.setAccessibleName("Appearance")
        for mode, label in _THEME_LABELS.items():
            self.theme_combo.addItem(label, mode.value)
        self.theme_combo.setCurrentIndex(self.theme_combo.findData(self._theme_before.value))
        self.theme_combo.currentIndexChanged.connect(self._preview_theme)

        self.side_combo = QComboBox()
        self.side_combo.setAccessibleName("Usual side")
        for side in Side:
            self.side_combo.addItem(side.label, side.value)
        self.side_combo.setCurrentIndex(self.side_combo.findData(preferences.default_side.value))

        self.activity_combo = QComboBox()
        self.activity_combo.setAccessibleName("Usual activity")
        self.activity_combo.addItem("No default", "")
        for item in editor.diary.checklist.of_kind("activity"):
            self.activity_combo.addItem(item.label, item.code)
        self.activity_combo.setCurrentIndex(
            max(0, self.activity_combo.findData(preferences.default_activity or ""))
        )

        nights_form = self._form()
        nights_form.addRow(
            self._label("New diary &day begins at:", self.boundary_combo), self.boundary_combo
        )
        nights_form.addRow(boundary_help)
        nights_form.addRow(self.boundary_example)
        nights_form.addRow(
            self._label("Flag fre&quent cramps at:", self.frequent_spin), self.frequent_spin
        )
        nights_form.addRow(frequent_help)
        display_form = self._form()
        display_form.addRow(self._label("Show &fluids in:", self.fluid_combo), self.fluid_combo)
        display_form.addRow(self._label("&Appearance:", self.theme_combo), self.theme_combo)
        defaults_form = self._form()
        defaults_help = _plain("The form starts with these; you can change them for each cramp.")
        defaults_help.setObjectName("defaultsHelp")
        defaults_form.addRow(defaults_help)
        defaults_form.addRow(self._label("Usual s&ide:", self.side_combo), self.side_combo)
        defaults_form.addRow(
            self._label("Usual ac&tivity:", self.activity_combo), self.activity_combo
        )
        groups = []
        for title, form in (
            ("Nights", nights_form),
            ("Display", display_form),
            ("New cramps", defaults_form),
        ):
            group = QGroupBox(title)
            group.setLayout(form)
            groups.append(group)
        # One label column width for all three groups, so the fields line up.
        widest = max(field_label.sizeHint().width() for field_label in self._field_labels)
        for field_label in self._field_labels:
            field_label.setMinimumWidth(widest)

        self.error = theme.ErrorLabel()
        self.error.setObjectName("settingsError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        for group in groups:
            layout.addWidget(group)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._show_example()
        self.setMinimumWidth(520)

    @staticmethod
    def _form() -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        self._field_labels.append(label)
        return label

    def chosen_hour(self) -> int:
        return int(self.boundary_combo.currentData())

    def chosen_theme(self) -> ThemeMode:
        return ThemeMode(self.theme_combo.currentData())

    def _show_example(self) -> None:
        self.boundary_example.setText(boundary_example(self.chosen_hour()))

    def _preview_theme(self) -> None:
        app = _application()
        if app is not None:
            theme.apply_theme(app, self.chosen_theme())

    def accept(self) -> None:
        self.error.clear_message()
        hour = self.chosen_hour()
        if hour != self._hour_before:
            try:
                self.editor.set_boundary_hour(hour)
            except CramplogError as exc:
                self.error.show_message(str(exc))
                return
            self._hour_before = hour
        frequent = self.frequent_spin.value()
        if frequent != self._frequent_before:
            try:
                self.editor.set_frequent_threshold(frequent)
            except CramplogError as exc:
                self.error.show_message(str(exc))
                return
            self._frequent_before = frequent
        self.preferences.fluid_unit = FluidUnit(self.fluid_combo.currentData())
        self.preferences.theme = self.chosen_theme()
        self._theme_before = self.chosen_theme()
        self.preferences.default_side = Side(self.side_combo.currentData())
        self.preferences.default_activity = self.activity_combo.currentData() or None
        self.preferences.sync()
        self.preferences_changed.emit()
        super().accept()

    def reject(self) -> None:
        if self.chosen_theme() is not self._theme_before:
            app = _application()
            if app is not None:
                theme.apply_theme(app, self._theme_before)
        super().reject()
