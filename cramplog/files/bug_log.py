"""cramplog's own bugs: where in the code they happened, in an owner-only log, never diary text.

Both error boundaries (the command line's and the app's) write here. The log lives in the
platform's user log folder (`platformdirs.user_log_path`), or in $CRAMPLOG_LOG_DIR when set
(the tests point it at a temporary folder).
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from cramplog import __version__
from cramplog.files.private import PRIVATE_FILE_MODE, ensure_private_dir

if TYPE_CHECKING:  # logging is loaded when a log is first opened, not before the first paint
    import logging

LOG_DIR_ENV = "CRAMPLOG_LOG_DIR"
LOG_FILENAME = "cramplog.log"


def log_dir() -> Path:
    chosen = os.environ.get(LOG_DIR_ENV, "").strip()
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs

    return Path(platformdirs.user_log_path("cramplog", appauthor=False))


def log_file(folder: Path | None = None) -> Path:
    return (folder or log_dir()) / LOG_FILENAME


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


def _private_rotating_handler(path: Path) -> logging.Handler:
    """A rotating log whose every file is created owner-only, whatever the umask."""
    # Imported here: the handlers module (and the socket module it loads) is needed only
    # once an error is logged, never on the way to the first paint.
    import logging.handlers

    class PrivateRotatingHandler(logging.handlers.RotatingFileHandler):
        def _open(self) -> object:  # type: ignore[override]
            fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            os.chmod(self.baseFilename, PRIVATE_FILE_MODE)  # portable, unlike os.fchmod
            return os.fdopen(fd, "a", encoding=self.encoding or "utf-8", errors=self.errors)

    return PrivateRotatingHandler(
        path, maxBytes=1_000_000, backupCount=1, encoding="utf-8", delay=True
    )


def open_log(folder: Path | None = None) -> logging.Logger:
    """The bug log in `folder` (0700), its files 0600, at most ~2 MB."""
    import logging

    path = log_file(folder)
    ensure_private_dir(path.parent)
    logger = logging.getLogger(f"cramplog.bugs.{path}")
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


def record(
    exc_type: type[BaseException], tb: TracebackType | None, *, folder: Path | None = None
) -> Path:
    """Append one bug to the log; return the log's path (OSError if it cannot be written)."""
    logger = open_log(folder)
    try:
        logger.error(describe(exc_type, tb))
    finally:
        close_log(logger)
    return log_file(folder)
