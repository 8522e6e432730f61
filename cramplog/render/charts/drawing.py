"""What every Patterns chart shares: the result, the figure, axes, bars, legend and date ticks."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final, Literal

import matplotlib
import matplotlib.dates as mdates
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator

from cramplog.core import wording
from cramplog.core.translation import _
from cramplog.render.charts.style import ChartStyle

# At most this many rows of bars (muscles, relief methods) are drawn.
MAX_BAR_ROWS: Final = 14


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


class KeptLayout(ConstrainedLayoutEngine):
    """Constrained layout that runs again only when what it measures has changed.

    Measuring every label is most of a chart's draw. A chart updated in place (new bars,
    the same axes) usually keeps its texts, ticks and size; then the axes already sit where
    the layout would put them, so it is not worked out again.
    """

    def __init__(self) -> None:
        super().__init__()
        self._measured: list[object] | None = None

    def execute(self, fig: Any) -> None:
        measured = layout_inputs(fig)
        if measured == self._measured:
            return
        super().execute(fig)
        # After the layout: the ticks it settled on are what the next draw must match.
        self._measured = layout_inputs(fig)


def _axis_inputs(axis: Axis) -> tuple[object, ...]:
    ticks = []
    for locator, formatter in (
        (axis.get_major_locator(), axis.get_major_formatter()),
        (axis.get_minor_locator(), axis.get_minor_formatter()),
    ):
        locations = [float(x) for x in locator()]
        ticks.append((tuple(locations), tuple(formatter.format_ticks(locations))))
    view = tuple(float(x) for x in axis.get_view_interval())
    return (view, *ticks, axis.label.get_text(), axis.label.get_visible())


def _text_inputs(text: Text) -> tuple[object, ...]:
    return (
        text.get_text(),
        text.get_visible(),
        text.get_fontsize(),
        tuple(text.get_position()),
        getattr(text, "xy", None),
    )


def layout_inputs(fig: Figure) -> list[object]:
    """Everything constrained layout measures: the figure's size, each axes (the same
    objects), their limits, ticks and texts, and the legends' texts."""
    found: list[object] = [tuple(fig.get_size_inches()), fig.dpi]
    for ax in fig.axes:
        found.append(ax)  # the same axes, or positions from a past layout mean nothing
        found.append((ax.get_visible(), _axis_inputs(ax.xaxis), _axis_inputs(ax.yaxis)))
        found.extend(ax.get_title(loc) for loc in ("left", "center", "right"))
        found.extend(_text_inputs(text) for text in ax.texts)
    for legend in fig.legends:
        found.append(tuple(text.get_text() for text in legend.get_texts()))
    found.extend(_text_inputs(text) for text in fig.texts)
    return found


def new_figure(style: ChartStyle, height_in: float, figure: Figure | None) -> Figure:
    if figure is None:
        figure = Figure(
            figsize=(style.width_in, height_in),
            dpi=style.dpi,
            layout=KeptLayout(),
            facecolor=style.background,
        )
    else:
        figure.clear()
        _KEPT.pop(figure, None)
        figure.set_facecolor(style.background)
        figure.set_layout_engine(KeptLayout())
        # The chart's own height (rows of bars vary); a canvas showing it follows this.
        figure.set_size_inches(figure.get_figwidth(), height_in, forward=False)
    return figure


# The artists a chart keeps to be updated in place, by figure (see `kept`, `keep`).
_KEPT: weakref.WeakKeyDictionary[Figure, object] = weakref.WeakKeyDictionary()


def kept(figure: Figure | None) -> object | None:
    """What a chart kept of its last drawing in `figure` (None if cleared since)."""
    return None if figure is None else _KEPT.get(figure)


def keep(figure: Figure, artists: object) -> None:
    _KEPT[figure] = artists


def _corners(
    x: Sequence[float], y: Sequence[float], width: Sequence[float], height: Sequence[float]
) -> list[list[tuple[float, float]]]:
    return [
        [(left, bottom), (left, bottom + h), (left + w, bottom + h), (left + w, bottom)]
        for left, bottom, w, h in zip(x, y, width, height, strict=True)
    ]


def _edges(width: Sequence[float], height: Sequence[float], edge: str | None) -> list[str]:
    # An outline only round a bar that is there: an empty one would draw a stray line.
    return [edge if edge and w and h else "none" for w, h in zip(width, height, strict=True)]


