"""The diary's stored settings as values: their keys, defaults and limits, and "now"."""

from __future__ import annotations

import os
from datetime import datetime
from typing import TYPE_CHECKING, Final

from cramplog.core import digest
from cramplog.storage import layout

if TYPE_CHECKING:
    from cramplog.core.checklist import Checklist

BOUNDARY_HOUR_KEY: Final = layout.BOUNDARY_HOUR_KEY
FREQUENT_THRESHOLD_KEY: Final = "frequent_cramps_per_week"
SLEEP_HOURS_KEY: Final = "sleep_hours"
DEFAULT_FREQUENT_THRESHOLD: Final = 3
MAX_FREQUENT_THRESHOLD: Final = 50
# The digest of the checklist whose words the diary's vocabulary last took on.
CHECKLIST_HASH_KEY: Final = "checklist_sha256"

# The benchmark pins "now" (an ISO date and time) so that its generated diaries, their
# "last 3 months" and so their sizes are the same whichever day it runs.
PINNED_NOW_ENV: Final = "CRAMPLOG_BENCHMARK_NOW"


def frequent_threshold(value: str | None) -> int:
    """Cramps a week at which "frequent cramps" is flagged, from its stored setting."""
    if value is None or not value.isdigit():
        return DEFAULT_FREQUENT_THRESHOLD
    return min(max(int(value), 1), MAX_FREQUENT_THRESHOLD)


def local_now() -> datetime:
    """Now, on the local clock with its zone (or the benchmark's pinned moment)."""
    pinned = os.environ.get(PINNED_NOW_ENV, "")
    if pinned:
        try:
            return datetime.fromisoformat(pinned).astimezone()
        except ValueError:
            pass  # not a date and time: the real clock, as for everyone else
    return datetime.now().astimezone()


def checklist_digest(checklist: Checklist) -> str:
    """What CHECKLIST_HASH_KEY holds once the diary's vocabulary has this checklist's words."""
    items = [(item.code, item.kind, item.label) for item in checklist.items]
    return digest.sha256_hex(repr(items).encode())
