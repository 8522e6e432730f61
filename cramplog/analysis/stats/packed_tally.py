"""Tallying packed integers by a field: value -> how many, in plain Python or numpy.

Every figure of a period counts its packed episodes and day records (`storage.aggregates`)
through `tally`, the one primitive, so there is one counting path whatever the size. It has
two strategies giving the same tally: `collections.Counter` (no numpy to load: its import was
a quarter of a `cramplog stats` run) and numpy (a century's 150,000 cramps: a Counter pass is
about 20 ms, numpy's about 3 ms once the column is an array).
"""

from __future__ import annotations

import operator
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import repeat
from typing import TYPE_CHECKING, Final, TypeAlias

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    Column: TypeAlias = Sequence[int] | NDArray[np.int64]
else:
    Column: TypeAlias = Sequence[int]

# Measured (benchmarks' micro-timing, numpy loaded): numpy's tally, its conversion included,
# overtakes a Counter at about a thousand values (0.09 against 0.07 ms) and is six times
# faster at 150,000. Where the charts have loaded numpy already (the app), it is used from
# here on.
NUMPY_WHEN_LOADED_FROM: Final = 2_000
# Where numpy is not loaded (`cramplog stats`), its import (about 50 ms in a fresh process)
# only pays where one Counter pass alone takes longer: about 400,000 values. A 10-year
# diary's 15,000 cramps stay far below it.
NUMPY_UNLOADED_FROM: Final = 400_000
# A tally whose keys span fewer values than this (or than 4 per value) counts them by
# bincount (one pass, no sort); wider keys, such as several fields counted together, are
# sorted by np.unique. Both measured: bincount 0.4 ms, unique 2.3 ms for 150,000 values.
_BINCOUNT_SPAN: Final = 1 << 16
# Fields of at most this many bits in all are laid side by side and counted by bincount
# (a table of 2**16 counts at most), rather than sorted: 0.4 against 2.3 ms, as above.
_COMPACT_BITS: Final = 16
# Every bit a value may have (values are below 2**63).
_VALUE_BITS: Final = (1 << 63) - 1


def uses_numpy(size: int) -> bool:
    """Whether `tally` counts `size` values with numpy (see the thresholds above)."""
    if "numpy" in sys.modules:
        return size >= NUMPY_WHEN_LOADED_FROM
    return size >= NUMPY_UNLOADED_FROM


def column(values: Sequence[int]) -> Column:
    """`values` ready for several tallies: a numpy array if `tally` will use numpy for them
    (converted once, not once per tally), else the values as they are."""
    if not uses_numpy(len(values)):
        return values
    import numpy as np

    return np.fromiter(values, dtype=np.int64, count=len(values))


def tally(
    values: Column, mask: int, shift: int = 0, offset: int = 0, *, numpy: bool | None = None
) -> dict[int, int]:
    """How many of `values` give each key ((value & mask) >> shift) + offset.

    `numpy` forces a strategy (the tests check both agree); by default `uses_numpy` picks.
    `values` are non-negative and below 2**63 (the packed layouts are), and so are the keys
    once `offset` is added (a night's day number).
    """
    if numpy is None:
        numpy = uses_numpy(len(values))
    if numpy:
        return _numpy_tally(values, mask, shift, offset)
    if not isinstance(values, Sequence):  # an array, counted in plain Python when forced
        values = values.tolist()
    keys: Iterable[int] = values
    if (mask | ((1 << shift) - 1)) & _VALUE_BITS != _VALUE_BITS:
        # Not a field at the top (an episode's night) nor the whole value: a pass to mask.
        # (For a top field or the whole value the shift alone gives the key, so that pass
        # is left out: a third of the night's tally over a decade of cramps.)
        keys = map(operator.and_, values, repeat(mask))
    counted = Counter(map(operator.rshift, keys, repeat(shift)) if shift else keys)
    if not offset:
        return dict(counted)
    return dict(
        zip(map(operator.add, counted.keys(), repeat(offset)), counted.values(), strict=True)
    )


def _numpy_tally(values: Column, mask: int, shift: int, offset: int) -> dict[int, int]:
    import numpy as np

    array = (
        values
        if isinstance(values, np.ndarray)
        else np.fromiter(values, dtype=np.int64, count=len(values))
    )
    if array.size == 0:
        return {}
    keys = (array & mask) >> shift
    low = int(keys.min())
    if int(keys.max()) - low < max(_BINCOUNT_SPAN, 4 * array.size):
        counts = np.bincount(keys - low)
        found = np.flatnonzero(counts)
        counts = counts[found]
        found += low + offset
    elif mask > 0 and sum(width for _, width in _runs(mask >> shift)) <= _COMPACT_BITS:
        # Several narrow fields counted together (a cramp's intensity, flags and hour): their
        # bits laid side by side, counted by bincount, then put back in their places.
        runs = _runs(mask >> shift)
        compact = np.zeros_like(keys)
        at = 0
        for run_shift, width in runs:
            compact |= ((keys >> run_shift) & ((1 << width) - 1)) << at
            at += width
        counts = np.bincount(compact)
        packed = np.flatnonzero(counts)
        counts = counts[packed]
        found = np.zeros_like(packed)
        at = 0
        for run_shift, width in runs:
            found |= ((packed >> at) & ((1 << width) - 1)) << run_shift
            at += width
        found += offset
    else:
        found, counts = np.unique(keys, return_counts=True)
        found += offset
    return dict(zip(found.tolist(), counts.tolist(), strict=True))


def _runs(mask: int) -> list[tuple[int, int]]:
    """The runs of set bits of `mask` (positive), as (shift, width), lowest first."""
    runs = []
    shift = 0
    while mask:
        skip = (mask & -mask).bit_length() - 1
        mask >>= skip
        shift += skip
        width = (~mask & (mask + 1)).bit_length() - 1
        runs.append((shift, width))
        mask >>= width
        shift += width
    return runs
