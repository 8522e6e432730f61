"""The start-up preview: the newest rows of a healthy diary, or nothing at all."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cramplog.demo import sample
from cramplog.diary.service import Diary
from cramplog.storage import preview


def test_the_preview_holds_the_newest_cramps_and_the_quiet_nights_among_them(
    tmp_path: Path,
) -> None:
    sample.create_sample_diary(
        tmp_path,
        size=sample.SampleSize(years=1, episodes_per_week=4),
        seed=3,
        end=date(2026, 3, 10),
    )
    listing = preview.newest_rows(tmp_path / "diary.sqlite3", 30)
    diary = Diary.open(tmp_path)
    try:
        everything = diary.list_episodes()
        first = diary.night_of(everything[-30])
        quiet = [night for night in diary.cramp_free_nights() if night >= first]
        labels = {code: diary.label(code) for code in {e.muscle for e in everything}}
    finally:
        diary.close()
    assert listing is not None
    assert listing.episodes == everything[-30:]
    assert listing.cramp_free_nights == quiet
    assert {code: listing.label(code) for code in labels} == labels


def test_a_file_that_cannot_be_read_gives_no_preview(tmp_path: Path) -> None:
    missing = tmp_path / "diary.sqlite3"
    assert preview.newest_rows(missing, 30) is None
    assert not missing.exists()  # nothing created by looking
    missing.write_bytes(b"not a database at all" * 100)
    assert preview.newest_rows(missing, 30) is None
    assert missing.read_bytes() == b"not a database at all" * 100
