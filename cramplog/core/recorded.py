"""Recorded nights: which nights count in every rate, and how a logging span is checked.

A night is *recorded* when its morning review was done, or when it lies inside a logging
span — a stretch of nights over which the person says they logged every cramp. A recorded
night with nothing logged is cramp-free. Every other night is unknown and is left out of
every rate, whether or not a cramp was logged on it: counting the nights that had a cramp
while leaving out the cramp-free nights nobody recorded would inflate every rate (a
cramps-only spreadsheet would read as a cramp every night). Patterns, the warning rules,
the charts, the PDF and `cramplog stats` all take their recorded nights from
`recorded_days`, and their rates from `cramplog.analysis.stats.per_week`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Final

from cramplog.core import nights
from cramplog.core.errors import ValidationError
from cramplog.core.records import LoggingSpan
from cramplog.core.translation import _
from cramplog.core.value_class import value_class
from cramplog.core.wording import count, number

EPOCH: Final = date(1970, 1, 1)


def day_number(night: date) -> int:
    """Days since 1 January 1970: how nights are held in the vectorised figures."""
    return (night - EPOCH).days


def from_day_number(days: int) -> date:
    return EPOCH + timedelta(days=int(days))


def span_nights(
    spans: Iterable[LoggingSpan], first: date, last: date, last_night: date
) -> set[int]:
    """The day numbers of the nights `first`..`last` that lie inside any span.

    An open span runs to `last_night`; nothing after `last_night` counts (it has not ended).
    """
    last = min(last, last_night)
    found: set[int] = set()
    for span in spans:
        lo = max(span.first_night, first)
        hi = min(span.last_until(last_night), last)
        if lo <= hi:
            found.update(range(day_number(lo), day_number(hi) + 1))
    return found


def recorded_days(
    reviewed: Iterable[int],
    spans: Iterable[LoggingSpan],
    first: date,
    last: date,
    last_night: date,
) -> tuple[set[int], set[int]]:
    """(recorded nights, those recorded only by a span) of `first`..`last`, as day numbers.

    `reviewed` holds the day numbers of the reviewed nights of the same range.
    """
    in_spans = span_nights(spans, first, last, last_night)
    low, high = day_number(first), day_number(last)
    reviewed_in = set(reviewed)
    # Usually all inside already (read for the same range): a set in C, no loop in Python.
    if reviewed_in and (min(reviewed_in) < low or max(reviewed_in) > high):
        reviewed_in = {night for night in reviewed_in if low <= night <= high}
    return reviewed_in | in_spans, in_spans - reviewed_in


@value_class
class RecordedCount:
    """How the recorded nights of a period were counted, for the sentence shown beside rates."""

    recorded: int
    reviewed: int
    in_spans_only: int
    nights: int

    def describe(self) -> str:
        """E.g. "70 of 71 nights recorded: 12 reviewed, 58 inside logging spans"."""
        return _("{recorded} of {nights} recorded: {breakdown}").format(
            recorded=number(self.recorded),
            nights=count(self.nights, "{n} night", "{n} nights"),
            breakdown=self.breakdown(),
        )

    def breakdown(self) -> str:
        """E.g. "12 reviewed, 58 inside logging spans"."""
        if self.recorded == 0:
            return _("none yet (review a night, or say you logged every cramp over a stretch)")
        parts = []
        if self.reviewed:
            parts.append(_("{reviewed} reviewed").format(reviewed=self.reviewed))
        if self.in_spans_only:
            # Not "spans you declared": an import of a cramps-only file applies its first to
            # last cramp as a span by default, and a merged span mixes both origins.
            parts.append(
                _("{in_spans_only} inside logging spans").format(in_spans_only=self.in_spans_only)
            )
        return ", ".join(parts)


# -- checking spans -------------------------------------------------------------------------


def check_new_span(
    first: date,
    last: date | None,
    *,
    existing: Sequence[LoggingSpan],
    last_night: date,
) -> None:
    """Refuse a span that ends before it starts, reaches into the future or overlaps another."""
    if last is not None and last < first:
        raise ValidationError(
            _("The span ends ({last}) before it starts ({first}).").format(
                last=nights.day_text(last), first=nights.day_text(first)
            ),
            field="logging_span",
        )
    # An ongoing span may start tonight; a closed one covers only nights that have ended.
    latest_start = last_night + timedelta(days=1) if last is None else last_night
    if first > latest_start or (last is not None and last > last_night):
        raise ValidationError(
            _(
                "A span can reach only up to the night of {last_night}, the latest that has ended."
            ).format(last_night=nights.day_text(last_night)),
            field="logging_span",
        )
    for other in existing:
        if overlaps(first, last, other):
            raise ValidationError(
                _(
                    "Those nights overlap a span you already declared ({describe_span}). "
                    "Change or remove that one first."
                ).format(describe_span=describe_span(other)),
                field="logging_span",
            )


def overlaps(first: date, last: date | None, other: LoggingSpan) -> bool:
    end = last if last is not None else date.max
    other_end = other.last_night if other.last_night is not None else date.max
    return first <= other_end and other.first_night <= end


def describe_span(span: LoggingSpan) -> str:
    """E.g. "nights of Mon 6 Jul 2026 to Sun 13 Sep 2026", or "from the night of Tue 1 Dec 2026
    on" for an ongoing span."""
    if span.last_night is None:
        return _("from the night of {first_night} on").format(
            first_night=nights.day_text(span.first_night)
        )
    first, last = nights.day_text(span.first_night), nights.day_text(span.last_night)
    return _("nights of {first} to {last}").format(first=first, last=last)


def merged_span(
    first: date, last: date | None, existing: Sequence[LoggingSpan]
) -> tuple[date, date | None, list[LoggingSpan]]:
    """The union of a new span with every span it overlaps or adjoins, and the spans absorbed.

    An import's span merges rather than being refused: each span only says "every cramp of
    these nights was logged", so the union says no more than its parts.
    """
    absorbed: list[LoggingSpan] = []
    grew = True
    while grew:
        grew = False
        for other in existing:
            if other in absorbed:
                continue
            end = date.max if last is None else last
            other_end = date.max if other.last_night is None else other.last_night
            touches = other.first_night <= _next(end) and _next(other_end) >= first
            if touches:
                absorbed.append(other)
                first = min(first, other.first_night)
                last = None if last is None or other.last_night is None else max(last, other_end)
                grew = True
    return first, last, absorbed


def _next(night: date) -> date:
    return night if night == date.max else night + timedelta(days=1)


@value_class
class WindowCount:
    """A short window of nights (the last four weeks, before and after a medicine started):
    the cramps logged on its recorded nights, and how many nights were recorded."""

    episodes: int
    recorded_nights: int
    episodes_by_night: dict[date, int]


def count_window(
    episodes_by_night: dict[date, int],
    reviewed: Iterable[date],
    spans: Iterable[LoggingSpan],
    first: date,
    last: date,
    last_night: date,
) -> WindowCount:
    """Count a window the way `recorded_days` counts a period (the same rule, in plain sets)."""
    nights: set[date] = {n for n in reviewed if first <= n <= last}
    end = min(last, last_night)
    for span in spans:
        night = max(span.first_night, first)
        while night <= min(span.last_until(last_night), end):
            nights.add(night)
            night += timedelta(days=1)
    kept = {n: c for n, c in episodes_by_night.items() if n in nights}
    return WindowCount(sum(kept.values()), len(nights), kept)
