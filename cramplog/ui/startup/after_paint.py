"""Run code just after a widget has painted: how start-up knows the window is on screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


def _always() -> bool:
    return True


class AfterPaint(QObject):
    """Calls `then` once, just after `widget` paints while `ready()` holds.

    The event filter sees a paint before it happens, so `then` waits `turns` turns of the
    event loop (at least one: the paint is then done and shown); work waiting on the same
    paint with fewer turns runs first. With `fallback_ms`, `then` is also called if no such
    paint comes in that time (a window started minimised never paints).
    """

    def __init__(
        self,
        widget: QWidget,
        then: Callable[[], None],
        *,
        ready: Callable[[], bool] = _always,
        turns: int = 1,
        fallback_ms: int | None = None,
    ) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then = then
        self._ready = ready
        self._turns = max(turns, 1)
        self._done = False
        widget.installEventFilter(self)
        if fallback_ms is not None:
            QTimer.singleShot(fallback_ms, self._fire)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self._widget and event.type() == QEvent.Type.Paint and self._ready():
            self._widget.removeEventFilter(self)
            self._later(self._turns)
        return False

    def _later(self, turns: int) -> None:
        QTimer.singleShot(0, self._fire if turns == 1 else lambda: self._later(turns - 1))

    def _fire(self) -> None:
        if self._done:
            return
        self._done = True
        self._widget.removeEventFilter(self)
        self._then()
