"""The morning review of one night: its cramps, "no cramps" in one click, the day's factors, and
"I logged every cramp" over a stretch of nights."""
# Over 400 lines because building, loading, reading and saving the night's factors all act on one
# dialog's fields; its reminder banner (review_banner) already lives apart.

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cramplog.core import conventions, recorded, units, wording
from cramplog.core.errors import CramplogError, ValidationError
from cramplog.core.records import DayFactors, Episode, EpisodeFilter, Exercise, SpanSource
from cramplog.core.translation import N_, _, n_
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.forms.review_banner import ReviewBanner
from cramplog.ui.preferences import Preferences
from cramplog.ui.widgets import common as widgets
from cramplog.ui.widgets.screen_fit import resize_within_screen

__all__ = ["NightReviewDialog", "ReviewBanner", "describe_episode"]

if TYPE_CHECKING:
    from cramplog.diary.view import DiaryView

YES_NO: tuple[tuple[str, bool | None], ...] = (
    (N_("Not recorded"), None),
    (N_("Yes"), True),
    (N_("No"), False),
)
# The stretch offered first: the week up to the night reviewed.
SPAN_NIGHTS = 7
SPAN_QUESTION = N_("Logged every cramp over several nights? Count them all as recorded:")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(chosen: QDate) -> date:
    return date(chosen.year(), chosen.month(), chosen.day())


def describe_episode(diary: DiaryView, episode: Episode) -> str:
    """One plain line about a cramp: 'Thu 02:10 — Calf, left · intensity 7 · 1 min 35 s'."""
    parts = [diary.label(episode.muscle)]
    where = f"{parts[0]}, {episode.side.label.lower()}" if episode.side.value != "n/a" else parts[0]
    details = [where]
    if episode.intensity is not None:
        details.append(f"intensity {episode.intensity}")
    if episode.duration_s is not None:
        details.append(wording.duration(episode.duration_s, missing=_("duration not recorded")))
    if episode.woke_from_sleep:
        details.append(_("woke you"))
    if episode.to_review:
        details.append(_("details still to add"))
    when = (
        f"{wording.weekday_short(episode.start_local)} {wording.clock(episode.start_local)}"
        if episode.time_noted
        else episode.clock_text.capitalize()
    )
    return f"{when} — " + " · ".join(details)


