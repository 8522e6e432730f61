"""A CSV's bytes become text and rows: UTF-8/16 as written, Windows-1252 when not UTF-8 (and
said so), separators found with decimal commas in the cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from cramplog import exchange
from cramplog.core.errors import ImportFileError
from cramplog.diary.service import Diary
from cramplog.exchange.csv_format import decode_text, read_rows

# What Excel in much of Europe saves as "CSV": Windows-1252, semicolons, decimal commas.
EXCEL_EUROPE = (
    "Date;Time;Muscle;Duration (min);Intensity;Notes\r\n"
    "01.03.2026;02:10;Calf;2;7;Müller Wadenkrampf, ärgerlich\r\n"
    "03.03.2026;23:45;Thigh;1;4;Fuß & Oberschenkel – 1,5 Std. wach\r\n"
).encode("cp1252")


def test_an_excel_europe_csv_imports_and_the_dry_run_says_how_it_was_read(
    diary: Diary, tmp_path: Path
) -> None:
    path = tmp_path / "Krämpfe.csv"
    path.write_bytes(EXCEL_EUROPE)
    plan = exchange.plan_import(diary, path, exchange.ImportOptions(day_first=True))
    assert plan.errors == []
    assert "Read as Windows-1252: the file is not UTF-8." in plan.summary()
    assert [e.episode.notes for e in plan.batch.episodes] == [
        "Müller Wadenkrampf, ärgerlich",
        "Fuß & Oberschenkel – 1,5 Std. wach",
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_unicode_files_are_read_without_a_note(encoding: str) -> None:
    decoded = decode_text("Date,Notes\n2026-03-01,Müller\n".encode(encoding))
    assert decoded.text.lstrip("\ufeff") == "Date,Notes\n2026-03-01,Müller\n"
    assert decoded.note is None


def test_decimal_commas_do_not_fool_the_separator() -> None:
    text = "Date;Duration (min);Intensity\n2026-03-01;1,5;6,5\n2026-03-02;0,75;3\n"
    header, rows = read_rows(text)
    assert header == ["Date", "Duration (min)", "Intensity"]
    assert [row.cells for row in rows] == [
        ["2026-03-01", "1,5", "6,5"],
        ["2026-03-02", "0,75", "3"],
    ]


def test_tab_separated_rows_with_decimal_commas() -> None:
    header, rows = read_rows("Date\tDuration (min)\n2026-03-01\t1,5\n")
    assert header == ["Date", "Duration (min)"] and rows[0].cells == ["2026-03-01", "1,5"]


def test_bytes_that_are_neither_utf8_nor_windows_1252_are_refused_with_their_line() -> None:
    with pytest.raises(ImportFileError, match="line 3 has bytes"):
        decode_text(b"Date,Notes\n2026-03-01,ok\n2026-03-02,\x8d\x90\n")


def test_broken_utf16_is_refused() -> None:
    with pytest.raises(ImportFileError, match="not UTF-16"):
        decode_text("Date,Notes\n".encode("utf-16") + b"\x00\xd8")


def test_a_utf8_file_with_one_stray_byte_is_refused_not_garbled() -> None:
    # Read as Windows-1252, line 2 would become "CafÃ© â€“ mÃ¼de": refuse, naming both lines.
    raw = "Date,Notes\n2026-03-01,Café – müde\n".encode() + b"2026-03-02,stray \xe9 byte\n"
    with pytest.raises(ImportFileError) as refused:
        decode_text(raw)
    assert str(refused.value) == (
        "The file mixes encodings: line 2 is UTF-8 (“é”), but line 3 has a byte that is not, "
        "so neither reading is safe. Fix line 3, or save the file again as “CSV UTF-8”. "
        "Nothing was imported."
    )
