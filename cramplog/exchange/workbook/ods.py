"""Read a sheet of an .ods workbook (LibreOffice, OpenOffice) with the standard library alone.

An .ods is a zip whose content.xml holds every sheet; zipfile and ElementTree.iterparse stream
it in one pass, so no dependency is needed (odfpy builds the whole document as objects, slowly;
pandas is far too heavy for this). Python's expat parser never resolves an external entity (it
neither reads a file nor fetches anything a DOCTYPE names) and refuses runaway entity expansion.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from typing import IO
from xml.etree import ElementTree

from cramplog.core.errors import ImportFileError
from cramplog.core.translation import N_, _
from cramplog.exchange import stopping
from cramplog.exchange.workbook import cells, sheets

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = f"{{{_TABLE}}}table"
ROW = f"{{{_TABLE}}}table-row"
CELL = f"{{{_TABLE}}}table-cell"
COVERED = f"{{{_TABLE}}}covered-table-cell"
NAME = f"{{{_TABLE}}}name"
ROWS_REPEATED = f"{{{_TABLE}}}number-rows-repeated"
COLUMNS_REPEATED = f"{{{_TABLE}}}number-columns-repeated"
VALUE_TYPE = f"{{{_OFFICE}}}value-type"
VALUE = f"{{{_OFFICE}}}value"
DATE_VALUE = f"{{{_OFFICE}}}date-value"
TIME_VALUE = f"{{{_OFFICE}}}time-value"
BOOLEAN_VALUE = f"{{{_OFFICE}}}boolean-value"
PARAGRAPH = f"{{{_TEXT}}}p"
SPACES = f"{{{_TEXT}}}s"
SPACE_COUNT = f"{{{_TEXT}}}c"
TAB = f"{{{_TEXT}}}tab"
LINE_BREAK = f"{{{_TEXT}}}line-break"
# A hostile file could ask for a billion spaces in one <text:s text:c="…"/>.
MAX_SPACES = 1000

_DAMAGED = N_("The file is a damaged .ods workbook ({reason}); nothing was imported.")
_DURATION = re.compile(r"(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$")


def read(raw: bytes, wanted: str | None) -> sheets.Sheet:
    """The chosen sheet (first by default) of the .ods workbook in `raw`."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            if "content.xml" not in archive.namelist():
                raise ImportFileError(_(_DAMAGED).format(reason=_("it has no content.xml")))
            sheets.check_unpacked(archive, "content.xml", _("The workbook's content"))
            with archive.open("content.xml") as content:
                names, grids = _Reader(wanted).read(content)
    except (zipfile.BadZipFile, ElementTree.ParseError, EOFError, OSError) as exc:
        raise ImportFileError(_(_DAMAGED).format(reason=exc)) from exc
    index = sheets.pick(names, wanted)
    header, rows = sheets.header_and_rows(names, index, grids.get(index, []))
    return sheets.Sheet(names[index], header, rows, sheets.note(names, index), tuple(names))


