"""CSV: exports a spreadsheet opens safely, and imports of our own files and hand-kept ones."""

from __future__ import annotations

import csv
import io
import os
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cramplog import exchange
from cramplog.core.errors import (
    CramplogError,
    ExportError,
    ForbiddenTargetError,
    ImportFileError,
    ImportRejectedError,
)
from cramplog.core.records import DayFactors, EpisodeInput, Hydration, ReliefRating, Side
from cramplog.diary import backups
from cramplog.diary.service import Diary
from cramplog.exchange import csv_format, importer
from cramplog.exchange.batch import Question
from cramplog.storage import transfer
from tests.conftest import LONDON, NOW
from tests.unit.data_safety import log_cramp, loose_permissions, mode, sha256, umask_zero

__all__ = ["umask_zero"]

HOSTILE_NOTES = [
    '=HYPERLINK("http://evil.example","click")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\tTabbed",
    "\rreturn",
    "\nnewline first",
    "'quoted already",
    "<b>bold</b> <img src='file:///etc/passwd'>",
    "مرحبا — RTL and emoji 🦵",
    "$\\frac{1}{2}$",
]


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def fresh(tmp_path: Path, name: str) -> Diary:
    return Diary.open(tmp_path / name, clock=lambda: NOW)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=LONDON)


def full_episode(diary: Diary, notes: str, when: datetime) -> None:
    diary.add_episode(
        EpisodeInput(
            start=when,
            muscle="muscle.calf",
            side=Side.RIGHT,
            duration_s=95,
            intensity=7,
            woke_from_sleep=True,
            activity="activity.asleep",
            hydration=Hydration.THIRSTY,
            triggers=("trigger.dehydration", "trigger.long_standing"),
            reliefs=(("relief.stretch", ReliefRating.HELPED), ("relief.heat", None)),
            symptoms=("symptom.soreness_after",),
            notes=notes,
        )
    )


# -- export ---------------------------------------------------------------------------------


def test_export_writes_both_files_with_documented_columns(
    diary: Diary, tmp_path: Path, umask_zero: None
) -> None:
    full_episode(diary, "first", at(11, 2, 10))
    diary.mark_cramp_free(date(2026, 3, 9))
    out = tmp_path / "export"

    episodes_path, nights_path = exchange.export_csv(diary, out)

    assert (episodes_path.name, nights_path.name) == ("episodes.csv", "nights.csv")
    assert mode(episodes_path) == 0o600 and mode(nights_path) == 0o600
    assert loose_permissions(out) == []
    [row] = read_csv(episodes_path)
    assert list(row) == list(csv_format.EPISODE_COLUMNS)
    assert row["night_of"] == "2026-03-10"  # 02:10 on Wednesday is the night of Tuesday
    assert row["start_local"] == "2026-03-11 02:10:00"
    assert row["muscle"] == "Calf" and row["muscle_code"] == "muscle.calf"
    assert row["duration_s"] == "95" and row["duration_min"] == "1.58"
    assert row["intensity"] == "7" and row["woke_from_sleep"] == "yes"
    assert row["trigger_codes"] == "trigger.dehydration; trigger.long_standing"
    assert row["relief_codes"] == "relief.heat=; relief.stretch=helped"
    nights = read_csv(nights_path)
    assert list(nights[0]) == list(csv_format.NIGHT_COLUMNS)
    by_night = {n["night_of"]: n for n in nights}
    assert by_night["2026-03-09"]["cramp_free"] == "yes"
    assert by_night["2026-03-10"]["episodes"] == "1"
    assert by_night["2026-03-10"]["reviewed"] == "no"


