"""The quick log: a cramp saved in three actions at 3 a.m., its details left for the morning."""
# Over 400 lines because the quick log is one dialog whose three-action path (muscle from
# the map or buttons, the usual side, the prefilled time) must be read top to bottom.

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cramplog.core import conventions, nights
from cramplog.core.errors import CramplogError, ValidationError
from cramplog.core.records import ChecklistKind, Episode, EpisodeInput, Side
from cramplog.core.translation import N_, _
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.forms import quick_log_habits as habits
from cramplog.ui.forms.episode_form import EpisodeDialog
from cramplog.ui.forms.episode_sections import (
    SIDE_ORDER,
    from_qdatetime,
    local_wall_clock,
    to_qdatetime,
    whole_minutes,
)
from cramplog.ui.preferences import Preferences
from cramplog.ui.widgets import common as widgets
from cramplog.ui.widgets.body_map import BodyMapWidget
from cramplog.ui.widgets.mnemonics import with_mnemonics

OFFSETS: tuple[tuple[str, timedelta], ...] = (
    (N_("Now"), timedelta(0)),
    (N_("15 min ago"), timedelta(minutes=15)),
    (N_("30 min ago"), timedelta(minutes=30)),
    (N_("1 h ago"), timedelta(hours=1)),
)


class QuickLogDialog(QDialog):
    """Time (now, or a moment ago), muscle and side; Enter saves an entry marked to review."""

    def __init__(
        self,
        editor: DiaryEditor,
        preferences: Preferences,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.diary = editor.diary
        self.preferences = preferences
        self.saved_episode: Episode | None = None
        self.details_form: EpisodeDialog | None = None
        self._opened_at = self.diary.now()
        self._height_before_error: int | None = None
        self._boundary_hour = self.diary.boundary_hour
        self._offset: timedelta | None = timedelta(0)
        self._usual_sides: dict[str, Side] = {}
        self.setWindowTitle(_("Log a cramp"))
        self.setObjectName("quickLogDialog")
        self.setFont(widgets.scaled_font(self.font(), 1.2))
        self._build()
        self._load()

    # -- building -------------------------------------------------------------------------

    def _caption(self, text: str, buddy: QWidget) -> QLabel:
        label = widgets.plain_label(text, wrap=False)
        label.setFont(widgets.scaled_font(self.font(), 1.0, bold=True))
        label.setBuddy(buddy)
        return label

    def _big_button(self, text: str) -> QPushButton:
        button = widgets.ChoiceButton(text)
        button.setMinimumHeight(46)
        button.target_width = 110  # an easy target, and never narrower than its text
        return button

    # Over 60 lines: it lays out the widgets top to bottom in their tab order, one block
    # per row; splitting it would scatter one layout across methods.
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.setContentsMargins(20, 16, 20, 16)
        title = widgets.plain_label(_("Log a cramp"), wrap=False)
        title.setFont(widgets.scaled_font(self.font(), 1.35, bold=True))
        layout.addWidget(title)
        layout.addWidget(
            widgets.MutedLabel(
                _("Point to the muscle or pick it, then press Enter. Details can wait till later.")
            )
        )
        # The map beside the column of buttons: pointing picks muscle and side in one go.
        beside = QHBoxLayout()
        beside.setSpacing(16)
        self.body_map = BodyMapWidget(self._muscle_label, offer_other=False)
        # Small enough for the dialog to fit a 600-pixel screen with its title bar and a panel
        # (it was 578 px high, Save below the edge); the map scales up with the dialog.
        self.body_map.setMinimumSize(300, 360)
        self.body_map.picked.connect(self.choose_region)
        beside.addWidget(self.body_map, 1)
        column = QVBoxLayout()
        column.setSpacing(10)
        beside.addLayout(column, 1)
        layout.addLayout(beside, 1)
        outer = layout
        layout = column

        # Where
        self.muscle = widgets.MuscleCombo()
        self.muscle.setMinimumHeight(38)
        self.muscle_group = QButtonGroup(self)
        self.muscle_grid = QGridLayout()
        self.muscle_grid.setSpacing(8)
        self.muscle_buttons: dict[str, QPushButton] = {}
        self.where_caption = widgets.plain_label(_("Which muscle"), wrap=False)
        self.where_caption.setFont(widgets.scaled_font(self.font(), 1.0, bold=True))
        layout.addWidget(self.where_caption)
        layout.addLayout(self.muscle_grid)
        other = QHBoxLayout()
        other.addWidget(self._caption(_("&Other muscle:"), self.muscle))
        other.addWidget(self.muscle, 1)
        layout.addLayout(other)
        self.muscle_error = widgets.FieldError()
        self.muscle_error.setObjectName("muscleError")
        layout.addWidget(self.muscle_error)

        # Side
        self.side_group = QButtonGroup(self)
        self.side_buttons: dict[Side, QPushButton] = {}
        sides = QHBoxLayout()
        for side in SIDE_ORDER:
            button = self._big_button(side.label)
            button.setAccessibleName(_("Side: {label}").format(label=side.label))
            self.side_group.addButton(button)
            self.side_buttons[side] = button
            button.clicked.connect(lambda _checked=False: self._sync_muscle_buttons())
            sides.addWidget(button)
        layout.addSpacing(6)
        layout.addWidget(self._caption(_("&Side"), self.side_buttons[Side.LEFT]))
        layout.addLayout(sides)

        # When
        self.start_edit = QDateTimeEdit()
        self.start_edit.setDisplayFormat(conventions.date_time_edit_pattern())
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setAccessibleName(_("When it started"))
        self.start_edit.setMinimumHeight(40)
        self.night_label = widgets.MutedLabel()
        self.night_label.setObjectName("nightLabel")
        when = QHBoxLayout()
        when.addWidget(self.start_edit)
        when.addWidget(self.night_label, 1)
        self.offset_group = QButtonGroup(self)
        self.offset_buttons: dict[timedelta, QPushButton] = {}
        offsets = QHBoxLayout()
        for text, offset in OFFSETS:
            button = self._big_button(_(text))
            button.setMinimumHeight(38)
            button.setMinimumWidth(0)
            button.setAccessibleName(_("Started {text}").format(text=_(text).lower()))
            self.offset_group.addButton(button)
            self.offset_buttons[offset] = button
            button.clicked.connect(lambda _checked=False, o=offset: self.use_offset(o))
            offsets.addWidget(button)
        layout.addSpacing(6)
        layout.addWidget(self._caption(_("&When"), self.start_edit))
        layout.addLayout(when)
        layout.addLayout(offsets)
        self.start_error = widgets.FieldError()
        self.start_error.setObjectName("startError")
        layout.addWidget(self.start_error)

        self.general_error = widgets.FieldError()
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout = outer

        buttons = QHBoxLayout()
        self.details_button = QPushButton(_("More &details…"))
        self.details_button.setAutoDefault(False)
        self.details_button.clicked.connect(self.more_details)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = QPushButton(_("Save"))
        self.save_button.setDefault(True)
        self.save_button.setMinimumHeight(46)
        self.save_button.setMinimumWidth(140)
        self.save_button.setFont(widgets.scaled_font(self.font(), 1.1, bold=True))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.details_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

        self.start_edit.dateTimeChanged.connect(self._time_edited)
        self.muscle.currentIndexChanged.connect(self._sync_muscle_buttons)
        self.muscle.editTextChanged.connect(self._sync_muscle_buttons)

    def _muscle_label(self, code: str) -> str:
        return self.diary.label(code)

    def _load(self) -> None:
        groups = widgets.vocabulary_groups(self.diary, ChecklistKind.MUSCLE)
        self.muscle.set_choices(groups)
        offered = [choice.code for _, choices in groups for choice in choices]
        last = self.preferences.last_muscle
        recent = habits.recent_episodes(self.diary)
        self._usual_sides = habits.usual_sides(recent)
        codes = habits.common_muscles(recent, offered, last)
        labels = [self.muscle.label_of(code) for code in codes]
        # Letters the dialog's own mnemonics use: Other muscle, Side, When, More details.
        texts = with_mnemonics(labels, taken="oswd")
        for index, (code, label, text) in enumerate(zip(codes, labels, texts, strict=True)):
            button = self._big_button(text)
            button.setAccessibleName(_("Muscle: {label}").format(label=label))
            button.setMinimumWidth(0)
            button.clicked.connect(lambda _checked=False, c=code: self.choose_muscle(c))
            self.muscle_group.addButton(button)
            self.muscle_buttons[code] = button
            self.muscle_grid.addWidget(button, index // 2, index % 2)
        self.where_caption.setBuddy(next(iter(self.muscle_buttons.values()), self.muscle))
        self.muscle.set_code(last if last in offered else None)
        self._sync_muscle_buttons()
        side = self._usual_sides.get(last or "") or self.preferences.last_side
        self.set_side(side or self.preferences.default_side)
        self.use_offset(timedelta(0))
        self._order_tabs()
        focus = next((b for b in self.muscle_buttons.values() if b.isChecked()), None)
        (focus or next(iter(self.muscle_buttons.values()), self.muscle)).setFocus()

    def _order_tabs(self) -> None:
        chain: list[QWidget] = [
            *self.muscle_buttons.values(),
            self.muscle,
            *self.body_map.tab_chain(),
            *self.side_buttons.values(),
            self.start_edit,
            *self.offset_buttons.values(),
            self.details_button,
            self.cancel_button,
            self.save_button,
        ]
        widgets.chain_tabs(chain)

    # -- choosing ---------------------------------------------------------------------------

    def use_offset(self, offset: timedelta) -> None:
        """Set the start to the moment the log was opened, less `offset`."""
        self._offset = offset
        moment = local_wall_clock(self._moment(offset))
        with QSignalBlocker(self.start_edit):
            self.start_edit.setDateTime(to_qdatetime(moment))
        self.offset_buttons[offset].setChecked(True)
        self._show_night()

    def _moment(self, offset: timedelta) -> datetime:
        """The moment `offset` before the log was opened, with the UTC offset in force then.

        The subtraction is done in UTC, so "1 h ago" is an hour ago even across a clock change.
        """
        earlier = self._opened_at.astimezone(UTC) - offset
        if offset:  # "15 min ago" is a guess to the minute: no seconds nobody can see
            earlier = earlier.replace(second=0, microsecond=0)
        zone = self._opened_at.tzinfo
        return earlier.astimezone(zone) if isinstance(zone, ZoneInfo) else earlier.astimezone()

    def _time_edited(self) -> None:
        # Typed by hand: no offset button describes it any more.
        whole_minutes(self.start_edit)
        self._offset = None
        self.offset_group.setExclusive(False)
        for button in self.offset_buttons.values():
            button.setChecked(False)
        self.offset_group.setExclusive(True)
        self._show_night()

    def _show_night(self) -> None:
        night = nights.night_of(from_qdatetime(self.start_edit.dateTime()), self._boundary_hour)
        self.night_label.setText(widgets.night_caption(night))

    def choose_muscle(self, code: str) -> None:
        """A muscle picked by its button or name: the side becomes the usual one for it."""
        regions = [b.region.side for b in self.body_map.regions if b.region.muscle == code]
        if regions == [Side.NOT_APPLICABLE]:
            self.set_side(Side.NOT_APPLICABLE)  # the neck or the face has no side to pick
        elif code in self._usual_sides:
            self.set_side(self._usual_sides[code])
        self.muscle.set_code(code)
        self.muscle_error.clear_message()
        self._give_back_error_space()

    def _give_back_error_space(self) -> None:
        """Once no message shows, return to the height the dialog had before one did: the
        layout's stretch would otherwise keep the cleared message's space as a blank gap."""
        errors = (self.start_error, self.muscle_error, self.general_error)
        if self._height_before_error is None or any(not e.isHidden() for e in errors):
            return
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.resize(self.width(), max(self._height_before_error, self.minimumSizeHint().height()))
        self._height_before_error = None

    def choose_region(self, code: str, side: Side) -> None:
        """A region of the body map: its muscle and side together."""
        self.muscle.set_code(code)
        self.set_side(side)
        self.muscle_error.clear_message()

    def set_side(self, side: Side) -> None:
        self.side_buttons[side].setChecked(True)
        self.body_map.set_choice(self.muscle.code(), side)

    def _sync_muscle_buttons(self, *_args: object) -> None:
        code = self.muscle.code()
        self.muscle_group.setExclusive(False)
        for button_code, button in self.muscle_buttons.items():
            button.setChecked(button_code == code)
        self.muscle_group.setExclusive(True)
        self.body_map.set_choice(code, self.side())

    def side(self) -> Side:
        return next(
            (side for side, button in self.side_buttons.items() if button.isChecked()),
            Side.NOT_APPLICABLE,
        )

    def start(self) -> datetime:
        if self._offset is not None:
            return self._moment(self._offset)
        naive = from_qdatetime(self.start_edit.dateTime())
        zone = self._opened_at.tzinfo
        return naive.replace(tzinfo=zone) if isinstance(zone, ZoneInfo) else naive

    def entry(self) -> EpisodeInput:
        return EpisodeInput(
            start=self.start(),
            muscle=self.muscle.code() or "",
            side=self.side(),
            activity=self.preferences.default_activity,
            to_review=True,
        )

    # -- saving -----------------------------------------------------------------------------

    def save(self) -> None:
        for error in (self.start_error, self.muscle_error, self.general_error):
            error.clear_message()
        entry = self.entry()
        if not entry.muscle:
            typed = self.muscle.currentText().strip()
            self._show_error(
                "muscle",
                _("“{typed}” is not in the list of muscles; pick one from the list.").format(
                    typed=typed
                )
                if typed
                else _("Choose the muscle that cramped."),
            )
            return
        try:
            saved = self.editor.add_episode(entry)
        except ValidationError as exc:
            self._show_error(exc.field, str(exc))
            return
        except CramplogError as exc:
            self._show_error(None, str(exc))
            return
        self.saved_episode = saved
        self.preferences.last_muscle = saved.muscle
        self.preferences.last_side = saved.side
        self.accept()

    def _show_error(self, field: str | None, message: str) -> None:
        if self._height_before_error is None:
            self._height_before_error = self.height()
        if field in ("start", "duration"):
            self.start_error.show_message(message)
            self.start_edit.setFocus()
        elif field == "muscle":
            self.muscle_error.show_message(message)
            self.muscle.setFocus()
        else:
            self.general_error.show_message(message)

    def more_details(self) -> None:
        """Swap this dialog for the full form, carrying over what was chosen here."""
        entry = self.entry()
        form = EpisodeDialog(
            self.editor,
            self.preferences,
            initial=EpisodeInput(
                start=entry.start,
                muscle=entry.muscle,
                side=entry.side,
                activity=entry.activity,
            ),
            parent=self.parentWidget(),
        )
        self.details_form = form
        form.finished.connect(self._details_finished)
        self.hide()
        form.open()

    def _details_finished(self, result: int) -> None:
        form = self.details_form
        if form is not None and result == QDialog.DialogCode.Accepted.value:
            self.saved_episode = form.saved_episode
            self.accept()
        else:
            self.reject()
