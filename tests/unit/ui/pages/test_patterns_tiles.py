"""The Patterns tiles word their figures by the one rounding rule `stats` and the PDF use."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any, cast

from cramplog.analysis.stats import TreatmentEffect
from cramplog.core import wording
from cramplog.ui.pages import patterns_tiles


def headline(key: str) -> patterns_tiles.Headline:
    return next(h for h in patterns_tiles.HEADLINES if h.key == key)


def test_a_rate_and_its_change_keep_their_decimal_even_when_whole() -> None:
    cramps = headline("cramps_per_week")
    # Up from 2.5 to 3.5 a week: "up 1.0", as the rate itself reads "3.5", not "up 1".
    assert patterns_tiles.change(2.5, 3.5, cramps.show, cramps.as_shown) == "up 1.0 from 2.5"
    nights = headline("cramp_nights_per_week")
    assert patterns_tiles.change(3.0, 2.0, nights.show, nights.as_shown) == "down 1.0 from 3.0"


def test_a_change_is_worked_from_the_figures_as_shown() -> None:
    cramps = headline("cramps_per_week")
    # 4.04 and 3.96 both read "4.0": about the same, never "up 0.1".
    assert (
        patterns_tiles.change(3.96, 4.04, cramps.show, cramps.as_shown)
        == "about the same as before (4.0)"
    )
    # 5.64 reads "5.6" and 5.66 "5.7": up 0.1, though only 0.02 apart.
    assert patterns_tiles.change(5.64, 5.66, cramps.show, cramps.as_shown) == "up 0.1 from 5.6"
    duration = headline("duration")
    # 1 min 30 s against 1 min 15 s, worded as the durations are.
    assert (
        patterns_tiles.change(90, 75, duration.show, duration.as_shown)
        == "down 15 s from 1 min 30 s"
    )
    assert patterns_tiles.change(89.6, 90.4, duration.show, duration.as_shown).startswith(
        "about the same"
    )
    # From an hour on a duration is worded to the minute, and so is its change.
    assert duration.show(3659) == "1 h"
    assert patterns_tiles.change(3600, 3659, duration.show, duration.as_shown).startswith(
        "about the same"
    )
    assert (
        patterns_tiles.change(3600, 3725, duration.show, duration.as_shown) == "up 2 min from 1 h"
    )
    # A half second rounds up in the duration and in its change alike.
    assert duration.show(82.5) == "1 min 23 s"
    assert (
        patterns_tiles.change(59.5, 82.5, duration.show, duration.as_shown) == "up 23 s from 1 min"
    )


def test_a_mean_keeps_one_decimal_minutes_are_whole_and_a_rating_stays_whole() -> None:
    assert patterns_tiles.number(4.0) == "4.0"
    assert patterns_tiles.number(4.25) == "4.3"
    assert patterns_tiles.number(8) == "8"
    assert patterns_tiles.number(237.6, wording.Figure.MINUTES) == "238"
    assert patterns_tiles.number(None) == "–"


def test_a_treatments_rates_show_their_recorded_nights() -> None:
    effect = TreatmentEffect(
        medication_id=1,
        name="Magnesium citrate",
        dose="300 mg",
        med_class=None,
        for_cramps=True,
        started_on=date(2026, 9, 5),
        stopped_on=None,
        before=None,
        after=None,
        before_episodes=10,
        before_recorded_nights=27,
        after_episodes=12,
        after_recorded_nights=9,
        enough_data=True,
    )
    text = patterns_tiles.treatments_text(cast(Any, SimpleNamespace(treatments=[effect])))
    assert text.splitlines()[0] == (
        "Magnesium citrate (for cramps), started 5 Sep 2026: 2.6 cramps a week in the 4 weeks "
        "before (27 recorded nights), 9.3 in the 4 weeks after (9 recorded nights)."
    )


def test_a_count_and_its_change_stay_whole() -> None:
    cramps = headline("episodes")
    assert patterns_tiles.change(41, 20, cramps.show, cramps.as_shown) == "down 21 from 41"


def test_a_count_over_other_recorded_nights_shows_its_nights_not_a_change() -> None:
    assert patterns_tiles.tally_before(12, 18) == "12 before, on 18 recorded nights"
    assert patterns_tiles.tally_before(1, 1) == "1 before, on 1 recorded night"


def test_the_sleep_tile_gives_minutes_awake_over_their_own_nights_or_says_why_not() -> None:
    def stats_with(per_week: float | None, why: str | None) -> Any:
        return SimpleNamespace(
            sleep_disturbance_nights=22,
            minutes_awake_nights=18,
            minutes_awake_per_week=per_week,
            minutes_awake_withheld=lambda: why,
        )

    # Over the 18 nights they were noted on, not the 22 with a sleep score.
    assert patterns_tiles.sleep_note(stats_with(210.4, None)) == (
        "from 22 nights rated · 210 minutes awake a week, noted on 18 nights"
    )
    assert patterns_tiles.sleep_note(stats_with(None, "only on nights with cramps")) == (
        "from 22 nights rated · no minutes awake a week (noted on 18 nights: only on nights "
        "with cramps)"
    )
