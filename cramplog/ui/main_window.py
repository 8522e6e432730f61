"""The main window: four places, the always-reachable log actions, menus, undo and the banner."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QProcess, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cramplog.diary import Diary
from cramplog.errors import CramplogError
from cramplog.records import Episode
from cramplog.ui import editor as edits
from cramplog.ui.about import AboutDialog
from cramplog.ui.diary_page import DiaryPage
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.night_review import NightReviewDialog, ReviewBanner
from cramplog.ui.patterns_page import PatternsPage
from cramplog.ui.preferences import Preferences
from cramplog.ui.summary_page import SummaryPage
from cramplog.ui.treatments_page import TreatmentsPage

# The benchmark launches the real entry point with this set to "painted", "rows" or
# "patterns"; the app quits as soon as that is on screen. Nothing else changes.
BENCHMARK_EXIT_ENV = "CRAMPLOG_BENCHMARK_EXIT"

PLACES = ("Diary", "Patterns", "Treatments", "Summary")
DIARY, PATTERNS, TREATMENTS, SUMMARY = range(len(PLACES))


def show_error(parent: QWidget, title: str, message: str) -> None:
    """The one seam for error boxes, so tests can patch it."""
    QMessageBox.warning(parent, title, message)


class MainWindow(QMainWindow):
    def __init__(
        self,
        diary: Diary,
        *,
        sample: bool = False,
        preferences: Preferences | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.diary = diary
        self.sample = sample
        self.preferences = preferences or Preferences()
        self.editor = DiaryEditor(diary, self)
        self.setObjectName("mainWindow")
        self.setWindowTitle(
            "cramplog — sample diary (not your own)" if sample else "cramplog — cramp diary"
        )

        self.diary_page = DiaryPage(self.editor)
        self.patterns_page = PatternsPage(self.editor)
        self.treatments_page = TreatmentsPage(self.editor)
        self.summary_page = SummaryPage(self.editor, self.preferences)
        self.pages = QStackedWidget()
        for page in (self.diary_page, self.patterns_page, self.treatments_page, self.summary_page):
            self.pages.addWidget(page)

        self.places = QListWidget()
        self.places.setObjectName("places")
        self.places.setAccessibleName("Places")
        for number, name in enumerate(PLACES, start=1):
            item = QListWidgetItem(name)
            item.setToolTip(f"{name} (Ctrl+{number})")
            self.places.addItem(item)
        self.places.setFixedWidth(150)
        self.places.setFrameShape(QFrame.Shape.NoFrame)
        self.places.setSpacing(2)
        font = self.places.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.places.setFont(font)
        self.places.currentRowChanged.connect(self.pages.setCurrentIndex)

        self.banner = ReviewBanner()
        self.banner.review_requested.connect(lambda: self.review_night(self._banner_night))
        self.banner.dismissed.connect(self.banner.hide)
        self.banner.hide()
        self._banner_night: date | None = None

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.banner)
        right.addWidget(self.pages, 1)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.places)
        body.addLayout(right, 1)
        central = QWidget()
        central.setLayout(body)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_toolbar()
        self._build_menus()

        self.path_label = QLabel(str(diary.path))
        self.path_label.setObjectName("diaryPathLabel")
        self.path_label.setTextFormat(Qt.TextFormat.PlainText)
        self.path_label.setToolTip("The file holding this diary")
        self.statusBar().addPermanentWidget(self.path_label)

        self.diary_page.edit_requested.connect(self.edit_episode)
        self.diary_page.log_requested.connect(self.quick_log)
        self.diary_page.sample_requested.connect(self.open_sample)
        self.editor.changed.connect(self._diary_changed)
        self.editor.undo_stack.indexChanged.connect(self._announce_undo)

        self._restore_window_state()
        self.update_banner()
        exit_after = os.environ.get(BENCHMARK_EXIT_ENV, "")
        if exit_after:
            self._install_benchmark_exit(exit_after)

    # -- building -----------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[..., object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(f"{tip or text.replace('&', '').rstrip('…')}")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.log_action = self._action(
            "&Log cramp", self.quick_log, "Ctrl+N", "Log a cramp quickly (Ctrl+N)"
        )
        self.now_action = self._action(
            "Cramp &now", self.cramp_now, "Ctrl+T", "Time a cramp while it happens (Ctrl+T)"
        )
        self.full_action = self._action(
            "&Detailed entry…", self.new_episode, "Ctrl+Shift+N", "Log a cramp with every detail"
        )
        self.review_action = self._action(
            "&How was last night?", lambda: self.review_night(None), "Ctrl+R"
        )
        self.undo_action = self.editor.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.editor.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.delete_action = QAction("&Delete selected", self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.diary_page.delete_selected)
        self.own_words_action = self._action("Your own &words…", self.edit_own_words)
        self.settings_action = self._action("&Settings…", self.edit_settings, "Ctrl+,")
        self.about_action = self._action("&About cramplog", self.show_about)
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.place_actions = []
        for number, name in enumerate(PLACES, start=1):
            action = self._action(
                f"&{number} {name}",
                lambda _=False, i=number - 1: self.show_place(i),
                f"Ctrl+{number}",
            )
            self.place_actions.append(action)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar("Log")
        toolbar.setObjectName("logToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.log_action, self.now_action):
            toolbar.addAction(action)
            button = toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setObjectName("primaryAction")
                font = button.font()
                font.setBold(True)
                font.setPointSizeF(font.pointSizeF() * 1.1)
                button.setFont(font)
                button.setMinimumHeight(34)
        toolbar.addAction(self.full_action)
        toolbar.addAction(self.review_action)
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)

    def _build_menus(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu("&File")
        for action in self.data_actions():
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        entry_menu = menus.addMenu("&Entry")
        for action in (self.log_action, self.now_action, self.full_action, self.review_action):
            entry_menu.addAction(action)
        edit_menu = menus.addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.own_words_action)
        edit_menu.addAction(self.settings_action)
        view_menu = menus.addMenu("&View")
        for action in self.place_actions:
            view_menu.addAction(action)
        menus.addMenu("&Help").addAction(self.about_action)

    def data_actions(self) -> list[QAction]:
        """Import, backups and restore, provided by the data-safety module."""
        from cramplog.ui.data_actions import data_menu_actions

        return data_menu_actions(self, self.diary)

    # -- places and state ---------------------------------------------------------------

    def show_place(self, index: int) -> None:
        self.places.setCurrentRow(index)

    def _restore_window_state(self) -> None:
        geometry = self.preferences.geometry("main")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1180, 720)
        state = self.preferences.geometry("main_state")
        if state is not None:
            self.restoreState(state)
        header = self.preferences.geometry("diary_header")
        if header is not None:
            self.diary_page.table.horizontalHeader().restoreState(header)
        place = self.preferences.last_place
        self.show_place(place if 0 <= place < len(PLACES) else DIARY)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.preferences.set_geometry("main", self.saveGeometry())
        self.preferences.set_geometry("main_state", self.saveState())
        self.preferences.set_geometry(
            "diary_header", self.diary_page.table.horizontalHeader().saveState()
        )
        self.preferences.last_place = self.places.currentRow()
        self.preferences.sync()
        super().closeEvent(event)

    # -- actions --------------------------------------------------------------------------

    def quick_log(self) -> None:
        from cramplog.ui.quick_log import QuickLogDialog

        dialog = QuickLogDialog(self.editor, self.preferences, parent=self)
        dialog.exec()

    def cramp_now(self) -> None:
        from cramplog.ui.stopwatch import StopwatchDialog

        StopwatchDialog(self.editor, self.preferences, parent=self).exec()

    def new_episode(self) -> None:
        from cramplog.ui.episode_form import EpisodeDialog

        EpisodeDialog(self.editor, self.preferences, parent=self).exec()

    def edit_episode(self, episode: Episode) -> None:
        from cramplog.ui.episode_form import EpisodeDialog

        EpisodeDialog(self.editor, self.preferences, episode=episode, parent=self).exec()

    def review_night(self, night: date | None) -> None:
        dialog = NightReviewDialog(
            self.editor, self.preferences, night or self.diary.last_night(), parent=self
        )
        dialog.exec()

    def edit_own_words(self) -> None:
        from cramplog.ui.own_words import OwnWordsDialog

        OwnWordsDialog(self.editor, parent=self).exec()

    def edit_settings(self) -> None:
        from cramplog.ui.settings_dialog import SettingsDialog

        SettingsDialog(self.editor, self.preferences, parent=self).exec()

    def show_about(self) -> None:
        AboutDialog(self.diary.path, self).exec()

    def open_sample(self) -> None:
        """Open the sample diary in a separate window and process, leaving this diary alone."""
        if not QProcess.startDetached(sys.executable, ["-m", "cramplog", "--demo"]):
            show_error(self, "cramplog", "The sample diary could not be opened.")

    # -- benchmark hook -----------------------------------------------------------------

    def _install_benchmark_exit(self, moment: str) -> None:
        watched: QWidget = self
        if moment == "rows":
            watched = self.diary_page.table.viewport()
        elif moment == "patterns":
            self.show_place(PATTERNS)
            watched = self.patterns_page
        self._benchmark_filter = _QuitOnPaint(watched, rows=moment == "rows", parent=self)

    # -- reacting to changes ----------------------------------------------------------------

    def _diary_changed(self, what: str) -> None:
        if what in (edits.DAYS, edits.EPISODES, edits.SETTINGS):
            self.update_banner()

    def update_banner(self) -> None:
        """Offer the morning review, calmly, when last night has no record yet."""
        try:
            night = self.diary.last_night()
            day = self.diary.get_day(night)
            has_cramps = bool(self.diary.nights_with_episodes(night, night))
        except CramplogError:
            self.banner.hide()
            return
        self._banner_night = night
        if (day is not None and day.factors.reviewed) or self.sample:
            self.banner.hide()
            return
        self.banner.set_night(night, has_cramps=has_cramps)
        self.banner.show()

    def _announce_undo(self) -> None:
        stack = self.editor.undo_stack
        text = stack.undoText()
        if text:
            self.statusBar().showMessage(f"Saved: {text}. Ctrl+Z undoes it.", 6000)


class _QuitOnPaint(QObject):
    """Quits the application once `watched` has painted (with rows, if asked)."""

    def __init__(self, watched: QWidget, *, rows: bool, parent: QObject) -> None:
        super().__init__(parent)
        self._rows = rows
        self._watched = watched
        watched.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self._watched and event.type() == QEvent.Type.Paint:
            table = self._watched.parent()
            has_rows = not self._rows or (
                isinstance(table, QTableView) and table.model().rowCount() > 0
            )
            if has_rows:
                # After this paint is done, not before: the measured moment includes it.
                QTimer.singleShot(0, QCoreApplication.quit)
        return False
