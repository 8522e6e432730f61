"""Start the desktop app: one instance per diary, a checked diary, automatic backups, the window."""
# Over 400 lines because start-up's stages (paint, examine, preview, open, attach, quit) share
# one opening's state and must run in this order; each stage is a short method.

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6 import QtCore  # not `Qt` itself: see cramplog.ui.widgets.theme
from PySide6.QtCore import QLockFile, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from cramplog import __version__
from cramplog.core.errors import CramplogError, DiaryLockedError, StorageError
from cramplog.core.translation import _
from cramplog.files import instance_lock

# Importing it turns PySide's scan of each new module's source off, before the app's modules,
# SQLAlchemy and matplotlib are imported (`render.pyside_scan`).
from cramplog.render import pyside_scan  # noqa: F401
from cramplog.ui.startup.after_paint import AfterPaint
from cramplog.ui.startup.error_dialog import ExceptionHook
from cramplog.ui.startup.import_turns import import_in_turns

if TYPE_CHECKING:
    from cramplog.diary import backups, integrity
    from cramplog.diary.service import Diary
    from cramplog.ui.dialogs.restore_dialog import DamagedChoice
    from cramplog.ui.main_window import MainWindow
    from cramplog.ui.startup import background_open
    from cramplog.ui.startup.auto_backup import AutoBackup
    from cramplog.ui.startup.background_open import BackgroundOpening

# If a window is never painted (minimised at start, say), its diary opens after this anyway.
OPEN_WITHOUT_PAINT_MS = 500
# The start-up preview's rows: more than any screen shows at once.
PREVIEW_ROWS = 200


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    from cramplog.ui.widgets import theme

    # Fusion from the start, named on the command line: no QStyle object is built for it.
    app = QApplication([*sys.argv[:1], "-style", theme.FUSION])
    app.setProperty(theme.STYLE_PROPERTY, theme.FUSION)
    app.setApplicationName("cramplog")
    app.setApplicationDisplayName("cramplog")
    app.setOrganizationName("cramplog")
    app.setApplicationVersion(__version__)
    # Matches resources/cramplog.desktop, so desktops group the window under its launcher.
    app.setDesktopFileName("cramplog")
    from cramplog.render import locale_conventions

    # Every date, time and number written as Qt's widgets write them (the system's locale).
    locale_conventions.use_default()
    from cramplog.ui.startup import qt_translations

    qt_translations.install(app)
    return app


def _give_icon(app: QApplication) -> None:
    """The app's icon; set just after the first paint, since drawing it (QtSvg) is not
    needed to show the window."""
    from cramplog.ui.widgets.icons import app_icon

    app.setWindowIcon(app_icon())


