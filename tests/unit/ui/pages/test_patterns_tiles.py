"""The Patterns tiles word their figures by the one rounding rule `stats` and the PDF use."""

from __future__ import annotations

from cramplog.core import wording
from cramplog.ui.pages import patterns_tiles


def headline(key: str) -> patterns_tiles.Headline:
    return next(h for h in patterns_tiles.HEADLINES if h.key == key)


def test_a_rate_and_its_change_keep_their_decimal_even_when_whole() -> None:
    cramps = headline("cramps_per_week")
    # Up from 2.5 to 3.5 a week: "up 1.0", as the rate itself reads "3.5", not "up 1".
    assert patterns_tiles.change(2.5, 1.0, cramps.show) == "up 1.0 from 2.5"
    nights = headline("cramp_nights_per_week")
    assert patterns_tiles.change(3.0, -1.0, nights.show) == "down 1.0 from 3.0"


def test_a_mean_keeps_one_decimal_minutes_are_whole_and_a_rating_stays_whole() -> None:
    assert patterns_tiles.number(4.0) == "4.0"
    assert patterns_tiles.number(4.25) == "4.3"
    assert patterns_tiles.number(8) == "8"
    assert patterns_tiles.number(237.6, wording.Figure.MINUTES) == "238"
    assert patterns_tiles.number(None) == "–"
