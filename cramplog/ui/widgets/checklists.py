"""Checkable lists: grouped triggers and symptoms, and relief methods with how well each worked."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QWidget,
)

from cramplog.core.records import ReliefRating
from cramplog.core.translation import N_, _
from cramplog.ui.widgets.choices import CODE_ROLE, ChoiceGroup
from cramplog.ui.widgets.colours import muted_color
from cramplog.ui.widgets.combos import ValueCombo
from cramplog.ui.widgets.labels import MutedLabel, scaled_font


class ChecklistTree(QTreeWidget):
    """Checkable items under group headings. Space ticks the current item."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setItemsExpandable(False)
        self.setSelectionMode(QTreeWidget.SelectionMode.SingleSelection)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.itemChanged.connect(self._item_changed)
        self._building = False
        # Fusion draws an unticked box as a Base-coloured square with a faint outline; on a
        # Base-coloured list in a dark palette it all but vanishes. On the Window colour the
        # boxes stand out in light and dark alike, as the form's other check boxes do.
        viewport = self.viewport()
        if viewport is not None:
            viewport.setBackgroundRole(QPalette.ColorRole.Window)

    def set_choices(self, groups: Sequence[ChoiceGroup]) -> None:
        checked = self.checked()
        self._building = True
        try:
            self.clear()
            heading_font = scaled_font(self.font(), 1.0, bold=True)
            for heading, choices in groups:
                parent: QTreeWidget | QTreeWidgetItem = self
                if heading:
                    header = QTreeWidgetItem(self, [heading])
                    header.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    header.setFont(0, heading_font)
                    header.setFirstColumnSpanned(True)
                    parent = header
                for choice in choices:
                    item = QTreeWidgetItem(parent, [choice.label, choice.note])
                    item.setData(0, CODE_ROLE, choice.code)
                    item.setFlags(
                        Qt.ItemFlag.ItemIsEnabled
                        | Qt.ItemFlag.ItemIsSelectable
                        | Qt.ItemFlag.ItemIsUserCheckable
                    )
                    item.setCheckState(
                        0,
                        Qt.CheckState.Checked
                        if choice.code in checked
                        else Qt.CheckState.Unchecked,
                    )
                    if choice.explanation and not choice.own:
                        item.setToolTip(0, choice.explanation)
                    if choice.note:
                        item.setForeground(1, muted_color(self.palette()))
            self.expandAll()
        finally:
            self._building = False

    def _items(self) -> Iterable[QTreeWidgetItem]:
        iterator = QTreeWidgetItemIterator(self)
        while (item := iterator.value()) is not None:
            if item.data(0, CODE_ROLE):
                yield item
            iterator += 1

    def codes(self) -> list[str]:
        return [str(item.data(0, CODE_ROLE)) for item in self._items()]

    def checked(self) -> list[str]:
        return [
            str(item.data(0, CODE_ROLE))
            for item in self._items()
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def set_checked(self, codes: Iterable[str]) -> None:
        wanted = set(codes)
        self._building = True
        try:
            for item in self._items():
                state = (
                    Qt.CheckState.Checked
                    if item.data(0, CODE_ROLE) in wanted
                    else Qt.CheckState.Unchecked
                )
                if item.checkState(0) != state:
                    item.setCheckState(0, state)
        finally:
            self._building = False
        self.changed.emit()

    def item_for(self, code: str) -> QTreeWidgetItem | None:
        return next((item for item in self._items() if item.data(0, CODE_ROLE) == code), None)

    def focusInEvent(self, event: Any) -> None:
        # Arriving by Tab on a heading would leave Space with nothing to tick.
        current = self.currentItem()
        if current is None or not current.data(0, CODE_ROLE):
            first = next(iter(self._items()), None)
            if first is not None:
                self.setCurrentItem(first)
        super().focusInEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            # The neutral notes ("warning sign") follow a switch between light and dark.
            colour = muted_color(self.palette())
            for item in self._items():
                if item.text(1):
                    item.setForeground(1, colour)

    def _item_changed(self, _item: QTreeWidgetItem, column: int) -> None:
        if column == 0 and not self._building:
            self.changed.emit()


RATING_OPTIONS: tuple[tuple[str, ReliefRating | None], ...] = (
    (N_("Not rated"), None),
    (ReliefRating.HELPED.label, ReliefRating.HELPED),
    (ReliefRating.A_LITTLE.label, ReliefRating.A_LITTLE),
    (ReliefRating.NOT_HELPED.label, ReliefRating.NOT_HELPED),
)


class ReliefPicker(QWidget):
    """One row per relief method: tick it if tried, then say how well it worked."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(0, 1)
        self._rows: dict[str, tuple[QCheckBox, ValueCombo]] = {}
        self._order: list[str] = []

    def set_choices(self, groups: Sequence[ChoiceGroup]) -> None:
        kept = self.value()
        while self._grid.count():
            taken = self._grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self._rows = {}
        self._order = []
        row = 0
        for heading, choices in groups:
            if heading == _("Your own"):  # the own words' group, as vocabulary_groups names it
                own = MutedLabel(_("Your own"))
                self._grid.addWidget(own, row, 0, 1, 2)
                row += 1
            for choice in choices:
                box = QCheckBox(choice.label)
                box.setAccessibleName(_("Tried: {label}").format(label=choice.label))
                if choice.explanation and not choice.own:
                    box.setToolTip(choice.explanation)
                rating = ValueCombo()
                rating.set_options([(_(text), value) for text, value in RATING_OPTIONS])
                rating.setAccessibleName(_("How well “{label}” worked").format(label=choice.label))
                rating.setEnabled(False)
                box.toggled.connect(rating.setEnabled)
                box.toggled.connect(self.changed)
                rating.currentIndexChanged.connect(self.changed)
                self._grid.addWidget(box, row, 0)
                self._grid.addWidget(rating, row, 1)
                self._rows[choice.code] = (box, rating)
                self._order.append(choice.code)
                row += 1
        self.set_value(kept, notify=False)

    def value(self) -> tuple[tuple[str, ReliefRating | None], ...]:
        chosen: list[tuple[str, ReliefRating | None]] = []
        for code in self._order:
            box, rating = self._rows[code]
            if box.isChecked():
                chosen.append((code, rating.value()))
        return tuple(chosen)

    def set_value(
        self, reliefs: Iterable[tuple[str, ReliefRating | None]], *, notify: bool = True
    ) -> None:
        wanted = dict(reliefs)
        for code, (box, rating) in self._rows.items():
            with QSignalBlocker(box), QSignalBlocker(rating):
                box.setChecked(code in wanted)
                rating.setEnabled(code in wanted)
                rating.set_value(wanted.get(code))
        if notify:
            self.changed.emit()

    def row_widgets(self, code: str) -> tuple[QCheckBox, ValueCombo]:
        return self._rows[code]

    def codes(self) -> list[str]:
        return list(self._order)

    def first_box(self) -> QCheckBox | None:
        return self._rows[self._order[0]][0] if self._order else None
