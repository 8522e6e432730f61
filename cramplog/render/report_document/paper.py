"""Paper sizes, and a Qt application for fonts and painting that never opens a window."""

from __future__ import annotations

import os
import sys
from typing import Final

from PySide6.QtCore import QLocale
from PySide6.QtGui import QGuiApplication, QPageSize


class PaperSize:
    """Paper names a person can choose, and the one their locale uses."""

    AUTOMATIC: Final = "auto"
    A4: Final = "a4"
    LETTER: Final = "letter"


def default_page_size() -> QPageSize:
    """Letter where the locale measures in US units, A4 everywhere else."""
    if QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QPageSize.PageSizeId.A4)


def page_size_named(name: str | None) -> QPageSize:
    """The page size for a setting value ("a4", "letter", "auto" or None for the locale's)."""
    if name == PaperSize.A4:
        return QPageSize(QPageSize.PageSizeId.A4)
    if name == PaperSize.LETTER:
        return QPageSize(QPageSize.PageSizeId.Letter)
    return default_page_size()


def headless_application() -> QGuiApplication:
    """The running application, or a QGuiApplication for fonts and painting only (never
    widgets, never a window), drawing offscreen when there is no display to talk to.

    Only X11/Wayland systems need the offscreen platform without a display: macOS and
    Windows draw fonts without one.
    """
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if (
        sys.platform not in ("darwin", "win32")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QGuiApplication([sys.argv[0] if sys.argv else "cramplog"])
