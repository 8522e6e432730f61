"""CSV: write episodes.csv and nights.csv, and read them back or read a hand-kept spreadsheet.

The columns are documented in docs/formats.md and only ever gain columns at the end.
"""

from __future__ import annotations

import csv
import functools
import io
import operator
import re
import uuid
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import IO, NamedTuple

from cramplog.core import nights, validation
from cramplog.core.errors import ImportFileError, ValidationError
from cramplog.core.records import (
    DayFactors,
    DiaryDay,
    Episode,
    EpisodeInput,
    Exercise,
    Hydration,
    ReliefRating,
    Side,
    with_legacy_unknowns,
)
from cramplog.exchange import values
from cramplog.exchange.batch import (
    SPREADSHEET_NAMESPACE,
    Batch,
    ColumnChoice,
    Context,
    Question,
    RowError,
    SourceKind,
    name_uuid,
)
from cramplog.storage import bulk
from cramplog.storage.transfer import NewVocabulary

EPISODES_FILENAME = "episodes.csv"
NIGHTS_FILENAME = "nights.csv"

EPISODE_COLUMNS = (
    "uuid",
    "night_of",
    "start_local",
    "utc_offset_min",
    "muscle",
    "muscle_code",
    "side",
    "duration_s",
    "duration_min",
    "intensity",
    "woke_from_sleep",
    "nocturnal",
    "activity",
    "activity_code",
    "hydration",
    "triggers",
    "trigger_codes",
    "reliefs",
    "relief_codes",
    "symptoms",
    "symptom_codes",
    "notes",
    "to_review",
    "created_utc",
    "updated_utc",
    # Since format 2 (with JSON's version 2): whether empty trigger/relief cells mean "none".
    "triggers_asked",
    "reliefs_asked",
)
NIGHT_COLUMNS = (
    "night_of",
    "reviewed",
    "cramp_free",
    "episodes",
    "fluids_l",
    "exercise",
    "alcohol_units",
    "caffeine_drinks",
    "hot_or_sweating",
    "long_standing",
    "long_sitting",
    "stretched_before_bed",
    "stress",
    "sleep_disturbance",
    "minutes_awake",
    "notes",
    "uuid",
    "created_utc",
    "updated_utc",
)
_LIST_SEPARATOR = "; "
_LOCAL_FORMAT = "%Y-%m-%d %H:%M:%S"
_UTC_FORMAT = "%Y-%m-%dT%H:%M:%SZ"

# A spreadsheet runs a cell beginning with one of these as a formula (or mangles it); a
# leading apostrophe makes it plain text. The apostrophe itself is on the list, so that the
# prefix can be taken off again on import without ambiguity.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "'")


