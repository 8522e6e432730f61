"""Verified automatic backups of the diary, their rotation, and restoring one of them."""
# Over 400 lines because taking, verifying, rotating and restoring a backup share one naming
# and verification rule; apart, a restore could accept a file a backup would never write.

from __future__ import annotations

import contextlib
import enum
import re
import shutil
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cramplog import files
from cramplog.core.errors import BackupError, StorageError
from cramplog.core.translation import N_, _
from cramplog.core.wording import count
from cramplog.diary import integrity
from cramplog.files.private import ensure_private_dir
from cramplog.storage import health, layout
from cramplog.storage.layout import APPLICATION_ID
from cramplog.storage.snapshot import snapshot

# When the app makes backups of its own accord.
STARTUP_AFTER = timedelta(days=1)
PERIODIC_EVERY = timedelta(minutes=30)

# Retention: everything from the last two days, then the newest backup of each of 12 days,
# 10 weeks and 9 months (older periods first skip those already kept).
KEEP_ALL_FOR = timedelta(days=2)
KEEP_DAILY = 12
KEEP_WEEKLY = 10
KEEP_MONTHLY = 9

_STAMP_FORMAT = "%Y%m%d-%H%M%S"
_NAME_RE = re.compile(
    r"^diary-(?:(?P<reason>[a-z][a-z0-9-]*?)-)?(?P<stamp>\d{8}-\d{6})(?:-(?P<seq>\d+))?\.sqlite3$"
)


class Reason(enum.StrEnum):
    """Why a backup was made; part of its file name."""

    AUTOMATIC = "automatic"
    MANUAL = "manual"
    BEFORE_IMPORT = "before-import"
    BEFORE_RESTORE = "before-restore"
    BEFORE_UPGRADE = "before-upgrade"  # made by the migration step, never rotated out

    @property
    def label(self) -> str:
        return _(_REASON_LABELS[self])


_REASON_LABELS = {
    Reason.AUTOMATIC: N_("Automatic"),
    Reason.MANUAL: N_("Backed up by you"),
    Reason.BEFORE_IMPORT: N_("Before an import"),
    Reason.BEFORE_RESTORE: N_("Before a restore"),
    Reason.BEFORE_UPGRADE: N_("Before an upgrade"),
}


def _reason_of(name_part: str | None) -> Reason:
    if name_part is None:
        return Reason.AUTOMATIC
    if name_part.startswith("before-upgrade"):
        return Reason.BEFORE_UPGRADE
    with contextlib.suppress(ValueError):
        return Reason(name_part)
    return Reason.MANUAL


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup file: when it was taken (UTC) and why."""

    path: Path
    taken_utc: datetime
    reason: Reason

    @property
    def protected(self) -> bool:
        """Never rotated out: the copy taken before a schema upgrade."""
        return self.reason is Reason.BEFORE_UPGRADE


@dataclass(frozen=True, slots=True)
class BackupDetails:
    """What a backup holds, read from the file; `usable` is False for a damaged copy."""

    backup: Backup
    usable: bool
    episodes: int | None = None
    nights: int | None = None
    problem: str = ""

    def contents(self) -> str:
        """E.g. "118 cramps, 290 night records"; a copy that could not be read says so
        instead of guessing."""
        if self.episodes is None or self.nights is None:
            return _("contents unknown")
        return _("{cramps}, {night_records}").format(
            cramps=count(self.episodes, "{n} cramp", "{n} cramps"),
            night_records=count(self.nights, "{n} night record", "{n} night records"),
        )


def backup_dir(data_dir: Path) -> Path:
    return layout.backup_dir(data_dir)


def parse_name(path: Path) -> Backup | None:
    """The backup a file name describes, or None for any other file."""
    found = _NAME_RE.match(path.name)
    if found is None:
        return None
    try:
        taken = datetime.strptime(found["stamp"], _STAMP_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None
    return Backup(path, taken, _reason_of(found["reason"]))


def list_backups(data_dir: Path) -> list[Backup]:
    """Every backup in the diary's `backups/` folder, newest first."""
    folder = backup_dir(data_dir)
    try:
        names = list(folder.iterdir())
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise BackupError(
            _("Could not read the backups folder {folder}: {reason}.").format(
                folder=folder, reason=exc.strerror
            )
        ) from exc
    found = [b for b in (parse_name(p) for p in names if p.is_file()) if b is not None]
    return sorted(found, key=lambda b: (b.taken_utc, b.path.name), reverse=True)


