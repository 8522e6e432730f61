"""A check of a file to import, stopped from another thread: its row loops look now and then.

The Import dialog checks a file on a worker (a ten-year export: about a second). Closing the
dialog, or choosing other options, while a check runs used to wait for it to end. The worker
now runs the check inside `stoppable(event)`, and the loops that take the time (rows read
from a text file, each cramp checked, a spreadsheet's rows) call `checkpoint()`, which raises
`CheckStopped` once the event is set: the check ends within a few milliseconds, having written
nothing (a check never writes). Outside `stoppable`, as on the command line, `checkpoint` only
looks and returns.

A context variable, not an argument threaded through every reader: each thread has its own,
so a check on one thread is never stopped by another's event.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from contextvars import ContextVar

_STOP: ContextVar[threading.Event | None] = ContextVar("cramplog_import_stop", default=None)


class CheckStopped(Exception):
    """The check was asked to stop; nothing comes of it."""


@contextlib.contextmanager
def stoppable(event: threading.Event) -> Iterator[None]:
    """Run the block so that setting `event` stops its check at the next checkpoint."""
    token = _STOP.set(event)
    try:
        yield
    finally:
        _STOP.reset(token)


def checkpoint() -> None:
    """Raise CheckStopped if this thread's check was asked to stop."""
    event = _STOP.get()
    if event is not None and event.is_set():
        raise CheckStopped
