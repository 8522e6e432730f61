"""The app icon from resources/cramplog.svg, and the small marker drawn beside flagged medicines."""

from __future__ import annotations

import functools

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer

from cramplog.core import resources

APP_ICON_FILE = "cramplog.svg"
_ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


@functools.cache
def app_icon() -> QIcon:
    """The cramplog icon, sharp at every size from 16 to 256 px."""
    path = str(resources.resource_path(APP_ICON_FILE))
    icon = QIcon(path)
    if not icon.pixmap(16, 16).isNull():
        return icon
    # Without Qt's SVG icon-engine plugin a QIcon cannot read .svg; draw the sizes ourselves.
    renderer = QSvgRenderer(path)
    icon = QIcon()
    for size in _ICON_SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def reference_flag_icon(palette: QPalette, size: int = 16) -> QIcon:
    """A calm round "i" in the palette's link colour: informative, not alarming."""
    icon = QIcon()
    for scale in (1, 2):
        pixels = size * scale
        pixmap = QPixmap(pixels, pixels)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Link))
        inset = pixels * 0.06
        painter.drawEllipse(QRectF(inset, inset, pixels - 2 * inset, pixels - 2 * inset))
        painter.setPen(QPen(QColor(palette.color(QPalette.ColorRole.Base))))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(8, round(pixels * 0.7)))
        painter.setFont(font)
        painter.drawText(QRectF(0, 0, pixels, pixels), Qt.AlignmentFlag.AlignCenter, "i")
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        icon.addPixmap(pixmap)
    return icon