def rectangles(
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
    bars = PolyCollection(
        _corners(x, y, width, height),
        facecolors=colour,
        edgecolors=_edges(width, height, edge),
        linewidths=0.6,
        closed=True,
    )
    bars.set_gid(gid)
    ax.add_collection(bars, autolim=False)
    return bars


def move_rectangles(
    bars: PolyCollection,
    *,
    x: Sequence[float],
    y: Sequence[float],
    width: Sequence[float],
    height: Sequence[float],
    edge: str | None = None,
) -> None:
    """Give bars made by `rectangles` new places and sizes, as if made anew."""
    bars.set_verts(_corners(x, y, width, height), closed=True)
    bars.set_edgecolor(_edges(width, height, edge))


def vertical_bars(
    ax: Axes, gid: str, lefts: Sequence[float], heights: Sequence[float], width: float, colour: str
) -> PolyCollection:
    return rectangles(
        ax,
        gid,
        x=lefts,
        y=[0.0] * len(heights),
        width=[width] * len(heights),
        height=heights,
        colour=colour,
    )


def horizontal_bars(
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
    return rectangles(
        ax,
        gid,
        x=lefts if lefts is not None else [0.0] * len(widths),
        y=[row - thickness / 2 for row in rows],
        width=widths,
        height=[thickness] * len(widths),
        colour=colour,
        edge=edge,
    )


def plain(texts: Iterable[Text]) -> None:
    """Draw these texts literally: a "$" in a custom label must not start maths."""
    for text in texts:
        text.set_parse_math(False)


def style_axes(ax: Axes, style: ChartStyle, *, grid_axis: Literal["x", "y"] | None = "y") -> None:
    ax.set_facecolor(style.background)
    for name, spine in ax.spines.items():
        spine.set_visible(name in ("left", "bottom"))
        spine.set_color(style.muted)
    # Explicit, not left to rcParams: matplotlib may make more ticks while drawing, after
    # the scoped style of the build is gone.
    ax.tick_params(colors=style.muted, labelcolor=style.foreground, labelsize=style.small(0.9))
    if grid_axis is not None:
        ax.grid(True, axis=grid_axis, color=style.grid, linewidth=0.8)
        ax.set_axisbelow(True)


def title(ax: Axes, text: str, style: ChartStyle) -> None:
    ax.set_title(
        text,
        loc="left",
        color=style.foreground,
        fontsize=style.title_size,
        pad=8,
        y=style.title_y,
    )
    plain([ax.title])


def labels(ax: Axes, *, x: str | None = None, y: str | None = None) -> None:
    if x is not None:
        ax.set_xlabel(x)
    if y is not None:
        ax.set_ylabel(y)
    plain([ax.xaxis.label, ax.yaxis.label])


def legend_below(
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
        ncols=min(len(labels), columns, style.legend_columns),
        frameon=False,
        fontsize=style.small(0.9),
        handlelength=1.2,
        columnspacing=1.2,
        labelcolor=style.foreground,
    )
    plain(legend.get_texts())


def empty(ax: Axes, message: str, style: ChartStyle) -> None:
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


def days(first: date, last: date) -> str:
    return _("{first} to {last}").format(
        first=wording.date_text(first, weekday=False), last=wording.date_text(last, weekday=False)
    )


# matplotlib's settings are one set for the process, and `rc_context` sets and restores
# them: one figure is built at a time, so a chart built on a worker (the Summary page's)
# and one built on the UI thread never take each other's style, nor leave theirs behind.
_BUILDING: Final = threading.RLock()


def build(style: ChartStyle, draw: Callable[[], ChartResult]) -> ChartResult:
    with _BUILDING, matplotlib.rc_context(style.rc_params()):
        return draw()


def num(day: date) -> float:
    return float(mdates.date2num(day))  # type: ignore[no-untyped-call]


def whole_numbers(axis: Axis) -> None:
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
            ticks.append((day, wording.day_month(day)))
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
            label = wording.month_year(day) if new_year else wording.month(day)
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


def date_axis(ax: Axes, style: ChartStyle, first: date, last: date) -> None:
    ticks = date_ticks(first, last)
    ax.set_xticks([num(day) for day, _ in ticks], [label for _, label in ticks])
    ax.tick_params(axis="x", colors=style.muted, labelcolor=style.foreground)


def runs(flags: Sequence[bool]) -> list[tuple[int, int]]:
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
