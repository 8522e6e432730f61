"""Export the diary to CSV and JSON files, and import those or a hand-kept spreadsheet.

The public API: `export_csv`, `export_json`, `plan_import` (the dry run), `apply_import`.
The formats are described in docs/formats.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING

from cramplog import files
from cramplog.core import collector, nights
from cramplog.core.errors import ExportError
from cramplog.core.records import LoggingSpan, Medication
from cramplog.core.translation import _
from cramplog.diary.view import DiaryView
from cramplog.exchange import csv_format, json_format, targets
from cramplog.exchange import progress as _progress
from cramplog.exchange.batch import ColumnChoice, Question, RowError, SourceKind
from cramplog.exchange.import_plan import ImportOptions, ImportPlan, ImportResult
from cramplog.exchange.importer import MAX_IMPORT_BYTES, apply_import, plan_import
from cramplog.storage import export_reads

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = [
    "MAX_IMPORT_BYTES",
    "ColumnChoice",
    "ImportOptions",
    "ImportPlan",
    "ImportResult",
    "Question",
    "RowError",
    "SourceKind",
    "apply_import",
    "export_csv",
    "export_json",
    "plan_import",
    "write_episodes_csv",
    "write_json",
]


def _check_period(first_night: date | None, last_night: date | None) -> None:
    if first_night is not None and last_night is not None and first_night > last_night:
        raise ExportError(
            _(
                "The period starts ({first_night}) after it ends ({last_night}); nothing "
                "was written."
            ).format(first_night=first_night, last_night=last_night)
        )


def _starts(
    diary: DiaryView, first_night: date | None, last_night: date | None
) -> tuple[datetime | None, datetime | None]:
    """The wall-clock bounds [from, to) of the episodes of a period (as `list_episodes`)."""
    hour = diary.boundary_hour
    return (
        None if first_night is None else nights.night_window(first_night, hour)[0],
        None if last_night is None else nights.night_window(last_night, hour)[1],
    )


@dataclass(frozen=True)
class _CsvTables:
    """What writes episodes.csv and nights.csv in a read transaction, reading the diary
    page by page as each file is written (the settings are read before it begins)."""

    labels: csv_format.Labels
    first_night: date | None
    last_night: date | None
    local_from: datetime | None
    local_to: datetime | None

    @classmethod
    def of(cls, diary: DiaryView, first: date | None, last: date | None) -> _CsvTables:
        labels = csv_format.Labels(diary.label, diary.boundary_hour)
        return cls(labels, first, last, *_starts(diary, first, last))

    def episodes(
        self, session: Session, tick: _progress.Tick | None = None
    ) -> Callable[[IO[str]], int]:
        def write(stream: IO[str]) -> int:
            rows = export_reads.episodes(
                session, local_from=self.local_from, local_to=self.local_to
            )
            return csv_format.write_episodes(stream, rows, self.labels, tick)

        return write

    def nights(
        self, session: Session, tick: _progress.Tick | None = None
    ) -> Callable[[IO[str]], None]:
        def write(stream: IO[str]) -> None:
            counts = export_reads.cramps_per_night(
                session,
                local_from=self.local_from,
                local_to=self.local_to,
                boundary_hour=self.labels.boundary_hour,
            )
            days = export_reads.days(session, self.first_night, self.last_night)
            csv_format.write_nights(stream, days, counts, tick)

        return write

    def counts(self, session: Session) -> tuple[int, int]:
        """(episodes, day records) of the period."""
        return export_reads.counts(
            session,
            local_from=self.local_from,
            local_to=self.local_to,
            first=self.first_night,
            last=self.last_night,
        )


def write_episodes_csv(
    diary: DiaryView,
    stream: IO[str],
    *,
    first_night: date | None = None,
    last_night: date | None = None,
) -> int:
    """Write the episodes table (as episodes.csv holds it) to `stream`; return how many.

    For `export csv -o -`: standard output takes one table, and the episodes are the one a
    spreadsheet user wants; the nights need a folder.
    """
    _check_period(first_night, last_night)
    tables = _CsvTables.of(diary, first_night, last_night)
    return diary.read(lambda session: tables.episodes(session)(stream))


def export_csv(
    diary: DiaryView,
    directory: Path,
    *,
    first_night: date | None = None,
    last_night: date | None = None,
    progress: _progress.Progress | None = None,
) -> tuple[Path, Path]:
    """Write episodes.csv and nights.csv into `directory` (created if missing); return both.

    UTF-8 with a byte-order mark, ISO dates, the columns of docs/formats.md; text a
    spreadsheet would run as a formula is neutralised. Both files are written completely
    and synced before either replaces an older one; they are owner-only (0600).
    `progress`, if given, is asked every few hundred rows whether to go on: when it says
    no, ExportCancelled is raised and neither file is written (nor an older one touched).
    """
    _check_period(first_night, last_night)
    directory = directory.expanduser()
    if directory.exists() and not directory.is_dir():
        raise ExportError(
            _("{directory} is {kind}; CSV export needs a folder. Nothing was written.").format(
                directory=directory, kind=files.kind_of(directory)
            )
        )
    try:
        directory.mkdir(mode=0o700, exist_ok=True)
    except FileNotFoundError:
        raise ExportError(
            _("The folder {folder} does not exist. Nothing was written.").format(
                folder=directory.parent
            )
        ) from None
    except OSError as exc:
        raise ExportError(
            _(
                "The folder {directory} could not be created ({reason}). Nothing was written."
            ).format(directory=directory, reason=exc.strerror)
        ) from exc
    episodes_path, nights_path = csv_format.export_paths(directory)
    tables = _CsvTables.of(diary, first_night, last_night)

    def write(session: Session) -> None:
        # Written inside one read transaction: both files show the same diary, read page by
        # page as each file is written, so memory does not grow with the diary.
        episodes_tick = nights_tick = None
        if progress is not None:
            # The nights file reads every cramp again and every day record: the whole
            # export's work is known before its first row.
            episodes, days = tables.counts(session)
            total = 2 * episodes + days
            _progress.begin(progress, total)
            episodes_tick = _progress.ticker(progress, total)
            nights_tick = _progress.ticker(progress, total, before=episodes)
        targets.write_files(
            diary.path,
            [
                (episodes_path, tables.episodes(session, episodes_tick)),
                (nights_path, tables.nights(session, nights_tick)),
            ],
        )

    # The rows are made and dropped one by one, yet the cycle collector's full passes over
    # the app's heap (300-450 ms each beside a century's diary list) stalled the window.
    with collector.paused():
        diary.read(write)
    return episodes_path, nights_path


def _overlaps(medication: Medication, first: date | None, last: date | None) -> bool:
    if first is not None and medication.stopped_on is not None and medication.stopped_on < first:
        return False
    return not (
        last is not None and medication.started_on is not None and medication.started_on > last
    )


def export_json(
    diary: DiaryView,
    path: Path,
    *,
    first_night: date | None = None,
    last_night: date | None = None,
    progress: _progress.Progress | None = None,
) -> Path:
    """Write the diary (episodes, days, medications, words of your own) as versioned JSON.

    With a period, only its episodes and days, and the medications taken during it, go in.
    Written atomically and owner-only (0600); never over the diary or its journal files.
    `progress`, as for `export_csv`: when it says no, nothing is written.
    """
    _check_period(first_night, last_night)
    path = path.expanduser()
    contents = _json_contents(diary, first_night, last_night)
    local_from, local_to = _starts(diary, first_night, last_night)  # before the transaction

    def write(session: Session) -> None:
        held = contents(session)
        tick = None
        if progress is not None:
            episodes, days = export_reads.counts(
                session,
                local_from=local_from,
                local_to=local_to,
                first=first_night,
                last=last_night,
            )
            extra = len(held.vocabulary) + len(held.spans) + len(held.medications)
            total = episodes + days + extra
            _progress.begin(progress, total)
            tick = _progress.ticker(progress, total)
        targets.write_files(
            diary.path, [(path, lambda stream: json_format.write(stream, held, tick))]
        )

    with collector.paused():  # as in `export_csv`
        diary.read(write)
    return path


def _json_contents(
    diary: DiaryView, first_night: date | None, last_night: date | None
) -> Callable[[Session], json_format.Contents]:
    """The export's contents for a read transaction: the few medications, spans and words
    read now, the episodes and days as streams read page by page while they are written."""
    medications = [m for m in diary.list_medications() if _overlaps(m, first_night, last_night)]
    vocabulary = diary.custom_items()
    spans = [s for s in diary.logging_spans() if _span_overlaps(s, first_night, last_night)]
    local_from, local_to = _starts(diary, first_night, last_night)
    exported = datetime.now(UTC).replace(tzinfo=None)
    # Settings too are read before the transaction: the diary reads each in one of its own.
    hour, sleep_hours = diary.boundary_hour, diary.sleep_hours.to_setting()

    def contents(session: Session) -> json_format.Contents:
        return json_format.Contents(
            episodes=export_reads.episodes(session, local_from=local_from, local_to=local_to),
            days=export_reads.days(session, first_night, last_night),
            medications=medications,
            vocabulary=vocabulary,
            boundary_hour=hour,
            first_night=first_night,
            last_night=last_night,
            exported_utc=exported,
            spans=spans,
            sleep_hours=sleep_hours,
        )

    return contents


def _span_overlaps(span: LoggingSpan, first: date | None, last: date | None) -> bool:
    ends = span.last_night
    return (last is None or span.first_night <= last) and (
        first is None or ends is None or ends >= first
    )


def write_json(
    diary: DiaryView,
    stream: IO[str],
    *,
    first_night: date | None = None,
    last_night: date | None = None,
) -> None:
    """Write the JSON export to `stream` (for `export json -o -`)."""
    _check_period(first_night, last_night)
    contents = _json_contents(diary, first_night, last_night)
    diary.read(lambda session: json_format.write(stream, contents(session)))
