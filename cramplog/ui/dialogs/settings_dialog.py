"""The Settings dialog: how nights are counted, units, theme, and defaults for new entries."""
# Over 400 lines because its four groups are checked and saved together on Save, and Cancel puts
# back what they previewed (the theme); each group has its own builder.

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from cramplog.core import conventions, nights, recorded, wording
from cramplog.core.errors import CramplogError
from cramplog.core.records import ChecklistKind, LoggingSpan, Side
from cramplog.core.translation import N_, _
from cramplog.core.units import FluidUnit
from cramplog.diary.service import MAX_FREQUENT_THRESHOLD
from cramplog.ui.dialogs.settings_reminders import ReminderSettings
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.preferences import Preferences, ThemeMode
from cramplog.ui.widgets import common as widgets
from cramplog.ui.widgets import theme

BOUNDARY_SENTENCE = N_("A cramp before this hour belongs to the previous night.")
SLEEP_HOURS_SENTENCE = N_(
    "A cramp you did not say woke you counts as night-time when it began inside these hours."
)
LOGGING_EVERY_CRAMP = N_("I log every cramp, so nights with nothing logged were cramp-free")
LOGGING_SENTENCE = N_(
    "Nights from this one on count in every rate, even when nothing is logged; "
    "untick it for nights you might not have logged."
)
SPANS_SENTENCE = N_(
    "Stretches of nights you said were logged in full. Removing one applies at once; "
    "Edit ▸ Undo puts it back."
)
SPAN_ROLE = Qt.ItemDataRole.UserRole
# The worked example under the hour: a Wednesday, 02:10, as in the design notes.
_EXAMPLE_CRAMP = datetime(2026, 3, 11, 2, 10)

_FLUID_LABELS = {
    FluidUnit.LITRES: N_("Litres"),
    FluidUnit.MILLILITRES: N_("Millilitres"),
    FluidUnit.GLASSES: N_("Glasses (250 ml each)"),
    FluidUnit.US_FL_OZ: N_("US fluid ounces (fl oz)"),
    FluidUnit.US_CUPS: N_("US cups (8 fl oz each)"),
}
_THEME_LABELS = {
    ThemeMode.SYSTEM: N_("Follow the system"),
    ThemeMode.LIGHT: N_("Light"),
    ThemeMode.DARK: N_("Dark"),
}

if TYPE_CHECKING:
    from cramplog.diary.view import DiaryView


def boundary_example(hour: int) -> str:
    """One sentence showing where a 02:10 cramp on a Wednesday goes with this boundary hour."""
    night = nights.night_of(_EXAMPLE_CRAMP, hour)
    return _(
        "With {hour}, a cramp at {clock} on a {day} is listed under the night of {night}."
    ).format(
        hour=wording.hour(hour),
        clock=wording.clock(_EXAMPLE_CRAMP),
        day=wording.weekday_name(_EXAMPLE_CRAMP),
        night=wording.weekday_name(night),
    )


def _plain(text: str = "") -> QLabel:
    return theme.WrappedLabel(text)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _qtime(moment: time) -> QTime:
    return QTime(moment.hour, moment.minute)


