"""Upgrading a revision-0004 diary: every relief tried keeps its rating, counted from the index."""

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
     '2025-01-01 00:00:00'),
    ('relief.walk', 'relief', 'Walking', 1, 0, 'v-3', '2025-01-01 00:00:00',
     '2025-01-01 00:00:00');
INSERT INTO episodes (id, uuid, start_utc, utc_offset_min, muscle, side, notes, to_review,
    created_utc, updated_utc, reliefs_asked)
VALUES
    (1, 'a', '2025-01-02 02:10:00.000000', 0, 'muscle.calf', 'left', '', 0,
     '2025-01-02 08:00:00', '2025-01-02 08:00:00', 1),
    (2, 'b', '2025-01-03 03:10:00.000000', 0, 'muscle.calf', 'left', '', 0,
     '2025-01-03 08:00:00', '2025-01-03 08:00:00', 1);
INSERT INTO episode_reliefs VALUES
    (1, 'relief.stretch', 'helped'), (1, 'relief.walk', NULL),
    (2, 'relief.stretch', 'not_helped');
"""


def test_upgrading_keeps_every_relief_rating_and_counts_them_from_the_new_index(
    data_dir: Path,
) -> None:
    path = _old_diary(data_dir, "0004", _OLD_DIARY)

    diary = Diary.open(data_dir)
    try:
        reliefs = {e.uuid: e.reliefs for e in diary.list_episodes()}
        counts = diary.read_plain(
            lambda s: aggregates.relief_counts(
                s, NightRange(date(2025, 1, 1), date(2025, 1, 31), 4)
            )
        )
    finally:
        diary.close()

    assert reliefs == {
        "a": (("relief.stretch", "helped"), ("relief.walk", None)),
        "b": (("relief.stretch", "not_helped"),),
    }
    assert sorted(counts, key=lambda c: c.code) == [
        aggregates.ReliefCounts("relief.stretch", 2, 1, 0, 1),
        aggregates.ReliefCounts("relief.walk", 1, 0, 0, 0),
    ]
    backups = list((data_dir / "backups").glob("diary-before-upgrade-from-0004-*.sqlite3"))
    assert len(backups) == 1 and verify(backups[0])
    assert diary_file.read_revision(path) == layout.HEAD_REVISION
    conn = sqlite3.connect(path)
    try:
        plan = " ".join(
            row[-1]
            for row in conn.execute(
                "EXPLAIN QUERY PLAN SELECT code, rating, count(*) FROM episode_reliefs"
                " GROUP BY code, rating"
            )
        )
    finally:
        conn.close()
    # The count never has to visit the table's rows: the index holds both columns.
    assert "COVERING INDEX ix_episode_reliefs_code_rating" in plan
