"""Recorded nights: one count behind every rate, whatever the diary looks like.

A property test generates diaries — reviews, logging spans, unanswered "woke", a
daylight-saving change, a day-boundary hour changed after the cramps were logged — and checks
every figure that Patterns, `cramplog stats --json`, the warning rules and the GP summary
share against a count made by hand in the test.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TypedDict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cramplog.analysis import report, stats, warning_signs
from cramplog.core import nights, recorded
from cramplog.core.errors import ValidationError
from cramplog.core.records import DayFactors, EpisodeInput, LoggingSpan, SpanSource
from cramplog.diary.service import Diary
from tests.conftest import LONDON

# After the clocks went forward (29 March 2026), so generated diaries straddle the change.
CLOCK = datetime(2026, 4, 20, 9, 30, tzinfo=LONDON)
FIRST_DAY = date(2026, 3, 10)

_counter = itertools.count()


def _open(tmp_path_factory: pytest.TempPathFactory) -> Diary:
    folder: Path = tmp_path_factory.mktemp(f"diary{next(_counter)}")
    return Diary.open(folder / "data", clock=lambda: CLOCK)


class Case(TypedDict):
    """One generated diary, in days after FIRST_DAY."""

    cramps: list[tuple[int, int, int, bool | None]]  # day, hour, minute, woke
    reviewed: set[int]
    spans: list[tuple[int, int]]
    hours: tuple[int, int]  # the boundary hour when logging, and when counting
    period: tuple[int, int]  # first day, length in nights


@st.composite
def diaries(draw: st.DrawFn) -> Case:
    cramps = draw(
        st.lists(
            st.tuples(
                st.integers(0, 38),  # day after FIRST_DAY
                st.integers(0, 23),
                st.integers(0, 59),
                st.sampled_from([None, True, False]),
            ),
            max_size=25,
        )
    )
    reviewed = draw(st.sets(st.integers(0, 38), max_size=20))
    cuts = sorted(draw(st.sets(st.integers(0, 38), max_size=4)))
    spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    hour_logged = draw(st.sampled_from([0, 4, 12, 18]))
    hour_counted = draw(st.sampled_from([hour_logged, 6]))
    first = draw(st.integers(0, 30))
    length = draw(st.integers(1, 40))
    return {
        "cramps": cramps,
        "reviewed": reviewed,
        "spans": spans,
        "hours": (hour_logged, hour_counted),
        "period": (first, length),
    }


def _rate(count: int, nights_recorded: int) -> float | None:
    """By hand: per seven recorded nights, and only from a week of them (never extrapolated)."""
    return None if nights_recorded < 7 else count / nights_recorded * 7


@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=diaries())
def test_patterns_stats_json_warnings_and_the_pdf_count_the_same_recorded_nights(
    tmp_path_factory: pytest.TempPathFactory, case: Case
) -> None:
    diary = _open(tmp_path_factory)
    try:
        hour_logged, hour_counted = case["hours"]
        diary.set_boundary_hour(hour_logged)
        starts = []
        answers: list[bool | None] = []
        for day, hour, minute, woke in case["cramps"]:
            start = datetime.combine(FIRST_DAY + timedelta(days=day), datetime.min.time())
            start = start.replace(hour=hour, minute=minute, tzinfo=LONDON)
            if start.utcoffset() != start.replace(fold=1).utcoffset() or start >= CLOCK:
                continue  # a wall-clock time the change skipped or repeated, or the future
            diary.add_episode(EpisodeInput(start=start, muscle="muscle.calf", woke_from_sleep=woke))
            starts.append(start.replace(tzinfo=None))
            answers.append(woke)
        for day in case["reviewed"]:
            diary.set_day(FIRST_DAY + timedelta(days=day), DayFactors(reviewed=True))
        for lo, hi in case["spans"]:
            diary.declare_span(FIRST_DAY + timedelta(days=lo), FIRST_DAY + timedelta(days=hi))
        # The boundary may change after the cramps were logged: every figure follows.
        diary.set_boundary_hour(hour_counted)
        offset, length = case["period"]
        last_night = diary.last_night()
        first = FIRST_DAY + timedelta(days=offset)
        period = stats.Period(first, min(first + timedelta(days=length - 1), last_night))

        # The count by hand.
        def recorded_in(lo: date, hi: date) -> set[date]:
            chosen = {FIRST_DAY + timedelta(days=d) for d in case["reviewed"]}
            for a, b in case["spans"]:
                chosen |= {FIRST_DAY + timedelta(days=d) for d in range(a, b + 1)}
            return {n for n in chosen if lo <= n <= hi and n <= last_night}

        def cramps_on(night_set: set[date]) -> int:
            return sum(nights.night_of(s, hour_counted) in night_set for s in starts)

        expected_nights = recorded_in(period.first, period.last)
        expected_rate = _rate(cramps_on(expected_nights), len(expected_nights))

        s = stats.compute(diary, period)
        assert s.recorded_nights == len(expected_nights)
        assert s.cramps_per_week == pytest.approx(expected_rate)
        assert s.span_only_nights == len(
            expected_nights - {FIRST_DAY + timedelta(days=d) for d in case["reviewed"]}
        )
        assert s.cramps_on_unrecorded_nights == sum(
            period.first <= nights.night_of(x, hour_counted) <= period.last for x in starts
        ) - cramps_on(expected_nights)
        # Night-time: said, or inferred from the default sleep hours 22:00-08:00, by the rule
        # the records state (`known_nocturnal`, then `SleepHours.contains`).
        sleep = nights.SleepHours()
        in_period = [
            (x, woke)
            for x, woke in zip(starts, answers, strict=True)
            if period.first <= nights.night_of(x, hour_counted) <= period.last
        ]
        by_hand = [
            nights.known_nocturnal(woke, None) is True
            if woke is not None
            else sleep.contains(x.hour * 60 + x.minute)
            for x, woke in in_period
        ]
        assert s.nocturnal == sum(by_hand)
        assert s.nocturnal_inferred + s.daytime_inferred == sum(w is None for _, w in in_period)
        assert s.nocturnal + s.daytime == s.episodes
        # The chart's weeks and the calendar hold the same recorded nights.
        assert sum(w.recorded_nights for w in s.weekly) == len(expected_nights)
        assert sum(n.state is not stats.NightState.UNRECORDED for n in s.calendar) == len(
            expected_nights | {n.night for n in s.calendar if n.episodes}
        )

        # `cramplog stats --json` prints this dictionary.
        body = s.to_json_dict()
        assert body["recorded_nights"] == len(expected_nights)
        assert body["cramps_per_week"] == (
            None if expected_rate is None else round(expected_rate, 2)
        )

        # The GP summary's page one.
        made = report.build_report(diary, period=period)
        assert made.header.nights_recorded == len(expected_nights)
        row = next(r for r in made.headline if r.key == "cramps_per_week")
        assert row.value == report.format_number(expected_rate)

        # The frequent-cramps rule over the last four weeks uses the same count.
        window_first = period.last - timedelta(days=warning_signs.FREQUENCY_WINDOW_NIGHTS - 1)
        window = recorded_in(window_first, period.last)
        window_rate = _rate(cramps_on(window), len(window))
        fired = {sign.code for sign in warning_signs.check(diary, period, frequent_per_week=3)}
        should = window_rate is not None and window_rate >= 3 and cramps_on(window) > 0
        assert ("warning.frequent" in fired) == should
    finally:
        diary.close()


# -- declaring spans -------------------------------------------------------------------------


def test_a_span_is_refused_when_it_ends_first_overlaps_or_reaches_the_future(
    diary: Diary,
) -> None:
    last = diary.last_night()
    diary.declare_span(date(2026, 3, 1), date(2026, 3, 7))
    cases = [
        ((date(2026, 3, 10), date(2026, 3, 9)), "before it starts"),
        ((date(2026, 3, 5), date(2026, 3, 9)), "overlap a span you already declared"),
        ((date(2026, 3, 9), last + timedelta(days=1)), "latest that has ended"),
    ]
    for (lo, hi), message in cases:
        with pytest.raises(ValidationError, match=message):
            diary.declare_span(lo, hi)
    assert [(s.first_night, s.last_night) for s in diary.logging_spans()] == [
        (date(2026, 3, 1), date(2026, 3, 7))
    ]


def test_saying_i_log_every_cramp_from_a_night_and_stopping_keeps_the_nights_covered(
    diary: Diary,
) -> None:
    last = diary.last_night()
    diary.set_logging_every_cramp(last - timedelta(days=9))
    assert diary.logging_every_cramp_since() == last - timedelta(days=9)
    s = stats.compute(diary, stats.Period(last - timedelta(days=13), last))
    assert (s.recorded_nights, s.cramp_free_nights) == (10, 10)
    diary.set_logging_every_cramp(None)
    assert diary.logging_every_cramp_since() is None
    (span,) = diary.logging_spans()
    assert (span.first_night, span.last_night) == (last - timedelta(days=9), last)
    # It may start tonight, but not later.
    diary.set_logging_every_cramp(last + timedelta(days=1))
    with pytest.raises(ValidationError, match="latest that has ended"):
        diary.set_logging_every_cramp(last + timedelta(days=2))


def test_an_imported_span_merges_with_the_spans_it_touches() -> None:
    def span(lo: int, hi: int | None) -> LoggingSpan:
        return LoggingSpan(
            id=lo,
            uuid=str(lo),
            first_night=date(2026, 1, lo),
            last_night=None if hi is None else date(2026, 1, hi),
            source=SpanSource.IMPORT,
            created_utc=CLOCK.replace(tzinfo=None),
        )

    existing = [span(1, 5), span(6, 8), span(20, None)]
    first, last, absorbed = recorded.merged_span(date(2026, 1, 4), date(2026, 1, 10), existing)
    assert (first, last) == (date(2026, 1, 1), date(2026, 1, 10))
    assert absorbed == existing[:2]
    first, last, absorbed = recorded.merged_span(date(2026, 1, 15), date(2026, 1, 19), existing)
    assert (first, last, absorbed) == (date(2026, 1, 15), None, [existing[2]])


def test_reviewed_nights_outside_the_range_are_not_recorded_nights_of_it() -> None:
    first, last = date(2026, 3, 2), date(2026, 3, 8)
    inside = [recorded.day_number(first), recorded.day_number(last)]
    outside = [recorded.day_number(first) - 1, recorded.day_number(last) + 1]
    span = LoggingSpan(
        1, "u", date(2026, 3, 7), date(2026, 3, 9), SpanSource.DECLARED, datetime(2026, 3, 10)
    )
    found, span_only = recorded.recorded_days(inside + outside, [span], first, last, last)
    # The 8th is reviewed and inside the span; the 7th only in the span; the 9th is past.
    assert found == set(inside) | {recorded.day_number(date(2026, 3, 7))}
    assert span_only == {recorded.day_number(date(2026, 3, 7))}
    assert recorded.recorded_days(inside, [], first, last, last) == (set(inside), set())


def test_nights_an_import_assumed_fully_logged_are_not_said_to_be_declared(
    diary: Diary,
) -> None:
    """A cramps-only file was imported: its first to last cramp became a logging span by
    default, which the person never declared. Page one of the PDF, `stats` and Patterns must
    not tell them (or their GP) "inside spans you declared complete"."""
    last = diary.last_night()
    diary.declare_span(last - timedelta(days=9), last, source=SpanSource.IMPORT)
    diary.mark_cramp_free(last - timedelta(days=12))
    numbers = stats.compute(diary, stats.Period(last - timedelta(days=13), last))
    assert (
        numbers.recorded_note() == "11 of 14 nights recorded: 1 reviewed, 10 inside logging spans."
    )
    assert "declared" not in numbers.recorded_count.breakdown()
