"""Read the appendix's rows on a thread of its own, ahead of the PDF that lays them out.

SQLite works without Python's lock, so the reader's query runs while the PDF draws page
one's charts. SQLite hands the rows over a chunk at a time as one JSON text each
(`appendix_json_chunks`): a row at a time, the reader would wait for the lock on every row
while the charts hold it. The reader has a read-only connection of its own and one read
transaction, so the rows are one snapshot of the diary, as a read on the diary's own
connection would give.
"""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, Final

from cramplog.storage import plain_diary
from cramplog.storage.appendix import appendix_json_chunks

# Rows a chunk: ten years of cramps are 8 chunks, each one step of SQLite's.
CHUNK: Final = 2000
# A shorter appendix is read as before: its query takes a few ms, about what a thread and a
# connection of its own cost (the default 3 months' PDF measured no faster with them).
READ_AHEAD_FROM: Final = CHUNK
# Chunks read and not yet taken, at most (about 350 KB of text each): what a 100-year diary
# holds in memory however far ahead the reader gets.
READY: Final = 8
# How often a reader waiting for room looks whether it was stopped.
_WAKE_S: Final = 0.05
_END: Final = object()
_GONE: Final = object()


class ReadAhead:
    """The rows of the nights `first`..`last` of the diary at `path`, read on a thread
    started at once; `chunks` takes them, `close` stops the thread and joins it."""

    def __init__(self, path: Path, *, first: date, last: date, hour: int) -> None:
        self._ready: queue.Queue[object] = queue.Queue(maxsize=READY)
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._read,
            args=(path, first, last, hour),
            name="cramplog-appendix-read",
            daemon=True,
        )
        self._thread.start()

    def _read(self, path: Path, first: date, last: date, hour: int) -> None:
        try:
            with plain_diary.read_only(path) as connection, plain_diary.reading(connection):
                chunks = appendix_json_chunks(
                    connection, first=first, last=last, hour=hour, size=CHUNK
                )
                for text in chunks:
                    if not self._hand_over(text):
                        return
        except BaseException as exc:  # handed to the taker, which decides what it means
            self._hand_over(exc)
            return
        self._hand_over(_END)

    def _hand_over(self, item: object) -> bool:
        """Queue `item` as soon as there is room; False when stopped first."""
        while not self._stop.is_set():
            try:
                self._ready.put(item, timeout=_WAKE_S)
            except queue.Full:
                continue
            return True
        return False

    def chunks(self) -> Iterator[list[list[Any]]]:
        """The chunks of rows in order (each row as `appendix_chunks` gives it, as a list),
        as the reader hands them over; whatever stopped the reader is raised here."""
        while True:
            try:
                item = self._ready.get(timeout=_WAKE_S)
            except queue.Empty:
                if self._thread.is_alive():
                    continue
                # Never a wait for nothing: a reader that ended has handed over its last word.
                item = self._ready.get_nowait() if self._ready.qsize() else _GONE
            if item is _END:
                return
            if item is _GONE:
                raise RuntimeError("the appendix's reader ended without its rows")
            if isinstance(item, BaseException):
                raise item
            assert isinstance(item, str)
            rows: list[list[Any]] = json.loads(item)
            # In the rows' order whatever order SQLite aggregated them in (it keeps the
            # order it reads them in, but does not promise to): start_local, then id.
            rows.sort(key=_order)
            yield rows

    def close(self) -> None:
        """Stop the reader (it stops after its current chunk) and wait for it to end."""
        self._stop.set()
        while self._thread.is_alive():
            try:  # room for a reader waiting to hand a chunk over, which then sees the stop
                self._ready.get_nowait()
            except queue.Empty:
                self._thread.join(_WAKE_S)


def _order(row: list[Any]) -> tuple[str, int]:
    return row[0], row[-1]
