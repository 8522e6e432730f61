"""Read a sheet part in the shape Excel, LibreOffice and openpyxl write, in a few passes in C.

A diary of 100,000 rows is 700,000 cells; expat calls Python five times or more for each, which
took longer than the rest of the import together. Here one regular expression finds every row
start and cell in C; plain inline and shared strings come out of it as text, and every other
distinct cell (`s="1" t="n"><v>36526</v>`, its key: the cell without its reference) is
converted once and then looked up. Dates, numbers and words repeat in a diary, so most cells
cost one dictionary look-up, and Python runs once per row, not per cell; for a sheet whose rows
all hold the same cells A, B... (most diaries), the rows are cut by slicing, not even that.

Every assumption is checked, never trusted, so that what this reader accepts is well-formed
XML that expat would read to the same rows: nothing before <sheetData> may be a comment,
CDATA or instruction (the first "<sheetData" is then the element); the row starts, cells and
row ends the expression matched must tile the text between <sheetData> and </sheetData> with
nothing left over; every distinct row start and cell is parsed once by expat in the sheet's
own context, with the XML around the rows; text read by the expression itself holds no
character XML forbids. Anything else (comments, CDATA, other encodings, namespace prefixes
for the sheet's elements, cells without a reference, more rows and cells than FAST_ITEMS)
returns None, and the caller reads the part with xlsx_stream instead, which reads or refuses
it exactly as it would have.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import product
from operator import itemgetter
from string import ascii_uppercase
from xml.parsers import expat

from cramplog.exchange import stopping
from cramplog.exchange.workbook import sheets, xlsx_fast_shape, xlsx_stream
from cramplog.exchange.workbook.xlsx_fast_shape import NotPlain as _NotPlain
from cramplog.exchange.workbook.xlsx_values import MEMO_SIZE, CellValues

_ATTRS = r'((?:\s+[\w:.-]+="[^"<&\t\n\r]*")*)\s*'
_ROW_NUMBER = re.compile(r'\sr="([^"]*)"')
# A row's start: its number when `r` comes first, its other attributes (ending in "/" for a
# row with no cells). Or a cell: its column letters, then the text of a plain inline string,
# or the index of a shared string, or else the rest of the cell up to `/>` or `</c>` (its
# key). A `/` in text is stepped over. Each must be followed by what may follow it: a cell,
# or the row's end and then the next row or the end of the rows (after a row with no cells,
# the next row or the end). An item followed by anything else (a key cut short by a `/>` in
# odd text, stray text, a row left open) is not matched, so the counts in `_Rows.read`
# differ and expat reads the part.
_ITEMS = re.compile(
    r'<row(?: r="([0-9]{1,7})")?'
    r'((?:\s+[\w:.-]+="[^"<&]*")*\s*(?:/(?=>(?:<row|\Z))|(?=>(?:<c |</row>(?:<row|\Z)))))>'
    r'|<c r="([A-Z]{1,3})[0-9]+"(?:'
    r' t="inlineStr"><is><t>([^<&\r]*)</t></is></c>'
    r'|(?: s="[0-9]+")? t="s"><v>([0-9]+)</v></c>'
    r"|([^/]*(?:/(?!c>|>)[^/]*)*/c?>))(?=<c |</row>(?:<row|\Z))"
)
# The plain shapes of a cell's key: empty, or a formula (its text unused: only the result
# saved is read) and/or a value or an inline string with no markup in it.
_PLAIN = re.compile(
    _ATTRS
    + r"(?:/>|>(<f(?:\s[^<>]*)?(?:/>|>[^<]*</f>))?"
    + r"(?:<v>([^<&\r]*)</v>|<is><t(?: xml:space=\"preserve\")?>([^<&\r]*)</t></is>)?</c>)"
)
_ATTR = re.compile(r'([\w:.-]+)="([^"]*)"')
_DECLARED = re.compile(r"""\s*<\?xml[^>]*encoding=["']([\w.-]+)""")
# A..ZZ: the column letters of a row with no gaps, compared in one step.
_LETTERS = tuple(ascii_uppercase) + tuple(a + b for a, b in product(ascii_uppercase, repeat=2))
_PREFIXES = [_LETTERS[:width] for width in range(len(_LETTERS) + 1)]
_EMPTY = object()
_EMPTY_TEXT = {_EMPTY: ""}  # .get(cell, cell): an empty cell's text, any other cell as it is
_OTHER = object()  # a row's start, or a cell read by the expression itself
_INLINE = ' t="inlineStr"><is><t>'
_INLINE_END = "</t></is></c>"


# The most rows and cells (counted as "<row" and "<c") read here. Each is a tuple and a few
# strings (300 to 550 bytes); xlsx_stream holds only the rows with text. A diary of 100,000
# rows of 7 cells is 900,000 (370 MB at its peak here); 1,200,000 empty rows and cells, a few
# hundred KB zipped, peak at 360 MB, and the 2.5 million of a hostile sheet would take 1.3 GB:
# beyond this they are left to xlsx_stream, which reads them in little memory.
FAST_ITEMS = 1_200_000


