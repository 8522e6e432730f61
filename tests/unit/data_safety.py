"""Shared steps for the data-safety tests: entries to log, damage to do, permissions to check."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from cramplog.core.records import EpisodeInput, ReliefRating, Side
from cramplog.diary.service import Diary
from tests.conftest import LONDON, NOW


def log_cramp(diary: Diary, n: int = 0, *, notes: str = "") -> str:
    """Log a calf cramp n hours before NOW, with a trigger and a relief; return its uuid."""
    saved = diary.add_episode(
        EpisodeInput(
            start=NOW.astimezone(LONDON) - timedelta(hours=2 + n),
            muscle="muscle.calf",
            side=Side.LEFT,
            duration_s=60 + n,
            intensity=n % 11,
            triggers=("trigger.dehydration",),
            reliefs=(("relief.stretch", ReliefRating.HELPED),),
            notes=notes or f"cramp {n}",
        )
    )
    return saved.uuid


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def loose_permissions(root: Path) -> list[str]:
    """Every file under `root` not 0600 and every folder not 0700."""
    found = []
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        wanted = 0o700 if path.is_dir() else 0o600
        if mode(path) != wanted:
            found.append(f"{path.relative_to(root.parent)}: {oct(mode(path))}")
    return found


@pytest.fixture
def umask_zero() -> Iterator[None]:
    """Run a test with the most permissive umask there is: owner-only must still hold."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


# -- damage ---------------------------------------------------------------------------------


def page_size(path: Path) -> int:
    raw = int.from_bytes(path.read_bytes()[16:18], "big")
    return 65536 if raw == 1 else raw


def flip_bytes(path: Path) -> None:
    """Invert the b-tree headers of pages 2..4, as a bad sector or a stray write would."""
    data = bytearray(path.read_bytes())
    size = page_size(path)
    for page in (1, 2, 3):
        start = page * size
        for i in range(start, min(start + 48, len(data))):
            data[i] ^= 0xFF
    path.write_bytes(bytes(data))


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def empty(path: Path) -> None:
    """What a crash on some file systems leaves: the name, and not one byte."""
    path.write_bytes(b"")


def zero_header(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(bytes(100) + data[100:])


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00"
    b"\x00IEND\xaeB`\x82"
)


def make_png(path: Path) -> None:
    path.write_bytes(PNG)


def make_foreign_sqlite(path: Path) -> None:
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT, minutes INTEGER)")
    conn.execute("INSERT INTO recipes VALUES ('soup', 30)")
    conn.commit()
    conn.close()


DAMAGES = {
    "flipped bytes": flip_bytes,
    "truncated": truncate,
    "emptied (0 bytes)": empty,
    "zeroed header": zero_header,
    "a PNG": make_png,
    "a foreign SQLite file": make_foreign_sqlite,
}


# SQLite's refusal to read a WAL diary in a folder it may not write (it needs its -shm there).
SQLITE_READONLY_DIRECTORY = 1544


@contextlib.contextmanager
def unwritable(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """`folder` made one this process cannot write, as another user's folder is.

    For real where permissions bind (chmod 0555, undone at the end); under root, which they
    do not bind, the two refusals the code meets are made as the system makes them:
    `os.access` says no, and SQLite refuses a reader that could not make its -shm there
    (SQLITE_READONLY_DIRECTORY) unless it reads the file as immutable.
    """
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):  # root
            _refuse_as_the_system_would(folder, monkeypatch)
        yield
    finally:
        folder.chmod(0o755)


def _refuse_as_the_system_would(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_access = os.access

    def access(path: object, mode: int, **kwargs: bool) -> bool:
        if Path(str(path)) == folder and mode & os.W_OK:
            return False
        return real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    real_connect = sqlite3.connect

    def connect(database: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        if str(database).startswith(f"file:{folder}/") and "immutable=1" not in str(database):
            kwargs["factory"] = _RefusedInTheFolder
        return real_connect(database, *args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(sqlite3, "connect", connect)


class _RefusedInTheFolder(sqlite3.Connection):
    """A connection SQLite would refuse every statement: WAL with no -shm to be made."""

    def execute(self, *_args: object, **_kwargs: object) -> sqlite3.Cursor:
        refusal = sqlite3.OperationalError("attempt to write a readonly database")
        refusal.sqlite_errorcode = SQLITE_READONLY_DIRECTORY
        raise refusal
