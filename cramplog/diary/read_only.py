"""A diary read through sqlite3 alone, for a command that only reads its figures.

`cramplog stats` takes its numbers from the same functions as the app
(`analysis.stats.compute`, `analysis.warning_signs.check`), which read through
`DiaryFigures`; this gives them a read-only sqlite3 connection instead of the app's
SQLAlchemy session, so the command neither loads SQLAlchemy (most of its start-up) nor
can write a byte. It reads alongside a running app (WAL) in one read transaction, from
opening to closing, so a save by the app mid-run never mixes two diaries in one answer.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from cramplog.core import checklist as checklists
from cramplog.core import nights
from cramplog.core.records import Medication, VocabularyItem, VocabularyKind
from cramplog.core.translation import _
from cramplog.diary import setting_values
from cramplog.storage import health, layout, plain_diary

if TYPE_CHECKING:
    import sqlite3

T = TypeVar("T")


class ReadOnlyDiary:
    """The figures' view (`diary.view.DiaryFigures`) of a diary file, opened read-only."""

    def __init__(
        self,
        data_dir: Path,
        connection: sqlite3.Connection,
        checklist: checklists.Checklist,
        *,
        clock: Callable[[], datetime] = setting_values.local_now,
    ) -> None:
        self.data_dir = data_dir
        self._clock = clock
        self.checklist = checklist
        self._connection = connection
        with plain_diary.reading(connection):
            self.boundary_hour = nights.boundary_from_setting(
                plain_diary.setting(connection, setting_values.BOUNDARY_HOUR_KEY)
            )
            self.frequent_threshold = setting_values.frequent_threshold(
                plain_diary.setting(connection, setting_values.FREQUENT_THRESHOLD_KEY)
            )
            self.sleep_hours = nights.SleepHours.from_setting(
                plain_diary.setting(connection, setting_values.SLEEP_HOURS_KEY)
            )
            words = plain_diary.vocabulary_labels(connection)
        self._labels = {code: label for code, _kind, label in words}
        by_kind: dict[str, set[str]] = {}
        for code, kind, _label in words:
            by_kind.setdefault(kind, set()).add(code)
        self._codes = {kind: frozenset(codes) for kind, codes in by_kind.items()}

    @classmethod
    @contextlib.contextmanager
    def opened(
        cls, data_dir: Path, *, clock: Callable[[], datetime] = setting_values.local_now
    ) -> Iterator[ReadOnlyDiary | None]:
        """The diary of `data_dir`, read-only; None when only the app can read it as it is.

        That is a diary of an earlier schema, or one whose words predate this version's
        checklist: the app brings both up to date first (a write), so the caller opens it
        as the app does. The caller has examined the file (`integrity.examine`) already.
        """
        checklist = checklists.load_checklist()
        with plain_diary.read_only(layout.diary_path(data_dir)) as connection:
            # Every read of the opened diary is part of this one transaction: the figures,
            # the warning signs and the caller's own look-ups see the same diary (WAL keeps
            # it whole while the app saves). It ends before a None, so the app's open that
            # follows is never held up by it.
            with plain_diary.reading(connection):
                revision = health.schema_revision(connection)
                digest = plain_diary.setting(connection, setting_values.CHECKLIST_HASH_KEY)
                current = revision == layout.HEAD_REVISION and digest == (
                    setting_values.checklist_digest(checklist)
                )
                if current:
                    yield cls(data_dir, connection, checklist, clock=clock)
            if not current:
                yield None

    @property
    def path(self) -> Path:
        return layout.diary_path(self.data_dir)

    def now(self) -> datetime:
        return self._clock()

    def last_night(self) -> date:
        return nights.last_night(self.now(), self.boundary_hour)

    def read_plain(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run `fn` in the diary's read transaction (see `opened`): its reads see one diary,
        whatever the app does."""
        with plain_diary.reading(self._connection) as connection:
            return fn(connection)

    def label(self, code: str) -> str:
        """As `Diary.label`: the checklist's words translated, the person's own as written."""
        label = self._labels.get(code)
        if label is None:
            return code
        return label if code.startswith("custom.") else _(label)

    def codes(self, kind: str) -> frozenset[str]:
        """As `Diary.codes`: every code of a kind, the checklist's and the person's own."""
        return self._codes.get(kind, frozenset())

    def custom_items(self, kind: VocabularyKind | None = None) -> list[VocabularyItem]:
        return self.read_plain(lambda connection: plain_diary.custom_items(connection, kind))

    def list_medications(self) -> list[Medication]:
        return self.read_plain(plain_diary.medications)
