"""Pausing Python's cycle collector while a bulk job makes many objects that stay alive.

An import, a spreadsheet read or a GP summary builds hundreds of thousands of small objects
that live until the job ends. The cycle collector counts them as they are made and, every so
often, walks the whole heap for nothing: a full pass costs 130-200 ms in a process that has
loaded Qt, matplotlib and the diary, a fifth of a large job. Reference counting still frees
everything as usual; reference cycles made meanwhile are collected once the job is over.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

# Pauses are counted across threads: a worker's read (the diary list, the Summary) and a
# UI-thread export can overlap in any order, and the collector must stay off until the last
# of them ends, then come back only if it was on before the first.
_lock = threading.Lock()
_pauses = 0
_was_enabled = False


@contextlib.contextmanager
def paused(*, then_freeze: bool = False) -> Iterator[None]:
    """Run the body with the cycle collector off, restoring it as it was once no pause is
    left (nesting and overlapping pauses on other threads are fine).

    `then_freeze`: what the body made lives as long as the process (modules a start-up loads),
    so it is frozen (`gc.freeze`) before the collector resumes, and later passes skip it.
    """
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if then_freeze:
                gc.freeze()
            if _pauses == 0 and _was_enabled:
                gc.enable()