def test_formula_cells_are_neutralised_and_numbers_stay_numbers(
    diary: Diary, tmp_path: Path
) -> None:
    for n, notes in enumerate(HOSTILE_NOTES):
        full_episode(diary, notes, at(10, 1) - timedelta(hours=n))
    episodes_path, _nights = exchange.export_csv(diary, tmp_path / "out")
    rows = read_csv(episodes_path)
    notes_seen = {row["notes"] for row in rows}
    for notes in HOSTILE_NOTES:
        if notes.startswith(csv_format.FORMULA_STARTS):
            assert "'" + notes in notes_seen
        else:
            assert notes in notes_seen
    for row in rows:
        for column, value in row.items():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r", "\n")), column
        assert int(row["duration_s"]) == 95 and int(row["intensity"]) == 7
        assert float(row["duration_min"]) == pytest.approx(1.58)


def test_a_period_exports_only_its_nights(diary: Diary, tmp_path: Path) -> None:
    full_episode(diary, "early", at(2, 3))
    full_episode(diary, "late", at(11, 3))
    episodes_path, nights_path = exchange.export_csv(
        diary, tmp_path / "out", first_night=date(2026, 3, 5), last_night=date(2026, 3, 11)
    )
    assert [row["notes"] for row in read_csv(episodes_path)] == ["late"]
    assert [row["night_of"] for row in read_csv(nights_path)] == ["2026-03-10"]
    with pytest.raises(ExportError, match="starts"):
        exchange.export_csv(
            diary, tmp_path / "o2", first_night=date(2026, 3, 11), last_night=date(2026, 3, 1)
        )


def test_an_empty_diary_exports_headers_only(diary: Diary, tmp_path: Path) -> None:
    episodes_path, nights_path = exchange.export_csv(diary, tmp_path / "out")
    assert read_csv(episodes_path) == [] and read_csv(nights_path) == []
    assert episodes_path.read_bytes().count(b"\n") == 1


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_export_refuses_the_diary_and_its_journal_files(
    diary: Diary, tmp_path: Path, suffix: str
) -> None:
    log_cramp(diary)
    out = tmp_path / "out"
    out.mkdir()
    target = diary.path.with_name(diary.path.name + suffix)
    (out / "episodes.csv").symlink_to(target)
    before = sha256(diary.path)
    with pytest.raises(ForbiddenTargetError, match="diary file itself"):
        exchange.export_csv(diary, out)
    assert sha256(diary.path) == before
    assert diary.count_episodes() == 1
    with pytest.raises(ForbiddenTargetError):
        exchange.export_json(diary, target)
    assert sha256(diary.path) == before


def test_export_into_the_backups_folder_is_refused(diary: Diary) -> None:
    backups.back_up(diary.data_dir)
    with pytest.raises(ForbiddenTargetError, match="backups folder"):
        exchange.export_csv(diary, diary.data_dir / "backups")


def test_unwritable_targets_fail_clearly_and_leave_nothing_behind(
    diary: Diary, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="is a file"):
        exchange.export_csv(diary, blocker)
    with pytest.raises(ExportError, match="does not exist"):
        exchange.export_csv(diary, tmp_path / "missing" / "deeper")
    with pytest.raises(ExportError, match="does not exist"):
        exchange.export_json(diary, tmp_path / "missing" / "diary.json")
    with pytest.raises(ExportError, match="folder"):
        exchange.export_json(diary, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "data"]


def test_a_full_disk_leaves_the_old_export_whole(
    diary: Diary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_cramp(diary)
    out = tmp_path / "out"
    episodes_path, nights_path = exchange.export_csv(diary, out)
    before = (sha256(episodes_path), sha256(nights_path))
    log_cramp(diary, 3)

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError, match="disk is full"):
        exchange.export_csv(diary, out)
    assert (sha256(episodes_path), sha256(nights_path)) == before
    assert sorted(p.name for p in out.iterdir()) == ["episodes.csv", "nights.csv"]


# -- importing our own files ----------------------------------------------------------------


def comparable(diary: Diary) -> list[tuple[object, ...]]:
    return [
        (
            e.uuid,
            e.start_local,
            e.utc_offset_min,
            e.muscle,
            e.side,
            e.duration_s,
            e.intensity,
            e.woke_from_sleep,
            e.activity,
            e.hydration,
            e.triggers,
            e.reliefs,
            e.symptoms,
            e.notes,
            e.to_review,
            e.created_utc,
            e.updated_utc,
        )
        for e in diary.list_episodes()
    ]


