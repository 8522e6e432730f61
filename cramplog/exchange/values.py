"""Read what people type into spreadsheet cells: dates, times, durations, sides, yes/no, scores.

Each parser returns the value or raises CellError with a sentence naming what was wrong.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Generic, TypeVar

from cramplog.core.records import MAX_DURATION, Side
from cramplog.core.translation import _


class CellError(ValueError):
    """A cell that cannot be read; the message is shown with the row's line number."""


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_ISO_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$")
_DAY_MONTH_NAME = re.compile(
    rf"^{_WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th)?\.?[\s-]+([a-z]+)\.?,?[\s-]+(\d{{4}})$", re.I
)
_MONTH_NAME_DAY = re.compile(
    rf"^{_WEEKDAY}([a-z]+)\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})$", re.I
)
_TIME = re.compile(
    r"^(\d{1,2})(?:[:.h](\d{2}))(?:[:.](\d{2})(?:\.\d+)?)?\s*(?:([ap])\.?\s*m\.?)?$", re.I
)
_TIME_TEXT = r"\d{1,2}[:.h]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?\s*m\.?)?"
_TIME_AT_END = re.compile(rf"^(.*?)(?:[ T]|,\s*|\s+at\s+)({_TIME_TEXT})$", re.I)


@dataclass(frozen=True, slots=True)
class NumericDate:
    """A date written as two small numbers and a year, whose day/month order may be unclear."""

    first: int
    second: int
    year: int
    # Written with dots (11.03.2026): the day-first convention of the countries that write
    # dates so; month-first dates are written with slashes.
    dotted: bool = False

    @property
    def ambiguous(self) -> bool:
        return self.first <= 12 and self.second <= 12 and self.first != self.second

    @property
    def must_be_day_first(self) -> bool:
        return self.first > 12

    @property
    def must_be_month_first(self) -> bool:
        return self.second > 12

    def resolve(self, *, day_first: bool) -> date:
        day, month = (self.first, self.second) if day_first else (self.second, self.first)
        return _make_date(self.year, month, day)


def _make_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise CellError(
            _("{day:02d}/{month:02d}/{year} is not a date on the calendar.").format(
                day=day, month=month, year=year
            )
        ) from None


def _full_year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        # A two-digit year in a cramp diary is this century.
        year += 2000
    return year


def read_date(text: str) -> date | NumericDate:
    """A date, or a NumericDate when its day/month order is for the caller to settle."""
    value = " ".join(text.split()).strip()
    if not value:
        raise CellError(_("The date is empty."))
    if found := _ISO_DATE.match(value):
        return _make_date(int(found[1]), int(found[2]), int(found[3]))
    if found := _NUMERIC_DATE.match(value):
        dotted = "." in value
        return NumericDate(int(found[1]), int(found[2]), _full_year(found[3]), dotted)
    if found := _DAY_MONTH_NAME.match(value):
        month = _MONTHS.get(found[2].lower())
        if month is not None:
            return _make_date(int(found[3]), month, int(found[1]))
    if found := _MONTH_NAME_DAY.match(value):
        month = _MONTHS.get(found[1].lower())
        if month is not None:
            return _make_date(int(found[3]), month, int(found[2]))
    raise CellError(
        _("{value} is not a date cramplog can read (try 2026-03-11).").format(value=quote(value))
    )


def read_time(text: str) -> time:
    value = text.strip()
    found = _TIME.match(value)
    if not found:
        raise CellError(_("{value} is not a time of day (try 02:10).").format(value=quote(value)))
    hour, minute = int(found[1]), int(found[2])
    second = int(found[3] or 0)
    meridiem = (found[4] or "").lower()
    if meridiem:
        if not 1 <= hour <= 12:
            raise CellError(_("{value} is not a time of day.").format(value=quote(value)))
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise CellError(_("{value} is not a time of day.").format(value=quote(value)))
    return time(hour, minute, second)


def split_date_time(text: str) -> tuple[str, str | None]:
    """A "date and time" cell as its date part and time part (None if it holds no time)."""
    value = " ".join(text.split())
    found = _TIME_AT_END.match(value)
    if found and found[1].strip():
        return found[1].strip().rstrip(","), found[2]
    return value, None


