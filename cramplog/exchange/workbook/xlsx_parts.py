"""Read the small parts of an .xlsx package: its sheets, date system, styles and shared strings.

An .xlsx is a zip of XML parts tied together by relationship files. Each part is read with
Python's expat parser (in C) and a handler or two, never into a tree. A part declaring a
document type is refused: spreadsheet XML never has one, and refusing it stops entity tricks
(expat would neither fetch an external entity nor expand a runaway one, but nothing needs them).
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.parsers import expat

from cramplog.core.errors import ImportFileError
from cramplog.core.translation import N_, _
from cramplog.exchange.workbook import serials

# Transitional (Excel, LibreOffice, openpyxl) and strict OOXML name the same elements
# in different namespaces; expat reports a name as "namespace local" (see `parser`).
MAIN = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
_RELS_NS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DAMAGED = N_("The file is a damaged .xlsx workbook ({reason}); nothing was imported.")


def names(*local: str) -> dict[str, str]:
    """Expat's names of these spreadsheet elements in either namespace, to their local name."""
    return {f"{ns} {name}": name for ns in MAIN for name in local}


class DoctypeRefused(Exception):
    """A part declared a document type (see the module docstring)."""


def _refuse(*_args: object) -> None:
    raise DoctypeRefused


def parser() -> Any:
    """An expat parser with namespaces resolved, text buffered and any DOCTYPE refused."""
    made = expat.ParserCreate(namespace_separator=" ")
    made.buffer_text = True
    made.buffer_size = 65536
    made.StartDoctypeDeclHandler = _refuse
    return made


def parse(
    archive: zipfile.ZipFile, member: str, start: Callable[[str, dict[str, str]], None]
) -> None:
    """Run `start` on every element of a small part (attributes are all it needs)."""
    made = parser()
    made.StartElementHandler = start
    with archive.open(member) as stream:
        made.ParseFile(stream)


@dataclass(frozen=True)
class SheetEntry:
    """A sheet as the workbook lists it: its name and its part (None for a chart sheet)."""

    name: str
    part: str | None


@dataclass
class Book:
    """What every sheet's cells need from the rest of the package."""

    sheets: list[SheetEntry]
    epoch: Any  # serials.WINDOWS_EPOCH or serials.MAC_EPOCH
    strings: list[str]
    # Style index → (is a date, is a span, the number format's code) for date styles only.
    date_styles: dict[str, tuple[bool, str]]


def read_book(archive: zipfile.ZipFile) -> Book:
    members = set(archive.namelist())
    book_part = _office_document(archive, members)
    folder = posixpath.dirname(book_part)
    rels = _relationships(archive, members, book_part)
    sheet_ids: list[tuple[str, str]] = []
    date1904 = [False]

    def on_workbook(name: str, attrs: dict[str, str]) -> None:
        local = name.rpartition(" ")[2]
        if local == "sheet" and name.partition(" ")[0] in MAIN:
            rid = next((v for k, v in attrs.items() if k.partition(" ")[0] in _RELS_NS), "")
            # Spreadsheet programs keep names short; a hostile one is cut for messages.
            sheet_name = " ".join(attrs.get("name", "").split())[:100]
            sheet_ids.append((sheet_name or f"Sheet{len(sheet_ids) + 1}", rid))
        elif local == "workbookPr":
            date1904[0] = attrs.get("date1904", "").strip().lower() in ("1", "true")

    parse(archive, book_part, on_workbook)
    entries = []
    for sheet_name, rid in sheet_ids:
        kind, target = rels.get(rid, ("", ""))
        part = _resolve(folder, target) if kind.endswith("/worksheet") else None
        entries.append(SheetEntry(sheet_name, part if part in members else None))
    strings_part = _first(rels, "/sharedStrings", folder)
    styles_part = _first(rels, "/styles", folder)
    return Book(
        entries,
        serials.MAC_EPOCH if date1904[0] else serials.WINDOWS_EPOCH,
        read_strings(archive, strings_part) if strings_part in members else [],
        read_date_styles(archive, styles_part) if styles_part in members else {},
    )


