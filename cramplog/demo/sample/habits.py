"""The sample person's habits: weighted choices of hours, muscles, sides, reliefs and notes."""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Iterable
from typing import Generic, TypeVar

from cramplog.core.records import DayFactors, Exercise, ReliefRating, Side

_T = TypeVar("_T")


class Choice(Generic[_T]):
    """A weighted choice prepared once, so each draw costs one random number.

    Draws exactly as `Random.choices(items, weights)[0]` would, without rebuilding the
    cumulative weights every time (a stress diary draws a million times).
    """

    __slots__ = ("_cumulative", "_items", "_total")

    def __init__(self, weighted: Iterable[tuple[_T, float]]) -> None:
        pairs = [(item, weight) for item, weight in weighted if weight > 0]
        if not pairs:
            raise ValueError("A weighted choice needs at least one item.")
        self._items = [item for item, _ in pairs]
        self._cumulative = list(itertools.accumulate(weight for _, weight in pairs))
        self._total = self._cumulative[-1]

    def draw(self, rng: random.Random) -> _T:
        hi = len(self._items) - 1
        return self._items[bisect.bisect(self._cumulative, rng.random() * self._total, 0, hi)]


# Nocturnal cramps peak between 01:00 and 04:00.
NIGHT_HOUR = Choice(zip((23, 0, 1, 2, 3, 4, 5, 6), (4, 8, 17, 22, 20, 13, 9, 7), strict=True))
DAY_HOUR = Choice(zip(range(8, 22), (3, 4, 5, 6, 6, 6, 7, 8, 9, 9, 8, 7, 5, 4), strict=True))

MUSCLES = (
    ("muscle.calf", 60.0),
    ("muscle.foot", 20.0),
    ("muscle.hamstring", 7.0),
    ("muscle.thigh", 6.0),
    ("muscle.hand", 4.0),
    ("muscle.neck", 0.8),
    ("muscle.lower_back", 0.8),
    ("muscle.arm", 0.5),
    ("muscle.abdomen", 0.4),
    ("muscle.ribs", 0.3),
)
LIMBS = frozenset(
    {"muscle.calf", "muscle.foot", "muscle.hamstring", "muscle.thigh", "muscle.hand", "muscle.arm"}
)
ARMS = frozenset({"muscle.hand", "muscle.arm"})
# This person's left leg cramps a little more often than the right.
LEG_SIDES = Choice(((Side.LEFT, 47.0), (Side.RIGHT, 40.0), (Side.BOTH, 13.0)))
ARM_SIDES = Choice(((Side.RIGHT, 62.0), (Side.LEFT, 33.0), (Side.BOTH, 5.0)))
TRUNK_SIDES = Choice(
    ((Side.NOT_APPLICABLE, 70.0), (Side.BOTH, 15.0), (Side.LEFT, 8.0), (Side.RIGHT, 7.0))
)

DAY_ACTIVITIES = (
    ("activity.walking", 30.0),
    ("activity.standing_long", 16.0),
    ("activity.sitting_long", 13.0),
    ("activity.running", 10.0),
    ("activity.resting", 8.0),
    ("activity.manual_work", 8.0),
    ("activity.cycling", 5.0),
    ("activity.driving", 4.0),
    ("activity.strength", 3.0),
    ("activity.swimming", 2.0),
)

RATINGS = (ReliefRating.HELPED, ReliefRating.A_LITTLE, ReliefRating.NOT_HELPED)


def rated(helped: float, a_little: float, not_helped: float) -> Choice[ReliefRating]:
    return Choice(zip(RATINGS, (helped, a_little, not_helped), strict=True))


# Each relief: how often it is tried, and how it was rated.
RELIEFS = (
    ("relief.stretch", 0.82, rated(60, 30, 10)),
    ("relief.massage", 0.45, rated(45, 40, 15)),
    ("relief.gentle_movement", 0.40, rated(50, 35, 15)),
    ("relief.drink_water", 0.14, rated(20, 40, 40)),
    ("relief.heat", 0.08, rated(40, 40, 20)),
    ("relief.pain_relief_otc", 0.04, rated(30, 40, 30)),
)
# A cramp over ten minutes is mostly one that stretching did not relieve.
STUBBORN_STRETCH = rated(15, 25, 60)

EXERCISE_LEVELS = (Exercise.NONE, Exercise.USUAL, Exercise.HARD, Exercise.UNACCUSTOMED)
WEEKDAY_EXERCISE = Choice(zip(EXERCISE_LEVELS, (36, 46, 13, 5), strict=True))
WEEKEND_EXERCISE = Choice(zip(EXERCISE_LEVELS, (30, 38, 21, 11), strict=True))

NIGHT_NOTES = (
    "Woke with the calf rock hard. Stood on it and it let go.",
    "Got up and walked round the bedroom until it eased.",
    "Pointed my toes while stretching in bed and that set it off.",
    "Had to sit on the edge of the bed for a few minutes.",
    "Sore to walk on first thing.",
    "Cold bedroom, feet were freezing.",
)
FOOT_NOTES = (
    "Toes curled under and would not straighten for a while.",
    "Arch of the foot knotted up.",
)
DAY_NOTES = {
    "activity.walking": "Half way round the park.",
    "activity.standing_long": "Standing at the counter most of the afternoon.",
    "activity.running": "Near the end of the run.",
    "activity.sitting_long": "Long meeting, had not moved for hours.",
    "activity.driving": "On the motorway, could not stop for a while.",
    "activity.manual_work": "Kneeling in the garden.",
}
HAND_NOTE = "Hand cramped while writing cards."
AGAIN_NOTE = "Came back later in the same leg."
LONG_NOTE = "Took ages to go; stretching did not shift it."
NUMB_NOTE = "Numb for a while afterwards, which is new."


def day_notes(factors: DayFactors, weekday: int) -> tuple[str, ...]:
    if factors.exercise is Exercise.UNACCUSTOMED:
        return (
            "Long hilly walk with friends.",
            "Gardening most of the afternoon.",
            "Helped move furniture all day.",
            "First game of badminton in years.",
        )
    if factors.exercise is Exercise.HARD:
        return ("Longer run than usual.", "Hard session at the gym.")
    if factors.hot_or_sweating:
        return ("Very warm day, sweated a lot.", "Hot and sticky, even at night.")
    if (factors.alcohol_units or 0) >= 4:
        return ("Birthday drinks.", "Dinner out, a few glasses of wine.")
    if factors.long_standing:
        return ("On my feet all day at work.",)
    if factors.long_sitting:
        return ("Long drive to see family.",) if weekday >= 5 else ("Long day at the desk.",)
    if (factors.stress or 0) >= 7:
        return ("Stressful day at work.", "Worried about the family, slept badly.")
    if factors.stretched_before_bed is False:
        return ("Forgot to stretch before bed.",)
    return ()
