"""What the quick log learns: the muscles this person cramps in, and on which side."""

from __future__ import annotations

from datetime import timedelta

from cramplog.core.records import EpisodeInput, Side
from cramplog.diary.service import Diary
from cramplog.ui.forms import quick_log_habits as habits
from tests.conftest import NOW


def log(diary: Diary, days_ago: int, muscle: str, side: Side = Side.NOT_APPLICABLE) -> None:
    diary.add_episode(
        EpisodeInput(start=NOW - timedelta(days=days_ago, hours=6), muscle=muscle, side=side)
    )


def test_the_usual_side_is_the_most_logged_one_and_the_latest_breaks_a_tie(diary: Diary) -> None:
    log(diary, 5, "muscle.calf", Side.LEFT)
    log(diary, 4, "muscle.calf", Side.RIGHT)
    log(diary, 3, "muscle.hand", Side.LEFT)
    log(diary, 2, "muscle.hand", Side.LEFT)
    log(diary, 1, "muscle.hand", Side.RIGHT)
    log(diary, 1, "muscle.foot", Side.NOT_APPLICABLE)
    sides = habits.usual_sides(habits.recent_episodes(diary))
    assert sides == {"muscle.calf": Side.RIGHT, "muscle.hand": Side.LEFT}


def test_cramps_older_than_the_recent_nights_are_not_habits(diary: Diary) -> None:
    log(diary, habits.RECENT_NIGHTS + 5, "muscle.neck")
    log(diary, 2, "muscle.face")
    assert [e.muscle for e in habits.recent_episodes(diary)] == ["muscle.face"]


def test_a_fresh_diary_offers_the_usual_leg_muscles_and_the_last_one_used() -> None:
    offered = ["muscle.calf", "muscle.foot", "muscle.hamstring", "muscle.thigh", "muscle.neck"]
    assert habits.common_muscles([], offered, None) == offered[:4]
    assert habits.common_muscles([], offered, "muscle.neck") == [
        "muscle.calf",
        "muscle.foot",
        "muscle.hamstring",
        "muscle.neck",
    ]
