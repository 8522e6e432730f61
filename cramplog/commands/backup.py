"""`cramplog backup`: make a verified backup of the diary now, or list the backups kept."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "backup"
HELP = "make a verified backup of the diary now (or list the backups with --list)"
DESCRIPTION = (
    "Copy the diary into the backups folder beside it with SQLite's backup API, check the copy, "
    "then rotate older backups (everything from the last 2 days, then 12 daily, 10 weekly and "
    "9 monthly; backups taken before an upgrade are always kept). Safe while the app is open."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--list",
        action="store_true",
        help="list the backups (newest first) with what each holds, and make none",
    )


def _list(data_dir: Path) -> int:
    from cramplog.diary import backups

    found = backups.list_backups(data_dir)
    if not found:
        print(f"No backups in {backups.backup_dir(data_dir)} yet.")
        return 0
    for backup in found:
        held = backups.details(backup)
        what = held.contents("episode") if held.usable else f"NOT USABLE: {held.problem}"
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
        raise BackupError(f"There is no diary in {data_dir} to back up.")
    if not verdict.usable:
        raise BackupError(f"{verdict.message} It was not backed up; nothing was changed.")
    # The backup only reads the diary, so an open app is no obstacle.
    with commands.locked(data_dir, alongside_app=True):
        made = backups.back_up(data_dir, reason=backups.Reason.MANUAL)
    assert made is not None
    held = backups.details(made)
    print(f"Backed up to {made.path} — {held.contents('episode')}, verified.")
    return 0
