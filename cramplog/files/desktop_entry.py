"""Put cramplog in the desktop's application menu, or take it out: launcher, icon, metainfo.

The three files go into the person's own XDG folders (`$XDG_DATA_HOME`, or
~/.local/share): applications/cramplog.desktop, icons/hicolor/scalable/apps/cramplog.svg
and metainfo/<id>.metainfo.xml. The launcher starts the cramplog that installed it, by
absolute path, so it works from a virtual environment or pipx that is not on the menu's PATH.

They are written by the project's one writer (`cramplog.files.write_all`), owner-only like
everything cramplog writes: only the person's own session reads them (the menu, the icon
theme and the software centre all run as that person), so nobody else needs to.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final

from cramplog import files
from cramplog.core import resources
from cramplog.core.errors import StorageError
from cramplog.core.translation import N_, _

DESKTOP_FILE: Final = "cramplog.desktop"
ICON_FILE: Final = "cramplog.svg"
METAINFO_FILE: Final = "cramplog.metainfo.xml"
# The AppStream id in resources/cramplog.metainfo.xml; the installed file is named after it.
APPSTREAM_ID: Final = "io.github.cramplog.cramplog"
# Marks a launcher this command wrote, so removing never deletes a file someone else made.
MARK_KEY: Final = "X-Cramplog-Installed"

# Characters the Desktop Entry specification reserves in Exec: an argument holding any of
# them is quoted.
_RESERVED: Final = frozenset(" \t\n\"'\\><~|&;$*?#()`")


class DesktopEntryError(StorageError):
    """The launcher could not be installed or removed; the message says why."""


@dataclass(frozen=True, slots=True)
class LauncherFiles:
    """Where the launcher, its icon and its metainfo go under one XDG data folder."""

    data_home: Path

    @property
    def desktop(self) -> Path:
        return self.data_home / "applications" / DESKTOP_FILE

    @property
    def icon(self) -> Path:
        return self.data_home / "icons" / "hicolor" / "scalable" / "apps" / ICON_FILE

    @property
    def metainfo(self) -> Path:
        return self.data_home / "metainfo" / f"{APPSTREAM_ID}.metainfo.xml"

    def all(self) -> tuple[Path, Path, Path]:
        return (self.desktop, self.icon, self.metainfo)


def data_home(environ: dict[str, str] | None = None) -> Path:
    """$XDG_DATA_HOME when it is set to an absolute path (the specification says to ignore a
    relative one), else ~/.local/share."""
    env = os.environ if environ is None else environ
    given = env.get("XDG_DATA_HOME", "")
    if given and os.path.isabs(given):
        return Path(given)
    return Path.home() / ".local" / "share"


def running_command() -> list[str]:
    """The command that starts this cramplog: its entry-point script by absolute path (a
    pipx link is kept as a link, so it survives an upgrade), or this Python with `-m cramplog`
    when it was started that way."""
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name in ("cramplog", "cramplog.exe") and script.is_file():
        return [os.path.abspath(script)]
    return [os.path.abspath(sys.executable), "-m", "cramplog"]


def exec_line(command: Sequence[str]) -> str:
    """`command` as the value of a desktop entry's Exec key.

    An argument with a reserved character is double-quoted, with `"`, `` ` ``, `$` and `\\`
    escaped inside; `%` is doubled (it starts a field code); then the value is escaped as
    a desktop-entry string, where a backslash is written twice. A control character (a
    newline in a folder name) cannot be written in a launcher at all: refused.
    """
    words = []
    for argument in command:
        if not argument or any(ord(char) < 0x20 or ord(char) == 0x7F for char in argument):
            raise DesktopEntryError(
                _(
                    "cramplog's path {argument!r} holds a control character (such as a line "
                    "break), which a desktop launcher cannot hold. Nothing was written."
                ).format(argument=argument)
            )
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            raise DesktopEntryError(
                _(
                    "cramplog's path {argument!r} is not valid UTF-8, which a desktop "
                    "launcher needs. Nothing was written."
                ).format(argument=argument)
            ) from None
        word = argument.replace("%", "%%")
        if any(char in _RESERVED for char in word):
            escaped = "".join(f"\\{char}" if char in '"`$\\' else char for char in word)
            word = f'"{escaped}"'
        words.append(word)
    return " ".join(words).replace("\\", "\\\\")


