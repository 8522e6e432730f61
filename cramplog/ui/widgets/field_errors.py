"""The message under a field that cannot be saved, and showing it where the fault is."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

from cramplog.core.translation import _
from cramplog.ui.widgets.colours import error_color


class FieldError(QLabel):
    """The message shown under a field that cannot be saved as it is; hidden when all is well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAccessibleName("")
        self.hide()

    def show_message(self, message: str) -> None:
        self._recolour()
        self.setText(message)
        self.setAccessibleName(_("Problem: {message}").format(message=message))
        self.setVisible(bool(message))

    def clear_message(self) -> None:
        self.setText("")
        self.setAccessibleName("")
        self.hide()

    def showEvent(self, event: Any) -> None:
        self._recolour()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._recolour()

    def _recolour(self) -> None:
        parent = self.parentWidget()
        colour = error_color(parent.palette() if parent is not None else self.palette())
        if self.palette().color(QPalette.ColorRole.WindowText) != colour:
            palette = self.palette()
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            self.setPalette(palette)


def field_error(errors: dict[str, FieldError], field: str) -> FieldError:
    """A new, hidden error label for `field`, kept in the form's `errors` under its name."""
    error = FieldError()
    error.setObjectName(f"{field}Error")
    errors[field] = error
    return error


def show_field_error(
    errors: dict[str, FieldError],
    field: str | None,
    message: str,
    *,
    focus_for: Callable[[str], QWidget],
    scroll_area: QScrollArea,
) -> None:
    """Show `message` beside the field at fault (or in the form's "general" label), give it
    to screen readers on that field, move the focus there and scroll both into view."""
    key = field if field is not None and field in errors else "general"
    error = errors[key]
    error.show_message(message)
    target = focus_for(key)
    target.setAccessibleDescription(message)
    if target.isEnabled():
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def reveal() -> None:
        # The field, then the message (last, so it wins if both cannot show).
        for widget in (target, error):
            if scroll_area.isAncestorOf(widget):
                scroll_area.ensureWidgetVisible(widget)

    # The message was hidden until now: the form grows to make room for it once the event
    # loop has laid it out again, and only then can the message be scrolled into view.
    reveal()
    QTimer.singleShot(0, scroll_area, reveal)
