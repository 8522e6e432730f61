"""Pattern statistics of a period of diary nights, as frozen plain values (no Qt, no charts).

The Patterns pane, the GP report and `cramplog stats` all read their numbers from
`compute(diary, period, comparison=...)`. Nothing walks ORM objects: SQLite
(`cramplog.storage.aggregates`) reads the period's episodes once, packed into one integer each,
and groups the link tables; numpy (matplotlib's own dependency, imported only when numbers
are computed) does the rest vectorised. A hundred-year stress diary stays well under a
second.

Definitions (the same everywhere the numbers are shown):

- A *night* is a diary day: from the day-boundary hour on date D to the same hour on D+1
  is "the night of D" (`cramplog.core.nights`). Periods are ranges of nights, both ends included.
- A *cramp night* holds at least one episode. A *reviewed night* has its day record marked
  reviewed. A *recorded night* is reviewed or inside a logging span (`cramplog.core.recorded`).
  A *cramp-free night* is recorded and holds no episode. Every other night is
  *unrecorded*: unknown, never assumed cramp-free — and its cramps, though counted, stay
  out of every rate (`cramps_on_unrecorded_nights` says how many).
- *Completeness* is recorded nights / nights in the period, and is stated beside every rate.
- Rates *per week* are per seven recorded nights (cramps on recorded nights / recorded
  nights × 7, `per_week`), as trials count cramps per week over the nights a diary was
  kept. From fewer than `MIN_NIGHTS_TO_RATE` recorded nights a rate is None ("too few
  recorded nights to rate"), never extrapolated and never 0. The weekly chart's rolling
  rate follows the same rule.
- A comparison period with fewer than `MIN_NIGHTS_TO_COMPARE` recorded nights gives no
  comparison: every `change()` is None.
- `share_of_reviewed_nights_with_cramps` is recorded cramp nights / recorded nights.
- An episode is *nocturnal* when it woke the person or began while asleep or in bed, and
  *daytime* when the person said otherwise; when they said neither, it is inferred from
  their usual sleep hours (`nights.SleepHours`) and counted in `nocturnal_inferred` or
  `daytime_inferred`.
- Intensity (0–10) and duration figures use only the episodes that have them; the counts
  `intensity_rated` and `duration_timed` say how many that was.
- Trigger and day-factor comparisons set the share of cramp nights on which a factor was
  present against the share of cramp-free reviewed nights on which it was present, counting
  only nights whose day record says either way. They are shown only with at least
  `MIN_NIGHTS_EACH_SIDE` nights on each side, and are a comparison, never a cause. A
  suspected trigger noted on an episode cannot be compared (a cramp-free night has no
  episode to note it on), so only triggers with a day factor have a comparison.
- A treatment's before/after compares cramps per week over the `TREATMENT_WINDOW_NIGHTS`
  nights before it started with the same number of nights from its start, each side
  needing `TREATMENT_MIN_RECORDED_NIGHTS` recorded nights. It describes, it does not judge.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Final

from cramplog.core import nights as diary_nights
from cramplog.core import recorded
from cramplog.core.records import LoggingSpan, Medication, Side, TakenFor, VocabularyKind
from cramplog.storage import aggregates
from cramplog.storage import repository as repo

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from sqlalchemy.orm import Session

    from cramplog.diary.service import Diary

OVER_10_MIN_S: Final = 600
ROLLING_WEEKS: Final = 4
# A week of recorded nights before any per-week figure: from two nights, one busy night
# would read as "175 a week".
MIN_NIGHTS_TO_RATE: Final = 7
# A comparison is made of per-week rates and counts, so it needs what a rate needs: against
# 0 of 91 nights recorded, "up 1 from 0" compares with nothing.
MIN_NIGHTS_TO_COMPARE: Final = MIN_NIGHTS_TO_RATE
MIN_NIGHTS_EACH_SIDE: Final = 3
# A factor "stands out" when it was present on a share of cramp nights at least this many
# percentage points above its share of cramp-free nights. Descriptive, not a test.
STANDS_OUT_DIFFERENCE: Final = 0.15
TREATMENT_WINDOW_NIGHTS: Final = 28
TREATMENT_MIN_RECORDED_NIGHTS: Final = 14
CALENDAR_MAX_NIGHTS: Final = 371  # 53 weeks: a year, whatever weekday it starts on
# Longer periods show intensity and duration per month rather than per week.
WEEKLY_TREND_MAX_NIGHTS: Final = 183

# When a numeric day record counts as having the factor (see `aggregates.day_columns`).
FACTOR_THRESHOLDS: Final = aggregates.FactorThresholds(
    low_fluids_l=1.5, alcohol_units=3.0, caffeine_drinks=3, stress=7
)
FACTOR_DESCRIPTIONS: Final[Mapping[str, str]] = {
    "fluids_low": "drank less than 1.5 litres",
    "exercise_hard": "hard exercise",
    "exercise_unaccustomed": "unaccustomed exercise",
    "alcohol": "3 or more units of alcohol",
    "caffeine": "3 or more caffeine drinks",
    "heat": "hot weather or heavy sweating",
    "long_standing": "stood for a long time",
    "long_sitting": "sat for a long time",
    "no_stretch": "did not stretch before bed",
    "stress": "stress 7 or more out of 10",
}

WEEKDAY_NAMES: Final = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
CUSTOM_GROUP: Final = "custom"
CUSTOM_GROUP_LABEL: Final = "Your own triggers"


# -- periods --------------------------------------------------------------------------------


class PeriodPreset(enum.StrEnum):
    LAST_4_WEEKS = "last_4_weeks"
    LAST_3_MONTHS = "last_3_months"
    LAST_12_MONTHS = "last_12_months"
    ALL = "all"

    @property
    def label(self) -> str:
        return _PRESET_LABELS[self]


# The period the app, `cramplog stats` and `cramplog report` show unless told otherwise.
DEFAULT_PRESET: Final = PeriodPreset.LAST_3_MONTHS


_PRESET_LABELS = {
    PeriodPreset.LAST_4_WEEKS: "Last 4 weeks",
    PeriodPreset.LAST_3_MONTHS: "Last 3 months",
    PeriodPreset.LAST_12_MONTHS: "Last 12 months",
    PeriodPreset.ALL: "All of the diary",
}


@dataclass(frozen=True, slots=True)
class Period:
    """The nights `first`..`last`, both included. `label` is for display only."""

    first: date
    last: date
    label: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.first > self.last:
            raise ValueError(
                f"A period cannot end ({self.last:%d %B %Y}) before it begins "
                f"({self.first:%d %B %Y})."
            )

    @property
    def nights(self) -> int:
        return (self.last - self.first).days + 1

    def __contains__(self, night: object) -> bool:
        return isinstance(night, date) and self.first <= night <= self.last

    def previous(self) -> Period:
        """The period of equal length that ends the night before this one begins."""
        last = self.first - timedelta(days=1)
        return Period(last - timedelta(days=self.nights - 1), last, "Previous period")

    def describe(self) -> str:
        """E.g. "12 Feb 2026 – 11 Mar 2026 (28 nights)"."""
        return f"{self.first:%d %b %Y} – {self.last:%d %b %Y} ({self.nights} nights)"


def _months_before(night: date, months: int) -> date:
    """The night `months` calendar months before `night`, clamped to the month's last day."""
    month_index = night.year * 12 + night.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for day in (night.day, 30, 29, 28):
        try:
            return date(year, month, min(night.day, day))
        except ValueError:
            continue
    raise AssertionError("every month has a 28th")


