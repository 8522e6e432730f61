"""`cramplog --install-desktop-entry`: cramplog in the desktop's menu, and out of it again."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cramplog import cli
from cramplog.core import resources
from cramplog.files import desktop_entry

# The mark this command leaves in its launchers; see the module.
MARK = f"{desktop_entry.MARK_KEY}=true"


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> desktop_entry.LauncherFiles:
    """An empty XDG data folder, and a cramplog started as the script `.../bin/cramplog`."""
    home = tmp_path / "data home"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    script = tmp_path / "venv" / "bin" / "cramplog"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n")
    monkeypatch.setattr(sys, "argv", [str(script)])
    return desktop_entry.LauncherFiles(home)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def entry(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


def nothing_in(folder: Path) -> bool:
    return not folder.exists() or not any(p.is_file() for p in folder.rglob("*"))


def test_install_puts_launcher_icon_and_metainfo_in_the_menu_folders(
    xdg: desktop_entry.LauncherFiles, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "--install-desktop-entry")
    assert (code, err) == (0, "")
    assert xdg.desktop == xdg.data_home / "applications" / "cramplog.desktop"
    assert xdg.icon == xdg.data_home / "icons/hicolor/scalable/apps/cramplog.svg"
    assert xdg.metainfo.parent == xdg.data_home / "metainfo"
    launcher = entry(xdg.desktop)
    # The launcher starts the cramplog that installed it, by absolute path; the menu's PATH
    # need not know about its virtual environment.
    assert launcher["Exec"] == str(tmp_path / "venv" / "bin" / "cramplog")
    # Once that program is gone (the environment deleted), menus hide the launcher.
    assert launcher["TryExec"] == launcher["Exec"]
    assert launcher["Icon"] == "cramplog" and launcher["Name"] == "cramplog"
    assert xdg.icon.read_bytes() == resources.resource_path("cramplog.svg").read_bytes()
    assert '<launchable type="desktop-id">cramplog.desktop</launchable>' in (
        xdg.metainfo.read_text(encoding="utf-8")
    )
    assert str(xdg.desktop) in out and "It starts:" in out


def test_installing_twice_replaces_the_files_and_names_the_diary_given(
    xdg: desktop_entry.LauncherFiles, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "--install-desktop-entry")[0] == 0
    code, _, _ = run(capsys, "--data-dir", str(tmp_path / "my diary"), "--install-desktop-entry")
    assert code == 0
    exec_value = entry(xdg.desktop)["Exec"]
    # A path with a space is quoted, as the Desktop Entry specification asks.
    assert exec_value.endswith(f'--data-dir "{tmp_path / "my diary"}"')
    lines = xdg.desktop.read_text(encoding="utf-8").splitlines()
    assert [line.partition("=")[0] for line in lines].count("Exec") == 1


def test_a_python_started_with_dash_m_is_started_the_same_way(
    xdg: desktop_entry.LauncherFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "argv", ["/somewhere/cramplog/__main__.py"])
    assert desktop_entry.running_command() == [os.path.abspath(sys.executable), "-m", "cramplog"]


@pytest.mark.parametrize(
    ("command", "written"),
    [
        (["/opt/cramplog/bin/cramplog"], "/opt/cramplog/bin/cramplog"),
        (["/home/a b/cramplog"], '"/home/a b/cramplog"'),
        (["/100%/cramplog"], "/100%%/cramplog"),
        # $ and " are escaped inside the quotes, then every backslash is doubled (a string).
        (['/x/$HOME "q"/cramplog'], '"/x/\\\\$HOME \\\\"q\\\\"/cramplog"'),
        (["/x/back\\slash/cramplog"], '"/x/back\\\\\\\\slash/cramplog"'),
    ],
)
def test_exec_quotes_what_the_desktop_entry_specification_reserves(
    command: list[str], written: str
) -> None:
    assert desktop_entry.exec_line(command) == written


def test_a_path_with_a_line_break_is_refused_and_nothing_is_written(
    xdg: desktop_entry.LauncherFiles, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    odd = tmp_path / "new\nline" / "cramplog"
    odd.parent.mkdir()
    odd.write_text("#!/bin/sh\n")
    sys.argv[0] = str(odd)
    code, out, err = run(capsys, "--install-desktop-entry")
    assert code == 1 and out == ""
    assert "control character" in err and "Nothing was written." in err
    assert len(err.strip().splitlines()) == 1
    assert nothing_in(xdg.data_home)


def test_a_relative_xdg_data_home_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    home = Path.home()
    assert desktop_entry.data_home({"XDG_DATA_HOME": "relative/share"}) == (
        home / ".local" / "share"
    )
    assert desktop_entry.data_home({}) == home / ".local" / "share"
    assert desktop_entry.data_home({"XDG_DATA_HOME": "/srv/share"}) == Path("/srv/share")


def _folder(path: Path) -> None:
    path.mkdir(parents=True)


def _fifo(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)


def _link(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    elsewhere = path.parent.parent / "someone-elses.desktop"
    elsewhere.write_text("[Desktop Entry]\n")
    path.symlink_to(elsewhere)


def _link_to_a_device(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to("/dev/null")


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (_folder, "is a folder"),
        (_fifo, "is a pipe (FIFO)"),
        (_link, "is a symbolic link"),
        (_link_to_a_device, "is a symbolic link"),
    ],
)
def test_an_odd_file_where_the_launcher_goes_is_refused_with_one_line(
    xdg: desktop_entry.LauncherFiles,
    capsys: pytest.CaptureFixture[str],
    make: object,
    said: str,
) -> None:
    make(xdg.desktop)  # type: ignore[operator]
    before = sorted(p.name for p in xdg.data_home.rglob("*"))
    code, out, err = run(capsys, "--install-desktop-entry")
    assert code == 1 and out == ""
    assert said in err and "Nothing was written." in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    # Not even the icon or the metainfo were written.
    assert sorted(p.name for p in xdg.data_home.rglob("*")) == before


def test_a_data_home_that_is_a_device_is_refused_with_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", "/dev/null")
    code, out, err = run(capsys, "--install-desktop-entry")
    assert code == 1 and out == ""
    assert "/dev/null" in err and "not a folder" in err
    assert len(err.strip().splitlines()) == 1


def test_remove_takes_out_what_install_put_in_and_says_so_when_there_is_nothing(
    xdg: desktop_entry.LauncherFiles, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--install-desktop-entry")[0] == 0
    code, out, _ = run(capsys, "--remove-desktop-entry")
    assert code == 0
    assert not any(path.exists() for path in xdg.all())
    assert str(xdg.desktop) in out and str(xdg.icon) in out and str(xdg.metainfo) in out
    # The shared XDG folders stay: other apps keep their files there.
    assert xdg.desktop.parent.is_dir()
    code, out, _ = run(capsys, "--remove-desktop-entry")
    assert code == 0 and "nothing to remove" in out


def test_remove_leaves_a_launcher_someone_else_wrote(
    xdg: desktop_entry.LauncherFiles, capsys: pytest.CaptureFixture[str]
) -> None:
    xdg.desktop.parent.mkdir(parents=True)
    xdg.desktop.write_text("[Desktop Entry]\nType=Application\nName=cramplog\nExec=cramplog\n")
    code, out, err = run(capsys, "--remove-desktop-entry")
    assert code == 1 and out == ""
    assert "not written by cramplog" in err and "Nothing was removed." in err
    assert xdg.desktop.exists()


def test_the_launcher_options_go_alone(
    xdg: desktop_entry.LauncherFiles, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--install-desktop-entry", "check")
    assert code == 2 and "go alone" in err
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--install-desktop-entry", "--remove-desktop-entry"])
    assert exit_.value.code == 2
    assert nothing_in(xdg.data_home)


def _validator(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (Debian: desktop-file-utils / appstream)")
    return found


@pytest.mark.parametrize("where", ["/usr/local/bin/cramplog", "/home/a b/100% $x/cramplog"])
def test_desktop_file_validate_accepts_the_installed_launcher(
    xdg: desktop_entry.LauncherFiles, where: str
) -> None:
    tool = _validator("desktop-file-validate")
    desktop_entry.install(xdg, [where])
    result = subprocess.run(
        [tool, str(xdg.desktop)], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_appstreamcli_accepts_the_installed_metainfo(xdg: desktop_entry.LauncherFiles) -> None:
    tool = _validator("appstreamcli")
    desktop_entry.install(xdg, ["/usr/local/bin/cramplog"])
    result = subprocess.run(
        [tool, "validate", "--no-net", str(xdg.metainfo)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# What a desktop's menu lists: GLib's registry of applications (Gio.AppInfo), which GNOME,
# Cinnamon, Budgie and the freedesktop menu libraries read from the same XDG folders. Run
# in the system Python, which has the GObject bindings (Debian: python3-gi) that a
# virtual environment lacks.
_MENU_LISTING = """
import json, gi
gi.require_version("Gio", "2.0")
from gi.repository import Gio
shown = {}
for app in Gio.AppInfo.get_all():
    if app.should_show():
        shown[app.get_id()] = {
            "name": app.get_name(),
            "executable": app.get_executable(),
            "icon": app.get_icon().to_string() if app.get_icon() else None,
        }
