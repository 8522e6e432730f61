"""What the first screen shows: the newest rows before the diary is open, then the whole list.

The desktop app asks this floor rather than storage itself (an import-linter contract keeps
the app off `cramplog.storage`); the preview's read is storage's plain read-only one.
`open_with_list` opens the diary and reads its list off the UI thread, as plain values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from cramplog.core.records import DiaryListing, Episode, EpisodeFilter
from cramplog.storage import preview

if TYPE_CHECKING:
    from cramplog.diary.integrity import Verdict
    from cramplog.diary.service import Diary


def newest_rows(path: Path, count: int) -> DiaryListing | None:
    """The `count` newest cramps (and cramp-free nights among them), or None: see
    `cramplog.storage.preview.newest_rows`."""
    return preview.newest_rows(path, count)


@dataclass(frozen=True, slots=True)
class WholeList:
    """The diary list's rows under one filter, read before the list is shown."""

    where: EpisodeFilter
    episodes: list[Episode]
    cramp_free: list[date]


def open_with_list(
    data_dir: Path, verdict: Verdict, where: EpisodeFilter | None
) -> tuple[Diary, WholeList | None]:
    """Open the examined diary (`integrity.open_checked`) and read its list under `where`
    (None: the list is not on screen, so it is not read).

    Meant for a worker thread: the Diary's one connection is made and used here, then
    handed over whole, so the UI thread only ever uses it after this returns. If the list
    cannot be read, the diary is closed again and the error raised.
    """
    from cramplog.diary import integrity

    diary = integrity.open_checked(data_dir, verdict=verdict)
    if where is None:
        return diary, None
    try:
        # Quiet nights have no muscle, so a muscle filter hides them (as the list does).
        quiet = [] if where.muscles else diary.cramp_free_nights(where.first_night)
        rows = WholeList(where, diary.list_episodes(where), quiet)
    except BaseException:
        diary.close()
        raise
    return diary, rows