def test_our_own_csv_comes_back_exactly(diary: Diary, tmp_path: Path) -> None:
    for n, notes in enumerate(HOSTILE_NOTES):
        full_episode(diary, notes, at(10, 1) - timedelta(hours=n))
    log_cramp(diary, 40, notes='line one\nline two, with a comma; and "quotes"')
    diary.set_day(
        date(2026, 3, 9), DayFactors(reviewed=True, fluids_l=1.5, notes="=cmd|' /C calc'!A0")
    )
    episodes_path, nights_path = exchange.export_csv(diary, tmp_path / "out")

    other = fresh(tmp_path, "other")
    try:
        for path in (episodes_path, nights_path):
            plan = exchange.plan_import(other, path)
            assert plan.errors == [] and not plan.questions
            exchange.apply_import(other, plan)
        assert comparable(other) == comparable(diary)
        assert other.get_day(date(2026, 3, 9)) == diary.get_day(date(2026, 3, 9))
        # Merging the same files again adds nothing.
        for path in (episodes_path, nights_path):
            again = exchange.plan_import(other, path)
            assert again.new_episodes == 0 and again.new_days == 0
            exchange.apply_import(other, again)
        assert len(comparable(other)) == len(HOSTILE_NOTES) + 1
    finally:
        other.close()


def test_words_of_your_own_travel_with_the_csv(diary: Diary, tmp_path: Path) -> None:
    from cramplog.core.records import VocabularyKind

    word = diary.add_custom_item(VocabularyKind.TRIGGER, "Long drive")
    diary.add_episode(EpisodeInput(start=at(11, 2), muscle="muscle.foot", triggers=(word.code,)))
    episodes_path, _nights = exchange.export_csv(diary, tmp_path / "out")
    other = fresh(tmp_path, "other")
    try:
        exchange.apply_import(other, exchange.plan_import(other, episodes_path))
        [episode] = other.list_episodes()
        assert episode.triggers == (word.code,)
        assert other.label(word.code) == "Long drive"
    finally:
        other.close()


# -- importing a hand-kept spreadsheet ------------------------------------------------------

SHEET = (
    "Date,Time,Muscle,Side,Duration (min),Pain (0-10),Notes\n"
    "2026-03-01,02:10,Calf,L,1:30,7,woke me\n"
    "2026-03-02,23:45,thigh,R,2,5,\n"
    "2026-03-03,03:00,calves,,,,\n"
    '2026-03-04,04:05,Left calf,,0.5,3,"after a long walk, sore"\n'
)


