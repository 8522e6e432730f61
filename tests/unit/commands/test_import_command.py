"""`cramplog import`: hostile files are refused in one line, and the dry run is the import.

Each case below once gave a traceback, or passed the dry run and then failed the import.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cramplog import cli
from cramplog.diary.service import Diary
from tests.conftest import NOW
from tests.unit.data_safety import log_cramp, sha256


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = cli.main(list(argv))
    except SystemExit as exited:
        code = int(exited.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture
def filled(data_dir: Path) -> Path:
    diary = Diary.open(data_dir, clock=lambda: NOW)
    for n in range(3):
        log_cramp(diary, n)
    diary.close()
    return data_dir


@pytest.fixture
def export(filled: Path, tmp_path: Path) -> dict[str, object]:
    target = tmp_path / "export.json"
    assert cli.main(["export", "json", "-o", str(target), "--data-dir", str(filled)]) == 0
    document: dict[str, object] = json.loads(target.read_text())
    return document


def edited(export: dict[str, object], tmp_path: Path, text: str, name: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def first_episode(export: dict[str, object]) -> dict[str, object]:
    episodes = export["episodes"]
    assert isinstance(episodes, list)
    episode: dict[str, object] = episodes[0]
    episode["uuid"] = "11111111-1111-4111-8111-111111111111"  # new to the diary
    return episode


def test_a_lone_surrogate_is_a_row_error_in_the_dry_run_and_the_import_alike(
    capsys: pytest.CaptureFixture[str], filled: Path, export: dict[str, object], tmp_path: Path
) -> None:
    first_episode(export)["notes"] = "x\ud800y"
    source = edited(export, tmp_path, json.dumps(export), "surrogate.json")
    before = sha256(filled / "diary.sqlite3")
    dry, out, err = run(capsys, "import", "--dry-run", str(source), "--data-dir", str(filled))
    assert dry == 1 and "lone UTF-16 surrogate, U+D800" in out and "1 invalid row" in err
    real, _out, err = run(capsys, "import", str(source), "--data-dir", str(filled))
    assert real == 1 and "1 invalid row, so nothing was imported" in err
    assert sha256(filled / "diary.sqlite3") == before
    assert not (filled / "backups").exists(), "a refused import makes no backup"


@pytest.mark.parametrize(
    ("field", "raw", "message"),
    [
        ("created_utc", '"0001-01-01T00:00:00+05:00"', "'created_utc' is out of range"),
        ("version", "-5", 'The export\'s "version" is -5, which no cramplog ever wrote'),
    ],
)
def test_out_of_range_json_values_are_refused_in_one_line(
    capsys: pytest.CaptureFixture[str],
    filled: Path,
    export: dict[str, object],
    tmp_path: Path,
    field: str,
    raw: str,
    message: str,
) -> None:
    target = first_episode(export) if field == "created_utc" else export
    target[field] = "PLACEHOLDER"
    text = json.dumps(export).replace('"PLACEHOLDER"', raw)
    source = edited(export, tmp_path, text, "odd.json")
    before = sha256(filled / "diary.sqlite3")
    code, out, err = run(capsys, "import", str(source), "--data-dir", str(filled))
    assert code == 1 and message in out + err
    assert sha256(filled / "diary.sqlite3") == before


def test_a_400_digit_fluids_figure_is_a_row_error(
    capsys: pytest.CaptureFixture[str], filled: Path, export: dict[str, object], tmp_path: Path
) -> None:
    export["days"] = [
        {
            "uuid": "22222222-2222-4222-8222-222222222222",
            "night_of": "2026-03-01",
            "reviewed": True,
            "fluids_l": "PLACEHOLDER",
        }
    ]
    text = json.dumps(export).replace('"PLACEHOLDER"', "1" + "0" * 400)
    source = edited(export, tmp_path, text, "fluids.json")
    code, out, _err = run(capsys, "import", "--dry-run", str(source), "--data-dir", str(filled))
    assert code == 1 and "'fluids_l' must be a finite number" in out


@pytest.mark.parametrize(
    ("sheet", "message"),
    [
        (f"Date,Time,Muscle,Duration (min)\n2026-03-01,02:00,calf,{'9' * 400}\n", "24 hours"),
        (
            'Date,Time,Muscle,Notes\n2026-03-01,02:00,calf,"open quote\n2026-03-02,02:00,calf,x\n',
            "A quote opened on line 2 is never closed",
        ),
    ],
    ids=["400 nines", "unterminated quote"],
)
def test_hostile_spreadsheets_are_refused_clearly(
    capsys: pytest.CaptureFixture[str], filled: Path, tmp_path: Path, sheet: str, message: str
) -> None:
    source = tmp_path / "sheet.csv"
    source.write_text(sheet)
    before = sha256(filled / "diary.sqlite3")
    code, out, err = run(capsys, "import", str(source), "--data-dir", str(filled))
    assert code == 1 and message in out + err
    assert sha256(filled / "diary.sqlite3") == before


def test_a_dry_run_into_a_folder_without_a_diary_creates_none(
    capsys: pytest.CaptureFixture[str], export: dict[str, object], tmp_path: Path
) -> None:
    source = edited(export, tmp_path, json.dumps(export), "export.json")
    new = tmp_path / "new"
    code, out, _err = run(capsys, "import", "--dry-run", str(source), "--data-dir", str(new))
    assert code == 0 and "It would add 3 new cramps" in out
    assert "Dry run: nothing was changed." in out
    assert not new.exists()


def test_a_note_longer_than_the_csv_modules_field_limit_comes_back(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    diary = Diary.open(data_dir, clock=lambda: NOW)
    log_cramp(diary, 0, notes="n" * 200_000)
    diary.close()
    folder = tmp_path / "csv"
    assert run(capsys, "export", "csv", "-o", str(folder), "--data-dir", str(data_dir))[0] == 0
    code, out, err = run(
        capsys, "import", str(folder / "episodes.csv"), "--data-dir", str(tmp_path / "other")
    )
    assert (code, err) == (0, ""), out
    other = Diary.open(tmp_path / "other")
    try:
        (episode,) = other.list_episodes()
        assert len(episode.notes) == 200_000
    finally:
        other.close()


def test_a_time_the_clocks_skipped_is_a_row_error(tmp_path: Path) -> None:
    sheet = tmp_path / "gap.csv"
    # 29 March 2026, 01:30 in London: the clocks went from 01:00 straight to 02:00.
    sheet.write_text("Date,Time,Muscle\n2026-03-29,01:30,calf\n2026-03-29,03:30,calf\n")
    result = subprocess.run(
        [sys.executable, "-m", "cramplog", "import", "--dry-run", str(sheet), "--data-dir", "d"],
        capture_output=True,
        text=True,
        env={**os.environ, "TZ": "Europe/London"},
        check=False,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "01:30 on 2026-03-29 never happened on this computer's clock" in result.stdout
    assert "1 invalid row" in result.stderr


def test_sheet_chooses_the_workbook_sheet_to_import(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    from tests.unit.exchange.workbook.samples import xlsx

    cramps: list[list[object]] = [["When", "Where"], ["2026-03-01 02:10", "Calf"]]
    book = xlsx(tmp_path / "book.xlsx", {"Notes": [["Anything"], ["x"]], "Cramps": cramps})
    code, out, _err = run(
        capsys, "import", str(book), "--sheet", "Cramps", "--dry-run", "--data-dir", str(data_dir)
    )
    assert code == 0 and "Sheet “Cramps” (2 of 2: Notes, Cramps)" in out
    code, out, err = run(
        capsys,
        "import",
        str(book),
        "--sheet",
        "2",
        "--column",
        "Where=muscle",
        "--data-dir",
        str(data_dir),
    )
    assert code == 0 and "Imported 1 cramp" in out
    code, out, err = run(
        capsys, "import", str(book), "--sheet", "Meds", "--dry-run", "--data-dir", str(data_dir)
    )
    assert code != 0 and "no sheet “Meds”" in err and len(err.strip().splitlines()) == 1


def test_sheet_on_a_csv_is_refused(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "cramps.csv"
    path.write_text("Date,Time,Muscle\n2026-03-01,02:10,Calf\n")
    code, _out, err = run(capsys, "import", str(path), "--sheet", "1", "--data-dir", str(data_dir))
    assert code != 0 and "no sheets" in err


def test_new_words_are_listed_by_the_dry_run_and_added_only_with_new_words(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("Date,Time,Muscle,What helped\n2026-03-01,02:10,Leg,pickle juice\n")
    code, out, err = run(capsys, "import", str(path), "--dry-run", "--data-dir", str(data_dir))
    assert code == 1 and "--new-words" in err
    assert "“What helped” → Relief methods (“pickle juice”)" in out
    assert "Muscles would be added (with --new-words) as words of your own: “Leg”." in out
    code, out, err = run(capsys, "import", str(path), "--data-dir", str(data_dir))
    assert code == 1 and "nothing was imported" in err
    code, out, err = run(capsys, "import", str(path), "--new-words", "--data-dir", str(data_dir))
    assert code == 0, err
    assert "Relief methods would be added as words of your own: “pickle juice”." in out
    diary = Diary.open(data_dir, clock=lambda: NOW)
    try:
        (episode,) = diary.list_episodes()
        assert diary.label(episode.muscle) == "Leg"
        assert [diary.label(code) for code, _ in episode.reliefs] == ["pickle juice"]
    finally:
        diary.close()


def test_column_names_a_new_field_and_the_dry_run_names_every_column(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("Date,Time,Muscle,Fixes,Mood\n2026-03-01,02:10,Calf,ice,grumpy\n")
    code, out, err = run(
        capsys,
        "import",
        str(path),
        "--dry-run",
        "--column",
        "Fixes=reliefs",
        "--data-dir",
        str(data_dir),
    )
    assert code == 0, err
    assert "“Fixes” → Relief methods (“ice”)" in out
    assert "“Mood” → ignored (“grumpy”)" in out


def test_a_dry_run_of_thousands_of_columns_names_those_read_and_counts_the_ignored(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    # 5,000 columns printed 5,000 lines (200,000 printed 7.5 MB), and a header of one long
    # line was printed whole.
    extra = [f"extra{i}" for i in range(4997)]
    path = tmp_path / "wide.csv"
    path.write_text(
        ",".join(["Date", "Muscle", "X" * 5000, *extra])
        + "\n"
        + ",".join(["2026-03-01", "Calf", "y" * 5000, *("1" for _ in extra)])
        + "\n"
    )
    code, out, err = run(capsys, "import", str(path), "--dry-run", "--data-dir", str(data_dir))
    assert code == 0, err
    columns = out.split("Columns:\n")[1].splitlines()
    named = [line for line in columns if "→" in line]
    assert "  “Date” → Date (“2026-03-01”)" in named
    assert "  “Muscle” → Muscle (“Calf”)" in named
    assert len(named) == 2 + 12  # those read, and the first dozen ignored
    assert "  … and 4,986 more columns, ignored" in columns
    assert max(len(line) for line in columns) < 200  # the 5,000-character header cut short


def test_a_dry_run_of_thousands_of_bad_records_names_the_first_and_counts_the_rest(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cramplog.exchange.json_format import reader

    monkeypatch.setattr(reader, "MAX_REMEMBERED_ERRORS", 3)
    path = tmp_path / "bad.json"
    bad = [{"uuid": "not a uuid"}] * 8
    path.write_text(json.dumps({"format": "cramplog-diary", "version": 3, "episodes": bad}))
    code, out, err = run(capsys, "import", str(path), "--dry-run", "--data-dir", str(data_dir))
    assert code == 1
    assert out.count("'uuid' is not a UUID") == 3
    assert "  and 5 more\n" in out
    assert "8 invalid rows" in err
