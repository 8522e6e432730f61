"""The trend chart: intensity and duration per week or month."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import Final

from matplotlib.figure import Figure

from cramplog.analysis.stats import (
    TrendPoint,
)
from cramplog.core import wording
from cramplog.core.translation import _, n_
from cramplog.render.charts import drawing
from cramplog.render.charts.drawing import ChartResult
from cramplog.render.charts.style import ChartStyle

TREND_HEIGHT_IN: Final = 3.6


def intensity_duration_chart(
    trend: Sequence[TrendPoint], style: ChartStyle, *, figure: Figure | None = None
) -> ChartResult:
    """Median and worst intensity, and median duration, per week or month."""
    title = _("How bad: intensity and duration over time")

    def draw() -> ChartResult:
        fig = drawing.new_figure(style, TREND_HEIGHT_IN, figure)
        top, bottom = fig.subplots(2, 1, sharex=True)
        for ax in (top, bottom):
            drawing.style_axes(ax, style)
        drawing.title(top, title, style)
        if not trend:
            drawing.empty(top, _("No cramps in this period."), style)
            bottom.set_visible(False)
            return ChartResult(fig, title, _("No cramps in this period."))
        bucket = trend[0].bucket
        span = 7 if bucket == "week" else 30
        xs = [drawing.num(t.bucket_start) + span / 2 for t in trend]

        (median,) = top.plot(
            xs, _values(trend, lambda t: t.intensity_median), color=style.accent, marker="o", ms=3
        )
        median.set_gid("trend-intensity-median")
        (worst,) = top.plot(
            xs,
            _values(trend, lambda t: t.intensity_worst),
            color=style.accent_alt,
            marker="^",
            ms=3,
            linestyle="none",
        )
        worst.set_gid("trend-intensity-worst")
        top.set_ylim(0, 10.5)
        drawing.labels(top, y=_("Intensity"))
        drawing.legend_below(
            fig,
            [median, worst],
            [_("Median per week") if bucket == "week" else _("Median per month"), _("Worst")],
            style,
        )
        (duration,) = bottom.plot(
            xs,
            _values(trend, lambda t: t.duration_median_s, 60.0),
            color=style.accent,
            marker="o",
            ms=3,
        )
        duration.set_gid("trend-duration-median")
        bottom.set_ylim(bottom=0)
        drawing.labels(bottom, y=_("Minutes (median)"))
        first = trend[0].bucket_start
        last = trend[-1].bucket_start + timedelta(days=span)
        bottom.set_xlim(drawing.num(first), drawing.num(last))
        drawing.date_axis(bottom, style, first, last)
        summary = _summary(trend, bucket)
        return ChartResult(fig, title, summary)

    return drawing.build(style, draw)


def _values(
    trend: Sequence[TrendPoint], pick: Callable[[TrendPoint], float | None], scale: float = 1.0
) -> list[float]:
    """One value per point, divided by `scale`; a missing one is a gap in the line (NaN)."""
    out = []
    for point in trend:
        value = pick(point)
        out.append(float("nan") if value is None else value / scale)
    return out


def _summary(trend: Sequence[TrendPoint], bucket: str) -> str:
    rated = [t.intensity_median for t in trend if t.intensity_median is not None]
    timed = [t.duration_median_s for t in trend if t.duration_median_s is not None]
    n = len(trend)
    summary = (
        n_(
            "Intensity and duration per week, {n} week with cramps.",
            "Intensity and duration per week, {n} weeks with cramps.",
            n,
        )
        if bucket == "week"
        else n_(
            "Intensity and duration per month, {n} month with cramps.",
            "Intensity and duration per month, {n} months with cramps.",
            n,
        )
    ).format(n=n)
    if rated:
        summary += " " + _("Median intensity ranged from {low} to {high}.").format(
            low=wording.figure(min(rated), wording.Figure.SCORE),
            high=wording.figure(max(rated), wording.Figure.SCORE),
        )
    if timed:
        summary += " " + _("Median duration ranged from {low} to {high}.").format(
            low=wording.duration(min(timed)), high=wording.duration(max(timed))
        )
    return summary
