"""The appendix's rows: counted when the report is built, read a chunk at a time when drawn."""

from __future__ import annotations

import contextlib
import functools
import json
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, overload

from cramplog.analysis import stats
from cramplog.analysis.report import appendix_ahead
from cramplog.analysis.report.content import AppendixRow
from cramplog.analysis.report.formatting import short_label
from cramplog.core.errors import CramplogError
from cramplog.core.records import ReliefRating, Side
from cramplog.storage.appendix import appendix_chunks, count_appendix_rows

if TYPE_CHECKING:
    import sqlite3

    from cramplog.diary.view import DiaryFigures

T = TypeVar("T")


class Appendix(Sequence[AppendixRow]):
    """Every episode of a period, oldest first, as the appendix lists it.

    Its length is counted when the report is built; its rows are read from the diary only by
    `read`, a chunk at a time inside one read transaction, so the appendix of a 100-year diary
    is never held in memory whole (the PDF lays each chunk out and lets it go). The diary must
    still be open then. Indexing, iterating and comparing read every row: for tests and short
    periods, never for drawing.
    """

    __hash__ = None  # type: ignore[assignment]  # equal to the rows it reads, so unhashable

    def __init__(self, diary: DiaryFigures | None, period: stats.Period | None) -> None:
        self._diary = diary
        self._period = period
        self._count = 0
        self._ahead: appendix_ahead.ReadAhead | None = None
        if diary is not None and period is not None:
            self._count = diary.read_plain(
                functools.partial(
                    count_appendix_rows,
                    first=period.first,
                    last=period.last,
                    hour=diary.boundary_hour,
                )
            )

    @classmethod
    def none(cls) -> Appendix:
        """No appendix: the section was left out."""
        return cls(None, None)

    def __len__(self) -> int:
        return self._count

    def read(self, consume: Callable[[Iterator[AppendixRow]], T]) -> T:
        """`consume(rows)` inside one read of the diary; `rows` yields every row in order."""
        return self.read_plain(lambda rows: consume(map(_as_row, rows)))

    def read_plain(self, consume: Callable[[Iterator[PlainRow]], T]) -> T:
        """Like `read`, each row a plain tuple of AppendixRow's fields in their order: the
        PDF reads every row once, and a tuple costs a fraction of a frozen dataclass.

        Inside `reading_ahead`, the rows come from the reader ahead (once).
        """
        diary, period = self._diary, self._period
        if diary is None or period is None:
            return consume(iter(()))
        hour = diary.boundary_hour
        ahead, self._ahead = self._ahead, None

        def run(connection: sqlite3.Connection) -> T:
            def read(after: tuple[str, int] | None = None) -> Iterator[list[Any]]:
                return appendix_chunks(
                    connection, first=period.first, last=period.last, hour=hour, after=after
                )

            chunks = read() if ahead is None else _taken_ahead(ahead, read)
            return consume(_rows(diary, chunks, hour))

        return diary.read_plain(run)

    @contextlib.contextmanager
    def reading_ahead(self) -> Iterator[None]:
        """Read the rows on a thread of its own while the caller does something else (the
        PDF draws page one's charts meanwhile); `read_plain` inside takes them from there.

        The thread is stopped and joined on the way out, whatever happens inside. A short
        appendix, or a diary that is not a file of its own, is read as usual.
        """
        diary, period = self._diary, self._period
        path = None if diary is None else Path(diary.path)
        short = self._count < appendix_ahead.READ_AHEAD_FROM
        if period is None or short or path is None or not path.is_file():
            yield
            return
        assert diary is not None
        ahead = appendix_ahead.ReadAhead(
            path, first=period.first, last=period.last, hour=diary.boundary_hour
        )
        self._ahead = ahead
        try:
            yield
        finally:
            self._ahead = None
            ahead.close()

    def __iter__(self) -> Iterator[AppendixRow]:
        return iter(self.read(list))

    @overload
    def __getitem__(self, index: int) -> AppendixRow: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[AppendixRow]: ...
    def __getitem__(self, index: int | slice) -> AppendixRow | Sequence[AppendixRow]:
        return tuple(self)[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Appendix | tuple | list):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"Appendix({self._period!r}, {self._count} rows)"