def newest_usable(data_dir: Path) -> BackupDetails | None:
    """The newest backup that passes its check, with what it holds; None if there is none."""
    for backup in list_backups(data_dir):
        found = details(backup)
        if found.usable:
            return found
    return None


def details(backup: Backup) -> BackupDetails:
    """Open a backup read-only and say what it holds; a damaged one is marked unusable."""
    try:
        header = health.read_header(backup.path)
        if not header.is_sqlite or header.application_id != APPLICATION_ID:
            return BackupDetails(backup, False, problem=_("not a cramplog diary"))
        expected = header.expected_size
        if expected is not None and header.file_size < expected:
            return BackupDetails(backup, False, problem=_("truncated"))
        held = health.describe_copy(backup.path)
    except health.ProbeFailed as exc:
        return BackupDetails(
            backup, False, problem=_("damaged") if exc.damaged else _("unreadable")
        )
    except OSError as exc:
        return BackupDetails(
            backup, False, problem=_("unreadable ({reason})").format(reason=exc.strerror or exc)
        )
    if held.revision not in layout.REVISIONS:
        return BackupDetails(backup, False, problem=_("made by a newer cramplog"))
    return BackupDetails(backup, True, held.episodes, held.nights)


# -- making backups -------------------------------------------------------------------------


def _new_path(folder: Path, reason: Reason, now: datetime) -> Path:
    prefix = "diary-" if reason is Reason.AUTOMATIC else f"diary-{reason.value}-"
    stamp = now.astimezone(UTC).strftime(_STAMP_FORMAT)
    candidate = folder / f"{prefix}{stamp}.sqlite3"
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = folder / f"{prefix}{stamp}-{counter}.sqlite3"
    return candidate


