"""Upgrading a revision-0005 diary: long cramps are found from the new duration index, and
every cramp keeps its duration."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from cramplog.diary.service import Diary
from cramplog.storage import aggregates, diary_file, layout
from cramplog.storage.aggregates import NightRange
from cramplog.storage.snapshot import verify
from tests.unit.storage.test_diary_file import _old_diary

_OLD_DIARY = """
INSERT INTO vocabulary VALUES
    ('muscle.calf', 'muscle', 'Calf', 1, 0, 'v-1', '2025-01-01 00:00:00', '2025-01-01 00:00:00'),
    ('relief.stretch', 'relief', 'Stretching', 1, 0, 'v-2', '2025-01-01 00:00:00',
     '2025-01-01 00:00:00');
INSERT INTO episodes (id, uuid, start_utc, utc_offset_min, muscle, side, duration_s, notes,
    to_review, created_utc, updated_utc, reliefs_asked)
VALUES
    (1, 'short', '2025-01-02 02:10:00.000000', 0, 'muscle.calf', 'left', 90, '', 0,
     '2025-01-02 08:00:00', '2025-01-02 08:00:00', 1),
    (2, 'long', '2025-01-03 03:10:00.000000', 0, 'muscle.calf', 'left', 780, '', 0,
     '2025-01-03 08:00:00', '2025-01-03 08:00:00', 1),
    (3, 'untimed', '2025-01-04 03:10:00.000000', 0, 'muscle.calf', 'left', NULL, '', 0,
     '2025-01-04 08:00:00', '2025-01-04 08:00:00', 1);
INSERT INTO episode_reliefs VALUES (2, 'relief.stretch', 'not_helped');
"""


def test_upgrading_keeps_every_duration_and_finds_long_cramps_from_the_new_index(
    data_dir: Path,
) -> None:
    path = _old_diary(data_dir, "0005", _OLD_DIARY)

    diary = Diary.open(data_dir)
    try:
        durations = {e.uuid: e.duration_s for e in diary.list_episodes()}
        long = diary.read_plain(
            lambda s: aggregates.long_episodes(
                s, NightRange(date(2025, 1, 1), date(2025, 1, 31), 4), 600
            )
        )
    finally:
        diary.close()

    assert durations == {"short": 90, "long": 780, "untimed": None}
    # The long one, with stretching tried and not rated "helped".
    assert [(brief.id, brief.duration_s, tried, helped) for brief, tried, helped in long] == [
        (2, 780, True, False)
    ]
    backups = list((data_dir / "backups").glob("diary-before-upgrade-from-0005-*.sqlite3"))
    assert len(backups) == 1 and verify(backups[0])
    assert diary_file.read_revision(path) == layout.HEAD_REVISION
    conn = sqlite3.connect(path)
    try:
        plan = " ".join(
            row[-1]
            for row in conn.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM episodes WHERE duration_s > 600"
            )
        )
    finally:
        conn.close()
    # Only the long cramps are visited, found through the index.
    assert "INDEX ix_episodes_duration_s" in plan
