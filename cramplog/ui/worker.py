"""Work on a thread of its own, its outcome taken on the UI thread: a value or an exception.

Backups (automatic, and "Back up now") read and copy the diary through connections of their
own, so they can run beside the window; the window only hears how it went. The outcome is
never lost on the worker: a bug's exception is handed over like any value, for the UI thread
to raise where the app's error hook logs it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal


def outcome_of(work: Callable[[], object]) -> object:
    """What `work()` returned, or the exception it raised."""
    try:
        return work()
    except Exception as exc:  # an outcome like any other, for the UI thread to take
        return exc


class Worker(QObject):
    """`work()` on a thread named `name`; once `outcome` holds what came of it, `done`
    carries this worker to the slots given to `when_done`, on the UI thread."""

    done = Signal(object)

    def __init__(self, work: Callable[[], object], *, name: str) -> None:
        super().__init__()
        self.outcome: object = None
        self._work = work
        self._thread = threading.Thread(target=self._body, name=name)

    def when_done(self, slot: Callable[[Worker], None]) -> None:
        # Queued, whatever `slot` is: it runs on the thread this worker was made on.
        self.done.connect(slot, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        self._thread.start()

    def wait(self) -> object:
        """Wait for the work to end (at exit, when `done` may never be delivered: the event
        loop has ended) and give its outcome."""
        self._thread.join()
        return self.outcome

    def _body(self) -> None:
        self.outcome = outcome_of(self._work)
        self.done.emit(self)
