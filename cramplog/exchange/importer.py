"""Import a file into the diary: a dry run first, then all of it in one transaction, or nothing."""

from __future__ import annotations

import itertools
import os
import stat
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from cramplog.core import collector, nights, recorded
from cramplog.core.errors import ImportFileError, ImportRejectedError
from cramplog.core.records import ChecklistKind, SpanSource, new_uuid
from cramplog.core.translation import N_, _
from cramplog.core.wording import count, number
from cramplog.diary import backups
from cramplog.diary.service import BOUNDARY_HOUR_KEY, SLEEP_HOURS_KEY, Diary
from cramplog.exchange import (
    csv_format,
    export_pair,
    json_format,
    json_stream,
    novelty,
    stopping,
    tables,
    trackers,
)
from cramplog.exchange.batch import Batch, Context, SpanDeclaration
from cramplog.exchange.import_plan import ImportOptions, ImportPlan, ImportResult
from cramplog.storage import repository as repo
from cramplog.storage import transfer

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# Checked before a byte is parsed. A ten-year diary exports to a few megabytes; this leaves
# room for a stress-sized diary while keeping a stray video or disk image out of memory.
CONTRADICTORY_SPAN = N_(
    "--logged-from and --logged-to widen the logged nights, which "
    "--no-logging-span turns off: give one or the other; nothing was "
    "imported."
)
MAX_IMPORT_BYTES = 128 * 1024 * 1024


def read_source(path: Path, *, limit: int | None = None) -> bytes:
    """The file's bytes; its size is checked before anything is read."""
    limit = MAX_IMPORT_BYTES if limit is None else limit
    _check_size(path, limit)
    try:
        with path.open("rb") as f:
            raw = f.read(limit + 1)
    except OSError as exc:
        raise ImportFileError(
            _("{path} cannot be read: {reason}.").format(path=path, reason=exc.strerror or exc)
        ) from exc
    if len(raw) > limit:
        raise ImportFileError(_("{name} is larger than an import may be.").format(name=path.name))
    return raw


def _check_size(path: Path, limit: int) -> None:
    """ImportFileError unless `path` is a regular file of at most `limit` bytes."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ImportFileError(_("There is no file {path}.").format(path=path)) from None
    except OSError as exc:
        raise ImportFileError(
            _("{path} cannot be read: {reason}.").format(path=path, reason=exc.strerror or exc)
        ) from exc
    if stat.S_ISDIR(info.st_mode):
        raise ImportFileError(
            _("{path} is a folder; choose a .csv or .json file.").format(path=path)
        )
    if not stat.S_ISREG(info.st_mode):
        raise ImportFileError(_("{path} is not a regular file.").format(path=path))
    if info.st_size > limit:
        raise ImportFileError(
            _(
                "{name} is {size} MB, more than the {limit} MB an import may "
                "be. Nothing was imported."
            ).format(
                name=path.name,
                size=number(round(info.st_size / 1024 / 1024)),
                limit=number(round(limit / 1024 / 1024)),
            )
        )


def context_of(diary: Diary) -> Context:
    custom = diary.custom_items()
    kinds = (
        ChecklistKind.MUSCLE,
        ChecklistKind.ACTIVITY,
        ChecklistKind.TRIGGER,
        ChecklistKind.RELIEF,
        ChecklistKind.SYMPTOM,
        ChecklistKind.MEDICATION_CLASS,
    )
    return Context(
        checklist=diary.checklist,
        codes={kind: diary.codes(kind) for kind in kinds},
        custom_by_label={(item.kind.value, item.label.casefold()): item.code for item in custom},
        # In UTC: comparing with a fixed-offset moment is quick for 100,000 rows.
        now=diary.now().astimezone(UTC),
        boundary_hour=diary.boundary_hour,
    )


def read_batch(raw: bytes, context: Context, options: ImportOptions, *, name: str = "") -> Batch:
    """Parse and check a file's bytes; file-level problems raise ImportFileError."""
    with collector.paused():
        return _read_batch(raw, context, options, name)


_WORKBOOK_NAMES = (".xlsx", ".xlsm", ".ods", ".xls", ".numbers")


def _read_batch(raw: bytes, context: Context, options: ImportOptions, name: str) -> Batch:
    # A file is known by its content (exchange.file_kind), never by its name; the name only
    # sharpens the refusal of one that is neither text nor a workbook.
    try:
        source = tables.read_source(raw, sheet=options.sheet)
    except ImportFileError as exc:
        if name.lower().endswith(_WORKBOOK_NAMES) and "UTF-8" in str(exc):
            raise ImportFileError(
                _(
                    "{name} is named as a workbook but is not one cramplog can open (its "
                    "bytes are neither a workbook nor text): it may be damaged, or another "
                    "kind of file. Open it in your spreadsheet program and save it again."
                ).format(name=name)
            ) from exc
        raise
    if source.json_text is not None:
        batch = json_format.parse(source.json_text, context)
    else:
        assert source.table is not None
        table = source.table
        options_csv = csv_format.CsvOptions(
            day_first=options.day_first, columns=options.columns, new_words=options.new_words
        )
        tracked = trackers.read(table.header, table.rows, context, day_first=options.day_first)
        if tracked is not None:
            batch = tracked
        else:
            batch = csv_format.read_table(table.header, table.rows, context, options=options_csv)
        if table.sheet is not None:
            batch.errors = [error.in_sheet(table.sheet) for error in batch.errors]
            batch.sheets, batch.sheet = table.sheets, table.sheet
    batch.notes = (*source.notes, *batch.notes)
    return batch


