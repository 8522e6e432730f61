"""Diary-day attribution: which night a moment belongs to, and how a cramp names its night."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

DEFAULT_BOUNDARY_HOUR = 12
# English names whatever the locale: Qt sets the C library's locale at start-up, which would
# make strftime's %a and %b name a night differently in the app and on the command line.
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def check_boundary_hour(hour: int) -> int:
    if not 0 <= hour <= 23:
        raise ValueError("The day-boundary hour must be a whole hour from 0 to 23.")
    return hour


def boundary_from_setting(value: str | None) -> int:
    """The boundary hour stored in a diary's settings; the default if missing or not an hour."""
    if value is not None and value.isdigit() and 0 <= int(value) <= 23:
        return int(value)
    return DEFAULT_BOUNDARY_HOUR


def night_of(local: datetime, boundary_hour: int = DEFAULT_BOUNDARY_HOUR) -> date:
    """The diary day a wall-clock moment belongs to.

    Everything from the boundary hour on date D up to the same hour on D+1 is "the night of
    D". The arithmetic is on naive wall-clock time on purpose: the boundary is a clock hour,
    so a DST change (a 23- or 25-hour night) moves no cramp to another night.
    """
    local = local.replace(tzinfo=None)
    return (local - timedelta(hours=boundary_hour)).date()


def cited(night: date, start_local: datetime | None = None, *, capital: bool = False) -> str:
    """How a cramp is named wherever it is cited: "night of Sat 12 Sep 2026, 01:59".

    A cramp is cited by its night and its wall-clock start, never by its calendar date: one
    at 01:59 on Sunday belongs to the night of Saturday, and a warning's sentence, its list
    of dates and the PDF must name the same day for it. Without `start_local` it names the
    night alone ("night of Sat 12 Sep 2026"). `capital` starts it with "Night".
    """
    text = (
        f"{'Night' if capital else 'night'} of {_WEEKDAYS[night.weekday()]} {night.day} "
        f"{_MONTHS[night.month - 1]} {night.year}"
    )
    return text if start_local is None else f"{text}, {start_local:%H:%M}"


def night_window(
    night: date, boundary_hour: int = DEFAULT_BOUNDARY_HOUR
) -> tuple[datetime, datetime]:
    """The wall-clock span [start, end) of the night of `night`."""
    start = datetime.combine(night, time(hour=boundary_hour))
    return start, start + timedelta(days=1)


def split_local(moment: datetime) -> tuple[datetime, int]:
    """A moment as (naive wall-clock time, offset from UTC in minutes).

    A naive `moment` is read as the computer's local time, with the offset in force then
    (so a cramp logged in summer keeps its summer offset after the clocks change).
    """
    aware = moment.astimezone() if moment.tzinfo is None else moment
    offset = aware.utcoffset()
    assert offset is not None  # astimezone() always yields an offset
    return aware.replace(tzinfo=None, microsecond=0), int(offset.total_seconds() // 60)


def last_night(now: datetime, boundary_hour: int = DEFAULT_BOUNDARY_HOUR) -> date:
    """The night a morning review asks about: the most recent night that has ended or is ending.

    Before the boundary hour that is the night still in progress (it began yesterday); after
    it, the night that ended at the boundary today, i.e. also yesterday's date.
    """
    local = now.replace(tzinfo=None)
    return (
        (local - timedelta(hours=boundary_hour)).date()
        if local.hour < boundary_hour
        else (local.date() - timedelta(days=1))
    )
