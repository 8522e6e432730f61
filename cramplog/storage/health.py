"""Read-only probes of SQLite files: header facts, integrity checks, counts and a content hash."""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from cramplog.core.translation import _
from cramplog.core.value_class import value_class
from cramplog.files.private import fsync_dir as fsync_dir  # kept here for its callers

T = TypeVar("T")

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")


@value_class
class Header:
    """What the first 100 bytes of a file say, read without opening it as a database."""

    is_sqlite: bool
    all_zero: bool
    page_size: int
    page_count: int | None  # None when the header's own page count is not to be trusted
    application_id: int
    file_size: int
    leading_bytes: bytes

    @property
    def expected_size(self) -> int | None:
        return None if self.page_count is None else self.page_size * self.page_count


def companion(path: Path, suffix: str) -> Path:
    """The `-wal`, `-shm` or `-journal` file SQLite keeps beside `path`."""
    return path.with_name(path.name + suffix)


def read_header(path: Path) -> Header:
    """The header facts of `path`; raises OSError if it cannot be read."""
    with path.open("rb") as f:
        head = f.read(HEADER_SIZE)
        size = os.fstat(f.fileno()).st_size
    is_sqlite = len(head) == HEADER_SIZE and head.startswith(SQLITE_MAGIC)
    page_size = 0
    page_count: int | None = None
    app_id = 0
    if is_sqlite:
        raw_size = int.from_bytes(head[16:18], "big")
        page_size = 65536 if raw_size == 1 else raw_size
        change_counter = int.from_bytes(head[24:28], "big")
        valid_for = int.from_bytes(head[92:96], "big")
        in_header = int.from_bytes(head[28:32], "big")
        # SQLite trusts the in-header page count only when it was written by a version that
        # kept it up to date, which the matching "version-valid-for" number says.
        if in_header > 0 and valid_for == change_counter:
            page_count = in_header
        app_id = int.from_bytes(head[68:72], "big")
    return Header(
        is_sqlite=is_sqlite,
        all_zero=len(head) > 0 and not any(head),
        page_size=page_size,
        page_count=page_count,
        application_id=app_id,
        file_size=size,
        leading_bytes=head[:16],
    )


def live_companion(path: Path, suffix: str) -> Path:
    """The companion SQLite is using for the diary at `path`: beside a symlink's target."""
    return companion(_target(path), suffix)


def has_leftover_wal(path: Path) -> bool:
    """Whether a non-empty write-ahead log lies beside `path` (what a crash leaves)."""
    try:
        return live_companion(path, "-wal").stat().st_size > 0
    except OSError:
        return False


@contextlib.contextmanager
def read_only(path: Path, *, immutable: bool = False) -> Iterator[sqlite3.Connection]:
    """A read-only connection to `path`; it never writes to the file.

    A read-only reader of a WAL database still creates the `-wal` and `-shm` companions if
    they are missing; an empty pair it created is removed again when it closes, so probing a
    damaged file leaves the folder as it was. `immutable` (for backups, which are never
    written) skips locking and companions altogether.
    """
    target = _target(path)
    existed = any(companion(target, suffix).exists() for suffix in ("-wal", "-shm"))
    uri = f"file:{_uri_path(path)}?mode=ro" + ("&immutable=1" if immutable else "")
    conn = sqlite3.connect(uri, uri=True)
    try:
        if not immutable:
            conn = _in_any_folder(conn, uri, target)
        yield conn
    finally:
        conn.close()
        if not existed:
            _remove_empty_companions(target)


SQLITE_READONLY_DIRECTORY = 1544


def _in_any_folder(conn: sqlite3.Connection, uri: str, target: Path) -> sqlite3.Connection:
    """`conn`, or, for a diary in a folder this process cannot write, an immutable reader.

    SQLite reads a WAL diary through a `-shm` file it creates beside it, so in a folder it
    may not write (another user's, a read-only disk) even a read is refused
    (SQLITE_READONLY_DIRECTORY). With no log left to read (a diary closed cleanly leaves
    none), the file alone is the whole diary, and SQLite reads it as unchanging. Only
    someone who may write in that folder could change it while it is read; what is read
    could then be off, the file never.
    """
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorcode", None) != SQLITE_READONLY_DIRECTORY:
            raise
        if has_leftover_wal(target):
            raise  # the newest changes are in the log: the file alone would hide them
        conn.close()
        return sqlite3.connect(uri + "&immutable=1", uri=True)
    return conn


