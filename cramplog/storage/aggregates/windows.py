"""Small windows of nights (a treatment's before and after) and the diary's first recorded night."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import (
    Integer,
    String,
    and_,
    func,
    literal,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session

from cramplog.storage.aggregates.ranges import (
    NightRange,
    night_of_local,
    parse_local,
)
from cramplog.storage.schema import (
    DiaryDayRow,
    EpisodeRow,
)

# -- small windows (treatments, the last four weeks) ----------------------------------------


@dataclass(frozen=True, slots=True)
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


def window_nights(session: Session, windows: Sequence[NightRange]) -> list[WindowNights]:
    """`WindowNights` for each of a few short ranges, in two queries whatever their number."""
    if not windows:
        return []
    hour = windows[0].boundary_hour
    if any(w.boundary_hour != hour for w in windows):
        raise ValueError("All windows must share one day-boundary hour.")
    table = union_all(
        *(
            select(
                literal(index, Integer).label("i"),
                literal(w.local_from, String).label("lo"),
                literal(w.local_to, String).label("hi"),
                literal(w.first.isoformat(), String).label("first"),
                literal(w.last.isoformat(), String).label("last"),
            )
            for index, w in enumerate(windows)
        )
    ).cte("windows")
    night = night_of_local(EpisodeRow.start_local, hour).label("night")
    episode_rows = session.execute(
        select(table.c.i, night, func.count())
        .select_from(table)
        .join(
            EpisodeRow,
            and_(EpisodeRow.start_local >= table.c.lo, EpisodeRow.start_local < table.c.hi),
        )
        .group_by(table.c.i, night)
    ).all()
    day_rows = session.execute(
        select(table.c.i, type_coerce(DiaryDayRow.night_of, String))
        .select_from(table)
        .join(
            DiaryDayRow,
            and_(
                type_coerce(DiaryDayRow.night_of, String) >= table.c.first,
                type_coerce(DiaryDayRow.night_of, String) <= table.c.last,
            ),
        )
        .where(DiaryDayRow.reviewed.is_(True))
    ).all()
    counts: list[dict[date, int]] = [{} for _ in windows]
    reviewed: list[set[date]] = [set() for _ in windows]
    for index, night_text, n in episode_rows:
        counts[index][date.fromisoformat(night_text)] = int(n)
    for index, night_text in day_rows:
        reviewed[index].add(date.fromisoformat(night_text))
    return [WindowNights(c, frozenset(r)) for c, r in zip(counts, reviewed, strict=True)]


def first_recorded_night(session: Session, boundary_hour: int) -> date | None:
    """The earliest night with an episode or a day record, or None for an empty diary."""
    first_local = session.scalar(select(func.min(EpisodeRow.start_local)))
    first_day = session.scalar(select(func.min(DiaryDayRow.night_of)))
    candidates = []
    if first_local is not None:
        candidates.append((parse_local(first_local) - timedelta(hours=boundary_hour)).date())
    if first_day is not None:
        candidates.append(first_day)
    return min(candidates) if candidates else None
