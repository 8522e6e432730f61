"""The appendix's rows cut into pages: arithmetic on line numbers alone, no Qt and no text.

`AppendixGrid` places each row on numbered lines (a month heading takes a line of its own);
this decides which lines each page holds, so that a row that fits on one page is never split
and no page ends on a month heading.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AppendixPage:
    first_line: int
    line_count: int
    title: bool


def row_containing(starts: Sequence[int], line: int) -> int | None:
    """Index of the row whose lines include `line` (starts is sorted)."""
    index = bisect.bisect_right(starts, line) - 1
    return index if index >= 0 else None


def paginate(
    starts: Sequence[int],
    heights: Sequence[int],
    headings: Collection[int],
    total: int,
    capacity: Callable[[bool], int],
) -> list[AppendixPage]:
    """Pages for `total` lines: rows at `starts` of `heights` lines, month headings on the
    lines `headings`; `capacity(title)` is how many lines a page holds (the first page,
    with its title, holds fewer)."""
    pages: list[AppendixPage] = []
    line = 0
    while True:
        title = not pages
        room = capacity(title)
        end = min(total, line + room)
        if end < total:
            # Do not split a row that would fit whole on the next page.
            row = row_containing(starts, end)
            if row is not None and starts[row] < end and heights[row] <= room:
                end = max(line + 1, starts[row])
            # Never end a page on a month heading.
            if end - 1 in headings and end - 1 > line:
                end -= 1
        pages.append(AppendixPage(line, end - line, title))
        line = end
        if line >= total:
            break
    return pages
