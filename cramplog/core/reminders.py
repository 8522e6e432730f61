"""The morning reminder's rules: when it is due, and the one line it says (no health details)."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from cramplog.core import conventions, wording
from cramplog.core.errors import ValidationError
from cramplog.core.translation import N_, _

# Shown on a possibly locked screen: it names the app and the task, never a cramp or a muscle.
REMINDER_TITLE = "cramplog"
REMINDER_TEXT = N_("cramplog: time for the morning review")
DEFAULT_REMINDER_TIME = time(8, 0)
# "8:00", "08.30", "8:30 pm", "8 PM", "8.30 a.m.": minutes may go only when the half of the
# day is named, since a bare "8" could be a slip of the keyboard.
_CLOCK = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s*([^\d\s:.][^\d]*)?")


def parse_reminder_time(text: str) -> time:
    """A time of day typed as "8:00", "08:30", "7.45" or "7:45 pm"; ValidationError otherwise.

    Either clock is read whatever the locale, since people type the one they think in; the
    locale decides only how the time is shown and the example in the message.
    """
    cleaned = text.strip()
    example = wording.clock(time(8, 0))
    match = _CLOCK.fullmatch(cleaned)
    half = _half_of_day(match.group(3)) if match and match.group(3) else None
    if match is None or (match.group(3) and half is None) or (not match.group(2) and not half):
        shown = cleaned if len(cleaned) <= 20 else cleaned[:20] + "…"
        raise ValidationError(
            _(
                "“{shown}” is not a time of day; write it as hours and minutes, like {example}."
            ).format(shown=shown, example=example)
            if cleaned
            else _("Write the reminder time as hours and minutes, like {example}.").format(
                example=example
            ),
            field="reminder_time",
        )
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if half is not None:
        if not 1 <= hour <= 12 or minute > 59:
            raise ValidationError(
                _(
                    "{cleaned} is not a time on the clock; with AM or PM, hours go from 1 to 12."
                ).format(cleaned=cleaned),
                field="reminder_time",
            )
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise ValidationError(
            _(
                "{cleaned} is not a time on the clock; hours go up to 23 and minutes up to 59."
            ).format(cleaned=cleaned),
            field="reminder_time",
        )
    return time(hour, minute)


def _half_of_day(word: str) -> str | None:
    """ "am" or "pm" for the locale's words or the English ones ("p.m.", "PM"); else None."""
    folded = word.replace(".", "").replace(" ", "").casefold()
    c = conventions.current()
    if folded in ("am", c.am.replace(".", "").replace(" ", "").casefold()):
        return "am"
    if folded in ("pm", c.pm.replace(".", "").replace(" ", "").casefold()):
        return "pm"
    return None


def is_due(now: datetime, at: time, last_shown_on: date | None) -> bool:
    """Due once a day, from `at` on, if it has not been shown yet today.

    A reminder missed because the app was not running is shown when it next runs that day,
    never on a later day: yesterday's review has its own banner.
    """
    return now.time() >= at and last_shown_on != now.date()
