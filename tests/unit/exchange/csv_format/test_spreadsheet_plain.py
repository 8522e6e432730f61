"""A file of plain rows, read column by column, gives exactly what reading it row by row gives."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cramplog.diary.service import Diary
from cramplog.exchange import csv_format, importer
from cramplog.exchange.batch import Batch
from cramplog.exchange.csv_format import spreadsheet_plain
from tests.conftest import NOW

HEADER = "Date,Time,Muscle,Side,Duration (min),Pain (0-10),Notes\n"
# A word of one's own ("knuckle"), a side in the muscle cell, pain words, a repeat of row 2 at
# another second (a duplicate), notes that are not ASCII, empty cells.
PLAIN = (
    HEADER + "2025-03-01,02:10,Calf,L,1:30,7,woke up\n"
    "2025-03-01,04:45,knuckle,,2,severe,\n"
    "2025-03-02,01:05:30,L calf,,,3,crampe à 1h\n"
    "2025-03-02,23:59,thigh,both,0:45,,\n"
    "2025-03-01,02:10:40,Calf,L,1,5,again\n"
    "2025-03-29,23:00,calves (both),,1,mild,\n"
    "2025-03-30,03:00,Foot,R,3,2,after the clocks went forward\n"
)


@pytest.fixture
def diary(tmp_path: Path) -> Iterator[Diary]:
    opened = Diary.open(tmp_path / "diary", clock=lambda: NOW)
    yield opened
    opened.close()


def read(diary: Diary, text: str, *, new_words: bool = True) -> Batch:
    header, rows = csv_format.read_rows(text)
    options = csv_format.CsvOptions(new_words=new_words)
    return csv_format.read_table(header, rows, importer.context_of(diary), options=options)


def read_row_by_row(diary: Diary, text: str, monkeypatch: pytest.MonkeyPatch) -> Batch:
    with monkeypatch.context() as patched:
        patched.setattr(spreadsheet_plain, "episodes", lambda *_args: None)
        return read(diary, text)


def outcome(batch: Batch) -> tuple[object, ...]:
    """Everything an import stores or shows of a batch."""
    return (
        batch.episodes,
        batch.duplicates,
        batch.errors,
        batch.new_words,
        batch.vocabulary,
        batch.time_not_noted,
        batch.questions,
    )


@pytest.fixture
def column_reads(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each file was read column by column (True) or handed to the row-by-row reader."""
    made: list[bool] = []
    real = spreadsheet_plain.episodes

    def spy(*args: object) -> object:
        found = real(*args)  # type: ignore[arg-type]
        made.append(found is not None)
        return found

    monkeypatch.setattr(spreadsheet_plain, "episodes", spy)
    return made


def test_plain_rows_are_stored_as_row_by_row_reading_stores_them(
    diary: Diary, monkeypatch: pytest.MonkeyPatch, london_clock: None, column_reads: list[bool]
) -> None:
    batch = read(diary, PLAIN)
    assert column_reads == [True]
    assert outcome(batch) == outcome(read_row_by_row(diary, PLAIN, monkeypatch))
    assert len(batch.episodes) == 6
    assert batch.duplicates == [(6, 2)]  # the row at 02:10:40 repeats the one at 02:10
    assert batch.new_words == {"muscle": ["knuckle"]}
    after = batch.episodes[-1]
    assert (after.start_local.hour, after.utc_offset_min) == (3, 60)  # summer time


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("2025-03-30,01:30,Calf,L,1,3,", "never happened"),  # the hour the clocks skipped
        ("2025-03-03,25:00,Calf,L,1,3,", "not a time of day"),
        ("2025-03-03,02:00,Calf,sideways,1,3,", "side"),
        ("2025-03-03,02:00,Calf,L,1,11,", "ntensity"),
        ("2025-03-03,02:00,Calf,L,9999,3,", "uration"),
        ("2025-03-03,02:00,,L,1,3,", "muscle is empty"),
        ("2027-03-03,02:00,Calf,L,1,3,", "future"),
        ("1850-03-03,02:00,Calf,L,1,3,", "too far in the past"),
        ("2026-03-12,09:31,Calf,L,30,3,", "end in the future"),
        ("2025-03-03,02:00,Calf,L,1,3,bad \x00 byte", "otes"),
    ],
)
def test_a_row_that_is_not_plain_is_named_with_its_line_as_before(
    diary: Diary,
    monkeypatch: pytest.MonkeyPatch,
    london_clock: None,
    column_reads: list[bool],
    row: str,
    message: str,
) -> None:
    text = PLAIN + row + "\n"
    batch = read(diary, text)
    assert column_reads == [False]
    assert [error.line for error in batch.errors] == [9]
    assert message in batch.errors[0].message
    assert outcome(batch) == outcome(read_row_by_row(diary, text, monkeypatch))


def test_rows_without_a_time_or_with_lists_are_read_row_by_row(
    diary: Diary, monkeypatch: pytest.MonkeyPatch, column_reads: list[bool]
) -> None:
    date_only = PLAIN + "2025-03-04,,Calf,L,1,3,evening\n"
    with_lists = HEADER.rstrip("\n") + ",Triggers\n2025-03-01,02:10,Calf,L,1,3,,dehydration\n"
    # A date cell with its time in it, and a row shorter than the header.
    time_in_date = PLAIN + "2025-03-05 02:10,,Calf,L,1,3,\n"
    short = PLAIN + "2025-03-06,02:10,Calf\n"
    for text in (date_only, with_lists, time_in_date, short):
        batch = read(diary, text)
        assert outcome(batch) == outcome(read_row_by_row(diary, text, monkeypatch))
        assert not batch.errors
    # Tried for the first file and declined; never for the others.
    assert column_reads == [False]
    assert read(diary, date_only).time_not_noted == 1
    assert read(diary, time_in_date).episodes[-1].start_local.hour == 2


def test_words_of_ones_own_are_offered_in_the_order_the_rows_name_them(
    diary: Diary, column_reads: list[bool]
) -> None:
    text = (
        HEADER + "2025-03-01,02:10,pinky,L,1,3,\n"
        "2025-03-01,03:10,elbow,L,1,3,\n"
        "2025-03-01,04:10,pinky,L,1,3,\n"
    )
    batch = read(diary, text, new_words=False)
    assert column_reads == [True]
    assert batch.new_words == {"muscle": ["pinky", "elbow"]}
    assert batch.vocabulary == []  # offered, not created, without --new-words
