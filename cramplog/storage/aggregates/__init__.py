"""Read-only aggregate queries over ranges of diary nights, returning plain values.

They serve the statistics and warning-sign rules (`cramplog.analysis.stats`,
`cramplog.analysis.warning_signs`), which must stay fast on a hundred-year stress diary of
150,000 episodes. Reading the wide `episodes` rows is what costs (about a microsecond a
row), so the period's episodes are read once, packed into one integer per episode by
SQLite (`episode_columns`), and everything else is a GROUP BY over the narrow link tables
or a query that touches only a few rows.

A night is the wall-clock span from the boundary hour on its date to the same hour the next
day; `NightRange` turns a range of nights into bounds on the stored wall-clock text.

A package by kind of read: `ranges` (NightRange, the raw read), `period` (the packed columns
and their bit layouts, kept together), `windows` and `evidence`; every public name is
re-exported here, so callers keep `aggregates.episode_columns(...)`.
"""

from cramplog.core.checklist import DAY_FACTORS
from cramplog.storage.aggregates.evidence import (
    EpisodeBrief,
    Share,
    episodes_where_nothing_helped,
    episodes_with_symptoms,
    episodes_with_trigger,
    episodes_without_triggers,
    long_episodes,
)
from cramplog.storage.aggregates.period import (
    DAYS_1900_TO_1970,
    MINUTES_AWAKE_BITS,
    NIGHT_BIAS,
    NIGHT_BITS,
    REVIEWED_BIT,
    SLEEP_DISTURBANCE_BITS,
    DayColumns,
    EpisodeColumns,
    FactorThresholds,
    ReliefCounts,
    day_columns,
    episode_columns,
    factor_present_bit,
    factor_recorded_bit,
    relief_counts,
    trigger_counts,
)
from cramplog.storage.aggregates.ranges import NightRange, change_token, holds_records
from cramplog.storage.aggregates.windows import WindowNights, first_recorded_night, window_nights
from cramplog.storage.episode_figures import (
    DURATION_BITS,
    EPISODE_NIGHT_BITS,
    HOUR_BITS,
    IN_SLEEP_BIT,
    INTENSITY_BITS,
    MUSCLE_BITS,
    NO_INTENSITY,
    NOCTURNAL_BIT,
    SIDE_BITS,
    TIME_NOT_NOTED_BIT,
    TIMING_UNKNOWN_BIT,
)

__all__ = [
    "DAYS_1900_TO_1970",
    "DAY_FACTORS",
    "DURATION_BITS",
    "EPISODE_NIGHT_BITS",
    "HOUR_BITS",
    "INTENSITY_BITS",
    "IN_SLEEP_BIT",
    "MINUTES_AWAKE_BITS",
    "MUSCLE_BITS",
    "NIGHT_BIAS",
    "NIGHT_BITS",
    "NOCTURNAL_BIT",
    "NO_INTENSITY",
    "REVIEWED_BIT",
    "SIDE_BITS",
    "SLEEP_DISTURBANCE_BITS",
    "TIME_NOT_NOTED_BIT",
    "TIMING_UNKNOWN_BIT",
    "DayColumns",
    "EpisodeBrief",
    "EpisodeColumns",
    "FactorThresholds",
    "NightRange",
    "ReliefCounts",
    "Share",
    "WindowNights",
    "change_token",
    "day_columns",
    "episode_columns",
    "episodes_where_nothing_helped",
    "episodes_with_symptoms",
    "episodes_with_trigger",
    "episodes_without_triggers",
    "factor_present_bit",
    "factor_recorded_bit",
    "first_recorded_night",
    "holds_records",
    "long_episodes",
    "relief_counts",
    "trigger_counts",
    "window_nights",
]
