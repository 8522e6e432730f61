"""Upgrading a revision-0006 diary: every cramp's figures are kept in the new index, the
same as a new diary keeps them, and a period's read takes them from there."""

from __future__ import annotations

import importlib
import sqlite3
from datetime import date
from pathlib import Path

from cramplog.diary.service import Diary
from cramplog.storage import aggregates, diary_file, episode_figures, layout
from cramplog.storage.aggregates import NightRange
from cramplog.storage.snapshot import verify
from tests.unit.storage.test_diary_file import _old_diary, _write_rows

# Cramps that between them set every field of the packed layout: rated and not, timed and
# not, each side, woke / in bed / unknown timing, a date noted without a time.
_ROWS = """
INSERT OR IGNORE INTO vocabulary VALUES
    ('muscle.calf', 'muscle', 'Calf', 1, 0, 'v-1', '2025-01-01 00:00:00', '2025-01-01 00:00:00'),
    ('muscle.foot', 'muscle', 'Foot', 1, 0, 'v-2', '2025-01-01 00:00:00', '2025-01-01 00:00:00'),
    ('activity.asleep', 'activity', 'Asleep', 1, 0, 'v-3', '2025-01-01 00:00:00',
     '2025-01-01 00:00:00'),
    ('activity.walking', 'activity', 'Walking', 1, 0, 'v-4', '2025-01-01 00:00:00',
     '2025-01-01 00:00:00');
INSERT INTO episodes (id, uuid, start_utc, utc_offset_min, muscle, side, duration_s, intensity,
    activity, woke_from_sleep, notes, to_review, created_utc, updated_utc, time_noted)
VALUES
    (1, 'woke', '2025-01-02 02:10:07.000000', 0, 'muscle.calf', 'left', 90, 7, NULL, 1, '', 0,
     '2025-01-02 08:00:00', '2025-01-02 08:00:00', 1),
    (2, 'in-bed', '2025-01-02 22:59:59.000000', 60, 'muscle.foot', 'right', NULL, NULL,
     'activity.asleep', NULL, '', 0, '2025-01-03 08:00:00', '2025-01-03 08:00:00', 1),
    (3, 'unknown', '2025-01-04 13:00:00.000000', -300, 'muscle.calf', 'both', 86400, 0, NULL,
     NULL, '', 0, '2025-01-04 08:00:00', '2025-01-04 08:00:00', 1),
    (4, 'day', '2025-01-05 15:45:00.000000', 0, 'muscle.foot', 'n/a', 1, 10,
     'activity.walking', 0, '', 0, '2025-01-05 08:00:00', '2025-01-05 08:00:00', 1),
    (5, 'date-only', '2025-01-06 03:00:00.000000', 0, 'muscle.calf', 'left', NULL, 4, NULL,
     NULL, '', 0, '2025-01-06 08:00:00', '2025-01-06 08:00:00', 0);
"""

_JANUARY = NightRange(date(2025, 1, 1), date(2025, 1, 31), 12)


def _stored(path: Path) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT uuid, figures_packed, start_seconds FROM episodes ORDER BY id"
        ).fetchall()
    finally:
        connection.close()


def _read(data_dir: Path) -> tuple[list[int], tuple[str, ...]]:
    diary = Diary.open(data_dir)
    try:
        columns = diary.read_plain(lambda c: aggregates.episode_columns(c, _JANUARY, (60, 240)))
    finally:
        diary.close()
    return list(columns.packed), columns.muscles


def _new_diary(data_dir: Path) -> Path:
    """A diary made as the app makes a new one (`diary_file`'s create_all), holding _ROWS."""
    Diary.open(data_dir).close()
    path = layout.diary_path(data_dir)
    _write_rows(path, _ROWS)
    return path


def test_an_upgraded_diary_keeps_the_same_figures_as_a_new_one(tmp_path: Path) -> None:
    old = _old_diary(tmp_path / "old", "0006", _ROWS)
    new = _new_diary(tmp_path / "new")

    upgraded = _read(tmp_path / "old")

    assert diary_file.read_revision(old) == layout.HEAD_REVISION
    backups = list((tmp_path / "old" / "backups").glob("diary-before-upgrade-from-0006-*"))
    assert len(backups) == 1 and verify(backups[0])
    assert _stored(old) == _stored(new)
    assert upgraded == _read(tmp_path / "new")
    assert len(upgraded[0]) == 5


