"""`cramplog restore BACKUP`: put a backup in place of the diary, keeping the diary as it was."""

from __future__ import annotations

import argparse

from cramplog.core.wording import count

NAME = "restore"
HELP = "replace the diary with one of its backups (the current diary is kept as a backup)"
DESCRIPTION = (
    "Replace the diary with a copy of BACKUP: a file in the backups folder (see "
    "`cramplog backup --list`), a path, or `newest`. The diary as it was is first kept as a "
    "backup (or, if it is damaged, renamed aside untouched). cramplog must not be open."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", metavar="BACKUP", help="backup file name, path, or `newest`")


def run(args: argparse.Namespace) -> int:
    from cramplog import commands
    from cramplog.diary import backups

    data_dir = commands.data_dir(args)
    with commands.locked(data_dir):
        source = backups.resolve_backup(data_dir, args.backup)
        result = backups.restore(data_dir, source)
        with commands.checked(data_dir) as diary:
            episodes = diary.count_episodes()
            nights = len(diary.list_days())
    print(f"Restored {source.name}: {count(episodes, 'episode')}, {count(nights, 'night record')}.")
    if result.previous_diary is not None:
        print(f"The diary as it was is kept as {result.previous_diary.path}.")
    if result.kept_damaged is not None:
        print(f"The damaged diary is kept, untouched, as {result.kept_damaged}.")
    return 0