def period_presets(
    last_night: date, *, first_recorded: date | None = None
) -> dict[PeriodPreset, Period]:
    """The preset periods ending at `last_night` (usually `diary.last_night()`).

    "All" starts at the diary's first recorded night (or is `last_night` alone when the
    diary is empty). Months are calendar months: the last 3 months ending on 11 March begin
    on 12 December.
    """
    first_all = min(first_recorded, last_night) if first_recorded is not None else last_night
    return {
        PeriodPreset.LAST_4_WEEKS: Period(
            last_night - timedelta(days=27), last_night, PeriodPreset.LAST_4_WEEKS.label
        ),
        PeriodPreset.LAST_3_MONTHS: Period(
            _months_before(last_night, 3) + timedelta(days=1),
            last_night,
            PeriodPreset.LAST_3_MONTHS.label,
        ),
        PeriodPreset.LAST_12_MONTHS: Period(
            _months_before(last_night, 12) + timedelta(days=1),
            last_night,
            PeriodPreset.LAST_12_MONTHS.label,
        ),
        PeriodPreset.ALL: Period(first_all, last_night, PeriodPreset.ALL.label),
    }


def default_period(last_night: date) -> Period:
    """The `DEFAULT_PRESET` period ending at `last_night`."""
    return period_presets(last_night)[DEFAULT_PRESET]


def first_recorded_night(diary: Diary) -> date | None:
    """The diary's first night with an episode or a day record; None when it is empty."""
    hour = diary.boundary_hour
    return diary.read(functools.partial(aggregates.first_recorded_night, boundary_hour=hour))


def diary_presets(diary: Diary) -> dict[PeriodPreset, Period]:
    """`period_presets` for this diary: ending last night, "all" from its first record."""
    return period_presets(diary.last_night(), first_recorded=first_recorded_night(diary))


# -- the statistics -------------------------------------------------------------------------


class NightState(enum.StrEnum):
    CRAMPS = "cramps"
    CRAMP_FREE = "cramp_free"
    UNRECORDED = "unrecorded"


@dataclass(frozen=True, slots=True)
class MuscleSideCount:
    muscle: str
    label: str
    side: Side
    episodes: int


@dataclass(frozen=True, slots=True)
class MuscleCount:
    """Episodes in one muscle, and how they split by side (sides with none left out)."""

    muscle: str
    label: str
    episodes: int
    by_side: tuple[tuple[Side, int], ...]


@dataclass(frozen=True, slots=True)
class HourCount:
    """Episodes that began in one wall-clock hour (0–23) and their mean intensity."""

    hour: int
    episodes: int
    mean_intensity: float | None


@dataclass(frozen=True, slots=True)
class WeekdayCount:
    """Episodes on nights of one weekday (Monday = 0): a cramp at 02:10 on Wednesday counts
    for the night of Tuesday."""

    weekday: int
    name: str
    episodes: int


@dataclass(frozen=True, slots=True)
class WeekPoint:
    """One calendar week (Monday first) of the period, for the weekly chart.

    `rolling_cramps_per_week` is cramps per seven recorded nights over this week and the
    `ROLLING_WEEKS - 1` before it; None (a gap in the line, never 0) while those weeks hold
    fewer than `MIN_NIGHTS_TO_RATE` recorded nights.
    """

    week_start: date
    episodes: int
    cramp_nights: int
    recorded_nights: int
    rolling_cramps_per_week: float | None


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """Intensity and duration of the episodes in one week or month (`bucket`)."""

    bucket_start: date
    bucket: str
    episodes: int
    intensity_median: float | None
    intensity_worst: int | None
    duration_median_s: float | None


@dataclass(frozen=True, slots=True)
class ReliefStat:
    """How often a relief method was tried in the period, and how the person rated it."""

    code: str
    label: str
    tried: int
    helped: int
    a_little: int
    not_helped: int
    unrated: int

    @property
    def helped_share(self) -> float | None:
        """Share of rated tries that helped at least a little."""
        rated = self.helped + self.a_little + self.not_helped
        return None if rated == 0 else (self.helped + self.a_little) / rated


