"""The plan of nights: which were reviewed, bad spells, medicines' effects, each day's factors."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from cramplog.core.records import DayFactors, EpisodeInput, Exercise
from cramplog.demo.sample import habits

if TYPE_CHECKING:
    from cramplog.demo.sample.generator import Generator


@dataclass
class Night:
    """One night of the plan, before anything is stored."""

    night: date
    reviewed: bool
    factors: DayFactors
    likelihood: float
    notes: str = ""
    cramps: list[Cramp] = field(default_factory=list)


@dataclass
class Cramp:
    start_local: datetime
    episode: EpisodeInput
    nocturnal: bool


def plan_nights(gen: Generator) -> list[Night]:
    count = (gen.last - gen.first).days + 1
    reviewed = reviewed_mask(gen, count)
    spells = bad_spells(gen, count)
    med_effects = medication_effects(gen, count)
    plan: list[Night] = []
    stretch_after_spell = 0
    for index in range(count):
        night = gen.first + timedelta(days=index)
        # For three weeks after a bad spell the person makes a point of stretching.
        if spells[index] > 1:
            stretch_after_spell = 22
        stretch_after_spell = max(0, stretch_after_spell - 1)
        keen = stretch_after_spell > 0 and spells[index] == 1
        factors, risk = day_factors(gen, night, stretch_bias=keen)
        season = {6: 1.15, 7: 1.15, 8: 1.15, 5: 1.05, 9: 1.05}.get(night.month, 1.0)
        likelihood = risk * season * spells[index] * med_effects[index]
        if not reviewed[index]:
            # Holidays and forgotten mornings: only some cramps get logged at all.
            likelihood *= 0.35
        plan.append(Night(night, reviewed[index], factors, likelihood))
    return plan


def reviewed_mask(gen: Generator, count: int) -> list[bool]:
    rng = gen.rng
    mask = [True] * count
    index = 0
    while index < count:
        draw = rng.random()
        if draw < 0.022:
            length = rng.randint(2, 10)
            for gap in range(index, min(count, index + length)):
                mask[gap] = False
            index += length
        elif draw < 0.052:
            mask[index] = False
            index += 1
        else:
            index += 1
    return mask


def bad_spells(gen: Generator, count: int) -> list[float]:
    rng = gen.rng
    factor = [1.0] * count
    if count < 60:
        return factor
    spells = max(1, round(count / 365.25 * rng.uniform(2.5, 4.0)))
    for _ in range(spells):
        start = rng.randrange(count)
        length = rng.randint(7, 21)
        strength = rng.uniform(2.0, 3.0)
        for index in range(start, min(count, start + length)):
            factor[index] = max(factor[index], strength)
    return factor


def medication_effects(gen: Generator, count: int) -> list[float]:
    effect = [1.0] * count
    for course in gen.courses:
        if course.cramp_effect == 1.0:
            continue
        # A fortnight for the medicine to settle in before the rate changes.
        begin = count - 1 - course.started_days_before_end + 14
        stop = (
            count
            if course.stopped_days_before_end is None
            else (count - course.stopped_days_before_end)
        )
        for index in range(max(0, begin), min(count, stop)):
            effect[index] *= course.cramp_effect
    return effect


def day_factors(gen: Generator, night: date, *, stretch_bias: bool) -> tuple[DayFactors, float]:
    """The day's factors and how much they raise the chance of a cramp that night."""
    rng = gen.rng
    weekday = night.weekday()
    weekend = weekday >= 5
    exercise = (habits.WEEKEND_EXERCISE if weekend else habits.WEEKDAY_EXERCISE).draw(rng)
    heat_chance = {6: 0.3, 7: 0.32, 8: 0.28, 5: 0.12, 9: 0.12, 4: 0.04, 10: 0.04}.get(
        night.month, 0.02
    )
    if exercise in (Exercise.HARD, Exercise.UNACCUSTOMED):
        heat_chance += 0.15
    hot = rng.random() < heat_chance
    fluids = min(3.0, max(1.0, rng.gauss(1.85 + (0.25 if hot else 0.0), 0.42)))
    if weekday in (4, 5):
        alcohol = rng.choice((0.0, 0.0, 2.0, 3.0, 4.0, 5.0, 6.0))
    else:
        alcohol = rng.choice((1.0, 2.0)) if rng.random() < 0.12 else 0.0
    standing = rng.random() < (0.08 if weekend else 0.16)
    sitting = not standing and rng.random() < (0.15 if weekend else 0.38)
    stretched = rng.random() < (0.7 if stretch_bias else 0.4)
    stress = min(10, max(0, round(rng.gauss(3.5 if weekend else 4.2, 1.8))))
    risk = 1.0
    risk *= {
        Exercise.NONE: 0.9,
        Exercise.USUAL: 1.0,
        Exercise.HARD: 1.6,
        Exercise.UNACCUSTOMED: 2.3,
    }[exercise]
    risk *= 1.4 if hot else 1.0
    risk *= 1.5 if fluids < 1.5 else 1.0
    risk *= 1.4 if alcohol >= 4 else 1.15 if alcohol >= 2 else 1.0
    risk *= 0.75 if stretched else 1.15
    risk *= 1.3 if standing else 1.1 if sitting else 1.0
    risk *= 1.2 if stress >= 7 else 1.0
    if rng.random() < 0.08:
        # Some mornings only the tick "reviewed" gets recorded, nothing else.
        return DayFactors(reviewed=True), risk
    factors = DayFactors(
        reviewed=True,
        fluids_l=round(fluids, 1),
        exercise=exercise,
        alcohol_units=alcohol,
        caffeine_drinks=None if rng.random() < 0.1 else rng.choice((0, 1, 2, 2, 3, 3, 4, 5)),
        hot_or_sweating=hot,
        long_standing=standing,
        long_sitting=sitting,
        stretched_before_bed=stretched,
        stress=None if rng.random() < 0.15 else stress,
    )
    return factors, risk
