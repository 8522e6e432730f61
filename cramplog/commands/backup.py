"""`cramplog backup`: make a verified backup of the diary now, or list the backups kept."""

from __future__ import annotations

import argparse
from pathlib import Path

from cramplog.core.translation import N_, _

NAME = "backup"
HELP = N_("make a verified backup of the diary now (or list the backups with --list)")
DESCRIPTION = N_(
    "Copy the diary into the backups folder beside it with SQLite's backup API, check the copy, "
    "then rotate older backups (everything from the last 2 days, then 12 daily, 10 weekly and "
    "9 monthly; backups taken before an upgrade are always kept). Safe while the app is open."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--list",
        action="store_true",
        help=_("list the backups (newest first) with what each holds, and make none"),
    )


def _list(data_dir: Path) -> int:
    from cramplog import commands
    from cramplog.diary import backups

    found = backups.list_backups(data_dir)
    if not found:
        print(_("No backups in {folder} yet.").format(folder=backups.backup_dir(data_dir)))
        return 0
    for backup in found:
        held = backups.details(backup)
        what = (
            commands.held(held.episodes, held.nights)
            if held.usable
            else _("NOT USABLE: {problem}").format(problem=held.problem)
        )
        # The time the file name carries, in UTC like it: the backup's name, not a diary entry.
        print(
            f"{backup.path.name}  {backup.taken_utc:%Y-%m-%d %H:%M} UTC  "
            f"{backup.reason.label}  {what}"
        )
    return 0


def run(args: argparse.Namespace) -> int:
    from cramplog import commands
    from cramplog.core.errors import BackupError
    from cramplog.diary import backups, integrity

    data_dir = commands.data_dir(args)
    if args.list:
        return _list(data_dir)
    verdict = integrity.examine(data_dir)
    if verdict.condition is integrity.Condition.MISSING:
        raise BackupError(_("There is no diary in {folder} to back up.").format(folder=data_dir))
    if not verdict.usable:
        raise BackupError(
            _("{problem} It was not backed up; nothing was changed.").format(
                problem=verdict.message
            )
        )
    # The backup only reads the diary, so an open app is no obstacle.
    with commands.locked(data_dir, alongside_app=True):
        made = backups.back_up(data_dir, reason=backups.Reason.MANUAL)
    assert made is not None
    held = backups.details(made)
    print(
        _("Backed up to {path} — {held}, verified.").format(
            path=made.path, held=commands.held(held.episodes, held.nights)
        )
    )
    return 0
