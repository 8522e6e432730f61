"""Paths no command should follow: a file or device given as the diary's folder, a pipe
where the diary should be, a loop of links, a name too long for the disk, and standard
output closed or full. Each gets one line, and nothing is changed."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from cramplog.diary.service import Diary
from tests.conftest import NOW
from tests.unit.commands.test_data_commands import run
from tests.unit.data_safety import log_cramp


@pytest.fixture
def filled(data_dir: Path) -> Path:
    diary = Diary.open(data_dir, clock=lambda: NOW)
    log_cramp(diary, 0)
    diary.close()
    return data_dir


def test_a_file_given_as_the_diary_folder_is_refused_and_keeps_its_permissions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # It was made owner-only (0700) on the way to "Could not lock": as root, /dev/null too.
    given = tmp_path / "notes.txt"
    given.write_text("mine")
    given.chmod(0o644)
    code, _out, err = run(capsys, "check", "--data-dir", str(given))
    assert code == 1
    assert err == f"cramplog: {given} is not a folder. Nothing was changed.\n"
    for command in (["backup"], ["restore", "newest"]):
        code, _out, err = run(capsys, *command, "--data-dir", str(given))
        assert code == 1 and err.startswith("cramplog: ") and err.count("\n") == 1
    assert stat.S_IMODE(given.stat().st_mode) == 0o644
    assert given.read_text() == "mine"


def test_a_pipe_where_the_diary_should_be_is_refused_at_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Opening it waited for a writer for ever (every command), and left a lock behind.
    folder = tmp_path / "k"
    folder.mkdir()
    os.mkfifo(folder / "diary.sqlite3")
    for command in (["check"], ["stats"], ["export", "json", "-o", str(tmp_path / "x.json")]):
        code, _out, err = run(capsys, *command, "--data-dir", str(folder))
        assert code == 1
        assert "is not a file but a pipe or a device, so it was not opened" in err
        assert err.count("\n") == 1
    assert sorted(p.name for p in folder.iterdir()) == ["diary.sqlite3"]
    assert not (tmp_path / "x.json").exists()


def test_a_loop_of_links_or_a_dangling_link_as_the_folder_is_refused_and_nothing_made(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "one").symlink_to(tmp_path / "two")
    (tmp_path / "two").symlink_to(tmp_path / "one")
    code, _out, err = run(capsys, "check", "--data-dir", str(tmp_path / "one"))
    assert code == 1  # it was reported as a bug (RuntimeError)
    loop = tmp_path / "one"
    assert err == f"cramplog: --data-dir {loop} is a symbolic link that leads round in a loop.\n"
    # A link to a drive not mounted: its target's folders were made on the wrong disk.
    elsewhere = tmp_path / "unmounted" / "drive" / "cramplog"
    (tmp_path / "link").symlink_to(elsewhere)
    code, _out, err = run(capsys, "check", "--data-dir", str(tmp_path / "link"))
    assert code == 1
    assert "which does not exist (a drive not mounted?); nothing was created." in err
    assert not (tmp_path / "unmounted").exists()


def test_a_name_too_long_for_the_disk_gets_one_short_line(
    qapp: object, capsys: pytest.CaptureFixture[str], filled: Path, tmp_path: Path
) -> None:
    # The handler of the first refusal asked the disk about the name again, and that
    # raised inside it: a traceback, printed with all 300 characters.
    long = str(tmp_path / ("a" * 300 + ".pdf"))
    code, _out, err = run(capsys, "report", "-o", long, "--data-dir", str(filled))
    assert code == 1 and err.count("\n") == 1
    assert err.startswith("cramplog: The name ") and "is too long for the disk" in err
    assert len(err) < 200
    code, _out, err = run(capsys, "stats", "--data-dir", "b" * 5000)
    assert code == 1 and err.count("\n") == 1 and "cannot be used" in err and len(err) < 200


def test_a_report_from_a_night_not_ended_yet_is_refused(
    qapp: object, capsys: pytest.CaptureFixture[str], filled: Path, tmp_path: Path
) -> None:
    target = tmp_path / "s.pdf"
    code, _out, err = run(
        capsys, "report", "-o", str(target), "--from", "2099-12-25", "--data-dir", str(filled)
    )
    assert code == 1  # it was reported as a bug (ValueError)
    assert err.startswith(
        "cramplog: --from 2099-12-25 is a night that has not ended yet; the latest one is "
    )
    assert err.endswith(". Nothing was written.\n") and err.count("\n") == 1
    assert not target.exists()


def exported_to(stdout: int | None, filled: Path) -> subprocess.CompletedProcess[str]:
    """`cramplog export json -o -` as a real process, its standard output as given."""
    code = "import sys; from cramplog import cli; sys.exit(cli.main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, "export", "json", "-o", "-", "--data-dir", str(filled)],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        check=False,
        close_fds=True,
        pass_fds=(),
        preexec_fn=(lambda: os.close(1)) if stdout is None else None,
    )


def test_export_to_a_closed_or_full_standard_output_says_so_in_one_line(filled: Path) -> None:
    closed = exported_to(None, filled)
    assert closed.returncode == 1  # it was reported as a bug (AttributeError)
    assert closed.stderr == "cramplog: Standard output is closed, so nothing could be written.\n"
    if Path("/dev/full").exists():
        with open("/dev/full", "w") as full:
            result = exported_to(full.fileno(), filled)
        assert result.returncode == 1  # it named the folder "." as unwritable
        assert result.stderr == (
            "cramplog: Standard output could not be written (No space left on device).\n"
        )


def test_a_file_in_the_way_of_a_path_is_the_one_named(
    qapp: object, capsys: pytest.CaptureFixture[str], filled: Path, tmp_path: Path
) -> None:
    # "notes.txt/r.pdf is not a folder" named the whole path, not the file in its way.
    notes = tmp_path / "notes.txt"
    notes.write_text("mine")
    code, _out, err = run(capsys, "report", "-o", str(notes / "r.pdf"), "--data-dir", str(filled))
    assert code == 1 and err.startswith(f"cramplog: {notes} is not a folder.")
    code, _out, err = run(capsys, "check", "--data-dir", str(notes / "sub"))
    assert code == 1 and err.startswith(f"cramplog: {notes} is not a folder.")
    assert notes.read_text() == "mine"


def test_a_dangling_link_above_the_folder_is_refused_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # The usual layout: the diary's folder inside a linked drive that is not mounted.
    drive = tmp_path / "media" / "usb"
    (tmp_path / "usb").symlink_to(drive)
    code, _out, err = run(capsys, "check", "--data-dir", str(tmp_path / "usb" / "cramplog"))
    assert code == 1
    assert f"{tmp_path / 'usb'} is a symbolic link to {drive}, which does not exist" in err
    assert not (tmp_path / "media").exists()
