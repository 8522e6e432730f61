"""compute(): a period holding no stored record skips the wide reads but keeps every number
it shows, and cramps nobody timed are placed by the sleep hours to the minute."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time, timedelta

import pytest

from cramplog.analysis import stats
from cramplog.analysis.stats import kept_reads
from cramplog.core.nights import SleepHours
from cramplog.core.records import DayFactors, EpisodeInput
from cramplog.diary.service import Diary
from cramplog.storage import aggregates
from tests.conftest import LONDON

# The fixed clock is Thursday 12 March 2026: last night is the night of Wed 11 March.
MARCH = stats.Period(date(2026, 3, 2), date(2026, 3, 11))
FEBRUARY = stats.Period(date(2026, 2, 20), date(2026, 3, 1))


def fill_march(diary: Diary) -> None:
    for day in (3, 5, 9):
        start = datetime(2026, 3, day, 3, 0, tzinfo=LONDON)
        diary.add_episode(EpisodeInput(start=start, muscle="muscle.calf", intensity=5))
    diary.set_day(date(2026, 3, 4), DayFactors(reviewed=True))


def wide_reads(monkeypatch: pytest.MonkeyPatch, diary: Diary, period: stats.Period) -> int:
    """How many times computing `period` read its episodes' columns (the wide read)."""
    calls = []
    real = aggregates.episode_columns

    def spy(
        connection: sqlite3.Connection,
        nights: aggregates.NightRange,
        sleep_minutes: tuple[int, int] | None = None,
    ) -> aggregates.EpisodeColumns:
        calls.append(nights)
        return real(connection, nights, sleep_minutes)

    kept_reads.forget(diary)  # not the reads kept from an earlier computing
    with monkeypatch.context() as patch:
        patch.setattr(aggregates, "episode_columns", spy)
        stats.compute(diary, period)
    return len(calls)


def test_an_empty_comparison_period_is_no_comparison_and_reads_no_episodes(
    diary: Diary, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_march(diary)
    s = stats.compute(diary, MARCH, comparison=FEBRUARY)
    c = s.comparison
    assert c is not None
    assert (c.episodes, c.recorded_nights, c.cramp_nights, c.nights_in_period) == (0, 0, 0, 10)
    assert c.cramps_per_week is None and c.intensity_median is None
    assert len(c.weekly) == 2 and all(w.episodes == 0 for w in c.weekly)
    assert s.change("cramps_per_week") is None
    assert s.comparison_withheld() == (
        "no comparison: 0 of 10 nights recorded in the comparison period (7 needed)"
    )
    # The period itself is read as ever; the empty one makes no wide read of the episodes.
    assert wide_reads(monkeypatch, diary, FEBRUARY) == 0
    assert wide_reads(monkeypatch, diary, MARCH) == 1


def test_a_declared_span_still_records_the_nights_of_a_period_holding_no_record(
    diary: Diary,
) -> None:
    fill_march(diary)
    diary.declare_span(date(2026, 2, 22), date(2026, 3, 1))
    s = stats.compute(diary, MARCH, comparison=FEBRUARY)
    c = s.comparison
    assert c is not None
    # Eight cramp-free nights inside the span: a real comparison, with a rate of 0 a week.
    assert (c.recorded_nights, c.span_only_nights, c.cramp_free_nights) == (8, 8, 8)
    assert c.cramps_per_week == 0
    assert s.comparable
    assert s.change("cramps_per_week") == s.cramps_per_week


@pytest.mark.parametrize(
    "sleep",
    [
        SleepHours(time(22, 30), time(7, 15)),  # minutes: SQLite compares each start's clock
        SleepHours(time(1, 0), time(9, 0)),  # whole hours: each start's hour answers
        SleepHours(time(9, 45), time(17, 5)),  # a day sleeper, not crossing midnight
    ],
)
def test_unanswered_cramps_are_night_time_by_the_minute_of_the_sleep_hours(
    diary: Diary, sleep: SleepHours
) -> None:
    diary.set_sleep_hours(sleep)
    # Nobody said whether these woke the person: inferred. Around the start of the sleep
    # hours, and the last minute before they end; one more said "it woke me".
    clocks = [
        (datetime.combine(date(2026, 3, 5), edge) + timedelta(minutes=step)).time()
        for edge, step in ((sleep.start, -1), (sleep.start, 0), (sleep.start, 1), (sleep.end, -1))
    ]
    for clock in clocks:
        start = datetime.combine(date(2026, 3, 6), clock, tzinfo=LONDON)
        diary.add_episode(EpisodeInput(start=start, muscle="muscle.calf"))
    diary.add_episode(
        EpisodeInput(
            start=datetime(2026, 3, 6, 12, 0, tzinfo=LONDON),
            muscle="muscle.calf",
            woke_from_sleep=True,
        )
    )
    s = stats.compute(diary, MARCH)
    inside = sum(sleep.contains(c.hour * 60 + c.minute) for c in clocks)
    assert inside == 3  # the start minute and the one after it, the minute before the end
    assert (s.nocturnal_inferred, s.daytime_inferred) == (inside, len(clocks) - inside)
    assert s.nocturnal == inside + 1 and s.daytime == len(clocks) - inside
