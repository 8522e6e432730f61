"""The medians numpy does not group by itself, for the chart series (`weekly`).

The charts' week-by-week figures use numpy (matplotlib's own dependency, loaded by then),
imported when first drawn; the headline figures count through `packed_tally`, which loads
numpy only for a century's worth of values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


# Few groups of small values (a century's months of intensities 0-10): counted into a table
# of group x value, not sorted; 0.5 against 4.5 ms for 150,000 values.
_TABLE_CELLS: Final = 1 << 16


def _counted_medians_and_most(
    groups: NDArray[np.int64], values: NDArray[np.int64], span: int, bound: int, first: int
) -> tuple[dict[int, float], dict[int, int]]:
    """`group_medians_and_most` from a count of each value in each group (groups from 0)."""
    import numpy as np

    counts = np.bincount(groups * bound + values, minlength=span * bound).reshape(span, bound)
    totals = counts.sum(axis=1)
    present = np.flatnonzero(totals)
    counts, totals = counts[present], totals[present]
    running = counts.cumsum(axis=1)
    # The value at 0-based place p of a group is the first whose running count exceeds p.
    low = (running > ((totals - 1) // 2)[:, None]).argmax(axis=1)
    high = (running > (totals // 2)[:, None]).argmax(axis=1)
    most = bound - 1 - (counts[:, ::-1] > 0).argmax(axis=1)
    keys = (present + first).tolist()
    return dict(zip(keys, ((low + high) / 2).tolist(), strict=True)), dict(
        zip(keys, most.tolist(), strict=True)
    )


def group_medians(groups: NDArray[np.int64], values: NDArray[np.int64]) -> dict[int, float]:
    """The median of `values` within each group, vectorised (sort once, pick the middles)."""
    return group_medians_and_most(groups, values)[0]


def group_medians_and_most(
    groups: NDArray[np.int64], values: NDArray[np.int64]
) -> tuple[dict[int, float], dict[int, int]]:
    """The median and the largest of `values` within each group, from one sort (or, for
    few groups of small values, one count)."""
    import numpy as np

    if groups.size == 0:
        return {}, {}
    low_value = int(values.min())
    if low_value >= 0:
        bound = int(values.max()) + 1
        first = int(groups.min())
        span = int(groups.max()) - first + 1
        if span * bound <= max(4 * groups.size, _TABLE_CELLS):
            return _counted_medians_and_most(groups - first, values, span, bound, first)
        # One sort of a single key (group, then value) is several times faster than
        # lexsort's two passes; floor division takes it apart again, negative groups too.
        key = np.sort(groups * bound + values)
        g, v = key // bound, key % bound
    else:
        order = np.lexsort((values, groups))
        g, v = groups[order], values[order]
    starts = np.flatnonzero(np.concatenate(([True], g[1:] != g[:-1])))
    counts = np.diff(np.append(starts, g.size))
    keys = g[starts].tolist()
    middles = (v[starts + (counts - 1) // 2] + v[starts + counts // 2]) / 2
    most = v[starts + counts - 1]
    return dict(zip(keys, middles.tolist(), strict=True)), dict(
        zip(keys, most.tolist(), strict=True)
    )