def describe_span(span: LoggingSpan) -> str:
    """E.g. "nights of 06 Jul 2026 to 13 Sep 2026 — an imported file"."""
    source = span.source.label
    return f"{recorded.describe_span(span)} — {source[0].lower()}{source[1:]}"


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
        self.setWindowTitle(_("Settings"))
        self.setObjectName("settingsDialog")
        self._theme_before = preferences.theme
        self._hour_before = editor.diary.boundary_hour
        self._field_labels: list[QLabel] = []
        groups = [
            self._group(_("Nights"), self._build_nights(editor)),
            self._group(_("Counting nights"), self._build_counting(editor)),
            self._group(_("Display"), self._build_display(preferences)),
            self._group(_("New cramps"), self._build_defaults(editor, preferences)),
        ]
        self.reminders = ReminderSettings(preferences)
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
        # Two columns: with the tray group a single column grew taller than a laptop screen.
        columns = QHBoxLayout()
        for column_groups in (groups[:2], [*groups[2:], self.reminders.group]):
            column = QVBoxLayout()
            for group in column_groups:
                column.addWidget(group)
            column.addStretch(1)
            columns.addLayout(column, 1)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._show_example()
        self.setMinimumWidth(1000)

    @staticmethod
    def _group(title: str, form: QFormLayout) -> QGroupBox:
        group = QGroupBox(title)
        group.setLayout(form)
        return group

    def _build_nights(self, editor: DiaryEditor) -> QFormLayout:
        """When a diary day begins, and how many cramps a week count as frequent."""
        self.boundary_combo = QComboBox()
        self.boundary_combo.setAccessibleName(_("New diary day begins at"))
        for hour in range(24):
            self.boundary_combo.addItem(wording.hour(hour), hour)
        self.boundary_combo.setCurrentIndex(self._hour_before)
        self.boundary_combo.setAccessibleDescription(_(BOUNDARY_SENTENCE))
        boundary_help = _plain(_(BOUNDARY_SENTENCE))
        boundary_help.setObjectName("boundaryHelp")
        self.boundary_example = _plain()
        self.boundary_example.setObjectName("boundaryExample")
        self.boundary_combo.currentIndexChanged.connect(self._show_example)

        self._frequent_before = editor.diary.frequent_threshold
        self.frequent_spin = QSpinBox()
        self.frequent_spin.setRange(1, MAX_FREQUENT_THRESHOLD)
        self.frequent_spin.setSuffix(_(" or more a week"))
        self.frequent_spin.setValue(self._frequent_before)
        self.frequent_spin.setAccessibleName(_("Flag frequent cramps at"))
        frequent_help = _plain(
            _(
                "Patterns and the GP summary suggest an appointment when the last 4 weeks "
                "average at least this many cramps a week."
            )
        )
        frequent_help.setObjectName("frequentHelp")
        nights_form = self._form()
        nights_form.addRow(
            self._label(_("New diary &day begins at:"), self.boundary_combo), self.boundary_combo
        )
        nights_form.addRow(boundary_help)
        nights_form.addRow(self.boundary_example)
        nights_form.addRow(
            self._label(_("Flag fre&quent cramps at:"), self.frequent_spin), self.frequent_spin
        )
        nights_form.addRow(frequent_help)
        return nights_form

    def _build_display(self, preferences: Preferences) -> QFormLayout:
        """The fluid unit and the appearance (previewed as it is chosen)."""
        self.fluid_combo = QComboBox()
        self.fluid_combo.setAccessibleName(_("Show fluids in"))
        for unit, label in _FLUID_LABELS.items():
            self.fluid_combo.addItem(_(label), unit.value)
        # Until the person chooses, the locale's unit is shown and nothing is stored for it,
        # so a move to another locale still changes it.
        self._fluid_before = preferences.fluid_unit or conventions.current().fluid_unit
        self.fluid_combo.setCurrentIndex(self.fluid_combo.findData(self._fluid_before.value))

        self.theme_combo = QComboBox()
        self.theme_combo.setAccessibleName(_("Appearance"))
        for mode, label in _THEME_LABELS.items():
            self.theme_combo.addItem(_(label), mode.value)
        self.theme_combo.setCurrentIndex(self.theme_combo.findData(self._theme_before.value))
        self.theme_combo.currentIndexChanged.connect(self._preview_theme)
        display_form = self._form()
        display_form.addRow(self._label(_("Show &fluids in:"), self.fluid_combo), self.fluid_combo)
        display_form.addRow(self._label(_("&Appearance:"), self.theme_combo), self.theme_combo)
        return display_form

    def _build_defaults(self, editor: DiaryEditor, preferences: Preferences) -> QFormLayout:
        """What a new cramp's form starts with."""
        self.side_combo = QComboBox()
        self.side_combo.setAccessibleName(_("Usual side"))
        for side in Side:
            self.side_combo.addItem(side.label, side.value)
        self.side_combo.setCurrentIndex(self.side_combo.findData(preferences.default_side.value))

        self.activity_combo = QComboBox()
        self.activity_combo.setAccessibleName(_("Usual activity"))
        self.activity_combo.addItem(_("No default"), "")
        for item in editor.diary.checklist.of_kind(ChecklistKind.ACTIVITY):
            self.activity_combo.addItem(item.label, item.code)
        self.activity_combo.setCurrentIndex(
            max(0, self.activity_combo.findData(preferences.default_activity or ""))
        )

        defaults_form = self._form()
        defaults_help = _plain(_("The form starts with these; you can change them for each cramp."))
        defaults_help.setObjectName("defaultsHelp")
        defaults_form.addRow(defaults_help)
        defaults_form.addRow(self._label(_("Usual s&ide:"), self.side_combo), self.side_combo)
        defaults_form.addRow(
            self._label(_("Usual ac&tivity:"), self.activity_combo), self.activity_combo
        )
        return defaults_form

    def _build_counting(self, editor: DiaryEditor) -> QFormLayout:
        """Sleep hours, "I log every cramp" and the spans already declared."""
        self._build_sleep_hours(editor.diary)
        self._build_logging(editor.diary)
        self._build_spans()
        self._fill_spans()
        self._show_since()
        counting_form = self._form()
        counting_form.addRow(
            self._label(_("Usual &sleep hours:"), self.sleep_from), self._sleep_row
        )
        counting_form.addRow(self.sleep_error)
        counting_form.addRow(self.sleep_hours_help)
        counting_form.addRow(self.logging_box)
        counting_form.addRow(
            self._label(_("Si&nce the night of:"), self.since_edit), self._since_row
        )
        counting_form.addRow(self.logging_help)
        counting_form.addRow(self.logging_error)
        counting_form.addRow(self.spans_heading)
        counting_form.addRow(self.spans_list)
        counting_form.addRow(self._spans_buttons)
        return counting_form

    def _build_sleep_hours(self, diary: DiaryView) -> None:
        self._sleep_before = diary.sleep_hours
        self.sleep_from = QTimeEdit(_qtime(self._sleep_before.start))
        self.sleep_to = QTimeEdit(_qtime(self._sleep_before.end))
        for edit, name in ((self.sleep_from, "from"), (self.sleep_to, "to")):
            edit.setDisplayFormat(conventions.current().time_pattern)
            edit.setAccessibleName(_("Usual sleep hours, {name}").format(name=name))
            edit.setAccessibleDescription(_(SLEEP_HOURS_SENTENCE))
            edit.timeChanged.connect(self._check_sleep_hours)
        self.sleep_error = theme.ErrorLabel()
        self.sleep_error.setObjectName("sleepHoursError")
        self._sleep_row = QWidget()
        row = QHBoxLayout(self._sleep_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.sleep_from)
        # Translators: between two clock fields: "from 22:00 to 08:00".
        row.addWidget(widgets.plain_label(_("to"), wrap=False))
        row.addWidget(self.sleep_to)
        row.addStretch(1)
        self.sleep_hours_help = _plain(_(SLEEP_HOURS_SENTENCE))
        self.sleep_hours_help.setObjectName("sleepHoursHelp")

    def _build_logging(self, diary: DiaryView) -> None:
        self._last_night = diary.last_night()
        tonight = self._last_night + timedelta(days=1)
        self._since_before = diary.logging_every_cramp_since()
        self.logging_box = QCheckBox(_(LOGGING_EVERY_CRAMP))
        self.logging_box.setObjectName("loggingEveryCramp")
        self.logging_box.setChecked(self._since_before is not None)
        self.since_edit = QDateEdit()
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDisplayFormat(conventions.current().plain_date_pattern)
        self.since_edit.setAccessibleName(_("I log every cramp since the night of"))
        self.since_edit.setMinimumDate(QDate(1900, 1, 1))
        # An ongoing span may start tonight at the latest: nights after it have not begun.
        self.since_edit.setMaximumDate(_qdate(tonight))
        self.since_edit.setDate(_qdate(self._since_before or tonight))
        self.since_caption = widgets.plain_label(wrap=False)
        self.since_caption.setObjectName("sinceCaption")
        self._since_row = QWidget()
        since_row = QHBoxLayout(self._since_row)
        since_row.setContentsMargins(0, 0, 0, 0)
        since_row.addWidget(self.since_edit)
        since_row.addWidget(self.since_caption)
        since_row.addStretch(1)
        self.since_edit.dateChanged.connect(self._show_since)
        self.logging_box.toggled.connect(self._show_since)
        self.logging_help = _plain(_(LOGGING_SENTENCE))
        self.logging_help.setObjectName("loggingHelp")
        self.logging_error = theme.ErrorLabel()
        self.logging_error.setObjectName("loggingError")

    def _build_spans(self) -> None:
        self.spans_heading = _plain(_(SPANS_SENTENCE))
        self.spans_heading.setObjectName("spansHelp")
        self.spans_list = QListWidget()
        self.spans_list.setObjectName("loggingSpans")
        self.spans_list.setAccessibleName(_("Nights you said were logged in full"))
        self.spans_list.currentRowChanged.connect(self._sync_remove)
        self.remove_span_button = QPushButton(_("&Remove"))
        self.remove_span_button.setObjectName("removeSpan")
        self.remove_span_button.setAutoDefault(False)
        self.remove_span_button.clicked.connect(self.remove_selected_span)
        self._spans_buttons = QWidget()
        buttons = QHBoxLayout(self._spans_buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.remove_span_button)
        buttons.addStretch(1)

    def _fill_spans(self) -> None:
        """The closed spans: the ongoing one is the tick box above."""
        self.spans_list.clear()
        closed = [s for s in self.editor.diary.logging_spans() if s.last_night is not None]
        for span in closed:
            item = QListWidgetItem(describe_span(span))
            item.setData(SPAN_ROLE, span.id)
            self.spans_list.addItem(item)
        if not closed:
            empty = QListWidgetItem(_("None yet."))
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.spans_list.addItem(empty)
        rows = max(1, min(len(closed), 4))
        self.spans_list.setFixedHeight(
            rows * self.spans_list.sizeHintForRow(0) + 2 * self.spans_list.frameWidth() + 4
        )
        self._sync_remove()

    def span_texts(self) -> list[str]:
        """The spans listed, as shown (empty when there are none)."""
        items = (self.spans_list.item(row) for row in range(self.spans_list.count()))
        return [item.text() for item in items if item.data(SPAN_ROLE) is not None]

    def _selected_span(self) -> int | None:
        item = self.spans_list.currentItem()
        span_id = None if item is None else item.data(SPAN_ROLE)
        return span_id if isinstance(span_id, int) else None

    def _sync_remove(self) -> None:
        self.remove_span_button.setEnabled(self._selected_span() is not None)

    def remove_selected_span(self) -> None:
        span_id = self._selected_span()
        if span_id is None:
            return
        self.logging_error.clear_message()
        try:
            self.editor.remove_span(span_id)
        except CramplogError as exc:
            self.logging_error.show_message(str(exc))
        self._fill_spans()

    def _show_since(self) -> None:
        on = self.logging_box.isChecked()
        self.since_edit.setEnabled(on)
        night = self.chosen_since()
        tonight = self._last_night + timedelta(days=1)
        day = widgets.short_day(night)
        caption = {
            tonight: _("{day} (tonight)").format(day=day),
            self._last_night: _("{day} (last night)").format(day=day),
        }.get(night, day)
        self.since_caption.setText(caption)
        self.since_caption.setEnabled(on)

    def chosen_since(self) -> date:
        chosen = self.since_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def chosen_sleep_hours(self) -> nights.SleepHours:
        """The sleep hours as chosen; ValueError when they are empty."""
        start, end = self.sleep_from.time(), self.sleep_to.time()
        return nights.SleepHours(time(start.hour(), start.minute()), time(end.hour(), end.minute()))

    def _check_sleep_hours(self) -> bool:
        try:
            self.chosen_sleep_hours()
        except ValueError as exc:
            self.sleep_error.show_message(str(exc))
            return False
        self.sleep_error.clear_message()
        return True

    def _save_counting(self) -> bool:
        """Store sleep hours and "I log every cramp"; False (nothing stored) if refused."""
        self.logging_error.clear_message()
        if not self._check_sleep_hours():
            self.sleep_from.setFocus()
            return False
        hours = self.chosen_sleep_hours()
        since = self.chosen_since() if self.logging_box.isChecked() else None
        try:
            self.editor.set_logging_every_cramp(since)
        except CramplogError as exc:
            self.logging_error.show_message(str(exc))
            self.since_edit.setFocus()
            return False
        self._since_before = since
        if hours != self._sleep_before:
            self.editor.set_sleep_hours(hours)
            self._sleep_before = hours
        return True

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
        # First: the only choices a person can get wrong, so a refusal changes nothing.
        if not self.reminders.check():
            return
        problem = self.reminders.save_session_entry()
        if problem is not None:
            self.error.show_message(problem)
            return
        if not self._save_counting():
            return
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
        fluid = FluidUnit(self.fluid_combo.currentData())
        if fluid is not self._fluid_before or self.preferences.fluid_unit is not None:
            self.preferences.fluid_unit = fluid
            conventions.choose_fluid_unit(fluid)
        self.preferences.theme = self.chosen_theme()
        self._theme_before = self.chosen_theme()
        self.preferences.default_side = Side(self.side_combo.currentData())
        self.preferences.default_activity = self.activity_combo.currentData() or None
        self.reminders.save()
        self.preferences.sync()
        self.preferences_changed.emit()
        super().accept()

    def reject(self) -> None:
        if self.chosen_theme() is not self._theme_before:
            app = _application()
            if app is not None:
                theme.apply_theme(app, self._theme_before)
        super().reject()
