"""Copy a live diary with SQLite's online backup API and verify the copy."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cramplog import files
from cramplog.core.errors import StorageError
from cramplog.core.translation import N_, _


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
        raise StorageError(_("A backup named {name} already exists.").format(name=destination.name))
    try:
        with files.replacing(destination, done=N_("The diary was not changed.")) as partial:
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
                raise StorageError(
                    _("The backup copy of {name} could not be verified.").format(name=source.name)
                )
    except sqlite3.Error as exc:
        raise StorageError(
            _("Could not write the backup {destination}: {reason}").format(
                destination=destination, reason=exc
            )
        ) from exc
    return destination
