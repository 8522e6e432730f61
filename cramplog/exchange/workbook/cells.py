"""Write a workbook's typed cells as the text a CSV of the same sheet would hold."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal

# Quoted text, escaped characters and [colour]/[$-locale] sections say nothing of the parts.
_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def format_parts(number_format: str) -> tuple[bool, bool]:
    """(shows a date, shows a time of day) for a date number format such as `dd/mm/yyyy hh:mm`."""
    plain = _LITERALS.sub("", number_format.lower())
    shows_date = "d" in plain or "y" in plain or "e" in plain
    shows_time = "h" in plain or "s" in plain
    return shows_date, shows_time


def cell_text(value: object, *, shows_date: bool = True, shows_time: bool = True) -> str:
    """Dates `2026-03-11`, times `02:10:00`, both `2026-03-11 02:10:00`, durations `h:mm:ss`,
    numbers with `.` and no `.0` when whole, yes/no for true/false; None is empty.

    A date-time cell is written with the parts its number format shows: a date formatted as
    a date alone stands for the day, not for midnight.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        if shows_date and not shows_time:
            return f"{value:%Y-%m-%d}"
        if shows_time and not shows_date:
            return f"{value:%H:%M:%S}"
        return f"{value:%Y-%m-%d %H:%M:%S}"
    if isinstance(value, date):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, time):
        return f"{value:%H:%M:%S}"
    if isinstance(value, timedelta):
        return duration_text(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number_text(value)
    return str(value)


def duration_text(value: timedelta) -> str:
    seconds = round(value.total_seconds())
    sign = "-" if seconds < 0 else ""
    hours, rest = divmod(abs(seconds), 3600)
    return f"{sign}{hours}:{rest // 60:02d}:{rest % 60:02d}"


def number_text(value: float) -> str:
    """`2` for 2.0, `1.5`, never an exponent; `nan`/`inf` as Python writes them."""
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    if value.is_integer():
        return str(int(value))
    return format(Decimal(repr(value)), "f")
