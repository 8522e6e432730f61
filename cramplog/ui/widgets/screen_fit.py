"""Open a window at its chosen size, or smaller on a screen that has less room."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize `widget` to `width` × `height`, cut down to the room its screen leaves (less the
    panels and docks: the available geometry), but never below what its layout needs.

    A dialog that opened 700 pixels high on a 600-pixel laptop put its buttons below the
    screen's edge; the window manager does not always move or shrink it.
    """
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width()), min(height, room.height())
    least = widget.minimumSizeHint()
    widget.resize(max(width, least.width()), max(height, least.height()))
