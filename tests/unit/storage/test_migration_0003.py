"""Upgrading a revision-0002 diary: answers the app invented become unknown, real ones stay."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cramplog.diary.service import Diary
from cramplog.storage import diary_file, layout
from cramplog.storage.snapshot import verify
from tests.unit.storage.test_diary_file import _diary_at

_VOCABULARY = """
INSERT INTO vocabulary VALUES
  ('muscle.calf', 'muscle', 'Calf', 1, 0, 'v-1', '2025-01-01 00:00:00', '2025-01-01 00:00:00'),
  ('activity.running', 'activity', 'Running', 1, 0, 'v-2', '2025-01-01 00:00:00',
   '2025-01-01 00:00:00'),
  ('trigger.dehydration', 'trigger', 'Dehydration', 1, 0, 'v-3', '2025-01-01 00:00:00',
   '2025-01-01 00:00:00'),
  ('relief.stretch', 'relief', 'Stretching', 1, 0, 'v-4', '2025-01-01 00:00:00',
   '2025-01-01 00:00:00');
"""


def _episode(uuid: str, hour: int, *, woke: int, to_review: int, activity: str | None) -> str:
    activity_sql = "NULL" if activity is None else f"'{activity}'"
    return (
        "INSERT INTO episodes (uuid, start_utc, utc_offset_min, muscle, side, duration_s, "
        "intensity, woke_from_sleep, activity, notes, to_review, created_utc, updated_utc) "
        f"VALUES ('{uuid}', '2025-01-02 {hour:02d}:10:00.000000', 0, 'muscle.calf', 'left', 60, "
        f"6, {woke}, {activity_sql}, '', {to_review}, '2025-01-02 08:00:00', "
        "'2025-01-02 08:00:00');"
    )


def test_upgrading_turns_invented_answers_into_unknown_and_keeps_given_ones(
    data_dir: Path,
) -> None:
    data_dir.mkdir()
    path = layout.diary_path(data_dir)
    _diary_at(path, "0002")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.executescript(
        _VOCABULARY
        # Quick-logged at 03:10, never reviewed: the app stored "did not wake me".
        + _episode("quick", 3, woke=0, to_review=1, activity=None)
        # Imported from a cramps-only spreadsheet: nothing but time, muscle and numbers.
        + _episode("imported", 2, woke=0, to_review=0, activity=None)
        # Entered in the full form: running, did not wake, a relief tried.
        + _episode("form-no", 18, woke=0, to_review=0, activity="activity.running")
        # Woke the person, with a suspected trigger.
        + _episode("woke", 4, woke=1, to_review=0, activity=None)
        + """
        INSERT INTO episode_reliefs SELECT id, 'relief.stretch', 'helped'
          FROM episodes WHERE uuid = 'form-no';
        INSERT INTO episode_triggers SELECT id, 'trigger.dehydration'
          FROM episodes WHERE uuid = 'woke';
        """
    )
    conn.commit()
    conn.close()

    diary = Diary.open(data_dir)
    try:
        by_uuid = {e.uuid: e for e in diary.list_episodes()}
    finally:
        diary.close()

    assert by_uuid["quick"].woke_from_sleep is None
    assert by_uuid["imported"].woke_from_sleep is None
    assert by_uuid["form-no"].woke_from_sleep is False
    assert by_uuid["woke"].woke_from_sleep is True
    # An empty trigger list means "none" only where the person went through the form.
    assert not by_uuid["quick"].triggers_asked
    assert not by_uuid["imported"].triggers_asked
    assert by_uuid["form-no"].triggers_asked and by_uuid["form-no"].reliefs_asked
    # A trigger was noted, so the form (which asks both) was filled in.
    assert by_uuid["woke"].triggers_asked and by_uuid["woke"].reliefs_asked
    # Nothing else changed, and the diary as it was is kept, verified.
    assert {e.notes for e in by_uuid.values()} == {""}
    assert by_uuid["form-no"].reliefs == (("relief.stretch", by_uuid["form-no"].reliefs[0][1]),)
    backups = list((data_dir / "backups").glob("diary-before-upgrade-from-0002-*.sqlite3"))
    assert len(backups) == 1 and verify(backups[0])
    assert diary_file.read_revision(path) == layout.HEAD_REVISION
