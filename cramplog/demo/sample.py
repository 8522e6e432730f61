"""Generate a realistic, reproducible sample diary for the demo and the benchmarks."""

from __future__ import annotations

import bisect
import itertools
import math
import random
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Generic, TypeVar
from zoneinfo import ZoneInfo

from cramplog.core import nights, validation
from cramplog.core.records import (
    DayFactors,
    EpisodeInput,
    Exercise,
    Hydration,
    MedicationInput,
    ReliefRating,
    Side,
    TakenFor,
)
from cramplog.diary.service import Diary
from cramplog.storage import bulk, layout, plain_reads

# A fixed zone with daylight saving, so every sample diary has 23- and 25-hour nights in it.
SAMPLE_ZONE = "Europe/London"


@dataclass(frozen=True)
class SampleSize:
    """How much diary to make: its length, the usual cramp rate, and how many medicines."""

    years: float = 1.0
    episodes_per_week: float = 2.5
    medications: int = 2


@dataclass(frozen=True)
class SampleSummary:
    """What was written: episodes, nights spanned, nights reviewed, medicines."""

    episodes: int
    nights: int
    reviewed_nights: int
    medications: int


# -- the person's habits, as weighted choices ---------------------------------------------

_T = TypeVar("_T")


class _Choice(Generic[_T]):
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
_NIGHT_HOUR = _Choice(zip((23, 0, 1, 2, 3, 4, 5, 6), (4, 8, 17, 22, 20, 13, 9, 7), strict=True))
_DAY_HOUR = _Choice(zip(range(8, 22), (3, 4, 5, 6, 6, 6, 7, 8, 9, 9, 8, 7, 5, 4), strict=True))