@dataclass(frozen=True, slots=True)
class FactorComparison:
    """One day factor on cramp nights vs cramp-free reviewed nights. A comparison, not a cause.

    The shares are None unless `enough_data` (at least `MIN_NIGHTS_EACH_SIDE` nights with the
    factor recorded on each side).
    """

    factor: str
    trigger: str
    label: str
    description: str
    cramp_nights_present: int
    cramp_nights_recorded: int
    cramp_free_nights_present: int
    cramp_free_nights_recorded: int
    enough_data: bool
    share_of_cramp_nights: float | None
    share_of_cramp_free_nights: float | None

    @property
    def difference(self) -> float | None:
        """Cramp-night share minus cramp-free share (a fraction; 0.2 is 20 points)."""
        if self.share_of_cramp_nights is None or self.share_of_cramp_free_nights is None:
            return None
        return self.share_of_cramp_nights - self.share_of_cramp_free_nights

    @property
    def stands_out(self) -> bool:
        difference = self.difference
        return difference is not None and difference >= STANDS_OUT_DIFFERENCE


@dataclass(frozen=True, slots=True)
class TriggerStat:
    """One trigger of the checklist (or the person's own), with its presence in the period.

    `episodes` counts the period's episodes naming it as a suspected trigger; `comparison`
    is its day factor's comparison, for triggers that have one.
    """

    code: str
    label: str
    group: str
    group_label: str
    custom: bool
    episodes: int
    comparison: FactorComparison | None

    @property
    def stands_out(self) -> bool:
        return self.comparison is not None and self.comparison.stands_out


@dataclass(frozen=True, slots=True)
class TreatmentEffect:
    """Cramps per week before and after a medicine or supplement started. Descriptive only."""

    medication_id: int
    name: str
    dose: str
    med_class: str | None
    for_cramps: bool
    started_on: date
    stopped_on: date | None
    before: Period | None
    after: Period | None
    before_episodes: int
    before_recorded_nights: int
    after_episodes: int
    after_recorded_nights: int
    enough_data: bool

    @property
    def before_per_week(self) -> float | None:
        return per_week(self.before_episodes, self.before_recorded_nights)

    @property
    def after_per_week(self) -> float | None:
        return per_week(self.after_episodes, self.after_recorded_nights)


@dataclass(frozen=True, slots=True)
class CalendarNight:
    night: date
    state: NightState
    episodes: int


@dataclass(frozen=True, slots=True)
class EpisodeRef:
    """One episode, briefly, for lists such as "episodes that named this trigger"."""

    id: int
    start_local: datetime
    night: date
    muscle: str
    muscle_label: str
    side: Side
    intensity: int | None
    duration_s: int | None


# Headline numbers, in the order they are shown; each has a `change()` against a comparison.
HEADLINE_FIELDS: Final = (
    "episodes",
    "cramps_per_week",
    "cramp_nights",
    "cramp_nights_per_week",
    "share_of_reviewed_nights_with_cramps",
    "nocturnal",
    "daytime",
    "intensity_median",
    "intensity_worst",
    "duration_median_s",
    "longest_duration_s",
    "cramps_over_10_min",
    "sleep_disturbance_mean",
    "minutes_awake_per_week",
    "reviewed_nights",
    "recorded_nights",
    "nights_in_period",
    "completeness",
)


