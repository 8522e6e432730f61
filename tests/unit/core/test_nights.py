"""Night attribution: which diary day a cramp belongs to."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from cramplog.core import nights

LONDON = ZoneInfo("Europe/London")


def test_a_cramp_at_ten_past_two_on_wednesday_belongs_to_tuesday_night() -> None:
    wednesday_0210 = datetime(2026, 3, 11, 2, 10)
    assert nights.night_of(wednesday_0210) == date(2026, 3, 10)


def test_the_boundary_hour_itself_starts_a_new_night() -> None:
    assert nights.night_of(datetime(2026, 3, 11, 11, 59, 59)) == date(2026, 3, 10)
    assert nights.night_of(datetime(2026, 3, 11, 12, 0)) == date(2026, 3, 11)


def test_the_evening_before_midnight_is_the_same_night_as_the_small_hours() -> None:
    assert nights.night_of(datetime(2026, 3, 10, 23, 50)) == nights.night_of(
        datetime(2026, 3, 11, 0, 10)
    )


@pytest.mark.parametrize(
    ("hour", "expected"),
    [
        (0, date(2026, 3, 11)),
        (4, date(2026, 3, 11)),
        (5, date(2026, 3, 10)),
        (18, date(2026, 3, 10)),
    ],
)
def test_the_boundary_hour_setting_moves_early_morning_cramps(hour: int, expected: date) -> None:
    assert nights.night_of(datetime(2026, 3, 11, 4, 30), hour) == expected


def test_spring_forward_night_keeps_wall_clock_attribution() -> None:
    # Clocks go from 01:00 to 02:00 on 29 March 2026 in London: a 23-hour night.
    before = datetime(2026, 3, 29, 0, 30, tzinfo=LONDON)
    after = datetime(2026, 3, 29, 3, 30, tzinfo=LONDON)
    assert after.astimezone(UTC) - before.astimezone(UTC) == timedelta(hours=2)  # real hours
    assert nights.night_of(before) == nights.night_of(after) == date(2026, 3, 28)
    local, offset = nights.split_local(after)
    assert (local.hour, offset) == (3, 60)
    local, offset = nights.split_local(before)
    assert (local.hour, offset) == (0, 0)


def test_fall_back_night_keeps_both_one_oclocks_on_the_same_night() -> None:
    first = datetime(2026, 10, 25, 1, 30, tzinfo=LONDON, fold=0)
    second = datetime(2026, 10, 25, 1, 30, tzinfo=LONDON, fold=1)
    assert nights.split_local(first) == (datetime(2026, 10, 25, 1, 30), 60)
    assert nights.split_local(second) == (datetime(2026, 10, 25, 1, 30), 0)
    assert nights.night_of(first) == nights.night_of(second) == date(2026, 10, 24)


def test_night_window_spans_boundary_to_boundary() -> None:
    start, end = nights.night_window(date(2026, 3, 10), 12)
    assert start == datetime(2026, 3, 10, 12, 0)
    assert end == datetime(2026, 3, 11, 12, 0)


def test_last_night_in_the_morning_and_in_the_evening_is_yesterdays_date() -> None:
    assert nights.last_night(datetime(2026, 3, 12, 7, 0)) == date(2026, 3, 11)
    assert nights.last_night(datetime(2026, 3, 12, 21, 0)) == date(2026, 3, 11)


def test_boundary_hour_out_of_range_is_refused() -> None:
    with pytest.raises(ValueError, match="0 to 23"):
        nights.check_boundary_hour(24)


def test_a_cramp_at_one_fifty_nine_on_sunday_is_cited_by_saturdays_night() -> None:
    sunday_0159 = datetime(2026, 9, 13, 1, 59)
    night = nights.night_of(sunday_0159)
    assert nights.cited(night, sunday_0159) == "night of Sat 12 Sep 2026, 01:59"
    assert nights.cited(night, sunday_0159, capital=True) == "Night of Sat 12 Sep 2026, 01:59"
    assert nights.cited(night) == "night of Sat 12 Sep 2026"


# -- cramps noted by date only ---------------------------------------------------------------


def test_a_cramp_noted_on_wednesday_without_a_time_belongs_to_tuesday_night() -> None:
    wednesday = date(2026, 3, 11)
    assert nights.date_only_night(wednesday) == date(2026, 3, 10)
    assert nights.night_of(nights.date_only_start(wednesday)) == date(2026, 3, 10)
    # With the default noon boundary the stored date is the one the person wrote.
    assert nights.date_only_start(wednesday) == datetime(2026, 3, 11, 0, 0)


def test_a_cramp_noted_as_in_the_evening_belongs_to_that_days_night() -> None:
    wednesday = date(2026, 3, 11)
    assert nights.night_of(nights.date_only_start(wednesday, evening=True)) == wednesday


@pytest.mark.parametrize("hour", range(24))
def test_the_date_only_rule_gives_the_same_night_for_every_boundary_hour(hour: int) -> None:
    wednesday = date(2026, 3, 11)
    morning = nights.date_only_start(wednesday, boundary_hour=hour)
    evening = nights.date_only_start(wednesday, evening=True, boundary_hour=hour)
    assert nights.night_of(morning, hour) == date(2026, 3, 10)
    assert nights.night_of(evening, hour) == wednesday
