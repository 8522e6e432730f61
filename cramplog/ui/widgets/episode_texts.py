"""The diary list's row strings: each column's display text and a row's search text, cached."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from cramplog.core import wording
from cramplog.core.entries import Episode
from cramplog.core.translation import N_, _
from cramplog.ui.widgets.episode_rows import (
    COLUMNS,
    DURATION,
    INTENSITY,
    MUSCLE,
    NIGHT,
    RELIEFS,
    SIDE,
    STATUS,
    TIME,
    TRIGGERS,
    WOKE,
    CrampFreeNight,
    DiaryRow,
)

# A row's strings are one per column, then its search text at this index.
SEARCH = len(COLUMNS)

TO_REVIEW = N_("To review")
CRAMP_FREE = N_("Cramp-free")
NO_CRAMPS = N_("No cramps")


# The spaces a locale puts in clock times and numbers ("5:14\u202fAM", "1\u00a0000"),
# which nobody types: searched as the plain space typed for them.
_TYPED_SPACES = str.maketrans({"\u202f": " ", "\u00a0": " ", "\u2009": " "})


def searchable(text: str) -> str:
    """`text` as a search compares it: lower-cased, its locale's spaces as plain ones, and
    (a query) without the spaces around it."""
    return text.lower().translate(_TYPED_SPACES).strip()


def first_line(text: str, limit: int = 120) -> str:
    stripped = text.strip()
    line = stripped.splitlines()[0] if stripped else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


class RowTexts:
    """Each row's strings, made once and kept by row object, not by position: sorting,
    filtering and single-row changes move rows without making their strings again (the
    entry holds the row, so its id cannot be reused while it is kept)."""

    def __init__(self, label: Callable[[str], str]) -> None:
        self.label = label
        self._rows: dict[int, tuple[DiaryRow, tuple[str, ...]]] = {}
        self._dates: dict[date, str] = {}
        self._clocks: dict[tuple[int, int], str] = {}

    def forget(self, label: Callable[[str], str] | None = None) -> None:
        """Drop every string made (the labels or the locale changed, or all rows went)."""
        if label is not None:
            self.label = label
        self._rows = {}
        self._dates = {}
        self._clocks = {}

    def drop(self, item: DiaryRow) -> None:
        """Forget one row (it left the list)."""
        self._rows.pop(id(item), None)

    def of(self, item: DiaryRow, night: date) -> tuple[str, ...]:
        """The row's display strings, one per column, then its search text."""
        kept = self._rows.get(id(item))
        if kept is not None:
            return kept[1]
        shown = self._format(item, night)
        notes = "" if isinstance(item, CrampFreeNight) else item.notes
        # Kept with the rest: a search reads it of every row at each keystroke.
        texts = (*shown, searchable(" ".join(shown) + " " + notes))
        self._rows[id(item)] = (item, texts)
        return texts

    def column(self, item: DiaryRow, night: date, column: int) -> str:
        """One display string: kept, or made alone (sorting by a text column needs only
        that column, not every row's dates and clock times)."""
        kept = self._rows.get(id(item))
        if kept is not None:
            return kept[1][column]
        if isinstance(item, CrampFreeNight):
            return self._format(item, night)[column]
        return self._text(item, night, column)

    def _night_text(self, night: date) -> str:
        # Made once per night and clock minute: the locale's patterns cost about 8 µs a
        # date, and every row of the list needs both before a search can look at it.
        text = self._dates.get(night)
        if text is None:
            text = self._dates[night] = wording.date_text(night)
        return text

    def _format(self, item: DiaryRow, night: date) -> tuple[str, ...]:
        if isinstance(item, CrampFreeNight):
            night_text = self._night_text(night)
            return (night_text, "", _(NO_CRAMPS), "", "", "", "", _(CRAMP_FREE), "", "", "")
        return tuple(self._text(item, night, column) for column in range(len(COLUMNS)))

    def _text(self, item: Episode, night: date, column: int) -> str:
        """One column's display string of an episode's row."""
        if column == NIGHT:
            return self._night_text(night)
        if column == TIME:
            if not item.time_noted:
                return item.clock_text
            moment = item.start_local
            clock = self._clocks.get((moment.hour, moment.minute))
            if clock is None:
                clock = self._clocks[moment.hour, moment.minute] = item.clock_text
            return clock
        if column == MUSCLE:
            return self.label(item.muscle)
        if column == SIDE:
            return item.side.label
        if column == DURATION:
            return wording.duration(item.duration_s, missing="")
        if column == INTENSITY:
            return "" if item.intensity is None else str(item.intensity)
        if column == WOKE:
            return {True: _("Yes"), False: _("No"), None: ""}[item.woke_from_sleep]
        if column == STATUS:
            return _(TO_REVIEW) if item.to_review else ""
        if column == TRIGGERS:
            return ", ".join(self.label(code) for code in item.triggers)
        if column == RELIEFS:
            return ", ".join(self.label(code) for code, _rating in item.reliefs)
        return first_line(item.notes)
