"""Every change a person makes to the diary, as an undoable command on one QUndoStack."""
# Over 400 lines because DiaryEditor is the one door every edit goes through: one short
# method per kind of change, each pushing its undo command.

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from cramplog.core import wording
from cramplog.core.errors import NotFoundError
from cramplog.core.records import (
    DayFactors,
    DiaryDay,
    Episode,
    EpisodeInput,
    LoggingSpan,
    Medication,
    MedicationInput,
    SpanSource,
    VocabularyItem,
    VocabularyKind,
)
from cramplog.core.translation import _, n_

if TYPE_CHECKING:
    from cramplog.core import nights
    from cramplog.diary.service import Diary
    from cramplog.diary.view import DiaryView

EPISODES = "episodes"
DAYS = "days"
MEDICATIONS = "medications"
VOCABULARY = "vocabulary"
SETTINGS = "settings"
SPANS = "spans"


class _Done(QUndoCommand):
    """A change already made once; redo() after an undo makes it again.

    The first change happens before the command is pushed, so a refused entry raises to the
    form (which keeps its content) and leaves nothing on the undo stack. `after_redo` and
    `after_undo` tell the views what moved.
    """

    def __init__(
        self,
        text: str,
        *,
        undo: Callable[[], object],
        redo: Callable[[], object],
        after_undo: Callable[[], None],
        after_redo: Callable[[], None],
    ) -> None:
        super().__init__(text)
        self._undo = undo
        self._redo = redo
        self._after_undo = after_undo
        self._after_redo = after_redo
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
        else:
            self._redo()
        self._after_redo()

    def undo(self) -> None:
        self._undo()
        self._after_undo()


