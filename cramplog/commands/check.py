"""`cramplog check`: judge the diary file, open it (creating it if absent) and verify it."""

from __future__ import annotations

import argparse
import sys

from cramplog.core.wording import count

NAME = "check"
HELP = "open the diary (creating it if absent) and verify it"
DESCRIPTION = (
    "Examine the diary without writing to it (SQLite's quick check, or the full integrity "
    "check after a crash), then open it, creating it if absent, bring its schema up to date and "
    "run the full integrity check. Prints one line; exits 1 on any problem (damaged, "
    "truncated, not a cramplog diary, written by a newer cramplog)."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser  # check takes only --data-dir, which every command has


def run(args: argparse.Namespace) -> int:
    from cramplog import commands
    from cramplog.diary import backups, integrity
    from cramplog.files import instance_lock

    data_dir = commands.data_dir(args)
    verdict = integrity.examine(data_dir)
    if not verdict.usable and verdict.condition is not integrity.Condition.UNFINISHED:
        advice = ""
        if verdict.recoverable:
            newest = backups.newest_usable(data_dir)
            advice = (
                f" The newest good backup is {newest.backup.path.name} "
                f"({newest.contents('episode')}); "
                "`cramplog restore newest` puts it back and keeps the damaged file aside. "
                "Nothing was changed."
                if newest is not None
                else " There is no usable backup to restore. Nothing was changed."
            )
        print(f"cramplog: {verdict.message}{advice}", file=sys.stderr)
        return 1
    if instance_lock.held_by_other(data_dir):
        # The app has it open: the read-only examination above is all that is safe to do.
        print(f"OK: {verdict.message} (cramplog has it open, so it was only read).")
        return 0
    with commands.open_diary(data_dir, verdict=verdict) as diary:
        problems = diary.integrity_problems()
        episodes = diary.count_episodes()
        nights = len(diary.list_days())
    if problems:
        print(
            f"cramplog: {diary.path} is damaged: {problems[0]} ({len(problems)} problem(s)).",
            file=sys.stderr,
        )
        return 1
    if verdict.condition is integrity.Condition.MISSING:
        print(f"OK: there was no diary in {data_dir}, so a new, empty one was created.")
        return 0
    print(
        f"OK: {diary.path} — {count(episodes, 'episode')}, {count(nights, 'night record')}, "
        "schema up to date."
    )
    return 0
