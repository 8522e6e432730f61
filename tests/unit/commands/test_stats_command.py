"""`cramplog stats`: headline numbers and warning signs as text or JSON, and clear refusals."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from cramplog import cli
from cramplog.analysis import stats
from cramplog.core.records import DayFactors, EpisodeInput, Side
from cramplog.diary import integrity
from cramplog.diary.service import Diary
from tests.unit.data_safety import flip_bytes, page_size, sha256, unwritable

# The command reads the real clock, so the diary is filled well in the past and every test
# names its nights explicitly (except the one about the default period).
FIRST, LAST = date(2025, 6, 2), date(2025, 6, 8)
JUNE_2_TO_9 = ("--from", "2025-06-02", "--to", "2025-06-09")


def logged(data_dir: Path, *starts: datetime, **fields: object) -> None:
    """Log a left calf cramp at each start (local wall-clock time on this computer)."""
    diary = Diary.open(data_dir)
    try:
        for start in starts:
            episode = EpisodeInput(start=start.astimezone(), muscle="muscle.calf", side=Side.LEFT)
            diary.add_episode(replace(episode, **fields))  # type: ignore[arg-type]
    finally:
        diary.close()


def reviewed_awake(data_dir: Path, minutes_by_day: dict[int, int | None]) -> None:
    """Review nights of June 2025 (by day of the month), each with its minutes awake."""
    diary = Diary.open(data_dir)
    try:
        for day, awake in minutes_by_day.items():
            diary.set_day(date(2025, 6, day), DayFactors(reviewed=True, minutes_awake=awake))
    finally:
        diary.close()


@pytest.fixture
def filled(data_dir: Path) -> Path:
    june = [datetime(2025, 6, day, 3, 0) for day in (3, 4, 4)]  # nights of 2, 3 and 3 June
    logged(data_dir, *june, intensity=6, duration_s=700, symptoms=("symptom.swelling",))
    diary = Diary.open(data_dir)
    try:
        for day in (2, 3):  # the cramp nights were reviewed the next morning
            diary.set_day(date(2025, 6, day), DayFactors(reviewed=True))
        for day in (5, 6, 7):
            diary.mark_cramp_free(date(2025, 6, day))
    finally:
        diary.close()
    return data_dir


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["stats", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_holds_the_documented_keys_and_the_periods_numbers(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "--data-dir", str(filled), "--from", "2025-06-02", "--to", "2025-06-08", "--json"
    )
    assert (code, err) == (0, "")
    body = json.loads(out)
    for key in (
        "episodes",
        "cramps_per_week",
        "cramp_nights",
        "cramp_nights_per_week",
        "reviewed_nights",
        "nights_in_period",
        "intensity_median",
        "duration_median_s",
        "longest_duration_s",
        "cramps_over_10_min",
        "by_muscle",
        "by_hour",
        "warning_signs",
    ):
        assert key in body, key
    assert body["period"] == {"first": "2025-06-02", "last": "2025-06-08", "nights": 7}
    assert (body["episodes"], body["cramp_nights"], body["nights_in_period"]) == (3, 2, 7)
    assert body["reviewed_nights"] == 5 and body["recorded_nights"] == 5
    # 5 recorded nights are too few for a weekly rate: null, beside the count that says why.
    assert body["cramps_per_week"] is None and body["cramp_nights_per_week"] is None
    assert body["min_recorded_nights_to_rate"] == 7
    assert body["cramps_over_10_min"] == 3 and body["longest_duration_s"] == 700
    assert body["by_hour"][3] == {"hour": 3, "episodes": 3, "mean_intensity": 6.0}
    assert body["by_muscle"][0]["by_side"] == {"left": 3}
    codes = [sign["code"] for sign in body["warning_signs"]]
    assert "warning.leg_swelling_redness" in codes
    swelling = body["warning_signs"][codes.index("warning.leg_swelling_redness")]
    assert swelling["urgency"] == "now" and swelling["evidence"][0]["night"] == "2025-06-03"
    assert swelling["evidence"][0]["start_local"] == "2025-06-04T03:00:00"
    assert "(latest: night of Tue 3 Jun 2025, 03:00)" in swelling["sentence"]


def test_text_names_each_rate_with_its_completeness_and_the_warning_signs(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "--data-dir", str(filled), "--from", "2025-06-02", "--to", "2025-06-08"
    )
    assert code == 0
    assert out.startswith("Nights of 2 Jun 2025 to 8 Jun 2025 (7)")
    assert (
        "Cramps per week               too few recorded nights to rate (5 of 7 needed)   "
        "[5 of 7 nights recorded (71%)]"
    ) in out
    assert "Seek medical advice now: Leg swelling, redness or skin change." in out
    # The cramp at 03:00 on Wednesday 4 June is cited by its night, in the sentence and below.
    assert "(latest: night of Tue 3 Jun 2025, 03:00)" in out
    assert "    Night of Tue 3 Jun 2025, 03:00 — Calf (left): Swelling" in out


def test_a_fully_recorded_week_gives_its_rate(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    diary = Diary.open(filled)
    try:
        for day in (4, 8):
            diary.mark_cramp_free(date(2025, 6, day))
    finally:
        diary.close()
    code, out, _ = run(
        capsys, "--data-dir", str(filled), "--from", "2025-06-02", "--to", "2025-06-08"
    )
    assert code == 0
    # A rate keeps its decimal even when whole: a bare "3" would read as a count.
    assert "Cramps per week               3.0   [7 of 7 nights recorded (100%)]" in out


def test_nights_with_cramps_says_how_many_of_them_were_recorded(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ("--data-dir", str(filled), "--from", "2025-06-02", "--to", "2025-06-08")
    code, out, _ = run(capsys, *args)
    # Both cramp nights were reviewed: the count needs no note.
    assert code == 0 and "Nights with cramps            2\n" in out
    # A cramp on the night of Sunday 8 June, a night never reviewed.
    logged(filled, datetime(2025, 6, 9, 2, 0))
    code, out, _ = run(capsys, *args)
    assert code == 0
    # 3 nights had a cramp; the share below counts only the 2 recorded ones, 2 of 5.
    assert "Nights with cramps            3 (2 on recorded nights)\n" in out
    assert "Recorded nights with a cramp  40%   [5 of 7 nights recorded (71%)]" in out


def test_each_figure_is_rounded_to_the_precision_it_deserves(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Eight reviewed nights, 2 to 9 June, with 95 minutes awake between them.
    reviewed_awake(filled, dict(zip(range(2, 10), (10, 15, 21, 9, 12, 8, 13, 7), strict=True)))
    code, out, _ = run(capsys, "--data-dir", str(filled), *JUNE_2_TO_9)
    assert code == 0
    # 3 cramps in 8 nights = 2.625 a week; 95 minutes in 8 nights = 83.1 a week: a rate gets
    # one decimal, minutes are whole.
    assert "Cramps per week               2.6   [8 of 8 nights recorded (100%)]" in out
    assert "Minutes awake per week        83 (noted on 8 recorded nights)" in out
    # A median of ratings is a computed figure (one decimal); the worst is a rating as given.
    assert "median 6.0, worst 6 (3 rated)" in out


def test_minutes_awake_noted_only_on_cramp_nights_give_no_weekly_figure(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Eight reviewed nights, 40 minutes awake noted on the two with a cramp (2 and 3 June)
    # and on no other: times seven they would make every night a cramp night. The figure is
    # withheld, with why.
    reviewed_awake(filled, {day: 40 if day in (2, 3) else None for day in range(2, 10)})
    code, out, _ = run(capsys, "--data-dir", str(filled), *JUNE_2_TO_9)
    assert code == 0
    assert "Minutes awake per week        – (noted on 2 recorded nights: too few" in out
    # Noted on seven nights now, but still only on nights with a cramp.
    logged(filled, *(datetime(2025, 6, day, 23, 0) for day in range(5, 10)))
    reviewed_awake(filled, dict.fromkeys(range(5, 10), 40))
    code, out, _ = run(capsys, "--data-dir", str(filled), *JUNE_2_TO_9)
    assert (
        "Minutes awake per week        – (noted on 7 recorded nights: only on nights with cramps)"
    ) in out


def test_two_recorded_nights_and_one_cramp_are_too_few_to_rate(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    logged(data_dir, datetime(2025, 6, 3, 3, 0))
    diary = Diary.open(data_dir)
    try:
        diary.set_day(date(2025, 6, 2), DayFactors(reviewed=True))
        diary.mark_cramp_free(date(2025, 6, 5))
    finally:
        diary.close()
    args = ("--data-dir", str(data_dir), "--from", "2025-06-02", "--to", "2025-06-08")
    code, out, _ = run(capsys, *args, "--json")
    body = json.loads(out)
    assert code == 0
    assert (body["cramps_per_week"], body["recorded_nights"], body["episodes"]) == (None, 2, 1)
    code, out, _ = run(capsys, *args)
    assert "too few recorded nights to rate (2 of 7 needed)" in out
    assert "3.5" not in out


def test_an_empty_default_period_points_to_where_the_diary_begins(
    filled: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # An imported history of June 2025 lies before the last three months.
    monkeypatch.setenv("LANG", "C.UTF-8")
    code, out, _ = run(capsys, "--data-dir", str(filled))
    assert code == 0 and "Nothing to show" in out
    assert out.splitlines()[-1] == (
        "The diary begins on the night of 2 Jun 2025: add --from 2025-06-02 to include it."
    )


def test_an_empty_period_says_there_is_nothing_to_show(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "--data-dir", str(filled), "--from", "2024-01-01", "--to", "2024-01-07"
    )
    assert (code, err) == (0, "")
    assert "Nothing to show" in out
    code, out, _ = run(
        capsys, "--data-dir", str(filled), "--from", "2024-01-01", "--to", "2024-01-07", "--json"
    )
    body = json.loads(out)
    assert body["empty"] is True and body["cramps_per_week"] is None


def test_an_empty_diary_is_refused_with_one_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Diary.open(data_dir).close()
    code, out, err = run(capsys, "--data-dir", str(data_dir))
    assert code == 1 and out == ""
    assert err.startswith("cramplog: the diary ") and err.count("\n") == 1


def test_stats_on_a_folder_without_a_diary_creates_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "new"
    code, out, err = run(capsys, "--data-dir", str(new))
    assert (code, out) == (1, "")
    assert err == f"cramplog: There is no diary in {new}; nothing was created.\n"
    assert not (new / "diary.sqlite3").exists()


def test_stats_reads_a_diary_in_a_folder_it_cannot_write_and_leaves_the_folder_as_it_was(
    filled: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another user's folder, or a read-only disk: the figures are the same as anywhere,
    and no lock or log file is made beside the diary."""
    period = ("--from", "2025-06-01", "--to", "2025-06-30")
    expected = run(capsys, "--data-dir", str(filled), *period)
    assert expected[0] == 0 and "Cramps" in expected[1]
    before = sorted(p.name for p in filled.iterdir())
    with unwritable(filled, monkeypatch):
        assert run(capsys, "--data-dir", str(filled), *period) == expected
        assert run(capsys, "--data-dir", str(filled), *period, "--json")[0] == 0
        assert sorted(p.name for p in filled.iterdir()) == before


