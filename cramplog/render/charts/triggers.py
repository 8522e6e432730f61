"""The day-factor chart: each factor on cramp nights vs cramp-free nights."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from cramplog.analysis.stats import (
    FactorComparison,
)
from cramplog.core import wording
from cramplog.core.translation import _
from cramplog.render.charts import drawing
from cramplog.render.charts.drawing import ChartResult
from cramplog.render.charts.style import ChartStyle


def trigger_comparison_chart(
    factors: Sequence[FactorComparison], style: ChartStyle, *, figure: Figure | None = None
) -> ChartResult:
    """Per day factor: the share of cramp nights vs of cramp-free nights it was present on.

    A comparison, not a cause; factors without at least three nights on each side are listed
    as "not enough data" and drawn without bars.
    """
    title = _("Day factors: cramp nights vs cramp-free nights (a comparison, not a cause)")

    def draw() -> ChartResult:
        fig = drawing.new_figure(style, drawing.factor_rows_height_in(len(factors)), figure)
        ax = fig.add_subplot()
        drawing.style_axes(ax, style, grid_axis="x")
        drawing.title(ax, title, style)
        if not factors:
            drawing.empty(ax, _("No day factors to compare."), style)
            return ChartResult(fig, title, _("No day factors to compare."))
        rows = list(range(len(factors)))
        cramp = [f.share_of_cramp_nights or 0.0 for f in factors]
        free = [f.share_of_cramp_free_nights or 0.0 for f in factors]
        on_cramp = drawing.horizontal_bars(
            ax,
            "factor-cramp-nights",
            [r - 0.19 for r in rows],
            [v * 100 for v in cramp],
            thickness=0.36,
            colour=style.accent,
        )
        on_free = drawing.horizontal_bars(
            ax,
            "factor-cramp-free-nights",
            [r + 0.19 for r in rows],
            [v * 100 for v in free],
            thickness=0.36,
            colour=style.good,
        )
        _factor_labels(ax, factors, rows, style)
        ax.set_ylim(len(factors) - 0.5, -0.5)
        ax.set_xlim(0, 100)
        drawing.labels(ax, x=_("% of nights on which it was present"))
        drawing.legend_below(
            fig,
            [on_cramp, on_free],
            [_("Nights with cramps"), _("Cramp-free nights")],
            style,
        )
        summary = _summary(factors)
        return ChartResult(fig, title, summary)

    return drawing.build(style, draw)


def _factor_labels(
    ax: Axes, factors: Sequence[FactorComparison], rows: list[int], style: ChartStyle
) -> None:
    """Each factor's name: bold when it stands out, muted (and said) when data is short."""
    labels = []
    for row, factor in zip(rows, factors, strict=True):
        label = factor.label
        if not factor.enough_data:
            label = _("{factor} (not enough data)").format(factor=label)
        elif factor.stands_out:
            label += " ▲"
        labels.append(label)
        if not factor.enough_data:
            ax.text(
                1,
                row,
                _("not enough data"),
                va="center",
                fontsize=style.small(0.85),
                color=style.muted,
                parse_math=False,
            )
    ax.set_yticks(rows, labels)
    drawing.plain(ax.get_yticklabels())
    for text, factor in zip(ax.get_yticklabels(), factors, strict=True):
        if not factor.enough_data:
            text.set_color(style.muted)
        elif factor.stands_out:
            text.set_fontweight("bold")


def _summary(factors: Sequence[FactorComparison]) -> str:
    compared = [f for f in factors if f.enough_data]
    standing = [f for f in compared if f.stands_out]
    summary = _(
        "Day factors compared on cramp nights and cramp-free nights: {n} of {total} have "
        "enough data."
    ).format(n=len(compared), total=len(factors))
    for factor in standing:
        summary += " " + _(
            "{factor}: present on {cramp_share} of cramp nights vs {free_share} of cramp-free "
            "nights."
        ).format(
            factor=factor.label,
            cramp_share=wording.percent(factor.share_of_cramp_nights),
            free_share=wording.percent(factor.share_of_cramp_free_nights),
        )
    summary += " " + _("This is a comparison, not a cause.")
    return summary
