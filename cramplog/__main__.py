"""Entry point for `cramplog` and `python -m cramplog`."""

from __future__ import annotations

import gc
import os
import sys
from typing import Final

# numpy's OpenBLAS starts a thread per core when numpy loads: on a two-core machine that made
# the import ~40 ms slower (and more on a busy one) before Patterns or `stats` could show a
# figure, for arrays far too small to gain from threads. A person's own setting is kept.
BLAS_THREADS = {"OPENBLAS_NUM_THREADS": "1"}

# Commands that read a little and exit at once. Python's cycle collector would walk every
# module and figure they load several times over (while they load, and two or three times
# more as the process exits) to free next to nothing: about 11 ms of a 10-year
# `cramplog stats`, an eighth of it. They run with it off, and what is left at the end is
# frozen (`gc.freeze`), so the exit leaves it to reference counting and the system. Other
# commands and the app keep the collector: a long import or a session of the app can make
# cycles worth freeing.
BRIEF_COMMANDS: Final = frozenset({"stats"})


def main() -> int:
    for name, value in BLAS_THREADS.items():
        os.environ.setdefault(name, value)
    argv = sys.argv[1:]
    was_enabled = gc.isenabled()
    gc.disable()  # while the command line loads, until the command is known
    from cramplog import cli

    brief = cli.command_named(argv) in BRIEF_COMMANDS
    if was_enabled and not brief:
        gc.enable()
    code = cli.main(argv)
    if brief:
        gc.freeze()
    return code


if __name__ == "__main__":
    sys.exit(main())
