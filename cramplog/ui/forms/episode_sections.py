"""The episode form's sections: when and what, how bad, the context, and the four lists."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, QSignalBlocker, Qt, QTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from cramplog.core import conventions
from cramplog.core.records import Hydration, Side
from cramplog.core.translation import _
from cramplog.ui.dialogs.body_map_dialog import BodyMapDialog
from cramplog.ui.widgets import common as widgets


def local_wall_clock(moment: datetime) -> datetime:
    """The wall-clock time a moment was entered in (its own offset), without seconds' fraction."""
    return moment.replace(tzinfo=None, microsecond=0)


def whole_minutes(edit: QDateTimeEdit) -> None:
    """Drop the seconds a start field hides: a time typed or guessed is meant to the minute.

    Without this, changing the hour of "now" kept the seconds of the moment the form opened
    (a cramp typed as 02:10 was saved at 02:10:59).
    """
    value = edit.dateTime()
    clock = value.time()
    if clock.second() or clock.msec():
        with QSignalBlocker(edit):
            edit.setDateTime(QDateTime(value.date(), QTime(clock.hour(), clock.minute())))


def to_qdatetime(moment: datetime) -> QDateTime:
    return QDateTime(
        QDate(moment.year, moment.month, moment.day),
        QTime(moment.hour, moment.minute, moment.second),
    )


def from_qdatetime(value: QDateTime) -> datetime:
    day = value.date()
    clock = value.time()
    return datetime.combine(
        date(day.year(), day.month(), day.day()),
        time(clock.hour(), clock.minute(), clock.second()),
    )


SIDE_ORDER = (Side.LEFT, Side.RIGHT, Side.BOTH, Side.NOT_APPLICABLE)

# Makes the hidden error label of one field, kept by the form under the field's name.
ErrorFor = Callable[[str], widgets.FieldError]


def caption(text: str, buddy: QWidget) -> QLabel:
    """A bold section caption whose mnemonic moves the focus to `buddy`."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setBuddy(buddy)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def no_wrap(label: QLabel) -> QLabel:
    label.setWordWrap(False)
    return label


def row_of(*parts: QWidget, stretch: bool = True) -> QWidget:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        row.addWidget(part)
    if stretch:
        row.addStretch(1)
    return holder


def left_aligned(button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row


def form_row(
    form: QFormLayout,
    text: str,
    buddy: QWidget,
    field: QWidget,
    error: widgets.FieldError | None = None,
) -> None:
    """A labelled row of the form; with `error`, the field's message sits under the field."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setBuddy(buddy)
    if error is None:
        form.addRow(label, field)
        return
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(field)
    column.addWidget(error)
    form.addRow(label, holder)


# The first three sections are rows of one form layout, not widgets of their own, so that
# their labels line up in one column as they always have.


class WhenAndWhat:
    """When it started (and its diary night), how long it lasted, which muscle, which side."""

    def __init__(self, form: QFormLayout, error: ErrorFor) -> None:
        self.start_edit = QDateTimeEdit()
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat(conventions.date_time_edit_pattern())
        self.start_edit.setAccessibleName(_("Start date and time"))
        self.night_label = widgets.MutedLabel()
        self.night_label.setObjectName("nightLabel")
        self.night_label.setAccessibleName(_("Diary night"))
        self.night_label.setWordWrap(False)
        form_row(
            form,
            _("&Started"),
            self.start_edit,
            row_of(self.start_edit, self.night_label, stretch=False),
            error("start"),
        )

        self.duration_min = widgets.OptionalSpinBox(99_999)
        self.duration_min.setAccessibleName(_("Duration, minutes"))
        self.duration_sec = widgets.OptionalSpinBox(59)
        self.duration_sec.setAccessibleName(_("Duration, seconds"))
        form_row(
            form,
            _("&Duration"),
            self.duration_min,
            row_of(
                self.duration_min,
                # Translators: after the minutes field of a duration ("1 min 30 s").
                widgets.plain_label(_("min"), wrap=False),
                self.duration_sec,
                # Translators: after the seconds field of a duration ("1 min 30 s").
                widgets.plain_label(_("s"), wrap=False),
                no_wrap(widgets.MutedLabel(_("(empty if unsure)"))),
            ),
            error("duration"),
        )

        self.muscle = widgets.MuscleCombo()
        self.muscle.setMinimumWidth(260)
        self.map_button = QPushButton(_("Show on the &body…"))
        self.map_button.setAutoDefault(False)
        self.map_button.setAccessibleName(_("Pick the muscle on a body map"))
        self.map_button.clicked.connect(self.open_body_map)
        self.body_map_dialog: BodyMapDialog | None = None
        form_row(
            form, _("&Muscle"), self.muscle, row_of(self.muscle, self.map_button), error("muscle")
        )
        self.side_picker = widgets.RadioRow(_("Side"), [(side.label, side) for side in SIDE_ORDER])
        self.side_buttons: dict[Side, QRadioButton] = {
            side: self.side_picker.button_for(side) for side in SIDE_ORDER
        }
        form_row(form, _("Side"), self.side_picker, self.side_picker)

    def tab_chain(self) -> list[QWidget]:
        return [
            self.start_edit,
            self.duration_min,
            self.duration_sec,
            self.muscle,
            self.map_button,
            *self.side_picker.buttons,
        ]

    def open_body_map(self) -> None:
        """Open the body map; a region picked there fills in the muscle and the side."""
        dialog = BodyMapDialog(
            self.muscle.label_of, self.muscle.code(), self.side(), parent=self.map_button.window()
        )
        self.body_map_dialog = dialog

        def take() -> None:
            if dialog.choice is not None:
                muscle, side = dialog.choice
                self.muscle.set_code(muscle)
                self.side_picker.set_value(side)
                self.muscle.setFocus()

        dialog.accepted.connect(take)
        dialog.open()

    def set_duration(self, seconds: int | None) -> None:
        if seconds is None:
            self.duration_min.set_number(None)
            self.duration_sec.set_number(None)
        else:
            minutes, secs = divmod(seconds, 60)
            self.duration_min.set_number(minutes)
            self.duration_sec.set_number(secs)

    def duration_s(self) -> int | None:
        minutes = self.duration_min.number()
        seconds = self.duration_sec.number()
        if minutes is None and seconds is None:
            return None
        return (minutes or 0) * 60 + (seconds or 0)

    def side(self) -> Side:
        side = self.side_picker.value()
        return side if isinstance(side, Side) else Side.NOT_APPLICABLE


