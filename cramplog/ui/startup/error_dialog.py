"""Unexpected errors in the app: logged by cramplog.files.bug_log, a dialog, and the app goes on."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6 import QtCore  # not `Qt` itself: see cramplog.ui.widgets.theme
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from cramplog.core.translation import _
from cramplog.files import bug_log


class ErrorDialog(QDialog):
    """Says something went wrong, that entries are safe, and where the log is."""

    def __init__(self, log_file: Path, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(_("Something went wrong"))
        heading = QLabel(_("Something went wrong inside cramplog."))
        heading.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        body = QLabel(
            _(
                "Your saved entries are safe, and whatever you were typing is still in its form, "
                "so you can carry on. If this keeps happening, the details are in the log file "
                "below; it holds no diary text, only where in cramplog the problem was."
            )
        )
        body.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        body.setWordWrap(True)
        self.log_label = QLabel(str(log_file))
        self.log_label.setObjectName("logLocation")
        self.log_label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.log_label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_label.setWordWrap(True)
        self.log_label.setAccessibleName(_("Log file location"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addWidget(QLabel(_("Log file:")))
        layout.addWidget(self.log_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)


Show = Callable[[Path], None]


class ExceptionHook:
    """sys.excepthook for the app: log safely, show one dialog at a time, keep running.

    PySide6 hands an exception escaping a slot to sys.excepthook and carries on with the
    event loop, so the open form and its content stay as they were.
    """

    def __init__(self, *, log_dir: Path | None = None, show: Show | None = None) -> None:
        # The log folder is found when first needed: where the platform keeps logs
        # (platformdirs) is not worth loading before the window's first paint.
        self._log_dir = log_dir
        self._logger: logging.Logger | None = None
        self._show = show or self._show_dialog
        self._showing = False
        self._previous: Callable[..., object] | None = None

    @property
    def log_dir(self) -> Path:
        if self._log_dir is None:
            self._log_dir = bug_log.log_dir()
        return self._log_dir

    @property
    def log_file(self) -> Path:
        return bug_log.log_file(self.log_dir)

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous or sys.__excepthook__
        if self._logger is not None:
            bug_log.close_log(self._logger)
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
                self._logger = bug_log.open_log(self.log_dir)
            self._logger.error(bug_log.describe(exc_type, tb))

    def _show_dialog(self, log_file: Path) -> None:
        app = QApplication.instance()
        parent = app.activeWindow() if isinstance(app, QApplication) else None
        ErrorDialog(log_file, parent=parent).exec()
