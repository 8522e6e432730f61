"""The Store's transactions: a refusal from SQLite is a StorageError, whichever API read it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cramplog.core.errors import StorageError
from cramplog.storage.store import Store


def test_a_plain_read_refused_by_sqlite_is_a_storage_error_and_changes_nothing(
    tmp_path: Path,
) -> None:
    store = Store.open(tmp_path)
    try:
        with (
            pytest.raises(StorageError, match=r"^The diary could not be read \(disk I/O error\)"),
            store.plain_transaction() as connection,
        ):
            connection.execute("INSERT INTO settings (key, value) VALUES ('probe', 'x')")
            raise sqlite3.OperationalError("disk I/O error")
        with store.plain_transaction() as connection:
            assert connection.in_transaction
            found = connection.execute("SELECT value FROM settings WHERE key = 'probe'")
            assert found.fetchone() is None
    finally:
        store.close()
