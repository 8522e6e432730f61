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

# A hidden last column holding everything searchable (`RowTexts`' search text), which the
# proxy filters.

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # an episode's UUID or a night's ISO date
MUSCLE_ROLE = Qt.ItemDataRole.UserRole + 3
NIGHT_ROLE = Qt.ItemDataRole.UserRole + 4


class EpisodeTableModel(QAbstractTableModel):
    """Rows of the diary list. Text goes to Qt as plain strings, so notes never render as HTML.

    Display strings are computed on demand and cached per row, so a ten-year diary (15,000
    rows) costs nothing until rows scroll into view. The model sorts itself in Python (one
    key per row, cached) instead of leaving it to QSortFilterProxyModel, whose comparisons
    would call data() hundreds of thousands of times; single rows are added, replaced and
    removed in place, so saving an entry never reloads the list.
    """

    def __init__(
        self,
        *,
        label: Callable[[str], str],
        night_of: Callable[[Episode], date],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._rows: list[DiaryRow] = []
        self._nights: list[date] = []
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
        self._rows = rows
        self._nights = [self._row_night(row) for row in rows]
        self._strings.forget(self._label)
        self._sort_in_place()
        self.endResetModel()

    def take_sorted(self, prepared: SortedRows, *, read_again: bool = False) -> None:
        """Show rows made by `sort_rows` (or kept by `snapshot`) with this model's night
        attribution; they are sorted again here only if the list's sort changed meanwhile.
        `read_again`: they are a new read of the diary, so no string made is theirs (and
        words or locale may have changed since)."""
        self.beginResetModel()
        if read_again:
            self._strings.forget(self._label)
        self._rows = prepared.rows
        self._nights = prepared.nights
        if (prepared.column, prepared.descending) != self.sort_order():
            self._sort_in_place()
        self.endResetModel()

    def snapshot(self) -> SortedRows:
        """The rows held now, in their order, with their nights (for `take_sorted` later)."""
        return SortedRows(*self.sort_order(), list(self._rows), list(self._nights))

    def sort_order(self) -> tuple[int, bool]:
        """The column the rows are sorted by, and whether descending (newest first)."""
        return self._sort_column, self._sort_order == Qt.SortOrder.DescendingOrder

    def set_sources(
        self, *, label: Callable[[str], str], night_of: Callable[[Episode], date]
    ) -> None:
        """Take new labels and night attribution for the rows already held (and re-sort)."""
        self._label = label
        self._night_of = night_of
        self._nights = [self._row_night(row) for row in self._rows]
        self._strings.forget(self._label)
        self._resort()

    def set_episodes(self, episodes: Sequence[Episode]) -> None:
        self.set_rows(episodes)

    def _row_night(self, row: DiaryRow) -> date:
        return row.night_of if isinstance(row, CrampFreeNight) else self._night_of(row)

    def row_item(self, row: int) -> DiaryRow:
        return self._rows[row]

    def episode(self, row: int) -> Episode | None:
        item = self._rows[row]
        return item if isinstance(item, Episode) else None

    def row_of(self, key: str) -> int | None:
        for row, item in enumerate(self._rows):
            if row_key(item) == key:
                return row
        return None

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
        order = sorted(
            range(len(self._rows)),
            key=lambda row: self._sort_key(row, self._rows[row], column),
            reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
        )
        self._rows = [self._rows[row] for row in order]
        self._nights = [self._nights[row] for row in order]

    def _position_for(self, item: DiaryRow, night: date) -> int:
        """Where a new row belongs under the current sort (a binary search)."""
        self._rows.append(item)
        self._nights.append(night)
        probe = len(self._rows) - 1
        key = self._sort_key(probe, item, self._sort_column)
        self._rows.pop()
        self._nights.pop()
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        low, high = 0, len(self._rows)
        while low < high:
            middle = (low + high) // 2
            other = self._sort_key(middle, self._rows[middle], self._sort_column)
            before = other > key if descending else other <= key
            if before:
                low = middle + 1
            else:
                high = middle
        return low

    # -- single-row changes -----------------------------------------------------------------

    def _insert(self, item: DiaryRow) -> None:
        night = self._row_night(item)
        row = self._position_for(item, night)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, item)
        self._nights.insert(row, night)
        self.endInsertRows()

    def _remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        self._strings.drop(self._rows[row])
        del self._rows[row]
        del self._nights[row]
        self.endRemoveRows()

    def upsert_episode(self, episode: Episode) -> None:
        """Show a saved episode: replace its row (moving it if its sort key changed) or add it."""
        existing = self.row_of(episode.uuid)
        if existing is not None:
            self._remove_row(existing)
        night = self._night_of(episode)
        quiet = self.row_of(night.isoformat())
        if quiet is not None:
            self._remove_row(quiet)  # a night with a cramp is no longer cramp-free
        self._insert(episode)

    def remove_keys(self, keys: Sequence[str]) -> None:
        for key in keys:
            row = self.row_of(key)
            if row is not None:
                self._remove_row(row)

    def set_cramp_free_nights(self, nights: Sequence[date]) -> None:
        wanted = set(nights)
        present = {item.night_of for item in self._rows if isinstance(item, CrampFreeNight)}
        self.remove_keys([night.isoformat() for night in present - wanted])
        for night in sorted(wanted - present):
            self._insert(CrampFreeNight(night))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS) + 1  # + the hidden SEARCH column

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
        if column == SEARCH:
            return self._texts(row)[SEARCH] if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts(row)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == SORT_ROLE:
            return self._sort_key(row, item, column)
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
        end = min(self._warm_from + WARM_SLICE, len(self._rows))
        for row in range(self._warm_from, end):
            self._texts(row)
        self._warm_from = end
        if end >= len(self._rows):
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

    def _sort_key(self, row: int, item: DiaryRow, column: int) -> Any:
        return sort_key(item, self._nights[row], column, lambda: self._column_text(row, column))

    def _column_text(self, row: int, column: int) -> str:
        return self._strings.column(self._rows[row], self._nights[row], column)
