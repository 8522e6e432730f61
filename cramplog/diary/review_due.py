"""Whether last night waits for its review, and the nights missed before it (the banner's offer)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from cramplog.core import night_states
from cramplog.storage import review_reads
from cramplog.storage.aggregates.ranges import NightRange

if TYPE_CHECKING:
    from cramplog.diary.view import DiaryFigures


@dataclass(frozen=True, slots=True)
class ReviewDue:
    """Last night, whether it is reviewed and had cramps, and the unreviewed nights up to it."""

    last_night: date
    reviewed: bool
    has_cramps: bool
    missed: tuple[date, ...]


def review_due(diary: DiaryFigures) -> ReviewDue:
    """Read from the diary's file alone (`read_plain`), so start-up can ask a read-only view
    before the diary is open, and the window the open diary after, with one answer.

    `missed` goes back to the last reviewed night, within a fortnight, and only as far as the
    first night of that fortnight the diary holds anything about: a stretch when the diary
    was not kept is not "missed".
    """
    last = diary.last_night()
    first = last - timedelta(days=night_states.MISSED_NIGHTS_LIMIT - 1)
    recent = diary.read_plain(
        functools.partial(
            review_reads.recent_nights, nights=NightRange(first, last, diary.boundary_hour)
        )
    )
    reviewed = {night for night, done in recent.days.items() if done}
    known = recent.days.keys() | recent.cramp_nights
    missed = night_states.missed_nights(last, reviewed, min(known) if known else None)
    return ReviewDue(last, last in reviewed, last in recent.cramp_nights, tuple(missed))
