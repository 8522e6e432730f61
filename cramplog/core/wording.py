"""How cramplog words durations, counts and figures: one owner, so a number reads the same
on every screen, in `stats` and on paper.

Nights and the moment of a cramp are worded by `cramplog.core.nights` (`cited`).
"""

from __future__ import annotations

import enum
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

DASH: Final = "—"


def duration(seconds: float | None, *, missing: str = DASH) -> str:
    """Seconds as a person says them: "45 s", "2 min 30 s", "12 min", "1 h 5 min".

    `missing` is what a screen shows for a cramp that was not timed ("—", "", "duration not
    recorded"...): the wording of a known duration never depends on the screen.
    """
    if seconds is None:
        return missing
    total = round(seconds)
    if total < 60:
        return f"{total} s"
    minutes, secs = divmod(total, 60)
    if minutes < 60:
        return f"{minutes} min" if secs == 0 else f"{minutes} min {secs} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h" if minutes == 0 else f"{hours} h {minutes} min"


def clock_duration(seconds: int | None) -> str:
    """A duration for a narrow table column: "0:45", "2:30", "1:05:00"; empty when unknown."""
    if seconds is None:
        return ""
    minutes, secs = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}:{secs:02d}"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


def count(n: int, singular: str, plural: str | None = None) -> str:
    """E.g. "1 cramp", "3 cramps", "1 row": never "1 rows"."""
    return f"{n:,} {singular if n == 1 else (plural or singular + 's')}"


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
        return str(value)
    step = Decimal(1).scaleb(-kind.decimals)
    # Through repr: the decimal the person would write, not the binary float's expansion
    # (2.675 is stored as 2.67499…, and would otherwise round down).
    rounded = Decimal(repr(float(value))).quantize(step, rounding=ROUND_HALF_UP)
    return f"{rounded:f}".replace("-0", "0") if rounded.is_zero() else f"{rounded:f}"
