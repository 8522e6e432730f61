"""Owner-only files and directories, whatever the process umask, and durable renames."""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and any missing parents, owner-only too) and make it owner-only.

    Parents that already exist are left as they are; only folders made here are set 0700,
    whatever the umask (mkdir's mode is filtered by it).
    """
    # lexists: a dangling symbolic link is not a missing folder to make (mkdir would make
    # its target's folders elsewhere, or fail half-way).
    missing = [p for p in (path, *path.parents) if not os.path.lexists(p)]
    for folder in reversed(missing):
        folder.mkdir(mode=PRIVATE_DIR_MODE, exist_ok=True)
        os.chmod(folder, PRIVATE_DIR_MODE)
    if not path.is_dir():
        # A file, a device or a dangling link given as the folder: refused before the chmod
        # below, which would otherwise make it owner-only (as root, /dev/null too).
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path))
    os.chmod(path, PRIVATE_DIR_MODE)
    return path


def create_private_file(path: Path) -> None:
    """Create an empty owner-only file; fails if it already exists."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    os.close(fd)
    os.chmod(path, PRIVATE_FILE_MODE)


def make_private(path: Path) -> None:
    """Set owner-only permissions on an existing file, if it exists."""
    if path.exists():
        os.chmod(path, PRIVATE_FILE_MODE)


def fsync_dir(directory: Path) -> None:
    """Make a rename or unlink in `directory` durable (a no-op where directories cannot sync)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
