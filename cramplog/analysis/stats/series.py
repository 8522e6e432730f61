"""A period's chart series (weeks, trend, calendar), worked out when first asked for.

Only the charts draw them (Patterns and the report); `cramplog stats` and the comparison
period of a chart never do, and over a century the weeks alone are thousands of values.
Equal, hashed and shown as the values they stand for, so `PatternStats` compares as ever.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cramplog.analysis.stats.calendar_nights import CalendarNight
    from cramplog.analysis.stats.weekly import TrendPoint, WeekPoint


class ChartSeries:
    """The weekly counts, the intensity and duration trend and the calendar of a period."""

    __slots__ = ("_lock", "_made", "_makers")

    def __init__(
        self,
        weekly: Callable[[], tuple[WeekPoint, ...]],
        trend: Callable[[], tuple[TrendPoint, ...]],
        calendar: Callable[[], tuple[CalendarNight, ...]],
    ) -> None:
        self._makers: dict[str, Callable[[], tuple[Any, ...]]] = {
            "weekly": weekly,
            "trend": trend,
            "calendar": calendar,
        }
        self._made: dict[str, tuple[Any, ...]] = {}

    def _get(self, name: str) -> tuple[Any, ...]:
        # No lock: two threads asking at once would each work out the same values, and
        # either may be kept (a dict item is set whole).
        made = self._made.get(name)
        if made is None:
            made = self._made[name] = self._makers[name]()
        return made

    @property
    def weekly(self) -> tuple[WeekPoint, ...]:
        return self._get("weekly")

    @property
    def trend(self) -> tuple[TrendPoint, ...]:
        return self._get("trend")

    @property
    def calendar(self) -> tuple[CalendarNight, ...]:
        return self._get("calendar")

    def _values(self) -> tuple[tuple[Any, ...], ...]:
        return self.weekly, self.trend, self.calendar

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ChartSeries):
            return NotImplemented
        return self is other or self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        weekly, trend, calendar = self._values()
        return f"ChartSeries(weekly={weekly!r}, trend={trend!r}, calendar={calendar!r})"
