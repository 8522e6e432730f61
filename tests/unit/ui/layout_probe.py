"""Run as `python -m tests.unit.ui.layout_probe FOLDER`: every screen's clipped text, as JSON.

A device-pixel ratio is chosen when Qt starts (QT_SCALE_FACTOR), so the layout test runs each
scale in a process of its own; this is that process. It opens an empty diary's places, then a
sample diary's places and dialogs, in a 1280×800 window, and prints {screen: [problems]}.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget


class _Bot:
    """The two qtbot calls the screens need, outside pytest."""

    def add_widget(self, widget: QWidget) -> None:
        pass

    def wait_exposed(self, widget: QWidget, timeout: int = 1000) -> None:
        for _ in range(5):
            QApplication.processEvents()


def main(folder: Path) -> dict[str, list[str]]:
    from cramplog.diary.service import Diary
    from cramplog.ui.preferences import Preferences
    from tests.conftest import NOW
    from tests.unit.ui import screens

    bot = _Bot()
    found: dict[str, list[str]] = {}
    screens.use_theme("light")
    for kind in ("empty", "sample"):
        where = folder / kind
        if kind == "empty":
            diary = Diary.open(where / "data", clock=lambda: NOW)
        else:
            diary = screens.sample_diary(where / "data")
        preferences = Preferences(QSettings(str(where / "prefs.ini"), QSettings.Format.IniFormat))
        window = screens.open_window(bot, diary, preferences)  # type: ignore[arg-type]
        for name, top in screens.places(window):
            found[f"{kind} {name}"] = screens.clipped(top)
        if kind == "sample":
            for name in screens.DIALOGS:
                dialog = screens.open_dialog(bot, window, name)  # type: ignore[arg-type]
                found[name] = screens.clipped(dialog)
                dialog.close()
        window.close()
        diary.close()
    return found


if __name__ == "__main__":
    app = QApplication([])
    print(json.dumps(main(Path(sys.argv[1]))))