def plan_import(diary: Diary, path: Path, options: ImportOptions | None = None) -> ImportPlan:
    """The dry run: read and check the file, compare it with the diary, write nothing."""
    options = options or ImportOptions()
    context = context_of(diary)
    batch = export_pair.read_with_partner(path, context, options, _read_file)
    stopping.checkpoint()  # read and checked; the diary's holdings are compared next
    span = _span_of(batch, options, diary.boundary_hour, diary.last_night())
    with diary.bulk_session() as session:
        held = transfer.holdings(session)
    stopping.checkpoint()
    return ImportPlan(path=path, batch=batch, span=span, **novelty.counts(batch, held))


def _read_file(path: Path, context: Context, options: ImportOptions) -> Batch:
    _check_size(path, MAX_IMPORT_BYTES)
    batch = json_stream.scan(path, context)
    if batch is None:  # not a JSON export, or not one that can be read a piece at a time
        batch = read_batch(read_source(path), context, options, name=path.name)
    return batch


# Over 60 lines because each of its four refusals is a whole sentence of its own.
def _span_of(
    batch: Batch, options: ImportOptions, boundary_hour: int, last_night: date
) -> SpanDeclaration | None:
    """The logging span a cramps-only file declares: its first to last cramp, or as widened."""
    if (
        options.logged_from is not None
        and options.logged_to is not None
        and options.logged_to < options.logged_from
    ):
        raise ImportRejectedError(
            _(
                "The logged nights end ({logged_to}) before they start ({logged_from}); "
                "nothing was imported."
            ).format(
                logged_to=nights.day_text(options.logged_to),
                logged_from=nights.day_text(options.logged_from),
            )
        )
    widened = options.logged_from is not None or options.logged_to is not None
    if widened and not options.logging_span:
        raise ImportRejectedError(_(CONTRADICTORY_SPAN))
    if widened and batch.source in export_pair.OWN_CSV:
        raise ImportRejectedError(
            _(
                "A cramplog CSV export keeps its night records in its nights.csv, so it has "
                "no logged nights to widen (--logged-from and --logged-to are for a file that "
                "lists cramps only); nothing was imported."
            )
        )
    if widened and not batch.cramps_only:
        raise ImportRejectedError(
            _(
                "This file carries its own night records, so it has no logged nights to "
                "widen (--logged-from and --logged-to are for a file that lists cramps "
                "only); nothing was imported."
            )
        )
    if not options.logging_span or not batch.cramps_only:
        return None
    # A night follows its wall-clock start, so the first and last starts give the span.
    earliest = latest = None
    for episode in batch.episodes:  # once: a large export is read again, not held
        start = episode.start_local
        if earliest is None or start < earliest:
            earliest = start
        if latest is None or start > latest:
            latest = start
    assert earliest is not None and latest is not None  # cramps_only: there are episodes
    first = nights.night_of(earliest, boundary_hour)
    last = nights.night_of(latest, boundary_hour)
    if options.logged_from is not None:
        if options.logged_from > first:
            raise ImportRejectedError(
                _(
                    "The file's first cramp is on the night of {first}, before the logged "
                    "nights start ({logged_from}); nothing was imported."
                ).format(
                    first=nights.day_text(first), logged_from=nights.day_text(options.logged_from)
                )
            )
        first = options.logged_from
    if options.logged_to is not None:
        if options.logged_to < last:
            raise ImportRejectedError(
                _(
                    "The file's last cramp is on the night of {last}, after the logged "
                    "nights end ({logged_to}); nothing was imported."
                ).format(last=nights.day_text(last), logged_to=nights.day_text(options.logged_to))
            )
        if options.logged_to > last_night:
            raise ImportRejectedError(
                _(
                    "The logged nights cannot reach past the night of {last_night}, the "
                    "latest that has ended; nothing was imported."
                ).format(last_night=nights.day_text(last_night))
            )
        last = options.logged_to
    return SpanDeclaration(first, min(last, last_night), SpanSource.IMPORT)


