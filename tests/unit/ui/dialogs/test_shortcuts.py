"""Help → Keyboard shortcuts lists every shortcut the window's actions answer to."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from cramplog.diary.service import Diary
from cramplog.ui.dialogs.shortcuts import ShortcutsDialog, action_name
from cramplog.ui.main_window import MainWindow
from cramplog.ui.preferences import Preferences


def listed(dialog: ShortcutsDialog) -> dict[str, str]:
    table = dialog.table
    cells = {}
    for row in range(table.rowCount()):
        name, keys = table.item(row, 0), table.item(row, 1)
        assert name is not None and keys is not None
        cells[name.text()] = keys.text()
    return cells


def test_every_action_with_a_shortcut_is_listed_with_its_keys(
    qtbot: QtBot, diary: Diary, preferences: Preferences
) -> None:
    window = MainWindow(diary, preferences=preferences)
    qtbot.add_widget(window)
    # One added after the window was built (as a new feature would be) is listed too.
    extra = QAction("&Print the summary…", window)
    extra.setShortcuts([QKeySequence("Ctrl+P")])
    window.addAction(extra)
    dialog = ShortcutsDialog(window)
    qtbot.add_widget(dialog)
    cells = listed(dialog)
    with_keys = [
        a for a in window.findChildren(QAction) if any(not k.isEmpty() for k in a.shortcuts())
    ]
    assert len(with_keys) >= 10
    for action in with_keys:
        native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert native in cells[action_name(action)]
    assert cells["Log cramp"] == "Ctrl+N"
    assert cells["Print the summary"] == "Ctrl+P"
    assert "Ctrl+Z" in cells["Undo"]
    assert not any("&" in name for name in cells)


def test_the_help_menu_opens_shortcuts_counting_tour_and_about(
    qtbot: QtBot, diary: Diary, preferences: Preferences
) -> None:
    window = MainWindow(diary, preferences=preferences)
    qtbot.add_widget(window)
    (help_menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&Help"]
    assert isinstance(help_menu, QMenu)
    names = [action_name(a) for a in help_menu.actions() if not a.isSeparator()]
    assert names == ["Keyboard shortcuts", "How cramplog counts", "A quick tour", "About cramplog"]
    assert all(a.isEnabled() for a in help_menu.actions())
