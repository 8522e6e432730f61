"""Read a CSV file's text into a header and rows: encoding, delimiter and quoting."""

from __future__ import annotations

import csv
import io
import operator
import re
from collections import Counter
from typing import NamedTuple

from cramplog.core.errors import ImportFileError
from cramplog.core.translation import _
from cramplog.exchange import stopping


class Decoded(NamedTuple):
    """A text file's text, and a note for the dry run when its encoding was a fallback."""

    text: str
    note: str | None = None


def decode(raw: bytes) -> str:
    """The text of a CSV file (see `decode_text`)."""
    return decode_text(raw).text


# Control characters no spreadsheet writes into a CSV: a file full of them is binary.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# A stray control character in a cell is that row's problem (told with its line); dozens
# making up a share of the text mean the file is no text at all.
_BINARY_SHARE = 0.02
_BINARY_LEAST = 64


def decode_text(raw: bytes) -> Decoded:
    """UTF-8 with or without BOM, or UTF-16; else Windows-1252 (said in the note).

    Excel's "CSV" in much of Europe is Windows-1252; bytes that are not UTF-8 are read as
    that, and the dry run says so, since a wrongly guessed encoding shows in the words.
    """
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
    note = None
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding != "utf-8":
            line = body[: exc.start].count(b"\n\x00") + 1
            raise ImportFileError(
                _(
                    "The file is not UTF-16 text (line {line} has bytes that are not). Save "
                    "it from your spreadsheet as “CSV UTF-8” and try again."
                ).format(line=line)
            ) from exc
        text = _windows_1252(body)
        _refuse_binary(text)  # random bytes are no text, before they look like mixed text
        _refuse_mixed(body, exc.start)
        note = _("Read as Windows-1252: the file is not UTF-8.")
    _refuse_binary(text)
    return Decoded(text, note)


# A character UTF-8 writes with two to four bytes. Windows-1252 text almost never holds
# these byte pairs ("Ã©" is one), so finding one means the file is UTF-8 at least in part.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _refuse_mixed(body: bytes, bad: int) -> None:
    """Refuse a UTF-8 file with a stray byte: read as Windows-1252, its every accented
    character would be garbled ("Café" as "CafÃ©"), and either reading would be a guess."""
    for found in _UTF8_MULTIBYTE.finditer(body):
        try:
            sample = found.group().decode("utf-8")
        except UnicodeDecodeError:  # the pattern's shape, yet no character (a surrogate)
            continue
        bad_line = body[:bad].count(b"\n") + 1
        good_line = body[: found.start()].count(b"\n") + 1
        raise ImportFileError(
            _(
                "The file mixes encodings: line {good_line} is UTF-8 (“{sample}”), but "
                "line {bad_line} has a byte that is not, so neither reading is safe. Fix "
                "line {bad_line}, or save the file again as “CSV UTF-8”. Nothing was "
                "imported."
            ).format(good_line=good_line, sample=sample, bad_line=bad_line)
        )


def _windows_1252(body: bytes) -> str:
    try:
        return body.decode("cp1252")
    except UnicodeDecodeError as exc:
        # Five bytes mean nothing in Windows-1252 either: neither reading fits.
        line = body[: exc.start].count(b"\n") + 1
        raise ImportFileError(
            _(
                "The file is neither UTF-8 nor Windows-1252 text (line {line} has bytes "
                "that are neither). Save it from your spreadsheet as “CSV UTF-8” and try "
                "again."
            ).format(line=line)
        ) from exc


def _refuse_binary(text: str) -> None:
    if "\x00" in text:
        raise ImportFileError(_("The file holds NUL characters, so it is not a text file."))
    sample = text[:65536]
    controls = len(_BINARY.findall(sample))
    if controls >= _BINARY_LEAST and controls > _BINARY_SHARE * len(sample):
        raise ImportFileError(
            _(
                "The file is not text: it holds control bytes no spreadsheet writes. "
                "cramplog imports a cramplog export, a CSV file, or an .xlsx or .ods "
                "workbook; nothing was imported."
            )
        )


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
            if not len(rows) & 1023:  # a few milliseconds of rows between two looks
                stopping.checkpoint()
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise ImportFileError(
                _(
                    "A quote opened on line {line} is never closed, so the rest of the file "
                    "would be read as one cell. Nothing was imported."
                ).format(line=consumed + 1)
            ) from exc
        raise ImportFileError(
            _("Line {line_num} cannot be read as CSV: {reason}.").format(
                line_num=reader.line_num, reason=exc
            )
        ) from exc
    if header is None:
        raise ImportFileError(_("The file is empty: it has no header row and no entries."))
    return header, rows


def picked(rows: list[Row], wanted: list[int], width: int) -> list[list[str]]:
    """Each row's cells of the columns `wanted`, in that order, stripped; a row shorter than
    the header's `width` is padded (a field with no column reads the empty cell past it)."""
    padding = [""] * (width + 1)
    pick = operator.itemgetter(*wanted)
    table: list[list[str]] = []
    for row in rows:
        cells = row.cells
        # In place: the rows are this import's own lists, and copying 100,000 costs time.
        cells.extend(padding[: width + 1 - len(cells)])
        table.append(list(map(str.strip, pick(cells))))
    return table
