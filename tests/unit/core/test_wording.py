"""One wording for durations and counts: the same cramp reads the same on every screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from cramplog.analysis import stats, warning_signs
from cramplog.core import wording
from cramplog.core.records import EpisodeInput, ReliefRating, Side
from cramplog.diary.service import Diary
from tests.conftest import LONDON


@pytest.mark.parametrize(
    ("seconds", "spoken", "clock"),
    [
        (45, "45 s", "0:45"),
        (150, "2 min 30 s", "2:30"),
        (720, "12 min", "12:00"),
        (3900, "1 h 5 min", "1:05:00"),
        (None, "—", ""),
    ],
)
def test_durations_read_the_way_people_say_them(
    seconds: int | None, spoken: str, clock: str
) -> None:
    assert wording.duration(seconds) == spoken
    assert wording.clock_duration(seconds) == clock


def test_counts_agree_with_their_number() -> None:
    assert [wording.count(n, "row") for n in (0, 1, 2)] == ["0 rows", "1 row", "2 rows"]
    assert wording.count(1200, "night") == "1,200 nights"


def test_a_cramp_of_two_and_a_half_minutes_reads_the_same_in_the_list_and_the_warning(
    qtbot: QtBot, diary: Diary
) -> None:
    from cramplog.ui.widgets.episode_model import EpisodeTableModel
    from cramplog.ui.widgets.episode_rows import DURATION

    for minute in range(4):  # four long cramps stretching did not relieve
        diary.add_episode(
            EpisodeInput(
                start=datetime(2026, 3, 5 + minute, 2, 10, tzinfo=LONDON),
                muscle="muscle.calf",
                side=Side.LEFT,
                duration_s=12 * 60 + 30,
                reliefs=(("relief.stretch", ReliefRating.NOT_HELPED),),
            )
        )
    model = EpisodeTableModel(label=diary.label, night_of=diary.night_of)
    model.set_rows(diary.list_episodes())
    shown = {model.data(model.index(row, DURATION)) for row in range(model.rowCount())}
    period = stats.Period(datetime(2026, 3, 1).date(), diary.last_night())
    signs = warning_signs.check(diary, period)
    long_cramp = next(s for s in signs if s.code == "warning.long_cramp_unrelieved")
    assert shown == {"12 min 30 s"}
    assert "12 min 30 s" in long_cramp.sentence


@pytest.mark.parametrize(
    ("value", "kind", "shown"),
    [
        (1.0, wording.Figure.RATE, "1.0"),
        (1.66, wording.Figure.RATE, "1.7"),
        (2.25, wording.Figure.RATE, "2.3"),
        (0.05, wording.Figure.RATE, "0.1"),
        (-2.05, wording.Figure.RATE, "-2.1"),
        (-0.01, wording.Figure.RATE, "0.0"),
        (201.6, wording.Figure.MINUTES, "202"),
        (0.5, wording.Figure.MINUTES, "1"),
        (3.349, wording.Figure.SCORE, "3.3"),
        (8, wording.Figure.SCORE, "8"),
        (None, wording.Figure.RATE, "—"),
    ],
)
def test_one_rounding_rule_gives_each_figure_the_decimals_it_deserves(
    value: float | None, kind: wording.Figure, shown: str
) -> None:
    assert wording.figure(value, kind) == shown


def test_a_percentage_rounds_halves_up_like_every_figure() -> None:
    assert wording.percent(5 / 8) == "63%"  # "{:.0%}" gives the even "62%"
    assert wording.percent(0.125) == "13%"
    assert wording.percent(1.0) == "100%"
    assert wording.percent(None) == wording.DASH


def _decimal_figure(value: float, kind: wording.Figure) -> str:
    """The rounding rule as it was written with decimal: the reference for the one in use."""
    from decimal import ROUND_HALF_UP, Decimal

    step = Decimal(1).scaleb(-kind.decimals)
    rounded = Decimal(repr(float(value))).quantize(step, rounding=ROUND_HALF_UP)
    return wording.number(
        abs(float(rounded)) if rounded.is_zero() else float(rounded), kind.decimals
    )


def _decimal_percent(share: float) -> str:
    from decimal import ROUND_HALF_UP, Decimal

    rounded = Decimal(repr(float(share) * 100)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return f"{wording.number(int(rounded))}%"


@pytest.mark.parametrize(
    ("value", "kind", "shown"),
    [
        (2.25, wording.Figure.RATE, "2.3"),
        (2.675, wording.Figure.SCORE, "2.7"),  # stored as 2.67499…: the written decimal counts
        (-2.25, wording.Figure.RATE, "-2.3"),
        (-0.04, wording.Figure.RATE, "0.0"),
        (0.5, wording.Figure.MINUTES, "1"),
        (1234567.95, wording.Figure.RATE, "1,234,568.0"),
        (1e-7, wording.Figure.SCORE, "0.0"),
        (9.96, wording.Figure.SCORE, "10.0"),
    ],
)
def test_figures_round_halves_away_from_zero(
    value: float, kind: wording.Figure, shown: str
) -> None:
    assert wording.figure(value, kind) == shown
    assert _decimal_figure(value, kind) == shown


def test_percentages_round_halves_up() -> None:
    assert [wording.percent(s) for s in (5 / 8, 0.125, 0.0, 1.0, 0.994, 0.995)] == [
        "63%",
        "13%",
        "0%",
        "100%",
        "99%",
        "100%",
    ]


@given(
    value=st.floats(allow_nan=False, allow_infinity=False, min_value=-1e26, max_value=1e26)
    | st.decimals(min_value=-1000, max_value=1000, places=3).map(float),
    kind=st.sampled_from(wording.Figure),
)
@settings(max_examples=2000)
def test_figures_round_exactly_as_decimal_would(value: float, kind: wording.Figure) -> None:
    assert wording.figure(value, kind) == _decimal_figure(value, kind)


@given(
    share=st.floats(allow_nan=False, allow_infinity=False, min_value=-1e24, max_value=1e24)
    | st.fractions(min_value=0, max_value=1, max_denominator=2000).map(float)
)
@settings(max_examples=2000)
def test_percentages_round_exactly_as_decimal_would(share: float) -> None:
    assert wording.percent(share) == _decimal_percent(share)


def _outcome(fn: Callable[..., str], *args: object) -> str:
    try:
        return fn(*args)
    except Exception as exc:  # what decimal refuses, refused the same way
        return type(exc).__name__


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan"), 1e30, -3e29])
def test_what_only_decimal_words_is_worded_or_refused_as_decimal_does(value: float) -> None:
    for kind in wording.Figure:
        assert _outcome(wording.figure, value, kind) == _outcome(_decimal_figure, value, kind)
    assert _outcome(wording.percent, value) == _outcome(_decimal_percent, value)
