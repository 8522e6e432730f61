"""Upgrading a revision-0003 diary: every cramp it holds keeps its time as noted."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cramplog.diary.service import Diary
from cramplog.storage import diary_file, layout
from cramplog.storage.snapshot import verify
from tests.unit.storage.test_diary_file import _diary_at


def test_upgrading_keeps_every_earlier_cramp_timed_and_backs_the_diary_up(
    data_dir: Path,
) -> None:
    data_dir.mkdir()
    path = layout.diary_path(data_dir)
    _diary_at(path, "0003")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.executescript(
        "INSERT INTO vocabulary VALUES ('muscle.calf', 'muscle', 'Calf', 1, 0, 'v-1',"
        " '2025-01-01 00:00:00', '2025-01-01 00:00:00');"
        "INSERT INTO episodes (uuid, start_utc, utc_offset_min, muscle, side, duration_s,"
        " intensity, woke_from_sleep, activity, notes, to_review, created_utc, updated_utc)"
        " VALUES ('old', '2025-01-02 02:10:00.000000', 0, 'muscle.calf', 'left', 60, 6, 1,"
        " NULL, 'kept', 0, '2025-01-02 08:00:00', '2025-01-02 08:00:00');"
    )
    conn.commit()
    conn.close()

    diary = Diary.open(data_dir)
    try:
        (episode,) = diary.list_episodes()
    finally:
        diary.close()

    assert episode.time_noted is True
    assert episode.clock_text == "02:10"
    assert (episode.notes, episode.woke_from_sleep, episode.duration_s) == ("kept", True, 60)
    backups = list((data_dir / "backups").glob("diary-before-upgrade-from-0003-*.sqlite3"))
    assert len(backups) == 1 and verify(backups[0])
    assert diary_file.read_revision(path) == layout.HEAD_REVISION