_MUSCLES = (
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
_LIMBS = frozenset(
    {"muscle.calf", "muscle.foot", "muscle.hamstring", "muscle.thigh", "muscle.hand", "muscle.arm"}
)
_ARMS = frozenset({"muscle.hand", "muscle.arm"})
# This person's left leg cramps a little more often than the right.
_LEG_SIDES = _Choice(((Side.LEFT, 47.0), (Side.RIGHT, 40.0), (Side.BOTH, 13.0)))
_ARM_SIDES = _Choice(((Side.RIGHT, 62.0), (Side.LEFT, 33.0), (Side.BOTH, 5.0)))
_TRUNK_SIDES = _Choice(
    ((Side.NOT_APPLICABLE, 70.0), (Side.BOTH, 15.0), (Side.LEFT, 8.0), (Side.RIGHT, 7.0))
)

_DAY_ACTIVITIES = (
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

_RATINGS = (ReliefRating.HELPED, ReliefRating.A_LITTLE, ReliefRating.NOT_HELPED)


def _rated(helped: float, a_little: float, not_helped: float) -> _Choice[ReliefRating]:
    return _Choice(zip(_RATINGS, (helped, a_little, not_helped), strict=True))


# Each relief: how often it is tried, and how it was rated.
_RELIEFS = (
    ("relief.stretch", 0.82, _rated(60, 30, 10)),
    ("relief.massage", 0.45, _rated(45, 40, 15)),
    ("relief.gentle_movement", 0.40, _rated(50, 35, 15)),
    ("relief.drink_water", 0.14, _rated(20, 40, 40)),
    ("relief.heat", 0.08, _rated(40, 40, 20)),
    ("relief.pain_relief_otc", 0.04, _rated(30, 40, 30)),
)
# A cramp over ten minutes is mostly one that stretching did not relieve.
_STUBBORN_STRETCH = _rated(15, 25, 60)

_EXERCISE_LEVELS = (Exercise.NONE, Exercise.USUAL, Exercise.HARD, Exercise.UNACCUSTOMED)
_WEEKDAY_EXERCISE = _Choice(zip(_EXERCISE_LEVELS, (36, 46, 13, 5), strict=True))
_WEEKEND_EXERCISE = _Choice(zip(_EXERCISE_LEVELS, (30, 38, 21, 11), strict=True))

_NIGHT_NOTES = (
    "Woke with the calf rock hard. Stood on it and it let go.",
    "Got up and walked round the bedroom until it eased.",
    "Pointed my toes while stretching in bed and that set it off.",
    "Had to sit on the edge of the bed for a few minutes.",
    "Sore to walk on first thing.",
    "Cold bedroom, feet were freezing.",
)
_FOOT_NOTES = (
    "Toes curled under and would not straighten for a while.",
    "Arch of the foot knotted up.",
)
_DAY_NOTES = {
    "activity.walking": "Half way round the park.",
    "activity.standing_long": "Standing at the counter most of the afternoon.",
    "activity.running": "Near the end of the run.",
    "activity.sitting_long": "Long meeting, had not moved for hours.",
    "activity.driving": "On the motorway, could not stop for a while.",
    "activity.manual_work": "Kneeling in the garden.",
}
_HAND_NOTE = "Hand cramped while writing cards."
_AGAIN_NOTE = "Came back later in the same leg."
_LONG_NOTE = "Took ages to go; stretching did not shift it."
_NUMB_NOTE = "Numb for a while afterwards, which is new."


def _day_notes(factors: DayFactors, weekday: int) -> tuple[str, ...]:
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


# -- medicines ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Course:
    """A medicine the person takes, when (days before the sample's end), and its effect."""

    name: str
    dose: str
    med_class: str | None
    taken_for: TakenFor
    started_days_before_end: int
    stopped_days_before_end: int | None
    # Multiplies the cramp rate while taken (after a fortnight to settle in).
    cramp_effect: float
    notes: str = ""


_COURSES = (
    _Course(
        "Atorvastatin", "20 mg", "medication_class.cholesterol", TakenFor.OTHER, 213, None, 1.25
    ),
    _Course(
        "Magnesium citrate",
        "300 mg",
        "medication_class.magnesium_supplement",
        TakenFor.CRAMPS,
        91,
        None,
        0.8,
        "Bought over the counter after reading it might help with the night cramps.",
    ),
    _Course("Ramipril", "5 mg", "medication_class.blood_pressure", TakenFor.OTHER, 905, None, 1.0),
    _Course(
        "Bendroflumethiazide",
        "2.5 mg",
        "medication_class.diuretic",
        TakenFor.OTHER,
        520,
        430,
        1.2,
        "Stopped by the GP.",
    ),
    _Course(
        "Salbutamol inhaler",
        "100 micrograms, as needed",
        "medication_class.beta_agonist_inhaler",
        TakenFor.OTHER,
        300,
        None,
        1.05,
    ),
    _Course("Vitamin D3", "1000 IU", None, TakenFor.OTHER, 400, None, 1.0),
    _Course(
        "Quinine sulfate",
        "200 mg at bedtime",
        "medication_class.quinine",
        TakenFor.CRAMPS,
        640,
        612,
        0.85,
        "Stopped at the four-week review; little difference.",
    ),
    _Course(
        "Amlodipine",
        "5 mg",
        "medication_class.calcium_channel_blocker",
        TakenFor.OTHER,
        1100,
        905,
        1.15,
        "Swapped for ramipril because of ankle swelling.",
    ),
    _Course("Omeprazole", "20 mg", None, TakenFor.OTHER, 1500, None, 1.0),
    _Course(
        "Naproxen",
        "250 mg, as needed",
        "medication_class.naproxen",
        TakenFor.OTHER,
        200,
        186,
        1.1,
        "Two weeks for a sore knee.",
    ),
)


def _courses(count: int) -> list[_Course]:
    """`count` courses; beyond the list, earlier courses of the same medicines."""
    chosen: list[_Course] = []
    for index in range(count):
        course = _COURSES[index % len(_COURSES)]
        years_earlier = index // len(_COURSES)
        if years_earlier:
            shift = 365 * years_earlier + course.started_days_before_end
            length = (course.stopped_days_before_end or 0) - course.started_days_before_end
            course = replace(
                course,
                started_days_before_end=shift,
                stopped_days_before_end=shift - max(28, -length),
                notes="An earlier course.",
            )
        chosen.append(course)
    return chosen


# -- generation ---------------------------------------------------------------------------


@dataclass
class _Night:
    """One night of the plan, before anything is stored."""

    night: date
    reviewed: bool
    factors: DayFactors
    likelihood: float
    notes: str = ""
    cramps: list[_Cramp] = field(default_factory=list)


@dataclass
class _Cramp:
    start_local: datetime
    episode: EpisodeInput
    nocturnal: bool


def _present(
    choices: Sequence[tuple[str, float]], codes: frozenset[str]
) -> tuple[tuple[str, float], ...]:
    return tuple((code, weight) for code, weight in choices if code in codes)


def _poisson(rng: random.Random, mean: float) -> int:
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


def _sample_uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


class _Generator:
    """Builds the whole sample in memory from one seeded Random; nothing global is used."""

    def __init__(self, diary: Diary, size: SampleSize, seed: int, first: date, last: date) -> None:
        self.rng = random.Random(seed)
        self.size = size
        self.first = first
        self.last = last
        self.now = diary.now()
        self.now_utc = self.now.astimezone(UTC).replace(tzinfo=None, microsecond=0)
        self.boundary = diary.boundary_hour
        self.zone = ZoneInfo(SAMPLE_ZONE)
        self._offsets: dict[int, timezone] = {}
        self._day_offsets: dict[date, int | None] = {}
        muscles = _present(_MUSCLES, diary.codes("muscle"))
        if not muscles:
            raise ValueError("The checklist names none of the muscles a sample diary uses.")
        self.muscles = _Choice(muscles)
        activities = self.activities = diary.codes("activity")
        self.asleep = "activity.asleep" if "activity.asleep" in activities else None
        self.day_activities = _present(_DAY_ACTIVITIES, activities)
        self._activity_choices: dict[tuple[bool, bool, bool], _Choice[str]] = {}
        self.triggers = diary.codes("trigger")
        self.reliefs = tuple(entry for entry in _RELIEFS if entry[0] in diary.codes("relief"))
        self.symptoms = diary.codes("symptom")
        classes = diary.codes("medication_class")
        self.courses = [
            course
            if course.med_class in classes or course.med_class is None
            else replace(course, med_class=None)
            for course in _courses(size.medications)
        ]

    # -- helpers ----------------------------------------------------------------------------

    def _tz(self, offset_min: int) -> timezone:
        tz = self._offsets.get(offset_min)
        if tz is None:
            tz = self._offsets[offset_min] = timezone(timedelta(minutes=offset_min))
        return tz

    def _day_offset(self, day: date) -> int | None:
        """The zone's offset all through `day`, or None on a day the clocks change."""
        if day not in self._day_offsets:
            early = self.zone.utcoffset(datetime.combine(day, time(0, 0)))
            late = self.zone.utcoffset(datetime.combine(day, time(23, 59)))
            assert early is not None and late is not None
            same = early == late
            self._day_offsets[day] = int(early.total_seconds() // 60) if same else None
        return self._day_offsets[day]

    def _in_zone(self, local: datetime, fold: int = 0) -> tuple[datetime, int]:
        """A wall-clock time in the sample's zone as (real wall-clock time, offset minutes).

        A time the spring change skips is moved on by the hour the clocks jumped, as a clock
        on the wall would show it; `fold` picks which of the autumn's repeated hours is meant.
        """
        offset_min = self._day_offset(local.date())
        if offset_min is not None:
            return local, offset_min
        aware = local.replace(tzinfo=self.zone, fold=fold).astimezone(UTC).astimezone(self.zone)
        offset = aware.utcoffset()
        assert offset is not None
        return aware.replace(tzinfo=None), int(offset.total_seconds() // 60)

    def _to_utc(self, local: datetime) -> datetime:
        real, offset = self._in_zone(local)
        return min(real - timedelta(minutes=offset), self.now_utc)

    # -- the plan of nights -----------------------------------------------------------------

    def nights(self) -> list[_Night]:
        count = (self.last - self.first).days + 1
        reviewed = self._reviewed_mask(count)
        spells = self._bad_spells(count)
        med_effects = self._medication_effects(count)
        plan: list[_Night] = []
        stretch_after_spell = 0
        for index in range(count):
            night = self.first + timedelta(days=index)
            # For three weeks after a bad spell the person makes a point of stretching.
            if spells[index] > 1:
                stretch_after_spell = 22
            stretch_after_spell = max(0, stretch_after_spell - 1)
            keen = stretch_after_spell > 0 and spells[index] == 1
            factors, risk = self._factors(night, stretch_bias=keen)
            season = {6: 1.15, 7: 1.15, 8: 1.15, 5: 1.05, 9: 1.05}.get(night.month, 1.0)
            likelihood = risk * season * spells[index] * med_effects[index]
            if not reviewed[index]:
                # Holidays and forgotten mornings: only some cramps get logged at all.
                likelihood *= 0.35
            plan.append(_Night(night, reviewed[index], factors, likelihood))
        return plan

    def _reviewed_mask(self, count: int) -> list[bool]:
        rng = self.rng
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

    def _bad_spells(self, count: int) -> list[float]:
        rng = self.rng
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

    def _medication_effects(self, count: int) -> list[float]:
        effect = [1.0] * count
        for course in self.courses:
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

    def _factors(self, night: date, *, stretch_bias: bool) -> tuple[DayFactors, float]:
        """The day's factors and how much they raise the chance of a cramp that night."""
        rng = self.rng
        weekday = night.weekday()
        weekend = weekday >= 5
        exercise = (_WEEKEND_EXERCISE if weekend else _WEEKDAY_EXERCISE).draw(rng)
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

    # -- episodes ---------------------------------------------------------------------------

    def fill(self, plan: list[_Night]) -> None:
        """Put cramps into the nights, so the whole diary averages the requested rate."""
        rng = self.rng
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
        scale = self.size.episodes_per_week / 7 * len(plan) / total
        for night in plan:
            count = _poisson(rng, night.likelihood * scale)
            previous: _Cramp | None = None
            for _ in range(count):
                cramp = self._cramp(night, previous)
                if cramp is not None:
                    night.cramps.append(cramp)
                    previous = cramp
            night.cramps = _one_at_a_time(night.cramps)
            self._review_night(night)

    def _cramp_time(self, night: date, nocturnal: bool) -> datetime:
        rng = self.rng
        hour = (_NIGHT_HOUR if nocturnal else _DAY_HOUR).draw(rng)
        on = night if hour >= self.boundary else night + timedelta(days=1)
        return datetime.combine(on, time(hour, rng.randrange(60)))

    def _cramp(self, night: _Night, previous: _Cramp | None) -> _Cramp | None:
        rng = self.rng
        factors = night.factors
        again = previous is not None and rng.random() < 0.5
        if previous is not None and again:
            # The same muscle again later the same night.
            previous_end = previous.start_local + timedelta(
                seconds=previous.episode.duration_s or 120
            )
            local = previous_end + timedelta(minutes=rng.randint(10, 120))
            local = local.replace(second=0)
            nocturnal = previous.nocturnal
            muscle, side = previous.episode.muscle, previous.episode.side
        else:
            exerted = factors.exercise in (Exercise.HARD, Exercise.UNACCUSTOMED)
            nocturnal = rng.random() < (0.72 if exerted else 0.87)
            local = self._cramp_time(night.night, nocturnal)
            muscle = self.muscles.draw(rng)
            side = self._sides(muscle).draw(rng)
        quick = rng.random() < 0.05
        if quick:
            # A quick log lets the clock fill in the time, seconds and all.
            local = local.replace(second=rng.randrange(60))
        real, offset = self._in_zone(local, fold=rng.randrange(2))
        if nights.night_of(real, self.boundary) != night.night:
            return None
        z = rng.gauss(0.0, 1.0)
        duration = _rounded_duration(math.exp(4.5 + 0.8 * z))
        start = real.replace(tzinfo=self._tz(offset))
        if start + timedelta(seconds=duration) > self.now:
            return None
        if quick:
            episode = EpisodeInput(
                start=start,
                muscle=muscle,
                side=side,
                intensity=None if rng.random() < 0.6 else _intensity(rng, z),
                # The quick log asks nothing but the muscle: whether it woke them is unknown.
                to_review=True,
            )
            return _Cramp(real, episode, nocturnal)
        intensity = _intensity(rng, z)
        activity = self._activity(nocturnal, factors)
        reliefs = self._reliefs(duration)
        episode = EpisodeInput(
            start=start,
            muscle=muscle,
            side=side,
            duration_s=duration,
            intensity=intensity,
            woke_from_sleep=nocturnal and rng.random() < 0.98,
            activity=activity,
            hydration=self._hydration(factors),
            triggers=self._triggers(factors, activity),
            reliefs=reliefs,
            symptoms=self._symptoms(intensity, duration),
            notes=self._notes(muscle, activity, nocturnal, duration, again),
            triggers_asked=True,
            reliefs_asked=True,
        )
        return _Cramp(real, episode, nocturnal)

    @staticmethod
    def _sides(muscle: str) -> _Choice[Side]:
        if muscle in _ARMS:
            return _ARM_SIDES
        return _LEG_SIDES if muscle in _LIMBS else _TRUNK_SIDES

    def _activity(self, nocturnal: bool, factors: DayFactors) -> str | None:
        rng = self.rng
        if nocturnal:
            if rng.random() < 0.95 and self.asleep is not None:
                return self.asleep
            return "activity.resting" if "activity.resting" in self.activities else self.asleep
        if not self.day_activities:
            return None
        # What the day held makes some activities likelier (a day on the feet, a long drive).
        key = (
            bool(factors.long_standing),
            bool(factors.long_sitting),
            factors.exercise is Exercise.UNACCUSTOMED,
        )
        choice = self._activity_choices.get(key)
        if choice is None:
            standing, sitting, unaccustomed = key
            weights = dict(self.day_activities)
            for code, extra, applies in (
                ("activity.standing_long", 40.0, standing),
                ("activity.sitting_long", 25.0, sitting),
                ("activity.manual_work", 25.0, unaccustomed),
                ("activity.walking", 25.0, unaccustomed),
            ):
                if applies and code in weights:
                    weights[code] += extra
            choice = self._activity_choices[key] = _Choice(weights.items())
        return choice.draw(rng)

    def _hydration(self, factors: DayFactors) -> Hydration | None:
        rng = self.rng
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

    def _triggers(self, factors: DayFactors, activity: str | None) -> tuple[str, ...]:
        """What the person suspects, mostly following what the day actually held."""
        rng = self.rng
        suspected: list[str] = []

        def maybe(code: str, chance: float) -> None:
            if code in self.triggers and code not in suspected and rng.random() < chance:
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

    def _reliefs(self, duration: int) -> tuple[tuple[str, ReliefRating | None], ...]:
        rng = self.rng
        tried: list[tuple[str, ReliefRating | None]] = []
        stubborn = duration > 600
        for code, chance, ratings in self.reliefs:
            if rng.random() >= chance:
                continue
            if rng.random() < 0.05:
                rating: ReliefRating | None = None
            elif stubborn and code == "relief.stretch":
                rating = _STUBBORN_STRETCH.draw(rng)
            else:
                rating = ratings.draw(rng)
            tried.append((code, rating))
        if not tried and self.reliefs and rng.random() < 0.8:
            # Nearly everyone at least tries to stretch it out.
            code, _chance, ratings = self.reliefs[0]
            tried.append((code, ratings.draw(rng)))
        return tuple(tried)

    def _symptoms(self, intensity: int, duration: int) -> tuple[str, ...]:
        rng = self.rng
        chance = 0.12 + 0.05 * max(0, intensity - 5) + (0.25 if duration > 300 else 0.0)
        if "symptom.soreness_after" in self.symptoms and rng.random() < chance:
            return ("symptom.soreness_after",)
        return ()

    def _notes(
        self, muscle: str, activity: str | None, nocturnal: bool, duration: int, again: bool
    ) -> str:
        rng = self.rng
        if duration > 600:
            return _LONG_NOTE if rng.random() < 0.7 else ""
        if rng.random() >= 0.08:
            return ""
        if again:
            return _AGAIN_NOTE
        if muscle == "muscle.hand":
            return _HAND_NOTE
        if muscle == "muscle.foot":
            return rng.choice(_FOOT_NOTES)
        if nocturnal:
            return rng.choice(_NIGHT_NOTES)
        return _DAY_NOTES.get(activity or "", "")

    def _review_night(self, night: _Night) -> None:
        """Fill in what the morning review records about sleep after a cramp night."""
        rng = self.rng
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
            sleep_disturbance=min(
                10, max(1, round(worst * 0.6 + rng.gauss(0, 1.3)) + len(woken) - 1)
            ),
            minutes_awake=min(240, seconds // 60 + rng.randint(5, 40) * len(woken)),
        )

    # -- storing ----------------------------------------------------------------------------

    def episodes(self, plan: list[_Night]) -> list[bulk.NewEpisode]:
        rng = self.rng
        cramps = [cramp for night in plan for cramp in night.cramps]
        self._mark_rare_signs(cramps)
        if cramps and not any(cramp.episode.to_review for cramp in cramps):
            # The newest cramp is still waiting for its morning review.
            last = cramps[-1]
            last.episode = replace(
                last.episode,
                to_review=True,
                woke_from_sleep=None,
                activity=None,
                hydration=None,
                triggers=(),
                reliefs=(),
                symptoms=(),
                notes="",
                triggers_asked=False,
                reliefs_asked=False,
            )
        stored: list[bulk.NewEpisode] = []
        for cramp in cramps:
            episode = cramp.episode
            start_utc = episode.start.astimezone(UTC).replace(tzinfo=None)
            end_utc = start_utc + timedelta(seconds=episode.duration_s or 60)
            if episode.to_review:
                created = updated = min(end_utc + timedelta(minutes=1), self.now_utc)
            elif cramp.nocturnal:
                # Logged quickly in the night and completed at the morning review, or
                # written up only in the morning.
                night_of = nights.night_of(cramp.start_local, self.boundary)
                at_night = min(end_utc + timedelta(minutes=1), self.now_utc)
                review = datetime.combine(
                    night_of + timedelta(days=1), time(7 + rng.randrange(3), rng.randrange(60))
                )
                morning = max(self._to_utc(review), at_night)
                created = at_night if rng.random() < 0.5 else morning
                updated = morning
            else:
                created = updated = min(
                    end_utc + timedelta(minutes=rng.randint(2, 40)), self.now_utc
                )
            stored.append(
                bulk.NewEpisode(
                    episode=episode,
                    start_local=cramp.start_local,
                    utc_offset_min=_offset_minutes(episode.start),
                    uuid=_sample_uuid(rng),
                    created_utc=created,
                    updated_utc=updated,
                )
            )
        return stored

    def _mark_rare_signs(self, cramps: list[_Cramp]) -> None:
        """About once a year a cramp leaves numbness behind: rare, but a sign to act on."""
        rng = self.rng
        if "symptom.numbness" not in self.symptoms:
            return
        full = [cramp for cramp in cramps if not cramp.episode.to_review]
        wanted = min(len(full), max(1, round(self.size.years)))
        for cramp in rng.sample(full, wanted):
            cramp.episode = replace(
                cramp.episode,
                symptoms=(*cramp.episode.symptoms, "symptom.numbness"),
                notes=_NUMB_NOTE,
            )

    def days(self, plan: list[_Night]) -> list[bulk.NewDay]:
        rng = self.rng
        starts = {
            self.last - timedelta(days=course.started_days_before_end): course
            for course in self.courses
        }
        stored: list[bulk.NewDay] = []
        for night in plan:
            if not night.reviewed:
                continue
            factors = night.factors
            course = starts.get(night.night)
            if course is not None:
                factors = replace(factors, notes=f"Started {course.name.lower()} today.")
            elif rng.random() < 0.07:
                notes = _day_notes(factors, night.night.weekday())
                if notes:
                    factors = replace(factors, notes=rng.choice(notes))
            review = datetime.combine(
                night.night + timedelta(days=1), time(7 + rng.randrange(3), rng.randrange(60))
            )
            when = self._to_utc(review)
            stored.append(bulk.NewDay(night.night, factors, _sample_uuid(rng), when, when))
        return stored

    def medications(self) -> list[bulk.NewMedication]:
        rng = self.rng
        stored: list[bulk.NewMedication] = []
        for course in self.courses:
            started = self.last - timedelta(days=course.started_days_before_end)
            stopped = (
                None
                if course.stopped_days_before_end is None
                else self.last - timedelta(days=course.stopped_days_before_end)
            )
            medication = MedicationInput(
                name=course.name,
                dose=course.dose,
                started_on=started,
                stopped_on=stopped,
                taken_for=course.taken_for,
                med_class=course.med_class,
                notes=course.notes,
            )
            entered = self._to_utc(datetime.combine(max(started, self.first), time(19, 30)))
            changed = (
                entered
                if stopped is None
                else self._to_utc(datetime.combine(max(stopped, self.first), time(19, 30)))
            )
            stored.append(
                bulk.NewMedication(medication, _sample_uuid(rng), entered, max(entered, changed))
            )
        return stored


def _one_at_a_time(cramps: list[_Cramp]) -> list[_Cramp]:
    """The night's cramps in order, without one that began while another was still on."""
    kept: list[_Cramp] = []
    for cramp in sorted(cramps, key=lambda cramp: cramp.start_local):
        if kept:
            before = kept[-1]
            ends = before.start_local + timedelta(seconds=before.episode.duration_s or 120)
            if cramp.start_local < ends + timedelta(minutes=2):
                continue
        kept.append(cramp)
    return kept


def _offset_minutes(start: datetime) -> int:
    offset = start.utcoffset()
    assert offset is not None
    return int(offset.total_seconds() // 60)


def _rounded_duration(seconds: float) -> int:
    """A duration as a person estimates it: to 5 s, then 15 s, then whole minutes."""
    seconds = min(seconds, 40 * 60)
    if seconds < 60:
        return max(5, round(seconds / 5) * 5)
    if seconds < 300:
        return round(seconds / 15) * 15
    return round(seconds / 60) * 60


def _intensity(rng: random.Random, z: float) -> int:
    """0–10, mostly 4–8; longer cramps tend to hurt more."""
    value = round(6 + 0.8 * z + rng.gauss(0.0, 1.1))
    if value >= 9 and rng.random() < 0.05:
        return 10
    return min(9, max(1, value))


# -- the public entry points --------------------------------------------------------------


def generate(
    diary: Diary,
    *,
    size: SampleSize = SampleSize(),
    seed: int = 1,
    end: date | None = None,
) -> SampleSummary:
    """Fill an empty diary with `size.years` of sample entries up to the night of `end`.

    `end` defaults to yesterday. The same seed, size and end give the same diary.
    Raises ValueError for a size that makes no sense or a diary that already holds entries.
    """
    if not size.years > 0 or not math.isfinite(size.years):
        raise ValueError("A sample diary must span some time (years > 0).")
    if not size.episodes_per_week >= 0 or not math.isfinite(size.episodes_per_week):
        raise ValueError("The sample's cramp rate cannot be negative.")
    if size.medications < 0:
        raise ValueError("The sample's number of medicines cannot be negative.")
    today = diary.now().date()
    last = end if end is not None else today - timedelta(days=1)
    if last > today:
        raise ValueError(f"A sample diary cannot end in the future ({last:%d %B %Y}).")
    span = max(1, round(size.years * 365.25))
    try:
        first = last - timedelta(days=span - 1)
    except OverflowError:
        first = date.min
    if first.year < 1900:
        raise ValueError("A sample diary cannot reach back before 1900; ask for fewer years.")

    generator = _Generator(diary, size, seed, first, last)
    plan = generator.nights()
    generator.fill(plan)
    episodes = generator.episodes(plan)
    days = generator.days(plan)
    medications = generator.medications()
    _spot_check(diary, episodes, days, medications)

    with diary.bulk_session() as session:
        if bulk.holds_entries(session):
            raise ValueError(
                "This diary already holds entries; sample data is only ever written into an "
                "empty diary so it never mixes with real ones."
            )
        stored = bulk.insert_episodes(session, episodes)
        bulk.insert_days(session, days)
        bulk.insert_medications(session, medications)
    return SampleSummary(
        episodes=stored,
        nights=len(plan),
        reviewed_nights=len(days),
        medications=len(medications),
    )


def _spot_check(
    diary: Diary,
    episodes: Sequence[bulk.NewEpisode],
    days: Sequence[bulk.NewDay],
    medications: Sequence[bulk.NewMedication],
) -> None:
    """Validate a spread of the generated records the way a person's entries are checked.

    Checking every row would double the cost of a stress diary; a spread catches a generator
    bug just as surely, because every record comes from the same code.
    """
    now = diary.now()
    step = max(1, len(episodes) // 200)
    for new in episodes[::step]:
        validation.check_episode(
            new.episode,
            now=now,
            muscles=diary.codes("muscle"),
            activities=diary.codes("activity"),
            triggers=diary.codes("trigger"),
            reliefs=diary.codes("relief"),
            symptoms=diary.codes("symptom"),
        )
    for day in days[:: max(1, len(days) // 200)]:
        validation.check_day(day.night_of, day.factors, today=now.date())
    for medication in medications:
        validation.check_medication(medication.medication, classes=diary.codes("medication_class"))


def create_sample_diary(
    data_dir: Path,
    *,
    size: SampleSize = SampleSize(),
    seed: int = 1,
    end: date | None = None,
) -> Path:
    """Create a sample diary in `data_dir` and return the diary file's path.

    Refuses (ValueError) when `data_dir` already holds a diary with entries, and leaves it
    untouched: sample data must never be mixed into a person's own diary.
    """
    path = layout.diary_path(data_dir)
    if plain_reads.holds_entries(path):
        raise ValueError(
            f"{path} already holds a diary with entries; a sample diary is only created in an "
            "empty folder, so it never mixes with real entries."
        )
    diary = Diary.open(data_dir)
    try:
        generate(diary, size=size, seed=seed, end=end)
    finally:
        diary.close()
    return path
