"""Read a CSV file's text into a header and rows: encoding, delimiter and quoting."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from typing import NamedTuple

from cramplog.core.errors import ImportFileError


def decode(raw: bytes) -> str:
    """The text of a CSV file: UTF-8 with or without BOM, or UTF-16; ImportFileError if not."""
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
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n" if encoding == "utf-8" else b"\n\x00") + 1
        raise ImportFileError(
            f"The file is not UTF-8 or UTF-16 text (line {line} has bytes that are neither). "
            "Save it from your spreadsheet as “CSV UTF-8” and try again."
        ) from exc


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
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise ImportFileError(
                f"A quote opened on line {consumed + 1} is never closed, so the rest of the "
                "file would be read as one cell. Nothing was imported."
            ) from exc
        raise ImportFileError(f"Line {reader.line_num} cannot be read as CSV: {exc}.") from exc
    if header is None:
        raise ImportFileError("The file is empty: it has no header row and no entries.")
    return header, rows
