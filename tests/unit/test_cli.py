"""The command line: one clear line and a non-zero exit on any problem, never a traceback."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
    assert result.stdout == (
        f"OK: there was no diary in {tmp_path / 'new'}, so a new, empty one was created.\n"
    )
    assert (tmp_path / "new" / "diary.sqlite3").is_file()


@pytest.mark.parametrize("before_the_command", [True, False])
def test_data_dir_is_honoured_before_or_after_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, before_the_command: bool
) -> None:
    # Given before the command, --data-dir once fell back to the everyday diary.
    everyday = tmp_path / "everyday"
    monkeypatch.setenv("XDG_DATA_HOME", str(everyday))
    chosen = tmp_path / "chosen"
    data_dir = ("--data-dir", str(chosen))
    args = (*data_dir, "check") if before_the_command else ("check", *data_dir)
    result = subprocess.run(
        [sys.executable, "-m", "cramplog", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert str(chosen) in result.stdout
    assert (chosen / "diary.sqlite3").exists()
    assert not everyday.exists()


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


@pytest.mark.parametrize(
    ("argv", "opens_app"),
    [
        ([], True),
        (["--demo"], True),
        (["--data-dir", "stats"], True),  # a folder that happens to share a command's name
        (["--data-dir=/tmp/x", "--demo"], True),
        (["--data-dir", "a", "--data-dir=b", "--demo", "--demo"], True),  # the last one counts
        (["--data-dir="], True),
        (["--data-dir=-x"], True),
        (["stats"], False),
        (["--data-dir", "x", "check"], False),
        (["--help"], False),
        (["-h"], False),
    ],
)
def test_opening_the_app_skips_the_command_parsers_only_when_no_command_is_named(
    argv: list[str], opens_app: bool
) -> None:
    assert cli._opens_the_app(argv) is opens_app
    if opens_app:
        quick = cli.build_parser(with_commands=False).parse_args(argv)
        full = cli.build_parser().parse_args(argv)
        assert vars(quick) == vars(full)  # the same options, read the same way
        by_hand = cli._app_arguments(argv)
        assert by_hand is not None and vars(by_hand) == vars(full)
    else:
        assert cli._app_arguments(argv) is None


def test_a_folder_named_like_an_option_is_left_to_argparse(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # argparse reads "--data-dir -x" as a missing folder and an unknown option; reading the
    # app's options by hand must not take "-x" for a folder instead.
    assert cli._app_arguments(["--data-dir", "-x"]) is None
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--data-dir", "-x"])
    assert exit_info.value.code == cli.EXIT_USAGE
    assert "expected one argument" in capsys.readouterr().err


def test_an_unknown_option_to_the_app_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--demo", "--bogus"])
    assert exit_info.value.code == cli.EXIT_USAGE
    assert capsys.readouterr().err == (
        "cramplog: unrecognized arguments: --bogus (see cramplog --help)\n"
    )


@pytest.mark.parametrize("argv", [["--h"], ["--he"], ["-"], ["--demo", "--hel"], ["--dem"]])
def test_anything_but_the_apps_own_options_goes_to_the_full_parser(argv: list[str]) -> None:
    # argparse accepts abbreviations (--he is --help), which only the full parser knows.
    assert not cli._opens_the_app(argv)


def test_a_bug_is_one_line_naming_the_log_never_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    logs = tmp_path / "logs"
    monkeypatch.setenv("CRAMPLOG_LOG_DIR", str(logs))
    from cramplog.commands import check

    def broken(_args: object) -> int:
        # A ValueError used to pass for the person's bad input; it is a bug in cramplog.
        raise ValueError("a secret note the person typed")

    monkeypatch.setattr(check, "run", broken)
    code = cli.main(["check", "--data-dir", str(tmp_path / "d")])
    out, err = capsys.readouterr()
    log = logs / "cramplog.log"
    assert (code, out) == (cli.EXIT_BUG, "")
    assert err == (
        "cramplog: an unexpected error (ValueError); this is a bug in cramplog. "
        f"Where it happened is in {log}.\n"
    )
    written = log.read_text()
    assert "builtins.ValueError (message withheld)" in written and "in broken" in written
    assert "secret" not in written
    assert oct(log.stat().st_mode & 0o777) == "0o600"


def test_a_full_disk_is_named_as_such(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from cramplog.commands import check

    def full(_args: object) -> int:
        raise OSError(28, "No space left on device", str(tmp_path / "d" / "diary.sqlite3"))

    monkeypatch.setattr(check, "run", full)
    code = cli.main(["check", "--data-dir", str(tmp_path / "d")])
    _out, err = capsys.readouterr()
    assert code == cli.EXIT_PROBLEM
    assert err.startswith("cramplog: The disk is full (ENOSPC)") and err.count("\n") == 1
    assert err.endswith("Nothing was changed.\n")


def _parsed(parser_of: Callable[[], Any], argv: list[str]) -> tuple[object, str, str]:
    """What a parser makes of `argv`: its namespace or exit code, and what it printed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            result: object = sorted(vars(parser_of().parse_args(argv)).items(), key=str)
        except SystemExit as exit_info:
            result = exit_info.code
    return result, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("command", ["check", "stats", "report", "export", "import", "restore"])
@pytest.mark.parametrize(
    "rest",
    [["--help"], ["--bogus"], ["--data-dir"], ["--from", "2025-13-01"], ["extra", "words"], []],
)
def test_a_command_named_first_gets_its_own_parser_alone_and_reads_the_same(
    command: str, rest: list[str]
) -> None:
    argv = [command, *rest]
    assert cli.command_named(argv) == command
    alone = _parsed(lambda: cli.build_parser(only=command), argv)
    full = _parsed(cli.build_parser, argv)
    assert alone == full  # the same help, the same errors, the same options read


@pytest.mark.parametrize("argv", [["import_"], ["stat"], ["--data-dir", "x", "stats"], []])
def test_anything_else_gets_every_commands_parser(argv: list[str]) -> None:
    assert cli.command_named(argv) is None


def _installed_without(tmp_path: Path, damage: Callable[[Path], None]) -> Path:
    """A copy of the installed package whose shipped resources were then damaged."""
    import shutil

    package = Path(cli.__file__).parent
    copied = tmp_path / "site" / "cramplog"
    shutil.copytree(package, copied, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(package.parent / "resources", copied / "_resources")
    damage(copied / "_resources")
    return copied.parent


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (
            lambda resources: (resources / "checklist.json").write_text("{", encoding="utf-8"),
            "cramplog: cramplog's checklist file is damaged ",
        ),
        (
            lambda resources: (resources / "checklist.json").unlink(),
            "cramplog: cramplog's resource file 'checklist.json' is missing; reinstall cramplog.",
        ),
    ],
)
def test_a_damaged_install_says_to_reinstall_in_one_line(
    tmp_path: Path, damage: Callable[[Path], None], message: str
) -> None:
    assert run_cli("check", "--data-dir", str(tmp_path / "diary")).returncode == 0
    site = _installed_without(tmp_path, damage)
    result = subprocess.run(
        [sys.executable, "-m", "cramplog", "stats", "--data-dir", str(tmp_path / "diary")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(site)},
    )
    assert result.returncode == cli.EXIT_PROBLEM
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1, result.stderr
    assert "reinstall cramplog" in result.stderr and "bug" not in result.stderr
    assert result.stdout == ""
