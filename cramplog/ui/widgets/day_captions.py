"""How a night or a day is named on screen: 'Night of Tuesday 10 March'."""

from __future__ import annotations

from datetime import date

from cramplog.core import wording
from cramplog.core.translation import _


def night_caption(night: date) -> str:
    """'Night of Tuesday 10 March'."""
    return _("Night of {night}").format(night=wording.long_day(night))


def long_day(night: date) -> str:
    """'Wednesday 11 March'."""
    return wording.long_day(night)


def short_day(night: date) -> str:
    """'Wed 11 Mar'."""
    return f"{wording.weekday_short(night)} {wording.day_month(night)}"
