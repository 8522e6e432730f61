"""The Diary place: every cramp and cramp-free night in a sortable, filterable list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cramplog.core import nights
from cramplog.core.errors import CramplogError
from cramplog.core.records import ChecklistKind, Episode, EpisodeFilter
from cramplog.core.translation import _
from cramplog.ui import editor as edits
from cramplog.ui.pages import diary_reload
from cramplog.ui.pages.diary_filters import DiaryFilters
from cramplog.ui.widgets.empty_diary import EmptyDiary
from cramplog.ui.widgets.episode_model import KEY_ROLE, EpisodeTableModel
from cramplog.ui.widgets.episode_rows import NIGHT, SortedRows

if TYPE_CHECKING:
    from cramplog.core.records import DiaryListing
    from cramplog.diary.first_screen import WholeList
    from cramplog.ui.editor import DiaryEditor

_Index = QModelIndex | QPersistentModelIndex


def _no_night(_episode: Episode) -> date:
    raise RuntimeError("rows need a diary or a preview before they are shown")


# What the list reads of the diary: all of it. Its filters pick from the rows it holds.
WHOLE = EpisodeFilter()


class DiaryTable(QTableView):
    """The list itself: Enter edits the current row, Delete deletes the selected ones."""

    activated_row = Signal(QModelIndex)
    delete_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex())
            return
        if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Delete:
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)


class DiaryPage(QWidget):
    """The list of cramps and quiet nights, newest first, with period, muscle and text filters."""

    edit_requested = Signal(Episode)
    log_requested = Signal()
    sample_requested = Signal()

    # Over 60 lines: it lays out the widgets top to bottom in their tab order, one block
    # per row; splitting it would scatter one layout across methods.
    def __init__(self, editor: DiaryEditor | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor: DiaryEditor | None = None
        self.model = EpisodeTableModel(label=str, night_of=_no_night, parent=self)

        self.filters = DiaryFilters()
        self.filters.changed.connect(self._apply_filters)

        self.table = DiaryTable()
        self.table.setObjectName("episodeTable")
        self.table.setAccessibleName(_("Cramps and cramp-free nights"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NIGHT, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        # The time column fits "time not noted", shown for a cramp noted by date only.
        time_width = self.table.fontMetrics().horizontalAdvance(nights.TIME_NOT_NOTED) + 16
        widths = (125, max(55, time_width), 130, 75, 95, 70, 75, 90, 200, 170, 200)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._edit_index)
        self.table.activated_row.connect(self._edit_index)
        self.table.delete_requested.connect(self.delete_selected)

        self.empty = EmptyDiary()
        self.empty.log_requested.connect(self.log_requested)
        self.empty.sample_requested.connect(self.sample_requested)
        self.opening = QLabel(_("Opening your diary…"))
        self.opening.setObjectName("openingLabel")
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.opening)
        self.stack.setCurrentWidget(self.opening)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.stack, 1)

        QShortcut(QKeySequence.StandardKey.Find, self, self.filters.search.setFocus)

        self._read_ahead: WholeList | None = None
        self._sorted_ahead: SortedRows | None = None
        self._refresh_due = False  # a reload asked for, to be made once (`_refresh_soon`)
        self._reload = diary_reload.ListReload(show=self._reloaded, fail=self._reload_failed)
        # Rows load when the place is first shown: a person who opens cramplog on Patterns
        # should not pay (150,000 episodes: ~250 MB and a second) for a list they do not see.
        self._loaded = False
        self._preview = False
        if editor is not None:
            self.attach(editor)

    @property
    def editor(self) -> DiaryEditor:
        if self._editor is None:
            raise RuntimeError("the diary list has no diary yet")
        return self._editor

    def attach(self, editor: DiaryEditor) -> None:
        """Take the open diary: its edits, labels and filters. A preview's rows are kept."""
        self._editor = editor
        diary = editor.diary
        editor.changed.connect(self._diary_changed)
        editor.episode_saved.connect(self._episode_saved)
        editor.episodes_deleted.connect(self._episodes_deleted)
        self.filters.set_enabled(True)
        self._fill_muscles()
        self.model.set_sources(label=diary.label, night_of=diary.night_of)
        # A preview held only the newest rows: the whole list replaces it now.
        if self._preview or (not self._loaded and self.isVisible()):
            self.refresh()
        # Rows read ahead serve this attach only: later, the diary may have changed.
        self._read_ahead = self._sorted_ahead = None

    def show_preview(self, listing: DiaryListing) -> None:
        """Show the newest rows, read before the diary itself is open, so the start-up's
        first screen is filled at once; the whole list, editing and filtering follow on
        `attach`."""
        self.model.set_sources(label=listing.label, night_of=listing.night_of)
        self._show_rows(listing.episodes, listing.cramp_free_nights)
        self._preview = True
        self.filters.show_state(_("Opening…"))

    @property
    def complete(self) -> bool:
        """Whether the whole list (not just a start-up preview) is shown."""
        return self._loaded and not self._preview

    @property
    def sorted_newest_first(self) -> bool:
        """Whether the list is in its usual order, the one a preview's newest rows fit."""
        header = self.table.horizontalHeader()
        return (
            header.sortIndicatorSection() == NIGHT
            and header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        )

    def _fill_muscles(self) -> None:
        diary = self.editor.diary
        muscles = [
            (item.label, item.code) for item in diary.checklist.of_kind(ChecklistKind.MUSCLE)
        ]
        muscles += [
            (own.label, own.code) for own in diary.custom_items() if own.kind.value == "muscle"
        ]
        self.filters.fill_muscles(muscles)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded and self._editor is not None:
            self.refresh()

    def _diary_changed(self, what: str) -> None:
        if what == edits.VOCABULARY:
            self._fill_muscles()
        if not self._loaded:
            return
        if what in (edits.VOCABULARY, edits.SETTINGS):
            self._refresh_soon()  # labels or night attribution changed everywhere
        elif what == edits.DAYS and not self._refresh_due:
            self.model.set_cramp_free_nights(self.editor.diary.cramp_free_nights())
            self._after_change()

    def _refresh_soon(self) -> None:
        """Reload once the changes of this turn of the event loop are all told: an import
        tells five kinds of change at once, and each reload of a century's list is seconds."""
        if not self._refresh_due:
            self._refresh_due = True
            QTimer.singleShot(0, self._refresh_if_due)

    def _refresh_if_due(self) -> None:
        if not self._refresh_due:
            return
        if not self.complete:
            self.refresh()
            return
        # The rows on screen stay while the list is read again off the UI thread.
        self._refresh_due = False
        self._reload_in_background()

    def _reload_in_background(self) -> None:
        diary = self.editor.diary
        column, descending = self.model.sort_order()
        request = diary_reload.ListRequest(
            diary.path, WHOLE, diary.boundary_hour, column, descending
        )
        self._reload.start(request)
        if not self.model.held:  # not the empty diary's invitation: an import is being read
            self.opening.setText(_("Reading your diary…"))
            self.stack.setCurrentWidget(self.opening)
        self._update_count()

    def _reloaded(self, read: diary_reload.ListRead) -> None:
        if read.sorted_rows is not None:
            prepared = read.sorted_rows
            self._show(lambda: self.model.take_sorted(prepared, read_again=True))
        else:
            self._show_rows(read.rows.episodes, read.rows.cramp_free)

    def stop_reading(self) -> None:
        """Wait for a read of the list under way, and drop its rows: the window is closing
        (a restore may replace the diary's file next)."""
        self._reload.wait()

    def _reload_failed(self, _problem: CramplogError) -> None:
        # Read on the UI thread, which meets the problem again and shows it as a read does.
        self.refresh()

    def _episode_saved(self, episode: Episode) -> None:
        if not self._loaded:
            return
        # Shown if the filters keep it; a row selected (the one just edited, say) stays so.
        self._keeping_place(lambda: self.model.upsert_episode(episode))
        self._after_change()

    def _episodes_deleted(self, uuids: list[str]) -> None:
        if not self._loaded:
            return
        self.model.remove_keys(uuids)
        # A night whose last cramp went may be a reviewed, now cramp-free, night.
        self.model.set_cramp_free_nights(self.editor.diary.cramp_free_nights())
        self._after_change()

    def _after_change(self) -> None:
        self._reload.stale()  # shown now; a read under way began before it
        self.stack.setCurrentWidget(self.table if self.model.held else self.empty)
        self._update_count()

    def current_filter(self) -> EpisodeFilter:
        """The period and muscle the list shows, as the diary would be asked for them (the
        list reads every row, `WHOLE`, and picks these from the rows it holds)."""
        return self.filters.episode_filter(self._today())

    def _today(self) -> date | None:
        return None if self._editor is None else self.editor.diary.now().date()

    def take_rows(self, rows: WholeList, sorted_rows: SortedRows | None = None) -> None:
        """Rows read off the UI thread while the diary opened (and, if given, already sorted
        there by `episode_model.sort_rows`); the `attach` that follows shows them rather than
        reading the list again, if the filter is still the one they were read under."""
        self._read_ahead, self._sorted_ahead = rows, sorted_rows

    def refresh(self) -> None:
        """Reload from the diary, keeping the selection and the scroll position."""
        self._refresh_due = False
        self._reload.cancel()
        ahead, self._read_ahead = self._read_ahead, None
        ahead_sorted, self._sorted_ahead = self._sorted_ahead, None
        if ahead is not None and ahead.where == WHOLE:
            if ahead_sorted is not None:
                self._show(lambda: self.model.take_sorted(ahead_sorted))
            else:
                self._show_rows(ahead.episodes, ahead.cramp_free)
            return
        diary = self.editor.diary
        self._show_rows(diary.list_episodes(WHOLE), diary.cramp_free_nights())

    def _show_rows(self, episodes: Sequence[Episode], cramp_free: Sequence[date]) -> None:
        self._show(lambda: self.model.set_rows(episodes, cramp_free))

    def _show(self, fill: Callable[[], None]) -> None:
        """Fill the model with rows read (`fill`), keeping the selection and the scroll
        position."""
        self._loaded = True
        self._preview = False
        self._keeping_place(fill)
        self.model.warm_texts()
        self.stack.setCurrentWidget(self.table if self.model.held else self.empty)
        self._update_count()

    def _keeping_place(self, change: Callable[[], None]) -> None:
        """Make `change` to the rows, then select the rows selected before that are still
        shown, and scroll back to where the list was."""
        selected = self.selected_keys()
        current = self.table.currentIndex().data(KEY_ROLE)
        scroll = self.table.verticalScrollBar().value()
        change()
        self._reselect(selected, current)
        self.table.verticalScrollBar().setValue(scroll)

    def _apply_filters(self) -> None:
        """Show the rows held that the period, the muscle and the search keep: picked in
        order from the whole list, never read again (at 150,000 cramps a read was 3 s)."""
        keep = self.filters.row_filter(self._today())
        self._keeping_place(lambda: self.model.set_filter(keep))
        if self._loaded:  # before, the bar says the list is opening
            self._update_count()

    def _update_count(self) -> None:
        if self._reload.busy:  # the rows shown may be about to change
            self.filters.show_state(_("Updating…"))
        else:
            self.filters.show_count(self.model.rowCount(), self.model.held)

    def selected_keys(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        return [str(index.data(KEY_ROLE)) for index in rows]

    def selected_episodes(self) -> list[Episode]:
        episodes = []
        for index in self.table.selectionModel().selectedRows():
            episode = self.model.episode(index.row())
            if episode is not None:
                episodes.append(episode)
        return episodes

    def _reselect(self, keys: list[str], current: object) -> None:
        if not keys and current is None:
            return
        # Found by the model in Python: asking each of 150,000 rows for its key through Qt
        # took most of a second.
        rows = self.model.rows_of({*keys, current})
        selection = self.table.selectionModel()
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        for key in keys:
            if key in rows:
                selection.select(self.model.index(rows[key], 0), flags)
        if current in rows:
            index = self.model.index(rows[current], 0)
            selection.setCurrentIndex(index, selection.SelectionFlag.NoUpdate)

    def select_episode(self, uuid: str) -> None:
        """Select and show one episode's row (used after saving it)."""
        row = self.model.row_of(uuid)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _edit_index(self, index: QModelIndex) -> None:
        if self._editor is None:
            return  # a start-up preview: rows can be edited once the diary is open
        episode = self.model.episode(index.row())
        if episode is not None:
            self.edit_requested.emit(episode)

    def delete_selected(self) -> None:
        if self._editor is None:
            return
        episodes = self.selected_episodes()
        if episodes:
            self.editor.delete_episodes([e.id for e in episodes])
