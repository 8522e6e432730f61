"""Read a hand-kept spreadsheet: dates settled across rows, each row checked as typed."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, timezone

from cramplog.core import nights, validation
from cramplog.core.errors import ValidationError
from cramplog.core.records import (
    ChecklistKind,
    EpisodeInput,
    Side,
)
from cramplog.core.translation import _
from cramplog.exchange import everyday_words, stopping, values
from cramplog.exchange.batch import (
    Batch,
    ColumnChoice,
    Context,
    Question,
    RowError,
    SourceKind,
    name_uuid,
)
from cramplog.exchange.csv_format import spreadsheet_plain
from cramplog.exchange.csv_format.rows import Row, picked
from cramplog.exchange.csv_format.spreadsheet_columns import (
    SPREADSHEET_FIELDS,
    choose_columns,
    column_values,
    examples,
    guess_by_values,
    split_header,
)
from cramplog.exchange.csv_format.spreadsheet_dates import dates_apart, resolve_date, settle_dates
from cramplog.exchange.csv_format.spreadsheet_words import SpreadsheetWords, new_words_question
from cramplog.storage import bulk


@dataclass(frozen=True)
class CsvOptions:
    """The person's answers for a spreadsheet: day/month order and columns chosen by hand."""

    day_first: bool | None = None
    columns: Mapping[int, str | None] | None = None
    # Create the words that match nothing as words of your own (else they are only offered).
    new_words: bool = False


# The cells read from each spreadsheet row, in this order; the first is "date" or "start".
# (SPREADSHEET_FIELDS' order, which `_SpreadsheetRows.episode` unpacks.)
_SPREADSHEET_CELLS = tuple(field for field in SPREADSHEET_FIELDS if field not in ("date", "start"))
_DETAILS = frozenset(_SPREADSHEET_CELLS[7:])
_PLAIN_CELLS = _SPREADSHEET_CELLS[:7]


def _columns(
    header: Sequence[str], rows: list[Row], context: Context, options: CsvOptions
) -> tuple[tuple[ColumnChoice, ...], str | None]:
    """Each column's field (by the person's choice, else its header, else its values), with
    two of its values, and why the person must choose (None when all is clear)."""
    by_values = None
    if options.columns is None:
        by_values = guess_by_values(
            [column_values(rows, i) for i in range(len(header))], context.match
        )
    choices, problem = choose_columns(header, options.columns, by_values)
    return tuple(replace(c, examples=examples(rows, c.index)) for c in choices), problem


def read_spreadsheet(
    header: Sequence[str], rows: list[Row], context: Context, options: CsvOptions
) -> Batch:
    choices, problem = _columns(header, rows, context, options)
    stopping.checkpoint()  # the columns guessed from every value: a look before the rows
    batch = Batch(SourceKind.SPREADSHEET, rows=len(rows), columns=choices, match_by_moment=True)
    if problem is not None:
        batch.questions[Question.COLUMNS] = problem
        return batch
    index = {choice.field: choice.index for choice in choices if choice.field is not None}
    first = "start" if "start" in index else "date"
    width = len(header)
    # A field without a column reads the empty cell one past the header's last column.
    # Without a column for any of the details (triggers...), rows carry only the first eight.
    fields = _SPREADSHEET_CELLS if index.keys() & _DETAILS else _PLAIN_CELLS
    wanted = [index.get(field, width) for field in (first, *fields)]
    # A file of plain rows (no date-and-time column, no lists) is read column by column; any
    # other, or one with a row that is not plain, row by row.
    columns = None
    if first == "date" and len(fields) == len(_PLAIN_CELLS):
        columns = spreadsheet_plain.columns(rows, wanted, width)
        stopping.checkpoint()
    table: list[list[str]] | None = None
    if columns is None:
        table = picked(rows, wanted, width)
        date_texts, aware = dates_apart(table, first)
    else:
        date_texts, aware = list(columns[0]), [None] * len(rows)
    stopping.checkpoint()
    dates = settle_dates(date_texts, options.day_first)
    stopping.checkpoint()
    if dates.question is not None:
        batch.questions[Question.DATE_ORDER] = dates.question
    if dates.note is not None:
        batch.notes = (*batch.notes, dates.note)
    seconds_per_number = 60
    if "duration" in index:
        unit = values.duration_unit(choices[index["duration"]].unit)
        seconds_per_number = unit if unit is not None else 60
    words = SpreadsheetWords(context, batch, create=options.new_words)
    asks_thirst = "hydration" in index and "thirst" in split_header(header[index["hydration"]])[0]
    reader = _SpreadsheetRows(context, dates.day_first, seconds_per_number, words, asks_thirst)
    plain = None
    if columns is not None:
        plain = spreadsheet_plain.episodes(
            reader, [row.line for row in rows], columns, dates.parsed
        )
    if plain is None:
        if table is None:
            table = list(map(list, zip(*columns or [], strict=True)))
        batch.episodes = _row_by_row(reader, rows, table, dates.parsed, aware, batch.errors)
    else:
        batch.episodes = plain
    batch.duplicates = reader.duplicates
    batch.time_not_noted = reader.time_not_noted
    if batch.new_words and not options.new_words:
        batch.questions[Question.NEW_WORDS] = new_words_question(batch.new_words)
    return batch


