"""`cramplog backup`, `restore`, `import`, `export`, `check`: one clear line, never a traceback."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cramplog import cli
from cramplog.diary import backups
from cramplog.diary.service import Diary
from tests.conftest import NOW
from tests.unit.data_safety import (
    DAMAGES,
    log_cramp,
    loose_permissions,
    sha256,
    umask_zero,
    unwritable,
)

__all__ = ["umask_zero"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = cli.main(list(argv))
    except SystemExit as exited:
        code = int(exited.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture
def filled(data_dir: Path) -> Path:
    diary = Diary.open(data_dir, clock=lambda: NOW)
    for n in range(3):
        log_cramp(diary, n)
    diary.close()
    return data_dir


@pytest.fixture
def other_instance(data_dir: Path) -> Iterator[subprocess.Popen[str]]:
    """Another cramplog process holding the diary's lock, as an open app would."""
    script = (
        "import sys, time, pathlib\n"
        "from cramplog.files import instance_lock\n"
        "with instance_lock.hold(pathlib.Path(sys.argv[1])):\n"
        "    print('ready', flush=True)\n"
        "    time.sleep(60)\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(data_dir)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    yield process
    process.kill()
    process.wait()
    process.stdout.close()


# -- backup ---------------------------------------------------------------------------------


def test_backup_makes_a_verified_copy_and_lists_it(
    capsys: pytest.CaptureFixture[str], filled: Path, umask_zero: None
) -> None:
    code, out, err = run(capsys, "backup", "--data-dir", str(filled))
    assert (code, err) == (0, "")
    assert out.startswith("Backed up to ") and "3 episodes" in out and "verified" in out
    code, out, _err = run(capsys, "backup", "--list", "--data-dir", str(filled))
    assert code == 0 and "Backed up by you" in out and "3 episodes" in out
    assert loose_permissions(filled) == []


def test_backup_of_one_cramp_says_one_episode_not_one_episodes(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    diary = Diary.open(data_dir, clock=lambda: NOW)
    log_cramp(diary, 0)
    diary.close()
    code, out, _err = run(capsys, "backup", "--data-dir", str(data_dir))
    assert code == 0 and " — 1 episode, 0 night records, verified." in out


def test_backup_works_while_the_app_has_the_diary_open(
    capsys: pytest.CaptureFixture[str], filled: Path, other_instance: object
) -> None:
    code, out, _err = run(capsys, "backup", "--data-dir", str(filled))
    assert code == 0 and "Backed up" in out


def test_backup_without_a_diary_or_of_a_damaged_one_fails_clearly(
    capsys: pytest.CaptureFixture[str], filled: Path, tmp_path: Path
) -> None:
    code, _out, err = run(capsys, "backup", "--data-dir", str(tmp_path / "nothing"))
    assert code == 1 and err.startswith("cramplog: ") and "no diary" in err
    DAMAGES["truncated"](filled / "diary.sqlite3")
    code, _out, err = run(capsys, "backup", "--data-dir", str(filled))
    assert code == 1 and "truncated" in err and err.count("\n") == 1


def test_listing_no_backups_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _err = run(capsys, "backup", "--list", "--data-dir", str(tmp_path))
    assert code == 0 and out.startswith("No backups")


# -- restore --------------------------------------------------------------------------------


def test_restore_newest_brings_it_back_and_keeps_the_diary(
    capsys: pytest.CaptureFixture[str], filled: Path
) -> None:
    run(capsys, "backup", "--data-dir", str(filled))
    diary = Diary.open(filled, clock=lambda: NOW)
    log_cramp(diary, 9)
    diary.close()
    code, out, err = run(capsys, "restore", "newest", "--data-dir", str(filled))
    assert (code, err) == (0, "")
    assert "3 episodes" in out and "kept as" in out
    diary = Diary.open(filled, clock=lambda: NOW)
    assert diary.count_episodes() == 3
    diary.close()


def test_restore_over_a_damaged_diary_keeps_the_damaged_file(
    capsys: pytest.CaptureFixture[str], filled: Path
) -> None:
    run(capsys, "backup", "--data-dir", str(filled))
    DAMAGES["zeroed header"](filled / "diary.sqlite3")
    damaged = sha256(filled / "diary.sqlite3")
    code, out, _err = run(capsys, "restore", "newest", "--data-dir", str(filled))
    assert code == 0 and "untouched" in out
    [kept] = filled.glob("diary-damaged-*.sqlite3")
    assert sha256(kept) == damaged


@pytest.mark.parametrize("name", ["no-such-backup.sqlite3", "", "newest"])
def test_restore_of_a_missing_backup_fails_clearly(
    capsys: pytest.CaptureFixture[str], filled: Path, name: str
) -> None:
    before = sha256(filled / "diary.sqlite3")
    code, _out, err = run(capsys, "restore", name, "--data-dir", str(filled))
    assert code == 1 and err.startswith("cramplog: ") and err.count("\n") == 1
    assert sha256(filled / "diary.sqlite3") == before


def test_restore_of_a_folder_or_a_pipe_says_what_it_is(
    capsys: pytest.CaptureFixture[str], filled: Path, tmp_path: Path
) -> None:
    # Both were "There is no backup file", though the person could see them there.
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    before = sha256(filled / "diary.sqlite3")
    for given in (pipe, tmp_path):
        code, _out, err = run(capsys, "restore", str(given), "--data-dir", str(filled))
        assert code == 1 and err.count("\n") == 1
        assert err.startswith(f"cramplog: '{given}' is not a backup file (a folder, a pipe")
    assert sha256(filled / "diary.sqlite3") == before
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)


def test_restore_refuses_while_the_app_is_open(
    capsys: pytest.CaptureFixture[str], filled: Path, other_instance: object
) -> None:
    run(capsys, "backup", "--data-dir", str(filled))
    before = sha256(filled / "diary.sqlite3")
    code, _out, err = run(capsys, "restore", "newest", "--data-dir", str(filled))
    assert code == 1 and "already open" in err
    assert sha256(filled / "diary.sqlite3") == before


def test_a_lock_left_by_a_crashed_run_is_recovered(
    capsys: pytest.CaptureFixture[str], filled: Path
) -> None:
    (filled / "cramplog.lock").write_text(f"999999\npython3\n{socket.gethostname()}\n")
    run(capsys, "backup", "--data-dir", str(filled))
    code, _out, _err = run(capsys, "restore", "newest", "--data-dir", str(filled))
    assert code == 0
    assert not (filled / "cramplog.lock").exists()


# -- export ---------------------------------------------------------------------------------


def test_export_csv_and_json(
    capsys: pytest.CaptureFixture[str], filled: Path, tmp_path: Path, umask_zero: None
) -> None:
    code, out, _err = run(
        capsys, "export", "csv", "-o", str(tmp_path / "csv"), "--data-dir", str(filled)
    )
    assert code == 0 and out.count("Wrote ") == 2
    code, out, _err = run(
        capsys,
        "export",
        "json",
        "-o",
        str(tmp_path / "d.json"),
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-12",
        "--data-dir",
        str(filled),
    )
    assert code == 0
    document = json.loads((tmp_path / "d.json").read_text())
    assert len(document["episodes"]) == 3
    assert document["period"] == {"first_night": "2026-03-01", "last_night": "2026-03-12"}
    assert loose_permissions(tmp_path / "csv") == []


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--from", "2026-13-01"], 2, "not a date"),
        (["--to", "yesterday"], 2, "not a date"),
        (["--from", "2026-03-10", "--to", "2026-03-01"], 1, "after --to"),
        # A night in the future: it wrote an empty export, or, near the end of the
        # calendar, failed as a bug (OverflowError).
        (["--from", "2099-12-25"], 1, "--from 2099-12-25 is in the future; give a night up to"),
        (["--from", "9999-12-31"], 1, "--from 9999-12-31 is in the future; give a night up to"),
        (["--to", "9999-12-31"], 1, "--to 9999-12-31 is in the future; give a night up to"),
    ],
)
def test_export_refuses_bad_dates_with_one_line(
    capsys: pytest.CaptureFixture[str],
    filled: Path,
    tmp_path: Path,
    args: list[str],
    code: int,
    message: str,
) -> None:
    got, _out, err = run(
        capsys, "export", "json", "-o", str(tmp_path / "x.json"), *args, "--data-dir", str(filled)
    )
    assert got == code and message in err and err.count("\n") == 1
    assert not (tmp_path / "x.json").exists()


