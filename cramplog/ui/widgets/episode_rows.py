"""The diary list's rows and their sort order, without Qt: start-up's worker thread sorts a
whole diary's rows with these while the window paints (a worker must never import a module
that loads Qt: see `cramplog.ui.startup.background_open`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from cramplog.core.records import Episode
from cramplog.core.translation import N_

COLUMNS = (
    N_("Night of"),
    N_("Time"),
    N_("Muscle"),
    N_("Side"),
    N_("Duration"),
    N_("Intensity"),
    N_("Woke me"),
    N_("Status"),
    N_("Triggers"),
    N_("Reliefs"),
    N_("Notes"),
)
NIGHT, TIME, MUSCLE, SIDE, DURATION, INTENSITY, WOKE, STATUS, TRIGGERS, RELIEFS, NOTES = range(
    len(COLUMNS)
)


@dataclass(frozen=True, slots=True)
class CrampFreeNight:
    """A reviewed night with no cramps, shown as its own row so quiet nights are visible."""

    night_of: date


DiaryRow = Episode | CrampFreeNight


def row_key(item: DiaryRow) -> str:
    """A row's identity across reloads: an episode's UUID, or a quiet night's ISO date."""
    return item.night_of.isoformat() if isinstance(item, CrampFreeNight) else item.uuid


def sort_key(item: DiaryRow, night: date, column: int, text: Callable[[], str]) -> Any:
    """A row's key under `column`; `text` gives its display string there (a text column)."""
    # Keys within a column share one type, which QSortFilterProxyModel needs to compare.
    if column in (DURATION, INTENSITY):
        if isinstance(item, CrampFreeNight):
            return -2
        value = item.duration_s if column == DURATION else item.intensity
        return -1 if value is None else value
    if column == NIGHT:
        # Within a night, rows keep time order; a cramp-free night sorts as its night.
        if isinstance(item, CrampFreeNight):
            return f"{item.night_of.isoformat()} 99"
        return f"{night.isoformat()} {item.start_local.isoformat()}"
    if column == TIME:
        if isinstance(item, CrampFreeNight):
            return ""
        # A sort key, never shown: the 24-hour clock sorts as text whatever the locale,
        # and a cramp whose time was not noted sorts after every clock time.
        return f"{item.start_local:%H:%M:%S}" if item.time_noted else "~"
    return text().lower()


# The columns whose sort keys need no display text, so rows can be sorted by them anywhere.
PLAIN_KEYS = frozenset({NIGHT, TIME, DURATION, INTENSITY})


@dataclass(frozen=True, slots=True)
class SortedRows:
    """The list's rows in a sort order, with each row's night, as `take_sorted` shows them.

    Made by `sort_rows`, which touches no Qt object, so a worker thread can attribute and
    sort a whole diary's rows (15,000 of them) while the window goes on painting.
    """

    column: int
    descending: bool
    rows: list[DiaryRow]
    nights: list[date]


def sort_rows(
    episodes: Sequence[Episode],
    cramp_free: Sequence[date],
    *,
    night_of: Callable[[Episode], date],
    column: int = NIGHT,
    descending: bool = True,
) -> SortedRows | None:
    """The episodes and cramp-free nights sorted by `column` as the list sorts them; None for
    a column sorted by its display text (the model sorts those itself)."""
    if column not in PLAIN_KEYS:
        return None
    rows: list[DiaryRow] = [*episodes, *(CrampFreeNight(night) for night in cramp_free)]
    nights = [row.night_of if isinstance(row, CrampFreeNight) else night_of(row) for row in rows]
    order = sorted(
        range(len(rows)),
        key=lambda row: sort_key(rows[row], nights[row], column, str),  # text unused
        reverse=descending,
    )
    return SortedRows(column, descending, [rows[r] for r in order], [nights[r] for r in order])


@dataclass(frozen=True, slots=True)
class RowFilter:
    """Which rows the list shows: from `first_night` on (all if None), of `muscle` (all if
    None), whose search text holds `text` (lower-cased; all if empty). The first two are the
    rows `list_episodes` and `cramp_free_nights` give for that period and muscle; a quiet
    night has no muscle, so a muscle leaves every quiet night out."""

    first_night: date | None = None
    muscle: str | None = None
    text: str = ""

    @property
    def narrows(self) -> bool:
        return self.first_night is not None or self.muscle is not None or bool(self.text)

    def keeps(self, item: DiaryRow, night: date, search: Callable[[DiaryRow, date], str]) -> bool:
        """Whether the row is shown; `search` gives its search text (asked only if needed)."""
        if self.first_night is not None and night < self.first_night:
            return False
        if self.muscle is not None and (
            isinstance(item, CrampFreeNight) or item.muscle != self.muscle
        ):
            return False
        return not self.text or self.text in search(item, night)
