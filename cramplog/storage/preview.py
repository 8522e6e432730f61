"""The diary list's newest rows, read from a healthy diary file before the diary is opened.

Start-up shows them while SQLAlchemy loads and the diary opens (about half a second), so a
person sees their latest cramps at once. Only a file `integrity.examine` found healthy is
read, through a read-only connection, and any failure just means no preview.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cramplog.core.records import DiaryListing
from cramplog.storage import health, plain_reads


def newest_rows(path: Path, count: int) -> DiaryListing | None:
    """The `count` newest cramps (and the cramp-free nights among them), or None if the file
    cannot be read that way; the diary is then opened as usual, which says what is wrong."""
    try:
        with health.read_only(path) as connection:
            return plain_reads.read_listing(connection, newest=count)
    except (sqlite3.Error, OSError, ValueError, KeyError, TypeError):
        # A value the reader does not expect is for opening the diary to report, with
        # its checks and its messages; the preview simply does not happen.
        return None
