"""Colours derived from the palette: the error red and the softer secondary text."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from cramplog.ui.widgets import theme


def is_dark(palette: QPalette) -> bool:
    return theme.is_dark(palette)


def error_color(palette: QPalette) -> QColor:
    """The theme's error red for this palette: deep on a light window, soft on a dark one."""
    return theme.error_colour(palette)


def muted_color(palette: QPalette) -> QColor:
    """Secondary text: window text blended a third of the way toward the window colour."""
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    return QColor(
        (text.red() * 2 + window.red()) // 3,
        (text.green() * 2 + window.green()) // 3,
        (text.blue() * 2 + window.blue()) // 3,
    )
