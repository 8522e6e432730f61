"""Generate a realistic, reproducible sample diary for the demo and the benchmarks.

A package of the generator's pieces: `habits` and `medicines` (who the sample person is),
`generator` (the seeded state and wall clock), `plan` (the nights and each day's factors),
`cramps` and `details` (each night's cramps), `storing` (rows to store, spot-checked).
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from pathlib import Path
from typing import Final

from cramplog.demo.sample import cramps, storing
from cramplog.demo.sample.generator import SAMPLE_ZONE, Generator, SampleSize, SampleSummary
from cramplog.demo.sample.plan import plan_nights
from cramplog.diary.service import Diary
from cramplog.storage import bulk, layout, plain_reads

# A module-level default, so both entry points share one frozen value (ruff B008).
_DEFAULT_SIZE: Final = SampleSize()

__all__ = ["SAMPLE_ZONE", "SampleSize", "SampleSummary", "create_sample_diary", "generate"]


def generate(
    diary: Diary,
    *,
    size: SampleSize = _DEFAULT_SIZE,
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

    generator = Generator(diary, size, seed, first, last)
    plan = plan_nights(generator)
    cramps.fill(generator, plan)
    episodes = storing.episodes(generator, plan)
    days = storing.days(generator, plan)
    medications = storing.medications(generator)
    storing.spot_check(diary, episodes, days, medications)

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


def create_sample_diary(
    data_dir: Path,
    *,
    size: SampleSize = _DEFAULT_SIZE,
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