def _target(path: Path) -> Path:
    """The file SQLite opens for `path`: a symlink's target, whose folder holds the companions.

    The app opens a symlinked diary as it is (SQLite follows the link and keeps `-wal` and
    `-shm` beside the target), so the probes here look where SQLite writes.
    """
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _remove_empty_companions(path: Path) -> None:
    """Remove the `-wal`/`-shm` pair a read-only reader created, if the log is still empty.

    Only called when neither existed before; the instance lock keeps another cramplog from
    opening the diary in between.
    """
    wal, shm = companion(path, "-wal"), companion(path, "-shm")
    try:
        if wal.exists() and wal.stat().st_size > 0:
            return
        for leftover in (wal, shm):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    except OSError:
        return


def _uri_path(path: Path) -> str:
    # '?' and '#' would end the path part of an SQLite URI.
    return str(path).replace("%", "%25").replace("?", "%3f").replace("#", "%23")


def table_names(conn: sqlite3.Connection) -> list[str]:
    return [
        str(name)
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]


def schema_revision(conn: sqlite3.Connection) -> str | None:
    """The Alembic revision stamped in the database, or None if it has none."""
    if "alembic_version" not in table_names(conn):
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


def problems(conn: sqlite3.Connection, *, full: bool) -> list[str]:
    """What `quick_check` (or the full `integrity_check` and foreign keys) report; [] if healthy."""
    found = [
        str(row[0])
        for row in conn.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check")
        if row[0] != "ok"
    ]
    if full:
        found += [
            _("broken reference in {table} row {rowid}").format(table=row[0], rowid=row[1])
            for row in conn.execute("PRAGMA foreign_key_check")
        ]
    return found


@value_class
class Contents:
    """How much a diary file holds, as shown beside a backup."""

    episodes: int
    nights: int
    revision: str | None


def contents(conn: sqlite3.Connection) -> Contents:
    episodes = conn.execute("SELECT count(*) FROM episodes").fetchone()[0]
    nights = conn.execute("SELECT count(*) FROM diary_days").fetchone()[0]
    return Contents(int(episodes), int(nights), schema_revision(conn))


def row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """How many rows each table holds: different counts, different diary contents."""
    return {
        name: int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
        for name in table_names(conn)
    }


def _stored_columns(conn: sqlite3.Connection, table: str) -> str:
    """The columns of `table` that hold what was written, quoted for a SELECT: not the
    generated ones (`episode_figures`), which follow from them and would only be computed."""
    # table_xinfo's "hidden" is 0 for an ordinary column, 2 or 3 for a generated one.
    names = [row[1] for row in conn.execute(f'PRAGMA table_xinfo("{table}")') if row[6] == 0]
    return ", ".join(f'"{name}"' for name in names)


# Rows hashed per step. repr() of a chunk holds Python's lock throughout, and an automatic
# backup hashes on a worker thread while the window runs: a thousand rows is a few ms.
_FINGERPRINT_CHUNK = 1000


def fingerprint(conn: sqlite3.Connection) -> str:
    """A hash of every row of every table: equal hashes mean equal diary contents."""
    import hashlib  # here: OpenSSL's load (~2 ms) is for backups, not for every read

    digest = hashlib.sha256()
    for name in table_names(conn):
        digest.update(f"\x00table {name}\x00".encode())
        cursor = conn.execute(f'SELECT {_stored_columns(conn, name)} FROM "{name}" ORDER BY rowid')
        while rows := cursor.fetchmany(_FINGERPRINT_CHUNK):
            digest.update(repr(rows).encode())
    return digest.hexdigest()


