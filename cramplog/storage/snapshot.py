"""Copy a live diary with SQLite's online backup API and verify the copy."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cramplog import files
from cramplog.core.errors import StorageError


def verify(path: Path) -> bool:
    """Whether the SQLite file at `path` opens read-only and passes `quick_check`."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        row = conn.execute("PRAGMA quick_check").fetchone()
        return row is not None and row[0] == "ok"
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def snapshot(source: Path, destination: Path) -> Path:
    """Copy `source` to `destination` (which must not exist) and verify it.

    The copy is written by cramplog's one file writer: under a temporary name, synced,
    verified, then renamed into place, so a half-written backup never carries the final name.
    """
    if destination.exists():
        raise StorageError(f"A backup named {destination.name} already exists.")
    try:
        with files.replacing(destination, done="The diary was not changed.") as partial:
            src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            try:
                dst = sqlite3.connect(partial)
                try:
                    src.backup(dst)
                    # The copy needs no WAL of its own: a backup is one self-contained file.
                    dst.execute("PRAGMA journal_mode=DELETE")
                finally:
                    dst.close()
            finally:
                src.close()
            if not verify(partial):
                raise StorageError(f"The backup copy of {source.name} could not be verified.")
    except sqlite3.Error as exc:
        raise StorageError(f"Could not write the backup {destination}: {exc}") from exc
    return destination
