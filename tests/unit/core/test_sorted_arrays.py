"""Distinct nights and how many cramps each holds, as numpy's unique would count them."""

from __future__ import annotations

import numpy as np

from cramplog.core import sorted_arrays


def test_distinct_values_and_their_counts_match_numpys_unique() -> None:
    rng = np.random.default_rng(2026)
    # Nights before and after 1970 (negative and positive day numbers), many repeated.
    nights = rng.integers(-30_000, 30_000, 5_000).astype(np.int64)
    nights = np.concatenate((nights, nights[:700]))
    values, counts = sorted_arrays.distinct_counts(nights)
    expected_values, expected_counts = np.unique(nights, return_counts=True)
    assert values.tolist() == expected_values.tolist()
    assert counts.tolist() == expected_counts.tolist()
    assert int(counts.sum()) == nights.size


def test_no_nights_give_no_values_and_a_single_night_one() -> None:
    values, counts = sorted_arrays.distinct_counts(np.zeros(0, dtype=np.int64))
    assert (values.size, counts.size) == (0, 0)
    values, counts = sorted_arrays.distinct_counts(np.array([20_000, 20_000], dtype=np.int64))
    assert (values.tolist(), counts.tolist()) == ([20_000], [2])
    assert sorted_arrays.distinct(np.array([3, -1, 3, 2], dtype=np.int64)).tolist() == [-1, 2, 3]
