"""The table model behind the diary list: episodes and cramp-free nights, formatted for reading."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QFont

from cramplog.core.records import Episode
from cramplog.core.translation import _
from cramplog.ui.widgets.episode_rows import (  # the rows and their order, re-exported
    COLUMNS,
    DURATION,
    INTENSITY,
    NIGHT,
    NOTES,
    RELIEFS,
    STATUS,
    TRIGGERS,
    CrampFreeNight,
    DiaryRow,
    RowFilter,
    SortedRows,
    row_key,
    sort_key,
)
from cramplog.ui.widgets.episode_texts import (
    SEARCH,
    RowTexts,
)

_Index = QModelIndex | QPersistentModelIndex

# Rows whose strings are made per turn of the event loop while the list is idle: about
# 10 µs a row, so each turn keeps the window waiting about 10 ms.
WARM_SLICE = 1000

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # an episode's UUID or a night's ISO date
MUSCLE_ROLE = Qt.ItemDataRole.UserRole + 3
NIGHT_ROLE = Qt.ItemDataRole.UserRole + 4


class EpisodeTableModel(QAbstractTableModel):
    """Rows of the diary list. Text goes to Qt as plain strings, so notes never render as HTML.

    Display strings are computed on demand and cached per row, so a ten-year diary (15,000
    rows) costs nothing until rows scroll into view. The model sorts and filters itself in
    Python instead of leaving it to QSortFilterProxyModel, which would call data() for every
    comparison and every row: a search of a century's list took 2.5 s that way. It holds
    every row of the diary in order, and shows those its `RowFilter` keeps; single rows are
    added, replaced and removed in place, so saving an entry never reloads the list.
    """

    def __init__(
        self,
        *,
        label: Callable[[str], str],
        night_of: Callable[[Episode], date],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        # Every row held, in the sort order, with its night; and the rows shown of them.
        self._all: list[DiaryRow] = []
        self._all_nights: list[date] = []
        self._rows: list[DiaryRow] = []
        self._nights: list[date] = []
        self._filter = RowFilter()
        # Display strings by row object (its id: the entry holds the row, so the id cannot
        # be reused while it is here), not by position: sorting, filtering and single-row
        # changes move rows without making their strings again.
        self._strings = RowTexts(label)
        self._label = label
        self._night_of = night_of
        self._sort_column = NIGHT
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._warm_from = 0
        self._warming = QTimer(self)
        self._warming.setInterval(0)
        self._warming.timeout.connect(self._warm_slice)

    def set_rows(self, episodes: Sequence[Episode], cramp_free: Sequence[date] = ()) -> None:
        rows: list[DiaryRow] = [*episodes, *(CrampFreeNight(night) for night in cramp_free)]
        self.beginResetModel()
        self._all = rows
        self._all_nights = [self._row_night(row) for row in rows]
        self._strings.forget(self._label)
        self._sort_in_place()
        self._pick()
        self.endResetModel()

    def take_sorted(self, prepared: SortedRows, *, read_again: bool = False) -> None:
        """Hold rows made by `sort_rows` with this model's night attribution; they are
        sorted again here only if the list's sort changed meanwhile. `read_again`: they are
        a new read of the diary, so no string made is theirs (and words or locale may have
        changed since)."""
        self.beginResetModel()
        if read_again:
            self._strings.forget(self._label)
        self._all = prepared.rows
        self._all_nights = prepared.nights
        if (prepared.column, prepared.descending) != self.sort_order():
            self._sort_in_place()
        self._pick()
        self.endResetModel()

    def sort_order(self) -> tuple[int, bool]:
        """The column the rows are sorted by, and whether descending (newest first)."""
        return self._sort_column, self._sort_order == Qt.SortOrder.DescendingOrder

    def set_sources(
        self, *, label: Callable[[str], str], night_of: Callable[[Episode], date]
    ) -> None:
        """Take new labels and night attribution for the rows already held (and re-sort)."""
        self._label = label
        self._night_of = night_of
        self._all_nights = [self._row_night(row) for row in self._all]
        self._strings.forget(self._label)
        self._resort()

    def set_episodes(self, episodes: Sequence[Episode]) -> None:
        self.set_rows(episodes)

    @property
    def held(self) -> int:
        """How many rows the model holds, shown or not (the diary's whole list)."""
        return len(self._all)

    def _row_night(self, row: DiaryRow) -> date:
        return row.night_of if isinstance(row, CrampFreeNight) else self._night_of(row)

    def row_item(self, row: int) -> DiaryRow:
        return self._rows[row]

    def episode(self, row: int) -> Episode | None:
        item = self._rows[row]
        return item if isinstance(item, Episode) else None

    def row_of(self, key: str) -> int | None:
        """The shown row of `key`, or None (not held, or not shown)."""
        return _position_of(self._rows, key)

    def rows_of(self, keys: set[object]) -> dict[object, int]:
        """The shown rows of those of `keys` that are shown."""
        return {key: row for row, item in enumerate(self._rows) if (key := row_key(item)) in keys}

    # -- filtering --------------------------------------------------------------------------

    def set_filter(self, keep: RowFilter) -> None:
        """Show the rows held that `keep` keeps, in order."""
        if keep == self._filter:
            return
        self.beginResetModel()
        self._filter = keep
        self._pick()
        self.endResetModel()

    def _pick(self) -> None:
        keep = self._filter
        if not keep.narrows:
            self._rows, self._nights = list(self._all), list(self._all_nights)
            return
        search = self._search_of
        kept = [
            at
            for at, (item, night) in enumerate(zip(self._all, self._all_nights, strict=True))
            if keep.keeps(item, night, search)
        ]
        self._rows = [self._all[at] for at in kept]
        self._nights = [self._all_nights[at] for at in kept]

    def _search_of(self, item: DiaryRow, night: date) -> str:
        return self._strings.of(item, night)[SEARCH]

    # -- sorting ----------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The rows are always held in the current order (single rows go in at their place),
        # so the same order again is nothing to do: a header click asks twice (the view,
        # then its sort indicator), and at 150,000 rows each sort was a second.
        if not 0 <= column < len(COLUMNS) or (column, order) == (
            self._sort_column,
            self._sort_order,
        ):
            return
        self._sort_column, self._sort_order = column, order
        self._resort()

    def _resort(self) -> None:
        """Sort the rows again by the current column, keeping selections (persistent indexes)."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        keys = [row_key(self._rows[index.row()]) for index in before]
        self._sort_in_place()
        self._pick()
        positions = {row_key(item): row for row, item in enumerate(self._rows)}
        self.changePersistentIndexList(
            before,
            [
                self.index(positions[key], index.column())
                for key, index in zip(keys, before, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _sort_in_place(self) -> None:
        column = self._sort_column
        rows, nights = self._all, self._all_nights
        order = sorted(
            range(len(rows)),
            key=lambda at: self._sort_key(rows[at], nights[at], column),
            reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
        )
        self._all = [rows[at] for at in order]
        self._all_nights = [nights[at] for at in order]

    def _position_for(
        self, item: DiaryRow, night: date, rows: list[DiaryRow], nights: list[date]
    ) -> int:
        """Where a new row belongs in `rows` under the current sort (a binary search)."""
        column = self._sort_column
        key = self._sort_key(item, night, column)
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        low, high = 0, len(rows)
        while low < high:
            middle = (low + high) // 2
            other = self._sort_key(rows[middle], nights[middle], column)
            before = other > key if descending else other <= key
            if before:
                low = middle + 1
            else:
                high = middle
        return low

    # -- single-row changes -----------------------------------------------------------------

    def _insert(self, item: DiaryRow) -> None:
        night = self._row_night(item)
        at = self._position_for(item, night, self._all, self._all_nights)
        self._all.insert(at, item)
        self._all_nights.insert(at, night)
        if self._filter.keeps(item, night, self._search_of):
            row = self._position_for(item, night, self._rows, self._nights)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, item)
            self._nights.insert(row, night)
            self.endInsertRows()

    def _remove(self, key: str) -> None:
        at = _position_of(self._all, key)
        if at is None:
            return
        item = self._all.pop(at)
        del self._all_nights[at]
        row = _position_of(self._rows, key)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            del self._nights[row]
            self.endRemoveRows()
        self._strings.drop(item)

    def upsert_episode(self, episode: Episode) -> None:
        """Hold a saved episode: replace its row (moving it if its sort key changed) or add
        it; it is shown if the filter keeps it."""
        self._remove(episode.uuid)
        # A night with a cramp is no longer cramp-free.
        self._remove(self._night_of(episode).isoformat())
        self._insert(episode)

    def remove_keys(self, keys: Sequence[str]) -> None:
        for key in keys:
            self._remove(key)

    def set_cramp_free_nights(self, nights: Sequence[date]) -> None:
        wanted = set(nights)
        present = {item.night_of for item in self._all if isinstance(item, CrampFreeNight)}
        self.remove_keys([night.isoformat() for night in present - wanted])
        for night in sorted(wanted - present):
            self._insert(CrampFreeNight(night))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return _(COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = index.row()
        item = self._rows[row]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts(row)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == SORT_ROLE:
            return self._sort_key(item, self._nights[row], column)
        if role == KEY_ROLE:
            return row_key(item)
        if role == MUSCLE_ROLE:
            return None if isinstance(item, CrampFreeNight) else item.muscle
        if role == NIGHT_ROLE:
            return self._nights[row]
        if role == Qt.ItemDataRole.FontRole and (
            isinstance(item, CrampFreeNight) or (column == STATUS and item.to_review)
        ):
            font = QFont()
            font.setItalic(isinstance(item, CrampFreeNight))
            font.setBold(not isinstance(item, CrampFreeNight))
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (DURATION, INTENSITY):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._texts(row)[column] or "empty"
        return None

    def warm_texts(self) -> None:
        """Make every row's strings ahead of need, a slice of rows per turn of the event loop.

        A search reads every row's search text at its first keystroke: made then, the
        10-year list's took a quarter of a second of frozen window (2.5 s at 100 years).
        Made while the window is idle, in slices of about 10 ms, the first keystroke
        finds them ready; a keystroke that comes sooner makes the rest itself.
        """
        self._warm_from = 0
        self._warming.start()

    def _warm_slice(self) -> None:
        # Every row held, shown or not: a search picks among them all.
        rows, nights = self._all, self._all_nights
        end = min(self._warm_from + WARM_SLICE, len(rows))
        for at in range(self._warm_from, end):
            self._strings.of(rows[at], nights[at])
        self._warm_from = end
        if end >= len(rows):
            self._warming.stop()

    @property
    def warm(self) -> bool:
        """Whether every row's strings are made (the warming has finished)."""
        return not self._warming.isActive()

    def search_text(self, row: int) -> str:
        """Everything a person might type to find this row, lower-cased."""
        return self._texts(row)[SEARCH]

    def _texts(self, row: int) -> tuple[str, ...]:
        """The row's display strings, one per column, then its search text (kept)."""
        return self._strings.of(self._rows[row], self._nights[row])

    def _tooltip(self, item: DiaryRow, column: int) -> str | None:
        if isinstance(item, CrampFreeNight):
            return _("You marked this night as cramp-free.")
        if column == NOTES:
            return item.notes or None
        if column == STATUS and item.to_review:
            return _("Logged quickly; open it to add the details.")
        if column in (TRIGGERS, RELIEFS):
            return self._texts_for(item, column) or None
        return None

    def _texts_for(self, item: Episode, column: int) -> str:
        if column == TRIGGERS:
            return "\n".join(self._label(code) for code in item.triggers)
        return "\n".join(
            f"{self._label(code)}: {rating.label if rating else _('not rated')}"
            for code, rating in item.reliefs
        )

    def _sort_key(self, item: DiaryRow, night: date, column: int) -> Any:
        return sort_key(item, night, column, lambda: self._strings.column(item, night, column))


def _position_of(rows: list[DiaryRow], key: str) -> int | None:
    for at, item in enumerate(rows):
        if row_key(item) == key:
            return at
    return None
