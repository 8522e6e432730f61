"""Diary-day attribution: which night a moment belongs to, and how a cramp names its night."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from cramplog.core import wording
from cramplog.core.translation import N_, _
from cramplog.core.value_class import value_class

DEFAULT_BOUNDARY_HOUR = 12


def check_boundary_hour(hour: int) -> int:
    if not 0 <= hour <= 23:
        raise ValueError(_("The day-boundary hour must be a whole hour from 0 to 23."))
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


def day_text(day: date, *, weekday: bool = True) -> str:
    """A date as every cramplog sentence writes it: "Sat 12 Sep 2026" (or "12 Sep 2026").

    In the person's locale (`wording.date_text`), never strftime's: Qt sets the C library's
    locale at start-up, which would name a night differently in the app and on the command line.
    """
    return wording.date_text(day, weekday=weekday)


def cited(night: date, start_local: datetime | None = None, *, capital: bool = False) -> str:
    """How a cramp is named wherever it is cited: "night of Sat 12 Sep 2026, 01:59".

    A cramp is cited by its night and its wall-clock start, never by its calendar date: one
    at 01:59 on Sunday belongs to the night of Saturday, and a warning's sentence, its list
    of dates and the PDF must name the same day for it. Without `start_local` it names the
    night alone ("night of Sat 12 Sep 2026"). `capital` starts it with "Night".
    """
    text = (_("Night of {night}") if capital else _("night of {night}")).format(
        night=day_text(night)
    )
    return text if start_local is None else f"{text}, {wording.clock(start_local)}"


def night_window(
    night: date, boundary_hour: int = DEFAULT_BOUNDARY_HOUR
) -> tuple[datetime, datetime]:
    """The wall-clock span [start, end) of the night of `night`."""
    start = datetime.combine(night, time(hour=boundary_hour))
    return start, start + timedelta(days=1)


def nights_span(
    first: date | None, last: date | None, boundary_hour: int
) -> tuple[datetime | None, datetime | None]:
    """The wall-clock span [start, end) of the nights `first` to `last`; None for an open end."""
    return (
        None if first is None else night_window(first, boundary_hour)[0],
        None if last is None else night_window(last, boundary_hour)[1],
    )


# -- cramps noted by date only ---------------------------------------------------------------

TIME_NOT_NOTED = N_("time not noted")


def date_only_night(noted_on: date, *, evening: bool = False) -> date:
    """The night a cramp noted on `noted_on` with no clock time belongs to.

    Nocturnal cramps are by far the common kind, and a cramp written down under a date with
    no time was most likely felt in the night before that morning: the night of the day
    before. Only when the row itself says evening, bedtime or night does it belong to the
    night that starts on `noted_on`.
    """
    return noted_on if evening else noted_on - timedelta(days=1)


def date_only_start(
    noted_on: date, *, evening: bool = False, boundary_hour: int = DEFAULT_BOUNDARY_HOUR
) -> datetime:
    """The wall-clock moment stored for a cramp noted on `noted_on` without a time.

    The one rule that places such a cramp (`date_only_night`), as a moment: the middle of
    that night's window, so `night_of` gives the chosen night back for every boundary hour.
    With the default noon boundary that is midnight at the start of `noted_on`, so the
    stored date is the date the person wrote. Its clock time means nothing (the episode's
    `time_noted` is False): no hour-of-night figure and no sleep-hours inference uses it.
    """
    start, _end = night_window(date_only_night(noted_on, evening=evening), boundary_hour)
    return start + timedelta(hours=12)


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


# -- night-time or daytime -------------------------------------------------------------------

ASLEEP_ACTIVITY = "activity.asleep"


def known_nocturnal(woke_from_sleep: bool | None, activity: str | None) -> bool | None:
    """Whether a cramp was nocturnal, from what the person said; None when they did not say.

    Nocturnal means it woke them or began while asleep or in bed. A known activity other
    than sleep, or "it did not wake me", says it was not.
    """
    if woke_from_sleep is True or activity == ASLEEP_ACTIVITY:
        return True
    if woke_from_sleep is False or activity is not None:
        return False
    return None


@value_class
class SleepHours:
    """The person's usual sleep hours, [start, end) on the clock; they may cross midnight.

    The default, 22:00 to 08:00, spans the usual adult night (bed around 23:00, up around
    07:00) with an hour's slack at each end, so a cramp on going to bed or just before the
    alarm still counts as night-time when nobody said whether it woke the person.
    """

    start: time = time(22, 0)
    end: time = time(8, 0)

    def __post_init__(self) -> None:
        if self.start == self.end:
            raise ValueError(_("Sleep hours must not be empty: the start and end are the same."))
        if self.start.second or self.end.second or self.start.tzinfo or self.end.tzinfo:
            raise ValueError(_("Sleep hours are whole minutes of the clock."))

    @property
    def start_minute(self) -> int:
        return self.start.hour * 60 + self.start.minute

    @property
    def end_minute(self) -> int:
        return self.end.hour * 60 + self.end.minute

    def contains(self, minute_of_day: int) -> bool:
        """Whether a clock minute (0–1439) lies inside the sleep hours."""
        start, end = self.start_minute, self.end_minute
        if start < end:
            return start <= minute_of_day < end
        return minute_of_day >= start or minute_of_day < end

    def describe(self) -> str:
        """E.g. "22:00–08:00" (or "10:00 PM–8:00 AM" on a 12-hour clock)."""
        return f"{wording.clock(self.start)}–{wording.clock(self.end)}"

    def to_setting(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"

    @classmethod
    def from_setting(cls, value: str | None) -> SleepHours:
        """The sleep hours stored in a diary's settings; the default if missing or malformed."""
        if value:
            try:
                start, end = (time.fromisoformat(part) for part in value.split("-", 1))
                return cls(start, end)
            except ValueError:
                pass
        return cls()
