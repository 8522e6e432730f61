"""Open the diary off the UI thread: examine it, read its preview, open it, sort its list.

One worker thread does, in order: load the modules the preview needs, examine the file, read
the newest rows (a healthy diary with its list in view) or compute the first place's figures
from a read-only view of the file (`figures_first`: Patterns), wait for the window to paint
them, open the diary (SQLAlchemy) and read and sort the whole list, then load the modules the
window's attach and its first place will import, and run `before_handover` on the open
diary (Patterns computes its opening figures there when it could not before). The UI thread
gets two plain results through queued signals, `examined` and `arrived`, and only ever uses
the diary (and its one SQLite connection) after `arrived`, when the worker is done with it.
Given `after_paint`, the worker then waits for the first place to be painted and runs it
(loading what that place needs next, the charts of Patterns), touching the diary no more.

With no preview to show, the file is examined on a second short-lived thread while the worker
loads the diary's modules: SQLite checks the file without holding the interpreter, so the
check costs the start-up nothing.

Python runs one thread at a time, so the UI thread stays free only if the worker never
holds the interpreter for long: the cyclic garbage collector, which would scan every
object loaded so far (200 ms and more), is paused while the worker loads, and what it loaded
is then frozen (`gc.freeze`), so later collections leave those long-lived objects alone.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

from cramplog.core import collector

if TYPE_CHECKING:
    from cramplog.core.records import DiaryListing, EpisodeFilter
    from cramplog.diary.first_screen import WholeList
    from cramplog.diary.integrity import Verdict
    from cramplog.diary.service import Diary
    from cramplog.diary.view import DiaryFigures
    from cramplog.ui.widgets.episode_rows import SortedRows

# The longest the worker waits for the preview to be painted before opening the diary (the
# window may be minimised, or closing).
PREVIEW_WAIT_S = 1.0
# The longest it waits for the first place to be painted before its `after_paint` work.
PLACE_WAIT_S = 2.0
# What `Diary.open` imports: loaded while the file is examined when there is no preview.
DIARY_MODULES = ("cramplog.diary.service",)


@dataclass(frozen=True, slots=True)
class Examined:
    """The file's verdict and, for a healthy diary, what its first place shows before the
    diary is open: its newest rows (the list) or `figures_first`'s figures (Patterns)."""

    verdict: Verdict
    listing: DiaryListing | None
    figures: object = None


@dataclass(frozen=True, slots=True)
class Opened:
    """The open diary and, if the list was in view, its rows read and sorted."""

    diary: Diary
    rows: WholeList | None
    sorted_rows: SortedRows | None


class LaterWork(Protocol):
    """Work for the worker once the first place has painted (loading what it needs next)."""

    def run(self) -> None: ...

    def drop(self) -> None:
        """The diary did not open on the worker: the work will not be done there."""


class Handover(QObject):
    """Carries the worker's results to the UI thread (queued signals)."""

    examined = Signal(object)  # Examined
    arrived = Signal(object)  # Opened, or the exception that stopped the worker