def test_export_takes_tonight_whose_cramps_are_logged_already(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    # A cramp of this evening: tonight has not ended, but its cramps are in the diary, and
    # an export up to today gives them (refusing nights after last night lost them).
    from datetime import datetime, timedelta

    from cramplog.core import nights
    from cramplog.core.records import EpisodeInput

    start = datetime.now().astimezone() - timedelta(minutes=1)
    diary = Diary.open(data_dir)
    diary.add_episode(EpisodeInput(start=start, muscle="muscle.calf"))
    tonight = nights.night_of(start.replace(tzinfo=None), diary.boundary_hour)
    diary.close()
    target = tmp_path / "tonight.json"
    dates = ("--from", tonight.isoformat(), "--to", tonight.isoformat())
    code, _out, err = run(
        capsys, "export", "json", "-o", str(target), *dates, "--data-dir", str(data_dir)
    )
    assert code == 0, err
    assert len(json.loads(target.read_text())["episodes"]) == 1


@pytest.mark.parametrize("where", ["diary", "wal", "missing folder", "empty", "a folder"])
def test_export_refuses_forbidden_and_unwritable_targets(
    capsys: pytest.CaptureFixture[str], filled: Path, tmp_path: Path, where: str
) -> None:
    target = {
        "diary": str(filled / "diary.sqlite3"),
        "wal": str(filled / "diary.sqlite3-wal"),
        "missing folder": str(tmp_path / "no" / "such" / "x.json"),
        "empty": "",
        "a folder": str(tmp_path),
    }[where]
    before = sha256(filled / "diary.sqlite3")
    code, _out, err = run(capsys, "export", "json", "-o", target, "--data-dir", str(filled))
    assert code == 1 and err.startswith("cramplog: ") and err.count("\n") == 1
    assert sha256(filled / "diary.sqlite3") == before


def test_export_to_a_fifo_is_refused_and_the_fifo_kept(
    capsys: pytest.CaptureFixture[str], filled: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, out, err = run(capsys, "export", "json", "-o", str(fifo), "--data-dir", str(filled))
    assert code == 1 and out == ""
    assert err == (
        f"cramplog: {fifo} is a pipe (FIFO), not a file; give the name of a regular file. "
        "Nothing was written.\n"
    )
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_export_through_a_link_updates_its_target_and_keeps_the_link(
    capsys: pytest.CaptureFixture[str], filled: Path, tmp_path: Path
) -> None:
    real = tmp_path / "synced" / "cramps.json"
    real.parent.mkdir()
    real.write_text("an older export")
    link = tmp_path / "cramps.json"
    link.symlink_to(real)
    code, _out, _err = run(capsys, "export", "json", "-o", str(link), "--data-dir", str(filled))
    assert code == 0
    assert link.is_symlink() and link.resolve() == real
    assert len(json.loads(real.read_text())["episodes"]) == 3


@pytest.mark.parametrize("kind", ["json", "csv"])
def test_export_to_dash_writes_to_standard_output(
    capsys: pytest.CaptureFixture[str], filled: Path, tmp_path: Path, kind: str
) -> None:
    code, out, err = run(capsys, "export", kind, "-o", "-", "--data-dir", str(filled))
    assert code == 0 and err == ""
    if kind == "json":
        assert len(json.loads(out)["episodes"]) == 3
    else:
        rows = out.splitlines()
        assert len(rows) == 4 and not rows[0].startswith("\ufeff")
    assert not Path("-").exists() and not (filled / "-").exists()


@pytest.mark.parametrize(
    "command",
    [
        ("export", "csv", "-o", "{out}"),
        ("export", "json", "-o", "{out}"),
        ("report", "-o", "{out}"),
        ("check",),
    ],
    ids=["export csv", "export json", "report", "check"],
)
def test_commands_that_open_the_diary_refuse_a_folder_they_cannot_write_in_one_line(
    filled: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: tuple[str, ...],
) -> None:
    """They open the diary with its lock and log beside it: in another user's folder they
    say so, point to what can read it there, and make nothing (never calling it damaged)."""
    out = tmp_path / "out"
    argv = [part.format(out=out) for part in command]
    before = {p.name: sha256(p) for p in filled.iterdir()}
    with unwritable(filled, monkeypatch):
        code, printed, err = run(capsys, *argv, "--data-dir", str(filled))
        assert sorted(p.name for p in filled.iterdir()) == sorted(before)
    assert (code, printed) == (1, "")
    assert err.startswith(f"cramplog: {filled} cannot be written to (")
    assert "`cramplog stats`" in err and "damaged" not in err and err.count("\n") == 1
    assert not out.exists()
    assert {p.name: sha256(p) for p in filled.iterdir()} == before


def test_export_of_a_diary_that_is_not_there_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _out, err = run(
        capsys, "export", "csv", "-o", str(tmp_path / "o"), "--data-dir", str(tmp_path / "none")
    )
    assert code == 1 and "no diary" in err
    assert not (tmp_path / "none" / "diary.sqlite3").exists()


# -- import ---------------------------------------------------------------------------------

SHEET = (
    "Date;Time;Muscle;Side;Duration (min);Pain (0-10);Notes\n"
    '01/03/2026;02:10;Calf;L;1:30;7;=HYPERLINK("x")\n'
    "02/03/2026;23:45;thigh;R;2;5;\n"
)


def test_import_dry_run_then_for_real_then_again(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(SHEET, encoding="utf-8")
    code, out, err = run(capsys, "import", str(path), "--dry-run", "--data-dir", str(data_dir))
    assert code == 1 and "day/month or month/day" in out and "--day-first" in err
    code, out, _err = run(
        capsys, "import", str(path), "--dry-run", "--day-first", "--data-dir", str(data_dir)
    )
    assert code == 0 and "2 new cramps" in out and "nothing was changed" in out
    assert backups.list_backups(data_dir) == []
    code, out, _err = run(capsys, "import", str(path), "--day-first", "--data-dir", str(data_dir))
    assert code == 0 and out.splitlines()[-1].startswith("Imported 2 cramps")
    code, out, _err = run(capsys, "import", str(path), "--day-first", "--data-dir", str(data_dir))
    assert code == 0 and "2 entries were already in the diary" in out
    diary = Diary.open(data_dir, clock=lambda: NOW)
    assert [e.notes for e in diary.list_episodes()] == ['=HYPERLINK("x")', ""]
    diary.close()


def test_import_with_invalid_rows_imports_nothing_unless_asked_to_skip(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(
        "Date,Time,Muscle\n2026-03-01,02:10,Calf\n2026-03-02,25:10,Calf\n2026-03-40,02:10,Calf\n"
    )
    code, out, err = run(capsys, "import", str(path), "--data-dir", str(data_dir))
    assert code == 1 and "nothing was imported" in err
    assert "  line 3: " in out and "  line 4: " in out
    diary = Diary.open(data_dir, clock=lambda: NOW)
    assert diary.count_episodes() == 0
    diary.close()
    code, out, _err = run(
        capsys, "import", str(path), "--skip-invalid", "--data-dir", str(data_dir)
    )
    assert code == 0 and "2 invalid rows were skipped" in out


def test_import_columns_can_be_named_on_the_command_line(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("Day,Hour,Body,Remarks,Comments\n2026-03-01,02:10,calf,a,b\n")
    code, _out, err = run(capsys, "import", str(path), "--data-dir", str(data_dir))
    assert code == 1 and "--column" in err
    code, _out, err = run(
        capsys,
        "import",
        str(path),
        "--column",
        "Body=muscle",
        "--column",
        "comments=ignore",
        "--data-dir",
        str(data_dir),
    )
    assert code == 0, err
    code, _out, err = run(
        capsys, "import", str(path), "--column", "Nope=muscle", "--data-dir", str(data_dir)
    )
    assert code == 1 and "no column" in err
    code, _out, err = run(
        capsys, "import", str(path), "--column", "Body=elbow", "--data-dir", str(data_dir)
    )
    assert code == 1 and "not a field" in err


def test_import_replace_of_our_own_json(
    capsys: pytest.CaptureFixture[str], filled: Path, tmp_path: Path
) -> None:
    run(capsys, "export", "json", "-o", str(tmp_path / "d.json"), "--data-dir", str(filled))
    other = tmp_path / "other"
    diary = Diary.open(other, clock=lambda: NOW)
    log_cramp(diary, 20)
    diary.close()
    code, out, _err = run(
        capsys, "import", str(tmp_path / "d.json"), "--replace", "--data-dir", str(other)
    )
    assert code == 0 and "Imported 3 cramps" in out and "before-import" in out
    diary = Diary.open(other, clock=lambda: NOW)
    assert diary.count_episodes() == 3
    diary.close()


@pytest.mark.parametrize(
    "content",
    [None, b"", b"\x00\x01\x02", b'{"format": "cramplog-diary", "version": 7}'],
    ids=["missing", "empty", "binary", "future json"],
)
def test_import_of_unusable_files_fails_with_one_line(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path, content: bytes | None
) -> None:
    path = tmp_path / "in.json"
    if content is not None:
        path.write_bytes(content)
    code, _out, err = run(capsys, "import", str(path), "--data-dir", str(data_dir))
    assert code == 1 and err.startswith("cramplog: ") and err.count("\n") == 1


# -- check ----------------------------------------------------------------------------------


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_check_names_the_damage_and_points_to_a_backup(
    capsys: pytest.CaptureFixture[str], filled: Path, damage: str
) -> None:
    run(capsys, "backup", "--data-dir", str(filled))
    (newest,) = backups.list_backups(filled)
    DAMAGES[damage](filled / "diary.sqlite3")
    before = sha256(filled / "diary.sqlite3")
    code, out, err = run(capsys, "check", "--data-dir", str(filled))
    assert code == 1 and out == ""
    assert err.startswith("cramplog: ") and err.count("\n") == 1
    assert f"The newest good backup is {newest.path.name} (3 episodes" in err
    assert "cramplog restore newest" in err and err.endswith("Nothing was changed.\n")
    assert sha256(filled / "diary.sqlite3") == before


def test_check_of_a_diary_the_app_has_open_only_reads_it(
    capsys: pytest.CaptureFixture[str], filled: Path, other_instance: object
) -> None:
    code, out, _err = run(capsys, "check", "--data-dir", str(filled))
    assert code == 0 and "only read" in out


def test_check_as_a_real_process_exits_non_zero_without_a_traceback(filled: Path) -> None:
    DAMAGES["a PNG"](filled / "diary.sqlite3")
    result = subprocess.run(
        [sys.executable, "-m", "cramplog", "check", "--data-dir", str(filled)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "PNG picture" in result.stderr and "Traceback" not in result.stderr


# -- one way to open the diary ----------------------------------------------------------------


def test_stats_reads_a_diary_the_app_has_open(
    capsys: pytest.CaptureFixture[str], filled: Path, other_instance: object
) -> None:
    # The three cramps of `filled` fall on the night of 11 March 2026.
    code, out, err = run(
        capsys, "stats", "--from", "2026-03-01", "--to", "2026-03-31", "--data-dir", str(filled)
    )
    assert (code, err) == (0, "") and "Cramps" in out and " 3 (" in out


def test_export_waits_for_the_app_to_close(
    capsys: pytest.CaptureFixture[str], filled: Path, tmp_path: Path, other_instance: object
) -> None:
    code, _out, err = run(
        capsys, "export", "json", "-o", str(tmp_path / "d.json"), "--data-dir", str(filled)
    )
    assert code == 1 and "already open" in err and err.count("\n") == 1
    assert not (tmp_path / "d.json").exists()


@pytest.mark.parametrize(
    "argv",
    [("stats",), ("export", "json", "-o", "-"), ("report", "-o", "gp.pdf")],
    ids=["stats", "export", "report"],
)
def test_a_command_that_reads_creates_no_folder_where_there_is_no_diary(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: tuple[str, ...]
) -> None:
    nowhere = tmp_path / "nowhere"
    code, _out, err = run(capsys, *argv, "--data-dir", str(nowhere))
    assert code == 1 and err.startswith(f"cramplog: There is no diary in {nowhere}")
    assert not nowhere.exists()


def test_the_commands_are_listed_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "--help")
    assert code == 0
    for name in ("backup", "restore", "import", "export", "check"):
        assert name in out
