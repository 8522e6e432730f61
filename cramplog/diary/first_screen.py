"""What the first screen shows before the diary is open: its newest rows, when the file is healthy.

The desktop app asks this floor rather than storage itself (an import-linter contract keeps
the app off `cramplog.storage`); the read is storage's plain read-only one.
"""

from __future__ import annotations

from pathlib import Path

from cramplog.core.records import DiaryListing
from cramplog.storage import preview


def newest_rows(path: Path, count: int) -> DiaryListing | None:
    """The `count` newest cramps (and cramp-free nights among them), or None: see
    `cramplog.storage.preview.newest_rows`."""
    return preview.newest_rows(path, count)
