"""The medians numpy does not group by itself, for the chart series (`weekly`).

The charts' week-by-week figures use numpy (matplotlib's own dependency, loaded by then),
imported when first drawn; the headline figures count through `packed_tally`, which loads
numpy only for a century's worth of values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


def group_medians(groups: NDArray[np.int64], values: NDArray[np.int64]) -> dict[int, float]:
    """The median of `values` within each group, vectorised (sort once, pick the middles)."""
    return group_medians_and_most(groups, values)[0]


def group_medians_and_most(
    groups: NDArray[np.int64], values: NDArray[np.int64]
) -> tuple[dict[int, float], dict[int, int]]:
    """The median and the largest of `values` within each group, from one sort."""
    import numpy as np

    if groups.size == 0:
        return {}, {}
    low_value = int(values.min())
    if low_value >= 0:
        # One sort of a single key (group, then value) is several times faster than
        # lexsort's two passes; floor division takes it apart again, negative groups too.
        bound = int(values.max()) + 1
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
