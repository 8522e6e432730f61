"""The weekly chart: cramps per week, the 4-week average, and medicines started or stopped."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any, Final, Literal

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from cramplog.analysis.stats import (
    TreatmentEffect,
    WeekPoint,
)
from cramplog.core import wording
from cramplog.core.translation import _, n_
from cramplog.render.charts import drawing
from cramplog.render.charts.drawing import ChartResult
from cramplog.render.charts.style import ChartStyle

WEEKLY_HEIGHT_IN: Final = 3.0
# Bars for up to two years of weeks; beyond that one stepped outline draws far faster.
MAX_WEEKLY_BARS: Final = 104
# A medicine's name on its mark wraps after this many characters.
MARK_NAME_WIDTH: Final = 26


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
    title = _("Cramps per week")

    def draw() -> ChartResult:
        fig = drawing.new_figure(style, WEEKLY_HEIGHT_IN, figure)
        ax = fig.add_subplot()
        drawing.style_axes(ax, style)
        drawing.title(ax, title, style)
        if not weekly:
            drawing.empty(ax, _("No weeks in this period."), style)
            return ChartResult(fig, title, _("No weeks in this period."))
        # Weeks follow one another, so their numbers are the first one's plus 7 each:
        # date2num once rather than per week (thousands of calls over a century).
        first_start = drawing.num(weekly[0].week_start)
        starts = [first_start + 7 * i for i in range(len(weekly))]
        counts = [w.episodes for w in weekly]
        right_edge = starts[-1] + 7
        count_handle = _count_bars(ax, starts, counts, right_edge, style)
        rolling = [
            float("nan") if w.rolling_cramps_per_week is None else w.rolling_cramps_per_week
            for w in weekly
        ]
        (line,) = ax.plot(
            [s + 3.5 for s in starts],
            rolling,
            color=style.accent_alt,
            linewidth=1.8,
            label=_("4-week average per week"),
        )
        line.set_gid("weekly-rolling")
        unrecorded = drawing.runs([w.recorded_nights == 0 for w in weekly])
        if unrecorded:
            _shade_unrecorded(ax, [(starts[i], 7 * n) for i, n in unrecorded], style)
        handles: list[Any] = [count_handle, line]
        names = [_("Cramps in the week"), _("Average per week (4 weeks)")]
        if unrecorded:
            handles.append(Patch(facecolor=style.unrecorded))
            names.append(_("No nights recorded"))
        first, last = weekly[0].week_start, weekly[-1].week_start + timedelta(days=6)
        marks = _treatment_marks(ax, treatments, first, last, style)
        shown = [text for _, text in marks]
        # One short entry per kind of mark drawn: a single long one ran off half a page.
        dashes: Literal["-", "--"]
        for verb, dashes, name in (
            ("started", "-", _("Medicine started")),
            ("stopped", "--", _("Medicine stopped")),
        ):
            if any(kind == verb for kind, _text in marks):
                handles.append(Line2D([], [], color=style.marker, linewidth=1.2, linestyle=dashes))
                names.append(name)
        ax.set_xlim(starts[0], right_edge)
        # Headroom above the tallest bar for the medicines' names, a row each.
        headroom = 1.15 + 0.12 * len(shown)
        ax.set_ylim(0, max([*counts, *(r for r in rolling if r == r), 1]) * headroom)
        drawing.date_axis(ax, style, first, last)
        drawing.whole_numbers(ax.yaxis)
        drawing.labels(ax, y=_("Cramps"))
        drawing.legend_below(fig, handles, names, style)
        summary = _summary(weekly, first, last, unrecorded, shown)
        return ChartResult(fig, title, summary)

    return drawing.build(style, draw)


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


def _shade_unrecorded(ax: Axes, spans: list[tuple[float, float]], style: ChartStyle) -> None:
    """Shade weeks with no recorded night: there the count is unknown, not zero."""
    gaps = ax.broken_barh(
        spans,
        (0, 1),
        transform=ax.get_xaxis_transform(),
        facecolor=style.unrecorded,
        edgecolor="none",
        zorder=0,
    )
    gaps.set_gid("weekly-unrecorded")


def _summary(
    weekly: Sequence[WeekPoint],
    first: date,
    last: date,
    unrecorded: list[tuple[int, int]],
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
    cramps, weeks_shown = sum(w.episodes for w in weekly), len(weekly)
    summary = _(
        "Cramps per week, {days}: {cramps} over {weeks}; the busiest week began {start} "
        "with {most}."
    ).format(
        days=drawing.days(first, last),
        cramps=n_("{n} cramp", "{n} cramps", cramps).format(n=cramps),
        weeks=n_("{n} week", "{n} weeks", weeks_shown).format(n=weeks_shown),
        start=wording.date_text(busiest.week_start, weekday=False),
        most=busiest.episodes,
    )
    if latest_rate is not None:
        summary += " " + _("The latest 4-week average is {rate} a week.").format(
            rate=f"{latest_rate:.1f}"
        )
    if unrecorded:
        weeks = sum(n for _start, n in unrecorded)
        summary += " " + n_(
            "{n} week has no recorded night.", "{n} weeks had no recorded night.", weeks
        ).format(n=weeks)
    if shown:
        summary += " " + _("Medicines: {list}.").format(list="; ".join(shown))
    return summary


def _treatment_marks(
    ax: Axes,
    treatments: Sequence[TreatmentEffect],
    first: date,
    last: date,
    style: ChartStyle,
) -> list[tuple[str, str]]:
    """Vertical lines where medicines started (solid) and stopped (dashed); for each mark,
    its kind ("started" or "stopped") and what it says.

    Each name is written across the top of the plot, one row per mark, towards the middle
    of the chart from its line: written up the line, a long name ran off the bottom of a
    short chart and was cut ("Magnesiu").
    """
    shown: list[tuple[str, str]] = []
    middle = drawing.num(first) + (drawing.num(last) - drawing.num(first)) / 2
    for treatment in treatments:
        for day, dashed, verb, sentence in (
            (treatment.started_on, False, "started", _("{medicine} started {date}")),
            (treatment.stopped_on, True, "stopped", _("{medicine} stopped {date}")),
        ):
            if day is None or not first <= day <= last:
                continue
            x = drawing.num(day)
            line = ax.axvline(
                x,
                color=style.marker,
                linewidth=1.2,
                linestyle="--" if dashed else "-",
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
            shown.append(
                (
                    verb,
                    sentence.format(
                        medicine=treatment.name, date=wording.date_text(day, weekday=False)
                    ),
                )
            )
    return shown
