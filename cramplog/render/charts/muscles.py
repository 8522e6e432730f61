"""The muscle chart: cramps per muscle, each bar split by side."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from matplotlib.figure import Figure

from cramplog.analysis.stats import (
    MuscleCount,
)
from cramplog.core.records import Side
from cramplog.core.translation import _, n_
from cramplog.render.charts import drawing
from cramplog.render.charts.drawing import ChartResult
from cramplog.render.charts.style import ChartStyle

SIDE_ORDER: Final = (Side.LEFT, Side.RIGHT, Side.BOTH, Side.NOT_APPLICABLE)


def muscle_side_chart(
    by_muscle: Sequence[MuscleCount], style: ChartStyle, *, figure: Figure | None = None
) -> ChartResult:
    """Cramps per muscle (most first), each bar split by side."""
    title = _("Where: muscle and side")

    def draw() -> ChartResult:
        shown = list(by_muscle[: drawing.MAX_BAR_ROWS])
        fig = drawing.new_figure(style, drawing.bar_rows_height_in(len(shown)), figure)
        ax = fig.add_subplot()
        drawing.style_axes(ax, style, grid_axis="x")
        drawing.title(ax, title, style)
        if not shown:
            drawing.empty(ax, _("No cramps in this period."), style)
            return ChartResult(fig, title, _("No cramps in this period."))
        rows = list(range(len(shown)))
        left = [0] * len(shown)
        handles = []
        for side, colour in zip(SIDE_ORDER, style.sides, strict=True):
            widths = [dict(m.by_side).get(side, 0) for m in shown]
            if not any(widths):
                continue
            bars = drawing.horizontal_bars(
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
                fontsize=style.small(0.85),
                color=style.foreground,
            )
        ax.set_yticks(rows, [m.label for m in shown])
        drawing.plain(ax.get_yticklabels())
        ax.set_ylim(len(shown) - 0.5, -0.5)
        ax.set_xlim(0, max(m.episodes for m in shown) * 1.15)
        drawing.whole_numbers(ax.xaxis)
        drawing.labels(ax, x=_("Cramps"))
        drawing.legend_below(fig, [h for h, _ in handles], [n for _, n in handles], style)
        total = sum(m.episodes for m in by_muscle)
        parts = []
        for muscle in shown[:3]:
            sides = ", ".join(f"{s.label.lower()} {n}" for s, n in muscle.by_side)
            parts.append(f"{muscle.label} {muscle.episodes} ({sides})")
        summary = _("Cramps by muscle, {total} in all: {list}.").format(
            total=total, list="; ".join(parts)
        )
        if len(by_muscle) > len(shown):
            hidden = len(by_muscle) - len(shown)
            summary += " " + n_(
                "{n} more muscle is not drawn.", "{n} more muscles are not drawn.", hidden
            ).format(n=hidden)
        return ChartResult(fig, title, summary)

    return drawing.build(style, draw)
