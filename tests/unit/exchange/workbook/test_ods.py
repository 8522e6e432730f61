"""An .ods workbook (LibreOffice) imports as its CSV would: typed values, repeated cells and
rows laid out, the million empty rows LibreOffice writes skipped, hostile XML refused."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from cramplog import exchange
from cramplog.core.errors import ImportFileError
from cramplog.diary.service import Diary
from cramplog.exchange.workbook import ods as ods_reader
from cramplog.exchange.workbook import sheets
from tests.unit.exchange.workbook.samples import ods, ods_cell, ods_table, ods_text_row

HEADER = ods_text_row("Date", "Time", "Muscle", "Duration", "Intensity", "Notes")
FIRST = (
    ods_cell("01/03/26", office__value_type="date", office__date_value="2026-03-01")
    + ods_cell("02:10", office__value_type="time", office__time_value="PT02H10M00S")
    + ods_cell("Calf", office__value_type="string")
    + ods_cell("0:01:30", office__value_type="time", office__time_value="PT00H01M30S")
    + ods_cell("7", office__value_type="float", office__value="7")
    + '<table:table-cell office:value-type="string"><text:p>woke me</text:p>'
    '<text:p>twice<text:s text:c="3"/>then slept</text:p></table:table-cell>'
)
# Two rows alike: one row element repeated.
REPEATED = (
    '<table:table-row table:number-rows-repeated="2">'
    + ods_cell("x", office__value_type="date", office__date_value="2026-03-02")
    + ods_cell("x", office__value_type="time", office__time_value="PT23H45M")
    + ods_cell("Thigh", office__value_type="string")
    + ods_cell("2", office__value_type="float", office__value="2.0")
    + ods_cell("4", office__value_type="float", office__value="4")
    + "</table:table-row>"
)
# What LibreOffice writes below the data: one row standing for a million empty ones, each
# with one cell standing for the rest of the 1,024 columns.
TRAILING = (
    '<table:table-row table:number-rows-repeated="1048000">'
    '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
)


def table(name: str = "Cramps", *, extra: str = "") -> str:
    return (
        f'<table:table table:name="{name}">'
        f"<table:table-row>{HEADER}</table:table-row>"
        f"<table:table-row>{FIRST}</table:table-row>{REPEATED}{extra}{TRAILING}</table:table>"
    )


def test_typed_cells_and_repeats_import_as_they_show(diary: Diary, tmp_path: Path) -> None:
    path = ods(tmp_path / "cramps.ods", table())
    plan = exchange.plan_import(diary, path)
    assert plan.errors == []
    assert [
        (f"{e.start_local:%Y-%m-%d %H:%M}", e.episode.muscle, e.episode.duration_s)
        for e in plan.batch.episodes
    ] == [
        ("2026-03-01 02:10", "muscle.calf", 90),
        # The repeated row is the same cramp twice: imported once.
        ("2026-03-02 23:45", "muscle.thigh", 120),
    ]
    assert plan.batch.episodes[0].episode.notes == "woke me\ntwice   then slept"
    assert "Sheet “Cramps” (the workbook's only sheet)." in plan.summary()


def test_repeated_rows_are_rows_of_their_own(tmp_path: Path) -> None:
    raw = ods(tmp_path / "cramps.ods", table()).read_bytes()
    sheet = ods_reader.read(raw, None)
    assert [row.line for row in sheet.rows] == [2, 3, 4]
    assert sheet.rows[1].cells == ["2026-03-02", "23:45:00", "Thigh", "2", "4"]


def test_a_date_and_time_cell_and_an_empty_cell_between_values(tmp_path: Path) -> None:
    row = (
        ods_cell("x", office__value_type="date", office__date_value="2026-03-02T23:45:00")
        + ods_cell(table__number_columns_repeated="2")
        + ods_cell("Calf", office__value_type="string")
        + ods_cell("yes", office__value_type="boolean", office__boolean_value="true")
        + ods_cell("1,5", office__value_type="float", office__value="1.5")
    )
    raw = ods(tmp_path / "one.ods", ods_table("S", [ods_text_row("When"), row])).read_bytes()
    cells = ods_reader.read(raw, None).rows[0].cells
    assert cells == ["2026-03-02 23:45:00", "", "", "Calf", "yes", "1.5"]


def test_a_million_trailing_empty_rows_cost_nothing(tmp_path: Path) -> None:
    raw = ods(tmp_path / "cramps.ods", table()).read_bytes()
    started = time.process_time()
    sheet = ods_reader.read(raw, None)
    # Laid out, they would be a billion empty cells; skipped, the sheet reads in a moment.
    assert len(sheet.rows) == 3 and time.process_time() - started < 5


def test_a_row_after_empty_rows_keeps_its_number(tmp_path: Path) -> None:
    gap = '<table:table-row table:number-rows-repeated="5"><table:table-cell/></table:table-row>'
    late = "<table:table-row>" + ods_text_row("2026-03-09", "01:00", "elbow") + "</table:table-row>"
    raw = ods(tmp_path / "gap.ods", table(extra=gap + late)).read_bytes()
    assert ods_reader.read(raw, None).rows[-1].line == 10


def test_bad_rows_are_named_by_row_and_sheet(diary: Diary, tmp_path: Path) -> None:
    bad = ods_text_row("2026-03-09", "01:00", "Calf", "1", "99")
    late = f"<table:table-row>{bad}</table:table-row>"
    plan = exchange.plan_import(diary, ods(tmp_path / "bad.ods", table(extra=late)))
    assert [str(e).split(":")[0] for e in plan.errors] == ["row 5 of sheet “Cramps”"]


def test_the_sheet_is_chosen_by_name_or_number(diary: Diary, tmp_path: Path) -> None:
    notes = ods_table("Notes", [ods_text_row("Anything"), ods_text_row("x")])
    path = ods(tmp_path / "book.ods", notes + table())
    for chosen in ("Cramps", "2"):
        plan = exchange.plan_import(diary, path, exchange.ImportOptions(sheet=chosen))
        assert len(plan.batch.episodes) == 2
        assert "Sheet “Cramps” (2 of 2: Notes, Cramps)" in plan.summary()
    with pytest.raises(ImportFileError, match="no sheet “Meds”: its sheets are “Notes”, “Cramps”"):
        exchange.plan_import(diary, path, exchange.ImportOptions(sheet="Meds"))


def test_a_repeated_cell_beyond_the_caps_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sheets, "MAX_CELLS", 1000)
    wide = ods_cell("x", office__value_type="string", table__number_columns_repeated="5000")
    raw = ods(tmp_path / "wide.ods", table(extra=f"<table:table-row>{wide}</table:table-row>"))
    with pytest.raises(ImportFileError, match="holds more than 1,000 cells"):
        ods_reader.read(raw.read_bytes(), None)


def test_a_content_that_unpacks_beyond_the_cap_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sheets, "MAX_UNPACKED_BYTES", 100)
    with pytest.raises(ImportFileError, match="unpacks to"):
        ods_reader.read(ods(tmp_path / "big.ods", table()).read_bytes(), None)


@pytest.mark.parametrize(
    "prolog",
    [
        # An external entity: expat never reads the file or the address it names.
        '<!DOCTYPE d [<!ENTITY leak SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE d [<!ENTITY leak SYSTEM "http://192.0.2.1/x">]>',
    ],
)
def test_an_external_entity_is_never_fetched(tmp_path: Path, prolog: str) -> None:
    notes = "<table:table-row><table:table-cell><text:p>&leak;</text:p></table:table-cell>"
    tables = f'<table:table table:name="S">{notes}</table:table-row></table:table>'
    raw = ods(tmp_path / "entity.ods", tables, prolog=prolog).read_bytes()
    with pytest.raises(ImportFileError, match=r"damaged \.ods workbook") as raised:
        ods_reader.read(raw, None)
    assert "root:" not in str(raised.value)


def test_an_entity_bomb_is_refused_quickly(tmp_path: Path) -> None:
    levels = ['<!ENTITY e0 "lollollollollollollollollollol">'] + [
        f'<!ENTITY e{n} "{f"&e{n - 1};" * 10}">' for n in range(1, 10)
    ]
    prolog = "<!DOCTYPE d [" + "".join(levels) + "]>"
    tables = '<table:table table:name="S"><table:table-row><table:table-cell><text:p>&e9;'
    tables += "</text:p></table:table-cell></table:table-row></table:table>"
    raw = ods(tmp_path / "bomb.ods", tables, prolog=prolog).read_bytes()
    started = time.process_time()
    with pytest.raises(ImportFileError, match="damaged"):
        ods_reader.read(raw, None)
    assert time.process_time() - started < 5


def test_a_damaged_ods_is_refused(diary: Diary, tmp_path: Path) -> None:
    path = ods(tmp_path / "broken.ods", "<table:table table:name='S'><table:table-row>")
    with pytest.raises(ImportFileError, match=r"damaged \.ods workbook"):
        exchange.plan_import(diary, path)


def test_a_workbook_of_many_long_named_sheets_is_named_briefly(
    diary: Diary, tmp_path: Path
) -> None:
    many = "".join(ods_table(f"{'x' * 5000}{n}", [ods_text_row("a")]) for n in range(40))
    raw = ods(tmp_path / "many.ods", table() + many).read_bytes()
    note = ods_reader.read(raw, None).note
    assert "(1 of 41: Cramps, " in note and "and 29 more" in note and len(note) < 1500
