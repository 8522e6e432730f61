"""The local conventions for writing dates, times and numbers: the value, and the one in use.

The app fills a `Conventions` from Qt's locale (`cramplog.render.locale_conventions`); the
command line, which loads no Qt, looks the locale of its environment (LC_ALL, LC_TIME, LANG) up
in a table written from the same Qt data (`conventions_table`), so both write a date alike.
Python's `locale` module is not used: it depends on the C library having that locale generated
(often only C.UTF-8 is) and Qt resets the C locale in the app anyway.

Patterns use Qt's date-time format letters ("ddd d MMM yyyy", "h:mm AP"), so a date-time edit
shows a moment exactly as a list or a sentence writes it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Final

from cramplog.core.value_class import replace, value_class

if TYPE_CHECKING:
    from cramplog.core import units

# One token of a Qt date-time pattern: a quoted literal, a field, or one other character.
_TOKEN = re.compile(r"'(?:[^']|'')*'|d{1,4}|M{1,4}|yyyy|yy|HH?|hh?|mm?|ss?|zzz|z|AP|Ap|ap|A|a|t+|.")
_FIELD = re.compile(r"d{1,4}|M{1,4}|yyyy|yy|HH?|hh?|mm?|ss?|zzz|z|AP|Ap|ap|A|a|t+")


@value_class
class Conventions:
    """How one locale writes a date, a time and a number. Weekdays run Monday first."""

    months: tuple[str, ...]
    months_long: tuple[str, ...]
    weekdays: tuple[str, ...]
    weekdays_long: tuple[str, ...]
    long_date_pattern: str  # full names: "dddd d MMMM yyyy"
    date_pattern: str  # a day with its weekday and year, month named: "ddd d MMM yyyy"
    time_pattern: str  # hours and minutes: "HH:mm", "h:mm AP"
    am: str = "AM"
    pm: str = "PM"
    decimal: str = "."
    group: str = ","
    us_measures: bool = False  # US customary units (fluid ounces) unless the person chose
    fluid_choice: units.FluidUnit | None = None  # the unit the person chose, if they did

    @property
    def fluid_unit(self) -> units.FluidUnit:
        """The chosen fluid unit, else the locale's: US fluid ounces in the US, else litres."""
        # Imported when fluids are shown: `cramplog stats` shows none (half a millisecond).
        from cramplog.core import units

        if self.fluid_choice is not None:
            return self.fluid_choice
        return units.FluidUnit.US_FL_OZ if self.us_measures else units.FluidUnit.LITRES

    @property
    def twelve_hour(self) -> bool:
        return any(token.lower() in ("ap", "a") for token in _tokens(self.time_pattern))

    @property
    def plain_date_pattern(self) -> str:
        """A day without its weekday: "d MMM yyyy", "MMM d, yyyy", "d. MMM yyyy"."""
        return _without(self.date_pattern, "d", exact=3)

    @property
    def long_day_month_pattern(self) -> str:
        """Full names, no year: "dddd d MMMM", "dddd, MMMM d", "dddd, d. MMMM"."""
        return _without(self.long_date_pattern, "y")

    @property
    def day_month_pattern(self) -> str:
        """A day without weekday or year, for chart ticks and short spans: "d MMM", "MMM d"."""
        return _without(self.plain_date_pattern, "y")

    @property
    def hour_pattern(self) -> str:
        """An hour alone, for an hour-of-the-day axis: "HH" ("22") or "h AP" ("10 PM")."""
        return _without(self.time_pattern, "m")

    def clock_pattern(self, *, seconds: bool = False) -> str:
        return self.time_pattern.replace("mm", "mm:ss", 1) if seconds else self.time_pattern


def date_time_edit_pattern() -> str:
    """The pattern of a date-and-time edit box: the day, two spaces, the clock."""
    c = current()
    return f"{c.plain_date_pattern}  {c.time_pattern}"


def medium_date(long_pattern: str) -> str:
    """Qt's long date pattern ("dddd, d MMMM yyyy") with short names ("ddd, d MMM yyyy")."""
    return long_pattern.replace("dddd", "ddd").replace("MMMM", "MMM")


def _tokens(pattern: str) -> list[str]:
    return _TOKEN.findall(pattern)


def _without(pattern: str, letter: str, *, exact: int | None = None) -> str:
    """`pattern` with the field made of `letter` removed, with the separator beside it.

    The separator after a leading field goes ("ddd, d MMM" → "d MMM"); otherwise the one
    before it ("MMM d, yyyy" → "MMM d").
    """
    tokens = _tokens(pattern)
    found = [
        i
        for i, token in enumerate(tokens)
        if token[0] == letter and _FIELD.fullmatch(token) and exact in (None, len(token))
    ]
    if not found:
        return pattern
    i = found[0]
    end = i + 1
    start = i
    if any(_FIELD.fullmatch(t) for t in tokens[:i]):
        while start > 0 and not _FIELD.fullmatch(tokens[start - 1]):
            start -= 1
    else:
        while end < len(tokens) and not _FIELD.fullmatch(tokens[end]):
            end += 1
    return "".join(tokens[:start] + tokens[end:])


