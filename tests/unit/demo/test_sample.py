"""The sample diary: what a new user sees with --demo looks like a real year of cramps."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from cramplog.core import validation
from cramplog.core.records import Episode, EpisodeInput, Exercise, Side, TakenFor
from cramplog.demo import sample
from cramplog.diary.service import Diary
from tests.conftest import LONDON, NOW

END = date(2026, 3, 10)
A_YEAR = sample.SampleSize(years=1.0, episodes_per_week=2.5, medications=2)
A_MONTH = sample.SampleSize(years=0.1, episodes_per_week=3.0, medications=2)


@pytest.fixture(scope="module")
def year_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("sample") / "data"


@pytest.fixture(scope="module")
def year(year_dir: Path) -> Iterator[tuple[Diary, sample.SampleSummary]]:
    diary = Diary.open(year_dir, clock=lambda: NOW)
    summary = sample.generate(diary, size=A_YEAR, seed=1, end=END)
    yield diary, summary
    diary.close()


@pytest.fixture(scope="module")
def episodes(year: tuple[Diary, sample.SampleSummary]) -> list[Episode]:
    return year[0].list_episodes()


def open_sample(path: Path, *, seed: int, size: sample.SampleSize = A_MONTH) -> Diary:
    diary = Diary.open(path, clock=lambda: NOW)
    sample.generate(diary, size=size, seed=seed, end=END)
    return diary


def check(diary: Diary, episode: EpisodeInput) -> None:
    validation.check_episode(
        episode,
        now=diary.now(),
        muscles=diary.codes("muscle"),
        activities=diary.codes("activity"),
        triggers=diary.codes("trigger"),
        reliefs=diary.codes("relief"),
        symptoms=diary.codes("symptom"),
    )


# -- a year of sample diary ---------------------------------------------------------------


def test_a_year_has_365_nights_most_of_them_reviewed(
    year: tuple[Diary, sample.SampleSummary],
) -> None:
    diary, summary = year
    days = diary.list_days()
    assert summary.nights == 365
    assert summary.reviewed_nights == len(days) == sum(day.factors.reviewed for day in days)
    assert 0.75 * 365 <= len(days) <= 0.95 * 365
    assert days[0].night_of >= END - timedelta(days=364)
    assert days[-1].night_of <= END


def test_some_nights_were_never_reviewed_in_runs_like_a_holiday(
    year: tuple[Diary, sample.SampleSummary],
) -> None:
    reviewed = {day.night_of for day in year[0].list_days()}
    span = [END - timedelta(days=n) for n in range(365)]
    longest = run = 0
    for night in sorted(span):
        run = 0 if night in reviewed else run + 1
        longest = max(longest, run)
    assert 2 <= longest <= 20


def test_cramps_per_week_are_near_the_requested_rate(
    year: tuple[Diary, sample.SampleSummary], episodes: list[Episode]
) -> None:
    _diary, summary = year
    assert summary.episodes == len(episodes)
    per_week = len(episodes) / (365 / 7)
    assert 0.6 * A_YEAR.episodes_per_week <= per_week <= 1.5 * A_YEAR.episodes_per_week


def test_the_calf_is_the_muscle_that_cramps_most(episodes: list[Episode]) -> None:
    muscles = Counter(episode.muscle for episode in episodes).most_common()
    assert muscles[0][0] == "muscle.calf"
    assert muscles[0][1] > 0.45 * len(episodes)
    assert "muscle.foot" in [muscle for muscle, _count in muscles[1:3]]


def test_most_cramps_come_between_midnight_and_six(episodes: list[Episode]) -> None:
    at_night = [episode for episode in episodes if episode.start_local.hour < 6]
    assert len(at_night) > 0.6 * len(episodes)
    assert sum(episode.nocturnal is True for episode in episodes) > 0.7 * len(episodes)
    daytime = [episode for episode in episodes if 8 <= episode.start_local.hour <= 21]
    assert daytime, "some cramps happen in the day, walking or standing"


def test_most_reviewed_nights_are_cramp_free(
    year: tuple[Diary, sample.SampleSummary], episodes: list[Episode]
) -> None:
    diary = year[0]
    cramp_nights = {diary.night_of(episode) for episode in episodes}
    cramp_free = [day for day in diary.list_days() if day.night_of not in cramp_nights]
    assert len(cramp_free) > len(diary.list_days()) / 2


def test_some_nights_bring_more_than_one_cramp(
    year: tuple[Diary, sample.SampleSummary], episodes: list[Episode]
) -> None:
    per_night = Counter(year[0].night_of(episode) for episode in episodes)
    assert max(per_night.values()) >= 2


def test_intensity_and_duration_look_like_cramps(episodes: list[Episode]) -> None:
    rated = [episode.intensity for episode in episodes if episode.intensity is not None]
    assert sum(4 <= value <= 8 for value in rated) > 0.75 * len(rated)
    timed = [episode.duration_s for episode in episodes if episode.duration_s is not None]
    assert sum(30 <= value <= 300 for value in timed) > 0.7 * len(timed)
    assert sum(value > 600 for value in timed) < 0.05 * len(timed)


def test_a_few_quick_logs_wait_for_review(episodes: list[Episode]) -> None:
    waiting = [episode for episode in episodes if episode.to_review]
    assert 1 <= len(waiting) <= 0.15 * len(episodes)


def test_summer_cramps_keep_british_summer_time(episodes: list[Episode]) -> None:
    offsets = {
        (episode.start_local.month, episode.utc_offset_min)
        for episode in episodes
        if episode.start_local.month in (1, 7)
    }
    assert {month for month, offset in offsets if offset == 60} <= {7}
    assert {month for month, offset in offsets if offset == 0} <= {1}
    assert {offset for _, offset in offsets} == {0, 60}


def test_hard_or_unaccustomed_exercise_days_bring_more_cramps(
    year: tuple[Diary, sample.SampleSummary], episodes: list[Episode]
) -> None:
    diary = year[0]
    cramp_nights = {diary.night_of(episode) for episode in episodes}

    def share_with_cramps(levels: set[Exercise]) -> float:
        nights = [day.night_of for day in diary.list_days() if day.factors.exercise in levels]
        return sum(night in cramp_nights for night in nights) / len(nights)

    strenuous = share_with_cramps({Exercise.HARD, Exercise.UNACCUSTOMED})
    easy = share_with_cramps({Exercise.NONE, Exercise.USUAL})
    assert strenuous > 1.2 * easy


def test_cramp_nights_record_disturbed_sleep(
    year: tuple[Diary, sample.SampleSummary], episodes: list[Episode]
) -> None:
    diary = year[0]
    # A night with disturbed sleep had a cramp that woke the person, or a quick log whose
    # answer is still unknown; never only cramps known not to have woken them.
    woken = {
        diary.night_of(episode) for episode in episodes if episode.woke_from_sleep is not False
    }
    disturbed = [day for day in diary.list_days() if day.factors.sleep_disturbance is not None]
    assert disturbed
    assert all(day.night_of in woken for day in disturbed)
    assert all(day.factors.minutes_awake is not None for day in disturbed)


def test_numbness_shows_up_about_once_a_year(episodes: list[Episode]) -> None:
    numb = [episode for episode in episodes if "symptom.numbness" in episode.symptoms]
    assert len(numb) == 1


def test_two_medicines_a_statin_and_magnesium_for_the_cramps(
    year: tuple[Diary, sample.SampleSummary],
) -> None:
    diary, summary = year
    medications = {medication.name: medication for medication in diary.list_medications()}
    assert summary.medications == len(medications) == 2
    statin = medications["Atorvastatin"]
    assert statin.med_class == "medication_class.cholesterol"
    assert statin.taken_for is TakenFor.OTHER
    magnesium = medications["Magnesium citrate"]
    assert magnesium.taken_for is TakenFor.CRAMPS
    assert magnesium.current
    assert statin.started_on is not None and magnesium.started_on is not None
    assert statin.started_on < magnesium.started_on < END


def test_every_cramp_falls_on_a_night_of_the_sample(
    year: tuple[Diary, sample.SampleSummary], episodes: list[Episode]
) -> None:
    diary = year[0]
    first = END - timedelta(days=364)
    assert all(first <= diary.night_of(episode) <= END for episode in episodes)


def test_sample_entries_pass_the_same_checks_as_typed_ones(
    year: tuple[Diary, sample.SampleSummary], episodes: list[Episode]
) -> None:
    diary = year[0]
    for episode in episodes[::7]:
        check(diary, episode.as_input())
        assert episode.start_utc <= episode.created_utc <= episode.updated_utc
    assert diary.integrity_problems() == []


# -- reproducible ------------------------------------------------------------------------


def test_the_same_seed_gives_the_same_diary(tmp_path: Path) -> None:
    first = open_sample(tmp_path / "a", seed=7)
    second = open_sample(tmp_path / "b", seed=7)
    try:
        assert first.list_episodes()
        assert first.list_episodes() == second.list_episodes()
        assert first.list_days() == second.list_days()
        assert first.list_medications() == second.list_medications()
    finally:
        first.close()
        second.close()


def test_another_seed_gives_another_diary(tmp_path: Path) -> None:
    first = open_sample(tmp_path / "a", seed=7)
    other = open_sample(tmp_path / "b", seed=8)
    try:
        starts = [episode.start_local for episode in first.list_episodes()]
        assert starts != [episode.start_local for episode in other.list_episodes()]
    finally:
        first.close()
        other.close()


def test_the_sample_ends_last_night_by_default_and_nothing_is_in_the_future(
    diary: Diary,
) -> None:
    summary = sample.generate(diary, size=A_MONTH, seed=3)
    last_night = NOW.date() - timedelta(days=1)
    assert summary.nights == 37
    assert max(day.night_of for day in diary.list_days()) <= last_night
    for episode in diary.list_episodes():
        check(diary, episode.as_input())
        assert diary.night_of(episode) <= last_night


# -- never mixed with a real diary --------------------------------------------------------


def test_create_sample_diary_makes_a_diary_file_full_of_entries(tmp_path: Path) -> None:
    path = sample.create_sample_diary(tmp_path / "demo", size=A_MONTH, end=END)
    assert path.is_file()
    opened = Diary.open(tmp_path / "demo", clock=lambda: NOW)
    try:
        assert opened.count_episodes() > 0
        assert len(opened.list_medications()) == 2
    finally:
        opened.close()


def test_a_real_diary_is_never_filled_with_sample_data(data_dir: Path) -> None:
    real = Diary.open(data_dir, clock=lambda: NOW)
    real.add_episode(
        EpisodeInput(
            start=datetime(2026, 3, 11, 2, 10, tzinfo=LONDON),
            muscle="muscle.calf",
            side=Side.LEFT,
        )
    )
    real.close()
    before = (data_dir / "diary.sqlite3").read_bytes()

    with pytest.raises(ValueError, match="already holds"):
        sample.create_sample_diary(data_dir, size=A_MONTH, end=END)

    assert (data_dir / "diary.sqlite3").read_bytes() == before
    reopened = Diary.open(data_dir, clock=lambda: NOW)
    try:
        assert reopened.count_episodes() == 1
        with pytest.raises(ValueError, match="already holds"):
            sample.generate(reopened, size=A_MONTH, end=END)
        assert reopened.count_episodes() == 1
        assert reopened.list_days() == []
    finally:
        reopened.close()
