"""The Patterns page's charts: made after its first paint, drawn only while on screen.

matplotlib (via `cramplog.render.chart_view` and `cramplog.render.charts`) is imported in
the turn after the page's first paint, never before it: the page paints its numbers, period
and checklist first, behind a stand-in as tall as a chart, then makes one chart a turn. On a
start on Patterns, start-up's worker imports them meanwhile (`chart_modules`), and the page
waits for it a turn at a time rather than import them itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from cramplog.analysis import stats
from cramplog.ui.pages import chart_modules

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from cramplog.render.chart_view import ChartView
    from cramplog.render.charts import ChartResult, ChartStyle

# The stand-in's height while the charts are being made: a chart's own before it is drawn.
CHART_PLACEHOLDER_PX: Final = 240
# How often the page looks whether start-up's worker has loaded the chart modules.
LOADED_YET_MS: Final = 15


class PageCharts(QObject):
    """The chart views of one page, in `layout` inside `scroll_area`'s `content`."""

    def __init__(
        self, page: QWidget, content: QWidget, layout: QVBoxLayout, scroll_area: QScrollArea
    ) -> None:
        super().__init__(page)
        self.page = page
        self.content = content
        self.layout = layout
        self.scroll_area = scroll_area
        self.views: list[ChartView] = []
        self.computed: stats.PatternStats | None = None
        self._style: ChartStyle | None = None
        self._placeholder: QWidget | None = None
        self._wait_for_paint = False
        scroll_area.verticalScrollBar().valueChanged.connect(self.draw_visible)

    @property
    def made(self) -> bool:
        """Whether every chart view is on the page (drawn or waiting to be)."""
        return bool(self.views) and self._placeholder is None

    def make_soon(self) -> None:
        """Create the chart views after the page's next paint, one an event-loop turn."""
        if self.views or self._placeholder is not None:
            return
        self._placeholder = QWidget(self.content)
        self._placeholder.setObjectName("chartsComing")
        self._placeholder.setFixedHeight(CHART_PLACEHOLDER_PX)
        self.layout.addWidget(self._placeholder)
        # Started by the page's next paint (`page_painted`), not by a timer now: a timer
        # queued here could run before that paint and put matplotlib's import in front of it.
        self._wait_for_paint = True
        self.page.update()

    def page_painted(self) -> None:
        """The page has painted: start on the charts if they were waiting for it."""
        if self._wait_for_paint:
            self._wait_for_paint = False
            QTimer.singleShot(0, self, self._add_next_view)  # dropped if the page goes

    def _add_next_view(self) -> None:
        if not chart_modules.ready():
            QTimer.singleShot(LOADED_YET_MS, self, self._add_next_view)  # dropped if it goes
            return
        from cramplog.render import charts
        from cramplog.render.chart_view import ChartView

        kinds = charts.CHARTS
        if len(self.views) < len(kinds):
            kind = kinds[len(self.views)]
            view = ChartView(kind.key, self.content)
            self.layout.insertWidget(len(self.views), view)
            # Shown now rather than by the layout's queued call, so it is laid out (and
            # judged on or off screen) in the same pass.
            view.show()
            self.views.append(view)
            if self.computed is not None:
                view.set_source(
                    _chart_source(kind.build, self.computed, self.style()),
                    kind.height_in(self.computed),
                    (kind.inputs(self.computed), self.style()),
                )
            self.draw_visible()
        if len(self.views) < len(kinds):
            QTimer.singleShot(0, self, self._add_next_view)  # dropped if the page goes
        elif self._placeholder is not None:
            self._placeholder.deleteLater()
            self._placeholder = None

    def style(self) -> ChartStyle:
        """The chart look for the page's palette: dark or light, in its own colours."""
        if self._style is None:
            from cramplog.render import charts

            palette = self.page.palette()
            background = palette.color(QPalette.ColorRole.Window)
            foreground = palette.color(QPalette.ColorRole.WindowText)
            dark = background.lightness() < 128
            muted = QColor(
                round(foreground.red() * 0.65 + background.red() * 0.35),
                round(foreground.green() * 0.65 + background.green() * 0.35),
                round(foreground.blue() * 0.65 + background.blue() * 0.35),
            )
            self._style = (charts.DARK if dark else charts.LIGHT).with_colours(
                background=background.name(), foreground=foreground.name(), muted=muted.name()
            )
        return self._style

    def forget_style(self) -> None:
        """The palette changed: the next drawing picks its colours again."""
        self._style = None

    def show(self, computed: stats.PatternStats) -> None:
        """Give every view its chart of `computed`; drawn when on screen."""
        self.computed = computed
        if not self.views:
            return
        from cramplog.render import charts

        style = self.style()
        kinds = {kind.key: kind for kind in charts.CHARTS}
        for view in self.views:
            kind = kinds[view.key]
            view.set_source(
                _chart_source(kind.build, computed, style),
                kind.height_in(computed),
                # Unchanged figures and look: the chart on screen stays, no redraw.
                (kind.inputs(computed), style),
            )

    def draw_visible(self) -> None:
        """Draw the stale charts that are at least partly on screen; the rest wait."""
        if not self.page.isVisible() or not self.views:
            return
        # Lay out pending changes first (new views, charts of a new height), or views still
        # sit where they were and count as on screen.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
        for view in self.views:
            if view.isVisible() and self._on_screen(view):
                view.draw_if_stale()

    def _on_screen(self, view: QWidget) -> bool:
        viewport = self.scroll_area.viewport()
        where = QRect(view.mapTo(viewport, QPoint(0, 0)), view.size())
        return where.intersects(viewport.rect())

    def visible_keys(self) -> list[str]:
        """The charts at least partly on screen now."""
        return [view.key for view in self.views if self._on_screen(view)]


def _chart_source(
    builder: Callable[[stats.PatternStats, ChartStyle, Figure | None], ChartResult],
    computed: stats.PatternStats,
    style: ChartStyle,
) -> Callable[[Figure | None], ChartResult]:
    def source(figure: Figure | None) -> ChartResult:
        return builder(computed, style, figure)

    return source