# Just over 60 lines: the refusals, the backup and the one transaction read best in order.
def apply_import(
    diary: Diary,
    plan: ImportPlan,
    *,
    replace: bool = False,
    skip_invalid: bool = False,
    back_up: bool = True,
    now: datetime | None = None,
) -> ImportResult:
    """Store what `plan` found, in one transaction, after a verified backup.

    Merging adds only records whose UUID (and, for a day, whose night) the diary lacks;
    `replace` empties the diary's entries first. Any invalid row refuses the whole import
    (ImportRejectedError) unless `skip_invalid`.
    """
    batch = plan.batch
    _refuse_unless_importable(plan, skip_invalid=skip_invalid)
    nothing_new = not (plan.new_episodes or plan.new_days or plan.new_medications or plan.new_words)
    if nothing_new and not replace:
        # Check again (the diary may have lost entries since the dry run); if everything is
        # still there, there is nothing to back up and nothing to store.
        with diary.bulk_session() as session:
            fresh = novelty.counts(batch, transfer.holdings(session))
        if not any(fresh[k] for k in ("new_episodes", "new_days", "new_medications", "new_words")):
            return ImportResult(0, 0, 0, 0, batch.error_count, plan.valid_records, replaced=False)
    made = None
    if back_up:
        made = backups.back_up(
            diary.data_dir, reason=backups.Reason.BEFORE_IMPORT, now=now or datetime.now(UTC)
        )
    with collector.paused(), diary.bulk_session() as session:
        if replace:
            transfer.clear_entries(session)
            if batch.boundary_hour is not None:
                repo.put_setting(session, BOUNDARY_HOUR_KEY, str(batch.boundary_hour))
        held = transfer.holdings(session)
        words = [v for v in batch.vocabulary if v.code not in held.vocabulary_codes]
        transfer.insert_vocabulary(session, words)
        # In slices, as the records come: a large export is read from its file a second
        # time here rather than held, and every slice is in this one transaction.
        episodes = _in_slices(transfer.insert_episodes, session, novelty.new_episodes(batch, held))
        days = _in_slices(transfer.insert_days, session, novelty.new_days(batch, held))
        medications = _in_slices(
            transfer.insert_medications, session, novelty.new_medications(batch, held)
        )
        spans = [*batch.spans, *([plan.span] if plan.span is not None else [])]
        _store_spans(session, spans)
        if replace and batch.sleep_hours is not None:
            repo.put_setting(session, SLEEP_HOURS_KEY, batch.sleep_hours)
    if words or replace:
        # New own words and (after a replace) another boundary hour are cached by the Diary.
        diary.reload()
    stored = episodes + days + medications
    return ImportResult(
        episodes=episodes,
        days=days,
        medications=medications,
        words=len(words),
        skipped_invalid=batch.error_count,
        already_there=plan.valid_records - stored,
        replaced=replace,
        backup=made,
    )


def _refuse_unless_importable(plan: ImportPlan, *, skip_invalid: bool) -> None:
    """ImportRejectedError when a question is open, a row is invalid (unless skipped), or the
    file holds nothing."""
    batch = plan.batch
    if batch.questions:
        raise ImportRejectedError(" ".join(batch.questions.values()) + _(" Nothing was imported."))
    if batch.errors and not skip_invalid:
        first = batch.errors[0]
        raise ImportRejectedError(
            count(
                batch.error_count,
                "{n} row of {name} is invalid (first, {first}); nothing was imported. Fix "
                "them, or choose to skip invalid rows.",
                "{n} rows of {name} are invalid (first, {first}); nothing was imported. Fix "
                "them, or choose to skip invalid rows.",
                name=plan.path.name,
                first=first,
            )
        )
    if not (batch.episodes or batch.days or batch.medications or batch.vocabulary):
        raise ImportRejectedError(_("{name} holds nothing to import.").format(name=plan.path.name))


_SLICE = 5_000
_R = TypeVar("_R")


def _in_slices(
    insert: Callable[[Session, Sequence[_R]], int], session: Session, records: Iterable[_R]
) -> int:
    """Hand `records` to `insert` a slice at a time; how many were stored."""
    if isinstance(records, list):
        return insert(session, records)
    stored = 0
    iterator = iter(records)
    while piece := list(itertools.islice(iterator, _SLICE)):
        stored += insert(session, piece)
    return stored


def _store_spans(session: Session, spans: Sequence[SpanDeclaration]) -> None:
    """Add each span, merged with the spans it overlaps (see `recorded.merged_span`)."""
    for span in spans:
        existing = repo.list_spans(session)
        if span.uuid is not None and any(s.uuid == span.uuid for s in existing):
            continue
        first, last, absorbed = recorded.merged_span(span.first_night, span.last_night, existing)
        for gone in absorbed:
            repo.delete_span(session, gone.id)
        repo.insert_span(
            session,
            first_night=first,
            last_night=last,
            source=SpanSource.DECLARED if last is None else span.source,
            uuid=span.uuid if span.uuid is not None and not absorbed else new_uuid(),
            now=datetime.now(UTC).replace(tzinfo=None, microsecond=0),
        )
