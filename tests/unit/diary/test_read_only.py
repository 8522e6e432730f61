"""`cramplog stats` reads the diary through sqlite3 alone and gets the app's very figures."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

from cramplog.analysis import stats, warning_signs
from cramplog.core.records import (
    DayFactors,
    EpisodeInput,
    MedicationInput,
    ReliefRating,
    Side,
    TakenFor,
    VocabularyKind,
)
from cramplog.diary import setting_values
from cramplog.diary.read_only import ReadOnlyDiary
from cramplog.diary.service import Diary
from tests.conftest import LONDON, NOW
from tests.unit.data_safety import sha256

# The fixed clock is Thursday 12 March 2026: last night is the night of Wed 11 March.
FEBRUARY_ON = stats.Period(date(2026, 2, 1), date(2026, 3, 11))


def _awkward_diary(diary: Diary) -> None:
    """A diary with what a second reader could get wrong: unknowns, a cramp noted by date
    only, a muscle and a trigger of the person's own, spans, reliefs, a medicine."""
    calf = "muscle.calf"
    own_muscle = diary.add_custom_item(VocabularyKind.MUSCLE, "Left big toe").code
    own_trigger = diary.add_custom_item(VocabularyKind.TRIGGER, "Cold floor").code
    for day in range(2, 28, 3):
        diary.add_episode(
            EpisodeInput(
                start=datetime(2026, 2, day, 3, 10, tzinfo=LONDON),
                muscle=calf if day % 2 else own_muscle,
                side=Side.LEFT if day % 2 else Side.BOTH,
                duration_s=700 if day % 4 == 0 else None,
                intensity=9 if day % 5 == 0 else None,
                woke_from_sleep=True if day % 3 == 0 else None,
                triggers=(own_trigger,) if day % 2 else (),
                triggers_asked=day % 2 == 1,
                reliefs=(("relief.stretch", ReliefRating.NOT_HELPED),) if day % 4 == 0 else (),
                reliefs_asked=day % 4 == 0,
                symptoms=("symptom.numbness",) if day == 14 else (),
            )
        )
    # Noted by date only; and one in the afternoon, timing never said.
    diary.add_episode(
        EpisodeInput(
            start=datetime(2026, 3, 3, 12, 0, tzinfo=LONDON), muscle=calf, time_noted=False
        )
    )
    diary.add_episode(EpisodeInput(start=datetime(2026, 3, 5, 15, 0, tzinfo=LONDON), muscle=calf))
    for day in range(1, 12):
        diary.set_day(date(2026, 2, day), DayFactors(reviewed=True, stress=8 if day % 2 else 2))
    diary.declare_span(date(2026, 3, 1), None)
    diary.add_medication(
        MedicationInput(
            name="Water tablet",
            started_on=date(2026, 2, 20),
            taken_for=TakenFor.OTHER,
            med_class="medication_class.diuretic",
        )
    )


def test_the_read_only_diary_gives_the_apps_figures_and_warning_signs(diary: Diary) -> None:
    _awkward_diary(diary)
    with ReadOnlyDiary.opened(diary.data_dir, clock=lambda: NOW) as plain:
        assert plain is not None
        for period in (FEBRUARY_ON, stats.Period(date(2026, 3, 3), date(2026, 3, 3))):
            ours = stats.compute(plain, period, comparison=period.previous())
            apps = stats.compute(diary, period, comparison=period.previous())
            assert ours == apps
            assert warning_signs.check(plain, period) == warning_signs.check(diary, period)
        assert stats.first_recorded_night(plain) == stats.first_recorded_night(diary)
        assert plain.label(diary.custom_items(VocabularyKind.MUSCLE)[0].code) == "Left big toe"
        assert plain.list_medications() == diary.list_medications()
        assert plain.custom_items() == diary.custom_items()
    # What a person sees did come through: the date-only cramp, the span, their own words.
    february = stats.compute(diary, FEBRUARY_ON)
    assert february.time_not_noted == 1 and february.span_only_nights > 0
    assert any(m.label == "Left big toe" for m in february.by_muscle)


def test_reading_writes_nothing_and_leaves_no_companion_files(diary: Diary) -> None:
    _awkward_diary(diary)
    diary.close()
    before = sha256(diary.path)
    with ReadOnlyDiary.opened(diary.data_dir, clock=lambda: NOW) as plain:
        assert plain is not None
        stats.compute(plain, FEBRUARY_ON)
    assert sha256(diary.path) == before
    assert sorted(p.name for p in diary.path.parent.glob("diary.sqlite3*")) == ["diary.sqlite3"]


def test_it_sees_what_the_open_app_saved_and_keeps_one_diary_while_it_reads(
    diary: Diary,
) -> None:
    def calf_cramp(day: int) -> EpisodeInput:
        return EpisodeInput(start=datetime(2026, 3, day, 2, 0, tzinfo=LONDON), muscle="muscle.calf")

    diary.add_episode(calf_cramp(10))
    with ReadOnlyDiary.opened(diary.data_dir, clock=lambda: NOW) as plain:
        assert plain is not None
        assert stats.compute(plain, FEBRUARY_ON).episodes == 1
        diary.add_episode(calf_cramp(9))  # the app saves mid-read, and is not held up
        assert stats.compute(diary, FEBRUARY_ON).episodes == 2
        assert stats.compute(plain, FEBRUARY_ON).episodes == 1  # one diary per reading
    with ReadOnlyDiary.opened(diary.data_dir, clock=lambda: NOW) as plain:
        assert plain is not None
        assert stats.compute(plain, FEBRUARY_ON).episodes == 2


def _set_setting(path: Path, key: str, value: str) -> None:
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE settings SET value = ? WHERE key = ?", (value, key))
    connection.close()


def test_a_diary_whose_words_predate_the_checklist_is_left_to_the_app(diary: Diary) -> None:
    # The app brings the diary's words up to date on opening (a write), so a reader that
    # never writes hands such a diary back rather than show stale words.
    diary.close()
    _set_setting(diary.path, setting_values.CHECKLIST_HASH_KEY, "an older checklist")
    with ReadOnlyDiary.opened(diary.data_dir, clock=lambda: NOW) as plain:
        assert plain is None


def test_the_settings_that_change_the_figures_are_read_as_the_app_reads_them(
    diary: Diary,
) -> None:
    diary.set_boundary_hour(14)
    diary.set_frequent_threshold(7)
    with ReadOnlyDiary.opened(diary.data_dir, clock=lambda: NOW) as plain:
        assert plain is not None
        assert (plain.boundary_hour, plain.frequent_threshold) == (14, 7)
        assert plain.sleep_hours == diary.sleep_hours
        assert plain.last_night() == diary.last_night() == NOW.date() - timedelta(days=1)
