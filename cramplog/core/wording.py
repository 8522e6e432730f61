"""How cramplog words dates, times, durations, counts, numbers and figures: one owner, so a
cramp reads the same on every screen, chart, the PDF and the command line, in the person's
locale.

The locale's rules are `cramplog.core.conventions.current()`. Nights and the moment of a cramp
are worded by `cramplog.core.nights` (`cited`), which uses these.
"""

from __future__ import annotations

import enum
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Final

from cramplog.core import conventions
from cramplog.core.translation import _, n_

if TYPE_CHECKING:
    from cramplog.core import units

DASH: Final = "—"


def duration(seconds: float | None, *, missing: str = DASH) -> str:
    """Seconds as a person says them: "45 s", "2 min 30 s", "12 min", "1 h 5 min".

    `missing` is what a screen shows for a cramp that was not timed ("—", "", "duration not
    recorded"...): the wording of a known duration never depends on the screen.
    """
    if seconds is None:
        return missing
    total = shown_seconds(seconds)
    if total < 60:
        return _("{seconds} s").format(seconds=total)
    minutes, secs = divmod(total, 60)
    if minutes < 60:
        if secs == 0:
            return _("{minutes} min").format(minutes=minutes)
        return _("{minutes} min {seconds} s").format(minutes=minutes, seconds=secs)
    hours, minutes = divmod(minutes, 60)
    if minutes == 0:
        return _("{hours} h").format(hours=hours)
    return _("{hours} h {minutes} min").format(hours=hours, minutes=minutes)


def clock_duration(seconds: int | None) -> str:
    """A duration for a narrow table column: "0:45", "2:30", "1:05:00"; empty when unknown."""
    if seconds is None:
        return ""
    minutes, secs = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}:{secs:02d}"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


def count(n: int, singular: str, plural: str | None = None, **fields: object) -> str:
    """E.g. "1 cramp", "3 cramps", "1 row": never "1 rows".

    Give whole messages with `{n}` where the number goes, `count(n, "{n} cramp", "{n} cramps")`
    (a whole sentence may name other `fields`): they go through the catalogue's plural rules
    (n_), as a language counts, and xgettext finds them with `--keyword=count:2,3`
    (docs/translating.md). A bare word ("cramp", plural by "s") is the older, English-only
    form, kept for callers not converted yet.
    """
    if "{n}" in singular:
        return n_(singular, plural or singular, n).format(n=number(n), **fields)
    return f"{number(n)} {singular if n == 1 else (plural or singular + 's')}"


def date_text(day: date, *, weekday: bool = True) -> str:
    """A day in the locale's style: "Thu 11 Dec 2025", "Do., 11. Dez. 2025", "Dec 11, 2025"."""
    c = conventions.current()
    return conventions.render(c.date_pattern if weekday else c.plain_date_pattern, day, c)


def long_day(day: date, *, year: bool = False) -> str:
    """A day with full names: "Wednesday 11 December", "Mittwoch, 11. Dezember"."""
    c = conventions.current()
    return conventions.render(c.long_date_pattern if year else c.long_day_month_pattern, day, c)


def month_year(day: date, *, long: bool = False) -> str:
    """A month and its year: "Dec 2025", "Dez. 2025" (`long`: "December 2025")."""
    c = conventions.current()
    return conventions.render("MMMM yyyy" if long else "MMM yyyy", day, c)


def month(day: date) -> str:
    """A month's short name: "Dec", "Dez."."""
    return conventions.current().months[day.month - 1]


def day_month(day: date) -> str:
    """A day without its year, for chart ticks: "11 Dec", "Dec 11", "11. Dez."."""
    c = conventions.current()
    return conventions.render(c.day_month_pattern, day, c)


def span(first: date, last: date) -> str:
    """From one day to another, both with their year: "1 Dec 2025 – 14 Dec 2025"."""
    return f"{date_text(first, weekday=False)} – {date_text(last, weekday=False)}"


def clock(moment: time | datetime, *, seconds: bool = False) -> str:
    """A wall-clock time by the locale's clock: "02:10" or "2:10 AM"."""
    c = conventions.current()
    return conventions.render(c.clock_pattern(seconds=seconds), moment, c)


def hour(hour: int) -> str:
    """The start of an hour of the clock: "22:00", "10:00 PM"."""
    return clock(time(hour % 24))


def hour_tick(hour: int) -> str:
    """An hour alone, for a chart's axis: "22" or "10 PM"."""
    c = conventions.current()
    return conventions.render(c.hour_pattern, time(hour % 24), c)


def date_time(moment: datetime, *, weekday: bool = True) -> str:
    """A day and its time: "Thu 11 Dec 2025, 02:10"."""
    return f"{date_text(moment.date(), weekday=weekday)}, {clock(moment)}"


def weekday_short(day: date) -> str:
    """The weekday's short name: "Wed", "Mi."."""
    return conventions.current().weekdays[day.weekday()]


def weekday_name(day: date) -> str:
    """The weekday's full name: "Wednesday", "Mittwoch"."""
    return conventions.current().weekdays_long[day.weekday()]


def number(value: float, decimals: int = 0, *, trim: bool = False) -> str:
    """A number with the locale's decimal sign and digit grouping: "1,234.5", "1.234,5".

    `trim` drops trailing zeros of the decimals ("2.50" → "2.5", "3.0" → "3").
    """
    c = conventions.current()
    text = f"{value:,.{decimals}f}"
    if trim and decimals:
        text = text.rstrip("0").rstrip(".")
    return text.translate({ord(","): c.group, ord("."): c.decimal})


