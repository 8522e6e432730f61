"""Judge the diary file before it is opened, and set a damaged one aside without touching it."""

from __future__ import annotations

import enum
import errno
import os
import stat
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from cramplog.core.errors import (
    DamagedDiaryError,
    DiaryOpenError,
    NewerDiaryError,
    ReadOnlyDiaryError,
    StorageError,
)
from cramplog.core.translation import N_, _
from cramplog.core.value_class import value_class
from cramplog.core.wording import count, number
from cramplog.files.private import ensure_private_dir
from cramplog.storage import health, layout

if TYPE_CHECKING:
    from cramplog.diary.service import Diary


class Condition(enum.StrEnum):
    """What examining the diary file found."""

    HEALTHY = "healthy"
    MISSING = "missing"  # no diary yet: a new one will be created
    UNFINISHED = "unfinished"  # a crash while creating a new diary left an empty shell
    DAMAGED = "damaged"
    TRUNCATED = "truncated"
    NOT_A_DATABASE = "not_a_database"  # a picture, a document, random bytes
    FOREIGN = "foreign"  # another program's SQLite database
    NEWER = "newer"  # written by a newer cramplog
    UNREADABLE = "unreadable"  # permissions or an I/O error


# The conditions a person can get out of by restoring a backup or starting a new diary.
RECOVERABLE = frozenset(
    {Condition.DAMAGED, Condition.TRUNCATED, Condition.NOT_A_DATABASE, Condition.FOREIGN}
)


@value_class
class Verdict:
    """The judgement on one diary file, with a sentence a person can read."""

    condition: Condition
    path: Path
    message: str
    full_check: bool = False

    @property
    def usable(self) -> bool:
        return self.condition in (Condition.HEALTHY, Condition.MISSING)

    @property
    def recoverable(self) -> bool:
        return self.condition in RECOVERABLE


_KNOWN_FORMATS = (
    (b"\x89PNG", N_("a PNG picture")),
    (b"\xff\xd8\xff", N_("a JPEG picture")),
    (b"%PDF", N_("a PDF document")),
    (b"PK\x03\x04", N_("a ZIP archive (or an office document)")),
    (b"GIF8", N_("a GIF picture")),
)


def _what_it_is(header: health.Header) -> str:
    for magic, name in _KNOWN_FORMATS:
        if header.leading_bytes.startswith(magic):
            return _(name)
    return _("not an SQLite database")


# Over 60 lines because it is one decision ladder: each rung a condition and its message.
def examine(data_dir: Path, *, check_pages: bool = True) -> Verdict:
    """Judge the diary in `data_dir` without ever writing to it.

    `quick_check` normally; the full `integrity_check` when a crash left a non-empty
    write-ahead log, since that is when a half-finished write would show. Without
    `check_pages`, neither: only the header and the schema stamp are judged, for a
    command that only reads and reports damage as its reads meet it (`commands.figures_of`).
    A verdict of HEALTHY then means "not known to be damaged" and says so.
    """
    path = layout.diary_path(data_dir)

    def verdict(condition: Condition, message: str, *, full: bool = False) -> Verdict:
        return Verdict(condition, path, message, full)

    try:
        if not path.exists():
            return verdict(
                Condition.MISSING,
                _("There is no diary in {data_dir} yet.").format(data_dir=data_dir),
            )
        if not stat.S_ISREG(path.stat().st_mode) and not path.is_dir():
            # A pipe would hold every command waiting for a writer, a device feed it endless
            # bytes: neither is opened. (A folder's own refusal, below, names it as one.)
            return verdict(
                Condition.UNREADABLE,
                _(
                    "{path} is not a file but a pipe or a device, so it was not opened; "
                    "move it aside to start a new diary here."
                ).format(path=path),
            )
        header = health.read_header(path)
    except OSError as exc:
        return verdict(
            Condition.UNREADABLE,
            _("{path} could not be read: {reason}.").format(path=path, reason=exc.strerror or exc),
        )
    if header.file_size == 0:
        # cramplog builds a new diary under another name and renames it in whole, so an
        # empty diary.sqlite3 is what a crash left of a used one: damage, like any other.
        return verdict(
            Condition.TRUNCATED,
            _("{path} is empty (0 bytes), as a crash can leave a file.").format(path=path),
        )
    if not header.is_sqlite:
        if header.all_zero:
            return verdict(
                Condition.DAMAGED,
                _("{path} is damaged: the start of the file has been wiped.").format(path=path),
            )
        return verdict(
            Condition.NOT_A_DATABASE,
            _("{path} is not a cramplog diary: it is {what}.").format(
                path=path, what=_what_it_is(header)
            ),
        )
    if header.application_id != layout.APPLICATION_ID:
        return verdict(
            Condition.FOREIGN,
            _("{path} is not a cramplog diary: it is another program's database.").format(
                path=path
            ),
        )
    full = health.has_leftover_wal(path)
    expected = header.expected_size
    if not full and expected is not None and header.file_size < expected:
        return verdict(
            Condition.TRUNCATED,
            _("{path} is truncated: it holds {file_size} of its {expected} bytes.").format(
                path=path, file_size=number(header.file_size), expected=number(expected)
            ),
        )
    try:
        inside = health.probe(path, full=full, revisions=layout.REVISIONS, check_pages=check_pages)
    except health.ProbeFailed as exc:
        if exc.damaged:
            return verdict(
                Condition.DAMAGED,
                _("{path} is damaged ({reason}).").format(path=path, reason=exc),
                full=full,
            )
        return verdict(Condition.UNREADABLE, _unreadable(path, str(exc)), full=full)
    if inside.revision is None:
        if not inside.has_tables:
            return verdict(
                Condition.UNFINISHED,
                _("{path} is an unfinished new diary, never used.").format(path=path),
            )
        return verdict(
            Condition.DAMAGED,
            _("{path} is damaged: its version stamp is missing.").format(path=path),
        )
    if inside.revision not in layout.REVISIONS:
        return verdict(
            Condition.NEWER,
            _(
                "{path} was written by a newer version of cramplog (schema {revision}); "
                "update cramplog to open it. The file was not changed."
            ).format(path=path, revision=inside.revision),
        )
    found = inside.problems
    if found:
        more = (
            _(" and {more_problems}").format(
                more_problems=count(len(found) - 1, "{n} more problem", "{n} more problems")
            )
            if len(found) > 1
            else ""
        )
        return verdict(
            Condition.DAMAGED,
            _("{path} is damaged: {problem}{more}.").format(
                path=path, problem=found[0].splitlines()[-1].strip(), more=more
            ),
            full=full,
        )
    if not check_pages:
        # No check ran, so no check is said to have passed (nobody is shown this one).
        return verdict(Condition.HEALTHY, str(path))
    passed = (
        _("{path} passed the full integrity check.")
        if full
        else _("{path} passed the quick check.")
    )
    return verdict(Condition.HEALTHY, passed.format(path=path), full=full)


