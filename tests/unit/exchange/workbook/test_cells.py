"""A workbook's typed cells are written as the text a person would type in a CSV."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from cramplog.exchange.workbook.cells import cell_text, format_parts


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (date(2026, 3, 11), "2026-03-11"),
        (time(2, 10), "02:10:00"),
        (datetime(2026, 3, 11, 2, 10), "2026-03-11 02:10:00"),
        (timedelta(minutes=1, seconds=30), "0:01:30"),
        (timedelta(hours=26, seconds=1), "26:00:01"),
        (2.0, "2"),
        (1.5, "1.5"),
        (1e-7, "0.0000001"),
        (7, "7"),
        (True, "yes"),
        (False, "no"),
        (None, ""),
        ("Müller", "Müller"),
    ],
)
def test_typed_cells_read_as_typed_text(value: object, text: str) -> None:
    assert cell_text(value) == text


@pytest.mark.parametrize(
    ("number_format", "shown"),
    [
        ("dd/mm/yyyy", "2026-03-11"),
        ('d" de "mmmm" de "yyyy', "2026-03-11"),
        ("[$-de-DE]dd.mm.yy", "2026-03-11"),
        ("hh:mm", "00:00:00"),
        ("h:mm AM/PM", "00:00:00"),
        ("yyyy-mm-dd hh:mm", "2026-03-11 00:00:00"),
    ],
)
def test_a_date_cell_shows_the_parts_its_format_shows(number_format: str, shown: str) -> None:
    # A midnight in a date-only cell is the day, not a cramp at 00:00.
    shows_date, shows_time = format_parts(number_format)
    moment = datetime(2026, 3, 11)
    assert cell_text(moment, shows_date=shows_date, shows_time=shows_time) == shown
