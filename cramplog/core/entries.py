"""What a person enters and the diary stores of it: episodes, diary days, a medicine's entry.

Dataclasses, as ever: the app builds many of them (a century's list of episodes), where a
dataclass's own __init__ is the fastest. Also found in `cramplog.core.records`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from cramplog.core import nights, wording
from cramplog.core.records import Exercise, Hydration, ReliefRating, Side, TakenFor
from cramplog.core.translation import _


@dataclass(frozen=True, slots=True)
class EpisodeInput:
    """What a person enters for one cramp or spasm; the service validates and stores it.

    `start` is an aware datetime (a naive one is read as the computer's local time).
    Whatever the person did not answer stays unknown: `woke_from_sleep` None, and
    `triggers_asked` / `reliefs_asked` False, so an empty list there means "not asked"
    rather than "none". `time_noted` False says only the date was known: `start` is then
    the conventional moment `nights.date_only_start` chose, and its clock time means nothing.
    """

    start: datetime
    muscle: str
    side: Side = Side.NOT_APPLICABLE
    duration_s: int | None = None
    intensity: int | None = None
    woke_from_sleep: bool | None = None
    activity: str | None = None
    hydration: Hydration | None = None
    triggers: tuple[str, ...] = ()
    reliefs: tuple[tuple[str, ReliefRating | None], ...] = ()
    symptoms: tuple[str, ...] = ()
    notes: str = ""
    to_review: bool = False
    triggers_asked: bool = False
    reliefs_asked: bool = False
    time_noted: bool = True


@dataclass(frozen=True, slots=True)
class Episode:
    """One stored cramp or spasm.

    `start_local` is the wall-clock time where it happened (naive); `utc_offset_min` is the
    offset from UTC at that moment, so `start_local - offset` is the UTC instant.
    With `time_noted` False only its night is known (see `nights.date_only_start`).
    """

    id: int
    uuid: str
    start_local: datetime
    utc_offset_min: int
    muscle: str
    side: Side
    duration_s: int | None
    intensity: int | None
    woke_from_sleep: bool | None
    activity: str | None
    hydration: Hydration | None
    triggers: tuple[str, ...]
    reliefs: tuple[tuple[str, ReliefRating | None], ...]
    symptoms: tuple[str, ...]
    notes: str
    to_review: bool
    created_utc: datetime
    updated_utc: datetime
    triggers_asked: bool = False
    reliefs_asked: bool = False
    time_noted: bool = True

    @property
    def start_utc(self) -> datetime:
        return self.start_local - timedelta(minutes=self.utc_offset_min)

    @property
    def nocturnal(self) -> bool | None:
        """Woke the person or began asleep/in bed (True), neither (False), or unknown (None).

        Where it is None, the figures infer it from the person's usual sleep hours
        (`nights.SleepHours.contains`), unless its time was not noted: then it stays unknown.
        """
        return nights.known_nocturnal(self.woke_from_sleep, self.activity)

    @property
    def clock_text(self) -> str:
        """Its start as a list shows it: "02:10", or "time not noted"."""
        return wording.clock(self.start_local) if self.time_noted else _(nights.TIME_NOT_NOTED)

    def as_input(self) -> EpisodeInput:
        from datetime import timezone

        tz = timezone(timedelta(minutes=self.utc_offset_min))
        return EpisodeInput(
            start=self.start_local.replace(tzinfo=tz),
            muscle=self.muscle,
            side=self.side,
            duration_s=self.duration_s,
            intensity=self.intensity,
            woke_from_sleep=self.woke_from_sleep,
            activity=self.activity,
            hydration=self.hydration,
            triggers=self.triggers,
            reliefs=self.reliefs,
            symptoms=self.symptoms,
            notes=self.notes,
            to_review=self.to_review,
            triggers_asked=self.triggers_asked,
            reliefs_asked=self.reliefs_asked,
            time_noted=self.time_noted,
        )


@dataclass(frozen=True, slots=True)
class DayFactors:
    """What a person records about one diary day ("the night of D")."""

    reviewed: bool = False
    fluids_l: float | None = None
    exercise: Exercise | None = None
    alcohol_units: float | None = None
    caffeine_drinks: int | None = None
    hot_or_sweating: bool | None = None
    long_standing: bool | None = None
    long_sitting: bool | None = None
    stretched_before_bed: bool | None = None
    stress: int | None = None
    sleep_disturbance: int | None = None
    minutes_awake: int | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class DiaryDay:
    """One stored diary day. A reviewed day whose night has no episodes is cramp-free."""

    night_of: date
    uuid: str
    factors: DayFactors
    created_utc: datetime
    updated_utc: datetime


@dataclass(frozen=True, slots=True)
class MedicationInput:
    name: str
    dose: str = ""
    started_on: date | None = None
    stopped_on: date | None = None
    taken_for: TakenFor = TakenFor.OTHER
    med_class: str | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class EpisodeFilter:
    """Which episodes to list. Dates are diary days (nights), both ends included."""

    first_night: date | None = None
    last_night: date | None = None
    muscles: frozenset[str] = field(default_factory=frozenset)
    text: str = ""


@dataclass(frozen=True, slots=True)
class DiaryListing:
    """Rows of the diary list read straight from the file (see `cramplog.storage.preview`), with the
    labels and day-boundary hour needed to show them."""

    episodes: list[Episode]
    cramp_free_nights: list[date]
    labels: dict[str, str]
    boundary_hour: int

    def label(self, code: str) -> str:
        return self.labels.get(code, code)

    def night_of(self, episode: Episode) -> date:
        return nights.night_of(episode.start_local, self.boundary_hour)


def with_legacy_unknowns(episode: EpisodeInput) -> EpisodeInput:
    """An entry from an older export, with the answers the app used to invent made unknown.

    The same rule as the diary's migration 0003: a quick log still to review, or an entry
    with no detail at all, had "did not wake me" stored for a question nobody asked; an
    entry that went through the full form (some detail given) was asked about triggers and
    reliefs, so an empty list there means "none".
    """
    given = bool(
        episode.activity
        or episode.hydration
        or episode.triggers
        or episode.reliefs
        or episode.symptoms
    )
    invented_no = episode.to_review or (episode.woke_from_sleep is False and not given)
    asked = not episode.to_review and given
    return replace(
        episode,
        woke_from_sleep=None if invented_no else episode.woke_from_sleep,
        triggers_asked=asked or bool(episode.triggers),
        reliefs_asked=asked or bool(episode.reliefs),
    )
