"""Plain value types that cross every layer: episodes, diary days, medications, vocabulary.

What a person enters and the diary stores of each cramp and day (EpisodeInput, Episode,
DayFactors, DiaryDay, MedicationInput, EpisodeFilter, DiaryListing) lives in
`cramplog.core.entries` and is found here too, loaded when first asked for (PEP 562): a
command that only reads figures (`cramplog stats`) never makes those classes, and the
values it does read are `value_class`es, made without dataclasses' per-class cost.
"""

from __future__ import annotations

import enum
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Final

from cramplog.core.translation import N_, _
from cramplog.core.value_class import value_class

if TYPE_CHECKING:
    # Re-exported (see `__getattr__`), so the type checker reads them as names of this module.
    from cramplog.core.entries import DayFactors as DayFactors
    from cramplog.core.entries import DiaryDay as DiaryDay
    from cramplog.core.entries import DiaryListing as DiaryListing
    from cramplog.core.entries import Episode as Episode
    from cramplog.core.entries import EpisodeFilter as EpisodeFilter
    from cramplog.core.entries import EpisodeInput as EpisodeInput
    from cramplog.core.entries import MedicationInput as MedicationInput
    from cramplog.core.entries import with_legacy_unknowns as with_legacy_unknowns


class Side(enum.StrEnum):
    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"
    # No side given: a neck has none, and a quick log or an imported row without one
    # leaves it so. Shown as "Not noted", never as "Not applicable", which would tell a
    # GP that a calf cramp had no side.
    NOT_APPLICABLE = "n/a"

    @property
    def label(self) -> str:
        return _(_SIDE_LABELS[self])


_SIDE_LABELS = {
    Side.LEFT: N_("Left"),
    Side.RIGHT: N_("Right"),
    Side.BOTH: N_("Both"),
    Side.NOT_APPLICABLE: N_("Not noted"),
}


class Hydration(enum.StrEnum):
    WELL = "well"
    NORMAL = "normal"
    THIRSTY = "thirsty"

    @property
    def label(self) -> str:
        return _(_HYDRATION_LABELS[self])


_HYDRATION_LABELS = {
    Hydration.WELL: N_("Well hydrated"),
    Hydration.NORMAL: N_("Normal"),
    Hydration.THIRSTY: N_("Thirsty or dehydrated"),
}


class ReliefRating(enum.StrEnum):
    HELPED = "helped"
    A_LITTLE = "a_little"
    NOT_HELPED = "not_helped"

    @property
    def label(self) -> str:
        return _(_RELIEF_LABELS[self])


_RELIEF_LABELS = {
    ReliefRating.HELPED: N_("Helped"),
    ReliefRating.A_LITTLE: N_("Helped a little"),
    ReliefRating.NOT_HELPED: N_("Did not help"),
}


class Exercise(enum.StrEnum):
    NONE = "none"
    USUAL = "usual"
    HARD = "hard"
    UNACCUSTOMED = "unaccustomed"

    @property
    def label(self) -> str:
        return _(_EXERCISE_LABELS[self])


_EXERCISE_LABELS = {
    Exercise.NONE: N_("None"),
    Exercise.USUAL: N_("Usual"),
    Exercise.HARD: N_("Hard"),
    Exercise.UNACCUSTOMED: N_("Unaccustomed"),
}


class TakenFor(enum.StrEnum):
    CRAMPS = "cramps"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _("For cramps") if self is TakenFor.CRAMPS else _("For something else")


class ChecklistKind(enum.StrEnum):
    """The kinds of word the checklist holds: the vocabulary table's `kind`, one name each.

    A StrEnum, so a kind is stored, compared and used as a dictionary key as its plain string.
    """

    MUSCLE = "muscle"
    ACTIVITY = "activity"
    TRIGGER = "trigger"
    RELIEF = "relief"
    SYMPTOM = "symptom"
    WARNING = "warning"
    MEDICATION_CLASS = "medication_class"
    RISK_GROUP = "risk_group"


class VocabularyKind(enum.StrEnum):
    """The kinds of vocabulary a person may extend with words of their own (checklist kinds)."""

    MUSCLE = ChecklistKind.MUSCLE.value
    TRIGGER = ChecklistKind.TRIGGER.value
    RELIEF = ChecklistKind.RELIEF.value


MAX_DURATION = timedelta(hours=24)
MAX_INTENSITY = 10


def new_uuid() -> str:
    # Imported here: uuid (with platform) is a few ms of every start, and only a new record
    # needs one, never a command that only reads.
    import uuid

    return str(uuid.uuid4())


@value_class
class Medication:
    id: int
    uuid: str
    name: str
    dose: str
    started_on: date | None
    stopped_on: date | None
    taken_for: TakenFor
    med_class: str | None
    notes: str
    created_utc: datetime
    updated_utc: datetime

    @property
    def current(self) -> bool:
        return self.stopped_on is None

    def as_input(self) -> MedicationInput:
        from cramplog.core.entries import MedicationInput

        return MedicationInput(
            name=self.name,
            dose=self.dose,
            started_on=self.started_on,
            stopped_on=self.stopped_on,
            taken_for=self.taken_for,
            med_class=self.med_class,
            notes=self.notes,
        )


@value_class
class VocabularyItem:
    """A word the person added themselves (a custom muscle, trigger or relief)."""

    code: str
    kind: VocabularyKind
    label: str
    hidden: bool
    uuid: str


class SpanSource(enum.StrEnum):
    """Where a logging span came from."""

    DECLARED = "declared"  # the "I log every cramp" setting
    IMPORT = "import"  # a file that lists cramps only, first to last cramp by default
    REVIEW = "review"  # the night review: "I logged every cramp from D1 to D2"

    @property
    def label(self) -> str:
        return _(_SPAN_LABELS[self])


_SPAN_LABELS = {
    SpanSource.DECLARED: N_("You log every cramp"),
    SpanSource.IMPORT: N_("An imported file"),
    SpanSource.REVIEW: N_("A night review"),
}


@value_class
class LoggingSpan:
    """Nights over which every cramp was logged; `last_night` None runs on to last night."""

    id: int
    uuid: str
    first_night: date
    last_night: date | None
    source: SpanSource
    created_utc: datetime

    def last_until(self, last_night: date) -> date:
        """The span's last night, an open span ending at `last_night`."""
        return self.last_night if self.last_night is not None else last_night


# The entries' names, from their module when first asked for (see the docstring).
_ENTRIES: Final = frozenset(
    {
        "DayFactors",
        "DiaryDay",
        "DiaryListing",
        "Episode",
        "EpisodeFilter",
        "EpisodeInput",
        "MedicationInput",
        "with_legacy_unknowns",
    }
)


def __getattr__(name: str) -> Any:
    if name not in _ENTRIES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from cramplog.core import entries

    value = getattr(entries, name)
    globals()[name] = value
    return value
