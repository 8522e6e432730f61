"""Picking one of a few answers: a big checkable button and a row of radio buttons."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QWidget,
)


class ChoiceButton(QPushButton):
    """A big checkable button whose chosen state is plain to see in light and dark alike."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setCheckable(True)
        self.setAutoDefault(False)
        self.target_width = 0
        self._restyling = False
        self.toggled.connect(self._restyle)

    def sizeHint(self) -> QSize:
        return super().sizeHint().expandedTo(QSize(self.target_width, 0))

    def minimumSizeHint(self) -> QSize:
        # Never narrower than its text: a squeezed row of choices cut "Not applicable" short
        # at 1.5x and 2x scale (a minimum width set on the button would override this).
        return QSize(self.sizeHint().width(), super().minimumSizeHint().height())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._restyle()

    def _restyle(self, *_args: object) -> None:
        if self._restyling:
            return
        self._restyling = True
        try:
            if not self.isChecked():
                self.setPalette(QPalette())
                return
            parent = self.parentWidget()
            base = parent.palette() if parent is not None else QApplication.palette()
            palette = QPalette()
            palette.setColor(QPalette.ColorRole.Button, base.color(QPalette.ColorRole.Highlight))
            palette.setColor(
                QPalette.ColorRole.ButtonText, base.color(QPalette.ColorRole.HighlightedText)
            )
            self.setPalette(palette)
        finally:
            self._restyling = False


class RadioRow(QWidget):
    """Radio buttons in a row: one Tab stop (the chosen one); arrow keys move the choice."""

    changed = Signal()

    def __init__(
        self, name: str, options: Sequence[tuple[str, object]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self._group = QButtonGroup(self)
        self._values: list[object] = []
        self.buttons: list[QRadioButton] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for text, value in options:
            button = QRadioButton(text)
            button.setAccessibleName(f"{name}: {text}")
            button.installEventFilter(self)
            self._group.addButton(button)
            self.buttons.append(button)
            self._values.append(value)
            row.addWidget(button)
        row.addStretch(1)
        self._group.buttonToggled.connect(self._toggled)
        self._fix_focus()

    def value(self) -> Any:
        return next(
            (
                value
                for button, value in zip(self.buttons, self._values, strict=True)
                if button.isChecked()
            ),
            None,
        )

    def set_value(self, value: object) -> None:
        for button, candidate in zip(self.buttons, self._values, strict=True):
            if candidate == value:
                button.setChecked(True)
        self._fix_focus()

    def button_for(self, value: object) -> QRadioButton:
        return self.buttons[self._values.index(value)]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            step = 0
            if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Up):
                step = -1
            elif event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Down):
                step = 1
            current = next((b for b in self.buttons if b is watched), None)
            if step and current is not None:
                index = self.buttons.index(current)
                target = self.buttons[(index + step) % len(self.buttons)]
                target.setChecked(True)
                target.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    def _toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self._fix_focus()
            self.changed.emit()

    def _fix_focus(self) -> None:
        chosen = next((b for b in self.buttons if b.isChecked()), self.buttons[0])
        for button in self.buttons:
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if button is chosen else Qt.FocusPolicy.ClickFocus
            )
        self.setFocusProxy(chosen)
