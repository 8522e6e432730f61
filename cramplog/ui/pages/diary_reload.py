"""The diary list read again on a worker thread, while the window goes on showing its rows.

New words or settings change every row's labels or nights, and an import changes the rows
themselves: the list is read again. On the UI thread that read froze the window for 0.5 s
at 10 years and 5 s at 100. Here the rows are read through a read-only connection of the
worker's own (`first_screen.read_list`; the open diary's connection stays with the UI
thread) and sorted there, and the page shows them when they arrive.

A read is only as new as its snapshot: a change the person makes while it runs is shown at
once by the page, and makes the read under way stale, so its rows are dropped and read again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cramplog.core import collector, nights
from cramplog.core.errors import CramplogError
from cramplog.core.records import Episode, EpisodeFilter
from cramplog.diary import first_screen
from cramplog.diary.first_screen import WholeList
from cramplog.ui.widgets.episode_rows import SortedRows, sort_rows
from cramplog.ui.worker import Worker


@dataclass(frozen=True, slots=True)
class ListRequest:
    """Which rows to read (the diary file, the list's filter and nights) and their order."""

    path: Path
    where: EpisodeFilter
    boundary_hour: int
    column: int
    descending: bool


@dataclass(frozen=True, slots=True)
class ListRead:
    """The rows read for `request`, sorted in its order when that needs no display text."""

    request: ListRequest
    rows: WholeList
    sorted_rows: SortedRows | None


def read(request: ListRequest) -> ListRead:
    """Read and sort the list for `request` (on the worker thread: no Qt object is touched).

    The cycle collector is paused meanwhile: its full passes over a century's new rows were
    0.4 s each of a frozen window, four per read. The rows are not frozen out of later
    passes (`gc.freeze`) as start-up's are: a freeze takes every object alive, and one
    made at each reload would keep any cycle alive then (a dialog open, say) for good.
    """
    with collector.paused():
        return _read(request)


def _read(request: ListRequest) -> ListRead:
    rows = first_screen.read_list(request.path, request.where, request.boundary_hour)
    hour = request.boundary_hour

    def night_of(episode: Episode) -> date:  # as `Diary.night_of`, with the hour read
        return nights.night_of(episode.start_local, hour)

    sorted_rows = sort_rows(
        rows.episodes,
        rows.cramp_free,
        night_of=night_of,
        column=request.column,
        descending=request.descending,
    )
    return ListRead(request, rows, sorted_rows)


class ListReload:
    """One read of the list at a time; the newest request wins, and a stale read is redone.

    `show` gets each read that is still current; `fail` gets a problem of the diary's
    (busy, damaged), for the page to meet again by reading on the UI thread and show. A bug
    on the worker is raised on the UI thread, where the app's error hook reports it.
    """

    def __init__(
        self, *, show: Callable[[ListRead], None], fail: Callable[[CramplogError], None]
    ) -> None:
        self._show = show
        self._fail = fail
        self._run: Worker | None = None
        self._latest: ListRequest | None = None
        self._again = False  # the read under way is stale: read `_latest` again when it ends

    @property
    def busy(self) -> bool:
        """Whether a read is under way (the rows shown may be about to change)."""
        return self._run is not None

    def start(self, request: ListRequest) -> None:
        """Read the rows for `request`; a read under way is dropped when it ends."""
        self._latest = request
        if self._run is None:
            self._begin()
        else:
            self._again = True

    def stale(self) -> None:
        """The diary changed after the read under way began: its rows are read again."""
        if self._run is not None:
            self._again = True

    def cancel(self) -> None:
        """The page has read the rows itself: a read under way is dropped when it ends."""
        self._latest = None
        self._again = self._run is not None

    def wait(self) -> None:
        """Wait for a read under way to end (its rows are dropped): the page is closing."""
        run, self._run = self._run, None
        self._latest, self._again = None, False
        if run is not None:
            run.wait()

    def _begin(self) -> None:
        request = self._latest
        if request is None:
            return
        self._again = False
        self._run = Worker(lambda: read(request), name="cramplog-list")
        self._run.when_done(self._done)
        self._run.start()

    def _done(self, run: Worker) -> None:
        if run is not self._run:
            return  # waited for and dropped
        self._run = None
        if self._again:
            self._begin()
            return
        outcome = run.outcome
        if isinstance(outcome, CramplogError):
            self._fail(outcome)
        elif isinstance(outcome, BaseException):
            raise outcome
        elif isinstance(outcome, ListRead):
            self._show(outcome)