def sheet(tmp_path: Path, text: str, *, name: str = "sheet.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def starts(diary: Diary) -> list[tuple[str, str, Side, int | None, int | None]]:
    return [
        (f"{e.start_local:%Y-%m-%d %H:%M}", e.muscle, e.side, e.duration_s, e.intensity)
        for e in diary.list_episodes()
    ]


EXPECTED_SHEET = [
    ("2026-03-01 02:10", "muscle.calf", Side.LEFT, 90, 7),
    ("2026-03-02 23:45", "muscle.thigh", Side.RIGHT, 120, 5),
    ("2026-03-03 03:00", "muscle.calf", Side.NOT_APPLICABLE, None, None),
    ("2026-03-04 04:05", "muscle.calf", Side.LEFT, 30, 3),
]


def test_a_hand_kept_sheet_imports_without_any_mapping_step(diary: Diary, tmp_path: Path) -> None:
    plan = exchange.plan_import(diary, sheet(tmp_path, SHEET))
    assert plan.source is exchange.SourceKind.SPREADSHEET
    assert plan.errors == [] and plan.questions == {}
    assert [c.field for c in plan.batch.columns] == [
        "date",
        "time",
        "muscle",
        "side",
        "duration",
        "intensity",
        "notes",
    ]
    result = exchange.apply_import(diary, plan)
    assert result.episodes == 4
    assert starts(diary) == EXPECTED_SHEET
    assert diary.list_episodes()[3].notes == "after a long walk, sore"


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_delimiters_and_encodings(
    diary: Diary, tmp_path: Path, delimiter: str, encoding: str
) -> None:
    text = SHEET.replace(",", delimiter) if delimiter != "," else SHEET
    if delimiter != ",":
        # The quoted note keeps its comma; only the separators change.
        text = text.replace(f'"after a long walk{delimiter} sore"', '"after a long walk, sore"')
    path = tmp_path / "sheet.csv"
    path.write_bytes(text.encode(encoding))  # utf-16-le/-be: without a byte-order mark
    plan = exchange.plan_import(diary, path)
    assert plan.errors == [] and plan.questions == {}, plan.summary()
    exchange.apply_import(diary, plan, back_up=False)
    assert starts(diary) == EXPECTED_SHEET


def test_a_file_in_no_encoding_cramplog_reads_is_refused_clearly(
    diary: Diary, tmp_path: Path
) -> None:
    # 0x81 is neither UTF-8 (a lone continuation byte) nor anything in Windows-1252.
    path = tmp_path / "sheet.csv"
    path.write_bytes(b"Date,Time,Muscle,Notes\n2026-03-01,02:10,Calf,caf\x81\n")
    with pytest.raises(ImportFileError, match="UTF-8") as raised:
        exchange.plan_import(diary, path)
    assert "line 2" in str(raised.value)


@pytest.mark.parametrize(
    ("header", "cells"),
    [
        ("Start,Location,Severity", "2026-03-01 02:10,calf,7"),
        ("When,Where,Intensity", "1.3.26 2:10 am,Calf,7"),  # settled by --day-first below
        ("date time,body part,pain score", "2026-03-01T02:10:00,charley horse,7"),
        ("DATE;TIME;MUSCLE;SCORE", "Sun 1 Mar 2026;02.10;CALF;7/10"),
        ("Date,Time,Muscle,Rating", '"March 1, 2026",2:10 AM,gastrocnemius,7.0'),
        ("Night,Time,Muscle,Severity", "1 March 2026,02:10,calf,7"),
    ],
)
def test_common_headers_and_date_formats(
    diary: Diary, tmp_path: Path, header: str, cells: str
) -> None:
    options = exchange.ImportOptions(day_first=True)
    plan = exchange.plan_import(diary, sheet(tmp_path, f"{header}\n{cells}\n"), options)
    assert plan.errors == [] and plan.questions == {}, plan.summary()
    exchange.apply_import(diary, plan, back_up=False)
    [episode] = diary.list_episodes()
    assert episode.start_local == datetime(2026, 3, 1, 2, 10)
    assert episode.muscle == "muscle.calf" and episode.intensity == 7


def test_an_unclear_day_month_order_is_asked_not_guessed(diary: Diary, tmp_path: Path) -> None:
    text = "Date,Time,Muscle\n03/02/2026,02:10,Calf\n04/02/2026,03:10,Calf\n"
    path = sheet(tmp_path, text)
    plan = exchange.plan_import(diary, path)
    assert Question.DATE_ORDER in plan.questions
    assert "03/02/2026" in plan.questions[Question.DATE_ORDER]
    with pytest.raises(ImportRejectedError, match="Nothing was imported"):
        exchange.apply_import(diary, plan)
    assert diary.count_episodes() == 0
    day_first = exchange.plan_import(diary, path, exchange.ImportOptions(day_first=True))
    month_first = exchange.plan_import(diary, path, exchange.ImportOptions(day_first=False))
    assert [e.start_local.date() for e in day_first.batch.episodes] == [
        date(2026, 2, 3),
        date(2026, 2, 4),
    ]
    assert [e.start_local.date() for e in month_first.batch.episodes] == [date(2026, 3, 2)]
    [future] = month_first.errors
    assert (future.line, future.message) == (3, "The start time is in the future.")


def test_one_unambiguous_date_settles_the_order_for_the_whole_file(
    diary: Diary, tmp_path: Path
) -> None:
    text = "Date,Time,Muscle\n03/02/2026,02:10,Calf\n25/02/2026,03:10,Calf\n"
    plan = exchange.plan_import(diary, sheet(tmp_path, text))
    assert plan.questions == {}
    assert [e.start_local.date() for e in plan.batch.episodes] == [
        date(2026, 2, 3),
        date(2026, 2, 25),
    ]


def test_ambiguous_columns_ask_for_a_mapping(diary: Diary, tmp_path: Path) -> None:
    text = "Date,Time,Muscle,Notes,Comments\n2026-03-01,02:10,Calf,a,b\n"
    path = sheet(tmp_path, text)
    plan = exchange.plan_import(diary, path)
    assert Question.COLUMNS in plan.questions
    assert "“Notes”, “Comments”" in plan.questions[Question.COLUMNS]
    mapping = {0: "date", 1: "time", 2: "muscle", 3: "notes", 4: None}
    chosen = exchange.plan_import(diary, path, exchange.ImportOptions(columns=mapping))
    assert chosen.questions == {} and chosen.batch.episodes[0].episode.notes == "a"


def test_a_sheet_without_a_muscle_column_asks_which_it_is(diary: Diary, tmp_path: Path) -> None:
    path = sheet(tmp_path, "Day,Hour,Body\n2026-03-01,02:10,calf\n")
    plan = exchange.plan_import(diary, path)
    assert plan.questions[Question.COLUMNS] == "No column was recognised as the muscle."
    chosen = exchange.plan_import(
        diary, path, exchange.ImportOptions(columns={0: "date", 1: "time", 2: "muscle"})
    )
    assert len(chosen.batch.episodes) == 1 and chosen.errors == []


def test_the_dry_run_lists_every_row_error_with_its_line(diary: Diary, tmp_path: Path) -> None:
    text = (
        "Date,Time,Muscle,Side,Duration (min),Intensity,Notes\n"
        "2026-03-01,02:10,Calf,L,1:30,7,fine\n"
        '2026-03-02,02:10,Calf,L,1:30,7,"a note\nover two lines"\n'
        "2026-02-30,02:10,Calf,,,,\n"
        "2026-03-03,25:10,Calf,,,,\n"
        "2026-03-04,02:10,Calf,,ten,,\n"
        "2026-03-05,02:10,Calf,sideways,,,\n"
        "2026-03-06,02:10,Calf,,-3,,\n"
        "2026-03-07,02:10,Calf,,,11,\n"
        "2027-03-07,02:10,Calf,,,,\n"
        ",02:10,Calf,,,,\n"
        "2026-03-08,lunch,Calf,,,,\n"
        "2026-03-08,02:10,,,,,\n"
        "\n"
        "2026-03-09,02:10,Foot,R,25:00:00,2,\n"
    )
    plan = exchange.plan_import(diary, sheet(tmp_path, text))
    lines = [error.line for error in plan.errors]
    assert lines == [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16]
    messages = [str(error) for error in plan.errors]
    assert messages[0].startswith("line 5: ") and "not a date" in messages[0]
    assert "not a duration" in messages[2] and "ten" in messages[2]
    assert "not a time of day" in messages[8] and "lunch" in messages[8]
    assert "from 0 to 10" in messages[5]
    assert "future" in messages[6]
    assert len(plan.batch.episodes) == 2
    with pytest.raises(ImportRejectedError, match="11 row"):
        exchange.apply_import(diary, plan)
    assert diary.count_episodes() == 0
    assert backups.list_backups(diary.data_dir) == []
    result = exchange.apply_import(diary, plan, skip_invalid=True)
    assert result.episodes == 2 and result.skipped_invalid == 11
    assert diary.count_episodes() == 2


def test_importing_the_same_sheet_twice_adds_nothing_the_second_time(
    diary: Diary, tmp_path: Path
) -> None:
    path = sheet(tmp_path, SHEET)
    exchange.apply_import(diary, exchange.plan_import(diary, path))
    again = exchange.plan_import(diary, path)
    assert again.new_episodes == 0 and again.known_episodes == 4
    result = exchange.apply_import(diary, again)
    assert result.episodes == 0 and result.already_there == 4 and result.backup is None
    assert diary.count_episodes() == 4


def test_a_sheet_row_already_typed_into_the_app_is_not_added_again(
    diary: Diary, tmp_path: Path
) -> None:
    diary.add_episode(
        EpisodeInput(start=datetime(2026, 3, 1, 2, 10).astimezone(), muscle="muscle.calf")
    )
    plan = exchange.plan_import(diary, sheet(tmp_path, SHEET))
    assert plan.new_episodes == 3 and plan.known_episodes == 1


def test_a_backup_is_made_first_and_holds_the_diary_as_it_was(diary: Diary, tmp_path: Path) -> None:
    log_cramp(diary)
    result = exchange.apply_import(diary, exchange.plan_import(diary, sheet(tmp_path, SHEET)))
    assert result.backup is not None
    assert result.backup.reason is backups.Reason.BEFORE_IMPORT
    assert backups.details(result.backup).episodes == 1
    assert diary.count_episodes() == 5


def test_an_import_is_one_transaction(
    diary: Diary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_cramp(diary)
    episodes_path, nights_path = exchange.export_csv(diary, tmp_path / "out")
    other = fresh(tmp_path, "other")
    try:
        plan = exchange.plan_import(other, sheet(tmp_path, SHEET))

        def fail(*_args: object) -> int:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(transfer, "insert_days", fail)
        with pytest.raises(OSError):
            exchange.apply_import(other, plan)
        assert other.count_episodes() == 0
        assert other.integrity_problems() == []
    finally:
        other.close()
    assert episodes_path.exists() and nights_path.exists()


def test_the_size_limit_is_checked_before_any_parsing(
    diary: Diary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = sheet(tmp_path, SHEET * 10)
    monkeypatch.setattr(importer, "MAX_IMPORT_BYTES", 100)

    def never(_raw: bytes) -> str:
        raise AssertionError("parsed a file over the limit")

    monkeypatch.setattr(csv_format, "decode", never)
    with pytest.raises(ImportFileError, match="more than"):
        exchange.plan_import(diary, path)


@pytest.mark.parametrize(
    "make",
    [
        lambda p: p.write_bytes(b""),
        lambda p: p.write_bytes(b"   \r\n\r\n"),
        lambda p: p.write_bytes(b"\xef\xbb\xbf"),
        lambda p: p.mkdir(),
        lambda p: None,
        lambda p: p.write_bytes(b"Date,Time,Muscle\n2026-03-01,02:10,Ca\x00lf\n"),
        lambda p: p.write_bytes(b"just some words without columns\nmore\n"),
        lambda p: p.write_bytes(b'Date,Time,Muscle\n"2026-03-01,02:10,Calf\n'),
    ],
    ids=["empty", "blank", "bom only", "folder", "missing", "NUL", "no columns", "open quote"],
)
def test_files_that_are_not_spreadsheets_fail_clearly(
    diary: Diary, tmp_path: Path, make: object
) -> None:
    path = tmp_path / "thing.csv"
    make(path)  # type: ignore[operator]
    try:
        plan = exchange.plan_import(diary, path)
    except ImportFileError as exc:
        assert str(exc)
        return
    assert plan.questions or plan.errors or plan.valid_records == 0
    with pytest.raises(ImportRejectedError):
        exchange.apply_import(diary, plan)
    assert diary.count_episodes() == 0


def test_a_device_is_not_read(diary: Diary) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    with pytest.raises(ImportFileError, match="not a regular file"):
        exchange.plan_import(diary, Path("/dev/zero"))


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("1:30", 90),
        ("0:05", 5),
        ("1:00:00", 3600),
        ("2", 120),
        ("1.5", 90),
        ("1,5", 90),
        ("90 s", 90),
        ("90s", 90),
        ("2 min", 120),
        ("1 min 30 s", 90),
        ("1m30s", 90),
        ("0.5 h", 1800),
    ],
)
def test_durations_people_write(text: str, seconds: int) -> None:
    from cramplog.exchange import values

    assert values.read_duration(text, seconds_per_number=60) == seconds


@pytest.mark.parametrize("text", ["0", "0:00", "-1", "25:00:00", "abc", "1:75", "3 fortnights"])
def test_durations_that_make_no_sense(text: str) -> None:
    from cramplog.exchange import values

    with pytest.raises(values.CellError):
        values.read_duration(text, seconds_per_number=60)


# -- fuzzing --------------------------------------------------------------------------------

HEADERS = [
    "Date",
    "Time",
    "Muscle",
    "Side",
    "Duration (min)",
    "Pain (0-10)",
    "Notes",
    "Start",
    "uuid",
    "start_local",
    "utc_offset_min",
    "muscle_code",
    "night_of",
    "reviewed",
    "cramp_free",
    "",
    "Comments",
    "???",
]
CELLS = [
    "2026-03-01",
    "01/03/2026",
    "13/13/2026",
    "02:10",
    "25:99",
    "Calf",
    "calf",
    "L",
    "R",
    "both",
    "1:30",
    "-5",
    "7",
    "11",
    "=1+1",
    "",
    " ",
    '"',
    "'",
    ";",
    "\t",
    "é",
    "🦵",
    "2026-03-01 02:10",
    "not-a-uuid",
    "0",
    "yes",
    "no",
    "muscle.calf",
    "x" * 300,
]


@st.composite
def malformed_csv(draw: st.DrawFn) -> bytes:
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    header = draw(st.lists(st.sampled_from(HEADERS), min_size=0, max_size=8))
    rows = draw(
        st.lists(
            st.lists(st.one_of(st.sampled_from(CELLS), st.text(max_size=12)), max_size=9),
            max_size=6,
        )
    )
    lines = [delimiter.join(header)] + [delimiter.join(row) for row in rows]
    text = "\n".join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
    data = text.encode(encoding, errors="surrogatepass")
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(data)))
        data = data[:cut]
    return data


