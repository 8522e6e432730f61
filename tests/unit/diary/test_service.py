"""The diary service: what a person enters is stored exactly, or refused clearly."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from cramplog.core.errors import NotFoundError, StorageError, ValidationError
from cramplog.core.records import (
    DayFactors,
    EpisodeFilter,
    EpisodeInput,
    Exercise,
    Hydration,
    MedicationInput,
    ReliefRating,
    Side,
    TakenFor,
    VocabularyKind,
)
from cramplog.diary import service
from cramplog.diary.service import Diary
from tests.conftest import LONDON, NOW


def calf_cramp(**changes: object) -> EpisodeInput:
    base = EpisodeInput(
        start=datetime(2026, 3, 11, 2, 10, tzinfo=LONDON),
        muscle="muscle.calf",
        side=Side.LEFT,
        duration_s=95,
        intensity=7,
        woke_from_sleep=True,
        activity="activity.asleep",
        hydration=Hydration.NORMAL,
        triggers=("trigger.dehydration", "trigger.overuse"),
        reliefs=(("relief.stretch", ReliefRating.HELPED), ("relief.massage", None)),
        symptoms=("symptom.soreness_after",),
        notes="Woke with the left calf locked.",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_log_a_calf_cramp_at_0210_and_it_is_listed_under_tuesday_night(diary: Diary) -> None:
    saved = diary.add_episode(calf_cramp())
    listed = diary.list_episodes()
    assert [e.uuid for e in listed] == [saved.uuid]
    episode = listed[0]
    assert diary.night_of(episode) == date(2026, 3, 10)  # Wednesday 02:10 → Tuesday night
    assert episode.start_local == datetime(2026, 3, 11, 2, 10)
    assert episode.utc_offset_min == 0
    assert episode.triggers == ("trigger.dehydration", "trigger.overuse")
    assert dict(episode.reliefs) == {
        "relief.stretch": ReliefRating.HELPED,
        "relief.massage": None,
    }
    assert episode.symptoms == ("symptom.soreness_after",)
    assert episode.notes == "Woke with the left calf locked."
    assert episode.nocturnal


def test_summer_time_cramp_keeps_its_wall_clock_hour(diary: Diary) -> None:
    july = datetime(2025, 7, 1, 3, 15, tzinfo=LONDON)
    episode = diary.add_episode(calf_cramp(start=july))
    assert episode.start_local == datetime(2025, 7, 1, 3, 15)
    assert episode.utc_offset_min == 60
    assert episode.start_utc == datetime(2025, 7, 1, 2, 15)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"duration_s": 0}, "duration", "between 1 second and 24 hours"),
        ({"duration_s": 86_401}, "duration", "between 1 second and 24 hours"),
        ({"intensity": 11}, "intensity", "0 to 10"),
        ({"intensity": -1}, "intensity", "0 to 10"),
        ({"start": NOW + timedelta(hours=1)}, "start", "in the future"),
        ({"muscle": ""}, "muscle", "Choose the muscle"),
        ({"muscle": "muscle.tail"}, "muscle", "Unknown muscle"),
        ({"triggers": ("trigger.moon",)}, "triggers", "Unknown trigger"),
        ({"notes": "x\x00y"}, "notes", "NUL"),
        (
            {"start": NOW - timedelta(minutes=1), "duration_s": 600},
            "duration",
            "end in the future",
        ),
    ],
)
def test_bad_entries_are_refused_with_a_clear_message_and_nothing_is_saved(
    diary: Diary, changes: dict[str, object], field: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message) as refused:
        diary.add_episode(calf_cramp(**changes))
    assert refused.value.field == field
    assert diary.list_episodes() == []


def test_hostile_and_huge_notes_are_stored_exactly(diary: Diary) -> None:
    notes = (
        "<img src='file:///etc/passwd'> <b>x</b> =HYPERLINK(\"http://x\") $\\frac{1}{2}$ "
        "😖 שלום عربى\n" + "m" * 1_000_000
    )
    saved = diary.add_episode(calf_cramp(notes=notes))
    assert diary.get_episode(saved.id).notes == notes


def test_edit_changes_the_entry_and_its_links(diary: Diary) -> None:
    saved = diary.add_episode(calf_cramp())
    edited = diary.update_episode(
        saved.id,
        calf_cramp(
            muscle="muscle.foot",
            side=Side.RIGHT,
            triggers=("trigger.heat_sweating",),
            reliefs=(("relief.heat", ReliefRating.NOT_HELPED),),
            symptoms=(),
        ),
    )
    assert edited.uuid == saved.uuid
    assert (edited.muscle, edited.side) == ("muscle.foot", Side.RIGHT)
    assert edited.triggers == ("trigger.heat_sweating",)
    assert edited.reliefs == (("relief.heat", ReliefRating.NOT_HELPED),)
    assert edited.symptoms == ()


def test_delete_then_restore_brings_back_the_same_entry(diary: Diary) -> None:
    saved = diary.add_episode(calf_cramp())
    gone = diary.delete_episode(saved.id)
    assert diary.list_episodes() == []
    with pytest.raises(NotFoundError):
        diary.get_episode(saved.id)
    back = diary.restore_episode(gone)
    assert replace(back, id=saved.id) == saved


def test_filters_by_night_muscle_and_text(diary: Diary) -> None:
    diary.add_episode(calf_cramp())  # night of 10 March
    diary.add_episode(
        calf_cramp(
            start=datetime(2026, 3, 5, 23, 0, tzinfo=LONDON),
            muscle="muscle.foot",
            notes="After a long walk in the hills",
        )
    )  # night of 5 March
    assert len(diary.list_episodes(EpisodeFilter(first_night=date(2026, 3, 6)))) == 1
    assert len(diary.list_episodes(EpisodeFilter(last_night=date(2026, 3, 5)))) == 1
    only_foot = diary.list_episodes(EpisodeFilter(muscles=frozenset({"muscle.foot"})))
    assert [e.muscle for e in only_foot] == ["muscle.foot"]
    hills = diary.list_episodes(EpisodeFilter(text="HILLS"))
    assert [e.muscle for e in hills] == ["muscle.foot"]
    assert len(diary.list_episodes(EpisodeFilter(text="calf"))) == 1  # matches the muscle's label
    assert diary.list_episodes(EpisodeFilter(text="100%")) == []


def test_cramp_free_night_is_recorded_and_refused_on_a_night_with_a_cramp(diary: Diary) -> None:
    quiet = diary.mark_cramp_free(date(2026, 3, 9))
    assert quiet.factors.reviewed
    assert diary.get_day(date(2026, 3, 9)) == quiet
    diary.add_episode(calf_cramp())
    with pytest.raises(ValidationError, match="already has a cramp"):
        diary.mark_cramp_free(date(2026, 3, 10))
    assert diary.get_day(date(2026, 3, 10)) is None


def test_day_factors_are_kept_and_one_record_per_night(diary: Diary) -> None:
    factors = DayFactors(
        reviewed=True,
        fluids_l=1.5,
        exercise=Exercise.UNACCUSTOMED,
        alcohol_units=2.0,
        caffeine_drinks=3,
        hot_or_sweating=True,
        stretched_before_bed=False,
        stress=6,
        sleep_disturbance=4,
        minutes_awake=25,
        notes="Long hilly walk",
    )
    first = diary.set_day(date(2026, 3, 10), factors)
    second = diary.set_day(date(2026, 3, 10), replace(factors, fluids_l=2.0))
    assert first.uuid == second.uuid
    assert [d.factors.fluids_l for d in diary.list_days()] == [2.0]


@pytest.mark.parametrize(
    ("factors", "message"),
    [
        (DayFactors(fluids_l=-1), "Fluids"),
        (DayFactors(fluids_l=float("nan")), "Fluids"),
        (DayFactors(stress=11), "Stress"),
        (DayFactors(minutes_awake=2000), "Minutes awake"),
    ],
)
def test_bad_day_factors_are_refused(diary: Diary, factors: DayFactors, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        diary.set_day(date(2026, 3, 10), factors)
    assert diary.list_days() == []


def test_a_future_night_cannot_be_reviewed(diary: Diary) -> None:
    with pytest.raises(ValidationError, match="not happened yet"):
        diary.mark_cramp_free(date(2026, 3, 20))


def test_medications_add_stop_delete_restore(diary: Diary) -> None:
    statin = diary.add_medication(
        MedicationInput(
            name="  Atorvastatin ",
            dose="20 mg",
            started_on=date(2025, 9, 1),
            taken_for=TakenFor.OTHER,
            med_class="medication_class.cholesterol",
        )
    )
    assert statin.name == "Atorvastatin" and statin.current
    stopped = diary.stop_medication(statin.id, date(2026, 2, 1))
    assert stopped.stopped_on == date(2026, 2, 1) and not stopped.current
    gone = diary.delete_medication(statin.id)
    assert diary.list_medications() == []
    diary.restore_medication(gone)
    assert [m.uuid for m in diary.list_medications()] == [statin.uuid]


@pytest.mark.parametrize(
    ("medication", "message"),
    [
        (MedicationInput(name="   "), "cannot be empty"),
        (MedicationInput(name="x" * 500), "too long"),
        (
            MedicationInput(name="A", started_on=date(2026, 1, 2), stopped_on=date(2026, 1, 1)),
            "before the start",
        ),
        (MedicationInput(name="A", med_class="medication_class.nonsense"), "Unknown"),
    ],
)
def test_bad_medications_are_refused(
    diary: Diary, medication: MedicationInput, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        diary.add_medication(medication)
    assert diary.list_medications() == []


def test_custom_words_can_be_used_renamed_and_hidden_without_changing_history(
    diary: Diary,
) -> None:
    shin = diary.add_custom_item(VocabularyKind.MUSCLE, "  Shin  ")
    assert shin.label == "Shin"
    saved = diary.add_episode(calf_cramp(muscle=shin.code))
    diary.rename_custom_item(shin.code, "Front of shin")
    assert diary.label(diary.get_episode(saved.id).muscle) == "Front of shin"
    hidden = diary.set_custom_item_hidden(shin.code, True)
    assert hidden.hidden
    assert diary.get_episode(saved.id).muscle == shin.code
    with pytest.raises(ValidationError, match="already in your list"):
        diary.add_custom_item(VocabularyKind.MUSCLE, "front of SHIN")
    with pytest.raises(ValidationError, match="cannot be empty"):
        diary.add_custom_item(VocabularyKind.TRIGGER, " ")
    with pytest.raises(ValidationError, match="already in the checklist"):
        diary.add_custom_item(VocabularyKind.MUSCLE, "calf")
    knee = diary.add_custom_item(VocabularyKind.MUSCLE, "Back of knee")
    with pytest.raises(ValidationError, match="already in your list"):
        diary.rename_custom_item(knee.code, "FRONT OF SHIN")
    assert diary.rename_custom_item(knee.code, "back of knee").label == "back of knee"


def test_an_added_word_taken_back_is_gone_and_put_back_with_the_same_code(diary: Diary) -> None:
    flight = diary.add_custom_item(VocabularyKind.TRIGGER, "Long flight")
    assert diary.remove_custom_item(flight.code) == flight
    assert diary.custom_items() == [] and flight.code not in diary.codes("trigger")
    assert diary.restore_custom_item(flight) == flight
    saved = diary.add_episode(calf_cramp(triggers=(flight.code,)))
    # A word a cramp names is never taken away from under it.
    with pytest.raises(ValidationError, match="“Long flight” is used by cramps"):
        diary.remove_custom_item(flight.code)
    assert diary.get_episode(saved.id).triggers == (flight.code,)
    with pytest.raises(NotFoundError):
        diary.remove_custom_item("trigger.cold")


def test_boundary_hour_setting_changes_attribution_and_persists(diary: Diary) -> None:
    saved = diary.add_episode(calf_cramp())  # Wednesday 02:10
    assert diary.night_of(saved) == date(2026, 3, 10)
    diary.set_boundary_hour(0)
    assert diary.night_of(saved) == date(2026, 3, 11)
    with pytest.raises(ValidationError):
        diary.set_boundary_hour(24)
    assert diary.boundary_hour == 0


def test_a_fresh_diary_is_healthy(diary: Diary) -> None:
    assert diary.integrity_problems() == []
    assert "muscle.calf" in diary.codes("muscle")
    assert diary.label("muscle.calf") == diary.checklist.item("muscle.calf").label


def test_reviewing_several_nights_is_all_or_nothing_and_restoring_puts_each_back(
    diary: Diary,
) -> None:
    diary.set_day(date(2026, 3, 9), DayFactors(alcohol_units=2))
    with pytest.raises(ValidationError, match="not over yet"):
        diary.mark_reviewed([date(2026, 3, 10), date(2026, 3, 12)])
    assert diary.get_day(date(2026, 3, 10)) is None  # nothing half-done

    before = {night: diary.get_day(night) for night in (date(2026, 3, 9), date(2026, 3, 10))}
    reviewed = diary.mark_reviewed(list(before))
    assert [day.night_of for day in reviewed] == list(before)
    assert all(day.factors.reviewed for day in reviewed)
    assert reviewed[0].factors.alcohol_units == 2  # the factors already there are kept

    diary.restore_days(before)
    monday = diary.get_day(date(2026, 3, 9))
    assert monday is not None and not monday.factors.reviewed
    assert monday.uuid == before[date(2026, 3, 9)].uuid  # type: ignore[union-attr]
    assert diary.get_day(date(2026, 3, 10)) is None


def test_a_pinned_now_is_the_diarys_now_and_a_garbled_one_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The benchmark pins "now" so its diaries are the same size any day; nonsense in the
    variable leaves the real clock in charge."""
    monkeypatch.setenv(service.PINNED_NOW_ENV, "2026-07-01T09:30:00")
    pinned = Diary.open(tmp_path / "pinned")
    try:
        assert pinned.now().replace(tzinfo=None) == datetime(2026, 7, 1, 9, 30)
        assert pinned.last_night() == date(2026, 6, 30)
    finally:
        pinned.close()
    monkeypatch.setenv(service.PINNED_NOW_ENV, "next tuesday")
    real = Diary.open(tmp_path / "real")
    try:
        assert abs(real.now() - datetime.now().astimezone()) < timedelta(minutes=5)
    finally:
        real.close()


@pytest.mark.parametrize(
    ("refusal", "message"),
    [
        (
            sqlite3.OperationalError("disk I/O error"),
            "The diary could not be read (disk I/O error); nothing was changed.",
        ),
        (
            sqlite3.DatabaseError("database disk image is malformed"),
            "The diary could not be read (database disk image is malformed); nothing was changed.",
        ),
        (
            sqlite3.OperationalError("database is locked"),
            "The diary is busy in another program; nothing was saved. Try again.",
        ),
    ],
)
def test_sqlite_refusing_a_plain_read_is_the_one_storage_line_and_the_diary_reads_on(
    diary: Diary, refusal: sqlite3.Error, message: str
) -> None:
    """What the Patterns page and the report read through `read_plain` fails as a storage
    problem (one line), never as a bug in cramplog."""
    diary.add_episode(calf_cramp())

    def failing_read(connection: sqlite3.Connection) -> int:
        connection.execute("SELECT count(*) FROM episodes").fetchone()
        raise refusal

    with pytest.raises(StorageError) as refused:
        diary.read_plain(failing_read)
    assert str(refused.value) == message

    counted = diary.read_plain(lambda c: c.execute("SELECT count(*) FROM episodes").fetchone())
    assert counted == (1,)
