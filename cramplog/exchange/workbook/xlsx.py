"""Read a sheet of an .xlsx workbook with openpyxl: cached values, nothing evaluated or fetched.

openpyxl in read-only mode streams the sheet; `data_only` gives the values Excel cached when it
last saved, so a formula is never evaluated, and external links are not even loaded. Its cell
parser is used directly (one openpyxl 3.1 seam, pinned in pyproject): it yields each row's cells
with their style, which tells a date from a date-and-time, and it lets a formula with no cached
value be named instead of read as an empty cell.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from cramplog.core.errors import ImportFileError
from cramplog.exchange.workbook import cells, sheets

_DAMAGED = "The file is a damaged .xlsx workbook ({}); nothing was imported."


class _UncachedFormula(Exception):
    def __init__(self, row: int, column: int) -> None:
        super().__init__(row, column)
        self.row = row
        self.column = column


def read(raw: bytes, wanted: str | None) -> sheets.Sheet:
    """The chosen sheet of the workbook in `raw`; the workbook is closed on every path."""
    import openpyxl  # only a workbook import pays for loading it

    _check_parts(raw)
    try:
        book = openpyxl.load_workbook(
            io.BytesIO(raw), read_only=True, data_only=True, keep_links=False
        )
    # openpyxl meets a damaged file with whatever its zip, XML or descriptor layers raise;
    # none of it is a bug of ours, and each says the same thing to the person.
    except Exception as exc:
        raise ImportFileError(_DAMAGED.format(_reason(exc))) from exc
    try:
        names = list(book.sheetnames)
        index = sheets.pick(names, wanted)
        sheet = book[names[index]]
        path = getattr(sheet, "_worksheet_path", None)
        if path is None:
            raise ImportFileError(
                f"Sheet “{names[index]}” is a chart, not a table; choose another sheet "
                f"({sheets.listed(names)}). Nothing was imported."
            )
        sheets.check_unpacked(book._archive, path, f"Sheet “{names[index]}”")
        grid = _grid(book, sheet, names[index])
        header, rows = sheets.header_and_rows(names, index, grid)
        return sheets.Sheet(names[index], header, rows, sheets.note(names, index), tuple(names))
    finally:
        book.close()


def _check_parts(raw: bytes) -> None:
    """Every part openpyxl loads whole (workbook, styles, shared strings) within the cap."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            for info in archive.infolist():
                if not info.filename.startswith("xl/worksheets/"):
                    sheets.check_unpacked(archive, info.filename, f"The workbook's {info.filename}")
    except zipfile.BadZipFile as exc:
        raise ImportFileError(_DAMAGED.format(exc)) from exc


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    return text or type(exc).__name__


def _grid(book: Any, sheet: Any, name: str) -> list[tuple[int, list[str]]]:
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    parts: dict[int, tuple[bool, bool]] = {}

    def date_parts(style_id: int) -> tuple[bool, bool]:
        if style_id not in parts:
            number_format = book._cell_styles[style_id].numFmtId
            if number_format < BUILTIN_FORMATS_MAX_SIZE:
                text = BUILTIN_FORMATS.get(number_format, "General")
            else:
                text = book._number_formats[number_format - BUILTIN_FORMATS_MAX_SIZE]
            parts[style_id] = cells.format_parts(text)
        return parts[style_id]

    grid: list[tuple[int, list[str]]] = []
    total = 0
    try:
        with sheet._get_source() as source:
            for number, row in _parser(book, sheet, source).parse():
                texts: list[str] = []
                for cell in row:
                    value = cell["value"]
                    if value is None:
                        continue
                    column = cell["column"]
                    if column > len(texts):
                        texts.extend([""] * (column - len(texts)))
                    if cell["data_type"] == "d":
                        shows_date, shows_time = date_parts(cell["style_id"])
                        texts[column - 1] = cells.cell_text(
                            value, shows_date=shows_date, shows_time=shows_time
                        )
                    else:
                        texts[column - 1] = cells.cell_text(value)
                if any(text.strip() for text in texts):
                    total += len(texts)
                    if total > sheets.MAX_CELLS:
                        raise sheets.too_many_cells(name, total)
                    grid.append((number, texts))
    except _UncachedFormula as exc:
        from openpyxl.utils.cell import get_column_letter

        raise ImportFileError(
            f"Cell {get_column_letter(exc.column)}{exc.row} of sheet “{name}” holds a formula "
            "with no saved result (the workbook was written by a program that does not "
            "calculate). Open it in a spreadsheet program and save it, or save it as CSV; "
            "nothing was imported."
        ) from None
    except ImportFileError:
        raise
    except Exception as exc:
        raise ImportFileError(_DAMAGED.format(_reason(exc))) from exc
    return grid


def _parser(book: Any, sheet: Any, source: Any) -> Any:
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class CachedValues(WorkSheetParser):  # type: ignore[misc]
        """openpyxl's parser, refusing a formula cell whose result was never saved."""

        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            if cell["value"] is None and element.find(FORMULA_TAG) is not None:
                raise _UncachedFormula(cell["row"], cell["column"])
            return cell

    return CachedValues(
        source,
        sheet._shared_strings,
        data_only=True,
        epoch=book.epoch,
        date_formats=book._date_formats,
        timedelta_formats=book._timedelta_formats,
    )