def _unreadable(path: Path, error: str) -> str:
    """Why a healthy-looking diary could not be read: the disk, not the diary."""
    import shutil

    try:
        full = shutil.disk_usage(path.parent).free == 0
    except OSError:
        full = False
    if full:
        return _(
            "{path} could not be read because the disk holding it is full (ENOSPC); "
            "free some space and try again. The diary is not damaged; nothing was "
            "changed."
        ).format(path=path)
    return _("{path} could not be read ({error}); the diary was not changed.").format(
        path=path, error=error
    )


def _stamp(now: datetime | None) -> str:
    return (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")


def keep_damaged(data_dir: Path, *, now: datetime | None = None) -> Path:
    """Rename the diary (and its journal files) aside, byte for byte; return its new path.

    A rename within the folder never rewrites a byte, so the kept file is exactly what was
    found, for a later rescue attempt. Its `-wal` travels with it under the matching name.
    """
    path = layout.diary_path(data_dir)
    base = f"diary-damaged-{_stamp(now)}"
    kept = data_dir / f"{base}.sqlite3"
    counter = 1
    while kept.exists():
        counter += 1
        kept = data_dir / f"{base}-{counter}.sqlite3"
    try:
        if path.exists():
            os.rename(path, kept)
        for suffix in health.COMPANION_SUFFIXES:
            leftover = health.companion(path, suffix)
            if leftover.exists():
                os.rename(leftover, health.companion(kept, suffix))
    except OSError as exc:
        raise StorageError(
            _("Could not set the damaged diary aside as {name}: {reason}.").format(
                name=kept.name, reason=exc.strerror or exc
            )
        ) from exc
    health.fsync_dir(data_dir)
    return kept


def _set_aside_orphans(data_dir: Path) -> None:
    """A `-wal` with no diary beside it would be replayed into a new diary; keep it apart."""
    path = layout.diary_path(data_dir)
    if path.exists() and path.stat().st_size > 0:
        return
    if any(health.companion(path, s).exists() for s in health.COMPANION_SUFFIXES):
        keep_damaged(data_dir)


def open_checked(
    data_dir: Path,
    *,
    clock: Callable[[], datetime] | None = None,
    verdict: Verdict | None = None,
) -> Diary:
    """Open the diary after examining it; a damaged file raises and is never written to.

    Raises DamagedDiaryError (restore a backup or start a new diary), NewerDiaryError,
    ReadOnlyDiaryError or DiaryOpenError, each with a message for the person.
    """
    ensure_private_dir(data_dir)
    verdict = verdict or examine(data_dir)
    if verdict.condition is Condition.NEWER:
        raise NewerDiaryError(verdict.message)
    if verdict.condition is Condition.UNREADABLE:
        raise DiaryOpenError(verdict.message)
    if verdict.condition is Condition.UNFINISHED:
        # Nothing was ever stored in it; keep it (a rename) and start afresh.
        keep_damaged(data_dir)
    elif verdict.condition is Condition.MISSING:
        _set_aside_orphans(data_dir)
    elif not verdict.usable:
        raise DamagedDiaryError(verdict.message, condition=verdict.condition.value)
    # Imported here: examining a diary (above) must not wait for SQLAlchemy to load.
    from cramplog.diary.service import Diary

    try:
        return Diary.open(data_dir, clock=clock)
    except OSError as exc:
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise ReadOnlyDiaryError(_read_only_message(data_dir)) from exc
        raise
    except StorageError as exc:
        if "read-only" in str(exc):
            raise ReadOnlyDiaryError(_read_only_message(data_dir)) from exc
        raise


def _read_only_message(data_dir: Path) -> str:
    return _(
        "The diary in {data_dir} is read-only, so cramplog cannot keep your "
        "entries in it. Make the folder and diary.sqlite3 writable (or copy the "
        "folder somewhere writable and open it with --data-dir), then start "
        "cramplog again. Nothing was changed."
    ).format(data_dir=data_dir)
