"""The fast sheet reader gives exactly the rows the general (expat) reader gives, and leaves
to it every part not in the plain shape; both read what openpyxl wrote as its CSV would."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cramplog.core.errors import ImportFileError
from cramplog.exchange.workbook import cells, xlsx, xlsx_fast, xlsx_parts, xlsx_values
from cramplog.exchange.workbook.xlsx_values import CellValues
from tests.unit.exchange.workbook.samples import MAIN_NS, package

TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r"), max_size=12
).filter(lambda text: not text.startswith("="))
VALUES = st.one_of(
    st.none(),
    TEXT,
    st.booleans(),
    st.integers(-(10**12), 10**12),
    # openpyxl writes a float with 16 significant digits at most: keep within them.
    st.floats(-1e6, 1e6).map(lambda number: round(number, 6)),
    st.dates(date(1900, 3, 1), date(9999, 12, 31)),
    st.datetimes(datetime(1900, 3, 1), datetime(9999, 12, 30)).map(
        lambda moment: moment.replace(microsecond=0)
    ),
    st.times().map(lambda clock: clock.replace(microsecond=0)),
    st.integers(0, 10 * 86400).map(lambda seconds: timedelta(seconds=seconds)),
)
FORMATS = {datetime: "yyyy-mm-dd hh:mm", date: "dd/mm/yyyy", time: "hh:mm", timedelta: "[h]:mm:ss"}


def expected(value: object) -> str:
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M:%S}"
    return cells.cell_text(value)


def written(path: Path, rows: list[list[object]], *, write_only: bool) -> Path:
    """What openpyxl writes: shared strings normally, inline strings in write-only mode."""
    book = openpyxl.Workbook(write_only=write_only)
    sheet = book.create_sheet("Log") if write_only else book.active
    for values in rows:
        if write_only:
            line = []
            for value in values:
                cell = openpyxl.cell.WriteOnlyCell(sheet, value=value)
                if type(value) in FORMATS:
                    cell.number_format = FORMATS[type(value)]
                line.append(cell)
            sheet.append(line)
        else:
            sheet.append(values)
    if not write_only:
        for line in sheet.iter_rows():
            for cell in line:
                if type(cell.value) in FORMATS:
                    cell.number_format = FORMATS[type(cell.value)]
    book.save(path)
    return path


def both(raw: bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    fast = xlsx.read(raw, None)
    with monkeypatch.context() as patch:
        patch.setattr(xlsx, "FAST_LIMIT", -1)
        general = xlsx.read(raw, None)
    return fast, general


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.lists(VALUES, max_size=6), min_size=1, max_size=6), st.booleans())
def test_what_openpyxl_wrote_reads_back_as_its_csv_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: list[list[object]], write_only: bool
) -> None:
    # A marker in column A keeps every row (blank rows are left out, as in a CSV).
    table = [[f"row {n}", *values] for n, values in enumerate(rows)]
    raw = written(tmp_path / "book.xlsx", table, write_only=write_only).read_bytes()
    fast, general = both(raw, monkeypatch)
    assert fast == general

    def trimmed(line: list[str]) -> list[str]:
        while line and line[-1] == "":
            line = line[:-1]
        return line

    texts = [[expected(value) for value in line] for line in table]
    # The header's names are read without the spaces around them.
    assert trimmed(fast.header) == trimmed([text.strip() for text in texts[0]])  # type: ignore[attr-defined]
    read = [row.cells for row in fast.rows]  # type: ignore[attr-defined]
    assert [trimmed(line) for line in read] == [trimmed(line) for line in texts[1:]]


PLAIN_ROWS = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Muscle</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Pain</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>calf</t></is></c><c r="B2"><v>7</v></c></row>'
)


@pytest.mark.parametrize(
    "sheet",
    [
        # A comment, a prefixed namespace, cells with no reference, attributes in single
        # quotes: all read by expat instead, to the same rows.
        f'<worksheet xmlns="{MAIN_NS}"><sheetData><!-- a note -->{PLAIN_ROWS}'
        "</sheetData></worksheet>",
        f'<x:worksheet xmlns:x="{MAIN_NS}"><x:sheetData>'
        + PLAIN_ROWS.replace("<", "<x:").replace("<x:/", "</x:")
        + "</x:sheetData></x:worksheet>",
        f'<worksheet xmlns="{MAIN_NS}" xmlns:x="{MAIN_NS}"><sheetData>'
        + PLAIN_ROWS.replace("<c", "<x:c").replace("</c>", "</x:c>")
        + "</sheetData></worksheet>",
        f'<worksheet xmlns="{MAIN_NS}"><sheetData>'
        + PLAIN_ROWS.replace(' r="A2"', "").replace(' r="B2"', "")
        + "</sheetData></worksheet>",
        f"<worksheet xmlns='{MAIN_NS}'><sheetData>"
        + PLAIN_ROWS.replace('"', "'")
        + "</sheetData></worksheet>",
    ],
)
def test_a_part_in_another_shape_is_left_to_expat_and_reads_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sheet: str
) -> None:
    path = package(tmp_path / "odd.xlsx", "", sheet=sheet)
    with zipfile.ZipFile(path) as archive:
        book = xlsx_parts.read_book(archive)
        part = archive.read("xl/worksheets/sheet1.xml")
    assert xlsx_fast.read(part, CellValues(book, "Cramps")) is None
    fast, general = both(path.read_bytes(), monkeypatch)
    assert fast == general
    assert (fast.header, [row.cells for row in fast.rows]) == (  # type: ignore[attr-defined]
        ["Muscle", "Pain"],
        [["calf", "7"]],
    )


def test_the_plain_shape_is_read_by_the_fast_reader(tmp_path: Path) -> None:
    path = package(tmp_path / "plain.xlsx", PLAIN_ROWS)
    with zipfile.ZipFile(path) as archive:
        book = xlsx_parts.read_book(archive)
        part = archive.read("xl/worksheets/sheet1.xml")
    assert xlsx_fast.read(part, CellValues(book, "Cramps")) == [
        (1, ["Muscle", "Pain"]),
        (2, ["calf", "7"]),
    ]


@pytest.mark.parametrize("text", ["a/>b", "x/c>y", "1 < 2 &amp; 3"])
def test_text_that_looks_like_the_end_of_a_cell_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Notes</t></is></c></row>'
        f'<row r="2"><c r="A2" t="inlineStr"><is><t>{text.replace("<", "&lt;")}</t></is></c>'
        '<c r="B2"><v>5</v></c></row>'
    )
    fast, general = both(package(tmp_path / "t.xlsx", rows).read_bytes(), monkeypatch)
    assert fast == general
    assert fast.rows[0].cells == [text.replace("&amp;", "&"), "5"]  # type: ignore[attr-defined]


def test_a_sheet_of_more_rows_and_cells_than_the_fast_reader_holds_is_left_to_expat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Millions of empty cells would each be a tuple in memory here; expat reads them in little.
    monkeypatch.setattr(xlsx_fast, "FAST_ITEMS", 10)
    rows = PLAIN_ROWS + "".join(f'<row r="{n}"><c r="A{n}"/></row>' for n in range(3, 15))
    path = package(tmp_path / "empty.xlsx", rows)
    with zipfile.ZipFile(path) as archive:
        book = xlsx_parts.read_book(archive)
        part = archive.read("xl/worksheets/sheet1.xml")
    assert xlsx_fast.read(part, CellValues(book, "Cramps")) is None
    assert xlsx.read(path.read_bytes(), None).rows[0].cells == ["calf", "7"]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.integers(1, 5).flatmap(
        lambda width: st.lists(
            st.lists(
                st.one_of(
                    VALUES.filter(lambda value: value is not None), st.sampled_from(["", " "])
                ),
                min_size=width,
                max_size=width,
            ),
            min_size=1,
            max_size=6,
        )
    ),
    st.booleans(),
    st.sampled_from([3, xlsx_values.MEMO_SIZE]),
)
def test_rows_all_of_one_width_read_as_the_general_reader_reads_them(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    rows: list[list[object]],
    write_only: bool,
    memo_size: int,
) -> None:
    # Rows with empty cells ("" is written as a cell with no text) inside or at their end,
    # blank rows, and (with a memo of three) more distinct cells than the memo holds: each
    # is cut as the general reader cuts it.
    monkeypatch.setattr(xlsx_fast, "MEMO_SIZE", memo_size)
    header: list[object] = ["Date", "Muscle", "Pain", "Notes", "Side"]
    del header[len(rows[0]) :]
    table = [header, *rows]
    raw = written(tmp_path / "even.xlsx", table, write_only=write_only).read_bytes()
    fast, general = both(raw, monkeypatch)
    assert fast == general


def test_a_sheet_of_rows_of_one_width_keeps_each_rows_number_and_cells(tmp_path: Path) -> None:
    rows = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>calf {n}</t></is></c>'
        f'<c r="B{n}"{"/>" if n == 4 else f"><v>{n}</v></c>"}</row>'
        for n in (2, 4, 7)
    )
    path = package(tmp_path / "even.xlsx", PLAIN_ROWS.split("</row>")[0] + "</row>" + rows)
    with zipfile.ZipFile(path) as archive:
        book = xlsx_parts.read_book(archive)
        part = archive.read("xl/worksheets/sheet1.xml")
    assert xlsx_fast.read(part, CellValues(book, "Cramps")) == [
        (1, ["Muscle", "Pain"]),
        (2, ["calf 2", "2"]),
        (4, ["calf 4"]),  # its last cell is empty: the row ends before it
        (7, ["calf 7", "7"]),
    ]


def outcome(raw: bytes) -> object:
    """What importing the workbook gives: its header and rows, or the message refusing it."""
    try:
        read = xlsx.read(raw, None)
    except ImportFileError as refused:
        return str(refused)
    return read.header, [row.cells for row in read.rows]


def fast_and_general(raw: bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    fast = outcome(raw)
    with monkeypatch.context() as patch:
        patch.setattr(xlsx, "FAST_LIMIT", -1)
        return fast, outcome(raw)


@pytest.mark.parametrize(
    "second_row", ["<row r='2'>", '<row r = "2">', '<row r="2" x="a&amp;b">', '<row  r="2">']
)
def test_a_later_row_started_in_another_way_reads_as_expat_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second_row: str
) -> None:
    rows = PLAIN_ROWS.replace('<row r="2">', second_row)
    fast, general = fast_and_general(package(tmp_path / "r.xlsx", rows).read_bytes(), monkeypatch)
    assert fast == general == (["Muscle", "Pain"], [["calf", "7"]])


DECOY = '<row r="1"><c r="A1" t="inlineStr"><is><t>Decoy</t></is></c></row>'


@pytest.mark.parametrize(
    ("lead", "hidden"),
    [
        ('<?xml version="1.0"?>', f"<!-- <sheetData>{DECOY}</sheetData> -->"),
        ('<?xml version="1.0"?>', f"<?note <sheetData>{DECOY}</sheetData>?>"),
        ('<?xml version="1.0"?>', f"<![CDATA[ <sheetData>{DECOY}</sheetData> ]]>"),
        (f"<?xml-note <sheetData>{DECOY}</sheetData>?>", ""),
    ],
)
@pytest.mark.parametrize("real", [PLAIN_ROWS, ""])
def test_rows_hidden_in_a_comment_before_the_sheet_data_are_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lead: str, hidden: str, real: str
) -> None:
    sheet = (
        f'{lead}<worksheet xmlns="{MAIN_NS}"><sheetPr>{hidden}</sheetPr>'
        f"<sheetData>{real}</sheetData></worksheet>"
    )
    raw = package(tmp_path / "decoy.xlsx", "", sheet=sheet).read_bytes()
    fast, general = fast_and_general(raw, monkeypatch)
    assert fast == general
    assert "Decoy" not in str(fast)
    if real:
        assert fast == (["Muscle", "Pain"], [["calf", "7"]])


@pytest.mark.parametrize(
    "rows",
    [
        PLAIN_ROWS.replace("</row>", "", 1),  # a row left open
        PLAIN_ROWS.replace('<c r="B2">', '<c r="B2" t="n" t="n">'),  # an attribute twice
        PLAIN_ROWS.replace('<row r="2">', '<row r="2" r="2">'),
        PLAIN_ROWS.replace("calf", "ca\x01lf"),  # characters XML forbids
        PLAIN_ROWS.replace("calf", "ca\x0blf"),
        PLAIN_ROWS.replace("<v>7</v>", "<v>7\x01</v>"),
        PLAIN_ROWS.replace("calf", "calf ]]> foot"),
        PLAIN_ROWS.replace("</c></row>", "</c>&</row>", 1),  # stray text
        PLAIN_ROWS.replace("</c></row>", "</c> < </row>", 1),
        PLAIN_ROWS.replace("</c></row>", "</c></c></row>", 1),
        PLAIN_ROWS + "</row>",
    ],
)
def test_damaged_rows_are_refused_as_expat_refuses_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: str
) -> None:
    fast, general = fast_and_general(package(tmp_path / "bad.xlsx", rows).read_bytes(), monkeypatch)
    assert fast == general
    assert isinstance(fast, str)
    assert "damaged" in fast
    assert "nothing was imported" in fast


def test_a_shared_string_numbered_below_zero_is_refused_as_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = PLAIN_ROWS.replace('<c r="B2"><v>7</v></c>', '<c r="B2" t="s"><v>-1</v></c>')
    raw = package(tmp_path / "s.xlsx", rows, strings=["<t>thigh</t>"]).read_bytes()
    fast, general = fast_and_general(raw, monkeypatch)
    assert fast == general
    assert isinstance(fast, str)
    assert "damaged" in fast
    assert "-1" in fast
