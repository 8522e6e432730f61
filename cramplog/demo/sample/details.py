"""What the person notes about one cramp: side, activity, thirst, triggers, reliefs, symptoms."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cramplog.core.records import DayFactors, Exercise, Hydration, ReliefRating, Side
from cramplog.demo.sample import habits

if TYPE_CHECKING:
    from cramplog.demo.sample.generator import Generator


def sides(muscle: str) -> habits.Choice[Side]:
    if muscle in habits.ARMS:
        return habits.ARM_SIDES
    return habits.LEG_SIDES if muscle in habits.LIMBS else habits.TRUNK_SIDES


def activity(gen: Generator, nocturnal: bool, factors: DayFactors) -> str | None:
    rng = gen.rng
    if nocturnal:
        if rng.random() < 0.95 and gen.asleep is not None:
            return gen.asleep
        return "activity.resting" if "activity.resting" in gen.activities else gen.asleep
    if not gen.day_activities:
        return None
    # What the day held makes some activities likelier (a day on the feet, a long drive).
    key = (
        bool(factors.long_standing),
        bool(factors.long_sitting),
        factors.exercise is Exercise.UNACCUSTOMED,
    )
    choice = gen.activity_choices.get(key)
    if choice is None:
        standing, sitting, unaccustomed = key
        weights = dict(gen.day_activities)
        for code, extra, applies in (
            ("activity.standing_long", 40.0, standing),
            ("activity.sitting_long", 25.0, sitting),
            ("activity.manual_work", 25.0, unaccustomed),
            ("activity.walking", 25.0, unaccustomed),
        ):
            if applies and code in weights:
                weights[code] += extra
        choice = gen.activity_choices[key] = habits.Choice(weights.items())
    return choice.draw(rng)


def hydration(gen: Generator, factors: DayFactors) -> Hydration | None:
    rng = gen.rng
    draw = rng.random()
    if draw < 0.15:
        return None
    if factors.fluids_l is not None and factors.fluids_l < 1.5:
        return Hydration.THIRSTY if draw < 0.75 else Hydration.NORMAL
    if factors.hot_or_sweating:
        return Hydration.THIRSTY if draw < 0.55 else Hydration.NORMAL
    if draw < 0.4:
        return Hydration.WELL
    return Hydration.NORMAL if draw < 0.9 else Hydration.THIRSTY


def triggers(gen: Generator, factors: DayFactors, activity: str | None) -> tuple[str, ...]:
    """What the person suspects, mostly following what the day actually held."""
    rng = gen.rng
    suspected: list[str] = []

    def maybe(code: str, chance: float) -> None:
        if code in gen.triggers and code not in suspected and rng.random() < chance:
            suspected.append(code)

    if factors.exercise is Exercise.UNACCUSTOMED:
        maybe("trigger.unaccustomed_activity", 0.75)
        maybe("trigger.overuse", 0.3)
    elif factors.exercise is Exercise.HARD:
        maybe("trigger.overuse", 0.65)
    if factors.hot_or_sweating:
        maybe("trigger.heat_sweating", 0.6)
    if factors.fluids_l is not None and factors.fluids_l < 1.5:
        maybe("trigger.dehydration", 0.6)
    if (factors.alcohol_units or 0) >= 4:
        maybe("trigger.alcohol", 0.5)
    if factors.stretched_before_bed is False:
        maybe("trigger.no_stretch_before_bed", 0.4)
    if factors.long_standing or activity == "activity.standing_long":
        maybe("trigger.long_standing", 0.55)
    if factors.long_sitting or activity in ("activity.sitting_long", "activity.driving"):
        maybe("trigger.long_sitting", 0.4)
    if (factors.stress or 0) >= 7:
        maybe("trigger.stress_anxiety", 0.5)
    if activity == "activity.running":
        maybe("trigger.no_warm_up", 0.3)
    maybe("trigger.moving_quickly", 0.03)
    maybe("trigger.caffeine", 0.02)
    return tuple(suspected)


def reliefs(gen: Generator, duration: int) -> tuple[tuple[str, ReliefRating | None], ...]:
    rng = gen.rng
    tried: list[tuple[str, ReliefRating | None]] = []
    stubborn = duration > 600
    for code, chance, ratings in gen.reliefs:
        if rng.random() >= chance:
            continue
        if rng.random() < 0.05:
            rating: ReliefRating | None = None
        elif stubborn and code == "relief.stretch":
            rating = habits.STUBBORN_STRETCH.draw(rng)
        else:
            rating = ratings.draw(rng)
        tried.append((code, rating))
    if not tried and gen.reliefs and rng.random() < 0.8:
        # Nearly everyone at least tries to stretch it out.
        code, _chance, ratings = gen.reliefs[0]
        tried.append((code, ratings.draw(rng)))
    return tuple(tried)


def symptoms(gen: Generator, intensity: int, duration: int) -> tuple[str, ...]:
    rng = gen.rng
    chance = 0.12 + 0.05 * max(0, intensity - 5) + (0.25 if duration > 300 else 0.0)
    if "symptom.soreness_after" in gen.symptoms and rng.random() < chance:
        return ("symptom.soreness_after",)
    return ()


def notes(
    gen: Generator, muscle: str, activity: str | None, nocturnal: bool, duration: int, again: bool
) -> str:
    rng = gen.rng
    if duration > 600:
        return habits.LONG_NOTE if rng.random() < 0.7 else ""
    if rng.random() >= 0.08:
        return ""
    if again:
        return habits.AGAIN_NOTE
    if muscle == "muscle.hand":
        return habits.HAND_NOTE
    if muscle == "muscle.foot":
        return rng.choice(habits.FOOT_NOTES)
    if nocturnal:
        return rng.choice(habits.NIGHT_NOTES)
    return habits.DAY_NOTES.get(activity or "", "")
