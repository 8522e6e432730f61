"""The full episode form: every detail of one cramp, entered or edited by keyboard or mouse."""
# Over 400 lines because loading, reading, saving, own words and leaving all act on one dialog's
# fields; its sections (episode_sections) and its draft (episode_draft) already live apart.

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cramplog.core import nights
from cramplog.core.errors import CramplogError, ValidationError
from cramplog.core.records import (
    ChecklistKind,
    Episode,
    EpisodeInput,
    Side,
    VocabularyKind,
)
from cramplog.core.translation import _
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.forms import episode_draft
from cramplog.ui.forms import episode_sections as sections
from cramplog.ui.forms.episode_sections import (
    from_qdatetime,
    local_wall_clock,
    to_qdatetime,
    whole_minutes,
)
from cramplog.ui.preferences import Preferences
from cramplog.ui.widgets import common as widgets
from cramplog.ui.widgets.screen_fit import resize_within_screen


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
        # A cramp noted by date only stays so until the person sets a clock time here.
        self._time_noted_loaded = source.time_noted if source is not None else True
        self._start_as_loaded: datetime | None = None
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

        self.setWindowTitle(_("Edit a cramp") if episode is not None else _("Log a cramp"))
        self.setObjectName("episodeDialog")
        self._errors: dict[str, widgets.FieldError] = {}
        self._build()
        self._load(source)
        self._loading = False
        self._clean_state = self.draft_state()
        self._start_as_loaded = self._start_naive()
        resize_within_screen(self, 940, 700)
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

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        heading = widgets.plain_label(
            _("Edit a cramp") if self.episode is not None else _("Log a cramp"), wrap=False
        )
        heading.setFont(widgets.scaled_font(self.font(), 1.4, bold=True))
        outer.addWidget(heading)
        self.review_hint = widgets.MutedLabel(
            _("Logged quickly: add what you remember. Saving marks it as reviewed.")
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
        self._build_sections(left, right)

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
        self._build_buttons(outer)
        self._connect_changes()

    def _build_sections(self, left: QVBoxLayout, right: QVBoxLayout) -> None:
        """The form's sections: fields in a form on the left, the lists below and beside it."""
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(10)
        left.addLayout(form)
        activities = [
            (item.label, item.code) for item in self.diary.checklist.of_kind(ChecklistKind.ACTIVITY)
        ]
        self.when = sections.WhenAndWhat(form, self._error)
        self.how_bad = sections.HowBad(form, self._error)
        self.context = sections.Context(form, self._error, activities)
        symptoms = sections.SymptomsSection(self._error)
        notes = sections.NotesSection(self._error)
        left.addWidget(symptoms)
        left.addWidget(notes)
        # Right column: what may have caused it, and what helped.
        triggers = sections.TriggersSection(self._error)
        self.relief_section = sections.ReliefsSection(self._error)
        right.addWidget(triggers)
        right.addWidget(self.relief_section)
        triggers.add_trigger.clicked.connect(lambda: self._add_own(VocabularyKind.TRIGGER))
        self.relief_section.add_relief.clicked.connect(lambda: self._add_own(VocabularyKind.RELIEF))

        # The fields by name, as tests and the draft keeper reach them.
        self.start_edit = self.when.start_edit
        self.night_label = self.when.night_label
        self.duration_min = self.when.duration_min
        self.duration_sec = self.when.duration_sec
        self.muscle = self.when.muscle
        self.side_picker = self.when.side_picker
        self.side_buttons = self.when.side_buttons
        self.intensity = self.how_bad.intensity
        self.woke = self.how_bad.woke
        self.activity = self.context.activity
        self.hydration = self.context.hydration
        self.symptoms = symptoms.symptoms
        self.notes = notes.notes
        self.triggers = triggers.triggers
        self.add_trigger = triggers.add_trigger
        self.reliefs = self.relief_section.reliefs
        self.add_relief = self.relief_section.add_relief
        self.relief_caption = self.relief_section.relief_caption

    def _build_buttons(self, outer: QVBoxLayout) -> None:
        bottom = QHBoxLayout()
        bottom.addWidget(widgets.MutedLabel(_("Ctrl+Enter saves · Esc cancels")), 1)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = QPushButton(_("Save"))
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

    def _connect_changes(self) -> None:
        self.start_edit.dateTimeChanged.connect(self._start_typed)
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

    def _fill_choices(self) -> None:
        self.muscle.set_choices(
            widgets.vocabulary_groups(self.diary, ChecklistKind.MUSCLE, keep=self._keep)
        )
        self.triggers.set_choices(
            widgets.vocabulary_groups(self.diary, ChecklistKind.TRIGGER, keep=self._keep)
        )
        self.reliefs.set_choices(
            widgets.vocabulary_groups(self.diary, ChecklistKind.RELIEF, keep=self._keep)
        )
        self.symptoms.set_choices(
            widgets.vocabulary_groups(self.diary, ChecklistKind.SYMPTOM, keep=self._keep)
        )
        self.relief_section.point_caption()
        self._order_tabs()

    def _order_tabs(self) -> None:
        chain: list[QWidget] = [
            *self.when.tab_chain(),
            *self.how_bad.tab_chain(),
            *self.context.tab_chain(),
            self.symptoms,
            self.notes,
            self.triggers,
            self.add_trigger,
            *self.relief_section.tab_chain(),
            self.cancel_button,
            self.save_button,
        ]
        widgets.chain_tabs(chain)

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
            self.when.set_duration(source.duration_s)
            self.intensity.set_value(source.intensity)
            self.woke.set_value(source.woke_from_sleep)
            self.activity.set_value(source.activity)
            self.hydration.set_value(source.hydration)
            self.triggers.set_checked(source.triggers)
            self.reliefs.set_value(source.reliefs)
            self.symptoms.set_checked(source.symptoms)
            self.notes.setPlainText(source.notes)
        self._show_night()

    def duration_s(self) -> int | None:
        return self.when.duration_s()

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
        return self.when.side()

    def entry(self) -> EpisodeInput:
        """What the form holds as an EpisodeInput; ValidationError if the muscle is unclear."""
        muscle = self.muscle.code()
        if muscle is None:
            typed = self.muscle.currentText().strip()
            raise ValidationError(
                _("“{typed}” is not in the list of muscles; pick one from the list.").format(
                    typed=typed
                )
                if typed
                else _("Choose the muscle that cramped."),
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
            time_noted=self.time_noted(),
        )

    def _start_typed(self) -> None:
        if not self._loading:  # a loaded cramp keeps its timed seconds until the time changes
            whole_minutes(self.start_edit)

    def time_noted(self) -> bool:
        """False for a cramp noted by date only, until the person changes its clock time."""
        if self._time_noted_loaded or self._start_as_loaded is None:
            return self._time_noted_loaded
        return self._start_naive().time() != self._start_as_loaded.time()

    def _show_night(self) -> None:
        night = nights.night_of(self._start_naive(), self._boundary_hour)
        text = widgets.night_caption(night)
        if not self.time_noted():
            text += f" · {nights.TIME_NOT_NOTED}"
        self.night_label.setText(text)

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
        trigger = kind is VocabularyKind.TRIGGER
        field = "triggers" if trigger else "reliefs"
        self._errors[field].clear_message()
        typed = widgets.ask_text(
            self,
            _("Add your own trigger") if trigger else _("Add your own relief method"),
            _("Your trigger, in your words:")
            if trigger
            else _("Your relief method, in your words:"),
        )
        if typed is None or not typed.strip():
            return
        code = self._existing_code(kind, typed)
        if code is None:
            try:
                # Through the undo stack, like every other edit: Edit ▸ Undo takes it back.
                code = self.editor.add_own_word(kind, typed).code
            except CramplogError as exc:
                self.show_error(field, str(exc))
                return
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
            self, _("Discard this cramp entry? What you entered will be lost.")
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
        return episode_draft.state_of(self)

    def restore_draft(self, state: Mapping[str, object]) -> None:
        """Put a draft back into the form; values that no longer make sense are skipped."""
        self._loading = True
        try:
            known: set[str] = set()
            for kind in ("muscle", "trigger", "relief", "symptom"):
                known |= self.diary.codes(kind)
            self._keep.update(code for code in episode_draft.codes_named(state) if code in known)
            self._fill_choices()
            episode_draft.restore(self, state, known)
        finally:
            self._loading = False
        self._show_night()
        self.edited.emit()
