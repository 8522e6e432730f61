"""Periods of nights: the presets the app offers, and the diary's first recorded night."""

from __future__ import annotations

import enum
import functools
from datetime import date, timedelta
from typing import TYPE_CHECKING, Final

from cramplog.core import wording
from cramplog.core.translation import N_, _
from cramplog.core.value_class import field, value_class
from cramplog.storage import aggregates

if TYPE_CHECKING:
    from cramplog.diary.view import DiaryFigures


class PeriodPreset(enum.StrEnum):
    LAST_4_WEEKS = "last_4_weeks"
    LAST_3_MONTHS = "last_3_months"
    LAST_12_MONTHS = "last_12_months"
    ALL = "all"

    @property
    def label(self) -> str:
        return _(_PRESET_LABELS[self])


# The period the app, `cramplog stats` and `cramplog report` show unless told otherwise.
DEFAULT_PRESET: Final = PeriodPreset.LAST_3_MONTHS


_PRESET_LABELS = {
    PeriodPreset.LAST_4_WEEKS: N_("Last 4 weeks"),
    PeriodPreset.LAST_3_MONTHS: N_("Last 3 months"),
    PeriodPreset.LAST_12_MONTHS: N_("Last 12 months"),
    PeriodPreset.ALL: N_("All of the diary"),
}


@value_class
class Period:
    """The nights `first`..`last`, both included. `label` is for display only."""

    first: date
    last: date
    label: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.first > self.last:
            raise ValueError(
                _("A period cannot end ({last}) before it begins ({first}).").format(
                    last=wording.date_text(self.last, weekday=False),
                    first=wording.date_text(self.first, weekday=False),
                )
            )

    @property
    def nights(self) -> int:
        return (self.last - self.first).days + 1

    def __contains__(self, night: object) -> bool:
        return isinstance(night, date) and self.first <= night <= self.last

    def previous(self) -> Period:
        """The period of equal length that ends the night before this one begins."""
        last = self.first - timedelta(days=1)
        return Period(last - timedelta(days=self.nights - 1), last, _("Previous period"))

    def describe(self) -> str:
        """E.g. "12 Feb 2026 – 11 Mar 2026 (28 nights)"."""
        nights = wording.count(self.nights, "{n} night", "{n} nights")
        return f"{wording.span(self.first, self.last)} ({nights})"


def _months_before(night: date, months: int) -> date:
    """The night `months` calendar months before `night`, clamped to the month's last day."""
    month_index = night.year * 12 + night.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for day in (night.day, 30, 29, 28):
        try:
            return date(year, month, min(night.day, day))
        except ValueError:
            continue
    raise AssertionError("every month has a 28th")


def period_presets(
    last_night: date, *, first_recorded: date | None = None
) -> dict[PeriodPreset, Period]:
    """The preset periods ending at `last_night` (usually `diary.last_night()`).

    "All" starts at the diary's first recorded night (or is `last_night` alone when the
    diary is empty). Months are calendar months: the last 3 months ending on 11 March begin
    on 12 December.
    """
    first_all = min(first_recorded, last_night) if first_recorded is not None else last_night
    return {
        PeriodPreset.LAST_4_WEEKS: Period(
            last_night - timedelta(days=27), last_night, PeriodPreset.LAST_4_WEEKS.label
        ),
        PeriodPreset.LAST_3_MONTHS: Period(
            _months_before(last_night, 3) + timedelta(days=1),
            last_night,
            PeriodPreset.LAST_3_MONTHS.label,
        ),
        PeriodPreset.LAST_12_MONTHS: Period(
            _months_before(last_night, 12) + timedelta(days=1),
            last_night,
            PeriodPreset.LAST_12_MONTHS.label,
        ),
        PeriodPreset.ALL: Period(first_all, last_night, PeriodPreset.ALL.label),
    }


def default_period(last_night: date) -> Period:
    """The `DEFAULT_PRESET` period ending at `last_night`."""
    return period_presets(last_night)[DEFAULT_PRESET]


def first_recorded_night(diary: DiaryFigures) -> date | None:
    """The diary's first night with an episode or a day record; None when it is empty."""
    hour = diary.boundary_hour
    return diary.read_plain(functools.partial(aggregates.first_recorded_night, boundary_hour=hour))


def diary_presets(diary: DiaryFigures) -> dict[PeriodPreset, Period]:
    """`period_presets` for this diary: ending last night, "all" from its first record."""
    return period_presets(diary.last_night(), first_recorded=first_recorded_night(diary))


def night_range(period: Period, hour: int) -> aggregates.NightRange:
    """The period as the storage layer reads it: its nights at this day-boundary hour."""
    return aggregates.NightRange(period.first, period.last, hour)
