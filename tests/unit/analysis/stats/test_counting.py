"""counting: a period's episodes and days give the same figures counted either way."""

from __future__ import annotations

import random
from datetime import date, time
from typing import Any

import numpy as np
import pytest

from cramplog.analysis.stats import counting, packed_tally, triggers
from cramplog.core import value_class
from cramplog.core.nights import SleepHours
from cramplog.storage import aggregates


def field(bits: tuple[int, int], value: int) -> int:
    return value << bits[0]


def random_episode(rng: random.Random) -> int:
    return (
        field(aggregates.INTENSITY_BITS, rng.choice([*range(11), aggregates.NO_INTENSITY]))
        | rng.getrandbits(1) << aggregates.NOCTURNAL_BIT
        | field(aggregates.SIDE_BITS, rng.randrange(4))
        | field(aggregates.MUSCLE_BITS, rng.randrange(14))
        | field(aggregates.DURATION_BITS, rng.choice([0, rng.randrange(1, 86_401)]))
        | rng.getrandbits(1) << aggregates.TIMING_UNKNOWN_BIT
        | rng.getrandbits(1) << aggregates.TIME_NOT_NOTED_BIT
        | rng.getrandbits(1) << aggregates.IN_SLEEP_BIT
        | field(aggregates.HOUR_BITS, rng.randrange(24))
        | field(aggregates.EPISODE_NIGHT_BITS, rng.randrange(36_500))
    )


def random_day(rng: random.Random, night: int) -> int:
    factors = rng.getrandbits(1 + 2 * len(aggregates.DAY_FACTORS))  # reviewed and factor bits
    return (
        factors
        | field(aggregates.SLEEP_DISTURBANCE_BITS, rng.randrange(12))
        | field(aggregates.MINUTES_AWAKE_BITS, rng.randrange(1442))
        | field(aggregates.NIGHT_BITS, night + aggregates.NIGHT_BIAS)
    )


def figures(numpy: bool, seed: int, sleep: SleepHours) -> dict[str, Any]:
    rng = random.Random(seed)
    size = rng.choice([0, 1, 50, 3_000])
    episodes = [random_episode(rng) for _ in range(size)]
    nights = rng.sample(range(45_000, 90_000), rng.choice([0, 5, 2_500]))
    days = [random_day(rng, night) for night in nights]
    cols = aggregates.EpisodeColumns(episodes, tuple(f"m{i}" for i in range(14)), ("l",) * 4)
    counted = counting.episodes(cols, date(1950, 1, 1), sleep)
    counted_days = counting.days(days)
    # The strategy asked for was the one taken.
    assert isinstance(counted.packed, np.ndarray) == (numpy and size > 0)
    assert isinstance(counted_days.nights, np.ndarray) == (numpy and len(days) > 0)
    # Recorded: the reviewed nights and a third of the others, as a logging span makes them.
    day_numbers = [int(night) for night in counted_days.nights]
    recorded = set(counted_days.reviewed) | set(rng.sample(day_numbers, len(day_numbers) // 3))
    return {
        **{k: getattr(counted, k) for k in value_class.fields(counted) if k != "packed"},
        "days": (list(counted_days.nights), counted_days.reviewed, counted_days.sleep),
        "awake": counted_days.awake,
        "kinds": triggers.day_kinds(counted_days, counted.per_night, recorded),
    }


@pytest.mark.parametrize("seed", range(8))
def test_every_figure_is_the_same_counted_in_plain_python_or_numpy(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    sleep = SleepHours(time(22, 30), time(7, 0)) if seed % 2 else SleepHours()
    with monkeypatch.context() as patch:
        patch.setattr(packed_tally, "uses_numpy", lambda size: False)
        plain = figures(False, seed, sleep)
    with monkeypatch.context() as patch:
        patch.setattr(packed_tally, "uses_numpy", lambda size: size > 0)
        counted = figures(True, seed, sleep)
    assert counted == plain
    assert sum(plain["per_night"].values()) == plain["count"]
    assert sum(plain["kinds"].values()) == len(plain["days"][0])
