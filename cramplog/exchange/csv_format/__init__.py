"""CSV: write episodes.csv and nights.csv, and read them back or read a hand-kept spreadsheet.

The columns are documented in docs/formats.md and only ever gain columns at the end.
"""

from __future__ import annotations

from collections.abc import Sequence

from cramplog.exchange.batch import Batch, Context, SourceKind
from cramplog.exchange.csv_format.columns import (
    EPISODE_COLUMNS,
    EPISODES_FILENAME,
    FORMULA_STARTS,
    NIGHT_COLUMNS,
    NIGHTS_FILENAME,
    export_paths,
    neutralise,
    restore_neutralised,
)
from cramplog.exchange.csv_format.own_files import read_own_episodes, read_own_nights
from cramplog.exchange.csv_format.rows import (
    MAX_FIELD_CHARS,
    Decoded,
    Row,
    decode,
    decode_text,
    read_rows,
    sniff_delimiter,
)
from cramplog.exchange.csv_format.spreadsheet import CsvOptions, read_spreadsheet
from cramplog.exchange.csv_format.spreadsheet_columns import (
    FIELD_LABELS,
    SPREADSHEET_FIELDS,
    choose_columns,
    guess_field,
    iter_fields,
    split_header,
)
from cramplog.exchange.csv_format.writer import Labels, write_episodes, write_nights

__all__ = [
    "EPISODES_FILENAME",
    "EPISODE_COLUMNS",
    "FIELD_LABELS",
    "FORMULA_STARTS",
    "MAX_FIELD_CHARS",
    "NIGHTS_FILENAME",
    "NIGHT_COLUMNS",
    "SPREADSHEET_FIELDS",
    "CsvOptions",
    "Decoded",
    "Labels",
    "Row",
    "choose_columns",
    "decode",
    "decode_text",
    "detect",
    "export_paths",
    "guess_field",
    "iter_fields",
    "neutralise",
    "read_csv",
    "read_rows",
    "read_table",
    "restore_neutralised",
    "sniff_delimiter",
    "split_header",
    "write_episodes",
    "write_nights",
]


def detect(header: Sequence[str]) -> SourceKind:
    names = {name.strip().lower() for name in header}
    if {"uuid", "start_local", "utc_offset_min", "muscle_code"} <= names:
        return SourceKind.EPISODES_CSV
    if {"night_of", "reviewed", "cramp_free", "uuid"} <= names:
        return SourceKind.NIGHTS_CSV
    return SourceKind.SPREADSHEET


def read_csv(text: str, context: Context, *, options: CsvOptions) -> Batch:
    header, rows = read_rows(text)
    return read_table(header, rows, context, options=options)


def read_table(
    header: list[str], rows: list[Row], context: Context, *, options: CsvOptions
) -> Batch:
    """The records of a header and rows, from a CSV file or a workbook's sheet."""
    kind = detect(header)
    if kind is SourceKind.EPISODES_CSV:
        return read_own_episodes(header, rows, context)
    if kind is SourceKind.NIGHTS_CSV:
        return read_own_nights(header, rows, context)
    return read_spreadsheet(header, rows, context, options)
