"""An import's options, its dry-run plan and its result, each worded for the person reading it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from cramplog.core import nights
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
        parts = [f"{self.path.name} is {b.source.label} with {count(b.rows, 'row')}.", *b.notes]
        if self.questions:
            parts.append(" ".join(self.questions.values()))
            return " ".join(parts)
        would = []
        if b.episodes:
            would.append(count(self.new_episodes, "new cramp"))
        if b.days:
            would.append(count(self.new_days, "new night record"))
        if b.medications:
            would.append(count(self.new_medications, "new medicine"))
        parts.append("It would add " + (", ".join(would) if would else "nothing") + ".")
        if self.span is not None and self.span.last_night is not None:
            first, last = self.span.first_night, self.span.last_night
            span = (
                f"the night of {nights.day_text(first)}"
                if first == last
                else f"the {count((last - first).days + 1, 'night')} of "
                f"{nights.day_text(first)} to {nights.day_text(last)}"
            )
            parts.append(
                f"The file lists cramps only, so {span} would count as recorded, "
                "cramp-free where nothing was logged (turn this off if the file may have "
                "missed some cramps)."
            )
        known = self.known_episodes + self.known_days + self.known_medications
        if known:
            parts.append(
                f"{count(known, 'entry', 'entries')} {'is' if known == 1 else 'are'} already in "
                "the diary and would be left as they are."
            )
        if self.errors:
            parts.append(
                f"{count(self.error_count, 'row')} with errors: nothing is imported unless you "
                "choose to skip them."
            )
        return " ".join(parts)


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
        text = (
            f"Imported {count(self.episodes, 'cramp')}, {count(self.days, 'night record')} and "
            f"{count(self.medications, 'medicine')}."
        )
        if self.already_there:
            there = self.already_there
            text += (
                f" {count(there, 'entry', 'entries')} {'was' if there == 1 else 'were'} already "
                "in the diary."
            )
        if self.skipped_invalid:
            text += (
                f" {count(self.skipped_invalid, 'invalid row')} "
                f"{'was' if self.skipped_invalid == 1 else 'were'} skipped."
            )
        if self.backup is not None:
            text += f" The diary as it was is kept as {self.backup.path.name}."
        return text