def _check_happened(local: datetime, when: date) -> None:
    """Refuse a wall-clock time on the row's date `when` that the clocks went forward over."""
    try:
        happened = datetime.fromtimestamp(local.timestamp()) == local
    except (OverflowError, OSError, ValueError):
        return  # a moment the clock library cannot place is named by the range check
    if not happened:
        raise values.CellError(
            _(
                "{local:%H:%M} on {when} never happened on this computer's clock (the "
                "clocks went forward then); check the time."
            ).format(local=local, when=when.isoformat())
        )


def _row_by_row(
    reader: _SpreadsheetRows,
    rows: list[Row],
    table: list[list[str]],
    days: list[date | values.NumericDate | values.CellError | None],
    aware: list[datetime | None],
    errors: list[RowError],
) -> list[bulk.NewEpisode]:
    """Each row's episode, made one row at a time; a row that cannot be read goes to `errors`."""
    episodes: list[bulk.NewEpisode] = []
    append = episodes.append
    for row, cells, day, moment in zip(rows, table, days, aware, strict=True):
        if not len(episodes) & 1023:
            stopping.checkpoint()
        try:
            new = reader.episode(cells, day, moment, row.line)
        except (ValueError, ValidationError) as exc:
            errors.append(RowError(row.line, str(exc)))
            continue
        if new is not None:
            append(new)
    return episodes


_OUTCOME_WITHOUT_RELIEF = "Relief helped (no method named)"