def neutralise(text: str) -> str:
    """A text cell a spreadsheet shows as typed, never runs: "=1+1" becomes "'=1+1"."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def restore_neutralised(text: str) -> str:
    """Undo `neutralise` (for reading back our own files)."""
    if len(text) > 1 and text[0] == "'" and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


# -- writing --------------------------------------------------------------------------------


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}" if value != int(value) else str(int(value))
    return str(value)


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _answer(text: str) -> bool | None:
    """A yes/no cell where an empty cell is "not answered"."""
    return values.read_yes_no(text) if text.strip() else None


def _utc(moment: datetime) -> str:
    return moment.strftime(_UTC_FORMAT)


@dataclass(frozen=True)
class Labels:
    """How codes read to a person, and the night a moment belongs to (fixed for one export)."""

    label: Mapping[str, str]
    boundary_hour: int

    def of(self, code: str | None) -> str:
        return "" if code is None else self.label.get(code, code)


def write_episodes(stream: IO[str], episodes: Sequence[Episode], labels: Labels) -> None:
    writer = csv.writer(stream)
    writer.writerow(EPISODE_COLUMNS)
    text = neutralise
    for e in episodes:
        duration_min = None if e.duration_s is None else round(e.duration_s / 60, 2)
        writer.writerow(
            (
                e.uuid,
                nights.night_of(e.start_local, labels.boundary_hour).isoformat(),
                e.start_local.strftime(_LOCAL_FORMAT),
                e.utc_offset_min,
                text(labels.of(e.muscle)),
                text(e.muscle),
                e.side.value,
                _number(e.duration_s),
                _number(duration_min),
                _number(e.intensity),
                _yes_no(e.woke_from_sleep),
                _yes_no(e.nocturnal),
                text(labels.of(e.activity)),
                text(e.activity or ""),
                "" if e.hydration is None else e.hydration.value,
                text(_LIST_SEPARATOR.join(labels.of(code) for code in e.triggers)),
                text(_LIST_SEPARATOR.join(e.triggers)),
                text(
                    _LIST_SEPARATOR.join(
                        labels.of(code) + ("" if rating is None else f" ({rating.label})")
                        for code, rating in e.reliefs
                    )
                ),
                text(
                    _LIST_SEPARATOR.join(
                        f"{code}={'' if rating is None else rating.value}"
                        for code, rating in e.reliefs
                    )
                ),
                text(_LIST_SEPARATOR.join(labels.of(code) for code in e.symptoms)),
                text(_LIST_SEPARATOR.join(e.symptoms)),
                text(e.notes),
                _yes_no(e.to_review),
                _utc(e.created_utc),
                _utc(e.updated_utc),
                _yes_no(e.triggers_asked),
                _yes_no(e.reliefs_asked),
            )
        )


def write_nights(
    stream: IO[str],
    days: Sequence[DiaryDay],
    episodes_per_night: Mapping[date, int],
) -> None:
    """One row per diary day that has a record or an episode, oldest first."""
    writer = csv.writer(stream)
    writer.writerow(NIGHT_COLUMNS)
    by_night = {day.night_of: day for day in days}
    for night in sorted(set(by_night) | set(episodes_per_night)):
        day = by_night.get(night)
        count = episodes_per_night.get(night, 0)
        f = day.factors if day is not None else DayFactors()
        writer.writerow(
            (
                night.isoformat(),
                _yes_no(f.reviewed),
                _yes_no(f.reviewed and count == 0),
                count,
                _number(f.fluids_l),
                "" if f.exercise is None else f.exercise.value,
                _number(f.alcohol_units),
                _number(f.caffeine_drinks),
                _yes_no(f.hot_or_sweating),
                _yes_no(f.long_standing),
                _yes_no(f.long_sitting),
                _yes_no(f.stretched_before_bed),
                _number(f.stress),
                _number(f.sleep_disturbance),
                _number(f.minutes_awake),
                neutralise(f.notes),
                "" if day is None else day.uuid,
                "" if day is None else _utc(day.created_utc),
                "" if day is None else _utc(day.updated_utc),
            )
        )


# -- reading: text, delimiter, rows ---------------------------------------------------------


def decode(raw: bytes) -> str:
    """The text of a CSV file: UTF-8 with or without BOM, or UTF-16; ImportFileError if not."""
    if raw.startswith(b"\xef\xbb\xbf"):
        encoding, body = "utf-8", raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding, body = "utf-16", raw
    elif len(raw) >= 4 and raw[1] == 0 and raw[3] == 0 and raw[0] != 0:
        encoding, body = "utf-16-le", raw
    elif len(raw) >= 4 and raw[0] == 0 and raw[2] == 0 and raw[1] != 0:
        encoding, body = "utf-16-be", raw
    else:
        encoding, body = "utf-8", raw
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n" if encoding == "utf-8" else b"\n\x00") + 1
        raise ImportFileError(
            f"The file is not UTF-8 or UTF-16 text (line {line} has bytes that are neither). "
            "Save it from your spreadsheet as “CSV UTF-8” and try again."
        ) from exc


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: whichever the header line uses most (outside quotes)."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    counts = Counter(re.sub(r'"[^"]*"', "", header))
    best = max((",", ";", "\t"), key=lambda d: (counts[d], d == ","))
    return best


class Row(NamedTuple):
    """One data row and the line of the file it starts on."""

    line: int
    cells: list[str]


# Above the longest note (validation.MAX_NOTES_CHARS) and within a 32-bit C long (Windows).
MAX_FIELD_CHARS = 2**31 - 1


def read_rows(text: str) -> tuple[list[str], list[Row]]:
    """The header and the non-empty data rows, each with the line it starts on."""
    delimiter = sniff_delimiter(text)
    # Notes may be 10,000,000 characters; the csv module stops at 131,072 by default.
    if csv.field_size_limit() < MAX_FIELD_CHARS:
        csv.field_size_limit(MAX_FIELD_CHARS)
    # strict: a quote left open runs to the end of the file; say so instead of taking the
    # rest of the file as one note.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    rows: list[Row] = []
    consumed = 0
    try:
        for cells in reader:
            start = consumed + 1
            consumed = reader.line_num
            if not (cells and cells[0].strip()) and not "".join(cells).strip():
                continue
            if header is None:
                header = [cell.strip().lstrip("\ufeff") for cell in cells]
                continue
            rows.append(Row(start, cells))
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise ImportFileError(
                f"A quote opened on line {consumed + 1} is never closed, so the rest of the "
                "file would be read as one cell. Nothing was imported."
            ) from exc
        raise ImportFileError(f"Line {reader.line_num} cannot be read as CSV: {exc}.") from exc
    if header is None:
        raise ImportFileError("The file is empty: it has no header row and no entries.")
    return header, rows


def detect(header: Sequence[str]) -> SourceKind:
    names = {name.strip().lower() for name in header}
    if {"uuid", "start_local", "utc_offset_min", "muscle_code"} <= names:
        return SourceKind.EPISODES_CSV
    if {"night_of", "reviewed", "cramp_free", "uuid"} <= names:
        return SourceKind.NIGHTS_CSV
    return SourceKind.SPREADSHEET


def read_csv(text: str, context: Context, *, options: CsvOptions) -> Batch:
    header, rows = read_rows(text)
    kind = detect(header)
    if kind is SourceKind.EPISODES_CSV:
        return _read_own_episodes(header, rows, context)
    if kind is SourceKind.NIGHTS_CSV:
        return _read_own_nights(header, rows, context)
    return _read_spreadsheet(header, rows, context, options)


@dataclass(frozen=True)
class CsvOptions:
    """The person's answers for a spreadsheet: day/month order and columns chosen by hand."""

    day_first: bool | None = None
    columns: Mapping[int, str | None] | None = None