def read_iso_datetime(text: str) -> datetime | None:
    """An ISO 8601 date and time (perhaps with an offset), or None if it is not one."""
    value = text.strip()
    if len(value) < 16 or not value[:4].isdigit() or value[4] != "-":
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


_DURATION_UNITS = {
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
    "m": 60,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "h": 3600,
    "hr": 3600,
    "hrs": 3600,
    "hour": 3600,
    "hours": 3600,
}
_CLOCK_UNITS = frozenset({"mm:ss", "m:ss", "min:sec", "min:s", "h:mm:ss", "hh:mm:ss"})
_NUMBER_WITH_UNIT = re.compile(r"^(\d+(?:[.,]\d+)?)\s*([a-z]*)\.?$", re.I)
# "1h 05m", "01h 00m", "1 hr 5 min", "2 min 30 s", "1m30s": hours, minutes, seconds, each
# optional but at least one (checked by the caller), in that order.
_UNIT_PARTS = re.compile(
    r"^(?:(\d+)\s*(?:h|hr|hrs|hours?)\.?,?\s*)?"
    r"(?:(\d+)\s*(?:m|min|mins|minutes?)\.?,?\s*)?"
    r"(?:(\d+)\s*(?:s|sec|secs|seconds?)\.?)?$",
    re.I,
)
# A comma followed by exactly three digits ("1,500") is a thousands separator in English and
# a decimal comma in much of Europe: two readings 1,000 times apart, so it is never guessed.
_THOUSANDS_OR_DECIMAL = re.compile(r"^\d{1,3},\d{3}$")
_CLOCK = re.compile(r"^(?:(\d+):)?(\d+):(\d{1,2})$")


def duration_unit(unit_hint: str) -> int | None:
    """Seconds per plain number for a header's unit ("min", "s"), or None for m:ss / none."""
    hint = unit_hint.strip().lower().rstrip(".")
    if hint in _CLOCK_UNITS:
        return None
    return _DURATION_UNITS.get(hint)


def read_duration(text: str, *, seconds_per_number: int = 60) -> int:
    """A duration in whole seconds, from "1:30" (m:ss), "90 s", "1.5" (in the header's unit)..."""
    value = " ".join(text.split()).strip().lower()
    if not value:
        raise CellError(_("The duration is empty."))
    seconds: float
    if found := _CLOCK.match(value):
        hours = int(found[1] or 0)
        minutes, secs = int(found[2]), int(found[3])
        if secs > 59:
            raise CellError(_("{value} is not a duration in m:ss.").format(value=quote(value)))
        seconds = hours * 3600 + minutes * 60 + secs
    elif (found := _UNIT_PARTS.match(value)) and any(found.groups()):
        hours, minutes, secs = (int(part or 0) for part in found.groups())
        seconds = hours * 3600 + minutes * 60 + secs
    elif found := _NUMBER_WITH_UNIT.match(value):
        if _THOUSANDS_OR_DECIMAL.match(found[1]):
            whole, decimal = found[1].replace(",", ""), float(found[1].replace(",", "."))
            raise CellError(
                _(
                    "{value} could mean {whole} or {decimal:g} (a decimal comma); write it "
                    "as {whole} or {decimal:g}."
                ).format(value=quote(value), whole=whole, decimal=decimal)
            )
        unit = found[2].lower()
        factor = seconds_per_number if not unit else _DURATION_UNITS.get(unit)
        if factor is None:
            raise CellError(
                _("{value}: unknown unit {unit!r} (use s, min or m:ss).").format(
                    value=quote(value), unit=unit
                )
            )
        seconds = float(found[1].replace(",", ".")) * factor
    else:
        raise CellError(
            _("{value} is not a duration (try 1:30 or 2 min).").format(value=quote(value))
        )
    if not math.isfinite(seconds) or seconds > MAX_DURATION.total_seconds() + 0.5:
        # Checked before rounding: 400 nines parse as infinity, which round() cannot take.
        raise CellError(_("The duration cannot be longer than 24 hours."))
    whole = round(seconds)
    if whole < 1:
        raise CellError(_("The duration must be at least one second."))
    if whole > MAX_DURATION.total_seconds():
        raise CellError(_("The duration cannot be longer than 24 hours."))
    return whole