class HowBad:
    """How strong it was (0–10) and whether it woke the person."""

    def __init__(self, form: QFormLayout, error: ErrorFor) -> None:
        self.intensity = widgets.ScalePicker(
            _("Intensity"), low_caption=_("0 = no pain"), high_caption=_("10 = worst")
        )
        form_row(form, _("&Intensity"), self.intensity.slider, self.intensity, error("intensity"))
        # Three answers, not a tick box: an unticked box would store "no" for a question
        # the person never answered, and "no" moves a cramp to the daytime figures.
        self.woke = widgets.ValueCombo()
        self.woke.setAccessibleName(_("Woke me from sleep"))
        self.woke.set_options([(_("Not recorded"), None), (_("Yes"), True), (_("No"), False)])
        form_row(form, _("&Woke me from sleep"), self.woke, self.woke)

    def tab_chain(self) -> list[QWidget]:
        return [self.intensity.slider, self.intensity.not_rated, self.woke]


class Context:
    """What the person was doing before it, and how well hydrated they were."""

    def __init__(
        self, form: QFormLayout, error: ErrorFor, activities: Sequence[tuple[str, str]]
    ) -> None:
        self.activity = widgets.ValueCombo()
        self.activity.setAccessibleName(_("Activity before it"))
        self.activity.set_options([(_("Not recorded"), None), *activities])
        form_row(form, _("&Activity before"), self.activity, self.activity, error("activity"))
        self.hydration = widgets.ValueCombo()
        self.hydration.setAccessibleName(_("Hydration at the time"))
        self.hydration.set_options(
            [(_("Not recorded"), None)] + [(level.label, level) for level in Hydration]
        )
        form_row(form, _("&Hydration"), self.hydration, self.hydration)

    def tab_chain(self) -> list[QWidget]:
        return [self.activity, self.hydration]


class _CaptionedSection(QWidget):
    """A caption over its parts, set as tightly as the form's other sections."""

    def _lay_out(self, heading: QLabel, *parts: QWidget | QLayout) -> None:
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addWidget(heading)
        for part in parts:
            if isinstance(part, QWidget):
                box.addWidget(part)
            else:
                box.addLayout(part)


class SymptomsSection(_CaptionedSection):
    """Symptoms alongside the cramp, the warning signs among them marked as such."""

    def __init__(self, error: ErrorFor) -> None:
        super().__init__()
        self.symptoms = widgets.ChecklistTree(_("Symptoms and warning signs"))
        self.symptoms.setMinimumHeight(180)
        self._lay_out(
            caption(_("S&ymptoms alongside it"), self.symptoms),
            widgets.MutedLabel(
                _(
                    "Items marked “warning sign” are worth mentioning to a doctor; "
                    "the Summary lists what the guidance says."
                )
            ),
            self.symptoms,
            error("symptoms"),
        )


class NotesSection(_CaptionedSection):
    """Anything else, in the person's words."""

    def __init__(self, error: ErrorFor) -> None:
        super().__init__()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setAccessibleName(_("Notes"))
        self.notes.setPlaceholderText(_("Anything else you noticed"))
        self.notes.setMinimumHeight(90)
        self._lay_out(caption(_("&Notes"), self.notes), self.notes, error("notes"))


class TriggersSection(_CaptionedSection):
    """What may have played a part, with a button to add the person's own trigger."""

    def __init__(self, error: ErrorFor) -> None:
        super().__init__()
        self.triggers = widgets.ChecklistTree(_("Suspected triggers"))
        self.triggers.setMinimumHeight(220)
        self.add_trigger = QPushButton(_("Add your own trigger…"))
        self.add_trigger.setAccessibleName(_("Add your own trigger"))
        self._lay_out(
            caption(_("Suspected &triggers"), self.triggers),
            widgets.MutedLabel(_("Tick anything that might have played a part.")),
            self.triggers,
            left_aligned(self.add_trigger),
            error("triggers"),
        )


class ReliefsSection(_CaptionedSection):
    """What the person tried and how well each worked, with a button to add their own."""

    def __init__(self, error: ErrorFor) -> None:
        super().__init__()
        self.reliefs = widgets.ReliefPicker()
        self.reliefs.setAccessibleName(_("Relief methods tried"))
        self.add_relief = QPushButton(_("Add your own relief…"))
        self.add_relief.setAccessibleName(_("Add your own relief method"))
        self.relief_caption = caption(_("What you tried, and how well it &worked"), self.reliefs)
        self._lay_out(
            self.relief_caption,
            self.reliefs,
            left_aligned(self.add_relief),
            error("reliefs"),
        )

    def point_caption(self) -> None:
        """The caption's mnemonic lands on the first method (or the add button if none)."""
        first = self.reliefs.first_box()
        self.relief_caption.setBuddy(first if first is not None else self.add_relief)

    def tab_chain(self) -> list[QWidget]:
        chain: list[QWidget] = []
        for code in self.reliefs.codes():
            chain.extend(self.reliefs.row_widgets(code))
        return [*chain, self.add_relief]
