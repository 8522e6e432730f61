"""The hour-of-night chart: cramps by the hour they began, with the usual sleep hours."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from cramplog.analysis.stats import (
    HourCount,
)
from cramplog.core import conventions, wording
from cramplog.core.nights import TIME_NOT_NOTED, SleepHours
from cramplog.core.translation import _, n_
from cramplog.render.charts import drawing
from cramplog.render.charts.drawing import ChartResult
from cramplog.render.charts.style import ChartStyle

HOUR_HEIGHT_IN: Final = 3.0


def hour_of_night_chart(
    by_hour: Sequence[HourCount],
    style: ChartStyle,
    *,
    boundary_hour: int = 12,
    sleep_hours: SleepHours | None = None,
    time_not_noted: int = 0,
    figure: Figure | None = None,
) -> ChartResult:
    """Cramps by the hour they began, in diary-day order from the boundary hour, with the
    person's usual sleep hours shaded (an hour is shaded when it begins inside them) and the
    mean intensity per hour as a line (right axis). `time_not_noted` cramps (noted by date
    only) have no hour: the axis label and the summary say how many are left out."""
    sleep = sleep_hours or SleepHours()
    asleep = frozenset(h for h in range(24) if sleep.contains(h * 60))
    title = _("When cramps start (hour of the day)")

    def draw() -> ChartResult:
        fig = drawing.new_figure(style, HOUR_HEIGHT_IN, figure)
        ax = fig.add_subplot()
        drawing.style_axes(ax, style)
        drawing.title(ax, title, style)
        counts = {h.hour: h for h in by_hour}
        order = [(boundary_hour + i) % 24 for i in range(24)]
        heights = [counts[h].episodes if h in counts else 0 for h in order]
        for start, length in drawing.runs([h in asleep for h in order]):
            band = ax.axvspan(
                start - 0.5, start + length - 0.5, color=style.night_band, zorder=0, linewidth=0
            )
            band.set_gid("night-band")
        bars = drawing.vertical_bars(
            ax, "hour-counts", [i - 0.4 for i in range(24)], heights, 0.8, style.accent
        )
        # "10 PM" is twice as wide as "22": a 12-hour clock is labelled every three hours so
        # its labels never run together on paper.
        step = 3 if conventions.current().twelve_hour else 2
        ticks = range(0, 24, step)
        ax.set_xticks(ticks, [wording.hour_tick(order[i]) for i in ticks])
        ax.set_xlim(-0.6, 23.6)
        ax.set_ylim(0, max([*heights, 1]) * 1.15)
        drawing.whole_numbers(ax.yaxis)
        left_out = (
            " "
            + n_(
                "(not shown: {n} cramp, {why})", "(not shown: {n} cramps, {why})", time_not_noted
            ).format(n=time_not_noted, why=TIME_NOT_NOTED)
            if time_not_noted
            else ""
        )
        drawing.labels(ax, x=_("Hour the cramp began") + left_out, y=_("Cramps"))
        means = [counts[h].mean_intensity if h in counts else None for h in order]
        line = _intensity_line(ax, means, style)
        drawing.legend_below(
            fig,
            [bars, line, Patch(facecolor=style.night_band)],
            [
                _("Cramps"),
                _("Mean intensity"),
                _("Usual sleep hours ({hours})").format(hours=sleep.describe()),
            ],
            style,
        )
        total = sum(heights)
        if total == 0:
            return ChartResult(
                fig,
                title,
                _("No cramps with a start time in this period{left_out}.").format(
                    left_out=left_out
                ),
            )
        peak = max(range(24), key=lambda i: heights[i])
        night = sum(heights[i] for i in range(24) if order[i] in asleep)
        summary = _(
            "Cramps by starting hour: {total} in all; the most ({most}) began between {start} "
            "and {end}; {night} ({share}) began in the usual sleep hours ({hours}){left_out}."
        ).format(
            total=total,
            most=heights[peak],
            start=wording.hour(order[peak]),
            end=wording.hour(order[peak] + 1),
            night=night,
            share=wording.percent(night / total),
            hours=sleep.describe(),
            left_out=left_out,
        )
        return ChartResult(fig, title, summary)

    return drawing.build(style, draw)


def _intensity_line(ax: Axes, means: list[float | None], style: ChartStyle) -> Line2D:
    """The mean intensity of each hour, on its own axis at the right (0–10)."""
    twin = ax.twinx()
    twin.set_facecolor("none")
    (line,) = twin.plot(
        range(24),
        [float("nan") if mean is None else mean for mean in means],
        color=style.accent_alt,
        marker="o",
        markersize=3,
        linewidth=1.4,
    )
    line.set_gid("hour-intensity")
    twin.set_ylim(0, 10.5)
    twin.set_yticks([0, 5, 10])
    twin.set_ylabel(_("Mean intensity (0–10)"), color=style.accent_alt)
    twin.tick_params(colors=style.muted, labelcolor=style.accent_alt, labelsize=style.small(0.9))
    for name, spine in twin.spines.items():
        spine.set_visible(name == "right")
        spine.set_color(style.muted)
    drawing.plain([twin.yaxis.label])
    return line
