"""The relief chart: how often each relief method was tried, and how well it worked."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure

from cramplog.analysis.stats import (
    ReliefStat,
)
from cramplog.core import wording
from cramplog.core.translation import _, n_
from cramplog.render.charts import drawing
from cramplog.render.charts.drawing import ChartResult
from cramplog.render.charts.style import ChartStyle


def relief_chart(
    reliefs: Sequence[ReliefStat], style: ChartStyle, *, figure: Figure | None = None
) -> ChartResult:
    """How often each relief method was tried, split by how well it worked."""
    title = _("What helped")

    def draw() -> ChartResult:
        shown = list(reliefs[: drawing.MAX_BAR_ROWS])
        fig = drawing.new_figure(style, drawing.bar_rows_height_in(len(shown)), figure)
        ax = fig.add_subplot()
        drawing.style_axes(ax, style, grid_axis="x")
        drawing.title(ax, title, style)
        if not shown:
            drawing.empty(ax, _("No relief methods noted in this period."), style)
            return ChartResult(fig, title, _("No relief methods noted in this period."))
        rows = list(range(len(shown)))
        left = [0] * len(shown)
        parts = (
            ("helped", _("Helped"), style.good),
            ("a_little", _("Helped a little"), style.partial),
            ("not_helped", _("Did not help"), style.poor),
            ("unrated", _("Not rated"), style.unrecorded),
        )
        handles = []
        for attribute, name, colour in parts:
            widths = [getattr(r, attribute) for r in shown]
            bars = drawing.horizontal_bars(
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
            note = f" {relief.tried}" + (
                ""
                if share is None
                else " · " + _("{share} helped").format(share=wording.percent(share))
            )
            ax.text(
                relief.tried,
                row,
                note,
                va="center",
                fontsize=style.small(0.85),
                color=style.foreground,
            )
        ax.set_yticks(rows, [r.label for r in shown])
        drawing.plain(ax.get_yticklabels())
        ax.set_ylim(len(shown) - 0.5, -0.5)
        ax.set_xlim(0, max(r.tried for r in shown) * 1.35)
        drawing.whole_numbers(ax.xaxis)
        drawing.labels(ax, x=_("Times tried"))
        drawing.legend_below(fig, [h for h, _ in handles], [n for _, n in handles], style)
        summary = _summary(shown)
        return ChartResult(fig, title, summary)

    return drawing.build(style, draw)


def _summary(shown: Sequence[ReliefStat]) -> str:
    parts_text = []
    for relief in shown[:4]:
        share = relief.helped_share
        helped = (
            _("not rated")
            if share is None
            else _("helped at least a little {share}").format(share=wording.percent(share))
        )
        parts_text.append(
            n_(
                "{relief} tried {n} time, {helped}",
                "{relief} tried {n} times, {helped}",
                relief.tried,
            ).format(relief=relief.label, n=relief.tried, helped=helped)
        )
    summary = _("Relief methods: {list}.").format(list="; ".join(parts_text))
    return summary
