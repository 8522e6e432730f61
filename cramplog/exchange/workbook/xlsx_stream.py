"""Read any sheet part of an .xlsx through expat, element by element, in little memory.

The general reader: whatever the writer's prefixes, attribute order, comments or encoding, and
however large the part. The common shape of a sheet is read faster by xlsx_fast; this reader
is used for everything else, and for the odd cell xlsx_fast meets (`one_cell`).
"""

from __future__ import annotations

from typing import IO

from cramplog.core.errors import ImportFileError
from cramplog.core.translation import _
from cramplog.exchange import stopping
from cramplog.exchange.workbook import sheets
from cramplog.exchange.workbook.xlsx_parts import DAMAGED, names, parser
from cramplog.exchange.workbook.xlsx_values import CellValues, column_letters, column_number

_TAGS = names("c", "v", "is", "t", "f", "row", "rPh")
Grid = list[tuple[int, list[str]]]


def place(texts: list[str], column: int, text: str) -> None:
    """Put a cell's text in its column; the columns skipped before it are empty."""
    if column > len(texts):
        texts.extend([""] * (column - 1 - len(texts)))
        texts.append(text)
    else:
        texts[column - 1] = text


def keep(grid: Grid, number: int, texts: list[str], total: int, sheet: str) -> int:
    """Add a row that has any text; the running count of cells, refused beyond the cap."""
    if "".join(texts).strip():
        total += len(texts)
        if total > sheets.MAX_CELLS:
            raise sheets.too_many_cells(sheet, total)
        grid.append((number, texts))
    return total


def row_number(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if not 1 <= number <= 1_048_576:
        raise ImportFileError(
            _(DAMAGED).format(reason=_("a row is numbered “{text}”").format(text=text[:20]))
        )
    return number


def reference_column(reference: str) -> int:
    column = column_number(reference.upper().rstrip("0123456789"))
    if not column:
        raise ImportFileError(
            _(DAMAGED).format(
                reason=_("a cell is called “{reference}”").format(reference=reference[:20])
            )
        )
    return column


class _Parts:
    """What expat has told of the cell being read: attributes, stored text, a formula."""

    def __init__(self) -> None:
        self.attrs: dict[str, str] = {}
        self.value: list[str] = []  # the <v> text
        self.inline: list[str] | None = None  # the <is> text, once an <is> is met
        self.capture: list[str] | None = None  # where text goes now, if anywhere
        self.formula = False
        self.phonetic = 0

    def start(self, tag: str | None, found: dict[str, str]) -> None:
        if tag == "c":
            self.attrs = found
            self.value = []
            self.inline = None
            self.formula = False
        elif tag == "v":
            self.capture = self.value
        elif tag == "is":
            self.inline = []
        elif tag == "t" and self.inline is not None and not self.phonetic:
            self.capture = self.inline
        elif tag == "f":
            self.formula = True
        elif tag == "rPh":
            self.phonetic += 1

    def end(self, tag: str | None) -> None:
        if tag == "v" or tag == "t":
            self.capture = None
        elif tag == "rPh":
            self.phonetic -= 1

    def on_text(self, text: str) -> None:
        if self.capture is not None:
            self.capture.append(text)

    def stored(self) -> str | None:
        """The inline string of an inlineStr cell (even empty), else the <v> text if any."""
        if self.attrs.get("t") == "inlineStr":
            return None if self.inline is None else "".join(self.inline)
        return "".join(self.value) if self.value else None


def read(stream: IO[bytes], values: CellValues) -> Grid:
    """Every row with any text in the sheet part, numbered as the workbook numbers it."""
    grid: Grid = []
    cell = _Parts()
    tags = _TAGS.get
    state = {"row": 0, "column": 0, "total": 0}
    texts: list[str] = []

    def on_start(name: str, found: dict[str, str]) -> None:
        nonlocal texts
        tag = tags(name)
        if tag == "row":
            number = found.get("r")
            state["row"] = row_number(number) if number else state["row"] + 1
            state["column"] = 0
            texts = []
        else:
            cell.start(tag, found)

    def on_end(name: str) -> None:
        tag = tags(name)
        if tag == "c":
            reference = cell.attrs.get("r")
            column = reference_column(reference) if reference else state["column"] + 1
            state["column"] = column
            text = values.text(
                cell.attrs,
                cell.stored(),
                cell.formula,
                lambda: f"{column_letters(column)}{state['row']}",
            )
            if text is not None:
                place(texts, column, text)
        elif tag == "row":
            state["total"] = keep(grid, state["row"], texts, state["total"], values.sheet)
            if not len(grid) & 1023:
                stopping.checkpoint()
        else:
            cell.end(tag)

    made = parser()
    made.StartElementHandler = on_start
    made.EndElementHandler = on_end
    made.CharacterDataHandler = cell.on_text
    made.ParseFile(stream)
    return grid


def one_cell(xml: str) -> tuple[dict[str, str], str | None, bool]:
    """(attributes, stored text, has a formula) of a lone <c> element."""
    cell = _Parts()
    tags = _TAGS.get
    made = parser()
    made.StartElementHandler = lambda name, found: cell.start(tags(name), found)
    made.EndElementHandler = lambda name: cell.end(tags(name))
    made.CharacterDataHandler = cell.on_text
    made.Parse(xml, True)
    return cell.attrs, cell.stored(), cell.formula