def _remove_partials(folder: Path) -> None:
    """Half-written copies left by a crash during an earlier backup."""
    for leftover in folder.glob("*.partial*"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def newest(data_dir: Path) -> Backup | None:
    found = list_backups(data_dir)
    return found[0] if found else None


def unchanged_since_newest(data_dir: Path) -> bool:
    """Whether the diary holds exactly what its newest backup holds."""
    latest = newest(data_dir)
    if latest is None:
        return False
    path = layout.diary_path(data_dir)
    try:
        # A cramp or a night added or deleted shows in the counts at once: the hashes of
        # every row (over a second for a century of cramps) are for edits in place.
        if health.live_row_counts(path) != health.copy_row_counts(latest.path):
            return False
        return health.live_fingerprint(path) == health.copy_fingerprint(latest.path)
    except (OSError, health.ProbeFailed):
        return False


def back_up(
    data_dir: Path,
    *,
    reason: Reason = Reason.MANUAL,
    now: datetime | None = None,
    only_if_changed: bool = False,
) -> Backup | None:
    """Copy the diary into `backups/`, verify the copy, then rotate older backups.

    Returns the new backup, or None when `only_if_changed` and nothing changed since the
    newest backup. Rotation runs only after the new copy passed its check, so a failed
    backup never costs an older one. Raises BackupError; the diary is only ever read.
    """
    now = now or datetime.now(UTC)
    source = layout.diary_path(data_dir)
    if not source.is_file():
        raise BackupError(
            _("There is no diary in {data_dir} to back up.").format(data_dir=data_dir)
        )
    if only_if_changed and unchanged_since_newest(data_dir):
        return None
    with _WRITING:
        try:
            folder = ensure_private_dir(backup_dir(data_dir))
            _remove_partials(folder)
            destination = _new_path(folder, reason, now)
            snapshot(source, destination)
        except StorageError as exc:
            raise BackupError(
                _("The backup failed, and the diary is unchanged: {reason}").format(reason=exc)
            ) from exc
        except OSError as exc:
            raise BackupError(
                _("The backup failed ({reason}); the diary is unchanged.").format(
                    reason=exc.strerror or exc
                )
            ) from exc
        made = parse_name(destination)
        assert made is not None
        rotate(data_dir, now=now)
    return made


# One backup writes at a time in this process. The app's automatic backups run on a worker
# thread (`ui.startup.auto_backup`) while the person may back up by hand or import: without
# this, one backup's clearing of half-written copies could remove the other's copy in the
# making, and two rotations could count each other's files. The check for changes before
# it only reads, and stays outside. A restore holds it throughout (its own backup first
# takes it again, hence re-entrant): no backup may copy a diary being replaced.
_WRITING = threading.RLock()


def startup_backup_due(data_dir: Path, *, now: datetime | None = None) -> bool:
    """Whether the newest backup is over a day old (or there is none)."""
    latest = newest(data_dir)
    now = now or datetime.now(UTC)
    return latest is None or now - latest.taken_utc > STARTUP_AFTER


# -- rotation -------------------------------------------------------------------------------


def _periods(
    candidates: list[Backup],
    period: Callable[[datetime], object],
    count: int,
    kept: set[Path],
) -> None:
    """Keep the newest backup of each of the `count` most recent periods not yet covered."""
    last: object = None
    taken = 0
    for backup in candidates:
        if taken >= count:
            return
        key = period(backup.taken_utc)
        if key == last:
            continue
        last = key
        if backup.path in kept:
            continue
        kept.add(backup.path)
        taken += 1


def to_keep(backups: Iterable[Backup], *, now: datetime) -> set[Path]:
    """The backups retention keeps; every other rotatable backup may be deleted."""
    ordered = sorted(backups, key=lambda b: b.taken_utc, reverse=True)
    kept = {b.path for b in ordered if b.protected or now - b.taken_utc <= KEEP_ALL_FOR}
    older = [b for b in ordered if not b.protected and now - b.taken_utc > KEEP_ALL_FOR]
    _periods(older, lambda t: t.date(), KEEP_DAILY, kept)
    _periods(older, lambda t: t.isocalendar()[:2], KEEP_WEEKLY, kept)
    _periods(older, lambda t: (t.year, t.month), KEEP_MONTHLY, kept)
    return kept


def rotate(data_dir: Path, *, now: datetime | None = None) -> list[Path]:
    """Delete the backups retention no longer keeps; return what was deleted."""
    now = now or datetime.now(UTC)
    found = list_backups(data_dir)
    keep = to_keep(found, now=now)
    deleted: list[Path] = []
    for backup in found:
        if backup.path in keep or backup.protected:
            continue
        with contextlib.suppress(FileNotFoundError):
            backup.path.unlink()
            deleted.append(backup.path)
    if deleted:
        health.fsync_dir(backup_dir(data_dir))
    return deleted


# -- restoring ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """What a restore did besides putting the backup in place."""

    restored_from: Path
    previous_diary: Backup | None  # the diary as it was, kept as a backup
    kept_damaged: Path | None  # a damaged diary, renamed aside untouched


def resolve_backup(data_dir: Path, name: str) -> Path:
    """A backup named on the command line: a path, a file name in `backups/`, or "newest"."""
    if name.strip().lower() in ("newest", "latest"):
        for backup in list_backups(data_dir):
            if details(backup).usable:
                return backup.path
        raise BackupError(
            _("There is no usable backup in {backup_dir}.").format(backup_dir=backup_dir(data_dir))
        )
    if not name.strip() or "\x00" in name:
        raise BackupError(_("Name the backup to restore (a file in the backups folder)."))
    candidate = Path(name).expanduser()
    if not candidate.is_absolute() and not candidate.exists():
        candidate = backup_dir(data_dir) / name
    if not candidate.is_file():
        if candidate.exists() or candidate.is_symlink():
            # A folder, a pipe, a device or a loop of links: there, but no file to restore.
            raise BackupError(
                _(
                    "{name!r} is not a backup file (a folder, a pipe, a device or a broken "
                    "link); name a file in {backup_dir}."
                ).format(name=name, backup_dir=backup_dir(data_dir))
            )
        raise BackupError(
            _("There is no backup file {name!r} (looked in {backup_dir}).").format(
                name=name, backup_dir=backup_dir(data_dir)
            )
        )
    return candidate.resolve()


def _check_restorable(backup_path: Path) -> None:
    parsed = parse_name(backup_path) or Backup(backup_path, datetime.now(UTC), Reason.MANUAL)
    found = details(parsed)
    if not found.usable:
        raise BackupError(
            _(
                "{name} cannot be restored: it is {problem}. Choose another backup; "
                "nothing was changed."
            ).format(name=backup_path.name, problem=found.problem)
        )


def restore(data_dir: Path, backup_path: Path, *, now: datetime | None = None) -> RestoreResult:
    """Replace the (closed) diary with a copy of `backup_path`.

    The current diary is first kept as a backup (or, if damaged, renamed aside untouched);
    its leftover `-wal`/`-shm` are removed before the copy takes its place, so an old log is
    never replayed into the restored diary. The copy is written under a temporary name,
    synced and checked, then renamed into place.
    """
    with _WRITING:
        return _restore(data_dir, backup_path, now=now or datetime.now(UTC))


def _restore(data_dir: Path, backup_path: Path, *, now: datetime) -> RestoreResult:
    backup_path = backup_path.resolve()
    _check_restorable(backup_path)
    ensure_private_dir(data_dir)
    path = layout.diary_path(data_dir)
    previous: Backup | None = None
    kept: Path | None = None
    verdict = integrity.examine(data_dir)
    if verdict.condition in (integrity.Condition.HEALTHY, integrity.Condition.NEWER):
        previous = back_up(data_dir, reason=Reason.BEFORE_RESTORE, now=now)
    elif verdict.condition is not integrity.Condition.MISSING or any(
        health.companion(path, s).exists() for s in health.COMPANION_SUFFIXES
    ):
        kept = integrity.keep_damaged(data_dir, now=now)
    with files.replacing(path, error=BackupError, done=_where_previous(previous, kept)) as incoming:
        with backup_path.open("rb") as src, incoming.open("r+b") as dst:
            shutil.copyfileobj(src, dst, 1024 * 1024)
        _check_restorable_copy(incoming)
        for suffix in health.COMPANION_SUFFIXES:
            with contextlib.suppress(FileNotFoundError):
                health.companion(path, suffix).unlink()
    return RestoreResult(backup_path, previous, kept)


def _check_restorable_copy(copy: Path) -> None:
    try:
        health.describe_copy(copy)
    except health.ProbeFailed as exc:
        raise BackupError(
            _("The restored copy did not pass its check; nothing was replaced.")
        ) from exc


def _where_previous(previous: Backup | None, kept: Path | None) -> str:
    if previous is not None:
        return _("The diary as it was is kept as {name}.").format(name=previous.path.name)
    if kept is not None:
        return _("The damaged diary is kept as {name}.").format(name=kept.name)
    return _("Nothing was changed.")


@dataclass(frozen=True, slots=True)
class FileState:
    """Sizes and modification times of the diary and its log: equal states, no change.

    A cheap first test before the content hash, so an app that changed nothing spends no
    time on backups at its 30-minute ticks or at exit.
    """

    stamps: tuple[tuple[int, int], ...]


def file_state(data_dir: Path) -> FileState:
    path = layout.diary_path(data_dir)
    stamps = []
    # The log is where SQLite keeps it: beside a symlinked diary's target. Looked for beside
    # the link, a save still in the log would leave the state unchanged and skip its backup.
    for candidate in (path, health.live_companion(path, "-wal")):
        try:
            info = candidate.stat()
        except OSError:
            stamps.append((-1, -1))
        else:
            stamps.append((info.st_size, info.st_mtime_ns))
    return FileState(tuple(stamps))