def test_the_stored_figures_decode_to_each_cramp_as_written(tmp_path: Path) -> None:
    _new_diary(tmp_path / "new")
    packed, muscles = _read(tmp_path / "new")

    def field(value: int, bits: tuple[int, int]) -> int:
        return value >> bits[0] & ((1 << bits[1]) - 1)

    named = [muscles[field(p, episode_figures.MUSCLE_BITS)] for p in packed]
    assert named == ["muscle.calf", "muscle.foot", "muscle.calf", "muscle.foot", "muscle.calf"]
    intensities = [field(p, episode_figures.INTENSITY_BITS) for p in packed]
    sides = [episode_figures.SIDES[field(p, episode_figures.SIDE_BITS)] for p in packed]
    durations = [field(p, episode_figures.DURATION_BITS) for p in packed]
    hours = [field(p, episode_figures.HOUR_BITS) for p in packed]
    # Local hours: 02:10 UTC+0, 22:59 + 60 min, 13:00 - 300 min, 15:45, 03:00 (date only).
    assert hours == [2, 23, 8, 15, 3]
    assert intensities == [7, episode_figures.NO_INTENSITY, 0, 10, 4]
    assert sides == ["left", "right", "both", "n/a", "left"]
    assert durations == [90, 0, 86400, 1, 0]
    nocturnal = [bool(p >> episode_figures.NOCTURNAL_BIT & 1) for p in packed]
    unknown = [bool(p >> episode_figures.TIMING_UNKNOWN_BIT & 1) for p in packed]
    not_noted = [bool(p >> episode_figures.TIME_NOT_NOTED_BIT & 1) for p in packed]
    assert nocturnal == [True, True, False, False, False]
    assert unknown == [False, False, True, False, True]
    assert not_noted == [False, False, False, False, True]
    # Sleep hours 01:00–04:00 (asked of the read, not stored); nights from 1 January, each
    # beginning at noon.
    assert [p >> episode_figures.IN_SLEEP_BIT & 1 for p in packed] == [1, 0, 0, 0, 1]
    nights = [p >> episode_figures.EPISODE_NIGHT_BITS[0] for p in packed]
    assert nights == [0, 1, 2, 4, 4]


class _Recording:
    """A connection that notes every statement run on it, with its parameters."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.statements: list[tuple[str, object]] = []

    def execute(self, sql: str, parameters: object = ()) -> sqlite3.Cursor:
        self.statements.append((sql, parameters))
        return self.connection.execute(sql, parameters)  # type: ignore[arg-type]


def test_a_periods_read_takes_the_figures_from_the_index(tmp_path: Path) -> None:
    path = _old_diary(tmp_path / "old", "0006", _ROWS)
    Diary.open(tmp_path / "old").close()
    connection = sqlite3.connect(path)
    try:
        recording = _Recording(connection)
        aggregates.episode_columns(recording, _JANUARY)  # type: ignore[arg-type]
        sql, parameters = next(s for s in recording.statements if "FROM episodes" in s[0])
        plan = " ".join(
            str(row[-1])
            for row in connection.execute(f"EXPLAIN QUERY PLAN {sql}", parameters)  # type: ignore[arg-type]
        )
    finally:
        connection.close()
    # Read from the index that holds the figures, not worked out again from the table.
    assert f"INDEX {episode_figures.FIGURES_INDEX}" in plan


def test_the_migration_writes_the_expressions_the_app_reads_by() -> None:
    # The migration keeps its own copy (it is that revision's schema); if the app's layout
    # changed without a migration of its own, new and upgraded diaries would disagree.
    migration = importlib.import_module("cramplog.storage.migrations.versions.0007_figures_index")
    assert migration.FIGURES_PACKED == episode_figures.FIGURES_PACKED_SQL
    assert migration.START_SECONDS == episode_figures.START_SECONDS_SQL
