"""The generator's state: one seeded Random, the diary's vocabulary, the sample's wall clock."""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from cramplog.core.records import ChecklistKind
from cramplog.demo.sample import habits, medicines
from cramplog.diary.service import Diary

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


class Generator:
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
        muscles = present(habits.MUSCLES, diary.codes(ChecklistKind.MUSCLE))
        if not muscles:
            raise ValueError("The checklist names none of the muscles a sample diary uses.")
        self.muscles = habits.Choice(muscles)
        activities = self.activities = diary.codes(ChecklistKind.ACTIVITY)
        self.asleep = "activity.asleep" if "activity.asleep" in activities else None
        self.day_activities = present(habits.DAY_ACTIVITIES, activities)
        self.activity_choices: dict[tuple[bool, bool, bool], habits.Choice[str]] = {}
        self.triggers = diary.codes(ChecklistKind.TRIGGER)
        self.reliefs = tuple(
            entry for entry in habits.RELIEFS if entry[0] in diary.codes(ChecklistKind.RELIEF)
        )
        self.symptoms = diary.codes(ChecklistKind.SYMPTOM)
        classes = diary.codes(ChecklistKind.MEDICATION_CLASS)
        self.courses = [
            course
            if course.med_class in classes or course.med_class is None
            else replace(course, med_class=None)
            for course in medicines.courses(size.medications)
        ]

    # -- the sample's wall clock ------------------------------------------------------------

    def tz(self, offset_min: int) -> timezone:
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

    def in_zone(self, local: datetime, fold: int = 0) -> tuple[datetime, int]:
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

    def to_utc(self, local: datetime) -> datetime:
        real, offset = self.in_zone(local)
        return min(real - timedelta(minutes=offset), self.now_utc)


def present(
    choices: Sequence[tuple[str, float]], codes: frozenset[str]
) -> tuple[tuple[str, float], ...]:
    return tuple((code, weight) for code, weight in choices if code in codes)


def sample_uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def offset_minutes(start: datetime) -> int:
    offset = start.utcoffset()
    assert offset is not None
    return int(offset.total_seconds() // 60)