@dataclass(frozen=True, slots=True)
class PatternStats:
    """Everything the Patterns pane, the report and `cramplog stats` show for one period.

    See the module docstring for every definition. `comparison` holds the same numbers for
    the comparison period (its own `comparison` is None).
    """

    period: Period
    boundary_hour: int
    episodes: int
    nocturnal: int
    daytime: int
    cramp_nights: int
    reviewed_nights: int
    recorded_nights: int
    cramp_free_nights: int
    nights_in_period: int
    completeness: float
    cramps_per_week: float | None
    cramp_nights_per_week: float | None
    share_of_reviewed_nights_with_cramps: float | None
    intensity_median: float | None
    intensity_worst: int | None
    intensity_rated: int
    duration_median_s: float | None
    longest_duration_s: int | None
    duration_timed: int
    cramps_over_10_min: int
    sleep_disturbance_mean: float | None
    sleep_disturbance_nights: int
    minutes_awake_per_week: float | None
    minutes_awake_nights: int
    by_muscle_side: tuple[MuscleSideCount, ...]
    by_muscle: tuple[MuscleCount, ...]
    by_hour: tuple[HourCount, ...]
    by_weekday: tuple[WeekdayCount, ...]
    weekly: tuple[WeekPoint, ...]
    trend: tuple[TrendPoint, ...]
    reliefs: tuple[ReliefStat, ...]
    triggers: tuple[TriggerStat, ...]
    factors: tuple[FactorComparison, ...]
    treatments: tuple[TreatmentEffect, ...]
    calendar: tuple[CalendarNight, ...]
    # How the recorded nights were counted, and what the timing figures had to infer.
    span_only_nights: int = 0
    cramps_on_unrecorded_nights: int = 0
    nocturnal_inferred: int = 0
    daytime_inferred: int = 0
    sleep_hours: diary_nights.SleepHours = field(default_factory=diary_nights.SleepHours)
    comparison: PatternStats | None = None

    @property
    def empty(self) -> bool:
        """Nothing recorded in the period: no episode and no reviewed night."""
        return self.episodes == 0 and self.recorded_nights == 0

    @property
    def recorded_count(self) -> recorded.RecordedCount:
        return recorded.RecordedCount(
            recorded=self.recorded_nights,
            reviewed=self.recorded_nights - self.span_only_nights,
            in_spans_only=self.span_only_nights,
            nights=self.nights_in_period,
        )

    def completeness_note(self) -> str:
        """E.g. "25 of 28 nights recorded (89%)": shown beside every rate."""
        return (
            f"{self.recorded_nights} of {self.nights_in_period} nights recorded "
            f"({self.completeness:.0%})"
        )

    def recorded_note(self) -> str:
        """How the recorded nights were counted, and the cramps left out of the rates."""
        text = self.recorded_count.describe() + "."
        if self.cramps_on_unrecorded_nights:
            text += (
                f" {self.cramps_on_unrecorded_nights} cramp(s) fell on nights neither reviewed"
                " nor inside a span, so they are counted but left out of the rates."
            )
        return text

    def timing_note(self) -> str:
        """E.g. "45 at night or in bed, 13 in the day; 58 inferred from your sleep hours
        22:00–08:00" (a cramp is inferred when nobody said whether it woke the person)."""
        text = f"{self.nocturnal} at night or in bed, {self.daytime} in the day"
        inferred = self.nocturnal_inferred + self.daytime_inferred
        if inferred:
            text += f"; {inferred} inferred from your sleep hours {self.sleep_hours.describe()}"
        return text

    def rate_withheld(self) -> str | None:
        """Why the per-week rates are None though the period has recorded nights, or None."""
        if self.recorded_nights == 0 or can_rate(self.recorded_nights):
            return None
        return too_few_nights_to_rate(self.recorded_nights)

    @property
    def comparable(self) -> bool:
        """There is a comparison period with enough recorded nights to compare with."""
        return (
            self.comparison is not None and self.comparison.recorded_nights >= MIN_NIGHTS_TO_COMPARE
        )

    def comparison_withheld(self) -> str | None:
        """Why a comparison period gives no comparison, e.g. "no comparison: 2 of 91 nights
        recorded in the comparison period (7 needed)"; None without one or when it is fine."""
        c = self.comparison
        if c is None or self.comparable:
            return None
        return (
            f"no comparison: {c.recorded_nights} of {c.nights_in_period} nights recorded in "
            f"the comparison period ({MIN_NIGHTS_TO_COMPARE} needed)"
        )

    def change(self, name: str) -> float | None:
        """This period's headline `name` minus the comparison's; None if either is missing
        or the comparison has too few recorded nights (`comparable`)."""
        if name not in HEADLINE_FIELDS:
            raise KeyError(f"{name!r} is not a headline number")
        if self.comparison is None or not self.comparable:
            return None
        mine, theirs = getattr(self, name), getattr(self.comparison, name)
        if mine is None or theirs is None:
            return None
        return float(mine) - float(theirs)

    def trigger(self, code: str) -> TriggerStat | None:
        return next((t for t in self.triggers if t.code == code), None)

    def to_json_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values; the keys are documented in README ("cramplog stats")."""
        body = self._headline_json()
        # Why a rate may be null with recorded nights behind it (`recorded_nights` says how many).
        body["min_recorded_nights_to_rate"] = MIN_NIGHTS_TO_RATE
        body["by_muscle"] = [
            {
                "muscle": m.muscle,
                "label": m.label,
                "episodes": m.episodes,
                "by_side": {side.value: n for side, n in m.by_side},
            }
            for m in self.by_muscle
        ]
        body["by_hour"] = [
            {"hour": h.hour, "episodes": h.episodes, "mean_intensity": _round(h.mean_intensity)}
            for h in self.by_hour
        ]
        body["by_weekday"] = [{"weekday": w.name, "episodes": w.episodes} for w in self.by_weekday]
        body["reliefs"] = [
            {
                "relief": r.code,
                "label": r.label,
                "tried": r.tried,
                "helped": r.helped,
                "helped_a_little": r.a_little,
                "did_not_help": r.not_helped,
                "unrated": r.unrated,
            }
            for r in self.reliefs
        ]
        body["triggers"] = [
            {
                "trigger": t.code,
                "label": t.label,
                "group": t.group_label,
                "episodes": t.episodes,
                "comparison": None if t.comparison is None else _comparison_json(t.comparison),
            }
            for t in self.triggers
            if t.episodes or t.comparison is not None
        ]
        body["treatments"] = [
            {
                "name": t.name,
                "started_on": t.started_on.isoformat(),
                "stopped_on": None if t.stopped_on is None else t.stopped_on.isoformat(),
                "for_cramps": t.for_cramps,
                "cramps_per_week_before": _round(t.before_per_week),
                "cramps_per_week_after": _round(t.after_per_week),
                "recorded_nights_before": t.before_recorded_nights,
                "recorded_nights_after": t.after_recorded_nights,
                "enough_data": t.enough_data,
            }
            for t in self.treatments
        ]
        if self.comparison is not None:
            body["comparison"] = self.comparison._headline_json()
            body["comparison"]["comparable"] = self.comparable
        return body

    def _headline_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "period": {
                "first": self.period.first.isoformat(),
                "last": self.period.last.isoformat(),
                "nights": self.period.nights,
            },
            "boundary_hour": self.boundary_hour,
        }
        for name in HEADLINE_FIELDS:
            body[name] = _round(getattr(self, name))
        body["recorded"] = {
            "reviewed": self.recorded_nights - self.span_only_nights,
            "inside_spans_only": self.span_only_nights,
            "cramps_on_unrecorded_nights": self.cramps_on_unrecorded_nights,
            "how_counted": self.recorded_note(),
        }
        body["timing"] = {
            "sleep_hours": self.sleep_hours.describe(),
            "nocturnal_inferred": self.nocturnal_inferred,
            "daytime_inferred": self.daytime_inferred,
        }
        return body


def _round(value: float | int | None) -> float | int | None:
    return round(value, 2) if isinstance(value, float) else value


def _comparison_json(c: FactorComparison) -> dict[str, Any]:
    return {
        "factor": c.factor,
        "cramp_nights_present": c.cramp_nights_present,
        "cramp_nights_recorded": c.cramp_nights_recorded,
        "cramp_free_nights_present": c.cramp_free_nights_present,
        "cramp_free_nights_recorded": c.cramp_free_nights_recorded,
        "enough_data": c.enough_data,
        "share_of_cramp_nights": _round(c.share_of_cramp_nights),
        "share_of_cramp_free_nights": _round(c.share_of_cramp_free_nights),
    }


def can_rate(recorded_nights: int) -> bool:
    """Whether a per-week figure may be given from this many recorded nights."""
    return recorded_nights >= MIN_NIGHTS_TO_RATE


def too_few_nights_to_rate(recorded_nights: int) -> str:
    """Why a per-week figure is not given: "too few recorded nights to rate (2 of 7 needed)"."""
    return f"too few recorded nights to rate ({recorded_nights} of {MIN_NIGHTS_TO_RATE} needed)"


def per_week(count: int, recorded_nights: int) -> float | None:
    """Cramps (or nights) per seven recorded nights: the one rate every output shows.

    None below `MIN_NIGHTS_TO_RATE` recorded nights: never extrapolated."""
    return count / recorded_nights * 7 if can_rate(recorded_nights) else None


# -- computing ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Raw:
    """What one period needs from the diary, read in one transaction."""

    episodes: aggregates.EpisodeColumns
    days: aggregates.DayColumns
    triggers: list[tuple[str, int]]
    reliefs: list[aggregates.ReliefCounts]
    treatments: list[tuple[Medication, recorded.WindowCount, recorded.WindowCount]]
    spans: list[LoggingSpan]


def _treatment_windows(
    started: date, diary_first: date | None, last_night: date
) -> tuple[Period | None, Period | None]:
    """The nights before and from a start date, clipped to the nights the diary covers."""
    before_first = started - timedelta(days=TREATMENT_WINDOW_NIGHTS)
    before_last = started - timedelta(days=1)
    after_last = min(started + timedelta(days=TREATMENT_WINDOW_NIGHTS - 1), last_night)
    if diary_first is not None:
        before_first = max(before_first, diary_first)
    before = Period(before_first, before_last) if before_first <= before_last else None
    after = Period(started, after_last) if started <= after_last else None
    return before, after


def _range(period: Period, hour: int) -> aggregates.NightRange:
    return aggregates.NightRange(period.first, period.last, hour)


_NO_NIGHTS = recorded.WindowCount(0, 0, {})


def _collect(
    session: Session,
    *,
    period: Period,
    hour: int,
    medications: Sequence[Medication],
    diary_first: date | None,
    last_night: date,
) -> _Raw:
    nights = _range(period, hour)
    shown = [
        m
        for m in medications
        if m.started_on is not None
        and m.started_on <= period.last
        and (m.stopped_on is None or m.stopped_on >= period.first)
    ]
    windows: list[aggregates.NightRange] = []
    slots: list[tuple[int | None, int | None]] = []
    for medication in shown:
        assert medication.started_on is not None
        before, after = _treatment_windows(medication.started_on, diary_first, last_night)
        slot: list[int | None] = []
        for window in (before, after):
            if window is None:
                slot.append(None)
            else:
                slot.append(len(windows))
                windows.append(_range(window, hour))
        slots.append((slot[0], slot[1]))
    spans = repo.list_spans(session)
    found = [
        recorded.count_window(
            w.episodes_by_night, w.reviewed, spans, window.first, window.last, last_night
        )
        for w, window in zip(aggregates.window_nights(session, windows), windows, strict=True)
    ]
    return _Raw(
        episodes=aggregates.episode_columns(session, nights),
        days=aggregates.day_columns(session, nights, FACTOR_THRESHOLDS),
        triggers=aggregates.trigger_counts(session, nights),
        reliefs=aggregates.relief_counts(session, nights),
        spans=spans,
        treatments=[
            (
                medication,
                _NO_NIGHTS if before is None else found[before],
                _NO_NIGHTS if after is None else found[after],
            )
            for medication, (before, after) in zip(shown, slots, strict=True)
        ],
    )


def compute(diary: Diary, period: Period, *, comparison: Period | None = None) -> PatternStats:
    """The statistics of `period`, with the same numbers for `comparison` if one is given.

    Pass `period.previous()` to compare with the period of equal length just before, or any
    other `Period` as a chosen baseline.
    """
    hour = diary.boundary_hour
    last_night = diary.last_night()
    sleep = diary.sleep_hours
    diary_first = first_recorded_night(diary)
    raw = diary.read(
        functools.partial(
            _collect,
            period=period,
            hour=hour,
            medications=diary.list_medications(),
            diary_first=diary_first,
            last_night=last_night,
        )
    )
    baseline = None if comparison is None else compute(diary, comparison)
    return _build(diary, period, hour, raw, baseline, diary_first, last_night, sleep)


def _median(values: NDArray[np.int64]) -> float | None:
    import numpy as np

    return None if values.size == 0 else float(np.median(values))


def _group_medians(groups: NDArray[np.int64], values: NDArray[np.int64]) -> dict[int, float]:
    """The median of `values` within each group, vectorised (sort once, pick the middles)."""
    import numpy as np

    if groups.size == 0:
        return {}
    order = np.lexsort((values, groups))
    g, v = groups[order], values[order]
    keys, starts, counts = np.unique(g, return_index=True, return_counts=True)
    low = v[starts + (counts - 1) // 2]
    high = v[starts + counts // 2]
    middles = (low + high) / 2
    return {int(k): float(m) for k, m in zip(keys, middles, strict=True)}


def _to_day(days: int) -> date:
    return _EPOCH + timedelta(days=int(days))


_EPOCH: Final = date(1970, 1, 1)


def _build(
    diary: Diary,
    period: Period,
    hour: int,
    raw: _Raw,
    baseline: PatternStats | None,
    diary_first: date | None,
    last_night: date,
    sleep_hours: diary_nights.SleepHours,
) -> PatternStats:
    import numpy as np

    cols = raw.episodes
    count = len(cols.packed)
    start = np.array(cols.start_local, dtype="datetime64[s]")
    packed = np.array(cols.packed, dtype=np.int64)

    def field_of(bits: tuple[int, int]) -> NDArray[np.int64]:
        shift, width = bits
        return (packed >> shift) & ((1 << width) - 1)

    # Nights and hours as whole numbers: days since 1970 and the wall-clock hour.
    night = (start - np.timedelta64(hour, "h")).astype("datetime64[D]").astype(np.int64)
    clock_hour = (start - start.astype("datetime64[D]")).astype(np.int64) // 3600
    weekday = (night + 3) % 7  # 1 January 1970 was a Thursday
    intensity = field_of(aggregates.INTENSITY_BITS)
    rated = intensity != aggregates.NO_INTENSITY
    duration = field_of(aggregates.DURATION_BITS)
    timed = duration > 0
    # Night-time: as the person said (woke, or began asleep), or where they said nothing,
    # inferred from their usual sleep hours (the same rule as `nights.SleepHours.timing`).
    known_night = (packed >> aggregates.NOCTURNAL_BIT) & 1 == 1
    unknown = (packed >> aggregates.TIMING_UNKNOWN_BIT) & 1 == 1
    minute = (start - start.astype("datetime64[D]")).astype(np.int64) // 60
    start_m, end_m = sleep_hours.start_minute, sleep_hours.end_minute
    in_sleep = (
        (minute >= start_m) & (minute < end_m)
        if start_m < end_m
        else (minute >= start_m) | (minute < end_m)
    )
    nocturnal_inferred = int((unknown & in_sleep).sum())
    daytime_inferred = int((unknown & ~in_sleep).sum())
    nocturnal = int((known_night & ~unknown).sum()) + nocturnal_inferred

    cramp_nights, per_night = np.unique(night, return_counts=True)

    days = raw.days
    day_night = np.array(days.night_of, dtype="datetime64[D]").astype(np.int64)
    day_packed = np.array(days.packed, dtype=np.int64)
    reviewed = (day_packed >> aggregates.REVIEWED_BIT) & 1 == 1
    # Recorded nights: reviewed, or inside a logging span. A cramp on any other night is
    # counted, but not in a rate (see `cramplog.core.recorded`).
    recorded_nights, span_only = recorded.recorded_days(
        day_night[reviewed], raw.spans, period.first, period.last, last_night
    )
    recorded_count = int(recorded_nights.size)
    on_recorded = np.isin(night, recorded_nights)
    recorded_cramp_nights = int(np.isin(cramp_nights, recorded_nights).sum())
    sleep = np.array(days.sleep_disturbance, dtype=float)
    awake = np.array(days.minutes_awake, dtype=float)
    sleep_n = int(np.count_nonzero(~np.isnan(sleep)))
    awake_n = int(np.count_nonzero(~np.isnan(awake)))

    nights = period.nights
    muscle_side, muscles = _muscles(
        diary, cols, field_of(aggregates.MUSCLE_BITS), field_of(aggregates.SIDE_BITS)
    )
    comparisons = _factor_comparisons(diary, day_night, day_packed, reviewed, cramp_nights)
    by_hour = np.bincount(clock_hour, minlength=24)
    hour_intensity = np.bincount(clock_hour[rated], weights=intensity[rated], minlength=24)
    hour_rated = np.bincount(clock_hour[rated], minlength=24)
    by_weekday = np.bincount(weekday, minlength=7)
    return PatternStats(
        period=period,
        boundary_hour=hour,
        episodes=count,
        nocturnal=nocturnal,
        daytime=count - nocturnal,
        cramp_nights=int(cramp_nights.size),
        reviewed_nights=int(reviewed.sum()),
        recorded_nights=recorded_count,
        cramp_free_nights=recorded_count - recorded_cramp_nights,
        nights_in_period=nights,
        completeness=recorded_count / nights,
        cramps_per_week=per_week(int(on_recorded.sum()), recorded_count),
        cramp_nights_per_week=per_week(recorded_cramp_nights, recorded_count),
        share_of_reviewed_nights_with_cramps=(
            None if recorded_count == 0 else recorded_cramp_nights / recorded_count
        ),
        intensity_median=_median(intensity[rated]),
        intensity_worst=int(intensity[rated].max()) if rated.any() else None,
        intensity_rated=int(rated.sum()),
        duration_median_s=_median(duration[timed]),
        longest_duration_s=int(duration.max()) if timed.any() else None,
        duration_timed=int(timed.sum()),
        cramps_over_10_min=int((duration > OVER_10_MIN_S).sum()),
        sleep_disturbance_mean=None if sleep_n == 0 else float(np.nanmean(sleep)),
        sleep_disturbance_nights=sleep_n,
        minutes_awake_per_week=(None if awake_n == 0 else per_week(int(np.nansum(awake)), awake_n)),
        minutes_awake_nights=awake_n,
        by_muscle_side=muscle_side,
        by_muscle=muscles,
        by_hour=tuple(
            HourCount(
                h,
                int(by_hour[h]),
                float(hour_intensity[h] / hour_rated[h]) if hour_rated[h] else None,
            )
            for h in range(24)
        ),
        by_weekday=tuple(WeekdayCount(d, WEEKDAY_NAMES[d], int(by_weekday[d])) for d in range(7)),
        weekly=_weeks(period, night, night[on_recorded], cramp_nights, recorded_nights),
        trend=_trend(period, night, intensity, rated, duration, timed),
        reliefs=_reliefs(diary, raw.reliefs),
        triggers=_trigger_stats(diary, raw.triggers, comparisons),
        factors=comparisons,
        treatments=_treatments(raw.treatments, diary_first, last_night),
        calendar=_calendar(period, cramp_nights, per_night, recorded_nights),
        span_only_nights=int(span_only.size),
        cramps_on_unrecorded_nights=count - int(on_recorded.sum()),
        nocturnal_inferred=nocturnal_inferred,
        daytime_inferred=daytime_inferred,
        sleep_hours=sleep_hours,
        comparison=baseline,
    )


def _weeks(
    period: Period,
    night: NDArray[np.int64],
    recorded_episode_nights: NDArray[np.int64],
    cramp_nights: NDArray[np.int64],
    recorded_nights: NDArray[np.int64],
) -> tuple[WeekPoint, ...]:
    """Every calendar week touching the period (empty ones too), with the rolling rate."""
    import numpy as np

    first_monday = period.first - timedelta(days=period.first.weekday())
    origin = (first_monday - _EPOCH).days
    weeks = ((period.last - first_monday).days // 7) + 1

    def by_week(values: NDArray[np.int64]) -> NDArray[np.int64]:
        return np.bincount((values - origin) // 7, minlength=weeks)[:weeks]

    episodes = by_week(night)
    nights_with = by_week(cramp_nights)
    recorded = by_week(recorded_nights)
    # Rolling sums over ROLLING_WEEKS weeks, from cumulative sums.
    window = ROLLING_WEEKS
    rated = by_week(recorded_episode_nights)
    episodes_sum = np.convolve(rated, np.ones(window, dtype=np.int64))[:weeks]
    recorded_sum = np.convolve(recorded, np.ones(window, dtype=np.int64))[:weeks]
    return tuple(
        WeekPoint(
            week_start=first_monday + timedelta(weeks=i),
            episodes=int(episodes[i]),
            cramp_nights=int(nights_with[i]),
            recorded_nights=int(recorded[i]),
            rolling_cramps_per_week=per_week(int(episodes_sum[i]), int(recorded_sum[i])),
        )
        for i in range(weeks)
    )


def _trend(
    period: Period,
    night: NDArray[np.int64],
    intensity: NDArray[np.int64],
    rated: NDArray[np.bool_],
    duration: NDArray[np.int64],
    timed: NDArray[np.bool_],
) -> tuple[TrendPoint, ...]:
    import numpy as np

    weekly = period.nights <= WEEKLY_TREND_MAX_NIGHTS
    if weekly:
        bucket = night - (night + 3) % 7  # the Monday of each night's week
    else:
        bucket = night.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    keys, counts = np.unique(bucket, return_counts=True)
    worst: dict[int, int] = {}
    if rated.any():
        order = np.lexsort((intensity[rated], bucket[rated]))
        b, v = bucket[rated][order], intensity[rated][order]
        last_of_group = np.append(b[1:] != b[:-1], True)
        worst = {int(k): int(x) for k, x in zip(b[last_of_group], v[last_of_group], strict=True)}
    intensity_medians = _group_medians(bucket[rated], intensity[rated])
    duration_medians = _group_medians(bucket[timed], duration[timed])

    def start_of(key: int) -> date:
        if weekly:
            return _to_day(key)
        year, month = divmod(key, 12)
        return date(1970 + year, month + 1, 1)

    return tuple(
        TrendPoint(
            bucket_start=start_of(int(key)),
            bucket="week" if weekly else "month",
            episodes=int(n),
            intensity_median=intensity_medians.get(int(key)),
            intensity_worst=worst.get(int(key)),
            duration_median_s=duration_medians.get(int(key)),
        )
        for key, n in zip(keys, counts, strict=True)
    )


def _factor_comparisons(
    diary: Diary,
    day_night: NDArray[np.int64],
    day_packed: NDArray[np.int64],
    reviewed: NDArray[np.bool_],
    cramp_nights: NDArray[np.int64],
) -> tuple[FactorComparison, ...]:
    import numpy as np

    cramp = np.isin(day_night, cramp_nights)
    free = reviewed & ~cramp
    comparisons = []
    for item in diary.checklist.of_kind("trigger"):
        if item.day_factor is None or item.day_factor not in aggregates.DAY_FACTORS:
            continue
        index = aggregates.DAY_FACTORS.index(item.day_factor)
        present = (day_packed >> aggregates.factor_present_bit(index)) & 1 == 1
        known = (day_packed >> aggregates.factor_recorded_bit(index)) & 1 == 1
        cramp_present = int((cramp & present).sum())
        cramp_known = int((cramp & known).sum())
        free_present = int((free & present).sum())
        free_known = int((free & known).sum())
        enough = cramp_known >= MIN_NIGHTS_EACH_SIDE and free_known >= MIN_NIGHTS_EACH_SIDE
        comparisons.append(
            FactorComparison(
                factor=item.day_factor,
                trigger=item.code,
                label=diary.label(item.code),
                description=FACTOR_DESCRIPTIONS.get(item.day_factor, item.day_factor),
                cramp_nights_present=cramp_present,
                cramp_nights_recorded=cramp_known,
                cramp_free_nights_present=free_present,
                cramp_free_nights_recorded=free_known,
                enough_data=enough,
                share_of_cramp_nights=cramp_present / cramp_known if enough else None,
                share_of_cramp_free_nights=free_present / free_known if enough else None,
            )
        )
    return tuple(comparisons)


def _trigger_stats(
    diary: Diary,
    rows: Sequence[tuple[str, int]],
    comparisons: Sequence[FactorComparison],
) -> tuple[TriggerStat, ...]:
    counts = dict(rows)
    by_trigger = {c.trigger: c for c in comparisons}
    groups = {g.code: g.label for g in diary.checklist.groups_of("trigger")}
    stats: list[TriggerStat] = []
    for item in diary.checklist.of_kind("trigger"):
        group = item.group or CUSTOM_GROUP
        stats.append(
            TriggerStat(
                code=item.code,
                label=diary.label(item.code),
                group=group,
                group_label=groups.get(group, CUSTOM_GROUP_LABEL),
                custom=False,
                episodes=counts.pop(item.code, 0),
                comparison=by_trigger.get(item.code),
            )
        )
    custom = {
        item.code
        for item in diary.custom_items(VocabularyKind.TRIGGER)
        if not item.hidden or item.code in counts
    }
    for code in sorted(custom | counts.keys(), key=lambda c: diary.label(c).casefold()):
        stats.append(
            TriggerStat(
                code=code,
                label=diary.label(code),
                group=CUSTOM_GROUP,
                group_label=CUSTOM_GROUP_LABEL,
                custom=True,
                episodes=counts.get(code, 0),
                comparison=None,
            )
        )
    return tuple(stats)


def _reliefs(diary: Diary, rows: Sequence[aggregates.ReliefCounts]) -> tuple[ReliefStat, ...]:
    stats = [
        ReliefStat(
            code=row.code,
            label=diary.label(row.code),
            tried=row.tried,
            helped=row.helped,
            a_little=row.a_little,
            not_helped=row.not_helped,
            unrated=row.unrated,
        )
        for row in rows
    ]
    return tuple(sorted(stats, key=lambda r: (-r.tried, r.label.casefold())))


def _muscles(
    diary: Diary,
    cols: aggregates.EpisodeColumns,
    muscle: NDArray[np.int64],
    side: NDArray[np.int64],
) -> tuple[tuple[MuscleSideCount, ...], tuple[MuscleCount, ...]]:
    import numpy as np

    keys, counts = np.unique(muscle * len(cols.sides) + side, return_counts=True)
    pairs = sorted(
        (
            MuscleSideCount(
                muscle=cols.muscles[int(key) // len(cols.sides)],
                label=diary.label(cols.muscles[int(key) // len(cols.sides)]),
                side=Side(cols.sides[int(key) % len(cols.sides)]),
                episodes=int(n),
            )
            for key, n in zip(keys, counts, strict=True)
        ),
        key=lambda p: (-p.episodes, p.label.casefold(), p.side.value),
    )
    by_muscle: dict[str, list[MuscleSideCount]] = {}
    for pair in pairs:
        by_muscle.setdefault(pair.muscle, []).append(pair)
    side_order = list(Side)
    muscles = [
        MuscleCount(
            muscle=code,
            label=diary.label(code),
            episodes=sum(p.episodes for p in entries),
            by_side=tuple(
                (p.side, p.episodes)
                for p in sorted(entries, key=lambda p: side_order.index(p.side))
            ),
        )
        for code, entries in by_muscle.items()
    ]
    muscles.sort(key=lambda m: (-m.episodes, m.label.casefold()))
    return tuple(pairs), tuple(muscles)


def _calendar_period(period: Period) -> Period:
    """The period's last year at most: the calendar heatmap shows up to 53 weeks."""
    first = max(period.first, period.last - timedelta(days=CALENDAR_MAX_NIGHTS - 1))
    return Period(first, period.last)


