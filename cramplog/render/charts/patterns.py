"""The Patterns charts: matplotlib Figures built from plain statistics, with a text summary.

Each function takes values from `cramplog.analysis.stats` and a `ChartStyle` and returns a
`ChartResult`: a `Figure` (constrained layout, no pyplot, no Qt) and a short summary for
screen readers. Pass `figure=` to draw into an existing figure instead of a new one (the
pane reuses its figures). User text is drawn with maths parsing off.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final, Literal

import matplotlib
import matplotlib.dates as mdates
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.collections import PolyCollection
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator

from cramplog.analysis.stats import (
    CalendarNight,
    FactorComparison,
    HourCount,
    MuscleCount,
    NightState,
    PatternStats,
    ReliefStat,
    TreatmentEffect,
    TrendPoint,
    WeekPoint,
)
from cramplog.core.nights import SleepHours
from cramplog.core.records import Side
from cramplog.render.charts.style import ChartStyle

# Bars for up to two years of weeks; beyond that one stepped outline draws far faster.
MAX_WEEKLY_BARS: Final = 104
# Hours usually spent asleep, shaded on the hour-of-night chart.
MAX_BAR_ROWS: Final = 14
WEEKLY_HEIGHT_IN: Final = 3.0
HOUR_HEIGHT_IN: Final = 3.0
CALENDAR_HEIGHT_IN: Final = 2.6
TREND_HEIGHT_IN: Final = 3.6


def bar_rows_height_in(rows: int) -> float:
    """The height of a chart with one horizontal bar per row (muscles, relief methods)."""
    return max(2.2, 1.3 + 0.26 * min(rows, MAX_BAR_ROWS))


def factor_rows_height_in(rows: int) -> float:
    """The height of the day-factor comparison, two bars per row."""
    return max(2.4, 1.4 + 0.32 * rows)


@dataclass(frozen=True)
class ChartResult:
    """One chart: its figure, its title, and a plain-text summary for screen readers."""

    figure: Figure
    title: str
    summary: str


# -- shared helpers -------------------------------------------------------------------------


def _figure(style: ChartStyle, height_in: float, figure: Figure | None) -> Figure:
    if figure is None:
        figure = Figure(
            figsize=(style.width_in, height_in),
            dpi=style.dpi,
            layout="constrained",
            facecolor=style.background,
        )
    else:
        figure.clear()
        figure.set_facecolor(style.background)
        figure.set_layout_engine("constrained")
        # The chart's own height (rows of bars vary); a canvas showing it follows this.
        figure.set_size_inches(figure.get_figwidth(), height_in, forward=False)
    return figure


def _rectangles(
    ax: Axes,
    gid: str,
    *,
    x: Sequence[float],
    y: Sequence[float],
    width: Sequence[float],
    height: Sequence[float],
    colour: str,
    edge: str | None = None,
) -> PolyCollection:
    """Bars as one collection of rectangles: one artist draws far faster than a patch per
    bar. `gid` names the series, so tests and tools can find what was drawn."""
    corners = [
        [(left, bottom), (left, bottom + h), (left + w, bottom + h), (left + w, bottom)]
        for left, bottom, w, h in zip(x, y, width, height, strict=True)
    ]
    # An outline only round a bar that is there: an empty one would draw a stray line.
    edges = [edge if edge and w and h else "none" for w, h in zip(width, height, strict=True)]
    bars = PolyCollection(corners, facecolors=colour, edgecolors=edges, linewidths=0.6, closed=True)
    bars.set_gid(gid)
    ax.add_collection(bars, autolim=False)
    return bars


def _vertical_bars(
    ax: Axes, gid: str, lefts: Sequence[float], heights: Sequence[float], width: float, colour: str
) -> PolyCollection:
    return _rectangles(
        ax,
        gid,
        x=lefts,
        y=[0.0] * len(heights),
        width=[width] * len(heights),
        height=heights,
        colour=colour,
    )


def _horizontal_bars(
    ax: Axes,
    gid: str,
    rows: Sequence[float],
    widths: Sequence[float],
    *,
    lefts: Sequence[float] | None = None,
    thickness: float = 0.7,
    colour: str,
    edge: str | None = None,
) -> PolyCollection:
    """Bars centred on each row (rows count down the chart), starting at `lefts` (or 0)."""
    return _rectangles(
        ax,
        gid,
        x=lefts if lefts is not None else [0.0] * len(widths),
        y=[row - thickness / 2 for row in rows],
        width=widths,
        height=[thickness] * len(widths),
        colour=colour,
        edge=edge,
    )


def _plain(texts: Iterable[Text]) -> None:
    """Draw these texts literally: a "$" in a custom label must not start maths."""
    for text in texts:
        text.set_parse_math(False)


def _style_axes(ax: Axes, style: ChartStyle, *, grid_axis: Literal["x", "y"] | None = "y") -> None:
    ax.set_facecolor(style.background)
    for name, spine in ax.spines.items():
        spine.set_visible(name in ("left", "bottom"))
        spine.set_color(style.muted)
    # Explicit, not left to rcParams: matplotlib may make more ticks while drawing, after
    # the scoped style of the build is gone.
    ax.tick_params(colors=style.muted, labelcolor=style.foreground, labelsize=style.font_size * 0.9)
    if grid_axis is not None:
        ax.grid(True, axis=grid_axis, color=style.grid, linewidth=0.8)
        ax.set_axisbelow(True)


def _title(ax: Axes, text: str, style: ChartStyle) -> None:
    ax.set_title(text, loc="left", color=style.foreground, fontsize=style.title_size, pad=8)
    _plain([ax.title])


def _labels(ax: Axes, *, x: str | None = None, y: str | None = None) -> None:
    if x is not None:
        ax.set_xlabel(x)
    if y is not None:
        ax.set_ylabel(y)
    _plain([ax.xaxis.label, ax.yaxis.label])


def _legend(
    figure: Figure,
    handles: Sequence[Any],
    labels: Sequence[str],
    style: ChartStyle,
    *,
    columns: int = 4,
) -> None:
    """A legend below the plot, where constrained layout keeps it clear of every label."""
    legend = figure.legend(
        handles,
        labels,
        loc="outside lower center",
        ncols=min(len(labels), columns),
        frameon=False,
        fontsize=style.font_size * 0.9,
        handlelength=1.2,
        columnspacing=1.2,
        labelcolor=style.foreground,
    )
    _plain(legend.get_texts())


def _empty(ax: Axes, message: str, style: ChartStyle) -> None:
    ax.text(
        0.5,
        0.5,
        message,
        transform=ax.transAxes,
        ha="center",
        va="center",
        color=style.muted,
        parse_math=False,
    )
    ax.set_xticks([])
    ax.set_yticks([])


def _days(first: date, last: date) -> str:
    return f"{first:%d %b %Y} to {last:%d %b %Y}"


def _build(style: ChartStyle, draw: Callable[[], ChartResult]) -> ChartResult:
    with matplotlib.rc_context(style.rc_params()):
        return draw()


def _num(day: date) -> float:
    return float(mdates.date2num(day))  # type: ignore[no-untyped-call]


def _whole_numbers(axis: Axis) -> None:
    """Counts get whole-number ticks: half a cramp means nothing."""
    axis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=2))


def date_ticks(first: date, last: date, most: int = 8) -> list[tuple[date, str]]:
    """Readable date ticks between two days: weeks, months or years, at most `most`.

    Worked out once here rather than by matplotlib's date locator, which constrained
    layout would run again and again while it measures the labels.
    """
    span = (last - first).days
    if span <= 62:
        day = first + timedelta(days=(7 - first.weekday()) % 7)  # Mondays
        step = max(1, -(-span // (7 * most)))
        ticks: list[tuple[date, str]] = []
        while day <= last:
            ticks.append((day, f"{day:%d %b}"))
            day += timedelta(weeks=step)
        return ticks
    months = (last.year - first.year) * 12 + last.month - first.month
    if months <= 3 * most:
        step = max(1, -(-months // most))
        ticks = []
        year, month = first.year, first.month + 1
        while True:
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
            day = date(year, month, 1)
            if day > last:
                break
            new_year = not ticks or ticks[-1][0].year != year
            label = f"{day:%b %Y}" if new_year else f"{day:%b}"
            ticks.append((day, label))
            month += step
        return ticks
    years = last.year - first.year
    step = max(1, -(-years // most))
    return [
        (date(year, 1, 1), str(year))
        for year in range(first.year + 1, last.year + 1)
        if (year - first.year - 1) % step == 0
    ]


def _date_axis(ax: Axes, style: ChartStyle, first: date, last: date) -> None:
    ticks = date_ticks(first, last)
    ax.set_xticks([_num(day) for day, _ in ticks], [label for _, label in ticks])
    ax.tick_params(axis="x", colors=style.muted, labelcolor=style.foreground)


def _runs(flags: Sequence[bool]) -> list[tuple[int, int]]:
    """(start, length) of each run of True in `flags`."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for index, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = index
        elif not flag and start is not None:
            runs.append((start, index - start))
            start = None
    return runs


