"""Build a small diary with the code on PYTHONPATH (an old cramplog) and print its SQL dump.

Usage: PYTHONPATH=<old worktree> python build_old_diary.py 0001|0002 > diary-revNNNN.sql
"""

import sqlite3
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from cramplog.db import diary_file
from cramplog.db import engine as engines
from cramplog.db import repository as repo
from cramplog.records import (
    DayFactors,
    EpisodeInput,
    Exercise,
    Hydration,
    MedicationInput,
    ReliefRating,
    Side,
    TakenFor,
    VocabularyKind,
)

import cramplog
from cramplog.diary import Diary

revision = sys.argv[1]
print(f"-- built with {cramplog.__file__}", file=sys.stderr)
LONDON = ZoneInfo("Europe/London")
NOW = datetime(2025, 6, 10, 9, 0, tzinfo=LONDON)

with tempfile.TemporaryDirectory() as folder:
    data_dir = Path(folder)
    if revision == "0002":
        diary = Diary.open(data_dir, clock=lambda: NOW)
        diary.set_boundary_hour(5)
    else:
        # No cramplog ever shipped 0001 as its newest schema (0001 and 0002 came in one
        # commit), so the file is made by that commit's own migration 0001, and the Diary
        # runs on it with settings read as "not set" and not written (the table came in 0002).
        assert revision == "0001"
        path = diary_file.diary_path(data_dir)
        path.touch()
        engines.set_application_id(path)
        engine = engines.create_diary_engine(path)
        with engine.begin() as conn:
            diary_file.migrate(conn, "0001")
        repo.get_setting = lambda session, key: None
        repo.put_setting = lambda session, key, value: None
        diary = Diary(engine, data_dir, clock=lambda: NOW)
    try:
        spot = diary.add_custom_item(VocabularyKind.MUSCLE, "Left big toe")
        wine = diary.add_custom_item(VocabularyKind.TRIGGER, "Red wine")
        hidden = diary.add_custom_item(VocabularyKind.RELIEF, "Standing on a cold tile")
        diary.rename_custom_item(wine.code, "Red wine (two glasses)")
        diary.set_custom_item_hidden(hidden.code, True)
        # Quick-logged at night, still to review: the app stored "did not wake me".
        diary.add_episode(
            EpisodeInput(
                start=datetime(2025, 6, 3, 3, 10, tzinfo=LONDON),
                muscle="muscle.calf",
                side=Side.LEFT,
                to_review=True,
            )
        )
        # Filled in in the full form: woke the person, a trigger and two reliefs.
        diary.add_episode(
            EpisodeInput(
                start=datetime(2025, 6, 4, 2, 30, tzinfo=LONDON),
                muscle="muscle.calf",
                side=Side.RIGHT,
                duration_s=150,
                intensity=7,
                woke_from_sleep=True,
                activity="activity.asleep",
                hydration=Hydration.THIRSTY,
                triggers=("trigger.dehydration", wine.code),
                reliefs=(
                    ("relief.stretch", ReliefRating.HELPED),
                    (hidden.code, ReliefRating.A_LITTLE),
                ),
                symptoms=("symptom.soreness_after",),
                notes="Woke at 02:30 — “the usual one”, <b>not</b> bold",
            )
        )
        # The full form with a real "no": it came on while running, stretching helped.
        diary.add_episode(
            EpisodeInput(
                start=datetime(2025, 6, 5, 18, 45, tzinfo=LONDON),
                muscle=spot.code,
                side=Side.LEFT,
                duration_s=40,
                intensity=4,
                woke_from_sleep=False,
                activity="activity.running",
                reliefs=(("relief.stretch", ReliefRating.HELPED),),
            )
        )
        # What a cramps-only spreadsheet import stored: time, muscle, numbers.
        diary.add_episode(
            EpisodeInput(
                start=datetime(2025, 6, 6, 1, 0, tzinfo=LONDON),
                muscle="muscle.foot",
                side=Side.NOT_APPLICABLE,
                duration_s=60,
                intensity=5,
            )
        )
        diary.set_day(
            date(2025, 6, 3),
            DayFactors(
                reviewed=True,
                fluids_l=1.5,
                exercise=Exercise.HARD,
                alcohol_units=2.0,
                stress=3,
                notes="Long walk in the heat",
            ),
        )
        diary.mark_cramp_free(date(2025, 6, 7))
        diary.mark_cramp_free(date(2025, 6, 8))
        diary.add_medication(
            MedicationInput(
                name="Atorvastatin",
                dose="20 mg at night",
                started_on=date(2025, 1, 15),
                med_class="medication_class.cholesterol",
            )
        )
        magnesium = diary.add_medication(
            MedicationInput(
                name="Magnesium",
                dose="300 mg",
                started_on=date(2025, 5, 1),
                taken_for=TakenFor.CRAMPS,
                med_class="medication_class.magnesium_supplement",
            )
        )
        diary.stop_medication(magnesium.id, date(2025, 6, 1))
    finally:
        diary.close()
    conn = sqlite3.connect(diary_file.diary_path(data_dir))
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    print(f"-- cramplog diary at schema revision {revision}; PRAGMA application_id = {app_id}")
    for line in conn.iterdump():
        print(line)
    conn.close()
