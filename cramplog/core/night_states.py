"""What is known of each night: cramps, reviewed cramp-free, recorded by a span, or not recorded."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date, timedelta

from cramplog.core.records import LoggingSpan
from cramplog.core.translation import N_, _

# The longest run of missed nights offered for review at once: beyond a fortnight, memory of
# which nights were cramp-free is too thin to confirm them in one go.
MISSED_NIGHTS_LIMIT = 14


class NightState(enum.StrEnum):
    CRAMPS = "cramps"
    CRAMP_FREE = "cramp_free"
    RECORDED = "recorded"
    NOT_RECORDED = "not_recorded"

    @property
    def symbol(self) -> str:
        """A mark that tells the states apart without colour."""
        return _SYMBOLS[self]

    @property
    def label(self) -> str:
        return _(_LABELS[self])


_SYMBOLS = {
    NightState.CRAMPS: "●",
    NightState.CRAMP_FREE: "✓",
    NightState.RECORDED: "○",
    NightState.NOT_RECORDED: "?",
}
_LABELS = {
    NightState.CRAMPS: N_("Cramps logged"),
    NightState.CRAMP_FREE: N_("Reviewed, cramp-free"),
    NightState.RECORDED: N_("Recorded: every cramp logged, none that night"),
    NightState.NOT_RECORDED: N_("Not recorded"),
}


def night_states(
    first: date,
    last: date,
    *,
    last_night: date,
    with_cramps: set[date],
    reviewed: set[date],
    spans: Iterable[LoggingSpan],
) -> dict[date, NightState]:
    """The state of each night from `first` to `last`; nights after `last_night` are left out."""
    spans = list(spans)
    states: dict[date, NightState] = {}
    night = first
    while night <= min(last, last_night):
        if night in with_cramps:
            states[night] = NightState.CRAMPS
        elif night in reviewed:
            states[night] = NightState.CRAMP_FREE
        elif any(span.first_night <= night <= span.last_until(last_night) for span in spans):
            states[night] = NightState.RECORDED
        else:
            states[night] = NightState.NOT_RECORDED
        night += timedelta(days=1)
    return states


def missed_nights(last_night: date, reviewed: set[date], known_since: date | None) -> list[date]:
    """The nights not reviewed, oldest first, back from `last_night` to the last reviewed one.

    Nights before `known_since` (the first night the diary holds anything about) are not
    counted as missed: the diary cannot have been kept then. With nothing known, only last
    night is offered. At most MISSED_NIGHTS_LIMIT nights.
    """
    if last_night in reviewed:
        return []
    if known_since is None or known_since > last_night:
        return [last_night]
    missed: list[date] = []
    night = last_night
    while night >= known_since and night not in reviewed and len(missed) < MISSED_NIGHTS_LIMIT:
        missed.append(night)
        night -= timedelta(days=1)
    return sorted(missed)
