"""Turn an import file's bytes into what a reader takes: JSON text, or a header and rows.

A file is recognised by its content (`file_kind`), never its name: a CSV in any supported
encoding, or one sheet of an .xlsx or .ods workbook, all become the same header and rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from cramplog.core.errors import ImportFileError
from cramplog.core.translation import _
from cramplog.exchange import csv_format, workbook
from cramplog.exchange.csv_format.rows import Row
from cramplog.exchange.file_kind import FileKind, recognise

_WHITESPACE = b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"


@dataclass(frozen=True)
class Table:
    """A file's header and rows; `sheet` names the workbook sheet they come from, if any."""

    header: list[str]
    rows: list[Row]
    notes: tuple[str, ...] = ()
    sheet: str | None = None
    sheets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    """A file read as far as its kind: JSON text, or a table."""

    json_text: str | None = None
    table: Table | None = None
    notes: tuple[str, ...] = ()


def read_source(raw: bytes, *, sheet: str | None = None) -> Source:
    """What `raw` holds; ImportFileError for an empty, unreadable or unsupported file."""
    if not raw.strip(_WHITESPACE):
        raise ImportFileError(_("The file is empty; there is nothing to import."))
    kind = recognise(raw)
    if kind is not FileKind.TEXT:
        chosen = workbook.read_workbook(raw, kind, sheet)
        table = Table(chosen.header, chosen.rows, (chosen.note,), chosen.name, chosen.names)
        return Source(table=table, notes=table.notes)
    decoded = csv_format.decode_text(raw)
    notes = (decoded.note,) if decoded.note else ()
    if sheet is not None:
        raise ImportFileError(
            _(
                "The file is a text file, not a workbook, so it has no sheets to choose "
                "from; leave out the sheet. Nothing was imported."
            )
        )
    if decoded.text.lstrip("\ufeff \t\r\n").startswith(("{", "[")):
        return Source(json_text=decoded.text, notes=notes)
    header, rows = csv_format.read_rows(decoded.text)
    return Source(table=Table(header, rows, notes), notes=notes)


def read_table(raw: bytes, *, sheet: str | None = None) -> Table:
    """The header and rows of a CSV file or workbook sheet (a JSON file has none)."""
    source = read_source(raw, sheet=sheet)
    if source.table is None:
        raise ImportFileError(_("The file is a JSON export: it has no columns to choose."))
    return source.table
