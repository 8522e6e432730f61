"""The subcommands of `cramplog`, one module each, run without any window.

Each module defines `NAME`, `HELP`, `add_arguments(parser)` and `run(args) -> int`, imports
nothing heavy at module level (the parser imports every one), and raises CramplogError (or
returns a non-zero exit code) for anything the person can fix. A command run often and
briefly may also list its options as `PLAIN_VALUED` and `PLAIN_FLAGS`, so that a plain
command line is read without argparse (`commands.plain_options`; `stats` does). Every one
reaches the diary through `open_diary` (or `locked`, for the file as a whole), so all of them
find it, refuse it and hold it the same way.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from cramplog.core.translation import _, n_

if TYPE_CHECKING:
    import argparse

    from cramplog.diary.integrity import Verdict
    from cramplog.diary.service import Diary
    from cramplog.diary.view import DiaryFigures

# The order here is the order `cramplog --help` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "check",
    "stats",
    "report",
    "export",
    "import_",
    "backup",
    "restore",
)


def command_module(name: str) -> str | None:
    """The module (in COMMAND_MODULES) of the command called `name`, or None: each module is
    named after its command, with a "_" after a Python keyword (`import_`)."""
    for module in (name, f"{name}_"):
        if module in COMMAND_MODULES and module.rstrip("_") == name:
            return module
    return None


# The earliest start validation accepts for a cramp (cramplog.core.validation).
EARLIEST_NIGHT = date(1900, 1, 1)


def read_night(text: str) -> date:
    """A night given on the command line: exactly YYYY-MM-DD, from 1900 on; else ValueError,
    its message the one line the person is shown.

    `date.fromisoformat` alone also takes 20240101 and 2024-W01-1, which the help does not
    promise; and a year-1 date makes the "period before" arithmetic fall off the calendar.
    """
    cleaned = text.strip()
    # Four, two and two ASCII digits between two dashes, checked without a regular
    # expression: compiling one was a tenth of a millisecond of every `cramplog stats`.
    digits = cleaned[:4] + cleaned[5:7] + cleaned[8:]
    plain = len(cleaned) == 10 and cleaned[4] == cleaned[7] == "-"
    try:
        if not (plain and digits.isascii() and digits.isdigit()):
            raise ValueError(cleaned)
        parsed = date.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(
            _("{text} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-11").format(
                text=repr(text)
            )
        ) from None
    if parsed < EARLIEST_NIGHT:
        raise ValueError(
            _("{night} is before {earliest}, the earliest night cramplog keeps").format(
                night=cleaned, earliest=EARLIEST_NIGHT.isoformat()
            )
        )
    return parsed


def night(text: str) -> date:
    """A night from `--from`/`--to` (`read_night`), or argparse's usage error naming it."""
    try:
        return read_night(text)
    except ValueError as exc:
        import argparse  # loaded already wherever argparse calls this

        raise argparse.ArgumentTypeError(str(exc)) from None


def reversed_period(first: date, last: date) -> str:
    """The refusal of a --from after its --to (dates as the person typed them: ISO)."""
    return _("--from {first} is after --to {last}; nothing was written.").format(
        first=first.isoformat(), last=last.isoformat()
    )


def unended_night(first: date | None, last: date | None, last_night: date) -> str | None:
    """The refusal of a --from or --to after last night (`report`: a night not ended yet has
    nothing settled to show); else None."""
    found = _night_after(first, last, last_night)
    if found is None:
        return None
    return _(
        "{option} {night} is a night that has not ended yet; the latest one is "
        "{latest}. Nothing was written."
    ).format(option=found[0], night=found[1].isoformat(), latest=last_night.isoformat())


def future_night(first: date | None, last: date | None, today: date) -> str | None:
    """The refusal of a --from or --to after today (`stats`, `export`: tonight may hold
    cramps already, and is taken); else None."""
    found = _night_after(first, last, today)
    if found is None:
        return None
    return _("{option} {night} is in the future; give a night up to today ({today}).").format(
        option=found[0], night=found[1].isoformat(), today=today.isoformat()
    )


def _night_after(first: date | None, last: date | None, latest: date) -> tuple[str, date] | None:
    """The first of --from and --to given after `latest`, with its option's name: such a
    night has nothing to give, and one near 9999 has no night after it to end on."""
    for option, night in (("--from", first), ("--to", last)):
        if night is not None and night > latest:
            return option, night
    return None


def held(episodes: int | None, nights: int | None) -> str:
    """What a diary or a backup holds: "3 episodes, 1 night record" (None: not counted)."""
    return _("{episodes}, {nights}").format(
        episodes=_("episodes not counted")
        if episodes is None
        else n_("{n} episode", "{n} episodes", episodes).format(n=episodes),
        nights=_("night records not counted")
        if nights is None
        else n_("{n} night record", "{n} night records", nights).format(n=nights),
    )


def data_dir(args: argparse.Namespace) -> Path:
    """The folder the command works in: `--data-dir`, or the person's own data folder."""
    from cramplog.files.paths import resolve_data_dir

    return resolve_data_dir(args.data_dir)


@contextlib.contextmanager
def locked(folder: Path, *, alongside_app: bool = False) -> Iterator[None]:
    """Hold the diary's instance lock while the command works; DiaryLockedError if it is taken.

    alongside_app: the command only reads, so an open app is no obstacle; the lock is then
    left to the app, and otherwise taken so an app cannot start half-way through.
    """
    from cramplog.files import instance_lock

    if alongside_app and instance_lock.held_by_other(folder):
        yield
        return
    if alongside_app and not os.access(folder, os.W_OK):
        # Another user's folder, or a read-only disk: no lock can be made there, and none is
        # needed, since a reader there creates nothing beside the diary (`health.read_only`)
        # and no app of this user could open the diary for writing.
        yield
        return
    with instance_lock.hold(folder):
        yield


