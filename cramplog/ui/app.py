"""Start the desktop app: the QApplication, the diary (own or sample), and the main window."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from cramplog import __version__
from cramplog.errors import CramplogError


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName("cramplog")
    app.setApplicationDisplayName("cramplog")
    app.setOrganizationName("cramplog")
    app.setApplicationVersion(__version__)
    return app


def run(*, data_dir: Path | None, demo: bool) -> int:
    """Open the diary in a window and run until it is closed; return the exit code."""
    from cramplog import paths
    from cramplog.diary import Diary
    from cramplog.ui.main_window import MainWindow

    app = _application()
    sample_dir: tempfile.TemporaryDirectory[str] | None = None
    try:
        if demo:
            from cramplog import sample

            # A fresh sample in its own temporary folder: never the person's diary.
            sample_dir = tempfile.TemporaryDirectory(prefix="cramplog-sample-")
            data_dir = Path(sample_dir.name)
            sample.create_sample_diary(data_dir)
        diary = Diary.open(data_dir or paths.default_data_dir())
    except (CramplogError, OSError, ValueError) as exc:
        QMessageBox.critical(None, "cramplog cannot open the diary", str(exc))
        if sample_dir is not None:
            sample_dir.cleanup()
        return 1
    try:
        window = MainWindow(diary, sample=demo)
        window.show()
        return app.exec()
    finally:
        diary.close()
        if sample_dir is not None:
            sample_dir.cleanup()