def _office_document(archive: zipfile.ZipFile, members: set[str]) -> str:
    found = "xl/workbook.xml"
    if "_rels/.rels" in members:
        for kind, target in _read_rels(archive, "_rels/.rels").values():
            if kind.endswith("/officeDocument"):
                found = _resolve("", target)
    if found not in members:
        raise ImportFileError(_(DAMAGED).format(reason=_("it has no workbook part")))
    return found


def _relationships(
    archive: zipfile.ZipFile, members: set[str], part: str
) -> dict[str, tuple[str, str]]:
    folder, base = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{base}.rels")
    return _read_rels(archive, rels) if rels in members else {}


def _read_rels(archive: zipfile.ZipFile, member: str) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}

    def on_element(name: str, attrs: dict[str, str]) -> None:
        if name == f"{_PACKAGE_RELS} Relationship" and attrs.get("TargetMode") != "External":
            found[attrs.get("Id", "")] = (attrs.get("Type", ""), attrs.get("Target", ""))

    parse(archive, member, on_element)
    return found


def _resolve(folder: str, target: str) -> str:
    """A relationship's target as a zip member name (targets are relative or from the root)."""
    joined = target[1:] if target.startswith("/") else posixpath.join(folder, target)
    return posixpath.normpath(joined).lstrip("/")


def _first(rels: dict[str, tuple[str, str]], kind: str, folder: str) -> str:
    for rel_kind, target in rels.values():
        if rel_kind.endswith(kind):
            return _resolve(folder, target)
    return ""


def read_date_styles(archive: zipfile.ZipFile, member: str) -> dict[str, tuple[bool, str]]:
    """The cell styles (by their `s` index) whose number format shows a date or time."""
    custom: dict[int, str] = {}
    style_formats: list[int] = []
    inside = [""]
    main = names("numFmt", "cellXfs", "xf")

    def on_element(name: str, attrs: dict[str, str]) -> None:
        local = main.get(name)
        if local == "numFmt":
            custom[_number(attrs.get("numFmtId"))] = attrs.get("formatCode", "")
        elif local == "cellXfs":
            inside[0] = "cellXfs"
        elif local == "xf" and inside[0] == "cellXfs":
            style_formats.append(_number(attrs.get("numFmtId")))

    def on_end(name: str) -> None:
        if main.get(name) == "cellXfs":
            inside[0] = ""

    made = parser()
    made.StartElementHandler = on_element
    made.EndElementHandler = on_end
    with archive.open(member) as stream:
        made.ParseFile(stream)
    dated: dict[str, tuple[bool, str]] = {}
    for index, format_id in enumerate(style_formats):
        code = custom.get(format_id, serials.BUILTIN_DATE_FORMATS.get(format_id))
        if code is not None and serials.is_date_format(code):
            dated[str(index)] = (serials.is_duration_format(code), code)
    return dated


def _number(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return -1


def read_strings(archive: zipfile.ZipFile, member: str) -> list[str]:
    """The shared strings, each the text of its runs (phonetic guides left out)."""
    strings: list[str] = []
    parts: list[str] = []
    state = [False, 0]  # capturing text; depth inside a phonetic run
    main = names("si", "t", "rPh")

    def on_start(name: str, attrs: dict[str, str]) -> None:
        local = main.get(name)
        if local == "t":
            state[0] = not state[1]
        elif local == "si":
            parts.clear()
        elif local == "rPh":
            state[1] += 1

    def on_end(name: str) -> None:
        local = main.get(name)
        if local == "t":
            state[0] = False
        elif local == "si":
            # `_x005F_` escapes a literal `_x…_`; openpyxl drops the escape and so do we.
            strings.append("".join(parts).replace("x005F_", ""))
        elif local == "rPh":
            state[1] -= 1

    def on_text(text: str) -> None:
        if state[0]:
            parts.append(text)

    made = parser()
    made.StartElementHandler = on_start
    made.EndElementHandler = on_end
    made.CharacterDataHandler = on_text
    with archive.open(member) as stream:
        made.ParseFile(stream)
    return strings
