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
# `cramplog stats`, an eighth of it. They run with it off, and end the process as soon as
# their output is written (`os._exit`): by then the diary is closed and nothing is left to
# write, and the interpreter's own ending (every module torn down, every object freed one
# by one) was 2-3 ms more of the command. Other commands and the app keep the collector
# and the ordinary exit: a long import or a session of the app can make cycles worth
# freeing, and they may leave work to `atexit`.
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
        # cli.main has written stdout (and answered a reader that left early); stderr too.
        if sys.stderr is not None:
            sys.stderr.flush()
        os._exit(code)
    return code


if __name__ == "__main__":
    sys.exit(main())