def render(pattern: str, moment: date | time | datetime, conventions: Conventions) -> str:
    """`moment` written with a Qt pattern and `conventions`' names (no time zone fields)."""
    out: list[str] = []
    for token in _tokens(pattern):
        out.append(_field(token, moment, conventions))
    return "".join(out)


def _field(token: str, moment: date | time | datetime, c: Conventions) -> str:
    if token.startswith("'"):
        return "'" if token == "''" else token[1:-1].replace("''", "'")
    if not _FIELD.fullmatch(token):
        return token
    if token[0] in "dMy" and isinstance(moment, date):
        return _date_field(token, moment, c)
    if token[0] in "HhmsAa" and isinstance(moment, time | datetime):
        return _time_field(token, moment, c)
    return ""  # a field the moment has not got (or a time zone): left out


def _date_field(token: str, day: date, c: Conventions) -> str:
    width = len(token)
    if token[0] == "d":
        return (
            str(day.day)
            if width == 1
            else f"{day.day:02d}"
            if width == 2
            else (c.weekdays if width == 3 else c.weekdays_long)[day.weekday()]
        )
    if token[0] == "M":
        return (
            str(day.month)
            if width == 1
            else f"{day.month:02d}"
            if width == 2
            else (c.months if width == 3 else c.months_long)[day.month - 1]
        )
    return f"{day.year:04d}" if width == 4 else f"{day.year % 100:02d}"


def _time_field(token: str, moment: time | datetime, c: Conventions) -> str:
    if token in ("H", "HH"):
        return f"{moment.hour:0{len(token)}d}"
    if token in ("h", "hh"):
        # With AM/PM the hour runs 12, 1, ... 11; Qt writes it so whenever the pattern has AP.
        return f"{(moment.hour % 12) or 12:0{len(token)}d}"
    if token[0] == "m":
        return f"{moment.minute:0{len(token)}d}"
    if token[0] == "s":
        return f"{moment.second:0{len(token)}d}"
    text = c.am if moment.hour < 12 else c.pm
    return text.upper() if token in ("AP", "A") else text.lower() if token in ("ap", "a") else text


# Today's style and the one used when the locale is C/POSIX or unknown (and in the tests
# unless they choose one): English names, day before month, 24-hour clock.
C: Final = Conventions(
    months=("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    months_long=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    weekdays=("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    weekdays_long=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    long_date_pattern="dddd d MMMM yyyy",
    date_pattern="ddd d MMM yyyy",
    time_pattern="HH:mm",
)


def from_table(entry: Mapping[str, object]) -> Conventions:
    """A `Conventions` from one entry of `conventions_table` (or the same fields from Qt)."""
    long_date = entry["long_date_pattern"]
    assert isinstance(long_date, str)
    return replace(C, date_pattern=medium_date(long_date), **entry)


def locale_name(environ: Mapping[str, str]) -> str:
    """The locale the environment asks for dates in ("de_DE"), by POSIX precedence."""
    for key in ("LC_ALL", "LC_TIME", "LANG"):
        value = environ.get(key, "")
        if value:
            return value.split(".")[0].split("@")[0]
    return "C"


def for_locale(name: str) -> Conventions:
    """The conventions of a locale named "de_DE" (or "de"); C's for one not in the table."""
    if name in ("C", "POSIX"):
        return C  # not in the table, nor any language of it: not worth loading it for
    from cramplog.core.conventions_table import TABLE

    if name in TABLE:
        return from_table(TABLE[name])
    language = name.split("_")[0]
    for known, entry in TABLE.items():
        if known.split("_")[0] == language and language != "C":
            return from_table(entry)
    return C


def from_environment(environ: Mapping[str, str] | None = None) -> Conventions:
    return for_locale(locale_name(os.environ if environ is None else environ))


_in_use: Conventions = C


def current() -> Conventions:
    """The conventions every date, time and number is written with in this process."""
    return _in_use


def choose_fluid_unit(unit: units.FluidUnit | None) -> None:
    """Show fluids in `unit` from now on (None: the locale's default)."""
    use(replace(current(), fluid_choice=unit))


def use(conventions: Conventions) -> None:
    """Set once at start-up (the app from Qt's locale, the CLI from its environment)."""
    global _in_use
    _in_use = conventions
