"""The one file writer: looks at the target first, writes through links, never half a file."""

from __future__ import annotations

import contextlib
import os
import socket
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from cramplog import files
from cramplog.core.errors import ExportError, StorageError


@contextlib.contextmanager
def listening_socket(path: Path) -> Iterator[None]:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        yield
    finally:
        server.close()


def test_a_new_file_is_written_whole_and_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    files.write_bytes(target, b'{"ok": true}')
    assert target.read_bytes() == b'{"ok": true}'
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]


def test_a_fifo_is_refused_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ExportError, match=r"pipe \(FIFO\), not a file.*Nothing was written"):
        files.write_bytes(fifo, b"data", error=ExportError)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


def test_a_socket_is_refused_and_stays_a_socket(tmp_path: Path) -> None:
    path = tmp_path / "s"
    with listening_socket(path):
        with pytest.raises(StorageError, match="is a socket, not a file"):
            files.write_bytes(path, b"data")
        assert stat.S_ISSOCK(os.lstat(path).st_mode)


def test_a_device_is_refused_before_anything_is_written() -> None:
    # Only looked at, never written: a regression here must not cost the machine /dev/null.
    with pytest.raises(StorageError, match="/dev/null is a device, not a file"):
        files.final_target(Path(os.devnull))


def test_a_device_node_given_as_target_is_kept(tmp_path: Path) -> None:
    # A copy of /dev/null's node in a temporary folder, so the real one is never at stake.
    node = tmp_path / "null"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        node = Path(os.devnull)  # not root: fall back to the real node, only ever looked at
    with pytest.raises(StorageError, match="is a device, not a file"):
        files.write_bytes(node, b"data")
    assert stat.S_ISCHR(os.lstat(node).st_mode)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="is a folder, not a file; give a file name"):
        files.write_bytes(tmp_path, b"data")


def test_a_link_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to("real.json")
    files.write_bytes(link, b"new")
    assert link.is_symlink() and os.readlink(link) == "real.json"
    assert real.read_bytes() == b"new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "real.json"]


def test_a_dangling_link_gets_its_target_created(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "elsewhere" / "new.json")
    files.write_bytes(link, b"made")
    assert link.is_symlink()
    assert (tmp_path / "elsewhere" / "new.json").read_bytes() == b"made"


def test_a_link_to_a_fifo_is_refused_and_both_are_kept(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "out.json"
    link.symlink_to(fifo)
    with pytest.raises(StorageError, match=r"the link leads to .*pipe\), not a file"):
        files.write_bytes(link, b"data")
    assert link.is_symlink() and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_link_loop_is_one_line(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to("loop")
    with pytest.raises(StorageError) as refused:
        files.write_bytes(loop, b"data")
    assert "\n" not in str(refused.value) and "Nothing was written" in str(refused.value)
    assert loop.is_symlink()


def test_a_failure_half_way_leaves_every_target_as_it_was(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_bytes(b"old a")

    def fine(stream: IO[bytes]) -> None:
        stream.write(b"new a")

    def full(stream: IO[bytes]) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(StorageError, match=r"disk is full \(ENOSPC\).*Nothing was written"):
        files.write_all([(first, fine), (second, full)])
    assert first.read_bytes() == b"old a" and not second.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["a.csv"]


def test_a_backup_copy_written_by_path_is_renamed_in_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite3"
    with pytest.raises(RuntimeError), files.replacing(target) as partial:
        partial.write_bytes(b"half")
        raise RuntimeError("the copy failed its check")
    assert list(tmp_path.iterdir()) == []
    with files.replacing(target) as partial:
        partial.write_bytes(b"whole")
    assert target.read_bytes() == b"whole"


def test_a_refusal_names_the_folder_refused_not_the_one_above_it(tmp_path: Path) -> None:
    """A folder that cannot be made private or locked is itself the folder named; for a
    file, it is the folder the file was to go in."""
    folder = tmp_path / "diary"
    folder.mkdir()
    denied = PermissionError(1, "Operation not permitted", str(folder))
    assert files.storage_message(denied, folder).startswith(f"{folder} cannot be written to:")
    on_file = PermissionError(13, "Permission denied", str(folder / "diary.sqlite3"))
    assert files.storage_message(on_file, folder / "diary.sqlite3").startswith(
        f"{folder} cannot be written to:"
    )
    read_only = OSError(30, "Read-only file system", str(folder))
    assert files.storage_message(read_only, folder).startswith(f"{folder} is on a read-only disk")
