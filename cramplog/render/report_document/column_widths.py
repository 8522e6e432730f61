"""Share the appendix's width out among its wrapped columns so that the rows come out short."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

# A text that does not fit is broken at words, which wastes about half a word a line.
_HALF_WORD = 15.0
_STEPS = 48


def estimated_lines(naturals: np.ndarray, width: float) -> np.ndarray:
    """Lines each text takes at `width`, from its width on one line (0 for an empty cell)."""
    room = max(width - _HALF_WORD, width / 2, 1.0)
    return np.where(naturals <= width, 1.0, np.ceil(naturals / room))


def share_out(
    naturals: Sequence[np.ndarray],
    counts: np.ndarray,
    minimums: Sequence[float],
    total: float,
) -> list[float]:
    """Widths for the wrapped columns, adding up to `total`, each at least its minimum.

    `naturals[c][i]` is the one-line width of column c's text in the i-th distinct row
    (`counts[i]` rows look like it). A row is as tall as its tallest cell, so the width goes,
    a slice at a time, to the column where it saves the most lines over all rows: the
    triggers of a diary that notes many get room, an empty notes column gives it up.
    """
    floor = sum(minimums)
    if floor >= total or not len(counts):
        scale = total / floor if floor else 0.0
        spare = (total - floor) / len(minimums) if floor < total else 0.0
        return [m * min(scale, 1.0) + spare for m in minimums]
    widths = list(minimums)
    step = (total - floor) / _STEPS
    lines = np.stack([estimated_lines(n, w) for n, w in zip(naturals, widths, strict=True)])
    now = (float((lines.max(axis=0) * counts).sum()), float((lines * counts).sum()))
    for done in range(_STEPS):
        best: tuple[tuple[float, float], int, np.ndarray] | None = None
        for column in range(len(widths)):
            candidate = estimated_lines(naturals[column], widths[column] + step)
            others = np.delete(lines, column, axis=0)
            tallest = np.maximum(others.max(axis=0), candidate) if len(others) else candidate
            # Fewer lines in all first; of equals, the column whose own cells shrink most.
            score = (
                float((tallest * counts).sum()),
                now[1] - float(((lines[column] - candidate) * counts).sum()),
            )
            if best is None or score < best[0]:
                best = (score, column, candidate)
        assert best is not None
        score, column, candidate = best
        if score >= now:  # nothing gets shorter any more: the rest is shared evenly
            spare = step * (_STEPS - done) / len(widths)
            return [width + spare for width in widths]
        widths[column] += step
        lines[column] = candidate
        now = score
    return widths
