"""One wording for durations and counts: the same cramp reads the same on every screen."""

from __future__ import annotations

from datetime import datetime

import pytest
from pytestqt.qtbot import QtBot

from cramplog.analysis import stats, warning_signs
from cramplog.core import wording
from cramplog.core.records import EpisodeInput, Side
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
                reliefs=(("relief.stretch", None),),
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
