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
    """Plain secondary text (hints, captions) in a softer colour that follows the palette."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setText(text)
        self._recolour()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._recolour()

    def _recolour(self) -> None:
        parent = self.parentWidget()
        # Never its own palette: setting the colour is itself a palette change, so blending
        # from its own (already muted) text again and again faded it into the background.
        base = parent.palette() if parent is not None else QApplication.palette()
        colour = muted_color(base)
        if self.palette().color(QPalette.ColorRole.WindowText) != colour:
            palette = self.palette()
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            self.setPalette(palette)
