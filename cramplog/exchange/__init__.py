"""Export the diary to CSV and JSON files, and import those or a hand-kept spreadsheet.

The public API: `export_csv`, `export_json`, `plan_import` (the dry run), `apply_import`.
The formats are described in docs/formats.md.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO

from cramplog import files
from cramplog.core import nights
from cramplog.core.errors import ExportError
from cramplog.core.records import DiaryDay, Episode, EpisodeFilter, LoggingSpan, Medication
from cramplog.core.translation import _
from cramplog.diary.view import DiaryView
from cramplog.exchange import csv_format, json_format, targets
from cramplog.exchange.batch import ColumnChoice, Question, RowError, SourceKind
from cramplog.exchange.import_plan import ImportOptions, ImportPlan, ImportResult
from cramplog.exchange.importer import MAX_IMPORT_BYTES, apply_import, plan_import

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


def _csv_tables(
    diary: DiaryView, first_night: date | None, last_night: date | None
) -> tuple[list[Episode], list[DiaryDay], Counter[date], csv_format.Labels]:
    hour = diary.boundary_hour
    episodes = diary.list_episodes(EpisodeFilter(first_night=first_night, last_night=last_night))
    days = diary.list_days(first_night, last_night)
    per_night = Counter(nights.night_of(e.start_local, hour) for e in episodes)
    codes = {code for e in episodes for code in (e.muscle, e.activity, *e.triggers, *e.symptoms)}
    codes |= {code for e in episodes for code, _rating in e.reliefs}
    labels = csv_format.Labels(
        {code: diary.label(code) for code in codes if code is not None}, hour
    )
    return episodes, days, per_night, labels


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
    episodes, _days, _per_night, labels = _csv_tables(diary, first_night, last_night)
    csv_format.write_episodes(stream, episodes, labels)
    return len(episodes)


def export_csv(
    diary: DiaryView,
    directory: Path,
    *,
    first_night: date | None = None,
    last_night: date | None = None,
) -> tuple[Path, Path]:
    """Write episodes.csv and nights.csv into `directory` (created if missing); return both.

    UTF-8 with a byte-order mark, ISO dates, the columns of docs/formats.md; text a
    spreadsheet would run as a formula is neutralised. Both files are written completely
    and synced before either replaces an older one; they are owner-only (0600).
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
    episodes, days, per_night, labels = _csv_tables(diary, first_night, last_night)
    episodes_path, nights_path = csv_format.export_paths(directory)
    targets.write_files(
        diary.path,
        [
            (episodes_path, lambda stream: csv_format.write_episodes(stream, episodes, labels)),
            (nights_path, lambda stream: csv_format.write_nights(stream, days, per_night)),
        ],
    )
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
) -> Path:
    """Write the diary (episodes, days, medications, words of your own) as versioned JSON.

    With a period, only its episodes and days, and the medications taken during it, go in.
    Written atomically and owner-only (0600); never over the diary or its journal files.
    """
    _check_period(first_night, last_night)
    path = path.expanduser()
    contents = _json_contents(diary, first_night, last_night)
    targets.write_files(diary.path, [(path, lambda stream: json_format.write(stream, contents))])
    return path


def _json_contents(
    diary: DiaryView, first_night: date | None, last_night: date | None
) -> json_format.Contents:
    return json_format.Contents(
        episodes=diary.list_episodes(EpisodeFilter(first_night=first_night, last_night=last_night)),
        days=diary.list_days(first_night, last_night),
        medications=[m for m in diary.list_medications() if _overlaps(m, first_night, last_night)],
        vocabulary=diary.custom_items(),
        boundary_hour=diary.boundary_hour,
        first_night=first_night,
        last_night=last_night,
        exported_utc=datetime.now(UTC).replace(tzinfo=None),
        spans=[s for s in diary.logging_spans() if _span_overlaps(s, first_night, last_night)],
        sleep_hours=diary.sleep_hours.to_setting(),
    )


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
    json_format.write(stream, _json_contents(diary, first_night, last_night))