print(json.dumps(shown))
"""


def _menu(data_home: Path, tmp_path: Path) -> dict[str, dict[str, str]]:
    system_python = shutil.which("python3", path="/usr/bin")
    if (
        system_python is None
        or subprocess.run(
            [system_python, "-c", "import gi"], capture_output=True, check=False, timeout=60
        ).returncode
    ):
        pytest.skip("no system Python with GObject bindings (Debian: python3-gi)")
    empty = tmp_path / "no system applications"
    empty.mkdir(exist_ok=True)
    environment = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(data_home),
        "XDG_DATA_DIRS": str(empty),  # only what the command wrote, not the machine's apps
    }
    result = subprocess.run(
        [system_python, "-c", _MENU_LISTING],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env=environment,
    )
    shown: dict[str, dict[str, str]] = json.loads(result.stdout)
    return shown


def test_the_installed_launcher_is_listed_in_the_desktop_menu_and_goes_again(
    xdg: desktop_entry.LauncherFiles, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    program = Path(sys.argv[0])
    program.chmod(0o755)  # TryExec: menus hide a launcher whose program cannot run
    assert run(capsys, "--install-desktop-entry")[0] == 0
    shown = _menu(xdg.data_home, tmp_path)
    assert shown["cramplog.desktop"] == {
        "name": "cramplog",
        "executable": str(program),
        "icon": "cramplog",
    }
    assert (xdg.data_home / "icons/hicolor/scalable/apps/cramplog.svg").is_file()
    assert run(capsys, "--remove-desktop-entry")[0] == 0
    assert "cramplog.desktop" not in _menu(xdg.data_home, tmp_path)
