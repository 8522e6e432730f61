"""Plain-text labels: scaled fonts, never-HTML labels and the muted secondary caption."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from cramplog.ui.widgets.colours import muted_color


def scaled_font(font: QFont, factor: float, *, bold: bool = False) -> QFont:
    scaled = QFont(font)
    if scaled.pointSizeF() > 0:
        scaled.setPointSizeF(scaled.pointSizeF() * factor)
    else:
        scaled.setPixelSize(round(scaled.pixelSize() * factor))
    scaled.setBold(bold)
    return scaled


def plain_label(text: str = "", *, wrap: bool = True, parent: QWidget | None = None) -> QLabel:
    """A label that never interprets its text as HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


class MutedLabel(QLabel):
    """Plain secondary text (hints, captions) in a softer colour that follows the palette.

    The soft colour is always blended from the palette the label inherits (its parent's, or
    the application's while it has none), never from its own: the label's own palette already
    holds the blended colour, and blending that again on each palette change walked the text
    colour onto the window colour (hints became invisible).
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setText(text)
        self._recolour()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.ParentChange,
        ):
            self._recolour()

    def _recolour(self) -> None:
        parent = self.parentWidget()
        inherited = parent.palette() if parent is not None else QApplication.palette(self)
        colour = muted_color(inherited)
        if self.palette().color(QPalette.ColorRole.WindowText) != colour:
            palette = self.palette()
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            self.setPalette(palette)
