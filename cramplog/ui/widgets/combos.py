"""Drop-downs: labelled values that keep their Python type, and the muscle search."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from cramplog.core.translation import _
from cramplog.ui.widgets.choices import CODE_ROLE, Choice, ChoiceGroup
from cramplog.ui.widgets.labels import scaled_font


class ValueCombo(QComboBox):
    """A drop-down of labelled values, the first usually "Not recorded" (None).

    The values stay Python objects (enums keep their type); Qt only holds their positions.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[object] = []

    def set_options(self, options: Iterable[tuple[str, object]]) -> None:
        current = self.value()
        with QSignalBlocker(self):
            self.clear()
            self._values = []
            for text, value in options:
                self.addItem(text)
                self._values.append(value)
        self.set_value(current)

    def value(self) -> Any:
        row = self.currentIndex()
        return self._values[row] if 0 <= row < len(self._values) else None

    def set_value(self, value: object) -> None:
        for row, candidate in enumerate(self._values):
            if candidate is value or (type(candidate) is type(value) and candidate == value):
                self.setCurrentIndex(row)
                return
        self.setCurrentIndex(0 if self.count() else -1)


class MuscleCombo(QComboBox):
    """Muscles under group headings; typing any part of a name offers matches."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        self.setAccessibleName(_("Muscle"))
        line = self.lineEdit()
        assert line is not None
        line.setPlaceholderText(_("Type or pick a muscle"))
        self._choices: list[Choice] = []
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self._matches = QStandardItemModel(self)
        completer = QCompleter(self._matches, self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)

    def set_choices(self, groups: Sequence[ChoiceGroup]) -> None:
        current = self.code()
        text = self.currentText()
        with QSignalBlocker(self):
            self._model.clear()
            self._matches.clear()
            self._choices = []
            heading_font = scaled_font(self.font(), 1.0, bold=True)
            for heading, choices in groups:
                if heading:
                    header = QStandardItem(heading)
                    header.setFlags(Qt.ItemFlag.NoItemFlags)
                    header.setFont(heading_font)
                    header.setAccessibleText(f"{heading} (group)")
                    self._model.appendRow(header)
                for choice in choices:
                    entry = QStandardItem(choice.label)
                    entry.setData(choice.code, CODE_ROLE)
                    if choice.explanation and not choice.own:
                        entry.setToolTip(choice.explanation)
                    self._model.appendRow(entry)
                    match = QStandardItem(choice.label)
                    match.setData(choice.code, CODE_ROLE)
                    self._matches.appendRow(match)
                    self._choices.append(choice)
            self.setCurrentIndex(-1)
        if current is not None:
            self.set_code(current)
        else:
            self.setEditText(text)

    def _row_of(self, code: str) -> int:
        for row in range(self._model.rowCount()):
            if self._model.item(row).data(CODE_ROLE) == code:
                return row
        return -1

    def set_code(self, code: str | None) -> None:
        row = -1 if code is None else self._row_of(code)
        self.setCurrentIndex(row)
        if row < 0:
            self.setEditText("")

    def code(self) -> str | None:
        """The muscle the text names: a picked row, a label, or a synonym; None if none."""
        text = " ".join(self.currentText().split()).casefold()
        if not text:
            return None
        if self.currentIndex() >= 0:
            code = self.itemData(self.currentIndex(), CODE_ROLE)
            if code and " ".join(self.itemText(self.currentIndex()).split()).casefold() == text:
                return str(code)
        for choice in self._choices:
            if choice.label.casefold() == text:
                return choice.code
        for choice in self._choices:
            if text in choice.synonyms:
                return choice.code
        return None

    def label_of(self, code: str) -> str:
        return next((choice.label for choice in self._choices if choice.code == code), code)

    def choices(self) -> list[Choice]:
        return list(self._choices)

    def first_match(self, text: str) -> QModelIndex:
        """Where the completer would land for typed text (for tests and accessibility)."""
        completer = self.completer()
        assert completer is not None
        completer.setCompletionPrefix(text)
        return completer.currentIndex()
