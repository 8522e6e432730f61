"""Records read again from their file: counted and previewed without it, changes refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from cramplog.core.errors import ImportRejectedError
from cramplog.exchange.streamed import FileText, Reread


def test_the_first_records_come_from_memory_and_the_rest_from_a_new_reading() -> None:
    readings = []

    def read_again():  # type: ignore[no-untyped-def]
        readings.append(1)
        return iter(range(10))

    records = Reread(10, [0, 1, 2], read_again)
    assert len(records) == 10 and records[:3] == [0, 1, 2] and records[1] == 1
    assert readings == []
    assert records[-1] == 9 and list(records) == list(range(10))
    assert len(readings) == 2


def test_a_file_read_again_must_hold_the_same_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"x": "café"}', encoding="utf-8")
    text = FileText(path, "utf-8", 0)
    assert "".join(text.chunks()) == '{"x": "café"}'
    assert "".join(text.chunks()) == '{"x": "café"}'
    path.write_text('{"x": "cafe"}', encoding="utf-8")
    with pytest.raises(ImportRejectedError, match=r"a\.json changed after it was checked"):
        "".join(text.chunks())