class _Reader:
    """One pass over content.xml: every sheet's name, and the rows of the sheets asked for."""

    def __init__(self, wanted: str | None) -> None:
        self.key = None if wanted is None or not wanted.strip() else wanted.strip().casefold()
        self.names: list[str] = []
        self.grids: dict[int, list[tuple[int, list[str]]]] = {}
        self.grid: list[tuple[int, list[str]]] | None = None
        self.row_number = 0
        self.cells_read = 0
        self.row: list[str] = []
        self.empties = 0  # empty cells seen since the row's last non-empty one
        self.rows_read = 0

    def read(self, content: IO[bytes]) -> tuple[list[str], dict[int, list[tuple[int, list[str]]]]]:
        parents: list[ElementTree.Element] = []
        for event, element in ElementTree.iterparse(content, events=("start", "end")):
            if event == "start":
                if element.tag == TABLE:
                    # Spreadsheet programs keep names short; a hostile one is cut for messages.
                    name = element.get(NAME) or f"Sheet{len(self.names) + 1}"
                    self._start_table(" ".join(name.split())[:100])
                elif element.tag == ROW:
                    self.row, self.empties = [], 0
                parents.append(element)
                continue
            parents.pop()
            if self.grid is not None:
                if element.tag in (CELL, COVERED):
                    self._end_cell(element)
                elif element.tag == ROW:
                    self._end_row(element)
                    self.rows_read += 1
                    if not self.rows_read & 1023:
                        stopping.checkpoint()
            if element.tag in (CELL, COVERED, ROW) and parents:
                # Done with: drop it, so a sheet of any length is read in little memory.
                parents[-1].remove(element)
            elif element.tag == TABLE:
                self.grid = None
                element.clear()
        return self.names, self.grids

    def _start_table(self, name: str) -> None:
        index = len(self.names)
        self.names.append(name)
        self.row_number = 0
        self.cells_read = 0
        wanted = (
            index == 0
            if self.key is None
            else name.casefold() == self.key or (self.key.isdigit() and int(self.key) == index + 1)
        )
        self.grid = self.grids.setdefault(index, []) if wanted else None

    def _end_cell(self, element: ElementTree.Element) -> None:
        repeat = _count(element.get(COLUMNS_REPEATED))
        text = _cell_text(element) if element.tag == CELL else ""
        if not text.strip():
            # Trailing empty cells are never laid out: LibreOffice repeats one to column 1024.
            self.empties += repeat
            return
        width = len(self.row) + self.empties + repeat
        if self.cells_read + width > sheets.MAX_CELLS:
            raise sheets.too_many_cells(self.names[-1], self.cells_read + width)
        self.row.extend([""] * self.empties)
        self.row.extend([text] * repeat)
        self.empties = 0
        element.clear()

    def _end_row(self, element: ElementTree.Element) -> None:
        repeat = _count(element.get(ROWS_REPEATED))
        first = self.row_number + 1
        self.row_number += repeat
        if not self.row:
            # Empty rows, however many are repeated (a million below the data), add nothing.
            return
        self.cells_read += len(self.row) * repeat
        if self.cells_read > sheets.MAX_CELLS:
            raise sheets.too_many_cells(self.names[-1], self.cells_read)
        assert self.grid is not None
        for number in range(first, first + repeat):
            self.grid.append((number, list(self.row)))


def _count(text: str | None) -> int:
    try:
        return max(1, int(text)) if text else 1
    except ValueError:
        return 1


def _cell_text(element: ElementTree.Element) -> str:
    """The cell's value as text: typed values written canonically, else its paragraphs."""
    kind = element.get(VALUE_TYPE)
    value: str | None = None
    if kind in ("float", "percentage", "currency"):
        value = _number(element.get(VALUE))
    elif kind == "date":
        value = _date(element.get(DATE_VALUE))
    elif kind == "time":
        value = _duration(element.get(TIME_VALUE))
    elif kind == "boolean" and element.get(BOOLEAN_VALUE) in ("true", "false"):
        value = "yes" if element.get(BOOLEAN_VALUE) == "true" else "no"
    if value is not None:
        return value
    return "\n".join(_paragraph(p) for p in element.iter(PARAGRAPH))


def _number(text: str | None) -> str | None:
    try:
        return cells.number_text(float(text)) if text else None
    except ValueError:
        return None


def _date(text: str | None) -> str | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return cells.cell_text(moment, shows_time="T" in text)


def _duration(text: str | None) -> str | None:
    """`PT01H30M00S` as `01:30:00` (a time of day or a duration: h:mm:ss reads as either)."""
    match = _DURATION.match(text or "")
    if match is None:
        return None
    sign, days, hours, minutes, seconds = match.groups()
    total = round(
        int(days or 0) * 86400
        + int(hours or 0) * 3600
        + int(minutes or 0) * 60
        + float(seconds or 0)
    )
    hours_total, rest = divmod(total, 3600)
    return f"{'-' if sign else ''}{hours_total:02d}:{rest // 60:02d}:{rest % 60:02d}"


def _paragraph(element: ElementTree.Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == SPACES:
            parts.append(" " * min(_count(child.get(SPACE_COUNT)), MAX_SPACES))
        elif child.tag == TAB:
            parts.append("\t")
        elif child.tag == LINE_BREAK:
            parts.append("\n")
        else:  # text:span, text:a and the like hold text of their own
            parts.append(_paragraph(child))
        parts.append(child.tail or "")
    return "".join(parts)
