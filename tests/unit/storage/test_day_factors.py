"""The checklist's day factors and the stored day columns agree: each factor a trigger may
stand for is read from the day record into its own bit, and unknown is never read as no."""

from __future__ import annotations

import functools
from datetime import date, timedelta
from typing import Any

import pytest

from cramplog.analysis import stats
from cramplog.core import checklist
from cramplog.core.records import DayFactors, Exercise
from cramplog.diary.service import Diary
from cramplog.storage import aggregates

# What a person records on a day to have each factor present, and nothing else present.
FACTOR_PRESENT: dict[str, dict[str, Any]] = {
    "fluids_low": {"fluids_l": 1.0},
    "exercise_hard": {"exercise": Exercise.HARD},
    "exercise_unaccustomed": {"exercise": Exercise.UNACCUSTOMED},
    "alcohol": {"alcohol_units": 4.0},
    "caffeine": {"caffeine_drinks": 4},
    "heat": {"hot_or_sweating": True},
    "long_standing": {"long_standing": True},
    "long_sitting": {"long_sitting": True},
    "no_stretch": {"stretched_before_bed": False},
    "stress": {"stress": 8},
}
FIRST_NIGHT = date(2026, 2, 1)


def _present_and_recorded(packed: int) -> tuple[set[str], set[str]]:
    present = {
        factor
        for index, factor in enumerate(aggregates.DAY_FACTORS)
        if packed >> aggregates.factor_present_bit(index) & 1
    }
    recorded = {
        factor
        for index, factor in enumerate(aggregates.DAY_FACTORS)
        if packed >> aggregates.factor_recorded_bit(index) & 1
    }
    return present, recorded


def _day_columns(diary: Diary, first: date, last: date) -> aggregates.DayColumns:
    nights = aggregates.NightRange(first, last, diary.boundary_hour)
    return diary.read_plain(
        functools.partial(aggregates.day_columns, nights=nights, limits=stats.FACTOR_THRESHOLDS)
    )


def test_the_stored_columns_read_the_checklists_own_day_factors() -> None:
    assert aggregates.DAY_FACTORS is checklist.DAY_FACTORS
    assert set(FACTOR_PRESENT) == set(checklist.DAY_FACTORS)


@pytest.mark.parametrize("factor", checklist.DAY_FACTORS)
def test_a_day_with_one_factor_reads_as_that_factor_present(diary: Diary, factor: str) -> None:
    diary.set_day(FIRST_NIGHT, DayFactors(reviewed=True, **FACTOR_PRESENT[factor]))

    columns = _day_columns(diary, FIRST_NIGHT, FIRST_NIGHT)

    present, recorded = _present_and_recorded(columns.packed[0])
    assert present == {factor}
    assert factor in recorded


def test_a_reviewed_day_with_nothing_else_recorded_has_no_factor_known(diary: Diary) -> None:
    diary.set_day(FIRST_NIGHT, DayFactors(reviewed=True))
    diary.set_day(
        FIRST_NIGHT + timedelta(days=1), DayFactors(reviewed=True, **FACTOR_PRESENT["heat"])
    )

    columns = _day_columns(diary, FIRST_NIGHT, FIRST_NIGHT + timedelta(days=1))

    assert _present_and_recorded(columns.packed[0]) == (set(), set())
    assert _present_and_recorded(columns.packed[1]) == ({"heat"}, {"heat"})


def test_read_without_thresholds_a_day_keeps_its_review_sleep_and_night_but_no_factor(
    diary: Diary,
) -> None:
    everything = {k: v for kinds in FACTOR_PRESENT.values() for k, v in kinds.items()}
    diary.set_day(
        FIRST_NIGHT, DayFactors(reviewed=True, sleep_disturbance=7, minutes_awake=45, **everything)
    )
    nights = aggregates.NightRange(FIRST_NIGHT, FIRST_NIGHT, diary.boundary_hour)
    (with_factors,) = _day_columns(diary, FIRST_NIGHT, FIRST_NIGHT).packed
    (without,) = diary.read_plain(
        functools.partial(aggregates.day_columns, nights=nights, limits=None)
    ).packed

    # One exercise answer (unaccustomed): hard exercise is recorded, and absent.
    present = set(FACTOR_PRESENT) - {"exercise_hard"}
    assert _present_and_recorded(with_factors) == (present, set(FACTOR_PRESENT))
    assert _present_and_recorded(without) == (set(), set())
    factor_bits = sum(
        1 << aggregates.factor_present_bit(i) | 1 << aggregates.factor_recorded_bit(i)
        for i in range(len(aggregates.DAY_FACTORS))
    )
    assert without == with_factors & ~factor_bits  # the review, sleep figures and night
