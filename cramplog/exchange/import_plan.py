"""An import's options, its dry-run plan and its result, each worded for the person reading it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from cramplog.core import nights
from cramplog.core.translation import _
from cramplog.core.wording import count
from cramplog.diary import backups
from cramplog.exchange.batch import Batch, Question, RowError, SourceKind, SpanDeclaration


@dataclass(frozen=True)
class ImportOptions:
    """Answers for a spreadsheet: its sheet, day/month order, and columns chosen by hand."""

    day_first: bool | None = None
    columns: Mapping[int, str | None] | None = None
    # A file that lists cramps only says nothing of the nights between them. By default the
    # person logged every cramp from the file's first to its last: those nights count as
    # recorded (cramp-free where nothing was logged). Off, or widened, at the person's word.
    logging_span: bool = True
    logged_from: date | None = None
    logged_to: date | None = None
    # A workbook's sheet, by name or by number from 1; None reads the first.
    sheet: str | None = None
    # Words in a spreadsheet that match nothing: created as words of your own only with this
    # (`--new-words`, or the dialog's answer); without it they are listed as a question.
    new_words: bool = False


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do, worked out without writing anything (the dry run)."""

    path: Path
    batch: Batch
    new_episodes: int
    known_episodes: int
    new_days: int
    known_days: int
    new_medications: int
    known_medications: int
    new_words: int
    span: SpanDeclaration | None = None

    @property
    def source(self) -> SourceKind:
        return self.batch.source

    @property
    def errors(self) -> list[RowError]:
        return self.batch.errors

    @property
    def error_count(self) -> int:
        """Every invalid record, including those past the remembered `errors`."""
        return self.batch.error_count

    @property
    def questions(self) -> dict[Question, str]:
        return self.batch.questions

    @property
    def valid_records(self) -> int:
        b = self.batch
        return len(b.episodes) + len(b.days) + len(b.medications)

    def summary(self) -> str:
        """One paragraph a person reads before deciding."""
        b = self.batch
        parts = [
            _("{name} is {source} with {rows}.").format(
                name=self.path.name,
                source=b.source.label,
                rows=count(b.rows, "{n} row", "{n} rows"),
            ),
            *b.notes,
        ]
        if self.questions:
            parts.append(" ".join(self.questions.values()))
            return " ".join(parts)
        would = []
        if b.episodes:
            would.append(count(self.new_episodes, "{n} new cramp", "{n} new cramps"))
        if b.days:
            would.append(count(self.new_days, "{n} new night record", "{n} new night records"))
        if b.medications:
            would.append(count(self.new_medications, "{n} new medicine", "{n} new medicines"))
        parts.append(
            _("It would add {things}.").format(things=", ".join(would))
            if would
            else _("It would add nothing.")
        )
        if self.span is not None and self.span.last_night is not None:
            parts.append(_span_sentence(self.span.first_night, self.span.last_night))
        known = self.known_episodes + self.known_days + self.known_medications
        if known:
            parts.append(
                count(
                    known,
                    "{n} entry is already in the diary and would be left as they are.",
                    "{n} entries are already in the diary and would be left as they are.",
                )
            )
        if self.errors:
            parts.append(
                count(
                    self.error_count,
                    "{n} row with errors: nothing is imported unless you choose to skip them.",
                    "{n} rows with errors: nothing is imported unless you choose to skip them.",
                )
            )
        return " ".join(parts)


def _span_sentence(first: date, last: date) -> str:
    """What a cramps-only file's nights would count as: its first to its last cramp."""
    span = (
        _("the night of {night}").format(night=nights.day_text(first))
        if first == last
        else count(
            (last - first).days + 1,
            "the {n} night of {first} to {last}",
            "the {n} nights of {first} to {last}",
            first=nights.day_text(first),
            last=nights.day_text(last),
        )
    )
    return _(
        "The file lists cramps only, so {span} would count as recorded, cramp-free where "
        "nothing was logged (turn this off if the file may have missed some cramps)."
    ).format(span=span)


@dataclass(frozen=True)
class ImportResult:
    """What an import stored, and the backup made just before."""

    episodes: int
    days: int
    medications: int
    words: int
    skipped_invalid: int
    already_there: int
    replaced: bool
    backup: backups.Backup | None = field(default=None)

    def summary(self) -> str:
        text = _("Imported {cramps}, {night_records} and {medicines}.").format(
            cramps=count(self.episodes, "{n} cramp", "{n} cramps"),
            night_records=count(self.days, "{n} night record", "{n} night records"),
            medicines=count(self.medications, "{n} medicine", "{n} medicines"),
        )
        if self.already_there:
            text += " " + count(
                self.already_there,
                "{n} entry was already in the diary.",
                "{n} entries were already in the diary.",
            )
        if self.skipped_invalid:
            text += " " + count(
                self.skipped_invalid,
                "{n} invalid row was skipped.",
                "{n} invalid rows were skipped.",
            )
        if self.backup is not None:
            text += " " + _("The diary as it was is kept as {name}.").format(
                name=self.backup.path.name
            )
        return text