# An AppendixRow's fields, in their order, as a tuple (see `Appendix.read_plain`).
PlainRow = tuple[
    date,
    datetime,
    str,
    str,
    int | None,
    int | None,
    bool | None,
    tuple[tuple[str, ReliefRating | None], ...],
    str,
    tuple[tuple[str, bool], ...],
    tuple[tuple[str, str], ...],
    bool,
]


def _as_row(row: PlainRow) -> AppendixRow:
    return AppendixRow(*row)


def _taken_ahead(
    ahead: appendix_ahead.ReadAhead, read: Callable[[tuple[str, int] | None], Iterator[list[Any]]]
) -> Iterator[list[Any]]:
    """The reader ahead's chunks; should it fail, the rest read here, after the last row it
    gave (`read(after)`): the PDF is the same either way, and a diary that cannot be read
    is refused by that read, with the words it has always had."""
    after: tuple[str, int] | None = None
    try:
        for chunk in ahead.chunks():
            yield chunk
            after = (chunk[-1][0], chunk[-1][-1])  # its start_local and id
    except CramplogError:
        pass  # the diary refused the reader ahead: the read here says why, if it still does
    except Exception as exc:  # a bug in reading ahead: recorded, and the rows read here
        from cramplog.files import bug_log

        with contextlib.suppress(OSError):
            bug_log.record(type(exc), exc.__traceback__)
    else:
        return
    yield from read(after)


def _rows(
    diary: DiaryFigures, chunks: Iterator[list[tuple[Any, ...]]], hour: int
) -> Iterator[PlainRow]:
    """The diary's tuples as AppendixRow's fields. What repeats (muscles, sides, the sets
    of reliefs, triggers and symptoms) is turned into labels once per distinct value, not
    once per row."""
    sides = {side.value: ("" if side is Side.NOT_APPLICABLE else side.label) for side in Side}
    ratings: dict[str | None, ReliefRating | None] = {r.value: r for r in ReliefRating}
    ratings[None] = None
    checklist = diary.checklist
    muscles: dict[str, str] = {}
    reliefs: dict[str, tuple[tuple[str, ReliefRating | None], ...]] = {}
    triggers: dict[str, tuple[tuple[str, str], ...]] = {}
    symptoms: dict[str, tuple[tuple[str, bool], ...]] = {}
    boundary = timedelta(hours=hour)
    fromisoformat = datetime.fromisoformat
    for chunk in chunks:
        for (
            start_text,
            muscle,
            side,
            duration_s,
            intensity,
            woke,
            notes,
            noted,
            relief_json,
            trigger_json,
            symptom_json,
            _id,
        ) in chunk:
            start = fromisoformat(start_text)
            label = muscles.get(muscle)
            if label is None:
                label = muscles[muscle] = short_label(diary.label(muscle), muscle)
            tried = reliefs.get(relief_json)
            if tried is None:
                tried = reliefs[relief_json] = tuple(
                    (code, ratings.get(rating)) for code, rating in json.loads(relief_json)
                )
            suspected = triggers.get(trigger_json)
            if suspected is None:
                suspected = triggers[trigger_json] = tuple(
                    (code, short_label(diary.label(code), code))
                    for code in json.loads(trigger_json)
                )
            felt = symptoms.get(symptom_json)
            if felt is None:
                # A symptom is a warning sign when the checklist gives it an urgency.
                felt = symptoms[symptom_json] = tuple(
                    (
                        short_label(diary.label(code), code),
                        (item := checklist.get(code)) is not None and item.urgency is not None,
                    )
                    for code in json.loads(symptom_json)
                )
            yield (
                (start - boundary).date(),
                start,
                label,
                sides.get(side, side),
                duration_s,
                intensity,
                # Not answered stays None: the appendix leaves it blank, never "no".
                None if woke is None else bool(woke),
                tried,
                notes or "",
                felt,
                suspected,
                bool(noted),
            )


def relief_labels(diary: DiaryFigures) -> dict[str, str]:
    """Every relief method's short label, for the appendix's "also tried" names."""
    from cramplog.core.records import VocabularyKind

    return {
        code: short_label(diary.label(code), code) for code in diary.codes(VocabularyKind.RELIEF)
    }
