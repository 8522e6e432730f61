"""Read a spreadsheet whose every row is plain column by column: the same episodes, made in C.

Most hand-kept files are nothing but rows of a date, a clock time, a muscle and a few scores.
Read one row at a time (`_SpreadsheetRows.episode`), 100,000 of them took Python a microsecond
for each of a dozen small steps. Here each column is read once per distinct cell and the rows
are put together by `map` and `zip`, in C. The result is exactly what the row-by-row reader
makes (the same episodes, UUIDs, duplicates and words, in the same order); whenever a single row
is not plain (a date left to settle, no clock time, a day the clocks change, a cell that cannot
be read, a row that would fail a check) this reader gives up before it has changed anything the
row-by-row reader would not, and that reader reads the whole file with its own messages.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta, timezone
from itertools import repeat
from operator import itemgetter
from typing import TYPE_CHECKING, TypeVar, cast

from cramplog.core import validation
from cramplog.core.errors import ValidationError
from cramplog.core.records import MAX_DURATION, MAX_INTENSITY, ChecklistKind, EpisodeInput, Side
from cramplog.exchange import stopping
from cramplog.exchange.batch import name_uuids
from cramplog.exchange.csv_format.rows import Row
from cramplog.storage import bulk

if TYPE_CHECKING:
    from cramplog.exchange.csv_format.spreadsheet import _SpreadsheetRows

_LONGEST_DURATION = int(MAX_DURATION.total_seconds())
_T = TypeVar("_T")


def columns(rows: Sequence[Row], wanted: Sequence[int], width: int) -> list[list[str]] | None:
    """The cells of the columns `wanted` (the date's first; `width` for a field with no
    column, read as empty), stripped; None when a row is shorter than the header or a date
    cell holds a time too (the row-by-row reader parts them)."""
    cells = [row.cells for row in rows]
    if not cells or min(map(len, cells)) < width:
        return None
    found = [
        list(map(str.strip, map(itemgetter(index), cells))) if index < width else [""] * len(cells)
        for index in wanted
    ]
    return None if ":" in "".join(found[0]) else found


def episodes(
    reader: _SpreadsheetRows,
    lines: Sequence[int],
    columns: Sequence[Sequence[str]],
    days: Sequence[object],
) -> list[bulk.NewEpisode] | None:
    """The episodes of the rows (their `lines`, their stripped cells in `columns` in the order
    date, time, muscle, side, duration, intensity, woke, notes; their dates read in `days`),
    or None when a row is not plain. Fills `reader.duplicates` as `reader.episode` would."""
    if not lines or any(type(day) is not date for day in days):
        return None
    dated = cast(Sequence[date], days)
    _dates, times, muscle_texts, side_texts, durations, intensities, wokes, notes = columns
    if not all(text[:1].isdigit() for text in times) or not all(muscle_texts):
        return None  # a date-only row, or one with no muscle: read row by row
    try:
        clock = list(map(reader.read_time, times))
        stopping.checkpoint()
        starts, row_zones = _starts(reader, dated, times, clock)
    except (ValueError, ValidationError):
        return None
    starts_local = list(map(datetime.combine, dated, clock))
    if not _in_range(reader, starts, dated):
        return None
    # Each column step takes a few hundred milliseconds at 150,000 rows: a look between them.
    stopping.checkpoint()
    try:
        # Words first, in the order the rows name them: a word of one's own is offered (and
        # numbered) when it is first met, as it is row by row.
        muscles = {text: reader.words.muscle(text) for text in dict.fromkeys(muscle_texts)}
        side_of = _read(reader.read_side, side_texts)
        duration_of = _read(reader.read_duration, durations)
        intensity_of = _read(reader.read_intensity, intensities)
        woke_of = _read(reader.read_yes_no, wokes)
    except (ValueError, ValidationError):
        return None
    stopping.checkpoint()
    if not _passes_checks(reader, muscles, duration_of, intensity_of, notes, starts):
        return None
    stopping.checkpoint()
    codes = [muscles[text][0] for text in muscle_texts]
    sides: list[Side] = [
        cast(Side, side_of[text]) if text else (muscles[muscle][1] or Side.NOT_APPLICABLE)
        for text, muscle in zip(side_texts, muscle_texts, strict=True)
    ]
    return _kept(
        reader,
        lines,
        starts_local,
        codes,
        sides,
        _episode_inputs(
            len(starts),
            start=starts,
            muscle=codes,
            side=sides,
            duration_s=map(duration_of.__getitem__, durations),
            intensity=map(intensity_of.__getitem__, intensities),
            woke_from_sleep=map(woke_of.__getitem__, wokes),
            notes=notes,
        ),
        list(map(reader.minutes.__getitem__, row_zones)),
    )


def _starts(
    reader: _SpreadsheetRows, days: Sequence[date], times: Sequence[str], clock: list[time]
) -> tuple[list[datetime], list[timezone]]:
    """Each row's start in the computer's zone as it was then, and that zone; a cell that
    cannot be read raises (ValueError) as it does row by row."""
    zones = {day: reader.zone_of_day(day) for day in dict.fromkeys(days)}
    row_zones = list(map(zones.__getitem__, days))
    starts = list(map(datetime.combine, days, clock, row_zones))
    if None in zones.values():
        # A day the clocks change has no one offset: its rows are placed one by one (a
        # time the clocks skipped is refused, and the row-by-row reader names it).
        for index in [index for index, zone in enumerate(row_zones) if zone is None]:
            _local, starts[index], _noted = reader.start(days[index], times[index])
            row_zones[index] = cast(timezone, starts[index].tzinfo)
    return starts, cast(list[timezone], row_zones)


# EpisodeInput's fields; it has no __post_init__ for `_episode_inputs` to skip.
_EPISODE_FIELDS = dataclasses.fields(EpisodeInput)
assert not hasattr(EpisodeInput, "__post_init__")


def _episode_inputs(count: int, **columns: Iterable[object]) -> list[EpisodeInput]:
    """`count` episodes as `EpisodeInput(**fields)` makes them, one field at a time: each from
    its column in `columns`, or its default.

    A frozen dataclass's __init__ sets its sixteen fields with sixteen Python calls, 2 µs an
    episode; here each slot is set for all the episodes by one `map` of its descriptor, in C.
    """
    made = list(map(object.__new__, repeat(EpisodeInput, count)))
    for field in _EPISODE_FIELDS:
        given = columns.pop(field.name, None)
        if given is None:
            assert field.default is not dataclasses.MISSING, field.name
            given = repeat(field.default, count)
        deque(map(getattr(EpisodeInput, field.name).__set__, made, given), maxlen=0)
    assert not columns, f"EpisodeInput has no field {next(iter(columns))}"
    return made


def _read(parse: Callable[[str], _T], texts: Sequence[str]) -> dict[str, _T | None]:
    """Each distinct text's value (an empty cell's is None); a bad cell raises."""
    found: dict[str, _T | None] = {text: parse(text) for text in dict.fromkeys(texts) if text}
    found[""] = None
    return found


def _in_range(reader: _SpreadsheetRows, starts: list[datetime], days: Sequence[date]) -> bool:
    """No start in the future or before 1900 (check_episode's first two checks, for all rows)."""
    limit = reader.context.now + validation.FUTURE_TOLERANCE
    return max(starts) <= limit and min(days).year >= 1900


def _passes_checks(
    reader: _SpreadsheetRows,
    muscles: dict[str, tuple[str, Side | None]],
    duration_of: dict[str, int | None],
    intensity_of: dict[str, int | None],
    notes: Sequence[str],
    starts: list[datetime],
) -> bool:
    """Whether every row surely passes validation.check_episode (with no activity and no
    lists); False sends the file to the row-by-row reader, which names the failing row."""
    known = reader.words.codes[ChecklistKind.MUSCLE]
    if not all(code and code in known for code, _side in muscles.values()):
        return False
    durations = [value for value in duration_of.values() if value is not None]
    if not all(type(value) is int and 1 <= value <= _LONGEST_DURATION for value in durations):
        return False
    limit = reader.context.now + validation.FUTURE_TOLERANCE
    if durations and max(starts) + timedelta(seconds=max(durations)) > limit:
        return False
    if not all(
        value is None or (type(value) is int and 0 <= value <= MAX_INTENSITY)
        for value in intensity_of.values()
    ):
        return False
    if max(map(len, notes)) > validation.MAX_NOTES_CHARS:
        return False
    joined = "".join(notes)
    if "\x00" in joined:
        return False
    if not joined.isascii():
        try:
            for text in notes:
                validation.check_notes(text)
        except ValidationError:
            return False
    return True


def _kept(
    reader: _SpreadsheetRows,
    lines: Sequence[int],
    starts_local: list[datetime],
    codes: list[str],
    sides: list[Side],
    entered: Iterable[EpisodeInput],
    minutes: list[int],
) -> list[bulk.NewEpisode]:
    """The episodes of the rows that repeat no earlier row, named as `reader.episode` names them.

    Every row here has its clock time, so a repeat is a row of the same minute, muscle and side
    as an earlier one. The rows kept therefore differ in their moment, muscle or side, and each
    is the first (`|1`) of its name.
    """
    stamps = list(map(datetime.isoformat, starts_local, repeat(" ")))
    names = [
        f"{stamp}|{muscle}|{side}|1"
        for stamp, muscle, side in zip(stamps, codes, sides, strict=True)
    ]
    # The stamp is "YYYY-MM-DD HH:MM:SS" (a time read from a cell has no fraction of a
    # second), so a name without its seconds [16:19] says the minute, muscle and side.
    by_minute = [name[:16] + name[19:] for name in names]
    stopping.checkpoint()
    episodes = list(entered)
    stopping.checkpoint()
    if len(set(by_minute)) < len(by_minute):
        kept = _first_of_each(reader, lines, by_minute)
        episodes = [episodes[index] for index in kept]
        starts_local = [starts_local[index] for index in kept]
        minutes = [minutes[index] for index in kept]
        names = [names[index] for index in kept]
    now = reader.now
    made = zip(episodes, starts_local, minutes, name_uuids(names), repeat(now), repeat(now))
    return list(map(bulk.NewEpisode._make, made))


def _first_of_each(reader: _SpreadsheetRows, lines: Sequence[int], keys: list[str]) -> list[int]:
    """The indexes of the rows whose key no earlier row has; each other row goes to
    `reader.duplicates` as (its line, the line of the first row with its key)."""
    first_lines: dict[str, int] = {}
    kept = []
    for index, (line, key) in enumerate(zip(lines, keys, strict=True)):
        first = first_lines.setdefault(key, line)
        if first != line:
            reader.duplicates.append((line, first))
        else:
            kept.append(index)
    return kept
