"""The benchmark's exit: report the moment a timed start-up reached, then quit.

The benchmark launches the real entry point with `BENCHMARK_EXIT_ENV` set to "painted",
"rows" (the first rows of the list), "list" (the whole list, the diary open), "patterns"
(its figures) or "charts" (Patterns' charts drawn); the app quits as soon as that is on
screen. Nothing else changes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer

from cramplog.ui.startup.after_paint import AfterPaint

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from cramplog.ui.main_window import MainWindow
    from cramplog.ui.pages.patterns_page import PatternsPage
    from cramplog.ui.startup.stall_watch import StallWatch

BENCHMARK_EXIT_ENV = "CRAMPLOG_BENCHMARK_EXIT"


def install(window: MainWindow, moment: str, watch: StallWatch | None) -> None:
    """Report (with the longest stall `watch` saw) and quit once `moment` is on screen."""
    from cramplog.ui.places import PATTERNS

    watched: QWidget = window
    ready: Callable[[], bool] = lambda: True  # noqa: E731
    if moment in ("rows", "list"):
        page = window.diary_page
        watched = page.table.viewport()
        if moment == "rows":
            ready = lambda: page.model.rowCount() > 0  # noqa: E731
        else:
            ready = lambda: page.complete and page.model.rowCount() > 0  # noqa: E731
    elif moment == "patterns":
        window.show_place(PATTERNS)
        patterns = watched = window.patterns_page
        # Painted with its numbers (not an empty frame); its charts follow, one a turn.
        ready = lambda: patterns.stats is not None  # noqa: E731
    elif moment == "charts":
        window.show_place(PATTERNS)
        _report_when_charts_drawn(window, window.patterns_page, watch)
        return
    # One turn after the paint: the measured moment includes it.
    AfterPaint(watched, lambda: _report_and_quit(watch), ready=ready)


def _report_when_charts_drawn(
    window: MainWindow, patterns: PatternsPage, watch: StallWatch | None
) -> None:
    """Report once every chart view is made and those on screen are drawn (looked at
    every few milliseconds: a chart's canvas paints itself, not the page)."""
    looking = QTimer(window)
    looking.setInterval(5)

    def look() -> None:
        views = patterns.chart_views
        on_screen = set(patterns.visible_chart_keys())
        if patterns.charts_made and not any(v.stale for v in views if v.key in on_screen):
            looking.stop()
            QTimer.singleShot(0, lambda: _report_and_quit(watch))

    looking.timeout.connect(look)
    looking.start()


def _report_and_quit(watch: StallWatch | None) -> None:
    # The benchmark times the process from its launch to this line, so neither the work
    # queued behind the paint nor the interpreter's exit is counted as start-up. The second
    # figure is the longest the UI thread was busy since the window first painted.
    stall = 0.0 if watch is None else watch.longest_until_now()
    print(f"{BENCHMARK_EXIT_ENV} {time.time():.6f} {stall:.6f}", flush=True)
    QCoreApplication.quit()
