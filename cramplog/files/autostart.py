"""Start cramplog with the desktop session: the XDG autostart entry, written and removed."""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path

from cramplog.core.errors import StorageError
from cramplog.core.translation import _
from cramplog.files import write_bytes

ENTRY_NAME = "cramplog.desktop"
# A line only cramplog writes, so removing the entry never deletes a file someone else made.
MARKER = "X-cramplog-Autostart=true"


def autostart_dir(environ: Mapping[str, str] | None = None) -> Path:
    """$XDG_CONFIG_HOME/autostart, or ~/.config/autostart (the XDG Autostart spec)."""
    env = os.environ if environ is None else environ
    config = env.get("XDG_CONFIG_HOME", "")
    # The spec says a relative value is invalid and must be ignored.
    base = Path(config) if config and os.path.isabs(config) else Path.home() / ".config"
    return base / "autostart"


def _quote(argument: str) -> str:
    """One Exec argument, quoted as the Desktop Entry spec asks when it needs quoting."""
    if argument and not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`"):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return f'"{escaped}"'


def entry_text(command: Sequence[str]) -> str:
    """The autostart entry that runs `command` (the program and its arguments)."""
    exec_line = " ".join(_quote(part) for part in command).replace("%", "%%")
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=cramplog\n"
        "Comment=Start the cramp diary when you log in, for its tray and morning reminder\n"
        f"Exec={exec_line}\n"
        "Icon=cramplog\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
        f"{MARKER}\n"
    )


def write_entry(command: Sequence[str], folder: Path | None = None) -> Path:
    """Write (or replace) the entry; StorageError with one line if it cannot be written."""
    folder = folder or autostart_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            _("The autostart folder {folder} could not be made ({value}).").format(
                folder=folder, value=exc.strerror or exc
            )
        ) from exc
    target = folder / ENTRY_NAME
    write_bytes(target, entry_text(command).encode("utf-8"))
    return target


def remove_entry(folder: Path | None = None) -> None:
    """Remove the entry cramplog wrote; anything else found there is left alone, with a message."""
    target = (folder or autostart_dir()) / ENTRY_NAME
    try:
        status = target.lstat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StorageError(
            _("{target} could not be checked ({value}).").format(
                target=target, value=exc.strerror or exc
            )
        ) from exc
    if not stat.S_ISREG(status.st_mode):
        raise StorageError(
            _(
                "{target} is not a file cramplog wrote, so it was left alone; remove it "
                "yourself to stop cramplog starting with your session."
            ).format(target=target)
        )
    try:
        ours = MARKER in target.read_text(encoding="utf-8", errors="replace")
        if not ours:
            raise StorageError(
                _(
                    "{target} was not written by cramplog, so it was left alone; remove it "
                    "yourself to stop cramplog starting with your session."
                ).format(target=target)
            )
        target.unlink()
    except OSError as exc:
        raise StorageError(
            _("{target} could not be removed ({value}).").format(
                target=target, value=exc.strerror or exc
            )
        ) from exc