def test_stats_on_a_damaged_diary_names_the_damage(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flip_bytes(filled / "diary.sqlite3")
    before = sha256(filled / "diary.sqlite3")
    code, out, err = run(capsys, "--data-dir", str(filled))
    assert (code, out) == (1, "")
    assert err.startswith(f"cramplog: {filled / 'diary.sqlite3'} is damaged")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert sha256(filled / "diary.sqlite3") == before


def _flip_table_pages(path: Path, table: str) -> None:
    """Invert the b-tree header of `table`'s root page alone: the schema and the version
    stamp stay readable, so only a read of that table meets the damage."""
    connection = sqlite3.connect(path)
    (root,) = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
    ).fetchone()
    connection.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size(path)
    for i in range(start, start + 8):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


def test_damage_met_while_reading_gets_the_examinations_one_line_and_nothing_is_written(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = filled / "diary.sqlite3"
    _flip_table_pages(path, "episodes")
    before = sha256(path)
    code, out, err = run(
        capsys, "--from", "2025-06-02", "--to", "2025-06-08", "--data-dir", str(filled)
    )
    assert (code, out) == (1, "")
    # The very line the full examination gives (what a damaged diary always got).
    assert err == f"cramplog: {integrity.examine(filled).message}\n"
    assert err.startswith(f"cramplog: {path} is damaged") and "Traceback" not in err
    assert sha256(path) == before
    assert sorted(p.name for p in filled.iterdir() if p.name.startswith("diary")) == [
        "diary.sqlite3"
    ]


def test_stats_on_a_diary_from_a_newer_cramplog_refuses_it_unchanged(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = filled / "diary.sqlite3"
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = sha256(path)
    code, out, err = run(capsys, "--from", "2025-06-02", "--data-dir", str(filled))
    assert (code, out) == (1, "")
    assert err == (
        f"cramplog: {path} was written by a newer version of cramplog (schema 9999); "
        "update cramplog to open it. The file was not changed.\n"
    )
    assert sha256(path) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2025-13-01"], "cramplog: argument --from: '2025-13-01' is not a date"),
        (["--to", "yesterday"], "cramplog: argument --to: 'yesterday' is not a date"),
        (["--from", "2025-06-08", "--to", "2025-06-02"], "cramplog: --from 2025-06-08 is after"),
        (["--to", "9999-12-31"], "cramplog: --to 9999-12-31 is in the future"),
        (["--from", "20250601"], "cramplog: argument --from: '20250601' is not a date"),
        (["--from", "2025-W01-1"], "cramplog: argument --from: '2025-W01-1' is not a date"),
        (["--from", "0001-01-01"], "cramplog: argument --from: 0001-01-01 is before 1900-01-01"),
        (["--to", "0001-01-27"], "cramplog: argument --to: 0001-01-27 is before 1900-01-01"),
    ],
)
def test_bad_dates_get_one_clear_line_and_exit_2(
    filled: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    try:
        code = cli.main(["stats", "--data-dir", str(filled), *args])
    except SystemExit as exc:  # argparse's own refusal, one line through cli's parser
        code = int(str(exc.code))
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1


def test_without_dates_it_covers_the_apps_default_last_three_months(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    now = datetime.now()
    logged(data_dir, now - timedelta(days=3), now - timedelta(days=40), now - timedelta(days=100))
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "--json")
    body = json.loads(out)
    assert code == 0
    assert 89 <= body["period"]["nights"] <= 92  # three calendar months
    assert body["episodes"] == 2  # 100 days ago is outside
    diary = Diary.open(data_dir)
    try:
        shown_in_the_app = stats.diary_presets(diary)[stats.PeriodPreset.LAST_3_MONTHS]
    finally:
        diary.close()
    assert body["period"]["first"] == shown_in_the_app.first.isoformat()
    assert body["period"]["last"] == shown_in_the_app.last.isoformat()


@pytest.mark.parametrize(
    ("lang", "period", "cited"),
    [
        (
            "de_DE.UTF-8",
            "Nights of 2. Juni 2025 to 8. Juni 2025",
            "night of Di., 3. Juni 2025, 03:00",
        ),
        (
            "en_US.UTF-8",
            "Nights of Jun 2, 2025 to Jun 8, 2025",
            "night of Tue, Jun 3, 2025, 3:00\u202fAM",
        ),
    ],
)
def test_text_writes_dates_and_times_in_the_terminals_locale(
    filled: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    period: str,
    cited: str,
) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_TIME", raising=False)
    monkeypatch.setenv("LANG", lang)
    code, out, _ = run(
        capsys, "--data-dir", str(filled), "--from", "2025-06-02", "--to", "2025-06-08"
    )
    assert code == 0
    assert out.startswith(period)
    assert f"(latest: {cited})" in out


def test_a_cramp_noted_by_date_only_is_counted_but_given_no_hour(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cramplog.core import nights

    # Noted on 6 June with no time: the night of 5 June.
    logged(filled, nights.date_only_start(date(2025, 6, 6)), time_noted=False)
    args = ("--data-dir", str(filled), "--from", "2025-06-02", "--to", "2025-06-08")
    code, out, _ = run(capsys, *args, "--json")
    body = json.loads(out)
    assert code == 0 and body["episodes"] == 4
    assert sum(h["episodes"] for h in body["by_hour"]) == 3
    assert body["timing"]["time_not_noted"] == 1 and body["timing"]["timing_unknown"] == 1
    assert body["nocturnal"] + body["daytime"] == 3
    code, out, _ = run(capsys, *args)
    assert "Hour not known" in out and "1 cramp: time not noted" in out


def test_a_save_by_the_app_mid_run_never_mixes_two_diaries_in_one_answer(
    filled: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The figures and the warning signs are read at different moments; an entry moved out
    of the period by the app in between must not leave them disagreeing."""
    from cramplog.analysis import warning_signs

    real_check = warning_signs.check

    def check_after_a_save(*args: object, **kwargs: object) -> object:
        other = sqlite3.connect(filled / "diary.sqlite3")
        try:
            with other:  # the app moves the newest cramp to May, out of the period
                other.execute(
                    "UPDATE episodes SET start_utc = '2025-05-01 02:00:00.000000'"
                    " WHERE id = (SELECT max(id) FROM episodes)"
                )
        finally:
            other.close()
        return real_check(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(warning_signs, "check", check_after_a_save)
    period = ("--from", "2025-06-02", "--to", "2025-06-08")
    code, out, err = run(capsys, "--data-dir", str(filled), *period, "--json")
    assert (code, err) == (0, "")
    body = json.loads(out)
    swelling = next(s for s in body["warning_signs"] if s["code"] == "warning.leg_swelling_redness")
    assert body["episodes"] == swelling["evidence_count"] == 3  # the diary as the run began

    monkeypatch.setattr(warning_signs, "check", real_check)
    code, out, err = run(capsys, "--data-dir", str(filled), *period, "--json")
    body = json.loads(out)
    swelling = next(s for s in body["warning_signs"] if s["code"] == "warning.leg_swelling_redness")
    assert body["episodes"] == swelling["evidence_count"] == 2  # the save did land


def test_a_piped_run_hands_over_all_of_its_output_before_the_process_ends(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `cramplog stats --json > figures.json`: the process ends at once after the command
    # (no interpreter shutdown), so what it printed must be out by then, to the last line.
    period = ["--from", FIRST.isoformat(), "--to", LAST.isoformat()]
    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    result = subprocess.run(
        [sys.executable, "-m", "cramplog", "stats", "--data-dir", str(filled), *period, "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=buffered,  # as a person's shell runs it: output to a pipe is held in a buffer
    )
    code, out, err = run(capsys, "--data-dir", str(filled), *period, "--json")
    assert (result.returncode, result.stderr) == (code, err) == (0, "")
    assert result.stdout == out
    assert json.loads(result.stdout)["episodes"] == 3


def test_a_refusal_reaches_the_terminal_before_the_process_ends(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cramplog", "stats", "--data-dir", str(tmp_path / "none")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"},
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("cramplog: There is no diary in ")


def test_a_reader_that_leaves_early_ends_the_output_without_a_word(filled: Path) -> None:
    # `cramplog stats | head -1`: the rest of the output has nowhere to go, and that is all.
    period = ["--from", FIRST.isoformat(), "--to", LAST.isoformat()]
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before the first line is written
    try:
        result = subprocess.run(
            [sys.executable, "-m", "cramplog", "stats", "--data-dir", str(filled), *period],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == cli.EXIT_BROKEN_PIPE


def test_an_early_to_never_reaches_back_before_the_first_night_a_command_takes(
    capsys: pytest.CaptureFixture[str], filled: Path
) -> None:
    # The three months before --to 1900-01-01 began on 2 October 1899, a night --from
    # refuses.
    code, out, _err = run(capsys, "--to", "1900-01-01", "--data-dir", str(filled))
    assert code == 0
    assert out.startswith("Nights of 1 Jan 1900 to 1 Jan 1900 (1)\n")
