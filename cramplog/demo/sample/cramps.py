"""The cramps of each planned night: how many, when, where, how long, and the morning after."""

from __future__ import annotations

import math
import random
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from cramplog.core import nights
from cramplog.core.records import EpisodeInput, Exercise
from cramplog.demo.sample import details, habits
from cramplog.demo.sample.plan import Cramp, Night

if TYPE_CHECKING:
    from cramplog.demo.sample.generator import Generator


def fill(gen: Generator, plan: list[Night]) -> None:
    """Put cramps into the nights, so the whole diary averages the requested rate."""
    rng = gen.rng
    if not plan:
        return
    # Even the worst night stays within a few times the usual: a stack of every risk
    # at once would otherwise give a night of ten cramps.
    ceiling = 4 * sum(night.likelihood for night in plan) / len(plan)
    for night in plan:
        night.likelihood = min(night.likelihood, ceiling)
    total = sum(night.likelihood for night in plan)
    if total <= 0:
        return
    scale = gen.size.episodes_per_week / 7 * len(plan) / total
    for night in plan:
        count = poisson(rng, night.likelihood * scale)
        previous: Cramp | None = None
        for _ in range(count):
            cramp = new_cramp(gen, night, previous)
            if cramp is not None:
                night.cramps.append(cramp)
                previous = cramp
        night.cramps = one_at_a_time(night.cramps)
        review_night(gen, night)


def cramp_time(gen: Generator, night: date, nocturnal: bool) -> datetime:
    rng = gen.rng
    hour = (habits.NIGHT_HOUR if nocturnal else habits.DAY_HOUR).draw(rng)
    on = night if hour >= gen.boundary else night + timedelta(days=1)
    return datetime.combine(on, time(hour, rng.randrange(60)))


def new_cramp(gen: Generator, night: Night, previous: Cramp | None) -> Cramp | None:
    rng = gen.rng
    factors = night.factors
    again = previous is not None and rng.random() < 0.5
    if previous is not None and again:
        # The same muscle again later the same night.
        previous_end = previous.start_local + timedelta(seconds=previous.episode.duration_s or 120)
        local = previous_end + timedelta(minutes=rng.randint(10, 120))
        local = local.replace(second=0)
        nocturnal = previous.nocturnal
        muscle, side = previous.episode.muscle, previous.episode.side
    else:
        exerted = factors.exercise in (Exercise.HARD, Exercise.UNACCUSTOMED)
        nocturnal = rng.random() < (0.72 if exerted else 0.87)
        local = cramp_time(gen, night.night, nocturnal)
        muscle = gen.muscles.draw(rng)
        side = details.sides(muscle).draw(rng)
    quick = rng.random() < 0.05
    if quick:
        # A quick log lets the clock fill in the time, seconds and all.
        local = local.replace(second=rng.randrange(60))
    real, offset = gen.in_zone(local, fold=rng.randrange(2))
    if nights.night_of(real, gen.boundary) != night.night:
        return None
    z = rng.gauss(0.0, 1.0)
    duration = rounded_duration(math.exp(4.5 + 0.8 * z))
    start = real.replace(tzinfo=gen.tz(offset))
    if start + timedelta(seconds=duration) > gen.now:
        return None
    if quick:
        episode = EpisodeInput(
            start=start,
            muscle=muscle,
            side=side,
            intensity=None if rng.random() < 0.6 else draw_intensity(rng, z),
            # The quick log asks nothing but the muscle: whether it woke them is unknown.
            to_review=True,
        )
        return Cramp(real, episode, nocturnal)
    intensity = draw_intensity(rng, z)
    activity = details.activity(gen, nocturnal, factors)
    reliefs = details.reliefs(gen, duration)
    episode = EpisodeInput(
        start=start,
        muscle=muscle,
        side=side,
        duration_s=duration,
        intensity=intensity,
        woke_from_sleep=nocturnal and rng.random() < 0.98,
        activity=activity,
        hydration=details.hydration(gen, factors),
        triggers=details.triggers(gen, factors, activity),
        reliefs=reliefs,
        symptoms=details.symptoms(gen, intensity, duration),
        notes=details.notes(gen, muscle, activity, nocturnal, duration, again),
        triggers_asked=True,
        reliefs_asked=True,
    )
    return Cramp(real, episode, nocturnal)


def review_night(gen: Generator, night: Night) -> None:
    """Fill in what the morning review records about sleep after a cramp night."""
    rng = gen.rng
    woken = [
        cramp
        for cramp in night.cramps
        if cramp.episode.woke_from_sleep or (cramp.episode.to_review and cramp.nocturnal)
    ]
    if not night.reviewed or not woken or night.factors.fluids_l is None:
        return
    worst = max(cramp.episode.intensity or 5 for cramp in woken)
    seconds = sum(cramp.episode.duration_s or 120 for cramp in woken)
    night.factors = replace(
        night.factors,
        sleep_disturbance=min(10, max(1, round(worst * 0.6 + rng.gauss(0, 1.3)) + len(woken) - 1)),
        minutes_awake=min(240, seconds // 60 + rng.randint(5, 40) * len(woken)),
    )


def one_at_a_time(cramps: list[Cramp]) -> list[Cramp]:
    """The night's cramps in order, without one that began while another was still on."""
    kept: list[Cramp] = []
    for cramp in sorted(cramps, key=lambda cramp: cramp.start_local):
        if kept:
            before = kept[-1]
            ends = before.start_local + timedelta(seconds=before.episode.duration_s or 120)
            if cramp.start_local < ends + timedelta(minutes=2):
                continue
        kept.append(cramp)
    return kept


def rounded_duration(seconds: float) -> int:
    """A duration as a person estimates it: to 5 s, then 15 s, then whole minutes."""
    seconds = min(seconds, 40 * 60)
    if seconds < 60:
        return max(5, round(seconds / 5) * 5)
    if seconds < 300:
        return round(seconds / 15) * 15
    return round(seconds / 60) * 60


def draw_intensity(rng: random.Random, z: float) -> int:
    """0–10, mostly 4–8; longer cramps tend to hurt more."""
    value = round(6 + 0.8 * z + rng.gauss(0.0, 1.1))
    if value >= 9 and rng.random() < 0.05:
        return 10
    return min(9, max(1, value))


def poisson(rng: random.Random, mean: float) -> int:
    if mean <= 0:
        return 0
    if mean > 30:  # Knuth's method costs mean + 1 draws; a rounded normal is as good here.
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit = math.exp(-mean)
    count = 0
    product = rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count