def tell(parent: QWidget | None, title: str, text: str) -> None:
    """The seam for start-up messages (tests patch it): a plain-text warning box."""
    from PySide6.QtWidgets import QMessageBox  # loaded when needed, not before the first paint

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    box.exec()


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """The seam for start-up questions (tests patch it)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    return box.exec() == QMessageBox.StandardButton.Yes


# -- one instance ---------------------------------------------------------------------------


@contextlib.contextmanager
def _owner_only_files() -> Iterator[None]:
    # QLockFile creates its files with the process umask; this makes them owner-only from
    # the first byte, whatever umask cramplog was started with.
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def acquire_lock(data_dir: Path) -> QLockFile:
    """The data directory's lock, held until unlocked; DiaryLockedError if another has it.

    A lock left by a crashed run names a process that is gone, and QLockFile takes it over.
    Nothing in the data directory but the lock is touched before it is held.
    """
    instance_lock.ensure_data_dir(data_dir)
    path = instance_lock.lock_path(data_dir)
    lock = QLockFile(str(path))
    # Never judge a lock stale by its age: the app may stay open for weeks.
    lock.setStaleLockTime(0)
    with _owner_only_files():
        locked = lock.tryLock(0)
    if not locked:
        if lock.error() == QLockFile.LockError.LockFailedError:
            raise DiaryLockedError(
                _(
                    "The diary in {data_dir} is already open in cramplog. Switch to that window "
                    "(it may be minimised or on another desktop). Nothing was changed."
                ).format(data_dir=data_dir)
            )
        raise StorageError(
            _("cramplog could not lock the diary in {data_dir}.").format(data_dir=data_dir)
        )
    os.chmod(path, 0o600)
    return lock


# -- opening the diary ----------------------------------------------------------------------


ChooseForDamaged = Callable[["integrity.Verdict", "backups.BackupDetails | None"], "DamagedChoice"]


def choose_for_damaged(
    verdict: integrity.Verdict, newest: backups.BackupDetails | None
) -> DamagedChoice:
    """The seam for the damaged-diary dialog (tests patch it)."""
    from cramplog.ui.dialogs.restore_dialog import DamagedDiaryDialog

    dialog = DamagedDiaryDialog(verdict, newest)
    dialog.exec()
    return dialog.choice


def open_diary(
    data_dir: Path,
    *,
    choose: ChooseForDamaged | None = None,
    parent: QWidget | None = None,
    examined: integrity.Verdict | None = None,
) -> Diary | None:
    """The checked diary, or None when the person chose to quit or it cannot be opened.

    A damaged, truncated or foreign file is never written to: the person restores the
    newest good backup or starts a new diary, and either way the file is renamed aside.
    `examined` is a verdict on the file just reached, so it is not examined twice.
    """
    from cramplog.diary import backups, integrity
    from cramplog.ui.dialogs.restore_dialog import DamagedChoice

    choose = choose or choose_for_damaged
    for _attempt in range(3):
        verdict = examined if examined is not None else integrity.examine(data_dir)
        examined = None
        if verdict.recoverable:
            newest = backups.newest_usable(data_dir)
            choice = choose(verdict, newest)
            try:
                if choice is DamagedChoice.RESTORE and newest is not None:
                    backups.restore(data_dir, newest.backup.path)
                elif choice is DamagedChoice.NEW_DIARY:
                    integrity.keep_damaged(data_dir)
                else:
                    return None
            except (CramplogError, OSError) as exc:
                tell(parent, _("cramplog cannot open the diary"), _message(exc))
                return None
            continue
        try:
            return integrity.open_checked(data_dir, verdict=verdict)
        except (CramplogError, OSError) as exc:
            tell(parent, _("cramplog cannot open the diary"), _message(exc))
            return None
    tell(
        parent,
        _("cramplog cannot open the diary"),
        _("The diary in {data_dir} is still damaged.").format(data_dir=data_dir),
    )
    return None


def _message(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        return f"{exc.strerror or exc}{where}."
    return str(exc)


# -- drafts ---------------------------------------------------------------------------------


def offer_draft(window: QMainWindow, diary: Diary) -> bool:
    """Offer back an entry left unsaved by a crash; True if a form was opened for it."""
    from cramplog.diary.drafts import DraftStore
    from cramplog.ui.draft_keeper import keep_drafts, pending_draft

    state = pending_draft(diary.data_dir)
    if state is None:
        return False
    if not ask(
        window,
        _("An unsaved cramp entry"),
        _(
            "cramplog closed before a cramp entry you were typing was saved. Open it again to "
            "finish it? (No throws it away.)"
        ),
    ):
        with contextlib.suppress(CramplogError):
            DraftStore.for_episode_form(diary.data_dir).delete()
        return False
    editor = getattr(window, "editor", None)
    preferences = getattr(window, "preferences", None)
    if editor is None or preferences is None:
        return False
    from cramplog.ui.forms.episode_form import EpisodeDialog

    uuid = state.get("episode_uuid")
    episode = diary.episode_by_uuid(uuid) if isinstance(uuid, str) else None
    dialog = EpisodeDialog(editor, preferences, episode=episode, parent=window)
    keep_drafts(dialog, diary.data_dir)
    dialog.restore_draft(state)
    dialog.open()
    return True


# -- the app --------------------------------------------------------------------------------


def _status(window: QMainWindow) -> Callable[[str], None]:
    return lambda text: window.statusBar().showMessage(text, 15000)


def _quit_on_termination(app: QApplication) -> QTimer:
    """SIGTERM (a logout, `kill`) closes the app as its window would, so the lock is released
    and a --demo sample folder is removed instead of being left behind.

    Python runs a signal handler only when it gets control; the returned timer gives it
    control a few times a second while Qt's event loop waits (keep it referenced).
    """
    import signal

    signal.signal(signal.SIGTERM, lambda _signum, _frame: app.quit())
    waker = QTimer(app)
    waker.setInterval(250)
    waker.timeout.connect(lambda: None)
    waker.start()
    return waker


def run(*, data_dir: Path | None, demo: bool) -> int:
    """Open the diary in a window and run until it is closed; return the exit code."""
    from cramplog.files import paths

    app = _application()
    sample_dir: tempfile.TemporaryDirectory[str] | None = None
    try:
        if demo:
            from cramplog.demo import sample

            # A fresh sample in its own temporary folder: never the person's diary.
            sample_dir = tempfile.TemporaryDirectory(prefix="cramplog-sample-")
            data_dir = Path(sample_dir.name)
            sample.create_sample_diary(data_dir)
        data_dir = data_dir or paths.default_data_dir()
        lock = acquire_lock(data_dir)
    except (CramplogError, OSError, ValueError) as exc:
        tell(None, _("cramplog cannot open the diary"), _message(exc))
        if sample_dir is not None:
            sample_dir.cleanup()
        return 1
    hook = ExceptionHook()
    hook.install()
    waker = _quit_on_termination(app)
    try:
        return _run_locked(app, data_dir, sample=demo)
    finally:
        waker.stop()
        hook.uninstall()
        lock.unlock()
        if sample_dir is not None:
            sample_dir.cleanup()


def _run_locked(app: QApplication, data_dir: Path, *, sample: bool) -> int:
    from cramplog.ui.main_window import MainWindow
    from cramplog.ui.preferences import Preferences
    from cramplog.ui.widgets import theme

    preferences = Preferences()
    theme.apply_first_theme(app, preferences.theme)
    from cramplog.core import conventions

    conventions.choose_fluid_unit(preferences.fluid_unit)
    diary: Diary | None = None  # None: the window opens it once it is on screen
    try:
        while True:
            window = MainWindow(diary, sample=sample, preferences=preferences)
            opening = DiaryOpening(window, data_dir, sample=sample)
            window.show()
            code = app.exec()
            diary = opening.diary
            opening.stop()
            if diary is None:
                return code  # closed before the diary opened, or it could not be opened
            from cramplog.ui.dialogs import data_actions

            restore_from = app.property(data_actions.RESTORE_PROPERTY)
            app.setProperty(data_actions.RESTORE_PROPERTY, None)
            if code == data_actions.RESTART_EXIT_CODE and isinstance(restore_from, str):
                # No closing backup here: the restore keeps the diary as it was anyway, and
                # a backup now could rotate away the very backup being restored.
                diary = _restore_and_reopen(app, window, diary, Path(restore_from))
                if diary is None:
                    return 1
                continue
            opening.back_up_changes()
            return code
    finally:
        if diary is not None:
            diary.close()


class DiaryOpening(QObject):
    """Opens the diary into a window already on screen, then starts the diary's helpers.

    A healthy diary's rows are read straight from the file and shown first (no SQLAlchemy
    needed for that); the diary is then opened for real, its places built, and the backups
    and drafts started. A window given its diary already just gets the helpers.
    """

    def __init__(self, window: MainWindow, data_dir: Path, *, sample: bool) -> None:
        super().__init__(window)
        self.window = window
        self.data_dir = data_dir
        self.sample = sample
        self.auto: AutoBackup | None = None
        self._verdict: integrity.Verdict | None = None
        self._worker: BackgroundOpening | None = None
        # Whether the first place showed its figures before the diary was open.
        self._place_painted_early = False
        self._importing = False  # the Qt modules of `attach`, after the first paint
        if window.attached:
            self.diary: Diary | None = window.diary
            self._start_helpers()
        else:
            self.diary = None
            # Two turns after the paint: anything else waiting on it goes first.
            AfterPaint(window, self._begin, turns=2, fallback_ms=OPEN_WITHOUT_PAINT_MS)

    def _begin(self) -> None:
        """Start the worker that examines and opens the diary (see `background_open`); this
        thread meanwhile finishes dressing the window, one short step per turn."""
        from cramplog.ui.startup.background_open import BackgroundOpening

        window = self.window
        on_list = window.places.currentRow() == 0  # the Diary place (its list)
        if on_list:
            # The list is built here, before the worker starts loading, so this turn is not
            # shared with it and showing the preview later is a short turn.
            window.diary_page  # noqa: B018  (the property builds the page)
        self._worker = worker = BackgroundOpening(
            self.data_dir,
            preview_rows=PREVIEW_ROWS if on_list else None,
            where=window.list_filter(),
            early_modules=window.modules_to_preview(),
            late_modules=window.modules_to_attach(),
            before_handover=window.work_before_handover(),
            after_paint=window.work_after_first_paint(),
            figures_first=window.work_before_open(),
            parent=self,
        )
        worker.handover.examined.connect(self._examined)
        worker.handover.arrived.connect(self._arrived)
        worker.start()
        QTimer.singleShot(0, self._full_theme)

    def _first_place_painted(self) -> None:
        """The first place has painted its preview (or has none to paint): the worker goes on
        opening the diary, and this thread loads the Qt modules `attach` will need, one per
        turn (never on the worker: see `main_window`), after the paint, not before it."""
        if self._worker is not None:
            self._worker.preview_painted()
        if not self._importing:
            self._importing = True
            import_in_turns(self.window.modules_to_import_here(), context=self.window)

    def _full_theme(self) -> None:
        """The full theme: the system's declared scheme, followed from now on."""
        from cramplog.ui.widgets import theme

        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, self.window.preferences.theme)
            if app.windowIcon().isNull():
                QTimer.singleShot(0, lambda: _give_icon(app))

    def _examined(self, examined: background_open.Examined) -> None:
        """On the UI thread: the file is judged; show its newest rows if the list is in view
        (or Patterns' figures if it is), or open a diary that needs the person's choice here,
        between the dialogs that ask."""
        from cramplog.diary import integrity

        self._verdict = verdict = examined.verdict
        if verdict.condition is not integrity.Condition.HEALTHY:
            QTimer.singleShot(0, self._open_here)
            return
        worker, window, listing = self._worker, self.window, examined.listing
        assert worker is not None
        if examined.figures is not None:
            page = window.show_first_figures(examined.figures)
            if page is None:
                self._first_place_painted()
                return
            self._place_painted_early = True
            AfterPaint(page, self._first_place_painted, fallback_ms=OPEN_WITHOUT_PAINT_MS)
            return
        shown = (
            listing is not None
            and (listing.episodes or listing.cramp_free_nights)
            and window.places.currentRow() == 0
            and window.diary_page.sorted_newest_first
        )
        if not shown or listing is None:
            self._first_place_painted()
            return
        window.show_preview(listing)
        viewport = window.diary_page.table.viewport()
        AfterPaint(viewport, self._first_place_painted, fallback_ms=OPEN_WITHOUT_PAINT_MS)

    def _open_here(self) -> None:
        """Open a diary that is not healthy; if that fails, say so and leave."""
        try:
            diary = open_diary(self.data_dir, parent=self.window, examined=self._verdict)
        except Exception:
            _quit(1)
            raise  # a bug: the error hook logs it and shows its dialog
        self._attach(diary)

    def _arrived(self, result: object) -> None:
        """On the UI thread: the worker has opened the diary (or failed to)."""
        from cramplog.ui.startup import background_open

        worker = self._worker
        # The worker goes on only to do its `after_paint` work once the place is painted.
        goes_on = worker is not None and worker.after_paint is not None
        if worker is not None and not (goes_on and isinstance(result, background_open.Opened)):
            worker.join()  # emitting was its last act
        if isinstance(result, CramplogError | OSError):
            tell(self.window, _("cramplog cannot open the diary"), _message(result))
            _quit(1)
            return
        if isinstance(result, BaseException):
            _quit(1)
            raise result  # a bug: the error hook logs it and shows its dialog
        opened = cast("background_open.Opened", result)
        if opened.rows is not None:
            self.window.diary_page.take_rows(opened.rows, opened.sorted_rows)
        self._attach(opened.diary)
        place = self.window.pages.currentWidget()
        if worker is not None and goes_on and self.diary is not None and place is not None:
            if self._place_painted_early:
                # Its numbers are on screen already; a turn lets attaching's repaint go first.
                QTimer.singleShot(0, worker.place_painted)
            else:
                # The place's paint, not the window's: its numbers are on screen first.
                AfterPaint(place, worker.place_painted, fallback_ms=OPEN_WITHOUT_PAINT_MS)

    def _attach(self, diary: Diary | None) -> None:
        try:
            if diary is not None:
                self.window.attach(diary)
        except (CramplogError, OSError) as exc:
            tell(self.window, _("cramplog cannot open the diary"), _message(exc))
            self._discard(diary)
            diary = None
        except Exception:
            self._discard(diary)
            _quit(1)
            raise  # a bug: the error hook logs it and shows its dialog
        if diary is None:
            _quit(1)
            return
        self.diary = diary
        self._start_helpers()

    @staticmethod
    def _discard(diary: Diary | None) -> None:
        if diary is not None:
            diary.close()

    def _start_helpers(self) -> None:
        from cramplog.ui.draft_keeper import DraftKeeperInstaller
        from cramplog.ui.startup.auto_backup import AutoBackup

        DraftKeeperInstaller(self.data_dir, parent=self.window)
        if self.sample or self.diary is None:
            return
        self.auto = AutoBackup(self.data_dir, report=_status(self.window), parent=self.window)
        self.auto.start()
        QTimer.singleShot(0, lambda w=self.window, d=self.diary: self._first_offers(w, d))

    @staticmethod
    def _first_offers(window: MainWindow, diary: Diary) -> None:
        """A draft left by a crash first; then, on a first run, the tour."""
        from cramplog.ui.dialogs import tour
        from cramplog.ui.startup.benchmark_exit import BENCHMARK_EXIT_ENV

        offer_draft(window, diary)
        if not os.environ.get(BENCHMARK_EXIT_ENV):  # a timed start-up measures the app alone
            tour.offer_tour(window, window.preferences)

    def stop(self) -> None:
        """The window's run is over: no more periodic backups, and a diary that finished
        opening after the window closed is closed again (never left half-used)."""
        if self.auto is not None:
            self.auto.stop()
        if self._worker is not None:
            from cramplog.ui.startup import background_open

            self._worker.join()
            late = self._worker.result
            if self.diary is None and isinstance(late, background_open.Opened):
                late.diary.close()

    def back_up_changes(self) -> None:
        """A clean exit backs up anything changed since the last backup."""
        if self.auto is not None:
            self.auto.back_up_at_exit()


def _quit(code: int) -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.exit(code)


def _restore_and_reopen(
    app: QApplication, window: QMainWindow, diary: Diary, backup_path: Path
) -> Diary | None:
    """Close the window and the diary, restore the backup, and open the diary again."""
    from cramplog.diary import backups

    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    try:
        window.close()
        window.deleteLater()
    finally:
        app.setQuitOnLastWindowClosed(quit_on_close)
    data_dir = diary.data_dir
    diary.close()
    try:
        backups.restore(data_dir, backup_path)
    except CramplogError as exc:
        tell(
            None,
            _("The restore did not happen"),
            _("{exc} The diary was opened as it was.").format(exc=exc),
        )
    return open_diary(data_dir)
