"""The warning signs' evidence reads: each episode behind a sign, found as the diary holds it."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import date, datetime

from cramplog.core.records import EpisodeInput, ReliefRating
from cramplog.diary.service import Diary
from cramplog.storage.aggregates import evidence
from cramplog.storage.aggregates.ranges import NightRange
from tests.conftest import LONDON

# A relief of one's own whose code holds quotes and SQL, as an imported diary's could.
HOSTILE = "custom.relief.o'neill' OR '1'='1"


def test_a_long_cramps_relief_is_matched_by_its_code_however_the_code_is_written(
    diary: Diary,
) -> None:
    with contextlib.closing(sqlite3.connect(diary.path)) as other, other:
        other.execute(
            "INSERT INTO vocabulary VALUES (?, 'relief', 'Wrap', 0, 0, ?, ?, ?)",
            (HOSTILE, "4b3c0a4e-0d7e-4bde-9a53-6f3f2b0b9d11", "2026-03-01", "2026-03-01"),
        )
    diary.reload()
    for day, reliefs in (
        (3, ((HOSTILE, ReliefRating.HELPED),)),
        (4, (("relief.stretch", ReliefRating.HELPED),)),
    ):
        diary.add_episode(
            EpisodeInput(
                start=datetime(2026, 3, day, 2, 0, tzinfo=LONDON),
                muscle="muscle.calf",
                duration_s=900,
                reliefs=reliefs,
            )
        )
    nights = NightRange(date(2026, 3, 1), date(2026, 3, 10), diary.boundary_hour)

    def long_with(relief: str) -> list[tuple[date, bool, bool | None]]:
        found = diary.read_plain(lambda c: evidence.long_episodes(c, nights, 600, relief))
        return [(brief.night, tried, helped) for brief, tried, helped in found]

    assert long_with(HOSTILE) == [
        (date(2026, 3, 3), False, None),
        (date(2026, 3, 2), True, True),
    ]
    assert long_with("relief.stretch") == [
        (date(2026, 3, 3), True, True),
        (date(2026, 3, 2), False, None),
    ]
