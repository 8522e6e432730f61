"""The package parts around the sheets: names, relationships, date system, styles, strings."""

from __future__ import annotations

import zipfile
from pathlib import Path

from cramplog.exchange.workbook import serials, xlsx_parts
from tests.unit.exchange.workbook.samples import package, xlsx

STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"


def book_of(path: Path) -> xlsx_parts.Book:
    with zipfile.ZipFile(path) as archive:
        return xlsx_parts.read_book(archive)


def test_sheets_are_listed_in_order_with_their_parts(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "b.xlsx", {"Cramps": [["x"]], "Meds": [["y"]]})
    book = book_of(path)
    assert [(entry.name, entry.part) for entry in book.sheets] == [
        ("Cramps", "xl/worksheets/sheet1.xml"),
        ("Meds", "xl/worksheets/sheet2.xml"),
    ]
    assert book.epoch == serials.WINDOWS_EPOCH


def test_the_1904_date_system_is_noticed(tmp_path: Path) -> None:
    path = package(tmp_path / "m.xlsx", "", workbook_pr='<workbookPr date1904="true"/>')
    assert book_of(path).epoch == serials.MAC_EPOCH


def test_date_styles_come_from_built_in_and_custom_formats(tmp_path: Path) -> None:
    styles = (
        '<numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
        '<numFmt numFmtId="165" formatCode="0.00&quot;d&quot;"/></numFmts>'
        '<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="46"/>'
        '<xf numFmtId="2"/><xf/></cellXfs>'
        # Styles of the named cell styles are not the cells' own: they are not counted.
    )
    path = package(
        tmp_path / "s.xlsx", "", styles=f"<cellStyleXfs><xf numFmtId='14'/></cellStyleXfs>{styles}"
    )
    assert book_of(path).date_styles == {"1": (False, "dd/mm/yyyy"), "3": (True, "[h]:mm:ss")}


def test_a_strict_workbook_reads_like_a_transitional_one(tmp_path: Path) -> None:
    path = package(tmp_path / "strict.xlsx", "", strings=["<t>calf</t>"])
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    main = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data.replace(main, STRICT.encode()))
    book = book_of(path)
    assert [entry.name for entry in book.sheets] == ["Cramps"]
    assert book.strings == ["calf"]
