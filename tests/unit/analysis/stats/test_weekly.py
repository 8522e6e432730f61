"""The weekly series, from episodes per night, gives the same weeks and rates as counting
week by week."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from cramplog.analysis.stats import ROLLING_WEEKS, Period, WeekPoint, per_week
from cramplog.analysis.stats.tallies import EPOCH
from cramplog.analysis.stats.weekly import weeks


def by_hand(period: Period, night: list[int], recorded: set[int]) -> list[WeekPoint]:
    """Week by week, with `per_week` itself: the definition the chart shows."""
    monday = period.first - timedelta(days=period.first.weekday())
    points: list[tuple[date, int, int, int, int]] = []
    while monday <= period.last:
        days = {(monday - EPOCH).days + i for i in range(7)}
        in_week = [n for n in night if n in days]
        points.append(
            (
                monday,
                len(in_week),
                len(set(in_week)),
                len(days & recorded),
                sum(1 for n in in_week if n in recorded),
            )
        )
        monday += timedelta(days=7)
    result = []
    for i, (start, episodes, cramp_nights, nights, _) in enumerate(points):
        window = points[max(0, i - ROLLING_WEEKS + 1) : i + 1]
        rate = per_week(sum(p[4] for p in window), sum(p[3] for p in window))
        in_period = sum(
            1 for day in range(7) if period.first <= start + timedelta(days=day) <= period.last
        )
        result.append(WeekPoint(start, episodes, cramp_nights, nights, rate, in_period))
    return result


@st.composite
def periods_and_nights(draw: st.DrawFn) -> tuple[Period, list[int], set[int]]:
    first = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1)))
    last = first + timedelta(days=draw(st.integers(0, 200)))
    low, high = (first - EPOCH).days, (last - EPOCH).days
    night = sorted(draw(st.lists(st.integers(low, high), max_size=120)))
    recorded = set(draw(st.lists(st.integers(low, high), max_size=200)))
    return Period(first, last), night, recorded


@settings(max_examples=150, deadline=None)
@given(case=periods_and_nights())
def test_weeks_match_counting_week_by_week(case: tuple[Period, list[int], set[int]]) -> None:
    period, night, recorded = case
    got = weeks(period, dict(Counter(night)), recorded)
    assert list(got) == by_hand(period, night, recorded)
    # Plain Python values, as the charts and JSON expect, never numpy scalars.
    assert all(type(w.episodes) is int for w in got)
    assert all(
        w.rolling_cramps_per_week is None or type(w.rolling_cramps_per_week) is float for w in got
    )
