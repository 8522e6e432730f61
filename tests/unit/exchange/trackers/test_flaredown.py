"""A Flaredown export imports without hand-editing: each check-in a reviewed night, a cramp
symptom scored above 0 a cramp of time not noted, treatments as medicines with their dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cramplog import exchange
from cramplog.core.errors import ImportFileError
from cramplog.diary.service import Diary
from cramplog.exchange import dry_run
from cramplog.exchange.trackers import cramp_symptoms

# As Flaredown's export job writes it: Date, conditions, symptoms, treatments, Tags, Foods.
EXPORT = (
    "Date,Fibromyalgia,Leg cramps,Charley horse,Fatigue,Magnesium,Quinine,Tags,Foods\n"
    "2026-03-01,2,3,,1,400 mg,Not Taken,dehydration; long walk,Banana\n"
    "2026-03-02,1,0,0,2,400 mg,,stress,\n"
    "2026-03-03,2,,,1,Taken,,,\n"
    "2026-03-04,3,4,1,3,400 mg,Taken,dehydration,Coffee; Bread\n"
)


def plan_of(diary: Diary, tmp_path: Path, text: str = EXPORT) -> exchange.ImportPlan:
    path = tmp_path / "flaredown-export.txt"
    path.write_text(text)
    return exchange.plan_import(diary, path)


def test_each_check_in_with_a_cramp_score_is_a_reviewed_night(diary: Diary, tmp_path: Path) -> None:
    plan = plan_of(diary, tmp_path)
    assert plan.errors == [] and plan.source is exchange.SourceKind.FLAREDOWN
    # Noted on 1, 2 and 4 March: the nights before those mornings. On 3 March no cramp
    # symptom was scored, so that night stays unknown.
    assert [day.night_of for day in plan.batch.days] == [
        date(2026, 2, 28),
        date(2026, 3, 1),
        date(2026, 3, 3),
    ]
    assert all(day.factors.reviewed for day in plan.batch.days)
    assert "Fibromyalgia 2, Fatigue 1" in plan.batch.days[0].factors.notes


def test_a_score_above_0_is_a_cramp_of_time_not_noted_scaled_to_0_10(
    diary: Diary, tmp_path: Path
) -> None:
    plan = plan_of(diary, tmp_path)
    cramps = [
        (e.start_local.date(), e.episode.muscle, e.episode.intensity, e.episode.time_noted)
        for e in plan.batch.episodes
    ]
    assert cramps == [
        (date(2026, 3, 1), "muscle.calf", 8, False),
        (date(2026, 3, 4), "muscle.calf", 10, False),
        (date(2026, 3, 4), "muscle.calf", 3, False),
    ]
    assert [cramp_symptoms.intensity(score) for score in range(5)] == [0, 3, 5, 8, 10]


def test_all_cramp_symptoms_at_0_make_a_cramp_free_night(diary: Diary, tmp_path: Path) -> None:
    plan = plan_of(diary, tmp_path)
    exchange.apply_import(diary, plan, back_up=False)
    night = diary.get_day(date(2026, 3, 1))
    assert night is not None and night.factors.reviewed
    assert diary.count_episodes() == 3


def test_tags_that_name_triggers_become_the_cramps_triggers(diary: Diary, tmp_path: Path) -> None:
    first = plan_of(diary, tmp_path).batch.episodes[0].episode
    assert first.triggers == ("trigger.dehydration",)


def test_treatments_become_medicines_with_the_dates_they_were_taken(
    diary: Diary, tmp_path: Path
) -> None:
    medicines = [
        (m.medication.name, m.medication.dose, m.medication.started_on, m.medication.stopped_on)
        for m in plan_of(diary, tmp_path).batch.medications
    ]
    assert medicines == [
        ("Magnesium", "400 mg", date(2026, 3, 1), date(2026, 3, 2)),
        ("Magnesium", "", date(2026, 3, 3), date(2026, 3, 3)),
        ("Magnesium", "400 mg", date(2026, 3, 4), date(2026, 3, 4)),
        ("Quinine", "", date(2026, 3, 4), date(2026, 3, 4)),
    ]


def test_importing_the_export_twice_adds_nothing_the_second_time(
    diary: Diary, tmp_path: Path
) -> None:
    exchange.apply_import(diary, plan_of(diary, tmp_path), back_up=False)
    again = exchange.apply_import(diary, plan_of(diary, tmp_path), back_up=False)
    assert (again.episodes, again.days, again.medications) == (0, 0, 0)


def test_a_score_outside_0_to_4_is_a_row_error_and_the_rest_is_read(
    diary: Diary, tmp_path: Path
) -> None:
    plan = plan_of(diary, tmp_path, EXPORT.replace("2026-03-04,3,4,", "2026-03-04,3,7,"))
    assert [str(error) for error in plan.errors] == [
        "line 5: “7” under “Leg cramps” is not a Flaredown score (0 to 4)."
    ]
    assert len(plan.batch.days) == 2


def test_an_export_that_tracks_no_cramps_is_refused(diary: Diary, tmp_path: Path) -> None:
    text = "Date,Fatigue,Tags,Foods\n2026-03-01,2,,\n"
    with pytest.raises(ImportFileError, match="no symptom named as a cramp"):
        plan_of(diary, tmp_path, text)


def test_a_spreadsheet_is_not_taken_for_flaredown(diary: Diary, tmp_path: Path) -> None:
    plan = plan_of(diary, tmp_path, "Date,Time,Muscle,Tags\n2026-03-01,02:10,Calf,\n")
    assert plan.source is exchange.SourceKind.SPREADSHEET


def test_the_dry_run_names_what_every_column_becomes(diary: Diary, tmp_path: Path) -> None:
    lines = dry_run.spreadsheet_lines(plan_of(diary, tmp_path).batch, new_words_agreed=False)
    assert lines[:10] == [
        "Columns:",
        "  “Date” → the check-in's night (reviewed) (“2026-03-01”, “2026-03-02”)",
        "  “Fibromyalgia” → the night's notes (a score of 0–4) (“2”, “1”)",
        "  “Leg cramps” → cramps of that night, scored 0–4 (“3”, “0”)",
        "  “Charley horse” → cramps of that night, scored 0–4 (“0”, “1”)",
        "  “Fatigue” → the night's notes (a score of 0–4) (“1”, “2”)",
        "  “Magnesium” → medicines, with the dates taken (“400 mg”, “Taken”)",
        "  “Quinine” → medicines, with the dates taken (“Not Taken”, “Taken”)",
        "  “Tags” → triggers, where a tag names one (“dehydration; long walk”, “stress”)",
        "  “Foods” → the night's notes (“Banana”, “Coffee; Bread”)",
    ]


def test_a_treatment_named_as_a_class_of_the_checklist_gets_that_class(
    diary: Diary, tmp_path: Path
) -> None:
    plan = plan_of(diary, tmp_path)
    classes = {m.medication.name: m.medication.med_class for m in plan.batch.medications}
    assert classes == {
        "Magnesium": "medication_class.magnesium_supplement",
        "Quinine": "medication_class.quinine",
    }


def test_a_dry_run_of_many_symptom_columns_never_calls_the_read_ones_ignored(
    diary: Diary, tmp_path: Path
) -> None:
    # Past a dozen "ignored" columns the rest are counted; a tracker's columns, read and
    # described (the cramp symptom itself, Tags, Foods), were counted among them.
    others = [f"Symptom {n}" for n in range(14)]
    text = (
        ",".join(["Date", *others, "Leg cramps", "Tags", "Foods"])
        + "\n"
        + ",".join(["2026-03-01", *("1" for _ in others), "3", "dehydration", "Banana"])
        + "\n"
    )
    lines = dry_run.spreadsheet_lines(plan_of(diary, tmp_path, text).batch, new_words_agreed=False)
    columns = "\n".join(lines)
    assert "“Leg cramps” → " in columns and "“Tags” → " in columns and "“Foods” → " in columns
    assert "more columns, ignored" not in columns and "more column, ignored" not in columns
