"""PatternStats: the headline numbers of a period, each with its change against a comparison."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from cramplog.analysis.stats import as_json
from cramplog.analysis.stats.distributions import (
    HourCount,
    MuscleCount,
    MuscleSideCount,
    WeekdayCount,
)
from cramplog.analysis.stats.periods import Period
from cramplog.analysis.stats.rates import MIN_NIGHTS_TO_RATE, can_rate, too_few_nights_to_rate
from cramplog.analysis.stats.series import ChartSeries
from cramplog.analysis.stats.treatments import ReliefStat, TreatmentEffect
from cramplog.analysis.stats.triggers import FactorComparison, TriggerStat
from cramplog.core import nights as diary_nights
from cramplog.core import recorded, wording
from cramplog.core.translation import _
from cramplog.core.value_class import value_class
from cramplog.core.wording import count

if TYPE_CHECKING:
    from cramplog.analysis.stats.calendar_nights import CalendarNight
    from cramplog.analysis.stats.weekly import TrendPoint, WeekPoint

OVER_10_MIN_S: Final = 600
# A comparison is made of per-week rates and counts, so it needs what a rate needs: against
# 0 of 91 nights recorded, "up 1 from 0" compares with nothing.
MIN_NIGHTS_TO_COMPARE: Final = MIN_NIGHTS_TO_RATE

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


@value_class
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
    # The weekly counts, the trend and the calendar: worked out when a chart asks for them.
    series: ChartSeries
    reliefs: tuple[ReliefStat, ...]
    triggers: tuple[TriggerStat, ...]
    factors: tuple[FactorComparison, ...]
    treatments: tuple[TreatmentEffect, ...]
    # How the recorded nights were counted, and what the timing figures had to infer.
    span_only_nights: int = 0
    cramps_on_unrecorded_nights: int = 0
    nocturnal_inferred: int = 0
    daytime_inferred: int = 0
    # Cramps noted by date only: left out of `by_hour`; `timing_unknown` of them have no
    # answer to "woke me" either, so they are neither night-time nor daytime.
    time_not_noted: int = 0
    timing_unknown: int = 0
    sleep_hours: diary_nights.SleepHours = diary_nights.SleepHours()
    # Of `minutes_awake_nights`, those with a cramp.
    minutes_awake_cramp_nights: int = 0
    comparison: PatternStats | None = None

    # False when `compute` was asked for no details: `reliefs`, `triggers`, `factors` and
    # `treatments` were then not read, and are empty whatever the diary holds.
    details: bool = True

    @property
    def recorded_cramp_nights(self) -> int:
        """The recorded nights that had a cramp: the share's numerator (`cramp_nights` also
        counts the nights with a cramp that were not recorded)."""
        return self.recorded_nights - self.cramp_free_nights

    @property
    def weekly(self) -> tuple[WeekPoint, ...]:
        return self.series.weekly

    @property
    def trend(self) -> tuple[TrendPoint, ...]:
        return self.series.trend

    @property
    def calendar(self) -> tuple[CalendarNight, ...]:
        return self.series.calendar

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
        return _("{recorded_nights} of {nights} recorded ({completeness})").format(
            recorded_nights=wording.number(self.recorded_nights),
            nights=count(self.nights_in_period, "{n} night", "{n} nights"),
            completeness=wording.percent(self.completeness),
        )

    def recorded_note(self) -> str:
        """How the recorded nights were counted, and the cramps left out of the rates."""
        text = self.recorded_count.describe() + "."
        if self.cramps_on_unrecorded_nights:
            text += " " + wording.count(
                self.cramps_on_unrecorded_nights,
                "{n} cramp fell on nights neither reviewed nor inside a span: counted, but left "
                "out of the rates.",
                "{n} cramps fell on nights neither reviewed nor inside a span: counted, but left "
                "out of the rates.",
            )
        return text

    def timing_note(self) -> str:
        """E.g. "45 at night or in bed, 13 in the day; 58 inferred from your sleep hours
        22:00–08:00" (a cramp is inferred when nobody said whether it woke the person)."""
        text = _("{nocturnal} at night or in bed, {daytime} in the day").format(
            nocturnal=self.nocturnal, daytime=self.daytime
        )
        inferred = self.nocturnal_inferred + self.daytime_inferred
        if inferred:
            text += _("; {inferred} inferred from your sleep hours {sleep_hours}").format(
                inferred=inferred, sleep_hours=self.sleep_hours.describe()
            )
        if self.timing_unknown:
            text += _("; {timing_unknown} not known ({time_not_noted})").format(
                timing_unknown=self.timing_unknown, time_not_noted=_(diary_nights.TIME_NOT_NOTED)
            )
        return text

    def hours_note(self) -> str:
        """Under the hour-of-night figures: the cramps they leave out, e.g. "3 cramps: time
        not noted" ("" when every cramp has its time)."""
        if not self.time_not_noted:
            return ""
        return wording.count(
            self.time_not_noted,
            "{n} cramp: {time_not_noted}",
            "{n} cramps: {time_not_noted}",
            time_not_noted=_(diary_nights.TIME_NOT_NOTED),
        )

    def rate_withheld(self) -> str | None:
        """Why the per-week rates are None though the period has recorded nights, or None."""
        if self.recorded_nights == 0 or can_rate(self.recorded_nights):
            return None
        return too_few_nights_to_rate(self.recorded_nights)

    def minutes_awake_withheld(self) -> str | None:
        """Why minutes awake per week is None though some were noted, or None (see
        computing._minutes_awake)."""
        if self.minutes_awake_per_week is not None or self.minutes_awake_nights == 0:
            return None
        if not can_rate(self.minutes_awake_nights):
            return too_few_nights_to_rate(self.minutes_awake_nights)
        if self.minutes_awake_cramp_nights == self.minutes_awake_nights:
            return _("only on nights with cramps")
        return _("only on nights without cramps")

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
        return _(
            "no comparison: {recorded_nights} of {nights} recorded in the "
            "comparison period ({min_nights_to_compare} needed)"
        ).format(
            recorded_nights=wording.number(c.recorded_nights),
            nights=count(c.nights_in_period, "{n} night", "{n} nights"),
            min_nights_to_compare=MIN_NIGHTS_TO_COMPARE,
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
        if not self.details:
            # Empty lists there would read as "none in the diary".
            raise ValueError("the JSON figures need compute(..., details=True)")
        return as_json.pattern_stats_json(self)
