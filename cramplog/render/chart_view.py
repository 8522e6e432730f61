"""One chart on screen: a matplotlib canvas that redraws only when stale and visible, and saves.

This module imports matplotlib's Qt backend, so the Patterns page imports it only when it is
first shown: start-up never pays for matplotlib.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cramplog.core.translation import N_, _
from cramplog.render.charts import ChartResult

SAVE_FILTERS = N_("PNG image (*.png);;SVG image (*.svg)")
# Charts on screen are laid out at 100 dots per inch of logical pixels.
SCREEN_DPI = 100


def ask_save_path(parent: QWidget, title: str, suggested: str) -> str | None:
    """Ask where to save a chart; None if the person cancels. The one file-dialog seam."""
    path, _chosen = QFileDialog.getSaveFileName(parent, title, suggested, _(SAVE_FILTERS))
    return path or None


ChartSource = Callable[[Figure | None], ChartResult]


class _Canvas(FigureCanvasQTAgg):
    """A matplotlib canvas that lets the wheel scroll the page it sits in.

    The charts on screen have no zoom or pan, so a wheel turn over one is meant for the page;
    only while the person holds a mouse button or a modifier (interacting with the chart)
    does the chart itself get it.
    """

    def wheelEvent(self, event: QWheelEvent) -> None:
        held = event.buttons() != Qt.MouseButton.NoButton
        if held or event.modifiers() != Qt.KeyboardModifier.NoModifier:
            super().wheelEvent(event)  # type: ignore[no-untyped-call]
            return
        area = self._scroll_area()
        if area is None:
            event.ignore()
            return
        # Handed to the scroll area's viewport, not just ignored: Qt passes an ignored wheel
        # event up to the parents only when it came from the system, not when it was sent.
        viewport = area.viewport()
        passed_on = QWheelEvent(
            viewport.mapFromGlobal(event.globalPosition()),
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
        )
        QApplication.sendEvent(viewport, passed_on)
        event.setAccepted(passed_on.isAccepted())

    def _scroll_area(self) -> QAbstractScrollArea | None:
        widget = self.parentWidget()
        while widget is not None and not isinstance(widget, QAbstractScrollArea):
            widget = widget.parentWidget()
        return widget


class ChartView(QFrame):
    """A chart, its summary for screen readers, and a Save button.

    `set_source()` hands over how to build the chart and marks it stale; `draw_if_stale()`
    builds and draws it, reusing one Figure, and is called only while the view is on screen.
    """

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"chart-{key}")
        self._source: ChartSource | None = None
        self._inputs: object = None
        self._stale = False
        self.figure: Figure | None = None
        self.canvas: FigureCanvasQTAgg | None = None
        self.result: ChartResult | None = None
        self._requested = 0
        self._drawn = 0
        self.draws = 0  # times the canvas was painted by matplotlib (for tests and timing)

        self.save_button = QToolButton(self)
        self.save_button.setText(_("Save…"))
        self.save_button.setToolTip(_("Save this chart as a PNG or SVG image"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)

        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("chartSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self._placeholder = QWidget(self)
        self._placeholder.setFixedHeight(240)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 4, 0, 8)
        self._layout.addWidget(self._placeholder)
        self._layout.addLayout(bar)

    @property
    def stale(self) -> bool:
        return self._stale

    def set_source(self, source: ChartSource, height_in: float, inputs: object = None) -> None:
        """What to draw next time, and how tall it will be (laid out at once, drawn later).

        `inputs` (when given) are the values the chart shows and its style: if they equal
        those of the chart on screen, that chart is kept as it is, not drawn again.
        """
        if inputs is not None and inputs == self._inputs and not self._stale:
            return
        self._inputs = inputs
        self._source = source
        self._stale = True
        height = round(height_in * SCREEN_DPI)
        (self.canvas or self._placeholder).setFixedHeight(height)

    def draw_if_stale(self) -> bool:
        """Build and draw the chart if it changed since last drawn; True if it drew."""
        if not self._stale or self._source is None:
            return False
        self._stale = False
        result = self._source(self.figure)
        self.result = result
        if self.canvas is None:
            self.figure = result.figure
            self.canvas = _Canvas(result.figure)  # type: ignore[no-untyped-call]
            self.canvas.setParent(self)
            self.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            self.canvas.customContextMenuRequested.connect(self._context_menu)
            self.canvas.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.canvas.mpl_connect("draw_event", self._on_draw)
            self.canvas.setFixedHeight(self._placeholder.height())
            self._layout.replaceWidget(self._placeholder, self.canvas)
            self._placeholder.deleteLater()
        self.canvas.setAccessibleName(result.title)
        self.canvas.setAccessibleDescription(result.summary)
        self.summary.setText(result.summary)
        self.save_button.setEnabled(True)
        self._requested += 1
        # Idle, not at once: a new or resized canvas asks for a draw too, and the two
        # requests become one.
        self.canvas.draw_idle()  # type: ignore[no-untyped-call]
        return True

    @property
    def draw_pending(self) -> bool:
        """Whether the latest chart has yet to be drawn (the event loop has not run yet)."""
        return self._drawn < self._requested

    def _on_draw(self, _event: object) -> None:
        self._drawn = self._requested
        self.draws += 1

    def _context_menu(self, where: QPoint) -> None:
        menu = QMenu(self)
        save = QAction(_("Save chart as PNG or SVG…"), menu)
        save.triggered.connect(self.save)
        menu.addAction(save)
        assert self.canvas is not None
        menu.popup(self.canvas.mapToGlobal(where))

    def save(self) -> Path | None:
        """Ask for a file name and save the chart there (PNG unless it ends in .svg)."""
        if self.result is None:
            return None
        title = self.result.title
        suggested = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")
        chosen = ask_save_path(
            self, _("Save “{title}”").format(title=title), f"{suggested[:40]}.png"
        )
        if chosen is None:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_suffix(".png")
        figure = self.result.figure
        try:
            figure.savefig(path, format=path.suffix[1:].lower(), facecolor=figure.get_facecolor())
        except OSError as exc:
            QMessageBox.warning(
                self,
                _("Chart not saved"),
                _("The chart could not be saved: {reason}.").format(reason=exc.strerror or exc),
            )
            return None
        return path
