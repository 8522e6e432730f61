"""Diaries written by earlier cramplogs open in today's: backed up, upgraded, nothing lost.

No database file is committed, so each old diary is checked in as its SQL text
(`tests/data/diary-rev0001.sql`, `tests/data/diary-rev0002.sql`) and loaded into a new file
here. Both were made by `tests/data/build_old_diary.py` running the old code itself (its
`Diary` API: own words added, renamed and hidden; four cramps; a day's factors and two
cramp-free nights; two medications, one stopped), then dumped with `sqlite3`'s `iterdump()`:

- revision 0002: commit ebcddd0 (the last before migration 0003), with its boundary hour set
  to 5 (the settings table came with 0002).
- revision 0001: commit 5dc880c. No cramplog ever had 0001 as its newest schema (0001 and
  0002 came in that one commit), so the file is made by that commit's migration 0001 and its
  `Diary` runs on it with settings read as "not set" and not written.

To rebuild one: `git worktree add --detach /tmp/old <commit>`, then
`PYTHONPATH=/tmp/old .venv/bin/python tests/data/build_old_diary.py 0002 >
tests/data/diary-rev0002.sql` (0001 likewise); the uuids and timestamps will differ.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from cramplog.core import nights
from cramplog.core.records import Episode, ReliefRating
from cramplog.diary.service import Diary
from cramplog.storage import diary_file, layout
from cramplog.storage.snapshot import verify

DATA = Path(__file__).resolve().parents[2] / "data"
REVISIONS = ("0001", "0002")


def load_dump(revision: str, data_dir: Path) -> Path:
    """The old diary as a file again, with the application id `iterdump()` leaves out."""
    script = (DATA / f"diary-rev{revision}.sql").read_text(encoding="utf-8")
    found = re.search(r"PRAGMA application_id = (\d+)", script.splitlines()[0])
    assert found is not None, "the dump's first line names its application id"
    data_dir.mkdir()
    path = layout.diary_path(data_dir)
    conn = sqlite3.connect(path)
    try:
        conn.executescript(script)
        conn.execute(f"PRAGMA application_id = {int(found.group(1))}")
        conn.commit()
    finally:
        conn.close()
    return path


def uuids(path: Path, table: str) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute(f"SELECT uuid FROM {table}")}
    finally:
        conn.close()


def at(episodes: list[Episode], when: datetime) -> Episode:
    [episode] = [e for e in episodes if e.start_local == when]
    return episode


@pytest.fixture(params=REVISIONS)
def old_diary(request: pytest.FixtureRequest, data_dir: Path) -> tuple[str, Path]:
    revision = str(request.param)
    return revision, load_dump(revision, data_dir)


def test_the_dumps_are_the_old_revisions(old_diary: tuple[str, Path]) -> None:
    revision, path = old_diary
    assert diary_file.read_revision(path) == revision
    assert revision != layout.HEAD_REVISION


def test_an_old_diary_is_backed_up_verified_then_upgraded(
    old_diary: tuple[str, Path], data_dir: Path
) -> None:
    revision, path = old_diary
    before = uuids(path, "episodes")

    Diary.open(data_dir).close()

    assert diary_file.read_revision(path) == layout.HEAD_REVISION
    [backup] = (data_dir / "backups").glob(f"diary-before-upgrade-from-{revision}-*.sqlite3")
    assert verify(backup)
    # The backup is the diary as it was: the old schema, every cramp.
    assert diary_file.read_revision(backup) == revision
    assert uuids(backup, "episodes") == before
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


def test_every_entry_is_kept(old_diary: tuple[str, Path], data_dir: Path) -> None:
    revision, path = old_diary
    tables = ("episodes", "diary_days", "medications")
    before = {table: uuids(path, table) for table in tables}
    assert [len(before[table]) for table in tables] == [4, 3, 2]

    diary = Diary.open(data_dir)
    try:
        episodes = diary.list_episodes()
        days = diary.list_days()
        medications = diary.list_medications()
        own_words = {item.label: item for item in diary.custom_items()}
        cramp_free = diary.cramp_free_nights()
        boundary_hour = diary.boundary_hour
    finally:
        diary.close()

    assert {e.uuid for e in episodes} == before["episodes"]
    assert {d.uuid for d in days} == before["diary_days"]
    assert {m.uuid for m in medications} == before["medications"]
    assert cramp_free == [date(2025, 6, 7), date(2025, 6, 8)]
    walk = next(d for d in days if d.night_of == date(2025, 6, 3))
    assert (walk.factors.fluids_l, walk.factors.stress, walk.factors.notes) == (
        1.5,
        3,
        "Long walk in the heat",
    )
    magnesium = next(m for m in medications if m.name == "Magnesium")
    assert (magnesium.dose, magnesium.stopped_on) == ("300 mg", date(2025, 6, 1))
    # Own words: one renamed, one hidden, and the cramps that use them still name them.
    assert sorted(own_words) == [
        "Left big toe",
        "Red wine (two glasses)",
        "Standing on a cold tile",
    ]
    assert own_words["Standing on a cold tile"].hidden
    woke = at(episodes, datetime(2025, 6, 4, 2, 30))
    assert woke.notes == "Woke at 02:30 — “the usual one”, <b>not</b> bold"
    assert own_words["Red wine (two glasses)"].code in woke.triggers
    assert dict(woke.reliefs) == {
        "relief.stretch": ReliefRating.HELPED,
        own_words["Standing on a cold tile"].code: ReliefRating.A_LITTLE,
    }
    assert at(episodes, datetime(2025, 6, 5, 18, 45)).muscle == own_words["Left big toe"].code
    # The day-boundary hour was a setting from revision 0002 on; before it, the default.
    assert boundary_hour == (5 if revision == "0002" else nights.DEFAULT_BOUNDARY_HOUR)


def test_answers_the_app_invented_become_unknown_as_migration_0003_says(
    old_diary: tuple[str, Path], data_dir: Path
) -> None:
    diary = Diary.open(data_dir)
    try:
        episodes = diary.list_episodes()
    finally:
        diary.close()

    quick = at(episodes, datetime(2025, 6, 3, 3, 10))
    woke = at(episodes, datetime(2025, 6, 4, 2, 30))
    running = at(episodes, datetime(2025, 6, 5, 18, 45))
    imported = at(episodes, datetime(2025, 6, 6, 1, 0))
    # Quick-logged and still to review: "did not wake me" was the app's default, not an answer.
    assert quick.to_review
    assert quick.woke_from_sleep is None
    assert not quick.triggers_asked and not quick.reliefs_asked
    # A cramps-only import gave nothing but numbers: unknown too.
    assert imported.woke_from_sleep is None
    assert not imported.triggers_asked and not imported.reliefs_asked
    # Answers given in the full form stay as they were, a real "no" included.
    assert woke.woke_from_sleep is True
    assert woke.triggers_asked and woke.reliefs_asked
    assert running.woke_from_sleep is False
    assert running.triggers_asked and running.reliefs_asked


@pytest.mark.parametrize("command", [["stats"], ["export", "json", "-o", "-"], ["report", "-o"]])
def test_a_command_that_only_reads_leaves_an_older_diary_as_it_was(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    from cramplog import cli

    path = load_dump("0002", data_dir)
    before = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    argv = [*command, str(tmp_path / "gp.pdf")] if command[-1] == "-o" else command
    code = cli.main([*argv, "--data-dir", str(data_dir)])
    err = capsys.readouterr().err
    assert code != 0
    assert "written by an earlier cramplog" in err and "nothing was changed" in err
    assert {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()} == before
    assert diary_file.read_revision(path) == "0002"
    assert not (tmp_path / "gp.pdf").exists()
    # `check` is the command that upgrades, after its verified backup.
    assert cli.main(["check", "--data-dir", str(data_dir)]) == 0
    assert diary_file.read_revision(path) == layout.HEAD_REVISION