# -- reading our own episodes.csv and nights.csv --------------------------------------------


def _cells(header: Sequence[str], row: Row) -> dict[str, str]:
    names = [name.strip().lower() for name in header]
    padded = row.cells + [""] * (len(names) - len(row.cells))
    return {name: restore_neutralised(padded[i]) for i, name in enumerate(names)}


def _utc_cell(text: str, what: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise values.CellError(f"{what} “{text[:30]}” is not an ISO date and time.") from None
    if moment.tzinfo is not None:
        try:
            moment = moment.astimezone(UTC)
        except OverflowError:  # 0001-01-01T00:00+05:00 is before the year 1 in UTC
            raise values.CellError(f"{what} “{text[:30]}” is out of range.") from None
    return moment.replace(tzinfo=None, microsecond=0)


def _uuid_cell(text: str) -> str:
    try:
        return str(uuid.UUID(text.strip()))
    except ValueError:
        raise values.CellError(f"“{text[:40]}” is not a UUID.") from None


def _codes(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def _custom_word(
    kind: str,
    code: str,
    label: str,
    context: Context,
    added: dict[str, set[str]],
    batch: Batch,
) -> None:
    """Learn a word of the person's own that the export carries but this diary lacks."""
    if code in context.codes.get(kind, frozenset()) or code in added.get(kind, set()):
        return
    if not code.startswith(f"custom.{kind}.") or not label.strip() or len(label) > 200:
        return
    existing = context.custom_by_label.get((kind, label.strip().casefold()))
    if existing is not None:
        return
    now = context.now.astimezone(UTC).replace(tzinfo=None, microsecond=0)
    batch.vocabulary.append(
        NewVocabulary(
            code=code,
            kind=kind,
            label=" ".join(label.split()),
            hidden=False,
            uuid=str(uuid.uuid5(SPREADSHEET_NAMESPACE, code)),
            created_utc=now,
            updated_utc=now,
        )
    )
    added.setdefault(kind, set()).add(code)


def _read_own_episodes(header: Sequence[str], rows: list[Row], context: Context) -> Batch:
    batch = Batch(SourceKind.EPISODES_CSV, rows=len(rows))
    added: dict[str, set[str]] = {}
    seen: set[str] = set()
    for row in rows:
        try:
            cells = _cells(header, row)
            new = _own_episode(cells, context, added, batch)
            if new.uuid in seen:
                raise values.CellError("This UUID appears twice in the file.")
            context.check_episode(new.episode, added)
        except (ValueError, ValidationError) as exc:
            batch.errors.append(RowError(row.line, str(exc)))
            continue
        seen.add(new.uuid)
        batch.episodes.append(new)
    return batch


def _own_episode(
    cells: dict[str, str], context: Context, added: dict[str, set[str]], batch: Batch
) -> bulk.NewEpisode:
    try:
        start_local = datetime.strptime(cells["start_local"].strip(), _LOCAL_FORMAT)
    except ValueError:
        start_local = _utc_cell(cells["start_local"], "start_local")
    offset = values.read_whole(cells["utc_offset_min"], what="utc_offset_min", low=-1080, high=1080)
    muscle = cells["muscle_code"].strip()
    _custom_word("muscle", muscle, cells.get("muscle", ""), context, added, batch)
    triggers = _codes(cells.get("trigger_codes", ""))
    trigger_labels = cells.get("triggers", "").split(_LIST_SEPARATOR)
    for i, code in enumerate(triggers):
        label = trigger_labels[i] if len(trigger_labels) == len(triggers) else code
        _custom_word("trigger", code, label, context, added, batch)
    reliefs: list[tuple[str, ReliefRating | None]] = []
    relief_labels = cells.get("reliefs", "").split(_LIST_SEPARATOR)
    for i, part in enumerate(_codes(cells.get("relief_codes", ""))):
        code, _, rating = part.partition("=")
        try:
            rated = ReliefRating(rating.strip()) if rating.strip() else None
        except ValueError:
            raise values.CellError(f"“{rating[:20]}” is not a relief rating.") from None
        label = re.sub(r" \([^)]*\)$", "", relief_labels[i]) if i < len(relief_labels) else code
        _custom_word("relief", code.strip(), label, context, added, batch)
        reliefs.append((code.strip(), rated))
    hydration = cells.get("hydration", "").strip()
    try:
        hydration_value = Hydration(hydration) if hydration else None
        side = Side(cells.get("side", "").strip() or Side.NOT_APPLICABLE.value)
    except ValueError:
        raise values.CellError("The side or hydration is not one cramplog writes.") from None
    duration = cells.get("duration_s", "").strip()
    intensity = cells.get("intensity", "").strip()
    tz = timezone(timedelta(minutes=offset))
    episode = EpisodeInput(
        start=start_local.replace(tzinfo=tz),
        muscle=muscle,
        side=side,
        duration_s=values.read_whole(duration, what="duration_s", low=1, high=86400)
        if duration
        else None,
        intensity=values.read_intensity(intensity) if intensity else None,
        woke_from_sleep=_answer(cells.get("woke_from_sleep", "")),
        activity=cells.get("activity_code", "").strip() or None,
        hydration=hydration_value,
        triggers=tuple(triggers),
        reliefs=tuple(reliefs),
        symptoms=tuple(_codes(cells.get("symptom_codes", ""))),
        notes=cells.get("notes", ""),
        to_review=values.read_yes_no(cells.get("to_review", "")),
        triggers_asked=values.read_yes_no(cells.get("triggers_asked", "")),
        reliefs_asked=values.read_yes_no(cells.get("reliefs_asked", "")),
    )
    if "triggers_asked" not in cells:
        # An export from before unknown answers were kept: undo what the app invented.
        episode = with_legacy_unknowns(episode)
    return bulk.NewEpisode(
        episode=episode,
        start_local=start_local,
        utc_offset_min=offset,
        uuid=_uuid_cell(cells["uuid"]),
        created_utc=_utc_cell(cells.get("created_utc", ""), "created_utc"),
        updated_utc=_utc_cell(cells.get("updated_utc", ""), "updated_utc"),
    )


def _optional(text: str, read: type[float] | type[int], what: str, high: float) -> float | None:
    if not text.strip():
        return None
    if read is int:
        return values.read_whole(text, what=what, low=0, high=int(high))
    return values.read_number(text, what=what, low=0, high=high)


def _optional_flag(text: str) -> bool | None:
    return None if not text.strip() else values.read_yes_no(text)


def _read_own_nights(header: Sequence[str], rows: list[Row], context: Context) -> Batch:
    batch = Batch(SourceKind.NIGHTS_CSV, rows=len(rows))
    seen_nights: set[date] = set()
    for row in rows:
        try:
            cells = _cells(header, row)
            if not cells.get("uuid", "").strip():
                # A night listed only because it has episodes: no day record to import.
                continue
            try:
                night = date.fromisoformat(cells["night_of"].strip())
            except ValueError:
                raise values.CellError("night_of is not an ISO date (YYYY-MM-DD).") from None
            if night in seen_nights:
                raise values.CellError(f"The night of {night} appears twice in the file.")
            exercise = cells.get("exercise", "").strip()
            try:
                exercise_value = Exercise(exercise) if exercise else None
            except ValueError:
                raise values.CellError(f"“{exercise[:20]}” is not an exercise level.") from None
            caffeine = _optional(cells.get("caffeine_drinks", ""), int, "caffeine drinks", 50)
            stress = _optional(cells.get("stress", ""), int, "stress", 10)
            sleep = _optional(cells.get("sleep_disturbance", ""), int, "sleep disturbance", 10)
            awake = _optional(cells.get("minutes_awake", ""), int, "minutes awake", 1440)
            factors = DayFactors(
                reviewed=values.read_yes_no(cells.get("reviewed", "")),
                fluids_l=_optional(cells.get("fluids_l", ""), float, "fluids", 20),
                exercise=exercise_value,
                alcohol_units=_optional(cells.get("alcohol_units", ""), float, "alcohol", 100),
                caffeine_drinks=None if caffeine is None else int(caffeine),
                hot_or_sweating=_optional_flag(cells.get("hot_or_sweating", "")),
                long_standing=_optional_flag(cells.get("long_standing", "")),
                long_sitting=_optional_flag(cells.get("long_sitting", "")),
                stretched_before_bed=_optional_flag(cells.get("stretched_before_bed", "")),
                stress=None if stress is None else int(stress),
                sleep_disturbance=None if sleep is None else int(sleep),
                minutes_awake=None if awake is None else int(awake),
                notes=cells.get("notes", ""),
            )
            validation.check_day(night, factors, today=context.now.date())
            day = bulk.NewDay(
                night_of=night,
                factors=factors,
                uuid=_uuid_cell(cells["uuid"]),
                created_utc=_utc_cell(cells.get("created_utc", ""), "created_utc"),
                updated_utc=_utc_cell(cells.get("updated_utc", ""), "updated_utc"),
            )
        except (ValueError, ValidationError) as exc:
            batch.errors.append(RowError(row.line, str(exc)))
            continue
        seen_nights.add(night)
        batch.days.append(day)
    return batch


# -- reading a spreadsheet kept by hand -----------------------------------------------------

SPREADSHEET_FIELDS = (
    "date",
    "time",
    "start",
    "muscle",
    "side",
    "duration",
    "intensity",
    "woke",
    "notes",
)
FIELD_LABELS = {
    "date": "Date",
    "time": "Time",
    "start": "Date and time",
    "muscle": "Muscle",
    "side": "Side",
    "duration": "Duration",
    "intensity": "Intensity (0-10)",
    "woke": "Woke me",
    "notes": "Notes",
}
_HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "date": ("date", "day", "night", "night of", "date of cramp", "cramp date", "start date"),
    "time": ("time", "start time", "time of day", "clock time", "at", "hour"),
    "start": (
        "start",
        "started",
        "when",
        "date and time",
        "date time",
        "datetime",
        "timestamp",
        "start local",
        "start datetime",
    ),
    "muscle": (
        "muscle",
        "muscles",
        "location",
        "where",
        "body part",
        "area",
        "muscle group",
        "site",
        "muscle code",
    ),
    "side": ("side", "which side", "left right", "left or right", "l r", "laterality"),
    "duration": ("duration", "length", "how long", "lasted", "minutes", "mins", "seconds"),
    "intensity": (
        "intensity",
        "severity",
        "pain",
        "pain score",
        "pain level",
        "score",
        "rating",
        "nrs",
    ),
    "woke": ("woke", "woke me", "woke me up", "woke up", "woken", "woke from sleep", "woke you"),
    "notes": ("notes", "note", "comment", "comments", "remarks", "description", "details"),
}
_BY_HEADER = {name: key for key, names in _HEADER_NAMES.items() for name in names}
_KEYWORDS = {
    "date": "date",
    "time": "time",
    "muscle": "muscle",
    "location": "muscle",
    "side": "side",
    "duration": "duration",
    "intensity": "intensity",
    "severity": "intensity",
    "pain": "intensity",
    "notes": "notes",
    "note": "notes",
    "comments": "notes",
    "comment": "notes",
    "woke": "woke",
}
_UNIT = re.compile(r"[\(\[]([^)\]]*)[\)\]]")


def split_header(header: str) -> tuple[str, str]:
    """A header as (name, unit): "Duration (min)" -> ("duration", "min")."""
    units = _UNIT.findall(header)
    name = _UNIT.sub(" ", header).lower()
    name = " ".join(re.sub(r"[^\w:/]+", " ", name).replace("_", " ").split())
    return name, (units[0].strip().lower() if units else "")


def guess_field(header: str) -> str | None:
    name, _unit = split_header(header)
    if name in _BY_HEADER:
        return _BY_HEADER[name]
    found = {_KEYWORDS[word] for word in name.split() if word in _KEYWORDS}
    return found.pop() if len(found) == 1 else None


def choose_columns(
    header: Sequence[str], chosen: Mapping[int, str | None] | None
) -> tuple[tuple[ColumnChoice, ...], str | None]:
    """How each column is read, and why the person must choose (None when all is clear)."""
    choices = []
    for index, text in enumerate(header):
        _name, unit = split_header(text)
        if chosen is not None and index in chosen:
            field = chosen[index]
        elif chosen is not None:
            field = None
        else:
            field = guess_field(text)
        if field is not None and field not in SPREADSHEET_FIELDS:
            raise ImportFileError(f"There is no field called {field!r} to map a column to.")
        if field == "duration" and not unit:
            name = split_header(text)[0]
            unit = "s" if name == "seconds" else "min" if name in ("minutes", "mins") else ""
        choices.append(ColumnChoice(index, text, field, unit))
    taken = Counter(choice.field for choice in choices if choice.field is not None)
    twice = sorted(field for field, count in taken.items() if count > 1)
    if twice:
        headers = [c.header for c in choices if c.field == twice[0]]
        return tuple(choices), (
            f"More than one column could be the {FIELD_LABELS[twice[0]].lower()}: "
            + ", ".join(f"“{h}”" for h in headers)
            + "."
        )
    if "muscle" not in taken:
        return tuple(choices), "No column was recognised as the muscle."
    if "start" not in taken and "date" not in taken:
        return tuple(choices), "No column was recognised as the date."
    if "start" in taken and "date" in taken:
        return tuple(choices), "Both a date column and a date-and-time column were found."
    return tuple(choices), None


@dataclass
class _DateColumn:
    """Dates of a column, read once, with the day/month order settled across all rows."""

    parsed: list[date | values.NumericDate | values.CellError | None]
    day_first: bool | None
    question: str | None


def _settle_dates(texts: Sequence[str | None], day_first: bool | None) -> _DateColumn:
    """Read every date (None: the row has none to read) and settle the day/month order."""
    parsed: list[date | values.NumericDate | values.CellError | None] = []
    day_evidence = month_evidence = ambiguous = None
    read_date = values.Memo(values.read_date)
    for text in texts:
        if text is None:
            parsed.append(None)
            continue
        try:
            value = read_date(text)
        except values.CellError as exc:
            parsed.append(exc)
            continue
        parsed.append(value)
        if isinstance(value, values.NumericDate):
            if value.must_be_day_first:
                day_evidence = day_evidence or text
            elif value.must_be_month_first:
                month_evidence = month_evidence or text
            elif value.ambiguous:
                ambiguous = ambiguous or text
    question = None
    if day_first is None:
        if day_evidence and month_evidence:
            question = (
                f"Dates are written both day-first (“{day_evidence}”) and month-first "
                f"(“{month_evidence}”); say which order the file uses."
            )
        elif day_evidence:
            day_first = True
        elif month_evidence:
            day_first = False
        elif ambiguous:
            question = (
                f"Is “{ambiguous}” day/month or month/day? Dates in this file could be read "
                "either way; say which order it uses."
            )
    return _DateColumn(parsed, day_first, question)


def _resolve_date(
    value: date | values.NumericDate | values.CellError | None, day_first: bool | None
) -> date:
    if value is None:
        raise values.CellError("The date is empty.")
    if isinstance(value, values.CellError):
        raise value
    if isinstance(value, values.NumericDate):
        if day_first is None:
            # Unsettled, the import is blocked by its date-order question anyway; reading
            # day-first meanwhile still finds the rows' other errors for the dry run.
            day_first = not value.must_be_month_first
        return value.resolve(day_first=day_first)
    return value


# The cells read from each spreadsheet row, in this order; the first is "date" or "start".
_SPREADSHEET_CELLS = ("time", "muscle", "side", "duration", "intensity", "woke", "notes")


def _read_spreadsheet(
    header: Sequence[str], rows: list[Row], context: Context, options: CsvOptions
) -> Batch:
    choices, problem = choose_columns(header, options.columns)
    batch = Batch(SourceKind.SPREADSHEET, rows=len(rows), columns=choices, match_by_moment=True)
    if problem is not None:
        batch.questions[Question.COLUMNS] = problem
        return batch
    index = {choice.field: choice.index for choice in choices if choice.field is not None}
    first = "start" if "start" in index else "date"
    width = len(header)
    # A field without a column reads the empty cell one past the header's last column.
    wanted = [index.get(field, width) for field in (first, *_SPREADSHEET_CELLS)]
    padding = [""] * (width + 1)
    pick = operator.itemgetter(*wanted)
    table: list[list[str]] = []
    for row in rows:
        cells = row.cells
        # In place: the rows are this import's own lists, and copying 100,000 costs time.
        cells.extend(padding[: width + 1 - len(cells)])
        # The row's cells in _SPREADSHEET_CELLS order, stripped.
        table.append([cell.strip() for cell in pick(cells)])
    # Dates are read in a first pass, so a day/month order is settled by the whole file;
    # a cell holding an ISO date and time with an offset needs no settling.
    date_texts: list[str | None] = []
    aware: list[datetime | None] = []
    for cells in table:
        moment = None
        if first == "start":
            moment = values.read_iso_datetime(cells[0])
            if moment is None:
                cells[0], split_time = values.split_date_time(cells[0])
                cells[1] = split_time or cells[1]
        aware.append(moment)
        date_texts.append(None if moment is not None else cells[0])
    dates = _settle_dates(date_texts, options.day_first)
    if dates.question is not None:
        batch.questions[Question.DATE_ORDER] = dates.question
    seconds_per_number = 60
    if "duration" in index:
        unit = values.duration_unit(choices[index["duration"]].unit)
        seconds_per_number = unit if unit is not None else 60
    reader = _SpreadsheetRows(context, dates.day_first, seconds_per_number)
    append = batch.episodes.append
    for row, cells, day, moment in zip(rows, table, dates.parsed, aware, strict=True):
        try:
            append(reader.episode(cells, day, moment))
        except (ValueError, ValidationError) as exc:
            batch.errors.append(RowError(row.line, str(exc)))
    return batch


class _SpreadsheetRows:
    """Turns one spreadsheet row's cells into an episode, checked like a typed one."""

    def __init__(self, context: Context, day_first: bool | None, seconds_per_number: int) -> None:
        self.context = context
        self.day_first = day_first
        self.occurrences: dict[str, int] = {}
        self.muscles: dict[str, object] = {}
        self.now = context.now.astimezone(UTC).replace(tzinfo=None, microsecond=0)
        self.read_time = values.Memo(values.read_time)
        self.read_side = values.Memo(values.read_side)
        self.read_intensity = values.Memo(values.read_intensity)
        self.read_yes_no = values.Memo(values.read_yes_no)
        self.read_duration = values.Memo(
            lambda text: values.read_duration(text, seconds_per_number=seconds_per_number)
        )
        self.zones: dict[timedelta, timezone] = {}
        self.now_in: dict[timezone, datetime] = {}
        self.minutes: dict[timezone, int] = {}
        self.day_zones: dict[date, object] = {}
        # Spreadsheet rows name no words of their own, so the diary's codes are all there is.
        self.check = functools.partial(
            validation.check_episode,
            muscles=context.codes.get("muscle", frozenset()),
            activities=context.codes.get("activity", frozenset()),
            triggers=context.codes.get("trigger", frozenset()),
            reliefs=context.codes.get("relief", frozenset()),
            symptoms=context.codes.get("symptom", frozenset()),
        )

    def muscle(self, text: str) -> tuple[str, Side | None]:
        """The muscle a cell names (and a side written into it: "Left calf"), cached."""
        found = self.muscles.get(text, _UNSEEN)
        if found is _UNSEEN:
            code = self.context.match("muscle", text)
            side: Side | None = None
            if code is None:
                bare, side = values.split_side_from_muscle(text)
                code = self.context.match("muscle", bare) if side is not None else None
            found = self.muscles[text] = None if code is None else (code, side)
        if found is None:
            raise values.CellError(
                f"“{text[:40]}” is not a muscle cramplog knows (try Calf, Foot, Thigh, "
                "Hamstring, Hand...), nor one of your own."
            )
        return found  # type: ignore[return-value]

    def zone(self, offset: timedelta) -> timezone:
        """One tzinfo object per offset, so comparing two moments needs no offset lookups."""
        zone = self.zones.get(offset)
        if zone is None:
            zone = self.zones[offset] = timezone(offset)
            self.now_in[zone] = self.context.now.astimezone(zone)
            self.minutes[zone] = int(offset.total_seconds() // 60)
        return zone

    def zone_of_day(self, day: date) -> timezone | None:
        """The computer's UTC offset all through `day`, or None on a day the clocks change."""
        found = self.day_zones.get(day, _UNSEEN)
        if found is _UNSEEN:
            try:
                early = datetime.combine(day, time(0)).astimezone().utcoffset()
                late = datetime.combine(day, time(23, 59, 59)).astimezone().utcoffset()
            except (OverflowError, OSError, ValueError):
                # The computer's clock library cannot place the day (the year 1, 9999).
                raise values.CellError(f"{day.isoformat()} is out of the range of dates.") from None
            assert early is not None and late is not None
            found = self.day_zones[day] = self.zone(early) if early == late else None
        return found  # type: ignore[return-value]

    def start(
        self, day: date | values.NumericDate | values.CellError | None, time_text: str
    ) -> tuple[datetime, datetime]:
        """A row's moment as (wall-clock time, the same in the computer's zone as it was then)."""
        when = day if type(day) is date else _resolve_date(day, self.day_first)
        if not time_text:
            raise values.CellError("The time is empty; cramplog needs the time of each cramp.")
        local = datetime.combine(when, self.read_time(time_text))
        zone = self.zone_of_day(when)
        if zone is None:
            # A day the clocks change: a wall-clock time they skipped never happened.
            if datetime.fromtimestamp(local.timestamp()) != local:
                raise values.CellError(
                    f"{local:%H:%M} on {when.isoformat()} never happened on this computer's "
                    "clock (the clocks went forward then); check the time."
                )
            offset = local.astimezone().utcoffset()
            assert offset is not None
            zone = self.zone(offset)
        return local, local.replace(tzinfo=zone)

    def episode(
        self,
        cells: list[str],
        day: date | values.NumericDate | values.CellError | None,
        moment: datetime | None,
    ) -> bulk.NewEpisode:
        _when, time_text, muscle_text, side_text, duration, intensity, woke, notes = cells
        if moment is None:
            start_local, start = self.start(day, time_text)
        else:
            aware = moment if moment.tzinfo is not None else moment.astimezone()
            offset = aware.utcoffset()
            assert offset is not None
            start = aware.replace(tzinfo=self.zone(offset), microsecond=0)
            start_local = start.replace(tzinfo=None)
        if not muscle_text:
            raise values.CellError("The muscle is empty.")
        muscle, side_in_muscle = self.muscle(muscle_text)
        side = self.read_side(side_text) if side_text else (side_in_muscle or Side.NOT_APPLICABLE)
        episode = EpisodeInput(
            start=start,
            muscle=muscle,
            side=side,
            duration_s=self.read_duration(duration) if duration else None,
            intensity=self.read_intensity(intensity) if intensity else None,
            # No "woke" cell says nothing about it: unknown, never "no".
            woke_from_sleep=self.read_yes_no(woke) if woke else None,
            notes=notes,
        )
        zone = start.tzinfo
        assert isinstance(zone, timezone)
        self.check(episode, now=self.now_in[zone])
        key = f"{start_local.isoformat(' ')}|{muscle}|{side}"
        seen = self.occurrences[key] = self.occurrences.get(key, 0) + 1
        return bulk.NewEpisode(
            episode=episode,
            start_local=start_local,
            utc_offset_min=self.minutes[zone],
            uuid=name_uuid(f"{key}|{seen}"),
            created_utc=self.now,
            updated_utc=self.now,
        )


_UNSEEN = object()


def iter_fields() -> Iterator[tuple[str, str]]:
    """The spreadsheet fields a column can be mapped to, with their labels."""
    for field in SPREADSHEET_FIELDS:
        yield field, FIELD_LABELS[field]


def export_paths(directory: Path) -> tuple[Path, Path]:
    return directory / EPISODES_FILENAME, directory / NIGHTS_FILENAME
