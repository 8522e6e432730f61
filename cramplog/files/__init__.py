"""The one way cramplog writes a file: looked at first, then atomic and owner-only.

Every file cramplog writes (PDF, CSV, JSON, backups, restored diaries, drafts) goes through
`write_all` or `replacing`. The target is looked at before a byte is written:

- a folder, device node, FIFO or socket is refused with one line, so `-o /dev/null` never
  replaces the device with a regular file;
- a symbolic link is written *through*: its final target is replaced atomically and the
  link stays a link (what Qt's QSaveFile does), so a link into a synced folder keeps working;
- anything else is written to an owner-only temporary file beside the final target, synced,
  then renamed over it, so a crash leaves the old file or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO

from cramplog.core import wording
from cramplog.core.errors import CramplogError, StorageError
from cramplog.core.translation import N_, _
from cramplog.files.private import PRIVATE_FILE_MODE, create_private_file, fsync_dir

Fill = Callable[[IO[bytes]], None]
ErrorType = type[CramplogError]
NOTHING_WRITTEN = N_("Nothing was written.")

_ERRNO_NAMES = {
    errno.ENOSPC: "ENOSPC",
    errno.EDQUOT: "EDQUOT",
    errno.EACCES: "EACCES",
    errno.EPERM: "EPERM",
    errno.EROFS: "EROFS",
}


def storage_message(exc: OSError, target: Path, *, done: str = NOTHING_WRITTEN) -> str:
    """One line saying what the environment refused (disk full, permissions, read-only)."""
    done = (
        _(done) if done else done
    )  # marked N_() by whoever gave it ("" is the catalogue's header)
    name = _ERRNO_NAMES.get(exc.errno or 0, "")
    code = f" ({name})" if name else ""
    # A refusal on a folder itself (made private, or holding a lock file) names that folder.
    folder = target if _is_dir(target) else target.parent if str(target.parent) else Path(".")
    if exc.errno == errno.ENOTDIR and exc.filename:
        folder = _not_a_folder(Path(os.fsdecode(exc.filename))) or folder
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return _("The disk is full{code}, so {target} could not be written. {done}").format(
            code=code, target=target, done=done
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        return _("{folder} cannot be written to: permission denied{code}. {done}").format(
            folder=folder, code=code, done=done
        )
    if exc.errno == errno.EROFS:
        return _("{folder} is on a read-only disk{code}. {done}").format(
            folder=folder, code=code, done=done
        )
    if exc.errno == errno.ENAMETOOLONG:
        return _("The name {target} is too long for the disk. {done}").format(
            target=wording.shortened(str(target)), done=done
        )
    if exc.errno == errno.ENOENT and not _is_dir(folder):
        return _("The folder {folder} does not exist. {done}").format(folder=folder, done=done)
    if exc.errno == errno.ENOTDIR:
        return _("{folder} is not a folder. {done}").format(folder=folder, done=done)
    if exc.errno == errno.ELOOP:
        return _("{target} is a symbolic link that leads round in a loop. {done}").format(
            target=target, done=done
        )
    return _("{target} could not be written ({reason}). {done}").format(
        target=target, reason=exc.strerror or exc, done=done
    )


def _kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISFIFO(mode):
        return _("a pipe (FIFO)")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return _("not a regular file")


def kind_of(path: Path) -> str:
    """What is at `path`, in words: "a folder", "a device", "a pipe (FIFO)", "a file"..."""
    try:
        return _kind(os.stat(path).st_mode) or _("a file")
    except OSError:
        return _("not readable")


def final_target(target: Path, *, error: ErrorType = StorageError) -> Path:
    """The regular file a write to `target` replaces: `target`, or where its link leads.

    Raises `error` with one line for a folder, device, FIFO or socket (also behind a link),
    and for a link loop. A missing file is fine: it will be created.
    """
    target = target.expanduser()
    final = Path(os.path.realpath(target)) if target.is_symlink() else target
    try:
        info = os.stat(final)
    except FileNotFoundError:
        return final
    except OSError as exc:
        raise error(storage_message(exc, target)) from exc
    kind = _kind(info.st_mode)
    if kind is None:
        return final
    via = _(" (the link leads to {final})").format(final=final) if final != target else ""
    advice = (
        _("give a file name")
        if stat.S_ISDIR(info.st_mode)
        else _("give the name of a regular file")
    )
    raise error(
        _("{target} is {kind}{via}, not a file; {advice}. Nothing was written.").format(
            target=target, kind=kind, via=via, advice=advice
        )
    )


def _partial_beside(final: Path) -> Path:
    return final.with_name(f".{final.name}.{os.urandom(4).hex()}.partial")


def _sync(path: Path) -> None:
    with path.open("rb+") as f:
        os.fsync(f.fileno())


@contextlib.contextmanager
def replacing(
    target: Path, *, error: ErrorType = StorageError, done: str = NOTHING_WRITTEN
) -> Iterator[Path]:
    """An empty owner-only file to fill; on a clean exit it is synced and renamed over `target`.

    For content another library writes by path (SQLite's backup API). On any failure the
    temporary file is removed and `target` is left as it was; an OSError becomes `error`.
    """
    final = final_target(target, error=error)
    partial = _partial_beside(final)
    try:
        create_private_file(partial)
        yield partial
        _sync(partial)
        os.replace(partial, final)
    except OSError as exc:
        _remove(partial)
        raise error(storage_message(exc, target, done=done)) from exc
    except BaseException:
        _remove(partial)
        raise
    fsync_dir(final.parent)


def write_all(
    files: Sequence[tuple[Path, Fill]],
    *,
    error: ErrorType = StorageError,
    done: str = NOTHING_WRITTEN,
) -> None:
    """Write each (target, fill) pair: every file complete and synced before any is renamed.

    `fill` writes the content to a binary stream. Every target is looked at first
    (`final_target`); on any failure every temporary file is removed and the targets are
    left as they were; an OSError becomes `error` with one line naming its cause.
    """
    finals = [(target, final_target(target, error=error)) for target, _fill in files]
    partials: list[Path] = []
    current = files[0][0] if files else Path()
    try:
        for (target, fill), (_target, final) in zip(files, finals, strict=True):
            current = target
            partial = _partial_beside(final)
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
            partials.append(partial)
            os.chmod(partial, PRIVATE_FILE_MODE)  # exactly 0600, whatever the umask
            with os.fdopen(fd, "wb") as stream:
                fill(stream)
                stream.flush()
                os.fsync(stream.fileno())
        for partial, (target, final) in zip(partials, finals, strict=True):
            current = target
            os.replace(partial, final)
    except OSError as exc:
        for partial in partials:
            _remove(partial)
        raise error(storage_message(exc, current, done=done)) from exc
    except BaseException:
        for partial in partials:
            _remove(partial)
        raise
    for directory in {final.parent for _target, final in finals}:
        fsync_dir(directory)


def write_bytes(
    target: Path, data: bytes, *, error: ErrorType = StorageError, done: str = NOTHING_WRITTEN
) -> None:
    """Replace `target` with `data`, as `write_all` does."""

    def fill(stream: IO[bytes]) -> None:
        stream.write(data)

    write_all([(target, fill)], error=error, done=done)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _not_a_folder(path: Path) -> Path | None:
    """The part of `path` that is there but is no folder ("notes.txt" of "notes.txt/x.pdf",
    or "notes.txt" itself given as a folder), if any."""
    for part in (path, *path.parents):
        if os.path.lexists(part):
            return None if _is_dir(part) else part
    return None


def _is_dir(path: Path) -> bool:
    """Whether `path` is a folder; False when asking fails too (a name too long for the
    disk raised again inside the handler of the first refusal)."""
    try:
        return path.is_dir()
    except OSError:
        return False
