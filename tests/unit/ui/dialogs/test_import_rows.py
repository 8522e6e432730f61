"""The rows an import would store, as the preview shows them: unknown stays blank."""

from __future__ import annotations

from pathlib import Path

from cramplog import exchange
from cramplog.diary.service import Diary
from cramplog.ui.dialogs.import_rows import PREVIEW_ROWS, preview_of


def preview(diary: Diary, tmp_path: Path, text: str) -> dict[str, list[str]]:
    path = tmp_path / "sheet.csv"
    path.write_text(text, encoding="utf-8")
    plan = exchange.plan_import(diary, path, exchange.ImportOptions(new_words=True))
    shown = preview_of(plan.batch, diary.boundary_hour, diary.label)
    assert shown is not None
    return {h: [row[i] for row in shown.rows] for i, h in enumerate(shown.headers)}


def test_what_the_file_does_not_say_is_left_blank(diary: Diary, tmp_path: Path) -> None:
    columns = preview(diary, tmp_path, "Date,Time,Muscle\n2026-03-02,02:10,calf\n")
    assert columns["Duration"] == [""] and columns["Intensity"] == [""]
    # No column for them: no column in the preview either, and never a "no".
    assert "Woke me" not in columns and "Triggers" not in columns


def test_an_empty_cell_is_shown_blank_never_as_no(diary: Diary, tmp_path: Path) -> None:
    text = "Date,Time,Muscle,What helped,Woke me\n2026-03-02,02:10,calf,massage,yes\n"
    text += "2026-03-03,02:10,calf,,\n"
    columns = preview(diary, tmp_path, text)
    assert columns["Relief methods"] == ["Massage", ""]
    assert columns["Woke me"] == ["yes", ""]


def test_a_word_of_ones_own_is_named_as_written_and_a_long_file_is_cut(
    diary: Diary, tmp_path: Path
) -> None:
    rows = "".join(f"2026-03-{1 + i // 60:02d},02:{i % 60:02d},Wadenbein\n" for i in range(300))
    path = tmp_path / "long.csv"
    path.write_text("Date,Time,Muscle\n" + rows, encoding="utf-8")
    plan = exchange.plan_import(diary, path, exchange.ImportOptions(new_words=True))
    shown = preview_of(plan.batch, diary.boundary_hour, diary.label)
    assert shown is not None
    assert len(shown.rows) == PREVIEW_ROWS
    assert {row[shown.headers.index("Muscle")] for row in shown.rows} == {"Wadenbein"}
    assert shown.caption == f"Cramps as they would be stored (the first 200 of {shown.total:,}):"
