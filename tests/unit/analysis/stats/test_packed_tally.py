"""packed_tally: the Counter and the numpy strategy give every figure the same tally."""

from __future__ import annotations

import sys

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cramplog.analysis.stats import packed_tally
from cramplog.analysis.stats.packed_tally import column, tally, uses_numpy

# Narrow values (keys within bincount's reach) and any packed value (np.unique's sort).
VALUES = st.lists(st.one_of(st.integers(0, 400), st.integers(0, (1 << 63) - 1)), max_size=300)
# Any mask, and a few narrow fields apart (laid side by side for bincount).
SPARSE = st.sets(st.integers(0, 62), min_size=1, max_size=16).map(
    lambda bits: sum(1 << bit for bit in bits)
)
# A field at the top of the value (an episode's night): counted without masking.
TOP = st.integers(0, 62).map(lambda low: ((1 << 63) - 1) >> low << low)
MASKS = st.one_of(st.just(-1), st.integers(1, (1 << 63) - 1), SPARSE, TOP)


def by_hand(values: list[int], mask: int, shift: int, offset: int) -> dict[int, int]:
    found: dict[int, int] = {}
    for value in values:
        key = ((value & mask) >> shift) + offset
        found[key] = found.get(key, 0) + 1
    return found


@settings(max_examples=300, deadline=None)
@given(
    values=VALUES,
    mask=MASKS,
    shift=st.integers(0, 62),
    offset=st.integers(-100_000, 100_000),
)
def test_both_strategies_count_every_value_under_its_key(
    values: list[int], mask: int, shift: int, offset: int
) -> None:
    expected = by_hand(values, mask, shift, offset)
    assume(all(key < 1 << 63 for key in expected))  # keys within 64 bits, as documented
    assert tally(values, mask, shift, offset, numpy=False) == expected
    assert tally(values, mask, shift, offset, numpy=True) == expected
    # From an array made once for several tallies, either way.
    array = np.array(values, dtype=np.int64)
    assert tally(array, mask, shift, offset, numpy=True) == expected
    assert tally(array, mask, shift, offset, numpy=False) == expected
    assert all(type(key) is int and type(n) is int for key, n in expected.items())


def test_the_numpy_tally_gives_plain_python_numbers() -> None:
    counted = tally(np.array([5, 5, 1 << 40], dtype=np.int64), -1, numpy=True)
    assert counted == {5: 2, 1 << 40: 1}
    assert all(type(key) is int and type(n) is int for key, n in counted.items())


def test_an_empty_column_counts_nothing_either_way() -> None:
    assert tally([], 0xFF, numpy=True) == {} == tally([], 0xFF, numpy=False)


def test_numpy_counts_only_many_values_and_only_loads_for_a_great_many(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Loaded (the app's charts): from a couple of thousand values on.
    assert not uses_numpy(packed_tally.NUMPY_WHEN_LOADED_FROM - 1)
    assert uses_numpy(packed_tally.NUMPY_WHEN_LOADED_FROM)
    many = list(range(packed_tally.NUMPY_WHEN_LOADED_FROM))
    assert isinstance(column(many), np.ndarray)
    few = many[:10]
    assert column(few) is few
    # Not loaded (`cramplog stats`): a 10-year diary's cramps are counted in plain Python.
    monkeypatch.delitem(sys.modules, "numpy")
    assert not uses_numpy(15_000)
    assert column(many) is many
    assert uses_numpy(packed_tally.NUMPY_UNLOADED_FROM)