@functools.lru_cache(maxsize=64)
def _file_fingerprint(path: str, _size: int, _mtime_ns: int) -> str:
    with read_only(Path(path), immutable=True) as conn:
        return fingerprint(conn)


def file_fingerprint(path: Path) -> str:
    """The content hash of a file that is never written again (a backup), cached per version."""
    stat = path.stat()
    return _file_fingerprint(str(path), stat.st_size, stat.st_mtime_ns)


class ProbeFailed(Exception):
    """SQLite could not read the file; `damaged` tells damage from an environment problem."""

    def __init__(self, message: str, *, damaged: bool) -> None:
        super().__init__(message)
        self.damaged = damaged


@value_class
class Probe:
    """What a read-only look inside a diary file found."""

    revision: str | None
    has_tables: bool
    problems: tuple[str, ...]


def probe(path: Path, *, full: bool, revisions: tuple[str, ...], check_pages: bool = True) -> Probe:
    """Read the schema revision and run the integrity check, without writing to `path`.

    The check is skipped for a revision not in `revisions` (a newer diary is not ours to
    judge), and when `check_pages` is False (a reader that reports damage as it meets it).
    """
    try:
        with read_only(path) as conn:
            revision = schema_revision(conn)
            has_tables = bool(table_names(conn))
            found = (
                problems(conn, full=full)
                if check_pages and revision is not None and revision in revisions
                else []
            )
            return Probe(revision, has_tables, tuple(found))
    except sqlite3.Error as exc:
        raise _probe_errors(exc) from exc


# SQLite's primary result codes that mean the file's bytes are wrong. Every other error
# (SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_PERM, SQLITE_BUSY...)
# is the environment's: a full disk or a permission is never called damage.
_DAMAGE_CODES = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB


def is_damage(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:  # no code: only the driver's own "not a database" kinds are damage
        return type(exc) is sqlite3.DatabaseError
    return code & 0xFF in _DAMAGE_CODES


def damage_behind(exc: BaseException) -> bool:
    """Whether `exc` was raised for an SQLite error that means damage (`is_damage`), as the
    plain readers' StorageError is (`plain_diary.read_failure`)."""
    cause = exc.__cause__
    return isinstance(cause, sqlite3.Error) and is_damage(cause)


def _probe_errors(exc: sqlite3.Error) -> ProbeFailed:
    return ProbeFailed(str(exc), damaged=is_damage(exc))


def describe_copy(path: Path) -> Contents:
    """Quick-check a backup copy (never written again) and count what it holds.

    Raises ProbeFailed (damaged=True) for a copy that fails the check.
    """
    try:
        with read_only(path, immutable=True) as conn:
            found = problems(conn, full=False)
            if found:
                raise ProbeFailed(found[0], damaged=True)
            return contents(conn)
    except sqlite3.Error as exc:
        raise _probe_errors(exc) from exc


def _probed(path: Path, read: Callable[[sqlite3.Connection], T], *, copy: bool = False) -> T:
    """`read` on a read-only connection to `path`: a diary that may be open elsewhere (read
    through its WAL), or a backup `copy` (never written again); ProbeFailed if SQLite fails."""
    try:
        with read_only(path, immutable=copy) as conn:
            return read(conn)
    except sqlite3.Error as exc:
        raise _probe_errors(exc) from exc


def live_fingerprint(path: Path) -> str:
    """The content hash of a diary that may be open elsewhere (read through its WAL)."""
    return _probed(path, fingerprint)


def live_row_counts(path: Path) -> dict[str, int]:
    """`row_counts` of a diary that may be open elsewhere."""
    return _probed(path, row_counts)


def copy_row_counts(path: Path) -> dict[str, int]:
    """`row_counts` of a backup copy; raises ProbeFailed if it cannot be read."""
    return _probed(path, row_counts, copy=True)


def copy_fingerprint(path: Path) -> str:
    """The content hash of a backup copy; raises ProbeFailed if it cannot be read."""
    try:
        return file_fingerprint(path)
    except sqlite3.Error as exc:
        raise _probe_errors(exc) from exc