# -- weekly cramps --------------------------------------------------------------------------


def weekly_cramps_chart(
    weekly: Sequence[WeekPoint],
    style: ChartStyle,
    *,
    treatments: Sequence[TreatmentEffect] = (),
    figure: Figure | None = None,
) -> ChartResult:
    """Cramps per calendar week, the rolling cramps-per-week rate, and treatment starts/stops.

    Weeks with no recorded night are shaded: there the count is unknown, not zero.
    """
    title = "Cramps per week"

    def draw() -> ChartResult:
        fig = _figure(style, WEEKLY_HEIGHT_IN, figure)
        ax = fig.add_subplot()
        _style_axes(ax, style)
        _title(ax, title, style)
        if not weekly:
            _empty(ax, "No weeks in this period.", style)
            return ChartResult(fig, title, "No weeks in this period.")
        starts = [_num(w.week_start) for w in weekly]
        counts = [w.episodes for w in weekly]
        right_edge = starts[-1] + 7
        if len(weekly) <= MAX_WEEKLY_BARS:
            count_handle: Any = _vertical_bars(
                ax, "weekly-counts", [s + 0.4 for s in starts], counts, 6.2, style.accent
            )
        else:
            step = ax.stairs(
                counts, [*starts, right_edge], fill=True, color=style.accent, label="Cramps"
            )
            step.set_gid("weekly-counts")
            count_handle = step
        rolling = [
            float("nan") if w.rolling_cramps_per_week is None else w.rolling_cramps_per_week
            for w in weekly
        ]
        (line,) = ax.plot(
            [s + 3.5 for s in starts],
            rolling,
            color=style.accent_alt,
            linewidth=1.8,
            label="4-week average per week",
        )
        line.set_gid("weekly-rolling")
        unrecorded = _runs([w.recorded_nights == 0 for w in weekly])
        if unrecorded:
            gaps = ax.broken_barh(
                [(starts[i], 7 * n) for i, n in unrecorded],
                (0, 1),
                transform=ax.get_xaxis_transform(),
                facecolor=style.unrecorded,
                edgecolor="none",
                zorder=0,
            )
            gaps.set_gid("weekly-unrecorded")
        handles: list[Any] = [count_handle, line]
        names = ["Cramps in the week", "Average per week (4 weeks)"]
        if unrecorded:
            handles.append(Patch(facecolor=style.unrecorded))
            names.append("No nights recorded")
        first, last = weekly[0].week_start, weekly[-1].week_start + timedelta(days=6)
        shown = _treatment_marks(ax, treatments, first, last, style)
        if shown:
            handles.append(Line2D([], [], color=style.marker, linewidth=1.2))
            names.append("Medicine started (solid) / stopped (dashed)")
        ax.set_xlim(starts[0], right_edge)
        ax.set_ylim(0, max([*counts, *(r for r in rolling if r == r), 1]) * 1.15)
        _date_axis(ax, style, first, last)
        _whole_numbers(ax.yaxis)
        _labels(ax, y="Cramps")
        _legend(fig, handles, names, style)
        busiest = max(weekly, key=lambda w: w.episodes)
        latest_rate = next(
            (
                w.rolling_cramps_per_week
                for w in reversed(weekly)
                if w.rolling_cramps_per_week is not None
            ),
            None,
        )
        summary = (
            f"Cramps per week, {_days(first, last)}: {sum(counts)} cramps over "
            f"{len(weekly)} weeks; the busiest week began {busiest.week_start:%d %b %Y} "
            f"with {busiest.episodes}."
        )
        if latest_rate is not None:
            summary += f" The latest 4-week average is {latest_rate:.1f} a week."
        if unrecorded:
            summary += f" {sum(n for _, n in unrecorded)} weeks had no recorded night."
        if shown:
            summary += " Medicines: " + "; ".join(shown) + "."
        return ChartResult(fig, title, summary)

    return _build(style, draw)


