"""A Bearable export imports without hand-editing: each cramp symptom a cramp of time not noted,
everything else named as left out."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cramplog import exchange
from cramplog.core.errors import ImportFileError
from cramplog.diary.service import Diary
from cramplog.exchange import dry_run

# Bearable's long format: one row per logged item.
EXPORT = (
    "date,date formatted,weekday,time of day,category,rating/amount,detail,notes\n"
    "2026-03-01T08:00:00.000Z,2026-03-01,Sunday,am,Symptom,3,Leg cramps (Severe),woke twice\n"
    "2026-03-01T20:00:00.000Z,2026-03-01,Sunday,pm,Symptom,1,Foot cramp (Mild),\n"
    "2026-03-01T08:00:00.000Z,2026-03-01,Sunday,am,Mood,4,,\n"
    "2026-03-02T08:00:00.000Z,2026-03-02,Monday,am,Sleep,7:30,Asleep 23:00 - 06:30,\n"
    "2026-03-02T08:00:00.000Z,2026-03-02,Monday,am,Symptom,2,Headache (Moderate),\n"
    "2026-03-04T08:00:00.000Z,2026-03-04,Wednesday,am,Symptom,,Charley horse (Unbearable),\n"
)


def plan_of(diary: Diary, tmp_path: Path, text: str = EXPORT) -> exchange.ImportPlan:
    path = tmp_path / "Bearable App - Data Export.csv"
    path.write_text(text)
    return exchange.plan_import(diary, path)


def test_cramp_symptoms_become_cramps_of_time_not_noted(diary: Diary, tmp_path: Path) -> None:
    plan = plan_of(diary, tmp_path)
    assert plan.errors == [] and plan.source is exchange.SourceKind.BEARABLE
    hour = diary.boundary_hour
    from cramplog.core import nights

    cramps = [
        (
            nights.night_of(e.start_local, hour),
            e.episode.muscle,
            e.episode.intensity,
            e.episode.time_noted,
        )
        for e in plan.batch.episodes
    ]
    assert cramps == [
        # "am" on 1 March: the night before that morning; "pm": the night that evening starts.
        (date(2026, 2, 28), "muscle.calf", 8, False),
        (date(2026, 3, 1), "muscle.foot", 3, False),
        # No rating: the severity word in brackets gives it.
        (date(2026, 3, 3), "muscle.calf", 10, False),
    ]
    assert plan.batch.episodes[0].episode.notes.startswith("woke twice\n")


def test_every_other_row_is_named_as_left_out(diary: Diary, tmp_path: Path) -> None:
    summary = plan_of(diary, tmp_path).summary()
    assert "left out: Mood 1, Sleep 1, Symptom 1" in summary


def test_importing_it_twice_adds_nothing_the_second_time(diary: Diary, tmp_path: Path) -> None:
    exchange.apply_import(diary, plan_of(diary, tmp_path), back_up=False)
    again = exchange.apply_import(diary, plan_of(diary, tmp_path), back_up=False)
    assert again.episodes == 0 and diary.count_episodes() == 3


def test_day_first_dates_are_settled_across_the_file(diary: Diary, tmp_path: Path) -> None:
    # 13/02/2026 can only be day-first, so 01/03/2026 is the first of March.
    text = EXPORT.replace(",2026-03-04,", ",13/02/2026,").replace(",2026-03-01,", ",01/03/2026,")
    starts = [e.start_local.date() for e in plan_of(diary, tmp_path, text).batch.episodes]
    # The "pm" cramp of 1 March belongs to the night that evening starts: stored on the 2nd.
    assert starts == [date(2026, 3, 1), date(2026, 3, 2), date(2026, 2, 13)]


def test_dates_that_read_both_ways_are_asked_about(diary: Diary, tmp_path: Path) -> None:
    text = EXPORT.replace(",2026-03-04,", ",04/03/2026,").replace(",2026-03-01,", ",01/03/2026,")
    plan = plan_of(diary, tmp_path, text)
    assert exchange.Question.DATE_ORDER in plan.questions and not plan.batch.episodes
    settled = exchange.plan_import(diary, plan.path, exchange.ImportOptions(day_first=True))
    assert [e.start_local.date() for e in settled.batch.episodes][-1] == date(2026, 3, 4)


def test_an_export_without_cramps_is_refused(diary: Diary, tmp_path: Path) -> None:
    text = "\n".join(
        line for line in EXPORT.splitlines() if "ramp" not in line and "horse" not in line
    )
    with pytest.raises(ImportFileError, match="no symptom named as a cramp"):
        plan_of(diary, tmp_path, text + "\n")


def test_a_bad_date_is_a_row_error_with_its_line(diary: Diary, tmp_path: Path) -> None:
    plan = plan_of(diary, tmp_path, EXPORT.replace(",2026-03-04,", ",someday,"))
    assert [str(error).split(":")[0] for error in plan.errors] == ["line 7"]


def test_the_dry_run_names_what_every_column_becomes(diary: Diary, tmp_path: Path) -> None:
    lines = dry_run.spreadsheet_lines(plan_of(diary, tmp_path).batch, new_words_agreed=False)
    fates = [line for line in lines if " → " in line]
    assert len(fates) == len(EXPORT.splitlines()[0].split(","))
    assert any(line.startswith("  “weekday” → ignored") for line in fates)
    assert any("“rating/amount” → the cramp's intensity, scored 1–4" in line for line in fates)
