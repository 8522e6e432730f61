"""Write export files atomically and owner-only, and never over the diary or its journals."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from cramplog.db import health, layout
from cramplog.db.files import PRIVATE_FILE_MODE
from cramplog.errors import ExportError, ForbiddenTargetError

Writer = Callable[[IO[str]], None]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_target(diary_path: Path, target: Path) -> None:
    """Refuse a target that is the diary, one of its journal files, or the backups folder."""
    forbidden = [diary_path] + [health.companion(diary_path, s) for s in health.COMPANION_SUFFIXES]
    resolved = target.expanduser().resolve()
    for path in forbidden:
        if resolved == path.resolve() or _same_file(resolved, path):
            raise ForbiddenTargetError(
                f"{target} is the diary file itself (or one of its journal files); "
                "choose another name. Nothing was written."
            )
    backups = layout.backup_dir(diary_path.parent).resolve()
    if resolved.parent == backups:
        raise ForbiddenTargetError(
            f"{target} is inside the backups folder; choose another folder. Nothing was written."
        )


def _describe(exc: OSError, target: Path) -> str:
    if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
        return f"The disk is full, so {target.name} could not be written. Nothing was written."
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"{target.parent} cannot be written to (permission denied). Nothing was written."
    if exc.errno == errno.EROFS:
        return f"{target.parent} is on a read-only disk. Nothing was written."
    if exc.errno == errno.ENOENT:
        return f"The folder {target.parent} does not exist. Nothing was written."
    if exc.errno == errno.EISDIR:
        return f"{target} is a folder; give a file name. Nothing was written."
    if exc.errno == errno.ENOTDIR:
        return f"{target.parent} is not a folder. Nothing was written."
    return f"{target} could not be written ({exc.strerror or exc}). Nothing was written."


def _open_partial(target: Path) -> tuple[Path, IO[str]]:
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    try:
        os.fchmod(fd, PRIVATE_FILE_MODE)
        # newline="" so the csv module's own line endings pass through unchanged.
        stream = os.fdopen(
            fd, "w", encoding="utf-8-sig" if target.suffix == ".csv" else "utf-8", newline=""
        )
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return partial, stream


def write_files(diary_path: Path, files: Sequence[tuple[Path, Writer]]) -> list[Path]:
    """Write each (target, writer) pair: every file complete and synced before any is renamed.

    CSV targets are written as UTF-8 with a byte-order mark, others as plain UTF-8. Each
    target is refused first if it is the diary or a journal file. On any failure every
    temporary file is removed and the targets are left as they were.
    """
    for target, _writer in files:
        check_target(diary_path, target)
        if target.is_dir():
            raise ExportError(f"{target} is a folder; give a file name. Nothing was written.")
    partials: list[tuple[Path, Path]] = []
    current = files[0][0] if files else Path()
    try:
        for target, writer in files:
            current = target
            partial, stream = _open_partial(target)
            partials.append((partial, target))
            with stream:
                writer(stream)
                stream.flush()
                os.fsync(stream.fileno())
        for partial, target in partials:
            current = target
            os.replace(partial, target)
    except OSError as exc:
        for partial, _target in partials:
            with contextlib.suppress(OSError):
                partial.unlink()
        raise ExportError(_describe(exc, current)) from exc
    except BaseException:
        for partial, _target in partials:
            with contextlib.suppress(OSError):
                partial.unlink()
        raise
    for directory in {target.parent for target, _writer in files}:
        health.fsync_dir(directory)
    return [target for target, _writer in files]
