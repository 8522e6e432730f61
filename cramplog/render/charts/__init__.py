"""Charts of the diary's patterns, drawn with matplotlib and no Qt, for the pane and the report.

Import this package only when a chart is about to be drawn: it loads matplotlib.

    from cramplog.render import charts
    from cramplog.analysis import stats
    result = charts.weekly_cramps_chart(s.weekly, charts.PRINT, treatments=s.treatments)
    result.figure.savefig("weekly.pdf"); print(result.summary)
"""

from cramplog.render.charts.patterns import (
    CHARTS,
    ChartKind,
    ChartResult,
    calendar_chart,
    calendar_level,
    hour_of_night_chart,
    intensity_duration_chart,
    muscle_side_chart,
    relief_chart,
    trigger_comparison_chart,
    weekly_cramps_chart,
)
from cramplog.render.charts.style import DARK, LIGHT, PRINT, ChartStyle

__all__ = [
    "CHARTS",
    "DARK",
    "LIGHT",
    "PRINT",
    "ChartKind",
    "ChartResult",
    "ChartStyle",
    "calendar_chart",
    "calendar_level",
    "hour_of_night_chart",
    "intensity_duration_chart",
    "muscle_side_chart",
    "relief_chart",
    "trigger_comparison_chart",
    "weekly_cramps_chart",
]