def _treatment_marks(
    ax: Axes,
    treatments: Sequence[TreatmentEffect],
    first: date,
    last: date,
    style: ChartStyle,
) -> list[str]:
    """Vertical lines where medicines started (solid) and stopped (dashed); their names."""
    shown: list[str] = []
    for treatment in treatments:
        for day, dashed, verb in (
            (treatment.started_on, False, "started"),
            (treatment.stopped_on, True, "stopped"),
        ):
            if day is None or not first <= day <= last:
                continue
            line = ax.axvline(
                _num(day),
                color=style.marker,
                linewidth=1.2,
                linestyle="--" if dashed else "-",
                zorder=3,
            )
            line.set_gid(f"treatment-{verb}")
            ax.text(
                _num(day),
                0.98,
                f" {treatment.name}",
                transform=ax.get_xaxis_transform(),
                rotation=90,
                ha="right" if dashed else "left",
                va="top",
                fontsize=style.font_size * 0.8,
                color=style.marker,
                parse_math=False,
                clip_on=True,
                bbox={"facecolor": style.background, "edgecolor": "none", "alpha": 0.8, "pad": 1},
            )
            shown.append(f"{treatment.name} {verb} {day:%d %b %Y}")
    return shown


# -- hour of night --------------------------------------------------------------------------