def read(raw: bytes, values: CellValues) -> xlsx_stream.Grid | None:
    """The rows of the sheet part `raw`, or None if it is not in the plain shape."""
    try:
        text = raw.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:
        return None
    declared = _DECLARED.match(text[:300])
    if declared and declared.group(1).lower() not in ("utf-8", "utf8"):
        return None
    parts = xlsx_fast_shape.split(text)
    if parts is None:
        return None
    before, rows, after = parts
    counts = rows.count("<row"), rows.count("<c")
    if sum(counts) > FAST_ITEMS:
        return None
    try:
        return _Rows(values, xlsx_fast_shape.Around(before, after)).read(rows, *counts)
    except _NotPlain:
        return None


class _Rows:
    def __init__(self, values: CellValues, around: xlsx_fast_shape.Around) -> None:
        self.values = values
        self.around = around
        self.namespace = ""
        # A cell's key → its text, or _EMPTY for a cell with nothing in it.
        self.memo: dict[str, object] = {"": _OTHER}
        self.starts: list[int] = []
        self.some_empty = False  # whether any cell was read as _EMPTY
        self.numbers: list[int] = []

    def read(self, text: str, rows: int, cells: int) -> xlsx_stream.Grid:
        """The rows of `text`, which holds `rows` "<row" and `cells` "<c"."""
        found = _ITEMS.findall(text)
        if not found:
            if text:
                raise _NotPlain
            self.namespace = self.around.namespace([], [])
            return []
        # Column by column through C (itemgetter), a third quicker than zip(*found).
        numbered, inline, shared, keys = (
            list(map(itemgetter(group), found)) for group in (0, 3, 4, 5)
        )
        letters = tuple(map(itemgetter(2), found))
        width = _width(letters, rows)
        starts = (
            [index for index, letter in enumerate(letters) if not letter]
            if width is None
            else list(range(0, len(letters), width + 1))
        )
        if starts[:1] != [0] or len(starts) != rows or len(keys) - len(starts) != cells:
            raise _NotPlain  # a row or cell in a shape the expression does not match
        xlsx_fast_shape.check_tiled(text, inline)
        heads = found[:: width + 1] if width is not None else list(map(found.__getitem__, starts))
        row_starts = {
            f' r="1"{attrs}' if number else attrs
            for number, attrs in set(
                zip(map(bool, map(itemgetter(0), heads)), map(itemgetter(1), heads), strict=True)
            )
        }
        distinct = list(dict.fromkeys(keys))
        self.namespace = self.around.namespace(sorted(row_starts), [key for key in distinct if key])
        self.starts = starts
        self.numbers = _row_numbers(numbered, found, starts)
        texts: list[object]
        if not self._remember(keys, distinct, letters):
            texts = self._merged(self._each(keys, letters), inline, shared)
        elif any(shared):
            texts = self._merged(list(map(self.memo.get, keys)), inline, shared)
        else:
            # No shared strings and every key remembered: the cells the expression read
            # itself (key "") take their inline text, all others their key's, in one map.
            memo = self.memo
            del memo[""]
            try:
                texts = list(map(memo.get, keys, inline))
            finally:
                memo[""] = _OTHER
        if width is not None:
            grid = self._even_rows(width, texts)
            if grid is not None:
                return grid
        return self._rows(letters, texts)

    def _remember(self, keys: list[str], distinct: list[str], letters: tuple[str, ...]) -> bool:
        """Read each distinct key not met before, in the order met; False (having read
        none) when the memo cannot hold them all."""
        memo = self.memo
        unseen = [key for key in distinct if key not in memo]
        if len(memo) + len(unseen) > MEMO_SIZE:
            return False
        if unseen:
            # Where each key is first met (the last of its places, counting backwards).
            first = dict(zip(reversed(keys), range(len(keys) - 1, -1, -1), strict=True))
            for key in unseen:
                self._first(key, letters[first[key]], first[key])
        return True

    def _each(self, keys: list[str], letters: tuple[str, ...]) -> list[object]:
        """Each key's text, one at a time: a sheet with more distinct cells than the memo holds."""
        texts: list[object] = list(map(self.memo.get, keys))
        get = self.memo.get
        for index in [index for index, found in enumerate(texts) if found is None]:
            known = get(keys[index])
            texts[index] = (
                known if known is not None else self._first(keys[index], letters[index], index)
            )
        return texts

    def _merged(self, texts: list[object], inline: list[str], shared: list[str]) -> list[object]:
        """`texts` with each cell the expression read itself (_OTHER) given its text."""
        strings = self.values.book.strings
        try:
            return [
                text if text is not _OTHER else strings[int(number)] if number else words
                for text, words, number in zip(texts, inline, shared, strict=True)
            ]
        except IndexError:
            raise _NotPlain from None  # no such shared string: xlsx_stream names the cell

    def _even_rows(self, width: int, texts: list[object]) -> xlsx_stream.Grid | None:
        """The rows of a sheet whose every row holds the cells A, B... of one `width`, cut
        from `texts` by slicing and zip in C; None when a row ends in an empty cell or is
        blank, or the sheet is too large (`_rows` then reads it row by row, as it reads every
        other sheet)."""
        if not width or len(texts) - len(self.numbers) > sheets.MAX_CELLS:
            return None
        cells = texts.copy()
        del cells[:: width + 1]  # the rows' starts
        if self.some_empty:
            if _EMPTY in cells[width - 1 :: width]:
                return None  # a row's last cells are empty: its line is shorter
            cells = list(map(_EMPTY_TEXT.get, cells, cells))
        lines: list[list[str]] = list(map(list, zip(*[iter(cells)] * width, strict=True)))
        if not all(map(str.strip, map("".join, lines))):
            return None
        return list(zip(self.numbers, lines, strict=True))

    def _rows(self, letters: tuple[str, ...], texts: list[object]) -> xlsx_stream.Grid:
        grid: xlsx_stream.Grid = []
        total = 0
        cap = sheets.MAX_CELLS
        starts = [*self.starts, len(texts)]
        for row, number in enumerate(self.numbers):
            if not row & 1023:
                stopping.checkpoint()
            first, end = starts[row] + 1, starts[row + 1]
            if first == end:
                continue
            cells = texts[first:end]
            width = end - first
            if width >= len(_PREFIXES) or letters[first:end] != _PREFIXES[width]:
                cells = self._placed(letters[first:end], cells)
            elif _EMPTY in cells:
                while cells and cells[-1] is _EMPTY:
                    cells.pop()
                cells = ["" if cell is _EMPTY else cell for cell in cells]
            line: list[str] = cells  # type: ignore[assignment]
            if "".join(line).strip():
                total += len(line)
                if total > cap:
                    raise sheets.too_many_cells(self.values.sheet, total)
                grid.append((number, line))
        return grid

    def _placed(self, letters: tuple[str, ...], texts: list[object]) -> list[object]:
        """A row with gaps, each text in its column."""
        row: list[str] = []
        for letter, text in zip(letters, texts, strict=True):
            if isinstance(text, str):
                xlsx_stream.place(row, xlsx_stream.reference_column(letter), text)
        return row  # type: ignore[return-value]

    def _first(self, key: str, letter: str, index: int) -> object:
        """A cell's text (or _EMPTY) the first time its key is met."""
        if "xmlns" in key:
            raise _NotPlain
        found: object = self._plain_inline(key)
        if found is None:
            number = self.numbers[bisect_right(self.starts, index) - 1]
            found = self._typed(key, letter, number)
        if len(self.memo) < MEMO_SIZE:
            self.memo[key] = found
        self.some_empty = self.some_empty or found is _EMPTY
        return found

    @staticmethod
    def _plain_inline(key: str) -> str | None:
        """The text of a plain inline string cell as openpyxl writes it, else None."""
        if key.startswith(_INLINE) and key.endswith(_INLINE_END):
            inline = key[len(_INLINE) : -len(_INLINE_END)]
            if "<" not in inline and "&" not in inline and "\r" not in inline:
                return inline
        return None

    def _typed(self, key: str, letter: str, number: int) -> object:
        plain = _PLAIN.fullmatch(key)
        if plain is not None:
            attrs = dict(_ATTR.findall(plain.group(1)))
            formula, value, inline = bool(plain.group(2)), plain.group(3), plain.group(4)
            stored = inline if attrs.get("t") == "inlineStr" else value or None
        else:
            try:
                attrs, stored, formula = xlsx_stream.one_cell(
                    f'<c xmlns="{self.namespace}" r="{letter}{number}"{key}'
                )
            except expat.ExpatError:
                # Text holding a bare `/>` or `/c>` cuts a key short: xlsx_stream reads it.
                raise _NotPlain from None
        text = self.values.text(attrs, stored, formula, lambda: f"{letter}{number}")
        return _EMPTY if text is None else text


def _width(letters: tuple[str, ...], rows: int) -> int | None:
    """The number of cells in each row when every row holds the cells A, B... of the same
    number (the expression gives a row's start no letters), else None."""
    if not letters or letters[0]:
        return None
    try:
        width = letters.index("", 1) - 1 if rows > 1 else len(letters) - 1
    except ValueError:
        return None  # a later row's start is not one the expression matched
    if width >= len(_PREFIXES) or letters != ("", *_PREFIXES[width]) * rows:
        return None
    return width


def _row_numbers(
    numbered: Sequence[str], items: Sequence[tuple[str, ...]], starts: list[int]
) -> list[int]:
    """Each row's number: its `r` (first, else among the other attributes of its start in
    `items`, what the expression found), else one more than the row before."""
    given = [numbered[start] for start in starts]
    if "" not in given:
        numbers = list(map(int, given))
        if min(numbers) >= 1 and max(numbers) <= 1_048_576:
            return numbers
    numbers = []
    number = 0
    for start in starts:
        found = _ROW_NUMBER.search(items[start][1])
        if numbered[start] or found:
            number = xlsx_stream.row_number(numbered[start] or (found.group(1) if found else ""))
        else:
            number += 1
        numbers.append(number)
    return numbers