def fluid(litres: float, unit: units.FluidUnit | None = None) -> str:
    """An amount stored in litres, in the chosen unit: "1.5 l", "1,500 ml", "51 fl oz"."""
    from cramplog.core import units  # when fluids are shown (`Conventions.fluid_unit`)

    unit = conventions.current().fluid_unit if unit is None else unit
    rule = units.RULES[unit]
    amount = units.from_litres(litres, unit)
    decimals = next(d for d in range(rule.decimals + 1) if round(amount, d) == amount)
    return f"{number(amount, decimals)} {rule.symbol}"


class Figure(enum.Enum):
    """A kind of computed figure, valued by the decimals it deserves.

    A rate per week and a mean or median of a 0–10 score carry one decimal, always shown
    ("1.0 a week" beside "1.7"; a bare "1" would read as a count). Minutes are whole: a
    person's "about an hour awake" does not deserve tenths of a minute.
    """

    RATE = "rate"
    SCORE = "score"
    MINUTES = "minutes"

    @property
    def decimals(self) -> int:
        return _DECIMALS[self]


_DECIMALS: Final = {Figure.RATE: 1, Figure.SCORE: 1, Figure.MINUTES: 0}


def figure(value: float | None, kind: Figure, *, missing: str = DASH) -> str:
    """A figure with the decimals its kind deserves, halves rounded away from zero (2.25 →
    "2.3", 0.5 minutes → "1"), the one rounding rule for every figure cramplog shows.

    A whole number given as an int (a worst rating, a count) stays whole: only computed
    figures get decimals. None is `missing`.
    """
    if value is None:
        return missing
    if isinstance(value, int):
        return number(value)
    return number(shown(value, kind.decimals), kind.decimals)


def shown_seconds(seconds: float) -> int:
    """The seconds `duration` words: whole ones (halves up, as every figure, not Python's
    to-even), and from an hour on whole minutes, the seconds left out ("1 h 5 min")."""
    total = int(shown(seconds, 0))
    return total if total < 3600 else total - total % 60


def shown(value: float, decimals: int) -> float:
    """`value` rounded as `figure` shows it with `decimals` places: halves away from zero,
    through repr (the decimal the person would write, not the binary float's expansion:
    2.675 is stored as 2.67499…, and would otherwise round down). Never -0.0."""
    rounded = _half_up(float(value), decimals)
    if rounded is None:
        from decimal import ROUND_HALF_UP, Decimal

        step = Decimal(1).scaleb(-decimals)
        exact = Decimal(repr(float(value))).quantize(step, rounding=ROUND_HALF_UP)
        return abs(float(exact)) if exact.is_zero() else float(exact)
    negative, digits, exponent = rounded
    if not digits:
        return 0.0
    return float(f"{'-' if negative else ''}{digits}e{exponent}")


def percent(share: float | None, *, missing: str = DASH) -> str:
    """A share as a whole percentage, halves rounded up like every figure: 5 of 8 is "63%"
    (Python's "{:.0%}" rounds 62.5 to the even "62%"). None is `missing`."""
    if share is None:
        return missing
    return f"{number(whole_percent(share))}%"


def whole_percent(share: float) -> int:
    """The whole percentage `percent` shows for `share`."""
    rounded = _half_up(float(share) * 100, 0)
    if rounded is None:
        from decimal import ROUND_HALF_UP, Decimal

        exact = Decimal(repr(float(share) * 100)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return int(exact)
    negative, digits, exponent = rounded
    whole: int = digits * 10**exponent  # the exponent is 0 or more once rounded to units
    return -whole if negative else whole


# decimal's own limit (its default context): a coefficient longer than this is refused.
_DECIMAL_DIGITS: Final = 28


def _half_up(value: float, decimals: int) -> tuple[bool, int, int] | None:
    """`value` rounded to `decimals` places, halves away from zero, from the digits of its
    repr: (negative, coefficient, exponent), the number being ±coefficient × 10**exponent.

    What `Decimal(repr(value)).quantize(Decimal(10) ** -decimals, ROUND_HALF_UP)` gives, in
    integer arithmetic: importing decimal was about 1.4 ms of every `cramplog stats`. None
    for what only decimal words as it does (not a finite number, or too long for its
    context): the caller asks decimal itself (tests/unit/core checks the two agree).
    """
    mantissa, _, power = repr(value).partition("e")
    negative = mantissa.startswith("-")
    whole, _, fraction = mantissa.lstrip("-").partition(".")
    if not (whole + fraction).isdigit():
        return None  # inf or nan
    digits = int(whole + fraction)
    exponent = int(power or 0) - len(fraction)
    drop = -decimals - exponent
    if drop > 0:
        unit = 10**drop
        digits, rest = divmod(digits, unit)
        digits += 2 * rest >= unit
        exponent = -decimals
    if len(str(digits)) + max(exponent + decimals, 0) > _DECIMAL_DIGITS:
        return None
    return negative, digits, exponent


def shortened(text: str, most: int = 120) -> str:
    """`text` cut to its start and its end around "…" when longer than `most` characters:
    a 5,000-character file name in a one-line message."""
    if len(text) <= most:
        return text
    return f"{text[: most // 2]}…{text[len(text) - most // 2 :]}"
