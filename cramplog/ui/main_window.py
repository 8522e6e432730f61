"""The main window: four places, the always-reachable log actions, menus, undo and the banner."""
# Over 400 lines because the window wires every menu, action and shortcut to its four places in
# one class; each place, form and dialog is a module of its own.

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

# `QtCore.Qt`, not `Qt`: the first paint must not wait for the Qt namespace's enums (see
# cramplog.ui.widgets.theme).
from PySide6 import QtCore
from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cramplog.core.errors import CramplogError
from cramplog.core.translation import _
from cramplog.ui.places import DIARY, PATTERNS, PLACES, SUMMARY, TREATMENTS
from cramplog.ui.preferences import Preferences
from cramplog.ui.startup import benchmark_exit, patterns_first, preloads
from cramplog.ui.startup.benchmark_exit import BENCHMARK_EXIT_ENV
from cramplog.ui.widgets.screen_fit import resize_within_screen

if TYPE_CHECKING:
    from cramplog.core.records import DiaryListing, Episode, EpisodeFilter
    from cramplog.diary.review_due import ReviewDue
    from cramplog.diary.service import Diary
    from cramplog.diary.view import DiaryFigures
    from cramplog.ui.editor import DiaryEditor
    from cramplog.ui.forms.review_banner import ReviewBanner
    from cramplog.ui.pages import chart_modules
    from cramplog.ui.pages.diary_page import DiaryPage
    from cramplog.ui.pages.patterns_page import PatternsPage
    from cramplog.ui.pages.summary_page import SummaryPage
    from cramplog.ui.pages.treatments_page import TreatmentsPage
    from cramplog.ui.startup.patterns_first import FirstFigures
    from cramplog.ui.startup.stall_watch import StallWatch
    from cramplog.ui.tray import TrayPresence


def show_error(parent: QWidget, title: str, message: str) -> None:
    """The one seam for error boxes, so tests can patch it."""
    # Message boxes, like the other dialogs, load when first needed, not before the first paint.
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, title, message)


