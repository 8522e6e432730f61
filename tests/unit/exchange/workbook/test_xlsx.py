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
from tests.unit.exchange.workbook.samples import HEADER, patched, xlsx

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
