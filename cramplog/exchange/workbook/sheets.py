"""What both workbook readers share: the sheet read, which sheet to read, and the size caps."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass

from cramplog.core import wording
from cramplog.core.errors import ImportFileError
from cramplog.core.translation import _
from cramplog.exchange.csv_format.rows import Row

# A diary of one cramp a night for 270 years is 100,000 rows of a dozen columns. The caps leave
# room for ten times that and refuse, before the sheet is parsed where its size is declared,
# what would take minutes and gigabytes: 100,000 rows × 200 columns is 20,000,000 cells.
MAX_CELLS = 2_500_000
MAX_UNPACKED_BYTES = 256 * 1024 * 1024


class SheetTooLargeError(ImportFileError):
    """A workbook part or sheet beyond the caps; nothing was read into the diary."""


class EmptySheetError(ImportFileError):
    """The sheet chosen has no rows; `sheets` names the workbook's sheets to choose from."""

    def __init__(self, message: str, sheets: tuple[str, ...]) -> None:
        super().__init__(message)
        self.sheets = sheets


@dataclass(frozen=True)
class Sheet:
    """The sheet read: its header, its non-empty rows numbered as the workbook numbers them,
    and a line for the dry run naming it among the workbook's sheets."""

    name: str
    header: list[str]
    rows: list[Row]
    note: str
    names: tuple[str, ...] = ()


def pick(names: Sequence[str], wanted: str | None) -> int:
    """The index of the sheet `wanted` names (a name, any case, or a number from 1)."""
    if not names:
        raise ImportFileError(_("The workbook has no sheets; nothing was imported."))
    if wanted is None or not wanted.strip():
        return 0
    folded = [name.casefold() for name in names]
    key = wanted.strip().casefold()
    if key in folded:
        return folded.index(key)
    if key.isdigit() and 1 <= int(key) <= len(names):
        return int(key) - 1
    raise ImportFileError(
        _(
            "The workbook has no sheet “{wanted}”: its sheets are {sheets} (give a "
            "name or a number from 1 to {count}); nothing was imported."
        ).format(wanted=wanted.strip(), sheets=listed(names), count=len(names))
    )


# A message names at most this many sheets (a hostile workbook may have thousands).
LISTED_SHEETS = 12


def _some(names: Sequence[str], quoted: bool) -> str:
    shown = [f"“{name}”" if quoted else name for name in names[:LISTED_SHEETS]]
    if len(names) > LISTED_SHEETS:
        shown.append(_("and {more} more").format(more=wording.number(len(names) - LISTED_SHEETS)))
    return ", ".join(shown)


def listed(names: Sequence[str]) -> str:
    return _some(names, quoted=True)


def note(names: Sequence[str], index: int) -> str:
    if len(names) == 1:
        return _("Sheet “{sheet}” (the workbook's only sheet).").format(sheet=names[0])
    return _("Sheet “{sheet}” ({number} of {sheets}: {names}).").format(
        sheet=names[index], number=index + 1, sheets=len(names), names=_some(names, quoted=False)
    )


def check_unpacked(archive: zipfile.ZipFile, member: str, what: str) -> None:
    """Refuse a part whose unpacked size is beyond the cap, before a byte of it is unpacked.

    A zip states each part's size; Python's zipfile never unpacks more than that (a part that
    lies about it fails its checksum), so a zip bomb is stopped here.
    """
    size = archive.getinfo(member).file_size
    if size > MAX_UNPACKED_BYTES:
        raise SheetTooLargeError(
            _(
                "{what} unpacks to {size} MB, more than the {limit} MB cramplog "
                "reads from a workbook; nothing was imported. Save the sheet of cramps "
                "on its own as CSV and import that."
            ).format(
                what=what,
                size=wording.number(round(size / 1024 / 1024)),
                limit=wording.number(MAX_UNPACKED_BYTES // 1024 // 1024),
            )
        )


def too_many_cells(sheet: str, cells: int) -> SheetTooLargeError:
    return SheetTooLargeError(
        _(
            "Sheet “{sheet}” holds more than {limit} ({cells} at least), more "
            "than cramplog reads from a workbook; nothing was imported. Delete the "
            "empty or unrelated columns, or save the sheet as CSV."
        ).format(
            sheet=sheet,
            limit=wording.count(MAX_CELLS, "{n} cell", "{n} cells"),
            cells=wording.count(cells, "{n} cell", "{n} cells"),
        )
    )


def header_and_rows(
    names: Sequence[str], index: int, grid: list[tuple[int, list[str]]]
) -> tuple[list[str], list[Row]]:
    """The first non-empty row is the header; the rest keep their workbook row numbers."""
    if not grid:
        others = _(" Its sheets: {sheets}.").format(sheets=listed(names)) if len(names) > 1 else ""
        raise EmptySheetError(
            _("Sheet “{sheet}” is empty: it has no header row and no entries.{others}").format(
                sheet=names[index], others=others
            ),
            tuple(names),
        )
    first_row, header = grid[0]
    del first_row
    # Row._make builds each tuple in C; calling Row() runs Python for each of 100,000 rows.
    return [cell.strip().lstrip("\ufeff") for cell in header], list(map(Row._make, grid[1:]))
