"""What an import file holds once read and checked: records, row errors and open questions."""

from __future__ import annotations

import enum
import hashlib
import operator
import uuid
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date, datetime

from cramplog.core import checklist as checklists
from cramplog.core import validation, wording
from cramplog.core.records import ChecklistKind, EpisodeInput, SpanSource, VocabularyKind
from cramplog.core.translation import N_, _
from cramplog.exchange import stopping
from cramplog.storage import bulk
from cramplog.storage.transfer import NewVocabulary

# Spreadsheet rows carry no identity of their own; a name-based UUID from the row's moment
# and muscle gives one, so importing the same spreadsheet twice adds nothing the second time.
SPREADSHEET_NAMESPACE = uuid.UUID("6f3c2d4e-8a51-4c0e-9d7b-2f1e5a9c3b70")

VOCABULARY_KINDS = tuple(kind.value for kind in VocabularyKind)
_NAMESPACE_BYTES = SPREADSHEET_NAMESPACE.bytes


def name_uuid(name: str) -> str:
    """`str(uuid.uuid5(SPREADSHEET_NAMESPACE, name))`, computed without the UUID object.

    A spreadsheet of 100,000 rows needs 100,000 of these; the same SHA-1 and the same
    version and variant bits, formatted directly, cost a quarter of the time.
    """
    h = hashlib.sha1(_NAMESPACE_BYTES + name.encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"


def name_uuids(names: Iterable[str]) -> list[str]:
    """`name_uuid` of each of `names`: the hashing done by `map`, in C, for a whole file."""
    digests = map(hashlib.sha1, map(_NAMESPACE_BYTES.__add__, map(str.encode, names)))
    return [
        f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"
        for h in map(_HEX, digests)
    ]


_HEX = operator.methodcaller("hexdigest")
# The variant bits (10xx) set in the first hex digit of the fourth group, by that digit.
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


class SourceKind(enum.StrEnum):
    JSON = "json"
    EPISODES_CSV = "episodes_csv"
    NIGHTS_CSV = "nights_csv"
    # Both files of a CSV export, read as one import.
    CSV_EXPORT = "csv_export"
    SPREADSHEET = "spreadsheet"
    FLAREDOWN = "flaredown"
    BEARABLE = "bearable"

    @property
    def label(self) -> str:
        return _(_SOURCE_LABELS[self])


_SOURCE_LABELS = {
    SourceKind.JSON: N_("a cramplog JSON export"),
    SourceKind.EPISODES_CSV: N_("a cramplog episodes.csv export"),
    SourceKind.NIGHTS_CSV: N_("a cramplog nights.csv export"),
    SourceKind.CSV_EXPORT: N_("a cramplog CSV export"),
    SourceKind.SPREADSHEET: N_("a spreadsheet of cramps"),
    SourceKind.FLAREDOWN: N_("a Flaredown export"),
    SourceKind.BEARABLE: N_("a Bearable export"),
}


class Question(enum.StrEnum):
    """Something only the person can settle before a spreadsheet can be imported."""

    DATE_ORDER = "date_order"  # 03/04/2026: day first or month first?
    COLUMNS = "columns"  # which column holds what
    NEW_WORDS = "new_words"  # words that match nothing: add them as words of your own?


@dataclass(frozen=True, slots=True)
class RowError:
    """One invalid row (or record) and why; `line` is the file's line number where known, or
    the row number in the workbook sheet `sheet`; `where` names the record without a line,
    or the file of a line when an import reads two."""

    line: int | None
    message: str
    where: str = ""
    sheet: str | None = None

    def in_sheet(self, sheet: str) -> RowError:
        """The same error, its line named as a row of a workbook's sheet."""
        return RowError(self.line, self.message, self.where, sheet)

    def in_file(self, name: str) -> RowError:
        """The same error, its line named as a line of the file `name` (for an import of
        two files)."""
        return RowError(self.line, self.message, name, self.sheet)

    def __str__(self) -> str:
        if self.line is not None and self.where:
            return _("{file}, line {line}: {message}").format(
                file=self.where, line=self.line, message=self.message
            )
        if self.line is not None and self.sheet is not None:
            return _("row {line} of sheet “{sheet}”: {message}").format(
                line=self.line, sheet=self.sheet, message=self.message
            )
        if self.line is not None:
            return _("line {line}: {message}").format(line=self.line, message=self.message)
        if self.where:
            return f"{self.where}: {self.message}"
        return self.message


@dataclass(frozen=True, slots=True)
class ColumnChoice:
    """How one spreadsheet column is read: the field it feeds (None: ignored) and its unit."""

    index: int
    header: str
    field: str | None
    unit: str = ""
    # A couple of the column's values, as the dry run shows them beside its fate.
    examples: tuple[str, ...] = ()
    # What another tracker's column becomes, in words, where no spreadsheet field fits
    # ("cramps, scored 0–4"); such a column cannot be mapped to another field.
    described: str = ""

    def fate(self, label: str) -> str:
        """E.g. '“What helped” → Relief methods (“stretching; walked it off”, “massage”)';
        `label` is the field's label, or "ignored"."""
        # A header or a value can be a whole 50 MB line of a file that is no spreadsheet:
        # each is cut to a line's worth.
        shown = ", ".join(f"“{wording.shortened(example, 60)}”" for example in self.examples)
        header = "".join(c if c.isprintable() else "�" for c in wording.shortened(self.header))
        return f"“{header}” → {label}" + (f" ({shown})" if shown else "")


@dataclass(frozen=True, slots=True)
class SpanDeclaration:
    """A logging span an import brings: from a cramplog export, or a cramps-only file's
    first to last cramp (see `cramplog.core.recorded`)."""

    first_night: date
    last_night: date | None
    source: SpanSource
    uuid: str | None = None


@dataclass
class Batch:
    """The records an import file holds, already checked against the diary's vocabulary."""

    source: SourceKind
    rows: int = 0
    # Lists, or for a large export `streamed.Reread`: counted, the first few held, all of
    # them read again from the file when iterated.
    episodes: Sequence[bulk.NewEpisode] = field(default_factory=list)
    days: Sequence[bulk.NewDay] = field(default_factory=list)
    medications: Sequence[bulk.NewMedication] = field(default_factory=list)
    vocabulary: list[NewVocabulary] = field(default_factory=list)
    boundary_hour: int | None = None
    sleep_hours: str | None = None
    spans: list[SpanDeclaration] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    # Problems past those remembered (a file of thousands of bad records): counted only.
    errors_left_off: int = 0
    columns: tuple[ColumnChoice, ...] = ()
    questions: dict[Question, str] = field(default_factory=dict)
    # Lines the dry run prints about how the file was read (its encoding, its sheet).
    notes: tuple[str, ...] = ()
    # A workbook's sheets, and the one read (None for any other file).
    sheets: tuple[str, ...] = ()
    sheet: str | None = None
    # Spreadsheet rows are also matched against entries typed into the app at the same moment.
    match_by_moment: bool = False
    # Words that named nothing the diary knows, by vocabulary kind, in the file's order: added
    # as words of your own only when the person agrees (`ImportOptions.new_words`).
    new_words: dict[str, list[str]] = field(default_factory=dict)
    # Activity and symptom words the checklist lacks (those kinds take no words of your own):
    # kept in the cramp's notes, by kind.
    kept_in_notes: dict[str, list[str]] = field(default_factory=dict)
    # Rows repeating an earlier row of the same file: (line, the earlier row's line).
    duplicates: list[tuple[int, int]] = field(default_factory=list)
    # Rows with a date and no time (placed by `nights.date_only_start`).
    time_not_noted: int = 0

    @property
    def error_count(self) -> int:
        """Every invalid record, remembered or not."""
        return len(self.errors) + self.errors_left_off

    @property
    def cramps_only(self) -> bool:
        """The file lists cramps and nothing about the nights between them.

        cramplog's own episodes.csv is not such a file: its nights are in the nights.csv
        written beside it, and without that file they are unknown, never "every night
        between the cramps logged".
        """
        own_csv = self.source in (SourceKind.EPISODES_CSV, SourceKind.CSV_EXPORT)
        return bool(self.episodes) and not self.days and not self.spans and not own_csv


@dataclass(frozen=True)
class Context:
    """What the parsers need to know of the diary: its words, its clock, its day boundary."""

    checklist: checklists.Checklist
    codes: Mapping[str, frozenset[str]]
    custom_by_label: Mapping[tuple[str, str], str]
    now: datetime
    boundary_hour: int

    def match(self, kind: str, text: str) -> str | None:
        """The code a typed word names: a checklist label, code or synonym, or a custom label."""
        cleaned = " ".join(text.split())
        if not cleaned:
            return None
        if cleaned in self.codes.get(kind, frozenset()):
            return cleaned
        item = self.checklist.match(kind, cleaned)
        if item is not None:
            return item.code
        return self.custom_by_label.get((kind, cleaned.casefold()))

    def check_episode(self, episode: EpisodeInput, extra: Mapping[str, set[str]]) -> None:
        """Check an episode the way the diary checks a typed one (plus words added by the batch)."""
        stopping.checkpoint()  # every reader checks each cramp here: a check stops here too

        def known(kind: ChecklistKind) -> Collection[str]:
            codes = self.codes.get(kind, _NONE)
            added = extra.get(kind)
            return _Either(codes, added) if added else codes

        validation.check_episode(
            episode,
            now=self.now,
            muscles=known(ChecklistKind.MUSCLE),
            activities=self.codes.get(ChecklistKind.ACTIVITY, _NONE),
            triggers=known(ChecklistKind.TRIGGER),
            reliefs=known(ChecklistKind.RELIEF),
            symptoms=self.codes.get(ChecklistKind.SYMPTOM, _NONE),
        )


_NONE: frozenset[str] = frozenset()


class _Either(Collection[str]):
    """Membership in either of two sets, without building their union for every row."""

    __slots__ = ("_first", "_second")

    def __init__(self, first: AbstractSet[str], second: AbstractSet[str]) -> None:
        self._first = first
        self._second = second

    def __contains__(self, item: object) -> bool:
        return item in self._first or item in self._second

    def __iter__(self) -> Iterator[str]:
        yield from self._first
        yield from (item for item in self._second if item not in self._first)

    def __len__(self) -> int:
        return len(self._first | self._second)