class BackgroundOpening:
    """The worker thread that opens the diary; `result` is what `arrived` carried."""

    def __init__(
        self,
        data_dir: Path,
        *,
        preview_rows: int | None,
        where: EpisodeFilter | None,
        early_modules: Sequence[str],
        late_modules: Sequence[str],
        before_handover: Callable[[Diary], None] | None = None,
        after_paint: LaterWork | None = None,
        figures_first: Callable[[DiaryFigures], object] | None = None,
        parent: QObject,
    ) -> None:
        self.data_dir = data_dir
        self.figures_first = figures_first
        self.preview_rows = preview_rows
        self.where = where
        self.early_modules = tuple(early_modules)
        self.late_modules = tuple(late_modules)
        self.before_handover = before_handover
        self.after_paint = after_paint
        self.handover = Handover(parent)
        self.result: object = None
        self._painted = threading.Event()
        self._place_painted = threading.Event()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._work, name="cramplog-open-diary")

    def start(self) -> None:
        self._thread.start()

    def preview_painted(self) -> None:
        """The preview (rows or figures) is on screen, or will not be: the worker goes on
        opening the diary."""
        self._painted.set()

    def place_painted(self) -> None:
        """The first place is on screen with the open diary: the worker runs `after_paint`."""
        self._place_painted.set()

    def join(self) -> None:
        """Wait for the worker to finish (it stops waiting for any paint at once, and drops
        its `after_paint` work if it had not started it)."""
        self._stopping.set()
        self._painted.set()
        self._place_painted.set()
        if self._thread.is_alive():
            self._thread.join()

    def _emit(self, signal_name: str, value: object) -> None:
        with contextlib.suppress(RuntimeError):  # the window is gone: stop() tidies up
            getattr(self.handover, signal_name).emit(value)

    def _work(self) -> None:
        result: object = None
        try:
            try:
                with collector.paused(then_freeze=True):
                    result = self._open()
            except BaseException as exc:  # handed to the UI thread, which reports it
                result = exc
            if result is None:
                return  # not healthy: the UI thread opens it, asking the person what to do
            self.result = result
            self._emit("arrived", result)
        finally:
            if self.after_paint is not None and not isinstance(result, Opened):
                self.after_paint.drop()
        if self.after_paint is not None and isinstance(result, Opened):
            self._place_painted.wait(PLACE_WAIT_S)
            if self._stopping.is_set():
                self.after_paint.drop()  # the window is going: no charts to load for it
                return
            with collector.paused(then_freeze=True):
                self.after_paint.run()

    def _open(self) -> Opened | None:
        from cramplog.diary import first_screen, integrity

        if self.preview_rows:
            _load(self.early_modules)
            verdict = integrity.examine(self.data_dir)
        elif self.figures_first is not None:
            # The first figures need sqlite3 alone: SQLAlchemy loads after their paint.
            verdict = _examine_while_loading(self.data_dir, self.early_modules)
        else:
            verdict = _examine_while_loading(self.data_dir, (*self.early_modules, *DIARY_MODULES))
        healthy = verdict.condition is integrity.Condition.HEALTHY
        listing = None
        figures = None
        if healthy and self.preview_rows:
            listing = first_screen.newest_rows(verdict.path, self.preview_rows)
        elif healthy and self.figures_first is not None:
            figures = _figures_read_only(self.data_dir, self.figures_first)
        self._emit("examined", Examined(verdict, listing, figures))
        if not healthy:
            return None
        if listing is not None or figures is not None:
            # Painting the preview comes first; loading SQLAlchemy would compete with it.
            self._painted.wait(PREVIEW_WAIT_S)
        diary, rows = first_screen.open_with_list(self.data_dir, verdict, self.where)
        try:
            sorted_rows = None
            if rows is not None:
                from cramplog.ui.widgets.episode_rows import sort_rows

                sorted_rows = sort_rows(rows.episodes, rows.cramp_free, night_of=diary.night_of)
            _load(self.late_modules)
            if self.before_handover is not None and figures is None:
                _head_start(self.before_handover, diary)
        except BaseException:
            diary.close()
            raise
        return Opened(diary, rows, sorted_rows)


def _figures_read_only(data_dir: Path, compute: Callable[[DiaryFigures], object]) -> object:
    """`compute` on a read-only view of the examined file; None if only the opened diary
    can give the figures (it is brought up to date first), the file cannot be read now, or
    `compute` hit a bug (the place then computes them itself, and shows any problem).

    The figures are only a head start: a bug here is logged, never shown, and the diary
    opens as it would without them."""
    from cramplog.core.errors import CramplogError
    from cramplog.diary.read_only import ReadOnlyDiary

    try:
        with ReadOnlyDiary.opened(data_dir) as view:
            return None if view is None else compute(view)
    except (CramplogError, OSError):
        return None
    except Exception as exc:
        _log_bug(exc)
        return None


def _head_start(work: Callable[[Diary], None], diary: Diary) -> None:
    """`work` on the open diary before the handover: only a head start, as the figures read
    before it opened are (`_figures_read_only`). A problem of the diary's is left for the
    place to meet again and show; a bug is logged, and the diary is handed over all the same."""
    from cramplog.core.errors import CramplogError

    try:
        work(diary)
    except CramplogError:
        pass
    except Exception as exc:
        _log_bug(exc)


def _log_bug(exc: Exception) -> None:
    """Write a bug to cramplog's bug log (its type and place only, as the app's hook does)."""
    from cramplog.files import bug_log

    with contextlib.suppress(OSError):  # a log that cannot be written must not stop the start
        bug_log.record(type(exc), exc.__traceback__)


def _examine_while_loading(data_dir: Path, modules: Sequence[str]) -> Verdict:
    """`integrity.examine` on a thread of its own while this one loads `modules` (none of
    which examining imports: both threads never wait for one module)."""
    from cramplog.diary import integrity

    found: list[Verdict | BaseException] = []

    def examine() -> None:
        try:
            found.append(integrity.examine(data_dir))
        except BaseException as exc:  # raised again on the worker, which hands it over
            found.append(exc)

    examining = threading.Thread(target=examine, name="cramplog-examine")
    examining.start()
    try:
        _load(modules)
    finally:
        examining.join()
    if isinstance(found[0], BaseException):
        raise found[0]
    return found[0]


def _load(modules: Sequence[str]) -> None:
    """Import `modules` here, so the UI thread finds them loaded (an import is only ever done
    once; none of these builds a Qt object when imported)."""
    for name in modules:
        importlib.import_module(name)
