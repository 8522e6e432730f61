"""The full episode form: every detail of one cramp, entered or edited by keyboard or mouse."""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QSignalBlocker, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cramplog.core import nights
from cramplog.core.errors import CramplogError, ValidationError
from cramplog.core.records import (
    Episode,
    EpisodeInput,
    Hydration,
    ReliefRating,
    Side,
    VocabularyKind,
)
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.preferences import Preferences
from cramplog.ui.widgets import common as widgets

DRAFT_VERSION = 1
SIDE_ORDER = (Side.LEFT, Side.RIGHT, Side.BOTH, Side.NOT_APPLICABLE)


def local_wall_clock(moment: datetime) -> datetime:
    """The wall-clock time a moment was entered in (its own offset), without seconds' fraction."""
    return moment.replace(tzinfo=None, microsecond=0)


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


class EpisodeDialog(QDialog):
    """Log a new cramp with every detail, or edit a stored one.

    `initial` carries values not yet saved (from the quick log or the stopwatch), so
    cancelling such a form asks first. Saving from here marks a quick-logged entry reviewed.
    """

    edited = Signal()

    def __init__(
        self,
        editor: DiaryEditor,
        preferences: Preferences,
        *,
        episode: Episode | None = None,
        initial: EpisodeInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.diary = editor.diary
        self.preferences = preferences
        self.episode = episode
        self.saved_episode: Episode | None = None
        self._boundary_hour = self.diary.boundary_hour
        self._loading = True
        source = episode.as_input() if episode is not None else initial
        self._carries_unsaved = episode is None and initial is not None
        self._original_start = source.start if source is not None else None
        self._keep: set[str] = set()
        if source is not None:
            self._keep.update(
                (
                    source.muscle,
                    *source.triggers,
                    *source.symptoms,
                    *(code for code, _ in source.reliefs),
                )
            )
            self._keep.discard("")

        self.setWindowTitle("Edit a cramp" if episode is not None else "Log a cramp")
        self.setObjectName("episodeDialog")
        self._errors: dict[str, widgets.FieldError] = {}
        self._build()
        self._load(source)
        self._loading = False
        self._clean_state = self.draft_state()
        self._start_as_loaded = self._start_naive()
        self.resize(940, 700)
        (self.start_edit if episode is not None else self.muscle).setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Widgets only know their true minimum once shown and laid out, so measure after that.
        # The dialog as context: the call is dropped if the dialog is gone by then.
        QTimer.singleShot(0, self, self._fit_width)

    def _fit_width(self) -> None:
        """Never a sideways scroll bar: the form narrows no further than its content allows."""
        self.scroll_area.setMinimumWidth(
            self.content.minimumSizeHint().width()
            + self.scroll_area.verticalScrollBar().sizeHint().width()
        )

    # -- building -------------------------------------------------------------------------

    def _error(self, field: str) -> widgets.FieldError:
        return widgets.field_error(self._errors, field)

    def _caption(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setBuddy(buddy)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _section(self, column: QVBoxLayout, caption: QLabel, *parts: QWidget | Any) -> None:
        box = QVBoxLayout()
        box.setSpacing(4)
        box.addWidget(caption)
        for part in parts:
            if isinstance(part, QWidget):
                box.addWidget(part)
            else:
                box.addLayout(part)
        column.addLayout(box)

    @staticmethod
    def _no_wrap(label: QLabel) -> QLabel:
        label.setWordWrap(False)
        return label

    def _row_of(self, *parts: QWidget, stretch: bool = True) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        for part in parts:
            row.addWidget(part)
        if stretch:
            row.addStretch(1)
        return holder

    def _form_row(
        self,
        form: QFormLayout,
        text: str,
        buddy: QWidget,
        field: QWidget,
        error: str | None = None,
    ) -> None:
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
        column.addWidget(self._error(error))
        form.addRow(label, holder)

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        heading = widgets.plain_label(
            "Edit a cramp" if self.episode is not None else "Log a cramp", wrap=False
        )
        heading.setFont(widgets.scaled_font(self.font(), 1.4, bold=True))
        outer.addWidget(heading)
        self.review_hint = widgets.MutedLabel(
            "Logged quickly: add what you remember. Saving marks it as reviewed."
        )
        self.review_hint.setVisible(self.episode is not None and self.episode.to_review)
        outer.addWidget(self.review_hint)

        content = QWidget()
        columns = QHBoxLayout(content)
        columns.setContentsMargins(0, 0, 8, 0)
        columns.setSpacing(24)
        left = QVBoxLayout()
        left.setSpacing(12)
        right = QVBoxLayout()
        right.setSpacing(12)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(10)
        left.addLayout(form)

        # When
        self.start_edit = QDateTimeEdit()
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("d MMM yyyy  HH:mm")
        self.start_edit.setAccessibleName("Start date and time")
        self.night_label = widgets.MutedLabel()
        self.night_label.setObjectName("nightLabel")
        self.night_label.setAccessibleName("Diary night")
        self.night_label.setWordWrap(False)
        self._form_row(
            form,
            "&Started",
            self.start_edit,
            self._row_of(self.start_edit, self.night_label, stretch=False),
            "start",
        )

        self.duration_min = widgets.OptionalSpinBox(99_999)
        self.duration_min.setAccessibleName("Duration, minutes")
        self.duration_sec = widgets.OptionalSpinBox(59)
        self.duration_sec.setAccessibleName("Duration, seconds")
        self._form_row(
            form,
            "&Duration",
            self.duration_min,
            self._row_of(
                self.duration_min,
                widgets.plain_label("min", wrap=False),
                self.duration_sec,
                widgets.plain_label("s", wrap=False),
                self._no_wrap(widgets.MutedLabel("(empty if unsure)")),
            ),
            "duration",
        )

        # Where
        self.muscle = widgets.MuscleCombo()
        self.muscle.setMinimumWidth(260)
        self._form_row(form, "&Muscle", self.muscle, self.muscle, "muscle")
        self.side_picker = widgets.RadioRow("Side", [(side.label, side) for side in SIDE_ORDER])
        self.side_buttons: dict[Side, QRadioButton] = {
            side: self.side_picker.button_for(side) for side in SIDE_ORDER
        }
        self._form_row(form, "Side", self.side_picker, self.side_picker)

        # How bad
        self.intensity = widgets.ScalePicker(
            "Intensity", low_caption="0 = no pain", high_caption="10 = worst"
        )
        self._form_row(form, "&Intensity", self.intensity.slider, self.intensity, "intensity")
        # Three answers, not a tick box: an unticked box would store "no" for a question
        # the person never answered, and "no" moves a cramp to the daytime figures.
        self.woke = widgets.ValueCombo()
        self.woke.setAccessibleName("Woke me from sleep")
        self.woke.set_options([("Not recorded", None), ("Yes", True), ("No", False)])
        self._form_row(form, "&Woke me from sleep", self.woke, self.woke)

        # Context
        self.activity = widgets.ValueCombo()
        self.activity.setAccessibleName("Activity before it")
        self.activity.set_options(
            [("Not recorded", None)]
            + [(item.label, item.code) for item in self.diary.checklist.of_kind("activity")]
        )
        self._form_row(form, "&Activity before", self.activity, self.activity, "activity")
        self.hydration = widgets.ValueCombo()
        self.hydration.setAccessibleName("Hydration at the time")
        self.hydration.set_options(
            [("Not recorded", None)] + [(level.label, level) for level in Hydration]
        )
        self._form_row(form, "&Hydration", self.hydration, self.hydration)

        self.symptoms = widgets.ChecklistTree("Symptoms and warning signs")
        self.symptoms.setMinimumHeight(180)
        self._section(
            left,
            self._caption("S&ymptoms alongside it", self.symptoms),
            widgets.MutedLabel(
                "Items marked “warning sign” are worth mentioning to a doctor; "
                "the Summary lists what the guidance says."
            ),
            self.symptoms,
            self._error("symptoms"),
        )

        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setAccessibleName("Notes")
        self.notes.setPlaceholderText("Anything else you noticed")
        self.notes.setMinimumHeight(90)
        self._section(left, self._caption("&Notes", self.notes), self.notes, self._error("notes"))

        # Right column: what may have caused it, and what helped.
        self.triggers = widgets.ChecklistTree("Suspected triggers")
        self.triggers.setMinimumHeight(220)
        self.add_trigger = QPushButton("Add your own trigger…")
        self.add_trigger.setAccessibleName("Add your own trigger")
        self.add_trigger.clicked.connect(lambda: self._add_own(VocabularyKind.TRIGGER))
        self._section(
            right,
            self._caption("Suspected &triggers", self.triggers),
            widgets.MutedLabel("Tick anything that might have played a part."),
            self.triggers,
            self._left_aligned(self.add_trigger),
            self._error("triggers"),
        )

        self.reliefs = widgets.ReliefPicker()
        self.reliefs.setAccessibleName("Relief methods tried")
        self.add_relief = QPushButton("Add your own relief…")
        self.add_relief.setAccessibleName("Add your own relief method")
        self.add_relief.clicked.connect(lambda: self._add_own(VocabularyKind.RELIEF))
        self.relief_caption = self._caption("What you tried, and how well it &worked", self.reliefs)
        self._section(
            right,
            self.relief_caption,
            self.reliefs,
            self._left_aligned(self.add_relief),
            self._error("reliefs"),
        )

        scroll = QScrollArea()
        scroll.setObjectName("episodeScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(content)
        self.content = content
        self.scroll_area = scroll
        outer.addWidget(scroll, 1)

        outer.addWidget(self._error("general"))
        bottom = QHBoxLayout()
        bottom.addWidget(widgets.MutedLabel("Ctrl+Enter saves · Esc cancels"), 1)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = QPushButton("Save")
        self.save_button.setMinimumWidth(110)
        self.save_button.clicked.connect(self.save)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.save_button)
        outer.addLayout(bottom)

        # Enter belongs to the fields here (notes, the muscle search); Ctrl+Enter saves.
        for push in self.findChildren(QPushButton):
            push.setAutoDefault(False)
            push.setDefault(False)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self.save)

        self.start_edit.dateTimeChanged.connect(self._show_night)
        for signal in (
            self.start_edit.dateTimeChanged,
            self.duration_min.valueChanged,
            self.duration_sec.valueChanged,
            self.muscle.editTextChanged,
            self.muscle.currentIndexChanged,
            self.side_picker.changed,
            self.intensity.changed,
            self.woke.currentIndexChanged,
            self.activity.currentIndexChanged,
            self.hydration.currentIndexChanged,
            self.notes.textChanged,
            self.triggers.changed,
            self.reliefs.changed,
            self.symptoms.changed,
        ):
            signal.connect(self._changed)

    def _left_aligned(self, button: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        return row

    def _fill_choices(self) -> None:
        self.muscle.set_choices(widgets.vocabulary_groups(self.diary, "muscle", keep=self._keep))
        self.triggers.set_choices(widgets.vocabulary_groups(self.diary, "trigger", keep=self._keep))
        self.reliefs.set_choices(widgets.vocabulary_groups(self.diary, "relief", keep=self._keep))
        self.symptoms.set_choices(widgets.vocabulary_groups(self.diary, "symptom", keep=self._keep))
        first_relief = self.reliefs.first_box()
        self.relief_caption.setBuddy(first_relief if first_relief is not None else self.add_relief)
        self._order_tabs()

    def _order_tabs(self) -> None:
        chain: list[QWidget] = [
            self.start_edit,
            self.duration_min,
            self.duration_sec,
            self.muscle,
            *self.side_picker.buttons,
            self.intensity.slider,
            self.intensity.not_rated,
            self.woke,
            self.activity,
            self.hydration,
            self.symptoms,
            self.notes,
            self.triggers,
            self.add_trigger,
        ]
        for code in self.reliefs.codes():
            chain.extend(self.reliefs.row_widgets(code))
        chain += [self.add_relief, self.cancel_button, self.save_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- loading and reading ----------------------------------------------------------------

    def _load(self, source: EpisodeInput | None) -> None:
        self._fill_choices()
        if source is None:
            now = local_wall_clock(self.diary.now())
            self.start_edit.setDateTime(to_qdatetime(now))
            self.muscle.set_code(self.preferences.last_muscle)
            side = self.preferences.last_side or self.preferences.default_side
            self.side_picker.set_value(side)
            self.activity.set_value(self.preferences.default_activity)
        else:
            self.start_edit.setDateTime(to_qdatetime(local_wall_clock(source.start)))
            self.muscle.set_code(source.muscle or self.preferences.last_muscle)
            self.side_picker.set_value(source.side)
            self._set_duration(source.duration_s)
            self.intensity.set_value(source.intensity)
            self.woke.set_value(source.woke_from_sleep)
            self.activity.set_value(source.activity)
            self.hydration.set_value(source.hydration)
            self.triggers.set_checked(source.triggers)
            self.reliefs.set_value(source.reliefs)
            self.symptoms.set_checked(source.symptoms)
            self.notes.setPlainText(source.notes)
        self._show_night()

    def _set_duration(self, seconds: int | None) -> None:
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

    def _start_naive(self) -> datetime:
        return from_qdatetime(self.start_edit.dateTime())

    def start(self) -> datetime:
        """The start as entered: unchanged, it keeps its stored offset to the second."""
        naive = self._start_naive()
        if self._original_start is not None and naive == self._start_as_loaded:
            return self._original_start
        zone = self.diary.now().tzinfo
        # A named zone knows the offset at any date; otherwise a naive time is read as the
        # computer's local time with the offset in force then (see records.EpisodeInput).
        return naive.replace(tzinfo=zone) if isinstance(zone, ZoneInfo) else naive

    def side(self) -> Side:
        side = self.side_picker.value()
        return side if isinstance(side, Side) else Side.NOT_APPLICABLE

    def entry(self) -> EpisodeInput:
        """What the form holds as an EpisodeInput; ValidationError if the muscle is unclear."""
        muscle = self.muscle.code()
        if muscle is None:
            typed = self.muscle.currentText().strip()
            raise ValidationError(
                f"“{typed}” is not in the list of muscles; pick one from the list."
                if typed
                else "Choose the muscle that cramped.",
                field="muscle",
            )
        return EpisodeInput(
            start=self.start(),
            muscle=muscle,
            side=self.side(),
            duration_s=self.duration_s(),
            intensity=self.intensity.value(),
            woke_from_sleep=self.woke.value(),
            activity=self.activity.value(),
            hydration=self.hydration.value(),
            triggers=tuple(self.triggers.checked()),
            reliefs=self.reliefs.value(),
            symptoms=tuple(self.symptoms.checked()),
            notes=self.notes.toPlainText(),
            to_review=False,
            # The form shows both checklists, so nothing ticked there means "none".
            triggers_asked=True,
            reliefs_asked=True,
        )

    def _show_night(self) -> None:
        night = nights.night_of(self._start_naive(), self._boundary_hour)
        self.night_label.setText(widgets.night_caption(night))

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()

    # -- saving -----------------------------------------------------------------------------

    def save(self) -> None:
        self._clear_errors()
        try:
            entry = self.entry()
            if self.episode is not None:
                saved = self.editor.update_episode(self.episode.id, entry)
            else:
                saved = self.editor.add_episode(entry)
        except ValidationError as exc:
            self.show_error(exc.field, str(exc))
            return
        except CramplogError as exc:
            self.show_error(None, str(exc))
            return
        self.saved_episode = saved
        self.preferences.last_muscle = saved.muscle
        self.preferences.last_side = saved.side
        self.accept()

    def _focus_for(self, field: str) -> QWidget:
        first_relief = self.reliefs.first_box()
        targets: dict[str, QWidget] = {
            "start": self.start_edit,
            "duration": self.duration_min,
            "muscle": self.muscle,
            "intensity": self.intensity.slider,
            "activity": self.activity,
            "triggers": self.triggers,
            "reliefs": first_relief if first_relief is not None else self.add_relief,
            "symptoms": self.symptoms,
            "notes": self.notes,
        }
        return targets.get(field, self.save_button)

    def show_error(self, field: str | None, message: str) -> None:
        """Show `message` beside the field at fault and move the focus there."""
        widgets.show_field_error(
            self._errors, field, message, focus_for=self._focus_for, scroll_area=self.scroll_area
        )

    def _clear_errors(self) -> None:
        for key, error in self._errors.items():
            if error.isVisible() or error.text():
                error.clear_message()
                self._focus_for(key).setAccessibleDescription("")

    def visible_errors(self) -> dict[str, str]:
        return {key: error.text() for key, error in self._errors.items() if error.text()}

    # -- your own words ---------------------------------------------------------------------

    def _add_own(self, kind: VocabularyKind) -> None:
        what = "trigger" if kind is VocabularyKind.TRIGGER else "relief method"
        field = "triggers" if kind is VocabularyKind.TRIGGER else "reliefs"
        self._errors[field].clear_message()
        typed = widgets.ask_text(self, f"Add your own {what}", f"Your {what}, in your words:")
        if typed is None or not typed.strip():
            return
        code = self._existing_code(kind, typed)
        if code is None:
            try:
                code = self.diary.add_custom_item(kind, typed).code
            except CramplogError as exc:
                self.show_error(field, str(exc))
                return
            self.editor.vocabulary_changed()
        self._keep.add(code)
        if kind is VocabularyKind.TRIGGER:
            ticked = self.triggers.checked()
            self._fill_choices()
            self.triggers.set_checked([*ticked, code])
            item = self.triggers.item_for(code)
            if item is not None:
                self.triggers.setCurrentItem(item)
                self.triggers.scrollToItem(item)
            self.triggers.setFocus()
        else:
            chosen = self.reliefs.value()
            self._fill_choices()
            self.reliefs.set_value([*chosen, (code, None)])
            box, _rating = self.reliefs.row_widgets(code)
            box.setFocus()
            self.scroll_area.ensureWidgetVisible(box)

    def _existing_code(self, kind: VocabularyKind, typed: str) -> str | None:
        """A word already known under this label (built-in or own), so it is ticked, not doubled."""
        wanted = " ".join(typed.split()).casefold()
        for item in self.diary.checklist.of_kind(kind.value):
            if item.label.casefold() == wanted:
                return item.code
        for own in self.diary.custom_items(kind):
            if own.label.casefold() == wanted:
                return own.code
        return None

    # -- leaving ----------------------------------------------------------------------------

    def is_changed(self) -> bool:
        return self._carries_unsaved or self.draft_state() != self._clean_state

    def reject(self) -> None:
        if self.is_changed() and not widgets.confirm_discard(
            self, "Discard this cramp entry? What you entered will be lost."
        ):
            return
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Buttons here are not auto-default (so Enter in a field never saves by accident);
        # Enter on a focused button still presses it, as people expect.
        focused = self.focusWidget()
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and isinstance(focused, QPushButton)
        ):
            focused.click()
            return
        super().keyPressEvent(event)

    # -- drafts -----------------------------------------------------------------------------

    def draft_state(self) -> dict[str, object]:
        """Everything typed so far, as JSON-friendly values (for the draft keeper)."""
        return {
            "version": DRAFT_VERSION,
            "episode_uuid": self.episode.uuid if self.episode is not None else None,
            "start": self._start_naive().isoformat(),
            "duration_min": self.duration_min.number(),
            "duration_sec": self.duration_sec.number(),
            "muscle": self.muscle.code(),
            "muscle_text": self.muscle.currentText(),
            "side": self.side().value,
            "intensity": self.intensity.value(),
            "woke_from_sleep": self.woke.value(),
            "activity": self.activity.value(),
            "hydration": None if self.hydration.value() is None else str(self.hydration.value()),
            "triggers": self.triggers.checked(),
            "reliefs": [
                [code, None if rating is None else rating.value]
                for code, rating in self.reliefs.value()
            ],
            "symptoms": self.symptoms.checked(),
            "notes": self.notes.toPlainText(),
        }

    def restore_draft(self, state: Mapping[str, object]) -> None:
        """Put a draft back into the form; values that no longer make sense are skipped."""
        self._loading = True
        try:
            self._restore(state)
        finally:
            self._loading = False
        self._show_night()
        self.edited.emit()

    def _restore(self, state: Mapping[str, object]) -> None:
        codes = [
            *_strings(state.get("triggers")),
            *_strings(state.get("symptoms")),
            *(code for code, _ in _relief_pairs(state.get("reliefs"))),
        ]
        muscle = state.get("muscle")
        if isinstance(muscle, str) and muscle:
            codes.append(muscle)
        known: set[str] = set()
        for kind in ("muscle", "trigger", "relief", "symptom"):
            known |= self.diary.codes(kind)
        self._keep.update(code for code in codes if code in known)
        self._fill_choices()

        start = state.get("start")
        if isinstance(start, str):
            with contextlib.suppress(ValueError):
                self.start_edit.setDateTime(to_qdatetime(datetime.fromisoformat(start)))
        self.duration_min.set_number(_whole(state.get("duration_min")))
        self.duration_sec.set_number(_whole(state.get("duration_sec")))
        if isinstance(muscle, str) and muscle in known:
            self.muscle.set_code(muscle)
        else:
            text = state.get("muscle_text")
            with QSignalBlocker(self.muscle):
                self.muscle.setCurrentIndex(-1)
            self.muscle.setEditText(text if isinstance(text, str) else "")
        side = state.get("side")
        if isinstance(side, str) and side in {s.value for s in Side}:
            self.side_picker.set_value(Side(side))
        intensity = _whole(state.get("intensity"))
        self.intensity.set_value(intensity if intensity is None or intensity <= 10 else None)
        woke = state.get("woke_from_sleep")
        self.woke.set_value(woke if isinstance(woke, bool) else None)
        activity = state.get("activity")
        self.activity.set_value(activity if isinstance(activity, str) else None)
        hydration = state.get("hydration")
        self.hydration.set_value(
            Hydration(hydration)
            if isinstance(hydration, str) and hydration in {h.value for h in Hydration}
            else None
        )
        self.triggers.set_checked(_strings(state.get("triggers")))
        self.reliefs.set_value(_relief_pairs(state.get("reliefs")))
        self.symptoms.set_checked(_strings(state.get("symptoms")))
        notes = state.get("notes")
        self.notes.setPlainText(notes if isinstance(notes, str) else "")


def _strings(value: object) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _whole(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _relief_pairs(value: object) -> list[tuple[str, ReliefRating | None]]:
    pairs: list[tuple[str, ReliefRating | None]] = []
    if not isinstance(value, list):
        return pairs
    ratings = {rating.value: rating for rating in ReliefRating}
    for entry in value:
        if isinstance(entry, list | tuple) and len(entry) == 2 and isinstance(entry[0], str):
            rating = entry[1]
            pairs.append((entry[0], ratings.get(rating) if isinstance(rating, str) else None))
    return pairs