def hour_of_night_chart(
    by_hour: Sequence[HourCount],
    style: ChartStyle,
    *,
    boundary_hour: int = 12,
    sleep_hours: SleepHours | None = None,
    figure: Figure | None = None,
) -> ChartResult:
    """Cramps by the hour they began, in diary-day order from the boundary hour, with the
    person's usual sleep hours shaded (an hour is shaded when it begins inside them) and the
    mean intensity per hour as a line (right axis)."""
    sleep = sleep_hours or SleepHours()
    asleep = frozenset(h for h in range(24) if sleep.contains(h * 60))
    title = "When cramps start (hour of the day)"

    def draw() -> ChartResult:
        fig = _figure(style, HOUR_HEIGHT_IN, figure)
        ax = fig.add_subplot()
        _style_axes(ax, style)
        _title(ax, title, style)
        counts = {h.hour: h for h in by_hour}
        order = [(boundary_hour + i) % 24 for i in range(24)]
        heights = [counts[h].episodes if h in counts else 0 for h in order]
        for start, length in _runs([h in asleep for h in order]):
            band = ax.axvspan(
                start - 0.5, start + length - 0.5, color=style.night_band, zorder=0, linewidth=0
            )
            band.set_gid("night-band")
        bars = _vertical_bars(
            ax, "hour-counts", [i - 0.4 for i in range(24)], heights, 0.8, style.accent
        )
        ax.set_xticks(range(0, 24, 2), [f"{order[i]:02d}" for i in range(0, 24, 2)])
        ax.set_xlim(-0.6, 23.6)
        ax.set_ylim(0, max([*heights, 1]) * 1.15)
        _whole_numbers(ax.yaxis)
        _labels(ax, x="Hour the cramp began", y="Cramps")
        twin = ax.twinx()
        twin.set_facecolor("none")
        means: list[float] = []
        for h in order:
            mean = counts[h].mean_intensity if h in counts else None
            means.append(float("nan") if mean is None else mean)
        (line,) = twin.plot(
            range(24),
            means,
            color=style.accent_alt,
            marker="o",
            markersize=3,
            linewidth=1.4,
        )
        line.set_gid("hour-intensity")
        twin.set_ylim(0, 10.5)
        twin.set_yticks([0, 5, 10])
        twin.set_ylabel("Mean intensity (0–10)", color=style.accent_alt)
        twin.tick_params(
            colors=style.muted, labelcolor=style.accent_alt, labelsize=style.font_size * 0.9
        )
        for name, spine in twin.spines.items():
            spine.set_visible(name == "right")
            spine.set_color(style.muted)
        _plain([twin.yaxis.label])
        _legend(
            fig,
            [bars, line, Patch(facecolor=style.night_band)],
            ["Cramps", "Mean intensity", f"Usual sleep hours ({sleep.describe()})"],
            style,
        )
        total = sum(heights)
        if total == 0:
            return ChartResult(fig, title, "No cramps with a start time in this period.")
        peak = max(range(24), key=lambda i: heights[i])
        night = sum(heights[i] for i in range(24) if order[i] in asleep)
        summary = (
            f"Cramps by starting hour: {total} in all; the most ({heights[peak]}) began "
            f"between {order[peak]:02d}:00 and {(order[peak] + 1) % 24:02d}:00; "
            f"{night} ({night / total:.0%}) began in the usual sleep hours ({sleep.describe()})."
        )
        return ChartResult(fig, title, summary)

    return _build(style, draw)


