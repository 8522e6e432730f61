"""What the first screen shows: the newest rows before the diary is open, then the whole list.

The desktop app asks this floor rather than storage itself (an import-linter contract keeps
the app off `cramplog.storage`); the preview's read is storage's plain read-only one.
`open_with_list` opens the diary and reads its list off the UI thread, as plain values;
`read_list` reads it again later, as the open diary's list reloads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from cramplog.core import nights
from cramplog.core.records import DiaryListing, Episode, EpisodeFilter
from cramplog.storage import plain_diary, plain_reads, preview

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


def read_list(path: Path, where: EpisodeFilter, boundary_hour: int) -> WholeList:
    """The list's rows under `where`, as `open_with_list` reads them, through a read-only
    connection of its own and in one snapshot of the diary at `path`.

    Meant for a worker thread while the app's diary (whose one connection belongs to the UI
    thread) stays open: reading a century's list again took 5 s of a frozen window.
    """
    local_from, local_to = nights.nights_span(where.first_night, where.last_night, boundary_hour)
    with plain_diary.read_only(path) as connection, plain_diary.reading(connection):
        episodes = plain_reads.read_episodes(
            connection,
            local_from=local_from,
            local_to=local_to,
            muscles=sorted(where.muscles),
            text=where.text,
        )
        quiet = (
            []
            if where.muscles
            else plain_reads.cramp_free_nights(
                connection, boundary_hour=boundary_hour, first_night=where.first_night
            )
        )
    return WholeList(where, episodes, quiet)
