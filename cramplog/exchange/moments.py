"""Moments as the export files write them: strftime's text at a fraction of its cost.

An export writes three moments per cramp. `datetime.strftime` imports the `time` module on
every call, and in the app each import goes through PySide's import hook: for a century of
cramps that was four seconds of a six-second CSV export. `isoformat` gives the same text for
every moment a diary holds (naive, year 1000 or later); anything else takes strftime's road,
so the files never change.
"""

from __future__ import annotations

from datetime import datetime

# The formats these functions write (the CSV columns module and the JSON writer name them).
LOCAL_FORMAT = "%Y-%m-%d %H:%M:%S"
LOCAL_T_FORMAT = "%Y-%m-%dT%H:%M:%S"
UTC_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def _plain(moment: datetime) -> bool:
    # strftime writes a year before 1000 without padding, and isoformat adds an offset to
    # an aware moment: those two cases keep strftime.
    return moment.tzinfo is None and moment.year >= 1000


def local(moment: datetime) -> str:
    """`moment.strftime(LOCAL_FORMAT)`: "2026-03-10 02:10:00"."""
    return moment.isoformat(" ", "seconds") if _plain(moment) else moment.strftime(LOCAL_FORMAT)


def local_t(moment: datetime) -> str:
    """`moment.strftime(LOCAL_T_FORMAT)`: "2026-03-10T02:10:00"."""
    return moment.isoformat("T", "seconds") if _plain(moment) else moment.strftime(LOCAL_T_FORMAT)


def utc(moment: datetime) -> str:
    """`moment.strftime(UTC_FORMAT)`: "2026-03-10T02:10:00Z"."""
    if _plain(moment):
        return moment.isoformat("T", "seconds") + "Z"
    return moment.strftime(UTC_FORMAT)
