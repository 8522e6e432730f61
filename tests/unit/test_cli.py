"""The command line: one clear line and a non-zero exit on any problem, never a traceback."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cramplog import __version__, cli


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cramplog", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_version_is_printed() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"cramplog {__version__}"


def test_help_lists_the_commands_and_the_data_dir_option() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert "check" in result.stdout
    assert "--data-dir" in result.stdout
    assert "--demo" in result.stdout


def test_check_creates_a_missing_diary_and_says_ok(tmp_path: Path) -> None:
    result = run_cli("check", "--data-dir", str(tmp_path / "new"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: ")
    assert "0 episode(s)" in result.stdout
    assert (tmp_path / "new" / "diary.sqlite3").is_file()


def test_check_refuses_a_foreign_file_with_one_line_and_leaves_it_untouched(
    tmp_path: Path,
) -> None:
    path = tmp_path / "diary.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = run_cli("check", "--data-dir", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "is not a cramplog diary" in result.stderr
    assert "Traceback" not in result.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_check_on_a_data_dir_that_is_a_file_fails_clearly(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = run_cli("check", "--data-dir", str(blocker))
    assert result.returncode == 1
    assert result.stderr.startswith("cramplog: ")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "argv",
    [["frobnicate"], ["check", "--data-dir"], ["--no-such-flag"], ["check", "--data-dir", ""]],
)
def test_usage_errors_are_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        code = cli.main(argv)
        raise SystemExit(code)
    assert exited.value.code in (1, 2)
    err = capsys.readouterr().err
    assert err.startswith("cramplog: ")
    assert err.count("\n") == 1
