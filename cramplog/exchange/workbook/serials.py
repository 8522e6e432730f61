"""Turn an .xlsx number cell into the date, time or duration its number format says it is.

An .xlsx stores a date as a count of days since the workbook's epoch and says only through the
cell's number format that it is one. The rules here are openpyxl 3.1's (the reader cramplog
used before), so a workbook reads exactly as it did: the built-in date formats 14–22 and 45–47,
and any custom format with a date or time letter outside quotes and [colour]/[$-locale] brackets.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

WINDOWS_EPOCH = datetime(1899, 12, 30)
MAC_EPOCH = datetime(1904, 1, 1)  # workbooks saved with the 1904 date system (old Mac Excel)

# The built-in number formats that show a date or a time, by their id (ECMA-376 18.8.30).
BUILTIN_DATE_FORMATS = {
    14: "mm-dd-yy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "m/d/yy h:mm",
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
}
# Quoted text and bracketed sections other than elapsed [h] [m] [s] are not date letters.
_NOT_DATE_LETTERS = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_LETTER = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_ELAPSED = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)
_ISO = re.compile(
    r"(?P<date>(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2}))?T?"
    r"(?P<time>(?P<hour>\d{2}):(?P<minute>\d{2})(:(?P<second>\d{2})(?P<fraction>\.\d{1,3})?)?)?Z?"
)


def is_date_format(code: str) -> bool:
    """A format showing a date or a time of day (only its first, positive section counts)."""
    return _DATE_LETTER.search(_NOT_DATE_LETTERS.sub("", code.split(";")[0])) is not None


def is_duration_format(code: str) -> bool:
    """A format of elapsed time such as `[h]:mm:ss`: the number is a span, not a moment."""
    return _ELAPSED.search(code.split(";")[0]) is not None


def from_serial(value: float, epoch: datetime, *, duration: bool) -> datetime | time | timedelta:
    """Days since `epoch` as a moment (a time of day below 1), or as a span; times are kept
    to the millisecond. OverflowError or ValueError for a number beyond the calendar."""
    if duration:
        span = timedelta(days=value)
        if span.microseconds:
            span = timedelta(
                seconds=span.total_seconds() // 1, microseconds=round(span.microseconds, -3)
            )
        return span
    day, fraction = divmod(value, 1)
    within = timedelta(milliseconds=round(fraction * 86400 * 1000))
    if 0 <= value < 1 and within.days == 0:
        minutes, seconds = divmod(within.seconds, 60)
        return time(minutes // 60, minutes % 60, seconds, within.microseconds)
    if 0 < value < 60 and epoch == WINDOWS_EPOCH:
        # Excel counts a 29 February 1900 that never was; days before it are one day off.
        day += 1
    return epoch + timedelta(days=day) + within


def from_iso(text: str) -> datetime | date | time | None:
    """An ISO 8601 date cell (t="d", written by strict-format Excel); None if it is not one."""
    match = _ISO.fullmatch(text.strip())
    if match is None or not any(match.groups()):
        return None
    parts = match.groupdict()
    fraction = parts["fraction"]
    micro = int(float(fraction) * 1_000_000) if fraction else 0
    clock = (int(parts["hour"] or 0), int(parts["minute"] or 0), int(parts["second"] or 0), micro)
    if not parts["date"]:
        return time(*clock)
    day = (int(parts["year"]), int(parts["month"]), int(parts["day"]))
    if not parts["time"]:
        return date(*day)
    return datetime(*day, *clock)