@contextlib.contextmanager
def checked(folder: Path, *, verdict: Verdict | None = None) -> Iterator[Diary]:
    """The diary, opened after the integrity check (which refuses a damaged one), then closed.

    Without the lock: for a command that already holds it (`locked`); the rest use `open_diary`.
    """
    from cramplog.diary import integrity

    diary = integrity.open_checked(folder, verdict=verdict)
    try:
        yield diary
    finally:
        diary.close()


def _refuse_an_upgrade(folder: Path) -> None:
    """A command that only reads never upgrades a diary: that writes it (after a backup)."""
    from cramplog.core.errors import DiaryOpenError
    from cramplog.storage import diary_file, layout

    revision = diary_file.read_revision(layout.diary_path(folder))
    if revision is not None and revision in layout.REVISIONS[:-1]:
        raise DiaryOpenError(
            _(
                "{path} was written by an earlier cramplog. Opening it in the app or running "
                "`cramplog check` upgrades it (after a verified backup); this command only "
                "reads, so nothing was changed."
            ).format(path=layout.diary_path(folder))
        )


@contextlib.contextmanager
def open_diary(
    folder: Path,
    *,
    if_missing: str | None = None,
    alongside_app: bool = False,
    verdict: Verdict | None = None,
) -> Iterator[Diary]:
    """The diary of `folder`, checked, under the instance lock, and closed when the command ends.

    if_missing: the message (a DiaryOpenError) when there is no diary, for a command that only
    reads and so must never create one to say it is empty, nor upgrade one from an earlier
    cramplog; without it a new diary is created (and an older one upgraded).
    verdict: the examination the command already made (`check` judges the file first), so
    it is not examined twice.
    """
    from cramplog.core.errors import DiaryOpenError
    from cramplog.diary import integrity

    # Before the lock: taking it creates the folder, and a refused command creates nothing.
    if if_missing is not None:
        # The examination made here is handed on, so the file is examined once, not twice.
        verdict = verdict or integrity.examine(folder)
        if verdict.condition is integrity.Condition.MISSING:
            raise DiaryOpenError(if_missing)
        if verdict.condition is integrity.Condition.HEALTHY:
            # Only a healthy file is read for its revision; any other is refused below.
            _refuse_an_upgrade(folder)
    if folder.is_dir() and not os.access(folder, os.W_OK):
        # The diary opens with its lock and its log beside it; SQLite would refuse it there.
        raise DiaryOpenError(
            _(
                "{folder} cannot be written to (another user's folder, or a read-only disk), "
                "and this command opens the diary only where it can write beside it; nothing "
                "was changed. `cramplog stats` reads a diary there; to do more with it, copy "
                "its folder somewhere you can write to."
            ).format(folder=folder)
        )
    with locked(folder, alongside_app=alongside_app), checked(folder, verdict=verdict) as diary:
        yield diary


@contextlib.contextmanager
def figures_of(folder: Path, *, if_missing: str) -> Iterator[DiaryFigures]:
    """The diary of `folder` for a command that reads only its figures (`stats`).

    A healthy diary of the current schema is read through sqlite3 alone, read-only, so the
    command never loads SQLAlchemy (most of its start-up); any other file goes the way of
    `open_diary` (`if_missing`, alongside an app), which refuses or brings it up to date
    with the same messages as ever.

    The read-only way skips the whole-file `quick_check` (a third of the command's time
    over ten years): it cannot harm the file, and every page it reads SQLite checks as it
    reads it. Damage met on the way is judged by the full examination then, so the
    person is told exactly what `quick_check` first would have told them; damage in pages
    the figures never read is left for the app's own open (and `cramplog check`) to find.
    """
    from cramplog.diary import integrity
    from cramplog.diary.read_only import ReadOnlyDiary

    verdict: Verdict | None = integrity.examine(folder, check_pages=False)
    if verdict is not None and verdict.condition is integrity.Condition.HEALTHY:
        with (
            _damage_examined(folder),
            locked(folder, alongside_app=True),
            ReadOnlyDiary.opened(folder) as plain,
        ):
            if plain is not None:
                yield plain
                return
        # Left to the app's open (an upgrade, new words): that open keeps its full check.
        verdict = None
    with open_diary(folder, if_missing=if_missing, alongside_app=True, verdict=verdict) as diary:
        yield diary


@contextlib.contextmanager
def _damage_examined(folder: Path) -> Iterator[None]:
    """Turn damage SQLite met while reading into the examination's own refusal.

    A read refused for damage (SQLITE_CORRUPT, SQLITE_NOTADB) becomes the DamagedDiaryError
    the full examination words, the same line a damaged diary always got; nothing is
    written. Any other refusal (busy, the disk) goes on as it was.
    """
    from cramplog.core.errors import DamagedDiaryError, StorageError
    from cramplog.diary import integrity
    from cramplog.storage import health

    try:
        yield
    except StorageError as exc:
        if not health.damage_behind(exc):
            raise
        verdict = integrity.examine(folder)
        if verdict.condition is integrity.Condition.HEALTHY:
            raise  # the check found nothing: the read's own words are all there is
        raise DamagedDiaryError(verdict.message, condition=verdict.condition.value) from exc
