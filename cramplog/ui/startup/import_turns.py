"""Import modules on the UI thread one per turn of its event loop, so no turn is long."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer


def import_in_turns(modules: Sequence[str], context: QObject) -> None:
    """Import `modules` in order, one not yet loaded per turn (the longest is about 20 ms),
    for as long as `context` lives. Code that needs one sooner imports it itself, so a module
    that fails to import (a bug, shown by the app's error hook) ends the turns, nothing more."""
    pending = [name for name in modules if name not in sys.modules]

    def step() -> None:
        while pending:
            name = pending.pop(0)
            if name not in sys.modules:
                importlib.import_module(name)
                break
        if pending:
            QTimer.singleShot(0, context, step)

    if pending:
        QTimer.singleShot(0, context, step)
