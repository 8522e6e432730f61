"""Turn one .xlsx cell, as stored, into the text a CSV of the same sheet would hold.

Both sheet readers (xlsx_fast, xlsx_stream) hand each cell here: its attributes (`t` the type,
`s` the style), the text stored in its <v> or inline string, and whether it has a formula.
Converted cells are remembered by (type, style, stored text): a diary repeats its dates,
durations and words, so most cells cost one dictionary look-up.
"""

from __future__ import annotations

from collections.abc import Callable

from cramplog.core.errors import ImportFileError
from cramplog.core.translation import N_, _
from cramplog.exchange.workbook import cells, serials
from cramplog.exchange.workbook.xlsx_parts import DAMAGED, Book

# Bounded, so a hostile sheet of a million distinct numbers cannot fill the memory with it.
MEMO_SIZE = 100_000
_SAVE = N_(
    "Correct it in a spreadsheet program and save it, or save the sheet as "
    "CSV; nothing was imported."
)


class CellValues:
    """Texts of the cells of one sheet of `book` (named `sheet` in messages)."""

    def __init__(self, book: Book, sheet: str) -> None:
        self.book = book
        self.sheet = sheet
        self.memo: dict[tuple[str, str | None, str], str] = {}

    def text(
        self,
        attrs: dict[str, str],
        stored: str | None,
        formula: bool,
        where: Callable[[], str],
    ) -> str | None:
        """The cell's text, or None for an empty cell; a formula with no saved result, an
        error value or a date beyond the calendar is refused naming the cell (`where()`)."""
        kind = attrs.get("t", "n")
        if kind == "inlineStr":
            return stored
        if not stored:
            if formula:
                raise ImportFileError(
                    _(
                        "Cell {where} of sheet “{sheet}” holds a formula with no saved result "
                        "(the workbook was written by a program that does not calculate). Open "
                        "it in a spreadsheet program and save it, or save it as CSV; nothing was "
                        "imported."
                    ).format(where=where(), sheet=self.sheet)
                )
            return None
        if kind == "str":
            return stored
        style = attrs.get("s")
        key = (kind, style, stored)
        found = self.memo.get(key)
        if found is None:
            found = self._convert(kind, style, stored, where)
            if len(self.memo) < MEMO_SIZE:
                self.memo[key] = found
        return found

    def _convert(self, kind: str, style: str | None, stored: str, where: Callable[[], str]) -> str:
        try:
            if kind == "n":
                return self._number(style, _number(stored), where)
            if kind == "s":
                index = int(stored)
                if index < 0:
                    raise IndexError  # not the last string counted from the end: damage
                return self.book.strings[index]
            if kind == "b":
                return cells.cell_text(bool(int(stored)))
            if kind == "d":
                moment = serials.from_iso(stored)
                if moment is not None:
                    dated = self.book.date_styles.get(style or "0")
                    shown = cells.format_parts(dated[1] if dated else "General")
                    return cells.cell_text(moment, shows_date=shown[0], shows_time=shown[1])
            if kind == "e":
                raise ImportFileError(
                    _(
                        "Cell {where} of sheet “{sheet}” holds the error {stored} instead of a "
                        "value. {save}"
                    ).format(where=where(), sheet=self.sheet, stored=stored[:20], save=_(_SAVE))
                )
        except (ValueError, IndexError, OverflowError):
            pass
        raise ImportFileError(
            _(DAMAGED).format(
                reason=_(
                    "cell {where} of sheet “{sheet}” holds “{stored}” as a value of type “{kind}”"
                ).format(where=where(), sheet=self.sheet, stored=stored[:20], kind=kind[:10])
            )
        )

    def _number(self, style: str | None, number: int | float, where: Callable[[], str]) -> str:
        dated = self.book.date_styles.get(style or "0")
        if dated is None:
            return cells.cell_text(number)
        duration, code = dated
        try:
            value = serials.from_serial(number, self.book.epoch, duration=duration)
        except (OverflowError, ValueError):
            raise ImportFileError(
                _(
                    "Cell {where} of sheet “{sheet}” is formatted as a date but holds "
                    "{cell_text}, which is no date on the calendar. {save}"
                ).format(
                    where=where(),
                    sheet=self.sheet,
                    cell_text=cells.cell_text(number),
                    save=_(_SAVE),
                )
            ) from None
        shows_date, shows_time = cells.format_parts(code)
        return cells.cell_text(value, shows_date=shows_date, shows_time=shows_time)


def _number(stored: str) -> int | float:
    """An integer when the stored text has no point or exponent, as the workbook means it."""
    if "." in stored or "E" in stored or "e" in stored:
        return float(stored)
    return int(stored)


def column_letters(column: int) -> str:
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# Excel's last column is XFD; a reference beyond it is damage, not a 16,385th column.
MAX_COLUMN = 16384


def column_number(letters: str) -> int:
    """1 for A, 27 for AA; 0 for anything that is not a column of a sheet."""
    number = 0
    for letter in letters:
        if not "A" <= letter <= "Z":
            return 0
        number = number * 26 + ord(letter) - 64
    return number if number <= MAX_COLUMN else 0
