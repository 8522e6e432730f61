"""Nights as whole numbers (days since 1970) and the medians numpy does not group by itself."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

EPOCH: Final = date(1970, 1, 1)


def to_day(days: int) -> date:
    return EPOCH + timedelta(days=int(days))


def median(values: NDArray[np.int64]) -> float | None:
    import numpy as np

    return None if values.size == 0 else float(np.median(values))


def group_medians(groups: NDArray[np.int64], values: NDArray[np.int64]) -> dict[int, float]:
    """The median of `values` within each group, vectorised (sort once, pick the middles)."""
    import numpy as np

    if groups.size == 0:
        return {}
    order = np.lexsort((values, groups))
    g, v = groups[order], values[order]
    keys, starts, counts = np.unique(g, return_index=True, return_counts=True)
    low = v[starts + (counts - 1) // 2]
    high = v[starts + counts // 2]
    middles = (low + high) / 2
    return {int(k): float(m) for k, m in zip(keys, middles, strict=True)}
