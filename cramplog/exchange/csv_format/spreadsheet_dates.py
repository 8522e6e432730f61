"""A spreadsheet's dates: the day/month order settled across all rows, never guessed silently.

One date like 25/03/2026 settles it; dates that read either way are asked about, except dotted
ones (06.03.2026), read day first and said so in the dry run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from cramplog.core.translation import N_, _
from cramplog.exchange import values


@dataclass
class DateColumn:
    """Dates of a column, read once, with the day/month order settled across all rows."""

    parsed: list[date | values.NumericDate | values.CellError | None]
    day_first: bool | None
    question: str | None
    note: str | None = None


# Said in the dry run whenever dotted dates settle the order, so the reading is never silent.
DOTTED_DAY_FIRST = N_(
    "Dates written with dots (“{example}”) are read day first, as in the countries that "
    "write dates so; use --month-first if this file means month first."
)


def settle_dates(texts: Sequence[str | None], day_first: bool | None) -> DateColumn:
    """Read every date (None: the row has none to read) and settle the day/month order."""
    parsed: list[date | values.NumericDate | values.CellError | None] = []
    day_evidence = month_evidence = ambiguous = dotted = slashed = None
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
                if value.dotted:
                    dotted = dotted or text
                else:
                    slashed = slashed or text
    question = note = None
    if day_first is None:
        if day_evidence and month_evidence:
            question = _(
                "Dates are written both day-first (“{day_evidence}”) and month-first "
                "(“{month_evidence}”); say which order the file uses."
            ).format(day_evidence=day_evidence, month_evidence=month_evidence)
        elif day_evidence:
            day_first = True
        elif month_evidence:
            day_first = False
        elif dotted and not slashed:
            day_first = True
            note = _(DOTTED_DAY_FIRST).format(example=dotted)
        elif ambiguous:
            question = _(
                "Is “{ambiguous}” day/month or month/day? Dates in this file could be "
                "read either way; say which order it uses."
            ).format(ambiguous=ambiguous)
    return DateColumn(parsed, day_first, question, note)


def resolve_date(
    value: date | values.NumericDate | values.CellError | None, day_first: bool | None
) -> date:
    if value is None:
        raise values.CellError(_("The date is empty."))
    if isinstance(value, values.CellError):
        raise value
    if isinstance(value, values.NumericDate):
        if day_first is None:
            # Unsettled, the import is blocked by its date-order question anyway; reading
            # day-first meanwhile still finds the rows' other errors for the dry run.
            day_first = not value.must_be_month_first
        return value.resolve(day_first=day_first)
    return value


def dates_apart(
    table: list[list[str]], first: str
) -> tuple[list[str | None], list[datetime | None]]:
    """Each row's date text to settle (None for a moment read whole), and that moment.

    Dates are read in a first pass, so a day/month order is settled by the whole file; a
    cell holding an ISO date and time with an offset needs no settling. A date and a time
    in one cell are parted here, in place.
    """
    date_texts: list[str | None] = []
    aware: list[datetime | None] = []
    for cells in table:
        moment = None
        if first == "start":
            moment = values.read_iso_datetime(cells[0])
            if moment is None:
                cells[0], split_time = values.split_date_time(cells[0])
                cells[1] = split_time or cells[1]
        elif cells[0] and cells[0][-1].isdigit() and ":" in cells[0]:
            # A date column whose cells carry a time too (a workbook's date-and-time cell,
            # "2026-03-03 23:45"): the date is the date; the time counts where the time
            # column is empty or absent.
            cells[0], split_time = values.split_date_time(cells[0])
            cells[1] = cells[1] or split_time or ""
        aware.append(moment)
        date_texts.append(None if moment is not None else cells[0])
    return date_texts, aware