# -- calendar -------------------------------------------------------------------------------

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
            labels.append(f"{sunday:%b}")
    if not ticks or ticks[0] >= 3:
        ticks.insert(0, 0.0)
        labels.insert(0, f"{first_monday + timedelta(days=6):%b}")
    return ticks, labels


def calendar_chart(
    calendar: Sequence[CalendarNight], style: ChartStyle, *, figure: Figure | None = None
) -> ChartResult:
    """Up to a year of nights as a week-by-weekday grid: cramps by count, cramp-free reviewed
    nights, and nights with no record, each clearly different."""
    title = "Calendar of nights"

    def draw() -> ChartResult:
        fig = _figure(style, CALENDAR_HEIGHT_IN, figure)
        ax = fig.add_subplot()
        _style_axes(ax, style, grid_axis=None)
        for spine in ax.spines.values():
            spine.set_visible(False)
        _title(ax, title, style)
        if not calendar:
            _empty(ax, "No nights in this period.", style)
            return ChartResult(fig, title, "No nights in this period.")
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
        ax.set_yticks([0.5, 2.5, 4.5, 6.5], ["Mon", "Wed", "Fri", "Sun"])
        month_ticks, month_labels = _month_ticks(first, weeks)
        ax.set_xticks(month_ticks, month_labels, ha="left")
        ax.tick_params(length=0)
        _legend(
            fig,
            [
                Patch(facecolor=style.unrecorded),
                Patch(facecolor=style.cramp_free),
                *(Patch(facecolor=c) for c in style.cramp_scale),
            ],
            ["No record", "Cramp-free", "1 cramp", "2", "3", "4+"],
            style,
            columns=6,
        )
        states = [n.state for n in calendar]
        cramp_nights = states.count(NightState.CRAMPS)
        free = states.count(NightState.CRAMP_FREE)
        summary = (
            f"Calendar, {_days(calendar[0].night, calendar[-1].night)}: {cramp_nights} nights "
            f"with cramps, {free} cramp-free reviewed nights, "
            f"{states.count(NightState.UNRECORDED)} nights with no record."
        )
        return ChartResult(fig, title, summary)

    return _build(style, draw)


# -- muscle and side ------------------------------------------------------------------------

SIDE_ORDER: Final = (Side.LEFT, Side.RIGHT, Side.BOTH, Side.NOT_APPLICABLE)


