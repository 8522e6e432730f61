"""Reading episodes through the SQLite driver gives exactly what was saved."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

from cramplog.demo import sample
from cramplog.diary.service import Diary
from cramplog.storage import plain_reads
from tests.conftest import LONDON


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def test_a_plain_read_only_connection_lists_the_same_episodes_as_the_diary(
    tmp_path: Path,
) -> None:
    sample.create_sample_diary(
        tmp_path, size=sample.SampleSize(years=0.5, episodes_per_week=30), seed=7
    )
    diary = Diary.open(tmp_path)
    try:
        expected = diary.list_episodes()
    finally:
        diary.close()
    connection = _read_only(tmp_path / "diary.sqlite3")
    try:
        listed = plain_reads.read_episodes(connection)
        # Few ids take the selective path (links read by id), all of them the full scan.
        some = plain_reads.read_episodes(connection, episode_ids=[e.id for e in expected[:5]])
        nothing = plain_reads.read_episodes(connection, episode_ids=[])
    finally:
        connection.close()
    assert len(expected) > 500  # more than the selective limit: the full-scan path
    assert listed == expected
    assert some == expected[:5]
    assert any(e.triggers for e in listed) and any(e.reliefs for e in listed)
    assert nothing == []


def test_text_is_matched_literally_ignoring_case(diary: Diary) -> None:
    from tests.unit.diary.test_service import calf_cramp

    diary.add_episode(calf_cramp(notes="Felt 100% better after 5_min stretching"))
    diary.add_episode(
        calf_cramp(notes="Felt 100 percent", start=datetime(2026, 3, 1, 2, 0, tzinfo=LONDON))
    )
    connection = _read_only(diary.path)
    try:

        def notes(text: str) -> list[str]:
            return [e.notes for e in plain_reads.read_episodes(connection, text=text)]

        assert notes("100%") == ["Felt 100% better after 5_min stretching"]
        assert notes("5_MIN") == ["Felt 100% better after 5_min stretching"]
        assert notes("5%min") == []
        assert len(notes("CALF")) == 2  # the muscle's label
    finally:
        connection.close()


def test_cramp_free_nights_are_reviewed_nights_without_a_cramp_by_the_boundary_hour(
    diary: Diary,
) -> None:
    from tests.unit.diary.test_service import calf_cramp

    for night in (date(2026, 3, 8), date(2026, 3, 9), date(2026, 3, 6)):
        diary.mark_cramp_free(night)
    diary.add_episode(calf_cramp(start=datetime(2026, 3, 10, 2, 10, tzinfo=LONDON)))
    # 02:10 on the 10th belongs to the night of the 9th, which is no longer cramp-free.
    assert diary.cramp_free_nights() == [date(2026, 3, 6), date(2026, 3, 8)]
    assert diary.cramp_free_nights(date(2026, 3, 7)) == [date(2026, 3, 8)]


def test_cramp_free_nights_is_the_first_thing_asked_of_a_reopened_diary(
    data_dir: Path,
) -> None:
    first = Diary.open(data_dir)
    first.mark_cramp_free(date(2026, 3, 9))
    first.close()
    reopened = Diary.open(data_dir)  # nothing cached yet, the boundary hour included
    try:
        assert reopened.cramp_free_nights() == [date(2026, 3, 9)]
        assert reopened.nights_with_episodes(date(2026, 3, 1), date(2026, 3, 9)) == set()
    finally:
        reopened.close()
