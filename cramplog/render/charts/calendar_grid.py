"""The calendar chart: up to a year of nights as a week-by-weekday grid."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Final

from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from cramplog.analysis.stats import (
    CalendarNight,
    NightState,
)
from cramplog.core import conventions, wording
from cramplog.core.translation import _, n_
from cramplog.render.charts import drawing
from cramplog.render.charts.drawing import ChartResult
from cramplog.render.charts.style import ChartStyle

CALENDAR_HEIGHT_IN: Final = 2.6

# Levels of the calendar grid: outside the period, no record, cramp-free, 1, 2, 3, 4+ cramps.
CALENDAR_OUTSIDE: Final = 0
CALENDAR_UNRECORDED: Final = 1
CALENDAR_CRAMP_FREE: Final = 2
CALENDAR_CRAMPS: Final = 3  # + (cramps - 1), up to 4 or more cramps


def calendar_level(night: CalendarNight) -> int:
    """The colour level of one night in the calendar grid."""
    if night.state is NightState.UNRECORDED:
        return CALENDAR_UNRECORDED
    if night.state is NightState.CRAMP_FREE:
        return CALENDAR_CRAMP_FREE
    return CALENDAR_CRAMPS + min(night.episodes, 4) - 1


def _month_ticks(first_monday: date, weeks: int) -> tuple[list[float], list[str]]:
    """A label at the column holding the 1st of each month (and one for a partial first
    month when there is room before the next)."""
    ticks: list[float] = []
    labels: list[str] = []
    for week in range(weeks):
        sunday = first_monday + timedelta(weeks=week, days=6)
        if sunday.day <= 7:  # this week holds the 1st of sunday's month
            ticks.append(float(week))
            labels.append(wording.month(sunday))
    if not ticks or ticks[0] >= 3:
        ticks.insert(0, 0.0)
        labels.insert(0, wording.month(first_monday + timedelta(days=6)))
    return ticks, labels


def calendar_chart(
    calendar: Sequence[CalendarNight], style: ChartStyle, *, figure: Figure | None = None
) -> ChartResult:
    """Up to a year of nights as a week-by-weekday grid: cramps by count, cramp-free reviewed
    nights, and nights with no record, each clearly different."""
    title = _("Calendar of nights")

    def draw() -> ChartResult:
        fig = drawing.new_figure(style, CALENDAR_HEIGHT_IN, figure)
        ax = fig.add_subplot()
        drawing.style_axes(ax, style, grid_axis=None)
        for spine in ax.spines.values():
            spine.set_visible(False)
        drawing.title(ax, title, style)
        if not calendar:
            drawing.empty(ax, _("No nights in this period."), style)
            return ChartResult(fig, title, _("No nights in this period."))
        first = calendar[0].night - timedelta(days=calendar[0].night.weekday())
        weeks = (calendar[-1].night - first).days // 7 + 1
        grid = [[CALENDAR_OUTSIDE] * weeks for _ in range(7)]
        for night in calendar:
            offset = (night.night - first).days
            grid[offset % 7][offset // 7] = calendar_level(night)
        colours = ListedColormap(
            [style.background, style.unrecorded, style.cramp_free, *style.cramp_scale]
        )
        mesh = ax.pcolormesh(
            grid,
            cmap=colours,
            norm=BoundaryNorm([-0.5 + i for i in range(8)], 7),
            edgecolors=style.background,
            linewidth=1.0,
        )
        mesh.set_gid("calendar-grid")
        ax.set_xlim(0, weeks)
        ax.set_ylim(7, 0)
        ax.set_aspect("equal")
        names = conventions.current().weekdays  # the locale's short names, Monday first
        ax.set_yticks([0.5, 2.5, 4.5, 6.5], [names[0], names[2], names[4], names[6]])
        month_ticks, month_labels = _month_ticks(first, weeks)
        ax.set_xticks(month_ticks, month_labels, ha="left")
        ax.tick_params(length=0)
        drawing.legend_below(
            fig,
            [
                Patch(facecolor=style.unrecorded),
                Patch(facecolor=style.cramp_free),
                *(Patch(facecolor=c) for c in style.cramp_scale),
            ],
            [_("No record"), _("Cramp-free"), _("1 cramp"), "2", "3", "4+"],
            style,
            columns=6,
        )
        summary = _summary(calendar)
        return ChartResult(fig, title, summary)

    return drawing.build(style, draw)


def _summary(calendar: Sequence[CalendarNight]) -> str:
    states = [n.state for n in calendar]
    period = drawing.days(calendar[0].night, calendar[-1].night)
    cramps = states.count(NightState.CRAMPS)
    free = states.count(NightState.CRAMP_FREE)
    unrecorded = states.count(NightState.UNRECORDED)
    return _("Calendar, {period}: {cramp_nights}, {free_nights}, {unrecorded_nights}.").format(
        period=period,
        cramp_nights=n_("{n} night with cramps", "{n} nights with cramps", cramps).format(n=cramps),
        free_nights=n_(
            "{n} cramp-free reviewed night", "{n} cramp-free reviewed nights", free
        ).format(n=free),
        unrecorded_nights=n_(
            "{n} night with no record", "{n} nights with no record", unrecorded
        ).format(n=unrecorded),
    )
