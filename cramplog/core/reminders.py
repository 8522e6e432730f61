"""The morning reminder's rules: when it is due, and the one line it says (no health details)."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from cramplog.core.errors import ValidationError
from cramplog.core.translation import N_, _

# Shown on a possibly locked screen: it names the app and the task, never a cramp or a muscle.
REMINDER_TITLE = "cramplog"
REMINDER_TEXT = N_("cramplog: time for the morning review")
DEFAULT_REMINDER_TIME = time(8, 0)
_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})")


def parse_reminder_time(text: str) -> time:
    """A time of day typed as "8:00", "08:30" or "7.45"; ValidationError otherwise."""
    cleaned = text.strip()
    match = _CLOCK.fullmatch(cleaned)
    if match is None:
        shown = cleaned if len(cleaned) <= 20 else cleaned[:20] + "…"
        raise ValidationError(
            _("“{shown}” is not a time of day; write it as hours and minutes, like 08:00.").format(
                shown=shown
            )
            if cleaned
            else _("Write the reminder time as hours and minutes, like 08:00."),
            field="reminder_time",
        )
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        raise ValidationError(
            _(
                "{cleaned} is not a time on the clock; hours go up to 23 and minutes up to 59."
            ).format(cleaned=cleaned),
            field="reminder_time",
        )
    return time(hour, minute)


def is_due(now: datetime, at: time, last_shown_on: date | None) -> bool:
    """Due once a day, from `at` on, if it has not been shown yet today.

    A reminder missed because the app was not running is shown when it next runs that day,
    never on a later day: yesterday's review has its own banner.
    """
    return now.time() >= at and last_shown_on != now.date()