def test_malformed_csv_never_crashes_the_importer_and_a_failed_import_adds_nothing(
    tmp_path: Path,
) -> None:
    diary = fresh(tmp_path, "fuzz")
    path = tmp_path / "fuzz.csv"
    examples = {"count": 0}

    @settings(
        max_examples=250,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(st.one_of(malformed_csv(), st.binary(max_size=300)))
    def check(data: bytes) -> None:
        examples["count"] += 1
        path.write_bytes(data)
        before = diary.count_episodes(), len(diary.list_days())
        try:
            plan = exchange.plan_import(diary, path)
        except ImportFileError as exc:
            assert str(exc)
            return
        try:
            exchange.apply_import(diary, plan, back_up=False)
        except ImportRejectedError:
            assert (diary.count_episodes(), len(diary.list_days())) == before
        except CramplogError as exc:  # pragma: no cover - shown if it ever happens
            raise AssertionError(f"unexpected {type(exc).__name__}: {exc}") from exc
        assert diary.integrity_problems() == []

    try:
        check()
    finally:
        diary.close()
    assert examples["count"] >= 250


def test_times_around_a_clock_change_take_the_offset_in_force_then(
    diary: Diary, tmp_path: Path, london_clock: None
) -> None:
    text = (
        "Date,Time,Muscle\n"
        "2025-03-29,23:00,Calf\n"  # GMT, the night the clocks go forward
        "2025-03-30,03:00,Calf\n"  # British Summer Time after the change
        "2025-10-25,23:30,Calf\n"  # still summer time, the night they go back
        "2025-10-26,03:30,Calf\n"  # GMT again
        "2025-10-27,02:00,Calf\n"
    )
    plan = exchange.plan_import(diary, sheet(tmp_path, text))
    assert plan.errors == []
    got = [(f"{e.start_local:%Y-%m-%d %H:%M}", e.utc_offset_min) for e in plan.batch.episodes]
    assert got == [
        ("2025-03-29 23:00", 0),
        ("2025-03-30 03:00", 60),
        ("2025-10-25 23:30", 60),
        ("2025-10-26 03:30", 0),
        ("2025-10-27 02:00", 0),
    ]


def test_a_date_only_cramp_is_exported_with_time_noted_no_and_read_back_so(
    diary: Diary, tmp_path: Path
) -> None:
    from cramplog.core import nights

    start = nights.date_only_start(date(2026, 3, 5)).replace(tzinfo=LONDON)
    diary.add_episode(EpisodeInput(start=start, muscle="muscle.calf", time_noted=False))
    episodes_path, _nights = exchange.export_csv(diary, tmp_path / "out")
    rows = list(csv.DictReader(io.StringIO(episodes_path.read_text(encoding="utf-8-sig"))))
    assert list(rows[0])[-1] == "time_noted"
    assert (rows[0]["night_of"], rows[0]["time_noted"]) == ("2026-03-04", "no")
    other = fresh(tmp_path, "other")
    try:
        exchange.apply_import(other, exchange.plan_import(other, episodes_path))
        (episode,) = other.list_episodes()
    finally:
        other.close()
    assert not episode.time_noted


def test_a_long_diary_is_exported_page_by_page_with_every_row_as_listed(tmp_path: Path) -> None:
    from collections import Counter

    from cramplog.core import nights
    from cramplog.demo import sample
    from cramplog.storage import export_reads

    sample.create_sample_diary(
        tmp_path / "long",
        size=sample.SampleSize(years=0.5, episodes_per_week=30),
        seed=3,
        end=NOW.date(),
    )
    diary = Diary.open(tmp_path / "long", clock=lambda: NOW)
    try:
        episodes_path, nights_path = exchange.export_csv(diary, tmp_path / "out")
        episodes = diary.list_episodes()
        days = {day.night_of.isoformat(): day for day in diary.list_days()}
        hour = diary.boundary_hour
        whole = io.StringIO(newline="")
        csv_format.write_episodes(whole, episodes, csv_format.Labels(diary.label, hour))
    finally:
        diary.close()
    assert len(episodes) > export_reads.PAGE  # read in more than one page
    # The streamed file holds byte for byte what the whole list gives the writer.
    assert episodes_path.read_bytes() == "\ufeff".encode() + whole.getvalue().encode()
    per_night = Counter(nights.night_of(e.start_local, hour).isoformat() for e in episodes)
    rows = read_csv(nights_path)
    assert [row["night_of"] for row in rows] == sorted(set(days) | set(per_night))
    assert {row["night_of"]: int(row["episodes"]) for row in rows} == {
        night: per_night.get(night, 0) for night in set(days) | set(per_night)
    }
    assert {row["night_of"]: row["uuid"] for row in rows if row["uuid"]} == {
        night: day.uuid for night, day in days.items()
    }
    assert any(row["uuid"] and row["episodes"] != "0" for row in rows)  # merged on one row


def test_a_side_written_as_the_app_shows_it_is_read_back(diary: Diary, tmp_path: Path) -> None:
    # The app shows a side not given as "Not noted": a spreadsheet copied from the screen
    # was refused ("“Not noted” is not a side").
    path = tmp_path / "copied.csv"
    path.write_text("Date,Time,Muscle,Side\n2026-03-01,02:10,Calf,Not noted\n")
    plan = exchange.plan_import(diary, path)
    assert plan.errors == []
    assert [e.episode.side for e in plan.batch.episodes] == [Side.NOT_APPLICABLE]