class DiaryEditor(QObject):
    """The UI's one way to change the diary: a service call plus an undo command.

    `changed` carries what changed (EPISODES, DAYS, MEDICATIONS, VOCABULARY, SETTINGS) so a
    place redraws only when its data moved. `episode_saved` and `episodes_deleted` say
    exactly which episodes, so the diary list updates one row instead of reloading 15,000.
    """

    changed = Signal(str)
    episode_saved = Signal(object)  # Episode
    episodes_deleted = Signal(list)  # list[str] of UUIDs

    def __init__(self, diary: Diary, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._diary = diary
        self.undo_stack = QUndoStack(self)

    @property
    def diary(self) -> DiaryView:
        """The diary to read; every change goes through this editor (and so the undo stack)."""
        return self._diary

    def _push(
        self,
        text: str,
        kind: str,
        *,
        undo: Callable[[], object],
        redo: Callable[[], object],
        after_undo: Callable[[], None] | None = None,
        after_redo: Callable[[], None] | None = None,
    ) -> None:
        def notify(extra: Callable[[], None] | None) -> Callable[[], None]:
            def run() -> None:
                if extra is not None:
                    extra()
                self.changed.emit(kind)

            return run

        self.undo_stack.push(
            _Done(
                text,
                undo=undo,
                redo=redo,
                after_undo=notify(after_undo),
                after_redo=notify(after_redo),
            )
        )

    # -- episodes ---------------------------------------------------------------------------

    def add_episode(self, episode: EpisodeInput) -> Episode:
        saved = self._diary.add_episode(episode)
        state = {"episode": saved}

        def undo() -> None:
            self._diary.delete_episode(self._id_of(state["episode"]))

        def redo() -> None:
            state["episode"] = self._diary.restore_episode(state["episode"])

        self._push(
            _("log a {label} cramp").format(label=self._diary.label(saved.muscle).lower()),
            EPISODES,
            undo=undo,
            redo=redo,
            after_undo=lambda: self.episodes_deleted.emit([saved.uuid]),
            after_redo=lambda: self.episode_saved.emit(state["episode"]),
        )
        return saved

    def update_episode(self, episode_id: int, episode: EpisodeInput) -> Episode:
        before = self._diary.get_episode(episode_id)
        state = {"episode": self._diary.update_episode(episode_id, episode)}

        def undo() -> None:
            state["episode"] = self._diary.update_episode(self._id_of(before), before.as_input())

        def redo() -> None:
            state["episode"] = self._diary.update_episode(self._id_of(before), episode)

        self._push(
            _("edit a cramp"),
            EPISODES,
            undo=undo,
            redo=redo,
            after_undo=lambda: self.episode_saved.emit(state["episode"]),
            after_redo=lambda: self.episode_saved.emit(state["episode"]),
        )
        return state["episode"]

    def delete_episodes(self, episode_ids: Sequence[int]) -> list[Episode]:
        gone = [self._diary.delete_episode(episode_id) for episode_id in episode_ids]
        state = {"episodes": gone}

        def undo() -> None:
            state["episodes"] = [self._diary.restore_episode(e) for e in state["episodes"]]

        def redo() -> None:
            state["episodes"] = [
                self._diary.delete_episode(self._id_of(e)) for e in state["episodes"]
            ]

        def announce_restored() -> None:
            for episode in state["episodes"]:
                self.episode_saved.emit(episode)

        self._push(
            n_("delete a cramp", "delete {n} cramps", len(gone)).format(n=len(gone)),
            EPISODES,
            undo=undo,
            redo=redo,
            after_undo=announce_restored,
            after_redo=lambda: self.episodes_deleted.emit([e.uuid for e in gone]),
        )
        return gone

    def _id_of(self, episode: Episode) -> int:
        """The current row id of an episode: restoring may give it a new one, never a new UUID."""
        current = self._diary.episode_by_uuid(episode.uuid)
        return episode.id if current is None else current.id

    # -- diary days -------------------------------------------------------------------------

    def _day_change(self, text: str, night: date, change: Callable[[], DiaryDay]) -> DiaryDay:
        before = self._diary.get_day(night)
        after = change()

        def undo() -> None:
            if before is None:
                self._diary.clear_day(night)
            else:
                self._diary.set_day(night, before.factors)

        def redo() -> None:
            self._diary.set_day(night, after.factors)

        self._push(text, DAYS, undo=undo, redo=redo)
        return after

    def set_day(self, night: date, factors: DayFactors) -> DiaryDay:
        return self._day_change(
            _("review the night of {day_month}").format(day_month=wording.day_month(night)),
            night,
            lambda: self._diary.set_day(night, factors),
        )

    def mark_cramp_free(self, night: date) -> DiaryDay:
        return self._day_change(
            _("mark the night of {day_month} cramp-free").format(
                day_month=wording.day_month(night)
            ),
            night,
            lambda: self._diary.mark_cramp_free(night),
        )

    def mark_reviewed(self, nights: Sequence[date]) -> list[DiaryDay]:
        """Mark several nights reviewed as one step: one undo puts every one back."""
        before = {night: self._diary.get_day(night) for night in nights}
        after = self._diary.mark_reviewed(nights)

        def undo() -> None:
            self._diary.restore_days(before)

        def redo() -> None:
            self._diary.mark_reviewed(list(before))

        self._push(
            n_("review {n} night", "review {n} nights", len(before)).format(
                n=wording.number(len(before))
            ),
            DAYS,
            undo=undo,
            redo=redo,
        )
        return after

    # -- logging spans ----------------------------------------------------------------------

    def _spans_change(self, text: str, change: Callable[[], object]) -> None:
        """Make a change to the logging spans, undone by putting the spans back as they were.

        One command for every span change: starting or stopping "I log every cramp" may end
        one span and add another in a single step, so undo compares the whole list.
        """
        before = self._diary.logging_spans()
        change()
        after = self._diary.logging_spans()

        def swap(wanted: list[LoggingSpan]) -> None:
            keep = {_span_key(span) for span in wanted}
            current = self._diary.logging_spans()
            for span in current:
                if _span_key(span) not in keep:
                    self._diary.remove_span(span.id)
            present = {_span_key(span) for span in current}
            for span in wanted:
                if _span_key(span) not in present:
                    self._diary.restore_span(span)

        self._push(text, SPANS, undo=lambda: swap(before), redo=lambda: swap(after))

    def declare_span(
        self, first: date, last: date | None, *, source: SpanSource = SpanSource.REVIEW
    ) -> LoggingSpan:
        """Say every cramp of the nights `first`..`last` was logged (refused: nothing pushed)."""
        made: list[LoggingSpan] = []
        self._spans_change(
            _("say every cramp of {first} to {last} was logged").format(
                first=wording.day_month(first), last=wording.day_month(last)
            )
            if last is not None
            else _("say every cramp from {day_month} on is logged").format(
                day_month=wording.day_month(first)
            ),
            lambda: made.append(self._diary.declare_span(first, last, source=source)),
        )
        return made[0]

    def remove_span(self, span_id: int) -> None:
        self._spans_change(_("remove a logging span"), lambda: self._diary.remove_span(span_id))

    def set_logging_every_cramp(self, since: date | None) -> None:
        """Start (from `since`) or stop "I log every cramp"; nothing is pushed if unchanged."""
        if since == self._diary.logging_every_cramp_since():
            return
        self._spans_change(
            _("stop saying every cramp is logged")
            if since is None
            else _("say every cramp from {day_month} on is logged").format(
                day_month=wording.day_month(since)
            ),
            lambda: self._diary.set_logging_every_cramp(since),
        )

    # -- medications ------------------------------------------------------------------------

    def add_medication(self, medication: MedicationInput) -> Medication:
        saved = self._diary.add_medication(medication)
        state = {"medication": saved}

        def undo() -> None:
            self._diary.delete_medication(self._medication_id(state["medication"]))

        def redo() -> None:
            state["medication"] = self._diary.restore_medication(state["medication"])

        self._push(_("add {name}").format(name=saved.name), MEDICATIONS, undo=undo, redo=redo)
        return saved

    def update_medication(self, medication_id: int, medication: MedicationInput) -> Medication:
        before = self._medication(medication_id)
        after = self._diary.update_medication(medication_id, medication)

        def undo() -> None:
            self._diary.update_medication(self._medication_id(before), before.as_input())

        def redo() -> None:
            self._diary.update_medication(self._medication_id(before), medication)

        self._push(_("change {name}").format(name=after.name), MEDICATIONS, undo=undo, redo=redo)
        return after

    def stop_medication(self, medication_id: int, stopped_on: date) -> Medication:
        current = self._medication(medication_id)
        return self.update_medication(
            medication_id, replace(current.as_input(), stopped_on=stopped_on)
        )

    def delete_medication(self, medication_id: int) -> Medication:
        gone = self._diary.delete_medication(medication_id)
        state = {"medication": gone}

        def undo() -> None:
            state["medication"] = self._diary.restore_medication(state["medication"])

        def redo() -> None:
            self._diary.delete_medication(self._medication_id(state["medication"]))

        self._push(_("delete {name}").format(name=gone.name), MEDICATIONS, undo=undo, redo=redo)
        return gone

    def _medication(self, medication_id: int) -> Medication:
        for medication in self._diary.list_medications():
            if medication.id == medication_id:
                return medication
        raise NotFoundError(_("That medicine is no longer in the diary."))

    def _medication_id(self, medication: Medication) -> int:
        for candidate in self._diary.list_medications():
            if candidate.uuid == medication.uuid:
                return candidate.id
        return medication.id

    # -- your own words ----------------------------------------------------------------------

    def add_own_word(self, kind: VocabularyKind, label: str) -> VocabularyItem:
        """Add a muscle, trigger or relief of one's own; undo removes it again."""
        word = self._diary.add_custom_item(kind, label)
        # Put back with its code, so a later step on the stack that names it still finds it.
        self._push(
            _("add “{label}”").format(label=word.label),
            VOCABULARY,
            undo=lambda: self._diary.remove_custom_item(word.code),
            redo=lambda: self._diary.restore_custom_item(word),
        )
        return word

    def rename_own_word(self, code: str, label: str) -> VocabularyItem:
        """Rename a word of one's own (past cramps show the new name); undo gives the old one."""
        before = self._own_word(code)
        after = self._diary.rename_custom_item(code, label)
        self._push(
            _("rename “{old}” to “{new}”").format(old=before.label, new=after.label),
            VOCABULARY,
            undo=lambda: self._diary.rename_custom_item(code, before.label),
            redo=lambda: self._diary.rename_custom_item(code, after.label),
        )
        return after

    def set_own_word_hidden(self, code: str, hidden: bool) -> VocabularyItem:
        """Stop offering a word of one's own in forms (or offer it again); undo turns it back."""
        changed = self._diary.set_custom_item_hidden(code, hidden)
        self._push(
            _("hide “{label}”").format(label=changed.label)
            if hidden
            else _("offer “{label}” again").format(label=changed.label),
            VOCABULARY,
            undo=lambda: self._diary.set_custom_item_hidden(code, not hidden),
            redo=lambda: self._diary.set_custom_item_hidden(code, hidden),
        )
        return changed

    def _own_word(self, code: str) -> VocabularyItem:
        for word in self._diary.custom_items():
            if word.code == code:
                return word
        raise NotFoundError(_("That word of your own is no longer in the diary."))

    # -- settings (not undoable: they are preferences, not diary entries) --------------------

    def set_boundary_hour(self, hour: int) -> None:
        self._diary.set_boundary_hour(hour)
        self.changed.emit(SETTINGS)

    def set_frequent_threshold(self, per_week: int) -> None:
        self._diary.set_frequent_threshold(per_week)
        self.changed.emit(SETTINGS)

    def set_sleep_hours(self, hours: nights.SleepHours) -> None:
        self._diary.set_sleep_hours(hours)
        self.changed.emit(SETTINGS)


def _span_key(span: LoggingSpan) -> tuple[str, date, date | None, SpanSource]:
    """A span as a value: ending a span keeps its identity but changes its last night."""
    return (span.uuid, span.first_night, span.last_night, span.source)
