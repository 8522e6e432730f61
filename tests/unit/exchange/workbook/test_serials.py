"""Which number formats show dates, and the dates their serial numbers stand for."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from cramplog.exchange.workbook import serials


@pytest.mark.parametrize("format_id", [14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47])
def test_the_built_in_date_and_time_formats_are_dates(format_id: int) -> None:
    assert serials.is_date_format(serials.BUILTIN_DATE_FORMATS[format_id])


@pytest.mark.parametrize(
    ("code", "shows"),
    [
        ("dd/mm/yyyy", True),
        ("[$-409]h:mm AM/PM", True),
        ("[Red]yyyy-mm-dd", True),
        ("0.00", False),
        ("General", False),
        ('"days"0', False),  # the letters are quoted text
        ("[Blue]0.0", False),  # the letters name a colour
        ("#,##0_);(#,##0)", False),
        (r"0\d", False),  # an escaped letter is shown as itself
        ("0;dd/mm", False),  # only the first section counts
    ],
)
def test_a_custom_format_is_a_date_by_its_letters_outside_quotes_and_brackets(
    code: str, shows: bool
) -> None:
    assert serials.is_date_format(code) is shows


@pytest.mark.parametrize(
    ("code", "span"), [("[h]:mm:ss", True), ("[mm]:ss", True), ("h:mm:ss", False)]
)
def test_elapsed_time_formats_are_spans(code: str, span: bool) -> None:
    assert serials.is_duration_format(code) is span


def test_serials_count_days_in_the_1900_and_the_1904_systems() -> None:
    assert serials.from_serial(46082, serials.WINDOWS_EPOCH, duration=False) == datetime(2026, 3, 1)
    assert serials.from_serial(44620, serials.MAC_EPOCH, duration=False) == datetime(2026, 3, 1)
    # Excel's 1900 system counts a 29 February 1900 that never was; days before it shift.
    assert serials.from_serial(1, serials.WINDOWS_EPOCH, duration=False) == datetime(1900, 1, 1)


def test_a_fraction_of_a_day_is_a_time_and_a_span_stays_a_span() -> None:
    assert serials.from_serial(0.0625, serials.WINDOWS_EPOCH, duration=False) == time(1, 30)
    assert serials.from_serial(1.0625, serials.WINDOWS_EPOCH, duration=True) == timedelta(
        days=1, hours=1, minutes=30
    )


def test_a_serial_beyond_the_calendar_is_an_error_not_a_date() -> None:
    with pytest.raises((OverflowError, ValueError)):
        serials.from_serial(1e12, serials.WINDOWS_EPOCH, duration=False)


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("2026-03-01", date(2026, 3, 1)),
        ("2026-03-01T02:10:00", datetime(2026, 3, 1, 2, 10)),
        ("02:10:30", time(2, 10, 30)),
        ("yesterday", None),
    ],
)
def test_iso_date_cells(text: str, moment: object) -> None:
    assert serials.from_iso(text) == moment
