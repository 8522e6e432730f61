"""An .xlsx workbook imports as its CSV would: typed cells used as such, and every bad
workbook (formulas never calculated, damaged, enormous, the wrong sheet) refused in one line."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from cramplog import exchange
from cramplog.core.errors import ImportFileError
from cramplog.diary.service import Diary
from cramplog.exchange.workbook import sheets
from cramplog.exchange.workbook import xlsx as xlsx_reader
from tests.unit.exchange.workbook.samples import HEADER, MAIN_NS, package, patched, xlsx

CRAMPS: list[list[object]] = [
    list(HEADER),
    [date(2026, 3, 1), time(2, 10), "Calf", "L", timedelta(minutes=1, seconds=30), 7, "woke me"],
    [date(2026, 3, 3), time(23, 45), "thigh", "right", 2, 4.0, None],
]


def started(plan: exchange.ImportPlan) -> list[tuple[str, str, int | None, int | None]]:
    return [
        (
            f"{e.start_local:%Y-%m-%d %H:%M}",
            e.episode.muscle,
            e.episode.duration_s,
            e.episode.intensity,
        )
        for e in plan.batch.episodes
    ]


def test_date_time_and_duration_cells_import_as_the_moments_they_show(
    diary: Diary, tmp_path: Path
) -> None:
    path = xlsx(tmp_path / "cramps.xlsx", {"Cramps": CRAMPS})
    plan = exchange.plan_import(diary, path)
    assert plan.errors == [] and not plan.questions
    assert started(plan) == [
        ("2026-03-01 02:10", "muscle.calf", 90, 7),
        ("2026-03-03 23:45", "muscle.thigh", 120, 4),
    ]
    exchange.apply_import(diary, plan, back_up=False)
    assert diary.count_episodes() == 2


def test_one_date_and_time_cell_is_read_as_both(diary: Diary, tmp_path: Path) -> None:
    rows: list[list[object]] = [["When", "Muscle"], [datetime(2026, 3, 1, 2, 10), "Calf"]]
    plan = exchange.plan_import(diary, xlsx(tmp_path / "one.xlsx", {"Log": rows}))
    assert [f"{e.start_local:%Y-%m-%d %H:%M}" for e in plan.batch.episodes] == ["2026-03-01 02:10"]


def test_the_dry_run_names_the_sheet_and_the_others(diary: Diary, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "book.xlsx", {"Cramps": CRAMPS, "Meds": [["Name"], ["Mg"]]})
    summary = exchange.plan_import(diary, path).summary()
    assert "Sheet “Cramps” (1 of 2: Cramps, Meds)" in summary


@pytest.mark.parametrize("chosen", ["Cramps", "cramps", "2"])
def test_another_sheet_is_chosen_by_name_or_number(
    diary: Diary, tmp_path: Path, chosen: str
) -> None:
    path = xlsx(tmp_path / "book.xlsx", {"Notes": [["Anything"], ["x"]], "Cramps": CRAMPS})
    plan = exchange.plan_import(diary, path, exchange.ImportOptions(sheet=chosen))
    assert len(plan.batch.episodes) == 2
    assert "Sheet “Cramps” (2 of 2: Notes, Cramps)" in plan.summary()


@pytest.mark.parametrize("chosen", ["Meds", "3", "0"])
def test_a_sheet_the_workbook_lacks_is_refused_with_its_sheets(
    diary: Diary, tmp_path: Path, chosen: str
) -> None:
    path = xlsx(tmp_path / "book.xlsx", {"Notes": [["x"]], "Cramps": CRAMPS})
    with pytest.raises(ImportFileError, match="its sheets are “Notes”, “Cramps”"):
        exchange.plan_import(diary, path, exchange.ImportOptions(sheet=chosen))


def test_a_bad_row_is_named_by_its_row_and_sheet(diary: Diary, tmp_path: Path) -> None:
    rows = [*CRAMPS, [date(2026, 3, 4), time(1, 0), "Calf", "", 1, 99, ""]]
    plan = exchange.plan_import(diary, xlsx(tmp_path / "bad.xlsx", {"Cramps": rows}))
    assert [str(error).split(":")[0] for error in plan.errors] == ["row 4 of sheet “Cramps”"]


def test_empty_rows_keep_the_row_numbers_a_person_sees(diary: Diary, tmp_path: Path) -> None:
    rows: list[list[object]] = [
        *CRAMPS,
        [None],
        [None],
        [date(2026, 3, 9), time(1, 0), "Calf", "", 1, 99],
    ]
    plan = exchange.plan_import(diary, xlsx(tmp_path / "gaps.xlsx", {"Cramps": rows}))
    assert str(plan.errors[0]).startswith("row 6 of sheet “Cramps”")


def test_a_formula_with_no_saved_result_is_named_not_read_as_empty(
    diary: Diary, tmp_path: Path
) -> None:
    rows = [*CRAMPS, [date(2026, 3, 5), time(1, 0), "Calf", "", "=1+1", 3]]
    path = xlsx(tmp_path / "formula.xlsx", {"Cramps": rows})
    with pytest.raises(ImportFileError, match="Cell E4 of sheet “Cramps” holds a formula"):
        exchange.plan_import(diary, path)


def test_a_formula_is_read_by_the_result_excel_saved_never_calculated(
    diary: Diary, tmp_path: Path
) -> None:
    rows = [*CRAMPS, [date(2026, 3, 5), time(1, 0), "Calf", "", "=1+1", 3]]
    path = xlsx(tmp_path / "formula.xlsx", {"Cramps": rows})
    # Excel saved 5 as the result; reading it gives 5, not the 2 the formula would make.
    patched(path, "xl/worksheets/sheet1.xml", b"<f>1+1</f><v />", b"<f>1+1</f><v>5</v>")
    plan = exchange.plan_import(diary, path)
    assert started(plan)[-1] == ("2026-03-05 01:00", "muscle.calf", 300, 3)


def test_a_damaged_workbook_is_refused_in_one_line(diary: Diary, tmp_path: Path) -> None:
    whole = xlsx(tmp_path / "whole.xlsx", {"Cramps": CRAMPS}).read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ImportFileError, match="damaged") as raised:
        exchange.plan_import(diary, path)
    assert "\n" not in str(raised.value)


def test_a_workbook_missing_its_sheet_part_is_refused(diary: Diary, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "book.xlsx", {"Cramps": CRAMPS})
    patched(path, "xl/worksheets/sheet1.xml", b"<sheetData>", b"<sheetData><row r=")
    with pytest.raises(ImportFileError, match=r"damaged \.xlsx workbook"):
        exchange.plan_import(diary, path)


def test_an_enormous_sheet_is_refused_not_read(
    diary: Diary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The caps are millions of cells; smaller caps show the same refusal on a small file.
    monkeypatch.setattr(sheets, "MAX_CELLS", 10)
    path = xlsx(tmp_path / "big.xlsx", {"Cramps": CRAMPS})
    with pytest.raises(ImportFileError, match="holds more than 10 cells"):
        exchange.plan_import(diary, path)


def test_a_sheet_that_unpacks_beyond_the_cap_is_refused_before_it_is_parsed(
    diary: Diary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sheets, "MAX_UNPACKED_BYTES", 1000)
    path = xlsx(tmp_path / "big.xlsx", {"Cramps": CRAMPS * 20})
    with pytest.raises(ImportFileError, match=r"unpacks to \d+ MB, more than"):
        exchange.plan_import(diary, path)


def test_an_empty_sheet_is_refused(diary: Diary, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "empty.xlsx", {"Cramps": []})
    with pytest.raises(ImportFileError, match="Sheet “Cramps” is empty"):
        exchange.plan_import(diary, path)


# Workbooks made part by part: the shapes Excel and others write that openpyxl never does.

DATE_STYLES = (
    '<numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
    '<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="20"/>'
    '<xf numFmtId="46"/><xf numFmtId="22"/></cellXfs>'
)


def cells_of(path: Path, sheet: str | None = None) -> list[tuple[int, list[str]]]:
    chosen = xlsx_reader.read(path.read_bytes(), sheet)
    return [(0, chosen.header)] + [(row.line, row.cells) for row in chosen.rows]


def test_shared_strings_and_rich_text_read_as_their_words(tmp_path: Path) -> None:
    strings = [
        "<t>Muscle</t>",
        "<r><t>left </t></r><r><rPr><b/></rPr><t>calf</t></r>",
        # A phonetic guide (Japanese furigana) is not part of the text.
        "<t>足</t><rPh sb='0' eb='1'><t>あし</t></rPh>",
        "<t>A &amp; B</t>",
    ]
    rows = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>1</v></c></row>'
        '<row r="3"><c r="A3" t="s"><v>2</v></c></row>'
        '<row r="4"><c r="A4" t="s"><v>3</v></c></row>'
    )
    path = package(tmp_path / "s.xlsx", rows, strings=strings)
    assert cells_of(path)[1:] == [(2, ["left calf"]), (3, ["足"]), (4, ["A & B"])]


def test_inline_strings_booleans_and_numbers(tmp_path: Path) -> None:
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Woke</t></is></c></row>'
        '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2"><v>7</v></c>'
        '<c r="C2"><v>1.50</v></c><c r="D2" t="inlineStr"><is><t xml:space="preserve"> '
        "a &lt;b&gt; </t></is></c></row>"
        '<row r="3"><c r="A3" t="b"><v>0</v></c><c r="B3"><v>1E3</v></c></row>'
    )
    path = package(tmp_path / "i.xlsx", rows)
    assert cells_of(path)[1:] == [(2, ["yes", "7", "1.5", " a <b> "]), (3, ["no", "1000"])]


def test_date_cells_in_the_1900_and_the_1904_systems_read_as_the_same_day(
    tmp_path: Path,
) -> None:
    header = '<row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c></row>'
    windows = package(
        tmp_path / "w.xlsx",
        f'{header}<row r="2"><c r="A2" s="1"><v>46082</v></c></row>',
        styles=DATE_STYLES,
    )
    mac = package(
        tmp_path / "m.xlsx",
        f'{header}<row r="2"><c r="A2" s="1"><v>44620</v></c></row>',
        styles=DATE_STYLES,
        workbook_pr='<workbookPr date1904="1"/>',
    )
    assert cells_of(windows)[1] == cells_of(mac)[1] == (2, ["2026-03-01"])


def test_each_date_format_gives_the_parts_it_shows(tmp_path: Path) -> None:
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
        '<row r="2"><c r="A2" s="1"><v>46082.75</v></c><c r="B2" s="2"><v>0.09375</v></c>'
        '<c r="C2" s="3"><v>1.0625</v></c><c r="D2" s="4"><v>46082.09375</v></c>'
        '<c r="E2" t="d"><v>2026-03-01T02:15:00</v></c></row>'
    )
    path = package(tmp_path / "d.xlsx", rows, styles=DATE_STYLES)
    assert cells_of(path)[1] == (
        2,
        ["2026-03-01", "02:15:00", "25:30:00", "2026-03-01 02:15:00", "2026-03-01"],
    )


def test_gaps_in_a_row_are_empty_cells_in_their_columns(tmp_path: Path) -> None:
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c>'
        '<c r="D1" t="inlineStr"><is><t>d</t></is></c></row>'
        '<row r="2"><c r="B2"><v>2</v></c><c r="C2"/><c r="AB2"><v>28</v></c></row>'
        # Cells with no reference follow the one before them.
        '<row><c r="B3"><v>1</v></c><c><v>2</v></c></row>'
    )
    path = package(tmp_path / "g.xlsx", rows)
    assert cells_of(path) == [
        (0, ["a", "", "", "d"]),
        (2, ["", "2", *[""] * 25, "28"]),
        (3, ["", "1", "2"]),
    ]


@pytest.mark.parametrize("error", ["#N/A", "#DIV/0!", "#REF!"])
def test_an_error_cell_is_named_with_its_error(tmp_path: Path, error: str) -> None:
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Pain</t></is></c></row>'
        f'<row r="7"><c r="A7"><v>3</v></c><c r="B7" t="e"><f>1/0</f><v>{error}</v></c></row>'
    )
    path = package(tmp_path / "e.xlsx", rows)
    with pytest.raises(ImportFileError, match=f"Cell B7 of sheet “Cramps” holds the error {error}"):
        xlsx_reader.read(path.read_bytes(), None)


def test_a_formula_without_a_result_is_named_in_any_shape(tmp_path: Path) -> None:
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Pain</t></is></c></row>'
        '<row r="2"><c r="A2"><f>B2*2</f><v>6</v></c><c r="C2" t="str"><f>"a"</f>'
        "<v>a</v></c></row>"
        '<row r="3"><c r="A3"><f>B3*2</f></c></row>'
    )
    path = package(tmp_path / "f.xlsx", rows)
    with pytest.raises(ImportFileError, match="Cell A3 of sheet “Cramps” holds a formula"):
        xlsx_reader.read(path.read_bytes(), None)
    saved = package(tmp_path / "saved.xlsx", rows.replace("<f>B3*2</f>", "<f>B3*2</f><v>8</v>"))
    assert cells_of(saved)[1:] == [(2, ["6", "", "a"]), (3, ["8"])]


def test_a_date_beyond_the_calendar_is_named(tmp_path: Path) -> None:
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c></row>'
        '<row r="2"><c r="A2" s="1"><v>99999999</v></c></row>'
    )
    path = package(tmp_path / "far.xlsx", rows, styles=DATE_STYLES)
    with pytest.raises(ImportFileError, match="Cell A2 of sheet “Cramps” is formatted as a date"):
        xlsx_reader.read(path.read_bytes(), None)


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE worksheet [<!ENTITY leak SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>',
    ],
)
def test_a_part_with_a_document_type_is_refused(tmp_path: Path, doctype: str) -> None:
    sheet = (
        f'<?xml version="1.0"?>{doctype}<worksheet xmlns="{MAIN_NS}"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>'
    )
    path = package(tmp_path / "dtd.xlsx", "", sheet=sheet)
    with pytest.raises(ImportFileError, match="declares a document type"):
        xlsx_reader.read(path.read_bytes(), None)


@pytest.mark.parametrize(
    "reference", ['r="XFE2"', 'r="AAAA2"', 'r="2"', 'r="A2" t="s"><v>99</v></c><c r="B2"']
)
def test_a_damaged_cell_is_refused_in_one_line(tmp_path: Path, reference: str) -> None:
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
        f'<row r="2"><c {reference}><v>1</v></c></row>'
    )
    path = package(tmp_path / "bad.xlsx", rows)
    with pytest.raises(ImportFileError, match=r"damaged \.xlsx workbook") as raised:
        xlsx_reader.read(path.read_bytes(), None)
    assert "\n" not in str(raised.value)


def test_a_chart_sheet_is_named_as_one(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "c.xlsx", {"Cramps": CRAMPS})
    patched(path, "xl/_rels/workbook.xml.rels", b'/worksheet"', b'/chartsheet"')
    with pytest.raises(ImportFileError, match="Sheet “Cramps” is a chart, not a table"):
        xlsx_reader.read(path.read_bytes(), None)
