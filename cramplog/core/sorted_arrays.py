"""The distinct values of an array of whole numbers, sorted, and how often each occurs.

What `np.unique` (and `np.union1d`) give, from one sort: their first call also imports
numpy.ma (a masked-array check), about 10 ms of every `cramplog stats` run for nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


def distinct_counts(values: NDArray[np.int64]) -> tuple[NDArray[np.int64], NDArray[np.intp]]:
    """(the distinct values, sorted; how many times each occurs)."""
    import numpy as np

    ordered = np.sort(values, axis=None)
    if ordered.size == 0:
        return ordered, np.zeros(0, dtype=np.intp)
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    return ordered[starts], np.diff(np.append(starts, ordered.size))


def distinct(values: NDArray[np.int64]) -> NDArray[np.int64]:
    """The distinct values, sorted."""
    return distinct_counts(values)[0]