def muscle_side_chart(
    by_muscle: Sequence[MuscleCount], style: ChartStyle, *, figure: Figure | None = None
) -> ChartResult:
    """Cramps per muscle (most first), each bar split by side."""
    title = "Where: muscle and side"

    def draw() -> ChartResult:
        shown = list(by_muscle[:MAX_BAR_ROWS])
        fig = _figure(style, bar_rows_height_in(len(shown)), figure)
        ax = fig.add_subplot()
        _style_axes(ax, style, grid_axis="x")
        _title(ax, title, style)
        if not shown:
            _empty(ax, "No cramps in this period.", style)
            return ChartResult(fig, title, "No cramps in this period.")
        rows = list(range(len(shown)))
        left = [0] * len(shown)
        handles = []
        for side, colour in zip(SIDE_ORDER, style.sides, strict=True):
            widths = [dict(m.by_side).get(side, 0) for m in shown]
            if not any(widths):
                continue
            bars = _horizontal_bars(
                ax, f"side-{side.value}", rows, widths, lefts=left, colour=colour
            )
            handles.append((bars, side.label))
            left = [a + b for a, b in zip(left, widths, strict=True)]
        for row, muscle in zip(rows, shown, strict=True):
            ax.text(
                muscle.episodes,
                row,
                f" {muscle.episodes}",
                va="center",
                fontsize=style.font_size * 0.85,
                color=style.foreground,
            )
        ax.set_yticks(rows, [m.label for m in shown])
        _plain(ax.get_yticklabels())
        ax.set_ylim(len(shown) - 0.5, -0.5)
        ax.set_xlim(0, max(m.episodes for m in shown) * 1.15)
        _whole_numbers(ax.xaxis)
        _labels(ax, x="Cramps")
        _legend(fig, [h for h, _ in handles], [n for _, n in handles], style)
        total = sum(m.episodes for m in by_muscle)
        parts = []
        for muscle in shown[:3]:
            sides = ", ".join(f"{s.label.lower()} {n}" for s, n in muscle.by_side)
            parts.append(f"{muscle.label} {muscle.episodes} ({sides})")
        summary = f"Cramps by muscle, {total} in all: " + "; ".join(parts) + "."
        if len(by_muscle) > len(shown):
            summary += f" {len(by_muscle) - len(shown)} more muscles are not drawn."
        return ChartResult(fig, title, summary)

    return _build(style, draw)


# -- intensity and duration over time -------------------------------------------------------


def intensity_duration_chart(
    trend: Sequence[TrendPoint], style: ChartStyle, *, figure: Figure | None = None
) -> ChartResult:
    """Median and worst intensity, and median duration, per week or month."""
    title = "How bad: intensity and duration over time"

    def draw() -> ChartResult:
        fig = _figure(style, TREND_HEIGHT_IN, figure)
        top, bottom = fig.subplots(2, 1, sharex=True)
        for ax in (top, bottom):
            _style_axes(ax, style)
        _title(top, title, style)
        if not trend:
            _empty(top, "No cramps in this period.", style)
            bottom.set_visible(False)
            return ChartResult(fig, title, "No cramps in this period.")
        bucket = trend[0].bucket
        span = 7 if bucket == "week" else 30
        xs = [_num(t.bucket_start) + span / 2 for t in trend]

        def values(pick: Callable[[TrendPoint], float | None], scale: float = 1.0) -> list[float]:
            out = []
            for point in trend:
                value = pick(point)
                out.append(float("nan") if value is None else value / scale)
            return out

        (median,) = top.plot(
            xs, values(lambda t: t.intensity_median), color=style.accent, marker="o", ms=3
        )
        median.set_gid("trend-intensity-median")
        (worst,) = top.plot(
            xs,
            values(lambda t: t.intensity_worst),
            color=style.accent_alt,
            marker="^",
            ms=3,
            linestyle="none",
        )
        worst.set_gid("trend-intensity-worst")
        top.set_ylim(0, 10.5)
        _labels(top, y="Intensity")
        _legend(fig, [median, worst], [f"Median per {bucket}", "Worst"], style)
        (duration,) = bottom.plot(
            xs,
            values(lambda t: t.duration_median_s, 60.0),
            color=style.accent,
            marker="o",
            ms=3,
        )
        duration.set_gid("trend-duration-median")
        bottom.set_ylim(bottom=0)
        _labels(bottom, y="Minutes (median)")
        first = trend[0].bucket_start
        last = trend[-1].bucket_start + timedelta(days=span)
        bottom.set_xlim(_num(first), _num(last))
        _date_axis(bottom, style, first, last)
        rated = [t.intensity_median for t in trend if t.intensity_median is not None]
        timed = [t.duration_median_s for t in trend if t.duration_median_s is not None]
        summary = f"Intensity and duration per {bucket}, {len(trend)} {bucket}s with cramps."
        if rated:
            summary += f" Median intensity ranged from {min(rated):g} to {max(rated):g}."
        if timed:
            summary += (
                f" Median duration ranged from {min(timed) / 60:.1f} to "
                f"{max(timed) / 60:.1f} minutes."
            )
        return ChartResult(fig, title, summary)

    return _build(style, draw)


