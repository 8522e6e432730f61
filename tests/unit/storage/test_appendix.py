"""The appendix's rows read as JSON chunks are the rows read plainly, in the same order."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

from cramplog.core.records import EpisodeInput, ReliefRating, Side
from cramplog.demo import sample
from cramplog.diary.service import Diary
from cramplog.storage.appendix import appendix_chunks, appendix_json_chunks
from tests.conftest import LONDON

FIRST, LAST = date(2025, 1, 1), date(2026, 7, 1)
# Notes JSON must carry through exactly: quotes, backslashes, line breaks, controls,
# right-to-left and astral characters, and text that looks like JSON.
ODD_NOTES = (
    'She said "again" \\ twice',
    "Line one\nline two\r\nthree\ttab",
    "שלום עולם and مرحبا",
    "Cramp again 😖 at night \x01",
    '[["relief.stretch", "helped"]]',
    "",
)


def _diary(folder: Path) -> Path:
    """Half a year of sample cramps, and cramps with odd notes at the very same minute (so
    the rows' order falls back on their ids)."""
    sample.create_sample_diary(
        folder, size=sample.SampleSize(years=0.5, episodes_per_week=30), seed=3, end=LAST
    )
    diary = Diary.open(folder)
    try:
        for note in ODD_NOTES:
            diary.add_episode(
                EpisodeInput(
                    start=datetime(2026, 3, 3, 2, 10, tzinfo=LONDON),
                    muscle="muscle.calf",
                    side=Side.LEFT,
                    duration_s=None,
                    intensity=None,
                    woke_from_sleep=None,
                    reliefs=(("relief.stretch", ReliefRating.HELPED), ("relief.massage", None)),
                    triggers=("trigger.dehydration",),
                    notes=note,
                )
            )
        return diary.path
    finally:
        diary.close()


def _plain(diary: Diary, after: tuple[str, int] | None = None) -> list[tuple[object, ...]]:
    def read(connection: sqlite3.Connection) -> list[tuple[object, ...]]:
        chunks = appendix_chunks(
            connection,
            first=FIRST,
            last=LAST,
            hour=12,
            after=after,
        )
        return [row for chunk in chunks for row in chunk]

    return diary.read_plain(read)


def test_json_chunks_hold_every_row_as_the_plain_read_gives_it(tmp_path: Path) -> None:
    path = _diary(tmp_path)
    diary = Diary.open(tmp_path)
    try:
        plain = _plain(diary)
        # After a row: the rows after it, the same minute's later ids included.
        middle = next(i for i, row in enumerate(plain) if row[6] == ODD_NOTES[2])
        after = _plain(diary, after=(str(plain[middle][0]), int(plain[middle][-1])))  # type: ignore[call-overload]
    finally:
        diary.close()
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        texts = list(appendix_json_chunks(connection, first=FIRST, last=LAST, hour=12, size=97))
    finally:
        connection.close()
    rows = [tuple(row) for text in texts for row in json.loads(text)]
    assert len(plain) > 700
    assert rows == plain
    assert after == plain[middle + 1 :]
    assert [len(json.loads(text)) for text in texts[:-1]] == [97] * (len(texts) - 1)
    assert {row[6] for row in rows} >= set(ODD_NOTES)


def test_a_period_with_no_cramps_gives_no_chunk(tmp_path: Path) -> None:
    path = _diary(tmp_path)
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        empty = list(
            appendix_json_chunks(connection, first=date(2001, 1, 1), last=date(2001, 2, 1), hour=12)
        )
    finally:
        connection.close()
    assert empty == []
