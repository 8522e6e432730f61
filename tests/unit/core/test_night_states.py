"""Each night's state for the calendar, and which nights count as missed reviews."""

from __future__ import annotations

from datetime import UTC, date, datetime

from cramplog.core.night_states import (
    MISSED_NIGHTS_LIMIT,
    NightState,
    missed_nights,
    night_states,
)
from cramplog.core.records import LoggingSpan, SpanSource


def day(n: int) -> date:
    return date(2026, 3, n)


def span(first: int, last: int | None) -> LoggingSpan:
    return LoggingSpan(
        id=1,
        uuid="u",
        first_night=day(first),
        last_night=None if last is None else day(last),
        source=SpanSource.DECLARED,
        created_utc=datetime(2026, 1, 1, tzinfo=UTC),
    )


def test_cramps_win_then_a_review_then_a_span_and_the_rest_is_unknown() -> None:
    states = night_states(
        day(1),
        day(10),
        last_night=day(8),
        with_cramps={day(2), day(5)},
        reviewed={day(2), day(3)},
        spans=[span(5, None)],
    )
    assert states == {
        day(1): NightState.NOT_RECORDED,
        day(2): NightState.CRAMPS,
        day(3): NightState.CRAMP_FREE,
        day(4): NightState.NOT_RECORDED,
        day(5): NightState.CRAMPS,
        day(6): NightState.RECORDED,
        day(7): NightState.RECORDED,
        day(8): NightState.RECORDED,  # nights 9 and 10 have not happened: left out
    }


def test_every_state_has_its_own_symbol_so_colour_is_not_needed() -> None:
    assert len({state.symbol for state in NightState}) == len(NightState)
    assert all(state.label for state in NightState)


def test_missed_nights_run_back_to_the_last_review_and_no_further_than_known() -> None:
    assert missed_nights(day(10), {day(7)}, known_since=day(1)) == [day(8), day(9), day(10)]
    assert missed_nights(day(10), set(), known_since=day(9)) == [day(9), day(10)]
    assert missed_nights(day(10), {day(10)}, known_since=day(1)) == []
    assert missed_nights(day(10), set(), known_since=None) == [day(10)]
    long_ago = missed_nights(day(30), set(), known_since=day(1))
    assert len(long_ago) == MISSED_NIGHTS_LIMIT and long_ago[-1] == day(30)