class NightReviewDialog(QDialog):
    """ "How was the night of …?": mark it cramp-free, or record how the day went."""

    def __init__(
        self,
        editor: DiaryEditor,
        preferences: Preferences,
        night: date,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.diary = editor.diary
        self.preferences = preferences
        self.night = night
        self.unit = preferences.fluid_unit or conventions.current().fluid_unit
        self.saved_factors: DayFactors | None = None
        day = self.diary.get_day(night)
        self._loaded = day.factors if day is not None else DayFactors()
        self.episodes = self.diary.list_episodes(EpisodeFilter(first_night=night, last_night=night))
        self._errors: dict[str, widgets.FieldError] = {}
        self.setWindowTitle(_("Review a night"))
        self.setObjectName("nightReviewDialog")
        self._build()
        self._load(self._loaded)
        self._clean = self.factors()
        resize_within_screen(self, 660, 700)

    # -- building -------------------------------------------------------------------------

    def _error(self, field: str) -> widgets.FieldError:
        return widgets.field_error(self._errors, field)

    def _with_error(self, field: str, *parts: QWidget | str) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for part in parts:
            row.addWidget(widgets.plain_label(part, wrap=False) if isinstance(part, str) else part)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self._error(field))
        return holder

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setSpacing(10)
        title = widgets.plain_label(
            _("How was the night of {night}?").format(night=widgets.long_day(self.night))
        )
        title.setObjectName("reviewTitle")
        title.setFont(widgets.scaled_font(self.font(), 1.4, bold=True))
        outer.addWidget(title)
        self._build_night(outer)
        outer.addWidget(self._error("night_of"))
        outer.addWidget(self._build_span())
        outer.addWidget(self._build_factors(), 1)
        outer.addWidget(self._error("general"))
        outer.addLayout(self._build_buttons())

    def _build_night(self, outer: QVBoxLayout) -> None:
        """That night's cramps, and the one-click "none"."""
        cramps = QLabel()
        cramps.setTextFormat(Qt.TextFormat.PlainText)
        cramps.setWordWrap(True)
        cramps.setObjectName("nightEpisodes")
        cramps.setAccessibleName(_("Cramps logged that night"))
        if self.episodes:
            lines = [
                n_(
                    "{n} cramp logged that night:",
                    "{n} cramps logged that night:",
                    len(self.episodes),
                ).format(n=wording.number(len(self.episodes)))
            ]
            lines += [f"  {describe_episode(self.diary, e)}" for e in self.episodes]
            cramps.setText("\n".join(lines))
        else:
            cramps.setText(_("No cramps are logged for this night."))
        self.episodes_label = cramps
        outer.addWidget(cramps)

        is_last_night = self.night == self.diary.last_night()
        self.cramp_free_button = QPushButton(
            _("No cramps last night") if is_last_night else _("No cramps that night")
        )
        self.cramp_free_button.setObjectName("crampFreeButton")
        self.cramp_free_button.setAutoDefault(False)
        self.cramp_free_button.setMinimumHeight(48)
        self.cramp_free_button.setFont(widgets.scaled_font(self.font(), 1.2, bold=True))
        self.cramp_free_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.cramp_free_button.setMinimumWidth(260)
        self.cramp_free_button.clicked.connect(self.mark_cramp_free)
        # Full text colour: `widgets.MutedLabel` re-blends its own colour on every palette
        # change until it matches the window, which left this note invisible.
        self.cramp_free_note = widgets.plain_label()
        self.cramp_free_note.setObjectName("crampFreeNote")
        if self.episodes:
            self.cramp_free_button.setEnabled(False)
            self.cramp_free_note.setText(
                _(
                    "This night already has a cramp logged, so it cannot be marked cramp-free. "
                    "You can still note how the day went below."
                )
            )
        elif self._loaded.reviewed:
            self.cramp_free_note.setText(_("This night is already marked cramp-free."))
        else:
            self.cramp_free_note.setText(
                _("One click records a cramp-free night; the factors below are kept too.")
            )
        self.cramp_free_button.setAccessibleDescription(self.cramp_free_note.text())
        outer.addWidget(self.cramp_free_button)
        outer.addWidget(self.cramp_free_note)

    def _build_factors(self) -> QWidget:
        """The day's factors, in a scroll area so a small screen still reaches Save."""
        form_holder = QWidget()
        form = QFormLayout(form_holder)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(8)
        form.setContentsMargins(0, 0, 8, 0)
        heading = widgets.plain_label(
            _("About {night}").format(night=widgets.long_day(self.night)), wrap=False
        )
        heading.setFont(widgets.scaled_font(self.font(), 1.1, bold=True))
        form.addRow(heading)
        self._build_intake(form)
        self._build_day(form)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(form_holder)
        self.scroll_area = scroll
        return scroll

    def _build_intake(self, form: QFormLayout) -> None:
        """What went in: fluids, exercise, alcohol, caffeine."""
        rule = units.RULES[self.unit]
        self.fluids = widgets.OptionalDoubleSpinBox(
            units.most(self.unit, units.MOST_LITRES), decimals=rule.decimals, step=rule.step
        )
        self.fluids.setAccessibleName(_("Fluids, {name}").format(name=rule.name))
        self._row(
            form, _("&Fluids"), self.fluids, self._with_error("fluids", self.fluids, rule.name)
        )

        self.exercise = widgets.ValueCombo()
        self.exercise.setAccessibleName(_("Exercise"))
        self.exercise.set_options(
            [(_("Not recorded"), None)] + [(level.label, level) for level in Exercise]
        )
        self._row(form, _("&Exercise"), self.exercise, self.exercise)

        self.alcohol = widgets.OptionalDoubleSpinBox(100, decimals=1, step=1)
        self.alcohol.setAccessibleName(_("Alcohol, units"))
        self._row(
            form, _("&Alcohol"), self.alcohol, self._with_error("alcohol", self.alcohol, _("units"))
        )

        self.caffeine = widgets.OptionalSpinBox(50)
        self.caffeine.setAccessibleName(_("Caffeine drinks"))
        self._row(
            form,
            _("Caffei&ne"),
            self.caffeine,
            self._with_error("caffeine", self.caffeine, _("drinks (coffee, tea, cola)")),
        )

    def _build_day(self, form: QFormLayout) -> None:
        """How the day went: the yes/no factors, stress, sleep, and notes."""
        self.yes_no: dict[str, widgets.ValueCombo] = {}
        for key, text in (
            ("hot_or_sweating", _("&Hot weather or heavy sweating")),
            ("long_standing", _("Standing a &long time")),
            ("long_sitting", _("Sitting a lon&g time")),
            ("stretched_before_bed", _("Stre&tched before bed")),
        ):
            combo = widgets.ValueCombo()
            combo.setAccessibleName(text.replace("&", ""))
            combo.set_options([(_(text), answer) for text, answer in YES_NO])
            self.yes_no[key] = combo
            self._row(form, text, combo, combo)

        self.stress = widgets.ScalePicker(
            _("Stress"), low_caption=_("0  calm"), high_caption=_("very stressed  10")
        )
        self._row(form, _("St&ress"), self.stress.slider, self._with_error("stress", self.stress))
        self.sleep = widgets.ScalePicker(
            _("Sleep disturbance"), low_caption=_("0  slept well"), high_caption=_("no sleep  10")
        )
        self._row(
            form,
            _("Sleep &disturbance"),
            self.sleep.slider,
            self._with_error("sleep_disturbance", self.sleep),
        )
        self.minutes_awake = widgets.OptionalSpinBox(1440)
        self.minutes_awake.setAccessibleName(_("Minutes awake in the night"))
        self._row(
            form,
            _("…or &minutes awake"),
            self.minutes_awake,
            self._with_error("minutes_awake", self.minutes_awake, _("minutes")),
        )
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setAccessibleName(_("Notes about the day"))
        self.notes.setPlaceholderText(_("Anything else about the day or the night"))
        self.notes.setMinimumHeight(70)
        notes_holder = QWidget()
        notes_column = QVBoxLayout(notes_holder)
        notes_column.setContentsMargins(0, 0, 0, 0)
        notes_column.addWidget(self.notes)
        notes_column.addWidget(self._error("notes"))
        self._row(form, _("N&otes"), self.notes, notes_holder)

    def _build_buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = QPushButton(_("Save review"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        return buttons

    def _build_span(self) -> QWidget:
        """ "I logged every cramp from … to …": a stretch of nights counted as recorded."""
        holder = QWidget()
        holder.setObjectName("loggingSpanRow")
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(4)
        column.addWidget(widgets.plain_label(_(SPAN_QUESTION)))
        last_night = self.diary.last_night()
        self.span_from = QDateEdit()
        self.span_to = QDateEdit()
        for edit, name in ((self.span_from, "from"), (self.span_to, "to")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(conventions.current().plain_date_pattern)
            edit.setMinimumDate(QDate(1900, 1, 1))
            # A stretch covers nights that have ended; "I log every cramp" from tonight on
            # is a setting (Settings ▸ Counting nights).
            edit.setMaximumDate(_qdate(last_night))
            edit.setAccessibleName(_("I logged every cramp {name} the night of").format(name=name))
        reviewed = min(self.night, last_night)
        self.span_from.setDate(_qdate(reviewed - timedelta(days=SPAN_NIGHTS - 1)))
        self.span_to.setDate(_qdate(reviewed))
        self.span_button = QPushButton(_("Count these nights"))
        self.span_button.setObjectName("declareSpan")
        self.span_button.setAutoDefault(False)
        self.span_button.clicked.connect(self.declare_span)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(widgets.plain_label(_("From the night of"), wrap=False))
        row.addWidget(self.span_from)
        # Translators: between two date fields: "from [date] to [date]".
        row.addWidget(widgets.plain_label(_("to"), wrap=False))
        row.addWidget(self.span_to)
        row.addWidget(self.span_button)
        row.addStretch(1)
        column.addLayout(row)
        self.span_done = widgets.plain_label()
        self.span_done.setObjectName("spanDone")
        self.span_done.hide()
        column.addWidget(self.span_done)
        column.addWidget(self._error("logging_span"))
        return holder

    def declare_span(self) -> None:
        """Count the chosen nights as recorded; the dialog stays open for the night's review."""
        self._clear_errors()
        first, last = _date(self.span_from.date()), _date(self.span_to.date())
        try:
            span = self.editor.declare_span(first, last, source=SpanSource.REVIEW)
        except ValidationError as exc:
            self.show_error("logging_span", str(exc))
            return
        except CramplogError as exc:
            self.show_error(None, str(exc))
            return
        count = (last - first).days + 1
        self.span_done.setText(
            _(
                "Done: the {count} {describe_span} count as recorded, cramp-free where nothing "
                "was logged. Edit ▸ Undo takes it back."
            ).format(count=count, describe_span=recorded.describe_span(span))
        )
        self.span_done.show()

    def _row(self, form: QFormLayout, text: str, buddy: QWidget, field: QWidget) -> None:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setBuddy(buddy)
        form.addRow(label, field)

    # -- values -----------------------------------------------------------------------------

    def _load(self, factors: DayFactors) -> None:
        if factors.fluids_l is None:
            self.fluids.set_number(None)
        else:
            self.fluids.set_number(units.from_litres(factors.fluids_l, self.unit))
        self.exercise.set_value(factors.exercise)
        self.alcohol.set_number(factors.alcohol_units)
        self.caffeine.set_number(factors.caffeine_drinks)
        for key, combo in self.yes_no.items():
            combo.set_value(getattr(factors, key))
        self.stress.set_value(factors.stress)
        self.sleep.set_value(factors.sleep_disturbance)
        self.minutes_awake.set_number(factors.minutes_awake)
        self.notes.setPlainText(factors.notes)

    def fluids_litres(self) -> float | None:
        amount = self.fluids.number()
        if amount is None:
            return None
        return units.to_litres(amount, self.unit)

    def factors(self) -> DayFactors:
        """The day as the form holds it, marked reviewed."""
        yes_no: dict[str, Any] = {key: combo.value() for key, combo in self.yes_no.items()}
        return DayFactors(
            reviewed=True,
            fluids_l=self.fluids_litres(),
            exercise=self.exercise.value(),
            alcohol_units=self.alcohol.number(),
            caffeine_drinks=self.caffeine.number(),
            stress=self.stress.value(),
            sleep_disturbance=self.sleep.value(),
            minutes_awake=self.minutes_awake.number(),
            notes=self.notes.toPlainText(),
            **yes_no,
        )

    def is_changed(self) -> bool:
        return self.factors() != self._clean

    # -- saving -----------------------------------------------------------------------------

    def save(self) -> None:
        self._clear_errors()
        try:
            self.editor.set_day(self.night, self.factors())
        except ValidationError as exc:
            self.show_error(exc.field, str(exc))
            return
        except CramplogError as exc:
            self.show_error(None, str(exc))
            return
        self.saved_factors = self.factors()
        self.accept()

    def mark_cramp_free(self) -> None:
        """Record the night as reviewed with no cramps, with whatever factors were entered."""
        self._clear_errors()
        factors = self.factors()
        entered = replace(factors, reviewed=False) != replace(self._loaded, reviewed=False)
        try:
            if entered:
                # Review and factors in one undoable step; the service checks for cramps
                # in mark_cramp_free, so check here too before storing the factors.
                if self.diary.nights_with_episodes(self.night, self.night):
                    raise ValidationError(
                        _(
                            "This night already has a cramp logged, so it cannot be marked "
                            "cramp-free."
                        ),
                        field="night_of",
                    )
                self.editor.set_day(self.night, factors)
            else:
                self.editor.mark_cramp_free(self.night)
        except ValidationError as exc:
            self.show_error(exc.field, str(exc))
            return
        except CramplogError as exc:
            self.show_error(None, str(exc))
            return
        self.saved_factors = factors
        self.accept()

    def _focus_for(self, field: str) -> QWidget:
        targets: dict[str, QWidget] = {
            "fluids": self.fluids,
            "alcohol": self.alcohol,
            "caffeine": self.caffeine,
            "stress": self.stress.slider,
            "sleep_disturbance": self.sleep.slider,
            "minutes_awake": self.minutes_awake,
            "notes": self.notes,
            "night_of": self.cramp_free_button,
            "logging_span": self.span_from,
        }
        return targets.get(field, self.save_button)

    def show_error(self, field: str | None, message: str) -> None:
        """Show `message` beside the field at fault and move the focus there."""
        widgets.show_field_error(
            self._errors, field, message, focus_for=self._focus_for, scroll_area=self.scroll_area
        )

    def _clear_errors(self) -> None:
        for error in self._errors.values():
            error.clear_message()

    def visible_errors(self) -> dict[str, str]:
        return {key: error.text() for key, error in self._errors.items() if error.text()}

    def reject(self) -> None:
        if self.is_changed() and not widgets.confirm_discard(
            self, _("Discard what you entered about this night?")
        ):
            return
        super().reject()
