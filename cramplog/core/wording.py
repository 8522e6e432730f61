"""How cramplog words durations and counts: one owner, so a cramp reads the same on every screen.

Nights and the moment of a cramp are worded by `cramplog.core.nights` (`cited`).
"""

from __future__ import annotations

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
