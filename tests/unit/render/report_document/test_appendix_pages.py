"""The appendix's rows cut into pages: whole rows where they fit, never a page ending on a
month heading, every line on exactly one page."""

from __future__ import annotations

from cramplog.render.report_document.appendix_pages import AppendixPage, paginate, row_containing


def _capacity(title: bool) -> int:
    return 4 if title else 5  # the first page's title takes a line


def test_every_line_is_on_one_page_and_the_first_has_the_title() -> None:
    starts, heights = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1] * 10
    pages = paginate(starts, heights, set(), 10, _capacity)
    assert pages == [AppendixPage(0, 4, True), AppendixPage(4, 5, False), AppendixPage(9, 1, False)]


def test_a_row_that_fits_on_the_next_page_is_not_split() -> None:
    # The third row (lines 2-4) would cross the first page's end at line 4.
    pages = paginate([0, 1, 2, 5], [1, 1, 3, 1], set(), 6, _capacity)
    assert pages[0] == AppendixPage(0, 2, True)
    assert pages[1] == AppendixPage(2, 4, False)


def test_a_row_taller_than_a_page_is_split_rather_than_left_out() -> None:
    pages = paginate([0], [12], set(), 12, _capacity)
    assert [(p.first_line, p.line_count) for p in pages] == [(0, 4), (4, 5), (9, 3)]


def test_no_page_ends_on_a_month_heading() -> None:
    # A month heading on line 3, the first page's last line: it moves to the next page.
    starts = [0, 1, 2, 4, 5, 6]
    pages = paginate(starts, [1] * 6, {3}, 7, _capacity)
    assert pages[0] == AppendixPage(0, 3, True)
    assert pages[1].first_line == 3


def test_the_row_containing_a_line() -> None:
    starts = [0, 2, 5]
    assert [row_containing(starts, line) for line in (0, 1, 2, 4, 5, 9)] == [0, 0, 1, 1, 2, 2]
    assert row_containing([3], 1) is None
