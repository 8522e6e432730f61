"""`cramplog check`: open the diary (creating it if absent) and verify schema and integrity."""

from __future__ import annotations

import argparse
import sys

NAME = "check"
HELP = "open the diary (creating it if absent) and verify it"
DESCRIPTION = (
    "Open the diary, creating it if absent, bring its schema up to date and run SQLite's "
    "integrity check. Prints one line; exits 1 on any problem."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser  # check takes only --data-dir, which every command has


def run(args: argparse.Namespace) -> int:
    from cramplog.diary import Diary
    from cramplog.paths import resolve_data_dir

    diary = Diary.open(resolve_data_dir(args.data_dir))
    try:
        problems = diary.integrity_problems()
        episodes = diary.count_episodes()
        nights = len(diary.list_days())
    finally:
        diary.close()
    if problems:
        print(
            f"cramplog: {diary.path} is damaged: {problems[0]} ({len(problems)} problem(s)).",
            file=sys.stderr,
        )
        return 1
    print(f"OK: {diary.path} — {episodes} episode(s), {nights} night record(s), schema up to date.")
    return 0
