"""Workbooks made for tests: .xlsx through openpyxl, .ods written as LibreOffice writes it."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path

import openpyxl

ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)
HEADER = ["Date", "Time", "Muscle", "Side", "Duration", "Intensity", "Notes"]


def xlsx(path: Path, sheets: Mapping[str, Sequence[Sequence[object]]]) -> Path:
    """A workbook whose cells keep their Python types: dates as dates, times as times."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, datetime):
                    cell.number_format = "yyyy-mm-dd hh:mm"
                elif isinstance(cell.value, date):
                    cell.number_format = "dd/mm/yyyy"
                elif isinstance(cell.value, time):
                    cell.number_format = "hh:mm"
                elif isinstance(cell.value, timedelta):
                    cell.number_format = "[h]:mm:ss"
    book.save(path)
    return path


def patched(path: Path, member: str, old: bytes, new: bytes) -> Path:
    """Rewrite one part of a zip (e.g. give a formula the cached value Excel would save)."""
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info)) for info in source.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            target.writestr(info, data.replace(old, new) if info.filename == member else data)
    path.write_bytes(buffer.getvalue())
    return path


def ods(path: Path, tables: str, *, prolog: str = "") -> Path:
    """An .ods whose content.xml holds `tables` (table:table elements) in its spreadsheet."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
        f"<office:document-content {NAMESPACES}><office:body><office:spreadsheet>"
        f"{tables}</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", ODS_MIMETYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", "<manifest/>")
    return path


def ods_cell(text: str = "", **attributes: str) -> str:
    attrs = " ".join(
        f'{key.replace("__", ":").replace("_", "-")}="{value}"' for key, value in attributes.items()
    )
    body = f"<text:p>{text}</text:p>" if text else ""
    return f"<table:table-cell {attrs}>{body}</table:table-cell>"


def ods_table(name: str, rows: Sequence[str]) -> str:
    cells = "".join(f"<table:table-row>{row}</table:table-row>" for row in rows)
    return f'<table:table table:name="{name}">{cells}</table:table>'


def ods_text_row(*texts: str) -> str:
    return "".join(ods_cell(text, office__value_type="string") for text in texts)


MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"


def package(
    path: Path,
    sheet_data: str,
    *,
    strings: Sequence[str] = (),
    styles: str = "",
    workbook_pr: str = "",
    sheet: str = "",
) -> Path:
    """An .xlsx made part by part, for the shapes openpyxl never writes: `sheet_data` is the
    inside of <sheetData>, `strings` the shared strings' <si> bodies, `styles` the inside of
    <styleSheet>, `sheet` a whole sheet part replacing the made one."""
    worksheet = sheet or (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{MAIN_NS}"><sheetData>{sheet_data}</sheetData></worksheet>'
    )
    parts = {
        "[Content_Types].xml": "<Types/>",
        "_rels/.rels": (
            f'<Relationships xmlns="{_PACKAGE}"><Relationship Id="rId1" '
            f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{MAIN_NS}" xmlns:r="{_REL}">{workbook_pr}<sheets>'
            '<sheet name="Cramps" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{_PACKAGE}">'
            f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
            f'<Relationship Id="rId3" Type="{_REL}/styles" Target="styles.xml"/>'
            "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": worksheet,
        "xl/sharedStrings.xml": (
            f'<sst xmlns="{MAIN_NS}">{"".join(f"<si>{s}</si>" for s in strings)}</sst>'
        ),
        "xl/styles.xml": f'<styleSheet xmlns="{MAIN_NS}">{styles}</styleSheet>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path
