"""Help → Keyboard shortcuts: every shortcut of the window, read from its actions."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cramplog.core.translation import _
from cramplog.ui.widgets import common as widgets


def action_name(action: QAction) -> str:
    """An action's text as a person reads it: no mnemonic ampersands, no trailing dots."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def _actions(window: QWidget) -> list[QAction]:
    """The window's actions in menu order, then any others it owns (each once)."""
    found: list[QAction] = []

    def walk(actions: list[QAction]) -> None:
        for action in actions:
            menu = action.menu()
            if isinstance(menu, QMenu):
                walk(menu.actions())
            elif action not in found:
                found.append(action)

    if isinstance(window, QMainWindow):
        walk(window.menuBar().actions())
    walk(window.actions())
    walk([a for a in window.findChildren(QAction) if a.parent() is window])
    return found


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(what it does, its keys) for every action of `window` that has a shortcut.

    Read from the actions themselves, so the list cannot drift from what the keys do.
    """
    rows = []
    for action in _actions(window):
        keys = [
            k.toString(QKeySequence.SequenceFormat.NativeText)
            for k in action.shortcuts()
            if not k.isEmpty()
        ]
        if keys and action_name(action):
            # Translators: between two key combinations: "Ctrl+Shift+Z or Ctrl+Y".
            rows.append((action_name(action), _(" or ").join(keys)))
    return rows


class ShortcutsDialog(QDialog):
    """A read-only table of the window's keyboard shortcuts."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(_("Keyboard shortcuts"))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([_("What it does"), _("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setAccessibleName(_("Keyboard shortcuts"))
        for row, (name, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.resizeRowsToContents()

        layout = QVBoxLayout(self)
        layout.addWidget(
            widgets.MutedLabel(
                _("These keys work in the main window; Delete works in the diary list."),
                parent=self,
            )
        )
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        height = self.table.horizontalHeader().height() + sum(
            self.table.rowHeight(r) for r in range(len(rows))
        )
        self.table.setMinimumHeight(min(height + 2 * self.table.frameWidth() + 2, 520))
        self.resize(460, self.sizeHint().height())
