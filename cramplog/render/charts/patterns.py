"""The Patterns charts: matplotlib Figures built from plain statistics, with a text summary.

Each function takes values from `cramplog.analysis.stats` and a `ChartStyle` and returns a
`ChartResult`: a `Figure` (constrained layout, no pyplot, no Qt) and a short summary for
screen readers. Pass `figure=` to draw into an existing figure instead of a new one (the
pane reuses its figures). User text is drawn with maths parsing off.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from matplotlib.figure import Figure

from cramplog.analysis.stats import (
    PatternStats,
)
from cramplog.render.charts.calendar_grid import (
    CALENDAR_CRAMP_FREE,
    CALENDAR_CRAMPS,
    CALENDAR_HEIGHT_IN,
    CALENDAR_OUTSIDE,
    CALENDAR_UNRECORDED,
    calendar_chart,
    calendar_level,
)
from cramplog.render.charts.drawing import (
    MAX_BAR_ROWS,
    ChartResult,
    bar_rows_height_in,
    date_ticks,
    factor_rows_height_in,
)
from cramplog.render.charts.hours import HOUR_HEIGHT_IN, hour_of_night_chart
from cramplog.render.charts.muscles import SIDE_ORDER, muscle_side_chart
from cramplog.render.charts.reliefs import relief_chart
from cramplog.render.charts.style import ChartStyle
from cramplog.render.charts.trend import TREND_HEIGHT_IN, intensity_duration_chart
from cramplog.render.charts.triggers import trigger_comparison_chart
from cramplog.render.charts.weekly import MAX_WEEKLY_BARS, WEEKLY_HEIGHT_IN, weekly_cramps_chart

__all__ = [
    "CALENDAR_CRAMPS",
    "CALENDAR_CRAMP_FREE",
    "CALENDAR_HEIGHT_IN",
    "CALENDAR_OUTSIDE",
    "CALENDAR_UNRECORDED",
    "CHARTS",
    "HOUR_HEIGHT_IN",
    "MAX_BAR_ROWS",
    "MAX_WEEKLY_BARS",
    "SIDE_ORDER",
    "TREND_HEIGHT_IN",
    "WEEKLY_HEIGHT_IN",
    "ChartKind",
    "ChartResult",
    "bar_rows_height_in",
    "calendar_chart",
    "calendar_level",
    "date_ticks",
    "factor_rows_height_in",
    "hour_of_night_chart",
    "intensity_duration_chart",
    "muscle_side_chart",
    "relief_chart",
    "trigger_comparison_chart",
    "weekly_cramps_chart",
]


@dataclass(frozen=True)
class ChartKind:
    """One of the Patterns charts: the statistics it draws, how to draw them, and how tall
    it is (known before drawing, so a page can lay out space for it).

    `inputs` picks out everything the chart shows, as values that compare equal when the
    chart would come out the same: a page need not redraw a chart whose inputs (and style)
    did not change.
    """

    key: str
    inputs: Callable[[PatternStats], tuple[Any, ...]]
    draw: Callable[[tuple[Any, ...], ChartStyle, Figure | None], ChartResult]
    height_in: Callable[[PatternStats], float]

    def build(self, s: PatternStats, style: ChartStyle, figure: Figure | None) -> ChartResult:
        return self.draw(self.inputs(s), style, figure)


# The Patterns pane's charts, in the order shown.
CHARTS: Final[tuple[ChartKind, ...]] = (
    ChartKind(
        "weekly",
        lambda s: (s.weekly, s.treatments),
        lambda i, style, fig: weekly_cramps_chart(i[0], style, treatments=i[1], figure=fig),
        lambda s: WEEKLY_HEIGHT_IN,
    ),
    ChartKind(
        "hour",
        lambda s: (s.by_hour, s.boundary_hour, s.sleep_hours, s.time_not_noted),
        lambda i, style, fig: hour_of_night_chart(
            i[0],
            style,
            boundary_hour=i[1],
            sleep_hours=i[2],
            time_not_noted=i[3],
            figure=fig,
        ),
        lambda s: HOUR_HEIGHT_IN,
    ),
    ChartKind(
        "calendar",
        lambda s: (s.calendar,),
        lambda i, style, fig: calendar_chart(i[0], style, figure=fig),
        lambda s: CALENDAR_HEIGHT_IN,
    ),
    ChartKind(
        "muscle",
        lambda s: (s.by_muscle,),
        lambda i, style, fig: muscle_side_chart(i[0], style, figure=fig),
        lambda s: bar_rows_height_in(len(s.by_muscle)),
    ),
    ChartKind(
        "trend",
        lambda s: (s.trend,),
        lambda i, style, fig: intensity_duration_chart(i[0], style, figure=fig),
        lambda s: TREND_HEIGHT_IN,
    ),
    ChartKind(
        "relief",
        lambda s: (s.reliefs,),
        lambda i, style, fig: relief_chart(i[0], style, figure=fig),
        lambda s: bar_rows_height_in(len(s.reliefs)),
    ),
    ChartKind(
        "triggers",
        lambda s: (s.factors,),
        lambda i, style, fig: trigger_comparison_chart(i[0], style, figure=fig),
        lambda s: factor_rows_height_in(len(s.factors)),
    ),
)
