"""arrays: the trend's medians and largest values per week or month, counted or sorted."""

from __future__ import annotations

import random
import statistics

import numpy as np
import pytest

from cramplog.analysis.stats.arrays import group_medians, group_medians_and_most


@pytest.mark.parametrize(
    ("groups", "values"),
    [
        ((-3, 40), (0, 10)),  # months of intensities: counted in a table
        ((0, 5_000), (1, 86_400)),  # weeks of durations in seconds: sorted
        ((-2_000, 2_000), (-5, 5)),  # negative values: sorted the other way
    ],
)
def test_each_group_gets_the_median_and_the_largest_of_its_own_values(
    groups: tuple[int, int], values: tuple[int, int]
) -> None:
    rng = random.Random(7)
    pairs = [(rng.randint(*groups), rng.randint(*values)) for _ in range(3_000)]
    by_group: dict[int, list[int]] = {}
    for group, value in pairs:
        by_group.setdefault(group, []).append(value)
    g = np.array([group for group, _ in pairs], dtype=np.int64)
    v = np.array([value for _, value in pairs], dtype=np.int64)
    medians, most = group_medians_and_most(g, v)
    assert medians == {k: float(statistics.median(vs)) for k, vs in by_group.items()}
    assert most == {k: max(vs) for k, vs in by_group.items()}
    assert group_medians(g, v) == medians
    assert group_medians_and_most(g[:0], v[:0]) == ({}, {})
