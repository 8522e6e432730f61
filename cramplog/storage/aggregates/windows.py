"""Small windows of nights (a treatment's before and after) and the diary's first recorded night."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, timedelta

from cramplog.core.value_class import value_class
from cramplog.storage.aggregates.ranges import NightRange, night_of_local, parse_local

# -- small windows (treatments, the last four weeks) ----------------------------------------


@value_class
class WindowNights:
    """Within one range: episodes per cramp night, and the reviewed nights."""

    episodes_by_night: dict[date, int]
    reviewed: frozenset[date]

    @property
    def episodes(self) -> int:
        return sum(self.episodes_by_night.values())

    @property
    def recorded_nights(self) -> int:
        return len(self.reviewed | self.episodes_by_night.keys())


def window_nights(
    connection: sqlite3.Connection, windows: Sequence[NightRange]
) -> list[WindowNights]:
    """`WindowNights` for each of a few short ranges, in two queries whatever their number."""
    if not windows:
        return []
    hour = windows[0].boundary_hour
    if any(w.boundary_hour != hour for w in windows):
        raise ValueError("All windows must share one day-boundary hour.")
    table = " UNION ALL ".join(
        f"SELECT {index} AS i, :lo{index} AS lo, :hi{index} AS hi,"
        f" :first{index} AS first, :last{index} AS last"
        for index in range(len(windows))
    )
    values: dict[str, str] = {}
    for index, w in enumerate(windows):
        values |= {
            f"lo{index}": w.local_from,
            f"hi{index}": w.local_to,
            f"first{index}": w.first.isoformat(),
            f"last{index}": w.last.isoformat(),
        }
    night = night_of_local("episodes.start_local", hour)
    episode_rows = connection.execute(
        f"WITH windows AS ({table}) SELECT windows.i, {night} AS night, count(*)"
        " FROM windows JOIN episodes"
        " ON episodes.start_local >= windows.lo AND episodes.start_local < windows.hi"
        f" GROUP BY windows.i, {night}",
        values,
    ).fetchall()
    day_rows = connection.execute(
        f"WITH windows AS ({table}) SELECT windows.i, diary_days.night_of"
        " FROM windows JOIN diary_days"
        " ON diary_days.night_of >= windows.first AND diary_days.night_of <= windows.last"
        " WHERE diary_days.reviewed IS 1",
        values,
    ).fetchall()
    counts: list[dict[date, int]] = [{} for _ in windows]
    reviewed: list[set[date]] = [set() for _ in windows]
    for index, night_text, n in episode_rows:
        counts[index][date.fromisoformat(night_text)] = int(n)
    for index, night_text in day_rows:
        reviewed[index].add(date.fromisoformat(night_text))
    return [WindowNights(c, frozenset(r)) for c, r in zip(counts, reviewed, strict=True)]


def first_recorded_night(connection: sqlite3.Connection, boundary_hour: int) -> date | None:
    """The earliest night with an episode or a day record, or None for an empty diary."""
    first_local, first_day = connection.execute(
        "SELECT (SELECT min(start_local) FROM episodes), (SELECT min(night_of) FROM diary_days)"
    ).fetchone()
    candidates = []
    if first_local is not None:
        candidates.append((parse_local(first_local) - timedelta(hours=boundary_hour)).date())
    if first_day is not None:
        candidates.append(date.fromisoformat(first_day))
    return min(candidates) if candidates else None
