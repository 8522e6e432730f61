"""The File menu's data actions: Import…, Back up now, Restore from backup…

`data_menu_actions(window, diary)` returns them for the main window's File menu. A restore
replaces the diary file, so it cannot happen under an open window: the action asks the
app (cramplog.ui.startup.app) to close the diary, restore and reopen, by leaving the event loop with
RESTART_EXIT_CODE and the chosen backup in the application property RESTORE_PROPERTY.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from cramplog.core.errors import CramplogError
from cramplog.core.translation import _
from cramplog.diary import backups
from cramplog.ui import editor as edits

if TYPE_CHECKING:  # the exchange package loads only when an import is started
    from cramplog.diary.service import Diary
    from cramplog.exchange import ImportResult

RESTART_EXIT_CODE = 0x5E57  # "restore": leave the event loop, restore, open again
RESTORE_PROPERTY = "cramplogRestoreFrom"


def request_restore(backup_path: Path) -> None:
    """Ask the running app to restore `backup_path` and reopen the diary (see module doc)."""
    app = QApplication.instance()
    if app is None:
        return
    app.setProperty(RESTORE_PROPERTY, str(backup_path))
    app.exit(RESTART_EXIT_CODE)


def tell(parent: QWidget, title: str, text: str, *, problem: bool = False) -> None:
    """The one seam for this module's message boxes (tests patch it)."""
    if problem:
        QMessageBox.warning(parent, title, text)
    else:
        QMessageBox.information(parent, title, text)


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """The confirmation seam."""
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def _notify_imported(window: QMainWindow, result: ImportResult) -> None:
    """Let the window redraw what an import changed (its editor says what changed)."""
    editor = getattr(window, "editor", None)
    if editor is not None and hasattr(editor, "changed"):
        if result.replaced and hasattr(editor, "undo_stack"):
            # Undo steps refer to entries the replace removed.
            editor.undo_stack.clear()
        # An import touches everything; SETTINGS and VOCABULARY make every place reload.
        for kind in (
            edits.VOCABULARY,
            edits.SETTINGS,
            edits.MEDICATIONS,
            edits.DAYS,
            edits.EPISODES,
        ):
            editor.changed.emit(kind)
    refresh = getattr(window, "refresh", None)
    if callable(refresh):
        refresh()


def import_into(window: QMainWindow, diary: Diary) -> None:
    from cramplog.ui.dialogs.import_dialog import ImportDialog

    dialog = ImportDialog(diary, parent=window)
    dialog.imported.connect(lambda result: _notify_imported(window, result))
    if dialog.path is None:
        path = dialog.ask_for_file()
        if path is None:
            return
        dialog.set_path(path)
    dialog.exec()
    # Closed under it (its window closed, the app quitting): a run it left under way ends
    # here, before the window's exit backup or the diary's closing can meet it.
    dialog.work.wait()


def back_up_now(window: QMainWindow, diary: Diary) -> None:
    """Back up on a worker thread (`back_up_now` module); `tell` says how it went."""
    from cramplog.ui.dialogs import back_up_now as backing_up

    # `tell` is looked up when the backup ends, so a seam patched meanwhile is the one used.
    backing_up.start(window, diary.data_dir, lambda *args, **kwargs: tell(*args, **kwargs))


def restore_from_backup(
    window: QMainWindow, diary: Diary, restore: Callable[[Path], None] = request_restore
) -> None:
    from cramplog.ui.dialogs.restore_dialog import RestoreDialog, describe

    try:
        found = backups.list_backups(diary.data_dir)
    except CramplogError as exc:
        tell(window, _("Backups"), str(exc), problem=True)
        return
    dialog = RestoreDialog(found, parent=window)
    if dialog.exec() != RestoreDialog.DialogCode.Accepted or dialog.chosen is None:
        return
    chosen = dialog.chosen
    if not confirm(
        window,
        _("Restore this backup?"),
        _(
            "The diary will be replaced by the backup of {backup}. The diary as it is now "
            "is kept as a backup first. cramplog closes the diary, restores it and opens it "
            "again."
        ).format(backup=describe(chosen)),
    ):
        return
    restore(chosen.backup.path)


def data_menu_actions(
    window: QMainWindow,
    diary: Diary,
    *,
    restore: Callable[[Path], None] = request_restore,
) -> list[QAction]:
    """Import…, Back up now and Restore from backup…, parented to `window`."""
    import_action = QAction(_("&Import…"), window)
    import_action.setObjectName("importAction")
    import_action.setToolTip(
        _("Add entries from a cramplog export or a spreadsheet (dry run first)")
    )
    import_action.triggered.connect(lambda: import_into(window, diary))
    backup_action = QAction(_("&Back up now"), window)
    backup_action.setObjectName("backupAction")
    backup_action.setToolTip(_("Copy the diary into its backups folder and check the copy"))
    backup_action.triggered.connect(lambda: back_up_now(window, diary))
    restore_action = QAction(_("&Restore from backup…"), window)
    restore_action.setObjectName("restoreAction")
    restore_action.setToolTip(_("Put a backup in place of the diary (the diary is kept first)"))
    restore_action.triggered.connect(lambda: restore_from_backup(window, diary, restore))
    return [import_action, backup_action, restore_action]
