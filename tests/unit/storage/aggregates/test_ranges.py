"""Ranges of nights and what every plain aggregate read shares."""

from __future__ import annotations

from datetime import date

import pytest

from cramplog.storage.aggregates import ranges


def test_a_range_runs_from_the_boundary_hour_of_its_first_night_to_that_after_its_last() -> None:
    nights = ranges.NightRange(date(2026, 3, 1), date(2026, 3, 31), 12)
    assert nights.bounds() == {
        "local_from": "2026-03-01 12:00:00",
        "local_to": "2026-04-01 12:00:00",
    }
    assert nights.nights() == {"first": "2026-03-01", "last": "2026-03-31"}


def test_a_range_ending_before_it_begins_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot end before it begins"):
        ranges.NightRange(date(2026, 3, 2), date(2026, 3, 1), 12)
