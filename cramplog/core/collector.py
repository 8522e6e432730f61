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
from collections.abc import Iterator


@contextlib.contextmanager
def paused(*, then_freeze: bool = False) -> Iterator[None]:
    """Run the body with the cycle collector off, restoring it as it was (nesting is fine).

    `then_freeze`: what the body made lives as long as the process (modules a start-up loads),
    so it is frozen (`gc.freeze`) before the collector resumes, and later passes skip it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if then_freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()
