"""The subcommands of `cramplog`, one module each, run without any window.

Each module defines `NAME`, `HELP`, `add_arguments(parser)` and `run(args) -> int`, imports
nothing heavy at module level (the parser imports every one), and raises CramplogError (or
returns a non-zero exit code) for anything the person can fix.
"""

from __future__ import annotations

import argparse
import re
from datetime import date

# The order here is the order `cramplog --help` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "check",
    "stats",
    "report",
    "export",
    "import_",
    "backup",
    "restore",
)


# The earliest start validation accepts for a cramp (cramplog.core.validation).
EARLIEST_NIGHT = date(1900, 1, 1)
_NIGHT = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def night(text: str) -> date:
    """A night from `--from`/`--to`: exactly YYYY-MM-DD, from 1900 on, or a usage error.

    `date.fromisoformat` alone also takes 20240101 and 2024-W01-1, which the help does not
    promise; and a year-1 date makes the "period before" arithmetic fall off the calendar.
    """
    cleaned = text.strip()
    try:
        if not _NIGHT.fullmatch(cleaned):
            raise ValueError(cleaned)
        parsed = date.fromisoformat(cleaned)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-11"
        ) from None
    if parsed < EARLIEST_NIGHT:
        raise argparse.ArgumentTypeError(
            f"{cleaned} is before {EARLIEST_NIGHT.isoformat()}, the earliest night cramplog keeps"
        )
    return parsed