# -- relief methods -------------------------------------------------------------------------


def relief_chart(
    reliefs: Sequence[ReliefStat], style: ChartStyle, *, figure: Figure | None = None
) -> ChartResult:
    """How often each relief method was tried, split by how well it worked."""
    title = "What helped"

    def draw() -> ChartResult:
        shown = list(reliefs[:MAX_BAR_ROWS])
        fig = _figure(style, bar_rows_height_in(len(shown)), figure)
        ax = fig.add_subplot()
        _style_axes(ax, style, grid_axis="x")
        _title(ax, title, style)
        if not shown:
            _empty(ax, "No relief methods noted in this period.", style)
            return ChartResult(fig, title, "No relief methods noted in this period.")
        rows = list(range(len(shown)))
        left = [0] * len(shown)
        parts = (
            ("helped", "Helped", style.good),
            ("a_little", "Helped a little", style.partial),
            ("not_helped", "Did not help", style.poor),
            ("unrated", "Not rated", style.unrecorded),
        )
        handles = []
        for attribute, name, colour in parts:
            widths = [getattr(r, attribute) for r in shown]
            bars = _horizontal_bars(
                ax,
                f"relief-{attribute}",
                rows,
                widths,
                lefts=left,
                colour=colour,
                edge=style.muted if attribute == "unrated" else None,
            )
            handles.append((bars, name))
            left = [a + b for a, b in zip(left, widths, strict=True)]
        for row, relief in zip(rows, shown, strict=True):
            share = relief.helped_share
            note = f" {relief.tried}" + ("" if share is None else f" · {share:.0%} helped")
            ax.text(
                relief.tried,
                row,
                note,
                va="center",
                fontsize=style.font_size * 0.85,
                color=style.foreground,
            )
        ax.set_yticks(rows, [r.label for r in shown])
        _plain(ax.get_yticklabels())
        ax.set_ylim(len(shown) - 0.5, -0.5)
        ax.set_xlim(0, max(r.tried for r in shown) * 1.35)
        _whole_numbers(ax.xaxis)
        _labels(ax, x="Times tried")
        _legend(fig, [h for h, _ in handles], [n for _, n in handles], style)
        parts_text = []
        for relief in shown[:4]:
            share = relief.helped_share
            helped = "not rated" if share is None else f"helped at least a little {share:.0%}"
            parts_text.append(f"{relief.label} tried {relief.tried} times, {helped}")
        summary = "Relief methods: " + "; ".join(parts_text) + "."
        return ChartResult(fig, title, summary)

    return _build(style, draw)


# -- trigger comparison ---------------------------------------------------------------------


