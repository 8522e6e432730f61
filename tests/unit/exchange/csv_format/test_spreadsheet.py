"""A hand-kept spreadsheet's rows are read as typed, with the computer's clock changes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cramplog.diary.service import Diary
from cramplog.exchange import csv_format, importer
from tests.conftest import NOW


@pytest.fixture
def diary(tmp_path: Path) -> Iterator[Diary]:
    opened = Diary.open(tmp_path / "diary", clock=lambda: NOW)
    yield opened
    opened.close()


@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("Date,Time,Muscle", "{day},{clock},{muscle}"),
        ("Start,Muscle", "{day} {clock},{muscle}"),
        ("Start,Muscle", "{day}T{clock},{muscle}"),
    ],
)
def test_a_time_the_clocks_skipped_is_refused_in_one_column_as_in_two(
    diary: Diary, london_clock: None, header: str, row: str
) -> None:
    # London's clocks went from 01:00 to 02:00 on 30 March 2025 and back on 27 October 2024.
    # (A time that happened twice is stored, at its first.)
    cramps = [("2025-03-30", "01:30", "Calf"), ("2025-03-30", "02:30", "Thigh")]
    cramps.append(("2024-10-27", "01:30", "Foot"))
    text = (
        header
        + "\n"
        + "".join(
            row.format(day=day, clock=clock, muscle=muscle) + "\n" for day, clock, muscle in cramps
        )
    )
    names, rows = csv_format.read_rows(text)
    batch = csv_format.read_table(
        names, rows, importer.context_of(diary), options=csv_format.CsvOptions()
    )
    assert [error.line for error in batch.errors] == [2]
    assert "01:30 on 2025-03-30 never happened" in batch.errors[0].message
    stored = [(new.start_local.isoformat(" "), new.utc_offset_min) for new in batch.episodes]
    assert stored == [("2025-03-30 02:30:00", 60), ("2024-10-27 01:30:00", 60)]
