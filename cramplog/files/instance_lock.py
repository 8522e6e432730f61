"""The one-instance lock file in the data directory, as the command line takes and reads it.

The app takes the same file with Qt's QLockFile (cramplog.ui.startup.app); this module writes and
reads the format QLockFile uses on Unix (process id, process name, host name, one per line),
so a command and the app each see the other's lock, and a lock left by a crash is recovered.

Why not QLockFile here too: only cramplog/ui may import Qt, and the commands run without it.
What this module needs of each platform is guarded and tested (tests/unit/test_portability.py):
whether a process is alive is asked the way QLockFile asks (signal 0 on POSIX, OpenProcess
on Windows), and permissions are set with os.chmod, which every platform has.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from cramplog.core.errors import DiaryLockedError, StorageError
from cramplog.core.translation import _
from cramplog.core.value_class import value_class
from cramplog.files.private import PRIVATE_FILE_MODE, ensure_private_dir

LOCK_FILENAME = "cramplog.lock"


def lock_path(data_dir: Path) -> Path:
    return data_dir / LOCK_FILENAME


@value_class
class LockHolder:
    pid: int
    process_name: str
    host: str


def _process_name(pid: int) -> str:
    """The executable's file name, as QLockFile records and compares it (Linux: /proc)."""
    try:
        return Path(os.readlink(f"/proc/{pid}/exe")).name
    except OSError:
        return ""


def read_holder(path: Path) -> LockHolder | None:
    """Who the lock file names, or None if there is none or it cannot be read."""
    try:
        lines = path.read_bytes()[:4096].decode("utf-8", "replace").splitlines()
    except OSError:
        return None
    if not lines or not lines[0].strip().isdigit():
        return None
    name = lines[1].strip() if len(lines) > 1 else ""
    host = lines[2].strip() if len(lines) > 2 else ""
    return LockHolder(int(lines[0]), name, host)


def host_name() -> str:
    """This computer's name, as `socket.gethostname()` gives it (without loading socket,
    a few ms of a command's start: on POSIX it is the node name uname() gives)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def is_alive(holder: LockHolder) -> bool:
    """Whether the process that wrote the lock still runs (QLockFile's own staleness rule)."""
    if holder.host and holder.host != host_name():
        # Another machine's lock (a shared folder): it cannot be checked, so it is respected.
        return True
    if not _process_exists(holder.pid):
        return False
    running = _process_name(holder.pid)
    # A reused process id belongs to another program: the lock is stale.
    return not (running and holder.process_name and running != holder.process_name)


def _process_exists(pid: int) -> bool:
    """Whether process `pid` is running, the way QLockFile asks each platform."""
    if sys.platform == "win32":
        return _windows_process_exists(pid)
    else:  # the POSIX-only branch, which test_portability looks for
        # Signal 0 checks existence on POSIX; on Windows os.kill(pid, 0) would instead send
        # CTRL_C_EVENT (which is 0) to the process, hence the branch.
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True  # it exists, under another user
        return True


def _windows_process_exists(pid: int) -> bool:
    """OpenProcess + GetExitCodeProcess, as qlockfile_win.cpp does (documented Win32 calls)."""
    import ctypes

    process_query_limited_information = 0x1000
    still_active = 259
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        # Access denied means it exists (another user's); anything else, it does not.
        return bool(ctypes.get_last_error() == 5)  # type: ignore[attr-defined,unused-ignore]
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True  # cannot tell: respect the lock
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


def held_by_other(data_dir: Path) -> LockHolder | None:
    """The live process holding the diary's lock, or None if it is free or stale."""
    holder = read_holder(lock_path(data_dir))
    if holder is None or holder.pid == os.getpid() or not is_alive(holder):
        return None
    return holder


def _locked_message(data_dir: Path, holder: LockHolder) -> str:
    return _(
        "The diary in {data_dir} is already open in cramplog (process {pid}). "
        "Close that window first; nothing was changed."
    ).format(data_dir=data_dir, pid=holder.pid)


@contextlib.contextmanager
def hold(data_dir: Path) -> Iterator[None]:
    """Hold the diary's lock for the duration of a command; DiaryLockedError if it is taken."""
    ensure_private_dir(data_dir)
    path = lock_path(data_dir)
    contents = f"{os.getpid()}\n{_process_name(os.getpid())}\n{host_name()}\n".encode()
    for _attempt in range(3):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
        except FileExistsError:
            holder = read_holder(path)
            if holder is not None and is_alive(holder):
                raise DiaryLockedError(_locked_message(data_dir, holder)) from None
            # Left by a crashed run (or unreadable): recover it, as QLockFile does.
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            continue
        except OSError as exc:
            raise StorageError(
                _("Could not lock the diary in {data_dir}: {value}.").format(
                    data_dir=data_dir, value=exc.strerror or exc
                )
            ) from exc
        try:
            os.write(fd, contents)
        finally:
            os.close(fd)
        # os.chmod, not os.fchmod: the latter is missing on Windows before Python 3.13.
        os.chmod(path, PRIVATE_FILE_MODE)
        break
    else:
        raise DiaryLockedError(
            _("The diary in {data_dir} is locked; nothing was changed.").format(data_dir=data_dir)
        )
    try:
        yield
    finally:
        holder = read_holder(path)
        if holder is not None and holder.pid == os.getpid():
            with contextlib.suppress(OSError):
                path.unlink()


def ensure_data_dir(data_dir: Path) -> Path:
    """Create the data directory if needed, owner-only (0700); where the lock and diary live."""
    return ensure_private_dir(data_dir)