def _calendar(
    period: Period,
    cramp_nights: NDArray[np.int64],
    per_night: NDArray[np.int64],
    reviewed_nights: NDArray[np.int64],
) -> tuple[CalendarNight, ...]:
    window = _calendar_period(period)
    first = (window.first - _EPOCH).days
    last = (window.last - _EPOCH).days
    inside = (cramp_nights >= first) & (cramp_nights <= last)
    counts = {int(n): int(c) for n, c in zip(cramp_nights[inside], per_night[inside], strict=True)}
    reviewed = {int(n) for n in reviewed_nights if first <= n <= last}
    nights: list[CalendarNight] = []
    for offset in range(window.nights):
        day = first + offset
        episodes = counts.get(day, 0)
        state = (
            NightState.CRAMPS
            if episodes
            else NightState.CRAMP_FREE
            if day in reviewed
            else NightState.UNRECORDED
        )
        nights.append(CalendarNight(window.first + timedelta(days=offset), state, episodes))
    return tuple(nights)


def _treatments(
    rows: Sequence[tuple[Medication, recorded.WindowCount, recorded.WindowCount]],
    diary_first: date | None,
    last_night: date,
) -> tuple[TreatmentEffect, ...]:
    effects = []
    for medication, before_nights, after_nights in rows:
        started = medication.started_on
        assert started is not None  # _collect keeps only medicines with a start date
        before, after = _treatment_windows(started, diary_first, last_night)
        effects.append(
            TreatmentEffect(
                medication_id=medication.id,
                name=medication.name,
                dose=medication.dose,
                med_class=medication.med_class,
                for_cramps=medication.taken_for is TakenFor.CRAMPS,
                started_on=started,
                stopped_on=medication.stopped_on,
                before=before,
                after=after,
                before_episodes=before_nights.episodes,
                before_recorded_nights=before_nights.recorded_nights,
                after_episodes=after_nights.episodes,
                after_recorded_nights=after_nights.recorded_nights,
                enough_data=before_nights.recorded_nights >= TREATMENT_MIN_RECORDED_NIGHTS
                and after_nights.recorded_nights >= TREATMENT_MIN_RECORDED_NIGHTS,
            )
        )
    effects.sort(key=lambda t: (t.started_on, t.name.casefold()))
    return tuple(effects)


def episodes_with_trigger(
    diary: Diary, period: Period, code: str, *, limit: int = 200
) -> tuple[int, tuple[EpisodeRef, ...]]:
    """(how many episodes of `period` named trigger `code`, the newest `limit` of them)."""
    nights = _range(period, diary.boundary_hour)
    total, briefs = diary.read(
        functools.partial(aggregates.episodes_with_trigger, nights=nights, code=code, limit=limit)
    )
    return total, tuple(
        EpisodeRef(
            id=b.id,
            start_local=b.start_local,
            night=b.night,
            muscle=b.muscle,
            muscle_label=diary.label(b.muscle),
            side=Side(b.side),
            intensity=b.intensity,
            duration_s=b.duration_s,
        )
        for b in briefs
    )
