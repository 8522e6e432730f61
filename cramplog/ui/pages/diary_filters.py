"""The Diary place's filter bar: period, muscle and search words, and how many rows show."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from cramplog.core.records import EpisodeFilter
from cramplog.core.translation import N_, _
from cramplog.core.wording import count, number
from cramplog.ui.widgets.episode_rows import RowFilter
from cramplog.ui.widgets.episode_texts import searchable

# (label, days back from today; None for everything)
PERIODS: tuple[tuple[str, int | None], ...] = (
    (N_("All time"), None),
    (N_("Last 7 nights"), 7),
    (N_("Last 4 weeks"), 28),
    (N_("Last 3 months"), 91),
    (N_("Last 12 months"), 365),
)

# Typing in the search box filters after this pause, not on every key.
SEARCH_PAUSE_MS = 150


class DiaryFilters(QWidget):
    """The controls above the list. `changed` says a choice was made (typed words after a
    short pause); `row_filter` says which rows the choices keep."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.period = QComboBox()
        self.period.setAccessibleName(_("Period"))
        for period_name, _days in PERIODS:
            self.period.addItem(_(period_name))
        self.muscle = QComboBox()
        self.muscle.setAccessibleName(_("Muscle"))
        for combo in (self.period, self.muscle):
            # Sized to their longest entry, filled in after the first paint, and never squeezed
            # below it ("All muscl"): the search box gives way instead.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search notes, muscles, triggers…"))
        self.search.setAccessibleName(_("Search the diary"))
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)  # laid out as the row of the page it was
        for text, widget in ((_("&Period"), self.period), (_("&Muscle"), self.muscle)):
            caption = QLabel(text)
            caption.setBuddy(widget)
            layout.addWidget(caption)
            layout.addWidget(widget)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.count_label)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(SEARCH_PAUSE_MS)
        self._typing.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _text: self._typing.start())
        self.period.currentIndexChanged.connect(self.changed)
        self.muscle.currentIndexChanged.connect(self.changed)
        self.set_enabled(False)  # until a diary is attached there is nothing to filter

    def set_enabled(self, enabled: bool) -> None:
        for control in (self.period, self.muscle, self.search):
            control.setEnabled(enabled)

    def fill_muscles(self, muscles: Iterable[tuple[str, str]]) -> None:
        """Offer `muscles` (label, code), keeping the one chosen if it is still among them;
        if it went (its word was undone, say), every muscle is shown again (`changed`)."""
        current = self.muscle.currentData()
        self.muscle.blockSignals(True)
        self.muscle.clear()
        self.muscle.addItem(_("All muscles"), None)
        for label, code in muscles:
            self.muscle.addItem(label, code)
        index = self.muscle.findData(current)
        self.muscle.setCurrentIndex(max(index, 0))
        self.muscle.blockSignals(False)
        if index < 0 and current is not None:
            self.changed.emit()  # the box says all muscles now: so must the list

    def row_filter(self, today: date | None) -> RowFilter:
        """The rows the choices keep: the period's nights back from `today` (None: no diary
        yet, so every night), the muscle, the search's words."""
        days = PERIODS[max(self.period.currentIndex(), 0)][1]
        first_night = None if days is None or today is None else today - timedelta(days=days)
        return RowFilter(first_night, self.muscle.currentData(), searchable(self.search.text()))

    def episode_filter(self, today: date | None) -> EpisodeFilter:
        """The period and muscle chosen, as the diary would be asked for them."""
        muscle = self.muscle.currentData()
        return EpisodeFilter(
            first_night=self.row_filter(today).first_night,
            muscles=frozenset() if muscle is None else frozenset({muscle}),
        )

    def show_count(self, shown: int, held: int) -> None:
        """ "2 of 11 rows", or "11 rows" when every row held is shown."""
        rows = count(held, "{n} row", "{n} rows")
        self.count_label.setText(
            _("{shown} of {rows}").format(shown=number(shown), rows=rows) if shown != held else rows
        )

    def show_state(self, text: str) -> None:
        """A word in place of the count while the rows are on their way ("Opening…")."""
        self.count_label.setText(text)
