"""Measure the longest stall of the UI thread for the benchmark: a heartbeat on the event loop.

A timer ticks every few milliseconds while the event loop is free; the longest gap between two
ticks is the longest time the window could neither paint nor answer. Only a benchmark launch
starts it (see main_window's benchmark hook), once the window has first painted.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from cramplog.ui.startup.after_paint import AfterPaint

# Short enough that a gap of 100 ms stands out, long enough to cost nothing measurable.
TICK_MS = 5


class StallWatch(QObject):
    """The longest gap between heartbeats since `widget` first painted (0 before that)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._last: float | None = None
        self.longest = 0.0
        AfterPaint(widget, self._start)

    def _start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.longest = max(self.longest, now - self._last)
        self._last = now

    def longest_until_now(self) -> float:
        """The longest gap, counting the one still open (a stall under way is a stall)."""
        if self._last is None:
            return self.longest
        return max(self.longest, time.perf_counter() - self._last)
