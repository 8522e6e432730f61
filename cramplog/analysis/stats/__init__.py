"""Pattern statistics of a period of diary nights, as frozen plain values (no Qt, no charts).

A package by figure family (periods, rates, headline, distributions, weekly, triggers,
treatments, calendar_nights, as_json; `computing` puts them together); every public name is
re-exported here, so callers keep `from cramplog.analysis import stats` and `stats.compute`.

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
- Trigger and day-factor comparisons set the share of recorded cramp nights on which a factor was
  present against the share of cramp-free recorded nights on which it was present, counting
  only nights whose day record says either way. They are shown only with at least
  `MIN_NIGHTS_EACH_SIDE` nights on each side, and are a comparison, never a cause. A
  suspected trigger noted on an episode cannot be compared (a cramp-free night has no
  episode to note it on), so only triggers with a day factor have a comparison.
- A treatment's before/after compares cramps per week over the `TREATMENT_WINDOW_NIGHTS`
  nights before it started with the same number of nights from its start, each side
  needing `TREATMENT_MIN_RECORDED_NIGHTS` recorded nights. It describes, it does not judge.
"""

from typing import TYPE_CHECKING, Any, Final

from cramplog.analysis.stats.computing import compute
from cramplog.analysis.stats.distributions import (
    WEEKDAY_NAMES,
    HourCount,
    MuscleCount,
    MuscleSideCount,
    WeekdayCount,
)
from cramplog.analysis.stats.headline import (
    HEADLINE_FIELDS,
    MIN_NIGHTS_TO_COMPARE,
    OVER_10_MIN_S,
    PatternStats,
)
from cramplog.analysis.stats.periods import (
    DEFAULT_PRESET,
    Period,
    PeriodPreset,
    default_period,
    diary_presets,
    first_recorded_night,
    period_presets,
)
from cramplog.analysis.stats.rates import (
    MIN_NIGHTS_TO_RATE,
    can_rate,
    per_week,
    too_few_nights_to_rate,
)
from cramplog.analysis.stats.treatments import (
    TREATMENT_MIN_RECORDED_NIGHTS,
    TREATMENT_WINDOW_NIGHTS,
    ReliefStat,
    TreatmentEffect,
)
from cramplog.analysis.stats.triggers import (
    CUSTOM_GROUP,
    CUSTOM_GROUP_LABEL,
    FACTOR_DESCRIPTIONS,
    FACTOR_THRESHOLDS,
    MIN_NIGHTS_EACH_SIDE,
    STANDS_OUT_DIFFERENCE,
    EpisodeRef,
    FactorComparison,
    TriggerStat,
    episodes_with_trigger,
)

if TYPE_CHECKING:
    from cramplog.analysis.stats.calendar_nights import (
        CALENDAR_MAX_NIGHTS,
        CalendarNight,
        NightState,
    )
    from cramplog.analysis.stats.weekly import (
        ROLLING_WEEKS,
        WEEKLY_TREND_MAX_NIGHTS,
        TrendPoint,
        WeekPoint,
    )

# The chart series' names come from their modules when first asked for (PEP 562), so a
# command that draws no chart (`cramplog stats`) never imports them.
_LAZY: Final = {
    "CALENDAR_MAX_NIGHTS": "calendar_nights",
    "CalendarNight": "calendar_nights",
    "NightState": "calendar_nights",
    "ROLLING_WEEKS": "weekly",
    "WEEKLY_TREND_MAX_NIGHTS": "weekly",
    "TrendPoint": "weekly",
    "WeekPoint": "weekly",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    globals()[name] = value
    return value


__all__ = [
    "CALENDAR_MAX_NIGHTS",
    "CUSTOM_GROUP",
    "CUSTOM_GROUP_LABEL",
    "DEFAULT_PRESET",
    "FACTOR_DESCRIPTIONS",
    "FACTOR_THRESHOLDS",
    "HEADLINE_FIELDS",
    "MIN_NIGHTS_EACH_SIDE",
    "MIN_NIGHTS_TO_COMPARE",
    "MIN_NIGHTS_TO_RATE",
    "OVER_10_MIN_S",
    "ROLLING_WEEKS",
    "STANDS_OUT_DIFFERENCE",
    "TREATMENT_MIN_RECORDED_NIGHTS",
    "TREATMENT_WINDOW_NIGHTS",
    "WEEKDAY_NAMES",
    "WEEKLY_TREND_MAX_NIGHTS",
    "CalendarNight",
    "EpisodeRef",
    "FactorComparison",
    "HourCount",
    "MuscleCount",
    "MuscleSideCount",
    "NightState",
    "PatternStats",
    "Period",
    "PeriodPreset",
    "ReliefStat",
    "TreatmentEffect",
    "TrendPoint",
    "TriggerStat",
    "WeekPoint",
    "WeekdayCount",
    "can_rate",
    "compute",
    "default_period",
    "diary_presets",
    "episodes_with_trigger",
    "first_recorded_night",
    "per_week",
    "period_presets",
    "too_few_nights_to_rate",
]
