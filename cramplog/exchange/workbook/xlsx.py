"""Read a sheet of an .xlsx workbook with the standard library: cached values, nothing evaluated.

A formula is never evaluated: its cell is read by the result the spreadsheet program saved, and
one saved without a result is named instead of read as empty. Nothing outside the file is ever
fetched, and a part declaring a document type is refused (xlsx_parts). The sheet is read by
xlsx_fast when it has the plain shape spreadsheet programs write, else by xlsx_stream; both
give the same rows. openpyxl, used before, parsed every cell in Python: a sheet of 100,000
rows took it three times as long as all the rest of the import.
"""

from __future__ import annotations

import io
import zipfile
from xml.parsers import expat

from cramplog.core import collector
from cramplog.core.errors import ImportFileError
from cramplog.core.translation import _
from cramplog.exchange.workbook import sheets, xlsx_fast, xlsx_stream
from cramplog.exchange.workbook.xlsx_parts import DAMAGED, DoctypeRefused, read_book
from cramplog.exchange.workbook.xlsx_values import CellValues

# xlsx_fast holds the part and its text in memory at once; a larger one is streamed.
FAST_LIMIT = 96 * 1024 * 1024


def read(raw: bytes, wanted: str | None) -> sheets.Sheet:
    """The chosen sheet (first by default) of the .xlsx workbook in `raw`."""
    # A sheet is hundreds of thousands of new lists and tuples, none in a cycle.
    with collector.paused():
        return _read(raw, wanted)


def _read(raw: bytes, wanted: str | None) -> sheets.Sheet:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            _check_parts(archive)
            book = read_book(archive)
            listed = [entry.name for entry in book.sheets]
            index = sheets.pick(listed, wanted)
            part = book.sheets[index].part
            if part is None:
                raise ImportFileError(
                    _(
                        "Sheet “{sheet}” is a chart, not a table; choose another sheet "
                        "({sheets}). Nothing was imported."
                    ).format(sheet=listed[index], sheets=sheets.listed(listed))
                )
            sheets.check_unpacked(archive, part, _("Sheet “{sheet}”").format(sheet=listed[index]))
            values = CellValues(book, listed[index])
            grid = None
            if archive.getinfo(part).file_size <= FAST_LIMIT:
                grid = xlsx_fast.read(archive.read(part), values)
            if grid is None:
                with archive.open(part) as stream:
                    grid = xlsx_stream.read(stream, values)
    except DoctypeRefused:
        raise ImportFileError(
            _(DAMAGED).format(
                reason=_("a part declares a document type, which a workbook never does")
            )
        ) from None
    except (zipfile.BadZipFile, expat.ExpatError, EOFError, OSError, KeyError) as exc:
        raise ImportFileError(_(DAMAGED).format(reason=_reason(exc))) from exc
    header, rows = sheets.header_and_rows(listed, index, grid)
    return sheets.Sheet(listed[index], header, rows, sheets.note(listed, index), tuple(listed))


def _check_parts(archive: zipfile.ZipFile) -> None:
    """Every part read whole (workbook, styles, shared strings) within the cap."""
    for info in archive.infolist():
        if not info.filename.startswith("xl/worksheets/"):
            sheets.check_unpacked(
                archive,
                info.filename,
                _("The workbook's {filename}").format(filename=info.filename),
            )


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    return text or type(exc).__name__
