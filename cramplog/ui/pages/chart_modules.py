"""Load the chart modules (matplotlib) once: off the UI thread when start-up can, never twice.

Importing them costs about 0.3–0.5 s of CPU. A person who starts on Patterns would see the
window freeze that long just after the page's numbers appear, so start-up promises the load
(`promise`) and its worker thread keeps the promise once the page has painted; the page makes
its charts when `ready` says the modules are in, or that nobody else is loading them.

Python's import lock is per module: a UI thread importing a chart module while the worker is
half-way through it would wait for the worker anyway, and could deadlock with it through a
module each holds. So the UI thread asks `ready` first and, while a load is promised or under
way, asks again a turn later instead of importing.
"""

from __future__ import annotations

import importlib
import threading
from typing import Final

# matplotlib and the charts' drawing, not their Qt canvas (cramplog.render.chart_view, whose
# matplotlib backend makes Qt classes and enums as it loads): PySide makes those on first use,
# not safely from two threads, and a start on Patterns crashed about once in 50 launches on a
# busy machine with the canvas loading here. The UI thread imports the canvas (~40 ms).
MODULES: Final = ("cramplog.render.charts", "matplotlib.backends.backend_agg")

# How long `ready` lets a loading thread run while the caller waits for its answer. Some
# callers wait without letting other threads run at all (PySide's QTest.qWait holds the
# interpreter's lock throughout, as the screenshot script and pytest-qt's waits do): there
# the load moves on only while `ready` waits, so the page's regular asking keeps it going.
LET_RUN_S: Final = 0.005

_guard = threading.Lock()
_pending: Promise | None = None
_loaded = False


class Promise:
    """A load of the chart modules that another thread will do (`run`) or give up (`drop`)."""

    def __init__(self) -> None:
        self.over = threading.Event()

    def run(self) -> None:
        """Import the chart modules in this thread. A failure is left for the UI thread to
        meet again when it imports them, where the error is reported."""
        global _loaded
        try:
            for name in MODULES:
                importlib.import_module(name)
            _loaded = True
        except Exception:  # imported again by the page, which reports it
            pass
        finally:
            self.drop()

    def drop(self) -> None:
        """The load is over, done or not: `ready` says yes again."""
        global _pending
        with _guard:
            if _pending is self:
                _pending = None
        self.over.set()


def promise() -> Promise | None:
    """Promise a load by another thread, which must `run` or `drop` it; None if the modules
    are loaded already or another load is promised."""
    global _pending
    with _guard:
        if _loaded or _pending is not None:
            return None
        _pending = Promise()
        return _pending


def ready() -> bool:
    """Whether this thread may import the chart modules now: no other thread has promised to
    load them. While one has, it is given a few milliseconds to get on (`LET_RUN_S`)."""
    pending = _pending
    if pending is None:
        return True
    return pending.over.wait(LET_RUN_S)


def settle() -> None:
    """Wait for a promised load to be over (before importing modules that share some)."""
    pending = _pending
    if pending is not None:
        pending.over.wait()
