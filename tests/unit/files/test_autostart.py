"""Starting with the session: the XDG autostart entry is written, and removed only if ours."""

from __future__ import annotations

import configparser
import os
from pathlib import Path

import pytest

from cramplog.core.errors import StorageError
from cramplog.files import autostart


def test_the_folder_follows_xdg_config_home_and_ignores_a_relative_one(tmp_path: Path) -> None:
    assert autostart.autostart_dir({"XDG_CONFIG_HOME": str(tmp_path)}) == tmp_path / "autostart"
    assert autostart.autostart_dir({"XDG_CONFIG_HOME": "relative/config"}) == (
        Path.home() / ".config" / "autostart"
    )
    assert autostart.autostart_dir({}) == Path.home() / ".config" / "autostart"


def test_the_entry_starts_cramplog_and_quotes_a_path_with_spaces(tmp_path: Path) -> None:
    written = autostart.write_entry(
        ["/opt/my apps/python3", "-m", "cramplog"], folder=tmp_path / "autostart"
    )
    assert written == tmp_path / "autostart" / "cramplog.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.read_string(written.read_text(encoding="utf-8"))
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"] == '"/opt/my apps/python3" -m cramplog'
    assert section["X-GNOME-Autostart-enabled"] == "true"


def test_a_dollar_or_percent_in_the_path_cannot_run_anything_else() -> None:
    text = autostart.entry_text(["/home/a$b/py`x`%u", "-m", "cramplog"])
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line == 'Exec="/home/a\\$b/py\\`x\\`%%u" -m cramplog'


def test_unticking_removes_our_entry_and_nothing_else(tmp_path: Path) -> None:
    folder = tmp_path / "autostart"
    autostart.write_entry(["cramplog"], folder=folder)
    autostart.remove_entry(folder)
    assert not (folder / "cramplog.desktop").exists()
    autostart.remove_entry(folder)  # already gone: nothing to do

    theirs = folder / "cramplog.desktop"
    theirs.write_text("[Desktop Entry]\nExec=something-else\n", encoding="utf-8")
    with pytest.raises(StorageError, match="not written by cramplog, so it was left alone"):
        autostart.remove_entry(folder)
    assert theirs.exists()


@pytest.mark.parametrize("kind", ["folder", "fifo", "link to a folder", "link to /dev/null"])
def test_an_entry_path_that_is_not_a_file_is_refused_and_left_alone(
    tmp_path: Path, kind: str
) -> None:
    folder = tmp_path / "autostart"
    folder.mkdir()
    target = folder / "cramplog.desktop"
    if kind == "folder":
        target.mkdir()
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "link to a folder":
        (tmp_path / "elsewhere").mkdir()
        target.symlink_to(tmp_path / "elsewhere")
    else:
        target.symlink_to("/dev/null")
    with pytest.raises(StorageError, match="not a file") as refused:
        autostart.write_entry(["cramplog"], folder=folder)
    assert "\n" not in str(refused.value)
    with pytest.raises(StorageError, match="left alone"):
        autostart.remove_entry(folder)
    assert target.exists()


def test_an_autostart_folder_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "config"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(StorageError, match="could not be made") as raised:
        autostart.write_entry(["cramplog"], folder=blocker / "autostart")
    assert "\n" not in str(raised.value)