def launcher_text(command: Sequence[str]) -> str:
    """The shipped .desktop file with Exec set to `command` and this command's mark."""
    lines = []
    for line in resources.resource_path(DESKTOP_FILE).read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            lines.append(f"Exec={exec_line(command)}")
            # A menu hides the launcher once this program is gone (a deleted virtual
            # environment) instead of offering one that fails.
            lines.append("TryExec=" + command[0].replace("\\", "\\\\"))
            continue
        lines.append(line)
    lines.append(f"{MARK_KEY}=true")
    return "\n".join(lines) + "\n"


def _refuse_odd_targets(paths: Sequence[Path]) -> None:
    """A launcher file that exists must be a plain file: a folder, pipe, device or link there
    is refused, with nothing written. A link is refused too (unlike other writes, which go
    through it): it would have cramplog change a file outside the person's own folders."""
    for path in paths:
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise DesktopEntryError(files.storage_message(exc, path)) from exc
        if stat.S_ISLNK(info.st_mode):
            raise DesktopEntryError(
                _(
                    "{path} is a symbolic link; cramplog will not write through it. Remove "
                    "it and try again. Nothing was written."
                ).format(path=path)
            )
        if not stat.S_ISREG(info.st_mode):
            files.final_target(path, error=DesktopEntryError)


def _make_folders(paths: Sequence[Path]) -> None:
    """The XDG folders the files go in. They are shared with every other app the person
    installs, so they get the usual permissions (the umask's), not owner-only ones."""
    for folder in {path.parent for path in paths}:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DesktopEntryError(files.storage_message(exc, folder / "x")) from exc
        if not folder.is_dir():
            raise DesktopEntryError(
                _("{folder} is not a folder. Nothing was written.").format(folder=folder)
            )


def install(target: LauncherFiles, command: Sequence[str]) -> LauncherFiles:
    """Write (or replace) the launcher, icon and metainfo under `target.data_home`; all three
    or none."""
    paths = target.all()
    _refuse_odd_targets(paths)
    launcher = launcher_text(command).encode("utf-8")
    icon = resources.resource_path(ICON_FILE).read_bytes()
    metainfo = resources.resource_path(METAINFO_FILE).read_bytes()
    _make_folders(paths)

    def content(data: bytes) -> files.Fill:
        def fill(stream: IO[bytes]) -> None:
            stream.write(data)

        return fill

    files.write_all(
        [
            (target.desktop, content(launcher)),
            (target.icon, content(icon)),
            (target.metainfo, content(metainfo)),
        ],
        error=DesktopEntryError,
    )
    return target


def remove(target: LauncherFiles) -> list[Path]:
    """Delete the launcher, icon and metainfo this command installed; returns what was
    deleted (nothing when none was installed). A launcher without this command's mark was
    made by someone else (a distribution package, by hand) and is left alone, as is all the
    rest then."""
    paths = target.all()
    _refuse_odd_targets(paths)
    if target.desktop.exists() and f"\n{MARK_KEY}=true\n" not in _read(target.desktop):
        raise DesktopEntryError(
            _(
                "{desktop} was not written by cramplog's launcher installer; it is left "
                "as it is. Nothing was removed."
            ).format(desktop=target.desktop)
        )
    removed = []
    for path in paths:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise DesktopEntryError(
                files.storage_message(exc, path, done=N_("The rest was left as it was."))
            ) from exc
        removed.append(path)
    return removed


def _read(path: Path) -> str:
    try:
        return "\n" + path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        message = files.storage_message(exc, path, done=N_("Nothing was removed."))
        raise DesktopEntryError(message) from exc