class MainWindow(QMainWindow):
    """The window, shown before the diary is open: `attach` hands it the diary.

    Start-up paints the window first and opens the diary after (cramplog is opened in the
    middle of the night and must appear at once); the places that need the diary are built
    on `attach`, and their actions wait for it, disabled.
    """

    banner: ReviewBanner
    undo_action: QAction
    redo_action: QAction
    file_menu: QMenu
    edit_menu: QMenu
    log_toolbar: QToolBar

    # Over 60 lines: it lays out the widgets top to bottom in their tab order, one block
    # per row; splitting it would scatter one layout across methods.
    def __init__(
        self,
        diary: Diary | None = None,
        *,
        sample: bool = False,
        preferences: Preferences | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._diary: Diary | None = None
        self._editor: DiaryEditor | None = None
        self.sample = sample
        self.preferences = preferences or Preferences()
        self.setObjectName("mainWindow")
        # The desktop adds the app's name ("— cramplog") to every window title itself.
        self.setWindowTitle(_("Sample diary (not your own)") if sample else _("Cramp diary"))

        self._diary_page: DiaryPage | None = None
        self._pending: Callable[[], object] | None = None
        self.tray: TrayPresence | None = None
        self._quitting = False
        self._patterns_page: PatternsPage | None = None
        self._treatments_page: TreatmentsPage | None = None
        self._summary_page: SummaryPage | None = None
        self.pages = QStackedWidget()
        for _place in PLACES:
            self.pages.addWidget(_waiting_page())

        self.places = QListWidget()
        self.places.setObjectName("places")
        self.places.setAccessibleName(_("Places"))
        for number, name in enumerate(PLACES, start=1):
            item = QListWidgetItem(_(name))
            item.setToolTip(_("{place} (Ctrl+{number})").format(place=_(name), number=number))
            self.places.addItem(item)
        self.places.setFixedWidth(150)
        self.places.setFrameShape(QFrame.Shape.NoFrame)
        self.places.setSpacing(2)
        font = self.places.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.places.setFont(font)
        self.places.currentRowChanged.connect(self._place_chosen)

        self._banner_night: date | None = None
        # The last night of the offer "Not now" put away: the same offer stays away (the
        # diary opening behind the first figures offers it again, nothing having changed).
        self._dismissed_night: date | None = None
        self._banner: ReviewBanner | None = None
        self._right = QVBoxLayout()
        self._right.setContentsMargins(0, 0, 0, 0)
        self._right.addWidget(self.pages, 1)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.places)
        body.addLayout(self._right, 1)
        central = QWidget()
        central.setLayout(body)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_toolbar()
        self._build_menus()

        self.path_label = QLabel()
        self.path_label.setObjectName("diaryPathLabel")
        self.path_label.setToolTip(_("The file holding this diary"))
        self.statusBar().addPermanentWidget(self.path_label)

        self._restore_window_state()
        self._benchmark_moment = os.environ.get(BENCHMARK_EXIT_ENV, "")
        self._benchmark_exit_installed = False
        self._stall_watch: StallWatch | None = None
        if self._benchmark_moment:
            from cramplog.ui.startup.stall_watch import StallWatch

            self._stall_watch = StallWatch(self)
        if self._benchmark_moment == "painted":
            self._exit_for_benchmark()
        if diary is not None:
            self.attach(diary)

    @property
    def diary_page(self) -> DiaryPage:
        """The list of cramps, built on first use (after the window's first paint)."""
        if self._diary_page is None:
            from cramplog.ui.pages.diary_page import DiaryPage

            page = self._diary_page = DiaryPage()
            self._put_page(DIARY, page)
            page.edit_requested.connect(self.edit_episode)
            page.log_requested.connect(self.quick_log)
            page.sample_requested.connect(self.open_sample)
            self.delete_action.setShortcutContext(QtCore.Qt.ShortcutContext.WidgetShortcut)
            self.delete_action.triggered.connect(page.delete_selected)
            header = self.preferences.geometry("diary_header")
            if header is not None:
                page.table.horizontalHeader().restoreState(header)
            if self._benchmark_moment in ("rows", "list"):
                self._exit_for_benchmark()
            if self._editor is not None:
                page.attach(self._editor)
        return self._diary_page

    def list_filter(self) -> EpisodeFilter | None:
        """What the list reads if it is the place in view (None otherwise): all of the
        diary, whatever its filters pick from it."""
        if self.places.currentRow() != DIARY:
            return None
        from cramplog.core.records import EpisodeFilter

        return EpisodeFilter()  # `diary_page.WHOLE`, without loading the page before its paint

    def modules_to_preview(self) -> tuple[str, ...]:
        """What start-up's worker loads while it examines the file (`preloads`)."""
        return preloads.while_examining(self.places.currentRow())

    def modules_to_attach(self) -> tuple[str, ...]:
        """What start-up's worker loads once the diary is open (`preloads`)."""
        return preloads.on_the_worker(self.places.currentRow())

    def modules_to_import_here(self) -> tuple[str, ...]:
        """What this thread loads, a turn at a time, while the diary opens (`preloads`)."""
        return preloads.on_the_ui_thread(self.places.currentRow())

    def work_before_open(
        self,
    ) -> Callable[[DiaryFigures], FirstFigures | None] | None:
        """What start-up's worker may compute from a read-only view of the file before the
        diary is open, for `show_first_figures`: Patterns' opening figures (and the review
        banner's offer) if it starts there. (The diary, SQLAlchemy and all, takes a third of
        a second more to open: a person who left cramplog on Patterns sees its numbers first.)"""
        return patterns_first.first_figures if self.places.currentRow() == PATTERNS else None

    def show_first_figures(self, figures: object) -> QWidget | None:
        """Show Patterns on the figures `work_before_open` computed, before the diary is
        open; the page, or None if Patterns is no longer the place in view."""
        if self.places.currentRow() != PATTERNS or self._patterns_page is not None:
            return None
        if not isinstance(figures, patterns_first.FirstFigures):
            return None
        from cramplog.ui.pages.patterns_page import PatternsPage

        if figures.review is not None:  # as the open diary will show it: no jump then
            self._show_review_due(figures.review)
        self._patterns_page = page = PatternsPage(None, opening=figures.patterns)
        self._wire_patterns(page)
        if self._benchmark_moment == "patterns":
            self._exit_for_benchmark()
        return page

    def work_before_handover(self) -> Callable[[Diary], None] | None:
        """What start-up's worker may do with the open diary before handing it to this
        thread: compute Patterns' opening figures if it starts there (and could not before
        the diary was open)."""
        return patterns_first.read_ahead if self.places.currentRow() == PATTERNS else None

    def work_after_first_paint(self) -> chart_modules.Promise | None:
        """What start-up's worker is to do off this thread once the first place has painted
        with the open diary: load Patterns' charts (matplotlib) if it starts there."""
        if self.places.currentRow() != PATTERNS:
            return None
        from cramplog.ui.pages import chart_modules

        return chart_modules.promise()

    # The other places are built the first time they are shown: a person who opens cramplog
    # to log a cramp should not wait for the charts, the treatments or the summary.

    @property
    def patterns_page(self) -> PatternsPage:
        if self._patterns_page is None:
            from cramplog.ui.pages.patterns_page import PatternsPage

            self._patterns_page = PatternsPage(self.editor)
            self._wire_patterns(self._patterns_page)
        return self._patterns_page

    def _wire_patterns(self, page: PatternsPage) -> None:
        # Settings wait for the diary, as the entry actions do: the page may show before it.
        page.settings_requested.connect(
            lambda: self._when_open(
                self.edit_settings, _("Opening your diary; Settings open once it is open…")
            )
        )
        self._put_page(PATTERNS, page)

    @property
    def treatments_page(self) -> TreatmentsPage:
        if self._treatments_page is None:
            from cramplog.ui.pages.treatments_page import TreatmentsPage

            self._treatments_page = TreatmentsPage(self.editor)
            self._put_page(TREATMENTS, self._treatments_page)
        return self._treatments_page

    @property
    def summary_page(self) -> SummaryPage:
        if self._summary_page is None:
            from cramplog.ui.pages import chart_modules

            # The summary's PDF shares modules with the charts start-up may still be loading:
            # importing them from two threads at once could deadlock.
            chart_modules.settle()
            from cramplog.ui.pages.summary_page import SummaryPage

            self._summary_page = SummaryPage(self.editor, self.preferences)
            self._put_page(SUMMARY, self._summary_page)
        return self._summary_page

    def _place_chosen(self, index: int) -> None:
        """Show a place, building it first if the diary is open and it is not built yet."""
        if self.attached and 0 <= index < len(PLACES):
            self._page_for(index)
        self.pages.setCurrentIndex(index)

    def _page_for(self, index: int) -> QWidget:
        if index == PATTERNS:
            return self.patterns_page
        if index == TREATMENTS:
            return self.treatments_page
        if index == SUMMARY:
            return self.summary_page
        return self.diary_page

    def _put_page(self, index: int, page: QWidget) -> None:
        """Put a built place where its "Opening your diary…" stand-in was."""
        waiting = self.pages.widget(index)
        current = self.pages.currentIndex()
        self.pages.insertWidget(index, page)
        if waiting is not None:
            self.pages.removeWidget(waiting)
            waiting.deleteLater()
        self.pages.setCurrentIndex(current)

    def show_preview(self, listing: DiaryListing) -> None:
        """Show the newest rows of the diary list, read before the diary is open."""
        self.diary_page.show_preview(listing)

    @property
    def diary(self) -> Diary:
        if self._diary is None:
            raise RuntimeError("the window has no diary yet")
        return self._diary

    @property
    def editor(self) -> DiaryEditor:
        if self._editor is None:
            raise RuntimeError("the window has no diary yet")
        return self._editor

    @property
    def attached(self) -> bool:
        return self._diary is not None

    def attach(self, diary: Diary) -> None:
        """Give the window its open diary: build the places and enable what needs it."""
        from cramplog.ui.editor import DiaryEditor

        self._diary = diary
        self._editor = editor = DiaryEditor(diary, self)
        # The list is built (and given the diary) when first shown, like the other places:
        # a person who starts on Patterns should not wait for it.
        if self._diary_page is not None:
            self._diary_page.attach(editor)
        if self._patterns_page is not None and not self._patterns_page.attached:
            self._patterns_page.attach(editor)  # shown on its first figures (start-up)
        self._place_chosen(self.places.currentRow())

        self._make_banner()
        self._attach_undo(editor)
        for action in self.data_actions():
            self.file_menu.insertAction(self.quit_action, action)
        self.file_menu.insertSeparator(self.quit_action)
        for action in self._diary_actions:
            action.setEnabled(True)
        self.path_label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.path_label.setText(str(diary.path))
        editor.changed.connect(self._diary_changed)
        editor.undo_stack.indexChanged.connect(self._announce_undo)
        self.update_banner()
        if not self.sample:
            self._start_tray()
        if self._pending is not None:
            QTimer.singleShot(0, self._pending)
            self._pending = None
        if self._benchmark_moment == "charts" or (
            self._benchmark_moment == "patterns" and not self._benchmark_exit_installed
        ):
            self._exit_for_benchmark()

    def _make_banner(self) -> ReviewBanner:
        """The review banner above the places, hidden until there is a night to offer."""
        if self._banner is None:
            from cramplog.ui.forms.review_banner import ReviewBanner

            self._banner = self.banner = ReviewBanner()
            # Its review waits for the diary, as the entry actions do: it may show before.
            self.banner.review_requested.connect(lambda: self._when_open(self._review_from_banner))
            self.banner.dismissed.connect(self._banner_dismissed)
            self.banner.hide()
            self._right.insertWidget(0, self.banner)
        return self._banner

    def _banner_dismissed(self) -> None:
        self._dismissed_night = self._banner_night
        self.banner.hide()

    def _when_open(self, entry: Callable[[], object], waiting: str | None = None) -> None:
        """Run an entry action now, or as soon as the diary is open (the latest one asked),
        saying so in the status bar: `waiting`, or that the entry opens in a moment."""
        if self.attached:
            entry()
            return
        self._pending = entry
        if waiting is None:
            waiting = _("Opening your diary; your entry opens in a moment…")
        self.statusBar().showMessage(waiting, 5000)

    def _attach_undo(self, editor: DiaryEditor) -> None:
        """Put the diary's undo and redo in place of the disabled stand-ins."""
        undo = editor.undo_stack.createUndoAction(self, _("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = editor.undo_stack.createRedoAction(self, _("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for old, new in ((self.undo_action, undo), (self.redo_action, redo)):
            for widget in (self.log_toolbar, self.edit_menu):
                widget.insertAction(old, new)
                widget.removeAction(old)
            self.removeAction(old)
            self.addAction(new)
            old.deleteLater()
        self.undo_action, self.redo_action = undo, redo

    # -- building -----------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[..., object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            # setShortcuts with a list: PySide resolving setShortcut's overloads builds the
            # Qt namespace's enums, which the first paint should not wait for.
            action.setShortcuts([QKeySequence(shortcut)])
        action.setToolTip(f"{tip or text.replace('&', '').rstrip('…')}")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        # The entry actions work from the first paint: one chosen while the diary is still
        # opening runs as soon as it is open (someone woken by a cramp should not be ignored).
        self.log_action = self._action(
            _("&Log cramp"),
            lambda: self._when_open(self.quick_log),
            "Ctrl+N",
            _("Log a cramp quickly (Ctrl+N)"),
        )
        self.now_action = self._action(
            _("Cramp &now"),
            lambda: self._when_open(self.cramp_now),
            "Ctrl+T",
            _("Time a cramp while it happens (Ctrl+T)"),
        )
        self.full_action = self._action(
            _("&Detailed entry…"),
            lambda: self._when_open(self.new_episode),
            "Ctrl+Shift+N",
            _("Log a cramp with every detail"),
        )
        self.review_action = self._action(
            _("&How was last night?"),
            lambda: self._when_open(lambda: self.review_night(None)),
            "Ctrl+R",
        )
        self.any_night_action = self._action(
            _("Review &any night…"),
            lambda: self._when_open(self.review_any_night),
            "Ctrl+Shift+R",
            _("A calendar of nights: open any past night's review (Ctrl+Shift+R)"),
        )
        # Stand-ins until the diary (and its undo stack) is attached.
        self.undo_action = QAction(_("&Undo"), self)
        self.undo_action.setEnabled(False)
        self.redo_action = QAction(_("&Redo"), self)
        self.redo_action.setEnabled(False)
        self.delete_action = QAction(_("&Delete selected"), self)
        self.delete_action.setShortcuts(QKeySequence.StandardKey.Delete)
        self.own_words_action = self._action(_("Your own &words…"), self.edit_own_words)
        self.settings_action = self._action(_("&Settings…"), self.edit_settings, "Ctrl+,")
        self.about_action = self._action(_("&About cramplog"), self.show_about)
        self.shortcuts_action = self._action(
            _("&Keyboard shortcuts"), self.show_shortcuts, "Ctrl+/"
        )
        self.counting_action = self._action(_("&How cramplog counts"), self.show_counting)
        self.tour_action = self._action(_("A quick &tour"), self.show_tour)
        self.quit_action = self._action(_("&Quit"), self.quit_app, QKeySequence.StandardKey.Quit)
        self.place_actions = []
        for number, name in enumerate(PLACES, start=1):
            action = self._action(
                _("&{number} {place}").format(number=number, place=_(name)),
                lambda _=False, i=number - 1: self.show_place(i),
                f"Ctrl+{number}",
            )
            self.place_actions.append(action)
        self._diary_actions = (
            self.delete_action,
            self.own_words_action,
            self.settings_action,
            self.about_action,
            self.counting_action,
        )
        for action in self._diary_actions:
            action.setEnabled(False)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(_("Log"))
        self.log_toolbar = toolbar
        toolbar.setObjectName("logToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        # The actions have no icons, so the buttons show their text (Qt's default style for
        # a toolbar does that without being told, and telling it would touch Qt's enums).
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
        self.addToolBar(toolbar)  # at the top

    def _build_menus(self) -> None:
        menus = self.menuBar()
        self.file_menu = file_menu = menus.addMenu(_("&File"))
        file_menu.addAction(self.quit_action)  # the data actions join it on `attach`
        entry_menu = menus.addMenu(_("&Entry"))
        for action in (self.log_action, self.now_action, self.full_action, self.review_action):
            entry_menu.addAction(action)
        entry_menu.addAction(self.any_night_action)
        self.edit_menu = edit_menu = menus.addMenu(_("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.own_words_action)
        edit_menu.addAction(self.settings_action)
        view_menu = menus.addMenu(_("&View"))
        for action in self.place_actions:
            view_menu.addAction(action)
        help_menu = menus.addMenu(_("&Help"))
        for action in (self.shortcuts_action, self.counting_action, self.tour_action):
            help_menu.addAction(action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def data_actions(self) -> list[QAction]:
        """Import, backups and restore, provided by the data-safety module."""
        from cramplog.ui.dialogs.data_actions import data_menu_actions

        return data_menu_actions(self, self.diary)

    # -- places and state ---------------------------------------------------------------

    def show_place(self, index: int) -> None:
        self.places.setCurrentRow(index)

    def _restore_window_state(self) -> None:
        geometry = self.preferences.geometry("main")
        if geometry is None or not self.restoreGeometry(geometry):
            resize_within_screen(self, 1180, 720)
        state = self.preferences.geometry("main_state")
        if state is not None:
            self.restoreState(state)
        place = self.preferences.last_place
        self.show_place(place if 0 <= place < len(PLACES) else DIARY)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quitting and self.tray is not None and self.tray.keeps_running_when_closed():
            # Chosen in Settings: the window goes, cramplog stays in the tray for its reminder.
            self.hide()
            event.ignore()
            return
        self.preferences.set_geometry("main", self.saveGeometry())
        self.preferences.set_geometry("main_state", self.saveState())
        if self._diary_page is not None:
            self.preferences.set_geometry(
                "diary_header", self._diary_page.table.horizontalHeader().saveState()
            )
        self.preferences.last_place = self.places.currentRow()
        self.preferences.sync()
        if self._diary_page is not None:
            self._diary_page.stop_reading()
        super().closeEvent(event)

    # -- actions --------------------------------------------------------------------------

    def quick_log(self) -> None:
        from cramplog.ui.forms.quick_log import QuickLogDialog

        dialog = QuickLogDialog(self.editor, self.preferences, parent=self)
        dialog.exec()

    def cramp_now(self) -> None:
        from cramplog.ui.dialogs.stopwatch import StopwatchDialog

        StopwatchDialog(self.editor, self.preferences, parent=self).exec()

    def new_episode(self) -> None:
        from cramplog.ui.forms.episode_form import EpisodeDialog

        EpisodeDialog(self.editor, self.preferences, parent=self).exec()

    def edit_episode(self, episode: Episode) -> None:
        from cramplog.ui.forms.episode_form import EpisodeDialog

        EpisodeDialog(self.editor, self.preferences, episode=episode, parent=self).exec()

    def review_night(self, night: date | None) -> None:
        from cramplog.ui.forms.night_review import NightReviewDialog

        dialog = NightReviewDialog(
            self.editor, self.preferences, night or self.diary.last_night(), parent=self
        )
        dialog.exec()

    def _review_from_banner(self) -> None:
        if len(self.banner.nights) > 1:
            self.review_missed(self.banner.nights)
        else:
            self.review_night(self._banner_night)

    def review_missed(self, nights: list[date]) -> None:
        from cramplog.ui.forms.missed_nights import MissedNightsDialog

        MissedNightsDialog(self.editor, nights, parent=self).exec()

    def review_any_night(self) -> None:
        from cramplog.ui.dialogs.night_calendar import NightCalendarDialog

        NightCalendarDialog(self.editor, self.preferences, parent=self).exec()

    def edit_own_words(self) -> None:
        from cramplog.ui.dialogs.own_words import OwnWordsDialog

        OwnWordsDialog(self.editor, parent=self).exec()

    def edit_settings(self) -> None:
        from cramplog.ui.dialogs.settings_dialog import SettingsDialog

        SettingsDialog(self.editor, self.preferences, parent=self).exec()
        if self.tray is not None:
            self.tray.apply()

    # -- tray and reminder ----------------------------------------------------------------

    def _start_tray(self) -> None:
        from cramplog.ui.tray import TrayPresence
        from cramplog.ui.widgets.icons import app_icon

        diary = self.diary
        self.tray = TrayPresence(
            self.preferences,
            actions=[self.log_action, self.now_action, self.review_action],
            show_window=self.show_from_tray,
            quit_app=self.quit_app,
            fallback=self.remind_in_window,
            clock=diary.now,
            needs_review=self._last_night_unreviewed,
            icon=app_icon(),
            parent=self,
        )
        self.tray.apply()

    def _last_night_unreviewed(self) -> bool:
        try:
            day = self.diary.get_day(self.diary.last_night())
        except CramplogError:
            return True
        return day is None or not day.factors.reviewed

    def show_from_tray(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def remind_in_window(self, text: str) -> None:
        """The reminder where no tray can show it: a status line, the banner, the taskbar."""
        from PySide6.QtWidgets import QApplication

        self.statusBar().showMessage(text)
        self._dismissed_night = None  # the reminder asks again, even after "Not now"
        self.update_banner()
        QApplication.alert(self)

    def quit_app(self) -> None:
        """Quit for real, even when closing the window would only hide it in the tray."""
        from PySide6.QtWidgets import QApplication

        self._quitting = True
        in_tray = not self.isVisible()
        # Closing a hidden window is not "the last window closed" that Qt quits on.
        if self.close() and in_tray:
            QApplication.quit()

    def show_about(self) -> None:
        from cramplog.ui.dialogs.about import AboutDialog

        AboutDialog(self.diary.path, self).exec()

    def show_shortcuts(self) -> None:
        from cramplog.ui.dialogs.shortcuts import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def show_counting(self) -> None:
        from cramplog.ui.dialogs.counting import CountingDialog

        CountingDialog(self.diary, self).exec()

    def show_tour(self) -> None:
        from cramplog.ui.dialogs.tour import TourDialog

        TourDialog(self.preferences, parent=self).exec()

    def open_sample(self) -> None:
        """Open the sample diary in a separate window and process, leaving this diary alone."""
        from PySide6.QtCore import QProcess

        if not QProcess.startDetached(sys.executable, ["-m", "cramplog", "--demo"]):
            show_error(self, "cramplog", _("The sample diary could not be opened."))

    def _exit_for_benchmark(self) -> None:
        self._benchmark_exit_installed = True
        benchmark_exit.install(self, self._benchmark_moment, self._stall_watch)

    # -- reacting to changes ----------------------------------------------------------------

    def _diary_changed(self, what: str) -> None:
        from cramplog.ui import editor as edits

        if what in (edits.DAYS, edits.EPISODES, edits.SETTINGS):
            self.update_banner()

    def update_banner(self) -> None:
        """Offer the morning review, calmly, when last night has no record yet."""
        from cramplog.diary.review_due import review_due

        try:
            due = review_due(self.diary)
        except CramplogError:
            self._make_banner().hide()
            return
        self._show_review_due(due)

    def _show_review_due(self, due: ReviewDue) -> None:
        banner = self._make_banner()
        self._banner_night = due.last_night
        if due.reviewed or self.sample or due.last_night == self._dismissed_night:
            banner.hide()
            return
        if len(due.missed) > 1:
            banner.set_missed(list(due.missed))
        else:
            banner.set_night(due.last_night, has_cramps=due.has_cramps)
        banner.show()

    def _announce_undo(self) -> None:
        stack = self.editor.undo_stack
        text = stack.undoText()
        if text:
            self.statusBar().showMessage(
                _("Saved: {text}. Ctrl+Z undoes it.").format(text=text), 6000
            )


def _waiting_page() -> QWidget:
    """A place's stand-in until the diary is open: "Opening your diary…", centred by
    stretches (an alignment flag would touch Qt's enums before the first paint)."""
    page = QWidget()
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(QLabel(_("Opening your diary…")))
    row.addStretch(1)
    column = QVBoxLayout(page)
    column.addStretch(1)
    column.addLayout(row)
    column.addStretch(1)
    return page
