"""Read one sheet of an .xlsx or .ods workbook into a header and rows, as a CSV would give them."""

from __future__ import annotations

from cramplog.exchange.file_kind import FileKind
from cramplog.exchange.workbook import ods, xlsx
from cramplog.exchange.workbook.sheets import (
    MAX_CELLS,
    MAX_UNPACKED_BYTES,
    EmptySheetError,
    Sheet,
    SheetTooLargeError,
)

__all__ = [
    "MAX_CELLS",
    "MAX_UNPACKED_BYTES",
    "EmptySheetError",
    "Sheet",
    "SheetTooLargeError",
    "read_workbook",
]


def read_workbook(raw: bytes, kind: FileKind, sheet: str | None = None) -> Sheet:
    """The chosen sheet (the first if `sheet` is None: a name or a number from 1) of a workbook;
    ImportFileError for a damaged, enormous or formula-only workbook or a sheet it lacks."""
    if kind is FileKind.XLSX:
        return xlsx.read(raw, sheet)
    if kind is FileKind.ODS:
        return ods.read(raw, sheet)
    raise ValueError(f"not a workbook: {kind}")
