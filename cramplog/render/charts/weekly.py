"""The weekly chart: cramps per week, the 4-week average, and medicines started or stopped."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Final, Literal

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from cramplog.analysis.stats import (
    TreatmentEffect,
    WeekPoint,
)
from cramplog.core import wording
from cramplog.core.translation import N_, _
from cramplog.render.charts import drawing
from cramplog.render.charts.drawing import ChartResult
from cramplog.render.charts.style import ChartStyle

WEEKLY_HEIGHT_IN: Final = 3.0
# Bars for up to two years of weeks; beyond that one stepped outline draws far faster.
MAX_WEEKLY_BARS: Final = 104
# A medicine's name on its mark wraps after this many characters.
MARK_NAME_WIDTH: Final = 26
# A part week's bar: the same colour, see-through, outlined so it still reads on paper.
PART_WEEK_ALPHA: Final = 0.35
PART_WEEK: Final = N_("Part week (at the period's edge)")


@dataclass
class _Drawn:
    """A weekly chart's artists, kept so the next period updates them in place (new bars,
    line, shading and marks on the same axes; a new legend only when its entries change)
    instead of building anew."""

    style: ChartStyle
    as_bars: bool
    names: list[str]
    ax: Axes
    counts: Any  # a PolyCollection of bars, or a StepPatch
    line: Line2D
    gaps: PolyCollection | None
    marks: list[Artist] = field(default_factory=list)


def weekly_cramps_chart(
    weekly: Sequence[WeekPoint],
    style: ChartStyle,
    *,
    treatments: Sequence[TreatmentEffect] = (),
    figure: Figure | None = None,
) -> ChartResult:
    """Cramps per calendar week, the rolling cramps-per-week rate, and treatment starts/stops.

    Weeks with no recorded night are shaded: there the count is unknown, not zero. A week the
    period starts or ends inside has its bar drawn lighter: its count covers part of a week,
    so a full-height bar read as a sudden drop. The 4-week average, a rate over recorded
    nights, is the figure to compare. (A bar of the rate itself would extrapolate from a
    night or two, which no other figure does.) Given
    the `figure` of an earlier weekly chart of the same kind (bars or outline, same style),
    the chart is updated in place and draws the same as one built anew.
    """
    title = _("Cramps per week")

    def draw() -> ChartResult:
        if not weekly:
            return _no_weeks(style, title, figure)
        # Weeks follow one another, so their numbers are the first one's plus 7 each:
        # date2num once rather than per week (thousands of calls over a century).
        first_start = drawing.num(weekly[0].week_start)
        starts = [first_start + 7 * i for i in range(len(weekly))]
        counts = [w.episodes for w in weekly]
        right_edge = starts[-1] + 7
        rolling = [
            float("nan") if w.rolling_cramps_per_week is None else w.rolling_cramps_per_week
            for w in weekly
        ]
        unrecorded = drawing.runs([w.recorded_nights == 0 for w in weekly])
        gaps = [(starts[i], 7.0 * n) for i, n in unrecorded]
        as_bars = len(starts) <= MAX_WEEKLY_BARS
        # One outline cannot change colour from step to step: part weeks are marked as bars.
        part = [as_bars and w.nights < 7 for w in weekly]
        first, last = weekly[0].week_start, weekly[-1].week_start + timedelta(days=6)
        names = _legend_names(bool(unrecorded), any(part), treatments, first, last)
        drawn = drawing.kept(figure)
        if (
            figure is not None
            and isinstance(drawn, _Drawn)
            and (drawn.style, drawn.as_bars) == (style, as_bars)
        ):
            fig = figure
            _move(drawn, starts, counts, right_edge, rolling, gaps, part)
            _legend(fig, drawn, names)
        else:
            fig = drawing.new_figure(style, WEEKLY_HEIGHT_IN, figure)
            drawn = _build(fig, style, title, starts, counts, right_edge, rolling, gaps, part)
            _legend(fig, drawn, names)
            drawing.keep(fig, drawn)
        ax = drawn.ax
        shown = _treatment_marks(ax, treatments, first, last, style, drawn.marks)
        ax.set_xlim(starts[0], right_edge)
        # Headroom above the tallest bar for the medicines' names, a row each.
        headroom = 1.15 + 0.12 * len(shown)
        ax.set_ylim(0, max([*counts, *(r for r in rolling if r == r), 1]) * headroom)
        drawing.date_axis(ax, style, first, last)
        summary = _summary(weekly, first, last, unrecorded, sum(part), shown)
        return ChartResult(fig, title, summary)

    return drawing.build(style, draw)


def _no_weeks(style: ChartStyle, title: str, figure: Figure | None) -> ChartResult:
    fig = drawing.new_figure(style, WEEKLY_HEIGHT_IN, figure)
    ax = fig.add_subplot()
    drawing.style_axes(ax, style)
    drawing.title(ax, title, style)
    drawing.empty(ax, _("No weeks in this period."), style)
    return ChartResult(fig, title, _("No weeks in this period."))


def _build(
    fig: Figure,
    style: ChartStyle,
    title: str,
    starts: list[float],
    counts: list[int],
    right_edge: float,
    rolling: list[float],
    gaps: list[tuple[float, float]],
    part: list[bool],
) -> _Drawn:
    """The chart's axes and artists, new (the legend is the caller's)."""
    ax = fig.add_subplot()
    drawing.style_axes(ax, style)
    drawing.title(ax, title, style)
    count_handle = _count_bars(ax, starts, counts, right_edge, style)
    if isinstance(count_handle, PolyCollection):
        _lighten_part_weeks(count_handle, counts, part, style)
    (line,) = ax.plot(
        [s + 3.5 for s in starts],
        rolling,
        color=style.accent_alt,
        linewidth=1.8,
        label=_("4-week average per week"),
    )
    line.set_gid("weekly-rolling")
    shading = _shade_unrecorded(ax, gaps, style) if gaps else None
    drawing.whole_numbers(ax.yaxis)
    drawing.labels(ax, y=_("Cramps"))
    as_bars = len(starts) <= MAX_WEEKLY_BARS
    return _Drawn(style, as_bars, [], ax, count_handle, line, shading)


def _legend_names(
    unrecorded: bool,
    part: bool,
    treatments: Sequence[TreatmentEffect],
    first: date,
    last: date,
) -> list[str]:
    names = [_("Cramps in the week"), _("Average per week (4 weeks)")]
    if unrecorded:
        names.append(_("No nights recorded"))
    if part:
        names.append(_(PART_WEEK))
    verbs = {verb for _, verb, _ in _marks(treatments, first, last)}
    # One short entry per kind of mark drawn: a single long one ran off half a page.
    kinds = (("started", _("Medicine started")), ("stopped", _("Medicine stopped")))
    return names + [name for verb, name in kinds if verb in verbs]


def _legend(fig: Figure, drawn: _Drawn, names: list[str]) -> None:
    """The legend below the chart (made again only when its entries change): the bars, the
    line, then the shading, part weeks and the kinds of medicine mark when there are any."""
    if drawn.names == names and fig.legends:
        return
    for legend in list(fig.legends):
        legend.remove()
    style = drawn.style
    # A full week's colour: the bars' own swatch would take the first bar's, maybe a part week.
    counts = Patch(facecolor=style.accent) if drawn.as_bars else drawn.counts
    handles: list[Any] = [counts, drawn.line]
    if drawn.gaps is not None:
        handles.append(Patch(facecolor=style.unrecorded))
    if len(names) > len(handles) and names[len(handles)] == _(PART_WEEK):
        handles.append(
            Patch(facecolor=to_rgba(style.accent, PART_WEEK_ALPHA), edgecolor=style.accent)
        )
    for name in names[len(handles) :]:
        dashes: Literal["-", "--"] = "-" if name.endswith("started") else "--"
        handles.append(Line2D([], [], color=style.marker, linewidth=1.2, linestyle=dashes))
    drawing.legend_below(fig, handles, names, style)
    drawn.names = names


def _move(
    drawn: _Drawn,
    starts: list[float],
    counts: list[int],
    right_edge: float,
    rolling: list[float],
    gaps: list[tuple[float, float]],
    part: list[bool],
) -> None:
    """Give the kept artists the new weeks; the marks are drawn again by the caller."""
    if drawn.as_bars:
        drawing.move_rectangles(
            drawn.counts,
            x=[s + 0.4 for s in starts],
            y=[0.0] * len(counts),
            width=[6.2] * len(counts),
            height=counts,
        )
        _lighten_part_weeks(drawn.counts, counts, part, drawn.style)
    else:
        drawn.counts.set_data(counts, [*starts, right_edge])
    drawn.line.set_data([s + 3.5 for s in starts], rolling)
    # Shading only while some week is unrecorded, as a chart built anew has it.
    if gaps and drawn.gaps is None:
        drawn.gaps = _shade_unrecorded(drawn.ax, gaps, drawn.style)
    elif gaps and drawn.gaps is not None:
        drawn.gaps.set_verts(_gap_corners(gaps))
    elif drawn.gaps is not None:
        drawn.gaps.remove()
        drawn.gaps = None
    for mark in drawn.marks:
        mark.remove()
    drawn.marks.clear()


def _count_bars(
    ax: Axes, starts: list[float], counts: list[int], right_edge: float, style: ChartStyle
) -> Any:
    """A bar per week, or one stepped outline when there are too many weeks for bars."""
    if len(starts) <= MAX_WEEKLY_BARS:
        return drawing.vertical_bars(
            ax, "weekly-counts", [s + 0.4 for s in starts], counts, 6.2, style.accent
        )
    # Added with one step, then given its data: adding a patch walks every segment of its
    # outline for the data limits (most of a century's redraw), and the caller sets both
    # limits itself.
    step = ax.stairs([0], [starts[0], right_edge], fill=True, color=style.accent, label=_("Cramps"))
    step.set_data(counts, [*starts, right_edge])
    step.set_gid("weekly-counts")
    return step


def _lighten_part_weeks(
    bars: PolyCollection, counts: list[int], part: list[bool], style: ChartStyle
) -> None:
    """Draw the bars of the weeks the period cuts short lighter, with an outline."""
    light = to_rgba(style.accent, PART_WEEK_ALPHA)
    bars.set_facecolor([light if p else style.accent for p in part])
    bars.set_edgecolor(
        [style.accent if p and n else "none" for p, n in zip(part, counts, strict=True)]
    )


def _gap_corners(spans: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    # In data x and axes y (the whole height), as broken_barh makes them.
    return [[(x, 0.0), (x, 1.0), (x + w, 1.0), (x + w, 0.0)] for x, w in spans]


def _shade_unrecorded(
    ax: Axes, spans: list[tuple[float, float]], style: ChartStyle
) -> PolyCollection:
    """Shade weeks with no recorded night: there the count is unknown, not zero."""
    # What broken_barh draws, added without working out data limits (set by the caller).
    gaps = PolyCollection(
        _gap_corners(spans),
        transform=ax.get_xaxis_transform(),
        facecolor=style.unrecorded,
        edgecolor="none",
        zorder=0,
    )
    gaps.set_gid("weekly-unrecorded")
    ax.add_collection(gaps, autolim=False)
    return gaps


def _summary(
    weekly: Sequence[WeekPoint],
    first: date,
    last: date,
    unrecorded: list[tuple[int, int]],
    part_weeks: int,
    shown: list[str],
) -> str:
    busiest = max(weekly, key=lambda w: w.episodes)
    latest_rate = next(
        (
            w.rolling_cramps_per_week
            for w in reversed(weekly)
            if w.rolling_cramps_per_week is not None
        ),
        None,
    )
    summary = _(
        "Cramps per week, {days}: {cramps} over {weeks}; the busiest week began {start} "
        "with {most}."
    ).format(
        days=drawing.days(first, last),
        cramps=wording.count(sum(w.episodes for w in weekly), "{n} cramp", "{n} cramps"),
        weeks=wording.count(len(weekly), "{n} week", "{n} weeks"),
        start=wording.date_text(busiest.week_start, weekday=False),
        most=wording.number(busiest.episodes),
    )
    if latest_rate is not None:
        summary += " " + _("The latest 4-week average is {rate} a week.").format(
            rate=wording.figure(latest_rate, wording.Figure.RATE)
        )
    if unrecorded:
        weeks = sum(n for _start, n in unrecorded)
        summary += " " + wording.count(
            weeks, "{n} week has no recorded night.", "{n} weeks have no recorded night."
        )
    if part_weeks:
        summary += " " + wording.count(
            part_weeks,
            "{n} week lies only partly in the period; its bar is drawn lighter.",
            "{n} weeks lie only partly in the period; their bars are drawn lighter.",
        )
    if shown:
        summary += " " + _("Medicines: {list}.").format(list="; ".join(shown))
    return summary


def _marks(
    treatments: Sequence[TreatmentEffect], first: date, last: date
) -> list[tuple[date, str, TreatmentEffect]]:
    """(day, "started" or "stopped", medicine) for each start or stop inside the weeks."""
    return [
        (day, verb, treatment)
        for treatment in treatments
        for day, verb in ((treatment.started_on, "started"), (treatment.stopped_on, "stopped"))
        if day is not None and first <= day <= last
    ]


def _treatment_marks(
    ax: Axes,
    treatments: Sequence[TreatmentEffect],
    first: date,
    last: date,
    style: ChartStyle,
    drawn: list[Artist],
) -> list[str]:
    """Vertical lines where medicines started (solid) and stopped (dashed), each added to
    `drawn`; what each mark says.

    Each name is written across the top of the plot, one row per mark, towards the middle
    of the chart from its line: written up the line, a long name ran off the bottom of a
    short chart and was cut ("Magnesiu").
    """
    shown: list[str] = []
    middle = drawing.num(first) + (drawing.num(last) - drawing.num(first)) / 2
    for day, verb, treatment in _marks(treatments, first, last):
        x = drawing.num(day)
        line = ax.axvline(
            x,
            color=style.marker,
            linewidth=1.2,
            linestyle="--" if verb == "stopped" else "-",
            zorder=3,
        )
        line.set_gid(f"treatment-{verb}")
        name = ax.annotate(
            textwrap.fill(treatment.name, MARK_NAME_WIDTH),
            (x, 1),
            xycoords=ax.get_xaxis_transform(),
            xytext=(2 if x <= middle else -2, -2 - len(shown) * style.small(0.8) * 1.4),
            textcoords="offset points",
            ha="left" if x <= middle else "right",
            va="top",
            fontsize=style.small(0.8),
            color=style.marker,
            annotation_clip=False,
            bbox={"facecolor": style.background, "edgecolor": "none", "alpha": 0.8, "pad": 1},
        )
        name.set_parse_math(False)
        name.set_gid(f"treatment-{verb}-name")
        drawn += [line, name]
        sentence = (
            _("{medicine} started {date}") if verb == "started" else _("{medicine} stopped {date}")
        )
        shown.append(
            sentence.format(medicine=treatment.name, date=wording.date_text(day, weekday=False))
        )
    return shown