_SIDES = {
    Side.LEFT: ("left", "l", "lt", "left side", "left leg", "left foot", "left arm", "left hand"),
    Side.RIGHT: (
        "right",
        "r",
        "rt",
        "right side",
        "right leg",
        "right foot",
        "right arm",
        "right hand",
    ),
    Side.BOTH: ("both", "b", "both sides", "bilateral", "l+r", "l&r", "l/r", "left and right"),
    Side.NOT_APPLICABLE: (
        "n/a",
        "na",
        "not noted",  # as the app shows it
        "not applicable",
        "-",
        "none",
        "neither",
        "middle",
    ),
}
_SIDE_BY_TEXT = {spelling: side for side, spellings in _SIDES.items() for spelling in spellings}


def is_side(text: str) -> bool:
    """Whether `text` names a side as `read_side` reads it (an empty cell does not)."""
    value = " ".join(text.split()).strip().lower()
    return bool(value) and (value in _SIDE_BY_TEXT or value.strip("()[].") in _SIDE_BY_TEXT)


def read_side(text: str) -> Side:
    value = " ".join(text.split()).strip().lower()
    if not value:
        return Side.NOT_APPLICABLE
    side = _SIDE_BY_TEXT.get(value) or _SIDE_BY_TEXT.get(value.strip("()[]."))
    if side is None:
        raise CellError(
            _("{value} is not a side (use left, right, both or n/a).").format(
                value=quote(text.strip())
            )
        )
    return side


_SIDE_WORDS = re.compile(
    r"^(?:(?P<before>left|right|both|l|r)\s+)?(?P<muscle>.+?)"
    r"(?:\s*[-,(]?\s*(?P<after>left|right|both|l|r)\)?)?$",
    re.I,
)


def split_side_from_muscle(text: str) -> tuple[str, Side | None]:
    """ "Left calf" or "calf (R)" as ("calf", Side); plain text comes back with no side."""
    found = _SIDE_WORDS.match(" ".join(text.split()))
    if not found:
        return text, None
    word = found["before"] or found["after"]
    if word is None:
        return text, None
    return found["muscle"].strip(), read_side(word)


_YES = frozenset({"yes", "y", "true", "t", "1", "x", "✓", "✔"})
_NO = frozenset({"no", "n", "false", "f", "0", ""})


def read_yes_no(text: str) -> bool:
    value = text.strip().lower()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise CellError(_("{value} is not yes or no.").format(value=quote(text.strip())))


def read_number(text: str, *, what: str, low: float, high: float) -> float:
    value = text.strip().replace(",", ".")
    try:
        number = float(value)
    except ValueError:
        raise CellError(
            _("{value}: {what} must be a number.").format(value=quote(text.strip()), what=what)
        ) from None
    if not low <= number <= high:
        raise CellError(
            _("{what} must be between {low:g} and {high:g}.").format(
                what=what.capitalize(), low=low, high=high
            )
        )
    return number


def read_whole(text: str, *, what: str, low: int, high: int) -> int:
    number = read_number(text, what=what, low=low, high=high)
    if number != int(number):
        raise CellError(_("{what} must be a whole number.").format(what=what.capitalize()))
    return int(number)


def quote(value: str, limit: int = 40) -> str:
    """A cell's text as a message quotes it: in curly quotes, cut at `limit` characters."""
    shown = value if len(value) <= limit else value[: limit - 1] + "…"
    return f"“{shown}”"


_T = TypeVar("_T")


class Memo(Generic[_T]):
    """A parser that remembers what it made of each distinct text.

    Spreadsheets repeat themselves (the same times, sides and scores in row after row), so a
    100,000-row import parses each distinct cell once. Errors are not remembered: a bad cell
    raises again, with its own row's line number.
    """

    __slots__ = ("_parse", "_seen")

    def __init__(self, parse: Callable[[str], _T]) -> None:
        self._parse = parse
        self._seen: dict[str, _T] = {}

    def __call__(self, text: str) -> _T:
        try:
            return self._seen[text]
        except KeyError:
            value = self._parse(text)
            if len(self._seen) < 50_000:
                self._seen[text] = value
            return value