class _SpreadsheetRows:
    """Turns one spreadsheet row's cells into an episode, checked like a typed one."""

    def __init__(
        self,
        context: Context,
        day_first: bool | None,
        seconds_per_number: int,
        words: SpreadsheetWords,
        asks_thirst: bool,
    ) -> None:
        self.context = context
        self.day_first = day_first
        self.words = words
        self.asks_thirst = asks_thirst
        self.occurrences: dict[str, int] = {}
        self.first_lines: dict[object, int] = {}
        self.duplicates: list[tuple[int, int]] = []
        self.time_not_noted = 0
        self.now = context.now.astimezone(UTC).replace(tzinfo=None, microsecond=0)
        self.read_time = values.Memo(values.read_time)
        self.read_side = values.Memo(values.read_side)
        self.read_intensity = values.Memo(everyday_words.read_intensity)
        self.read_yes_no = values.Memo(values.read_yes_no)
        self.read_duration = values.Memo(
            lambda text: values.read_duration(text, seconds_per_number=seconds_per_number)
        )
        self.zones: dict[timedelta, timezone] = {}
        self.now_in: dict[timezone, datetime] = {}
        self.minutes: dict[timezone, int] = {}
        self.day_zones: dict[date, object] = {}
        # The diary's codes and the words of your own this file offers (they grow as read).
        codes = words.codes
        self.check = functools.partial(
            validation.check_episode,
            muscles=codes[ChecklistKind.MUSCLE],
            activities=codes[ChecklistKind.ACTIVITY],
            triggers=codes[ChecklistKind.TRIGGER],
            reliefs=codes[ChecklistKind.RELIEF],
            symptoms=codes[ChecklistKind.SYMPTOM],
        )

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
                raise values.CellError(
                    _("{day} is out of the range of dates.").format(day=day.isoformat())
                ) from None
            assert early is not None and late is not None
            found = self.day_zones[day] = self.zone(early) if early == late else None
        return found  # type: ignore[return-value]

    def start(
        self, day: date | values.NumericDate | values.CellError | None, time_text: str
    ) -> tuple[datetime, datetime, bool]:
        """A row's moment as (wall-clock time, the same in the computer's zone as it was then,
        whether the time was noted). With no time, or only a time-of-day word, the moment is
        the one `nights.date_only_start` gives the date."""
        when = day if type(day) is date else resolve_date(day, self.day_first)
        # A clock time starts with a digit; only other text can be a word like "evening".
        evening = (
            None
            if time_text[:1].isdigit()
            else everyday_words.time_of_day_word(time_text)
            if time_text
            else False
        )
        if evening is None:
            local = datetime.combine(when, self.read_time(time_text))
        else:
            local = nights.date_only_start(
                when, evening=evening, boundary_hour=self.context.boundary_hour
            )
        zone = self.zone_of_day(local.date())
        if zone is None:
            # A day the clocks change: a wall-clock time they skipped never happened.
            _check_happened(local, when)
            offset = local.astimezone().utcoffset()
            assert offset is not None
            zone = self.zone(offset)
        return local, local.replace(tzinfo=zone), evening is None

    def episode(
        self,
        cells: list[str],
        day: date | values.NumericDate | values.CellError | None,
        moment: datetime | None,
        line: int,
    ) -> bulk.NewEpisode | None:
        """The row's episode, or None when it repeats an earlier row of the file."""
        (_when, time_text, muscle_text, side_text, duration, intensity, woke, notes, *details) = (
            cells
        )
        noted = True
        if moment is None:
            # With no time, notes that are just "evening" (or another such word) say when.
            if not time_text and everyday_words.time_of_day_word(notes) is not None:
                time_text = notes
            zone = (
                self.day_zones.get(day) if type(day) is date and time_text[:1].isdigit() else None
            )
            if isinstance(zone, timezone) and isinstance(day, date):
                # The common row, inline: a date already read, a clock time, a day on which the
                # clocks do not change (known once `start` has met it).
                start_local = datetime.combine(day, self.read_time(time_text))
                start = start_local.replace(tzinfo=zone)
            else:
                start_local, start, noted = self.start(day, time_text)
        else:
            if moment.tzinfo is None:
                # One "Date and time" cell is read as a date and time cells are (`start`).
                _check_happened(moment, moment.date())
            aware = moment if moment.tzinfo is not None else moment.astimezone()
            offset = aware.utcoffset()
            assert offset is not None
            start = aware.replace(tzinfo=self.zone(offset), microsecond=0)
            start_local = start.replace(tzinfo=None)
        if not muscle_text:
            raise values.CellError(_("The muscle is empty."))
        muscle, side_in_muscle = self.words.muscle(muscle_text)
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
            time_noted=noted,
        )
        if any(details):
            episode = self.details(episode, *details)
        zone = start.tzinfo
        assert isinstance(zone, timezone)
        self.check(episode, now=self.now_in[zone])
        stamp = start_local.isoformat(" ")
        key = f"{stamp}|{muscle}|{side}"
        # A repeat: the same minute, muscle and side; for a row with no time (where two
        # cramps of one muscle in a day are quite possible) only a row repeated cell for cell.
        repeat: object = f"{stamp[:16]}|{muscle}|{side}" if noted else tuple(cells)
        first = self.first_lines.setdefault(repeat, line)
        if first != line:
            self.duplicates.append((line, first))
            return None
        if not noted:
            self.time_not_noted += 1
        seen = self.occurrences[key] = self.occurrences.get(key, 0) + 1
        return bulk.NewEpisode(
            episode=episode,
            start_local=start_local,
            utc_offset_min=self.minutes[zone],
            uuid=name_uuid(f"{key}|{seen}"),
            created_utc=self.now,
            updated_utc=self.now,
        )

    def details(
        self,
        episode: EpisodeInput,
        triggers: str,
        reliefs_text: str,
        outcome_text: str,
        activity_text: str,
        hydration: str,
        symptoms_text: str,
    ) -> EpisodeInput:
        """`episode` with its row's triggers, relief methods, activity, hydration and
        symptoms; words the checklist lacks and no word of one's own can hold go to the notes."""
        words = self.words
        outcome = everyday_words.read_relief_rating(outcome_text) if outcome_text else None
        reliefs = words.reliefs(reliefs_text, outcome) if reliefs_text else ()
        extra = [episode.notes] if episode.notes else []
        if outcome is not None and not reliefs:
            extra.append(f"{_OUTCOME_WITHOUT_RELIEF}: {outcome_text}")
        activity = None
        if activity_text:
            activity, kept = words.activity(activity_text)
            if kept:
                extra.append(f"Activity: {kept}")
        symptoms: list[str] = []
        if symptoms_text:
            symptoms, leftovers = words.symptoms(symptoms_text)
            if leftovers:
                extra.append("Symptoms: " + ", ".join(leftovers))
        return replace(
            episode,
            activity=activity,
            hydration=(
                everyday_words.read_hydration(hydration, asks_thirst=self.asks_thirst)
                if hydration
                else None
            ),
            triggers=tuple(words.listed(ChecklistKind.TRIGGER, triggers)[0]) if triggers else (),
            reliefs=reliefs,
            symptoms=tuple(symptoms),
            notes="\n".join(extra),
        )


_UNSEEN = object()
