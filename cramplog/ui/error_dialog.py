"""Unexpected errors: an owner-only log holding no diary text, a dialog, and the app goes on."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6 import QtCore  # not `Qt` itself: see cramplog.ui.theme
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from cramplog import __version__, instance_lock

LOG_DIRNAME = "logs"
LOG_FILENAME = "cramplog.log"
_PRIVATE_FILE = 0o600
_PRIVATE_DIR = 0o700


def log_path(data_dir: Path) -> Path:
    return data_dir / LOG_DIRNAME / LOG_FILENAME


def _private_rotating_handler(path: Path) -> logging.Handler:
    """A rotating log whose every file is created owner-only, whatever the umask."""
    # Imported here: the handlers module (and the socket module it loads) is needed only
    # once an error is logged, never on the way to the first paint.
    import logging.handlers

    class PrivateRotatingHandler(logging.handlers.RotatingFileHandler):
        def _open(self) -> object:  # type: ignore[override]
            fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, _PRIVATE_FILE)
            os.fchmod(fd, _PRIVATE_FILE)
            return os.fdopen(fd, "a", encoding=self.encoding or "utf-8", errors=self.errors)

    return PrivateRotatingHandler(
        path, maxBytes=1_000_000, backupCount=1, encoding="utf-8", delay=True
    )


def open_log(data_dir: Path) -> logging.Logger:
    """cramplog's error log in `data_dir/logs/` (0700), its files 0600, at most ~2 MB."""
    path = log_path(data_dir)
    instance_lock.ensure_data_dir(data_dir)
    path.parent.mkdir(mode=_PRIVATE_DIR, exist_ok=True)
    os.chmod(path.parent, _PRIVATE_DIR)
    logger = logging.getLogger(f"cramplog.errors.{path}")
    logger.propagate = False
    logger.setLevel(logging.INFO)
    if not logger.handlers:
        handler = _private_rotating_handler(path)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
    return logger


def close_log(logger: logging.Logger) -> None:
    for handler in list(logger.handlers):
        handler.close()
        logger.removeHandler(handler)


def describe(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """The error's type and where it happened, never its message or any variable.

    Messages and values can hold what the person typed (a note, a label, the SQL
    parameters of a failed statement), so the log records only types and code locations.
    """
    lines = [f"Unexpected error {exc_type.__module__}.{exc_type.__qualname__} (message withheld)"]
    lines.append(f"cramplog {__version__}, Python {sys.version.split()[0]}, {sys.platform}")
    for frame in traceback.extract_tb(tb):
        lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
    return "\n".join(lines)


class ErrorDialog(QDialog):
    """Says something went wrong, that entries are safe, and where the log is."""

    def __init__(self, log_file: Path, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle("cramplog — something went wrong")
        heading = QLabel("Something went wrong inside cramplog.")
        heading.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        body = QLabel(
            "Your saved entries are safe, and whatever you were typing is still in its form, "
            "so you can carry on. If this keeps happening, the details are in the log file "
            "below; it holds no diary text, only where in cramplog the problem was."
        )
        body.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        body.setWordWrap(True)
        self.log_label = QLabel(str(log_file))
        self.log_label.setObjectName("logLocation")
        self.log_label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.log_label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_label.setWordWrap(True)
        self.log_label.setAccessibleName("Log file location")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addWidget(QLabel("Log file:"))
        layout.addWidget(self.log_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)


Show = Callable[[Path], None]


class ExceptionHook:
    """sys.excepthook for the app: log safely, show one dialog at a time, keep running.

    PySide6 hands an exception escaping a slot to sys.excepthook and carries on with the
    event loop, so the open form and its content stay as they were.
    """

    def __init__(self, data_dir: Path, *, show: Show | None = None) -> None:
        self.data_dir = data_dir
        self.log_file = log_path(data_dir)
        self._logger: logging.Logger | None = None
        self._show = show or self._show_dialog
        self._showing = False
        self._previous: Callable[..., object] | None = None

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous or sys.__excepthook__
        if self._logger is not None:
            close_log(self._logger)
            self._logger = None

    def __call__(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        del exc  # its message may hold diary text; only the type and place are logged
        self.record(exc_type, tb)
        if self._showing:
            return
        self._showing = True
        try:
            self._show(self.log_file)
        finally:
            self._showing = False

    def record(self, exc_type: type[BaseException], tb: TracebackType | None) -> None:
        with contextlib.suppress(OSError):
            if self._logger is None:
                self._logger = open_log(self.data_dir)
            self._logger.error(describe(exc_type, tb))

    def _show_dialog(self, log_file: Path) -> None:
        app = QApplication.instance()
        parent = app.activeWindow() if isinstance(app, QApplication) else None
        ErrorDialog(log_file, parent=parent).exec()