def trigger_comparison_chart(
    factors: Sequence[FactorComparison], style: ChartStyle, *, figure: Figure | None = None
) -> ChartResult:
    """Per day factor: the share of cramp nights vs of cramp-free nights it was present on.

    A comparison, not a cause; factors without at least three nights on each side are listed
    as "not enough data" and drawn without bars.
    """
    title = "Day factors: cramp nights vs cramp-free nights (a comparison, not a cause)"

    def draw() -> ChartResult:
        fig = _figure(style, factor_rows_height_in(len(factors)), figure)
        ax = fig.add_subplot()
        _style_axes(ax, style, grid_axis="x")
        _title(ax, title, style)
        if not factors:
            _empty(ax, "No day factors to compare.", style)
            return ChartResult(fig, title, "No day factors to compare.")
        rows = list(range(len(factors)))
        cramp = [f.share_of_cramp_nights or 0.0 for f in factors]
        free = [f.share_of_cramp_free_nights or 0.0 for f in factors]
        on_cramp = _horizontal_bars(
            ax,
            "factor-cramp-nights",
            [r - 0.19 for r in rows],
            [v * 100 for v in cramp],
            thickness=0.36,
            colour=style.accent,
        )
        on_free = _horizontal_bars(
            ax,
            "factor-cramp-free-nights",
            [r + 0.19 for r in rows],
            [v * 100 for v in free],
            thickness=0.36,
            colour=style.good,
        )
        labels = []
        for row, factor in zip(rows, factors, strict=True):
            label = factor.label
            if not factor.enough_data:
                label += " (not enough data)"
            elif factor.stands_out:
                label += " ▲"
            labels.append(label)
            if not factor.enough_data:
                ax.text(
                    1,
                    row,
                    "not enough data",
                    va="center",
                    fontsize=style.font_size * 0.85,
                    color=style.muted,
                    parse_math=False,
                )
        ax.set_yticks(rows, labels)
        _plain(ax.get_yticklabels())
        for text, factor in zip(ax.get_yticklabels(), factors, strict=True):
            if not factor.enough_data:
                text.set_color(style.muted)
            elif factor.stands_out:
                text.set_fontweight("bold")
        ax.set_ylim(len(factors) - 0.5, -0.5)
        ax.set_xlim(0, 100)
        _labels(ax, x="% of nights on which it was present")
        _legend(
            fig,
            [on_cramp, on_free],
            ["Nights with cramps", "Cramp-free nights"],
            style,
        )
        compared = [f for f in factors if f.enough_data]
        standing = [f for f in compared if f.stands_out]
        summary = (
            f"Day factors compared on cramp nights and cramp-free nights: {len(compared)} of "
            f"{len(factors)} have enough data."
        )
        for factor in standing:
            summary += (
                f" {factor.label}: present on {factor.share_of_cramp_nights:.0%} of cramp "
                f"nights vs {factor.share_of_cramp_free_nights:.0%} of cramp-free nights."
            )
        summary += " This is a comparison, not a cause."
        return ChartResult(fig, title, summary)

    return _build(style, draw)


# -- all of them ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartKind:
    """One of the Patterns charts: how to build it from the statistics, and how tall it is
    (known before drawing, so a page can lay out space for it)."""

    key: str
    build: Callable[[PatternStats, ChartStyle, Figure | None], ChartResult]
    height_in: Callable[[PatternStats], float]


# The Patterns pane's charts, in the order shown.
CHARTS: Final[tuple[ChartKind, ...]] = (
    ChartKind(
        "weekly",
        lambda s, style, fig: weekly_cramps_chart(
            s.weekly, style, treatments=s.treatments, figure=fig
        ),
        lambda s: WEEKLY_HEIGHT_IN,
    ),
    ChartKind(
        "hour",
        lambda s, style, fig: hour_of_night_chart(
            s.by_hour, style, boundary_hour=s.boundary_hour, sleep_hours=s.sleep_hours, figure=fig
        ),
        lambda s: HOUR_HEIGHT_IN,
    ),
    ChartKind(
        "calendar",
        lambda s, style, fig: calendar_chart(s.calendar, style, figure=fig),
        lambda s: CALENDAR_HEIGHT_IN,
    ),
    ChartKind(
        "muscle",
        lambda s, style, fig: muscle_side_chart(s.by_muscle, style, figure=fig),
        lambda s: bar_rows_height_in(len(s.by_muscle)),
    ),
    ChartKind(
        "trend",
        lambda s, style, fig: intensity_duration_chart(s.trend, style, figure=fig),
        lambda s: TREND_HEIGHT_IN,
    ),
    ChartKind(
        "relief",
        lambda s, style, fig: relief_chart(s.reliefs, style, figure=fig),
        lambda s: bar_rows_height_in(len(s.reliefs)),
    ),
    ChartKind(
        "triggers",
        lambda s, style, fig: trigger_comparison_chart(s.factors, style, figure=fig),
        lambda s: factor_rows_height_in(len(s.factors)),
    ),
)
