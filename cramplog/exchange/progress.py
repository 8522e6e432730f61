"""An export's progress: the writers report the rows done every so often, and may be stopped.

The app shows a progress dialog and keeps its window alive from these reports; the command
line passes none. A report that raises (`ExportCancelled`) stops the writer where it is, and
cramplog's file writer then removes what it had written, so the targets stay as they were.
"""

from __future__ import annotations

from collections.abc import Callable

from cramplog.core.errors import ExportCancelled
from cramplog.core.translation import _

# Told how many rows (or records) are done so far; raises to stop the export.
Tick = Callable[[int], None]

# Asked whether to go on, with (done, total): False stops the export.
Progress = Callable[[int, int], bool]

# Rows between two reports: a few milliseconds of writing, so a window that handles its
# events at each report answers at once, and the reports cost nothing next to the rows.
EVERY = 500


def cancelled() -> ExportCancelled:
    return ExportCancelled(_("Export cancelled; nothing was written."))


def begin(progress: Progress | None, total: int) -> None:
    """Ask `progress` once before the first row, so the window answers while the counts and
    the first page are read."""
    if progress is not None and not progress(0, total):
        raise cancelled()


def ticker(progress: Progress | None, total: int, *, before: int = 0) -> Tick | None:
    """A writer's `tick` that asks `progress` with `before` rows already done elsewhere."""
    if progress is None:
        return None

    def tick(done: int) -> None:
        if not progress(min(before + done, total), total):
            raise cancelled()

    return tick
