"""Open a window at its chosen size, or smaller on a screen that has less room."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


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


class ScrolledBody(QWidget):
    """The parts of a window that scroll (see `scrolling`), at no less than the height they
    need at their width, their wrapped lines included, and no more: the scroll area asks a
    widget with wrapped text for its preferred height, which made a dialog of ordinary
    size scroll where its tables could have given way instead."""

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return (
            super().heightForWidth(width) if layout is None else layout.minimumHeightForWidth(width)
        )


def scrolling(body: ScrolledBody, name: str) -> QScrollArea:
    """`body` in a frameless scroll area that scrolls only when its window is smaller than
    `body` needs: on a short screen its parts keep their heights (wrapped lines included)
    instead of being squeezed until their lines are drawn over one another."""
    scroller = QScrollArea()
    scroller.setObjectName(name)
    scroller.setWidgetResizable(True)
    scroller.setFrameShape(QFrame.Shape.NoFrame)
    scroller.setWidget(body)
    return scroller
