"""Diary-day attribution: which night a moment belongs to, given the day-boundary hour."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

DEFAULT_BOUNDARY_HOUR = 12


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
