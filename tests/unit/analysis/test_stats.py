"""Pattern statistics against small diaries whose every number is worked out by hand."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from cramplog.analysis import stats
from cramplog.analysis.stats import kept_reads
from cramplog.core.records import (
    DayFactors,
    EpisodeInput,
    Exercise,
    MedicationInput,
    ReliefRating,
    Side,
    TakenFor,
    VocabularyKind,
)
from cramplog.diary.service import Diary
from cramplog.storage import aggregates
from tests.conftest import LONDON

# The fixed clock is Thursday 12 March 2026, 09:30: last night is the night of Wed 11 March.
SUN_8, MON_9, TUE_10, WED_11 = (date(2026, 3, d) for d in (8, 9, 10, 11))


def log(diary: Diary, when: datetime, muscle: str = "muscle.calf", **fields: object) -> int:
    episode = EpisodeInput(start=when.replace(tzinfo=when.tzinfo or LONDON), muscle=muscle)
    return diary.add_episode(_with(episode, fields)).id


def _with(episode: EpisodeInput, fields: dict[str, object]) -> EpisodeInput:
    from dataclasses import replace

    return replace(episode, **fields)  # type: ignore[arg-type]


def at(day: int, hour: int, minute: int = 0, month: int = 3, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


@pytest.fixture
def four_nights(diary: Diary) -> Diary:
    """Sun 8 – Wed 11 March 2026:

    - night of Sun 8: reviewed, no cramp (cramp-free);
    - night of Mon 9: nothing recorded;
    - night of Tue 10: reviewed (sleep disturbance 6, 30 minutes awake); a calf cramp at
      23:50 and a foot cramp at 00:20 on Wednesday — across midnight, one night;
    - night of Wed 11: not reviewed; a calf cramp at 11:59 on Thursday (before the boundary).
    """
    diary.mark_cramp_free(SUN_8)
    diary.set_day(TUE_10, DayFactors(reviewed=True, sleep_disturbance=6, minutes_awake=30))
    log(
        diary,
        at(10, 23, 50),
        side=Side.LEFT,
        intensity=4,
        duration_s=30,
        woke_from_sleep=True,
        triggers=("trigger.dehydration",),
        reliefs=(("relief.stretch", ReliefRating.HELPED),),
    )
    log(
        diary,
        at(11, 0, 20),
        "muscle.foot",
        side=Side.RIGHT,
        intensity=8,
        duration_s=700,
        activity="activity.asleep",
        triggers=("trigger.dehydration", "trigger.alcohol"),
        reliefs=(
            ("relief.stretch", ReliefRating.NOT_HELPED),
            ("relief.massage", ReliefRating.A_LITTLE),
        ),
    )
    log(diary, datetime(2026, 3, 12, 9, 0, tzinfo=LONDON), side=Side.LEFT, duration_s=120)
    return diary


def compute(diary: Diary, first: date, last: date, **kwargs: object) -> stats.PatternStats:
    return stats.compute(diary, stats.Period(first, last), **kwargs)  # type: ignore[arg-type]


def test_four_nights_give_the_hand_worked_headline_numbers(four_nights: Diary) -> None:
    s = compute(four_nights, SUN_8, WED_11)
    assert s.nights_in_period == 4
    assert s.episodes == 3
    assert s.cramp_nights == 2  # Tuesday (two cramps across midnight) and Wednesday
    assert s.reviewed_nights == 2  # Sunday and Tuesday
    # Wednesday has a cramp but was neither reviewed nor inside a span: its cramp counts,
    # but not in a rate, since nobody said whether other nights like it were cramp-free.
    assert s.recorded_nights == 2
    assert s.cramps_on_unrecorded_nights == 1
    assert s.cramp_free_nights == 1
    assert s.completeness == pytest.approx(0.5)
    # Two recorded nights are too few for a weekly rate: not "7.0 a week", and not 0.
    assert s.cramps_per_week is None and s.cramp_nights_per_week is None
    assert s.rate_withheld() == "too few recorded nights to rate (2 of 7 needed)"
    assert s.share_of_reviewed_nights_with_cramps == pytest.approx(1 / 2)
    # Woke; began asleep; the 09:00 one was never asked, and 09:00 is outside the default
    # sleep hours, so it counts as daytime, marked as inferred.
    assert (s.nocturnal, s.daytime) == (2, 1)
    assert (s.nocturnal_inferred, s.daytime_inferred) == (0, 1)
    assert (s.intensity_median, s.intensity_worst, s.intensity_rated) == (6.0, 8, 2)
    assert (s.duration_median_s, s.longest_duration_s, s.duration_timed) == (120.0, 700, 3)
    assert s.cramps_over_10_min == 1
    assert s.sleep_disturbance_mean == 6.0
    assert s.minutes_awake_per_week is None  # one night with minutes awake is not a week
    assert s.completeness_note() == "2 of 4 nights recorded (50%)"
    assert s.recorded_note().startswith("2 of 4 nights recorded: 2 reviewed.")
    assert not s.empty


def test_declaring_every_cramp_logged_makes_the_unreviewed_nights_recorded(
    four_nights: Diary,
) -> None:
    four_nights.declare_span(date(2026, 3, 2), WED_11)
    s = compute(four_nights, date(2026, 3, 2), WED_11)
    # Nights with nothing logged are now cramp-free; Wednesday's cramp counts in the rates.
    assert (s.recorded_nights, s.span_only_nights, s.cramp_free_nights) == (10, 8, 8)
    assert s.cramps_per_week == pytest.approx(3 / 10 * 7)
    assert s.cramps_on_unrecorded_nights == 0
    assert s.recorded_note() == ("10 of 10 nights recorded: 2 reviewed, 8 inside logging spans.")


def test_a_week_of_recorded_nights_gives_the_weekly_rates(four_nights: Diary) -> None:
    for day in (4, 5, 6, 7):
        four_nights.mark_cramp_free(date(2026, 3, day))
    four_nights.set_day(WED_11, DayFactors(reviewed=True))
    s = compute(four_nights, date(2026, 3, 4), WED_11)
    assert s.recorded_nights == 7  # 4–8 March, Tuesday and Wednesday reviewed; not Monday
    assert s.cramps_per_week == pytest.approx(3 / 7 * 7)
    assert s.cramp_nights_per_week == pytest.approx(2 / 7 * 7)
    assert s.rate_withheld() is None


def test_distributions_count_by_muscle_side_hour_and_the_nights_weekday(
    four_nights: Diary,
) -> None:
    s = compute(four_nights, SUN_8, WED_11)
    assert [(m.muscle, m.side, m.episodes) for m in s.by_muscle_side] == [
        ("muscle.calf", Side.LEFT, 2),
        ("muscle.foot", Side.RIGHT, 1),
    ]
    assert [(m.label, m.episodes, m.by_side) for m in s.by_muscle] == [
        ("Calf", 2, ((Side.LEFT, 2),)),
        ("Foot or toes", 1, ((Side.RIGHT, 1),)),
    ]
    hours = {h.hour: (h.episodes, h.mean_intensity) for h in s.by_hour if h.episodes}
    assert hours == {23: (1, 4.0), 0: (1, 8.0), 9: (1, None)}
    assert len(s.by_hour) == 24
    # The cramp at 00:20 on Wednesday belongs to the night of Tuesday.
    weekdays = {w.name: w.episodes for w in s.by_weekday if w.episodes}
    assert weekdays == {"Tuesday": 2, "Wednesday": 1}


def test_the_calendar_tells_cramp_free_nights_from_unrecorded_ones(four_nights: Diary) -> None:
    s = compute(four_nights, SUN_8, WED_11)
    assert [(n.night, n.state, n.episodes) for n in s.calendar] == [
        (SUN_8, stats.NightState.CRAMP_FREE, 0),
        (MON_9, stats.NightState.UNRECORDED, 0),
        (TUE_10, stats.NightState.CRAMPS, 2),
        (WED_11, stats.NightState.CRAMPS, 1),
    ]


def test_weekly_points_cover_every_week_with_a_rolling_rate_per_recorded_night(
    four_nights: Diary,
) -> None:
    s = compute(four_nights, SUN_8, WED_11)
    # Sunday 8 March closes the week of Monday 2 March; the rest is the week of 9 March.
    # The bars show every cramp; the rate only those on recorded nights (Tuesday's two).
    assert [(w.week_start, w.episodes, w.cramp_nights, w.recorded_nights) for w in s.weekly] == [
        (date(2026, 3, 2), 0, 0, 1),
        (date(2026, 3, 9), 3, 2, 1),
    ]
    # One recorded night, then three: too few to rate, so no value (a gap), never 0.
    assert [w.rolling_cramps_per_week for w in s.weekly] == [None, None]


def test_the_rolling_rate_has_no_value_until_its_weeks_hold_a_week_of_recorded_nights(
    diary: Diary,
) -> None:
    """2 Feb – 11 Mar 2026: nothing recorded for two weeks, then every night reviewed, with
    two cramps in the week of 16 February and one in the week of 23 February."""
    for offset in range(24):  # 16 February to 11 March
        night = date(2026, 2, 16) + timedelta(days=offset)
        if night not in (date(2026, 2, 17), date(2026, 2, 19), date(2026, 2, 25)):
            diary.mark_cramp_free(night)
    for night in (date(2026, 2, 17), date(2026, 2, 19), date(2026, 2, 25)):
        log(
            diary,
            datetime.combine(night + timedelta(days=1), datetime.min.time()).replace(
                hour=3, tzinfo=LONDON
            ),
        )
        diary.set_day(night, DayFactors(reviewed=True))
    s = compute(diary, date(2026, 2, 2), WED_11)
    assert [(w.week_start.day, w.recorded_nights) for w in s.weekly] == [
        (2, 0),
        (9, 0),
        (16, 7),
        (23, 7),
        (2, 7),
        (9, 3),
    ]
    assert [w.rolling_cramps_per_week for w in s.weekly] == [
        None,
        None,
        pytest.approx(2 / 7 * 7),
        pytest.approx(3 / 14 * 7),
        pytest.approx(3 / 21 * 7),
        pytest.approx(3 / 24 * 7),
    ]


def test_reliefs_and_triggers_are_counted_per_episode(four_nights: Diary) -> None:
    s = compute(four_nights, SUN_8, WED_11)
    reliefs = {r.code: (r.tried, r.helped, r.a_little, r.not_helped, r.unrated) for r in s.reliefs}
    assert reliefs == {"relief.stretch": (2, 1, 0, 1, 0), "relief.massage": (1, 0, 1, 0, 0)}
    assert s.reliefs[0].code == "relief.stretch"  # most tried first
    assert s.reliefs[0].helped_share == pytest.approx(0.5)
    dehydration = s.trigger("trigger.dehydration")
    assert dehydration is not None and dehydration.episodes == 2
    assert dehydration.group_label == "Fluids, food and drinks"
    # Every checklist trigger is listed, named or not, in the checklist's order.
    codes = [t.code for t in s.triggers]
    assert codes[: len(four_nights.checklist.of_kind("trigger"))] == [
        item.code for item in four_nights.checklist.of_kind("trigger")
    ]
    assert s.trigger("trigger.caffeine") is not None
    assert s.trigger("trigger.caffeine").episodes == 0  # type: ignore[union-attr]
    total, named = stats.episodes_with_trigger(
        four_nights, stats.Period(SUN_8, WED_11), "trigger.alcohol"
    )
    assert total == 1 and [e.muscle_label for e in named] == ["Foot or toes"]


def test_a_custom_trigger_is_listed_in_its_own_group(diary: Diary) -> None:
    own = diary.add_custom_item(VocabularyKind.TRIGGER, "New $5 shoes")
    log(diary, at(11, 2), triggers=(own.code,))  # 02:00 Wednesday: the night of Tuesday
    s = compute(diary, TUE_10, TUE_10)
    mine = s.trigger(own.code)
    assert mine is not None
    assert (mine.label, mine.custom, mine.episodes, mine.group) == (
        "New $5 shoes",
        True,
        1,
        stats.CUSTOM_GROUP,
    )


def test_the_boundary_hour_decides_the_night(four_nights: Diary) -> None:
    # With the default boundary (12:00), 11:59 on Thursday is still the night of Wednesday.
    assert compute(four_nights, WED_11, WED_11).episodes == 1
    log(four_nights, at(11, 12, 0))  # 12:00 on Wednesday: the night of Wednesday begins
    assert compute(four_nights, TUE_10, TUE_10).episodes == 2
    assert compute(four_nights, WED_11, WED_11).episodes == 2
    four_nights.set_boundary_hour(18)
    # Now everything before 18:00 on Wednesday belongs to the night of Tuesday.
    assert compute(four_nights, TUE_10, TUE_10).episodes == 3
    assert compute(four_nights, WED_11, WED_11).episodes == 1
    assert compute(four_nights, TUE_10, TUE_10).boundary_hour == 18


def test_a_cramp_in_the_repeated_hour_of_the_autumn_change_stays_on_its_night(
    diary: Diary,
) -> None:
    # Sun 26 Oct 2025: at 02:00 BST the clocks went back to 01:00 GMT, so 01:30 came twice.
    log(diary, datetime(2025, 10, 26, 1, 30, tzinfo=LONDON, fold=0), intensity=3)
    log(diary, datetime(2025, 10, 26, 1, 30, tzinfo=LONDON, fold=1), intensity=7)
    log(diary, datetime(2025, 10, 26, 11, 30, tzinfo=LONDON), intensity=5)
    saturday = date(2025, 10, 25)
    s = compute(diary, saturday, saturday)
    assert (s.episodes, s.cramp_nights) == (3, 1)
    hours = {h.hour: (h.episodes, h.mean_intensity) for h in s.by_hour if h.episodes}
    assert hours == {1: (2, 5.0), 11: (1, 5.0)}
    assert [w.name for w in s.by_weekday if w.episodes] == ["Saturday"]
    assert compute(diary, date(2025, 10, 26), date(2025, 10, 26)).episodes == 0


def test_the_short_spring_night_keeps_both_sides_of_the_missing_hour(diary: Diary) -> None:
    # Sun 30 Mar 2025: 01:00 GMT became 02:00 BST; the night of Saturday had 23 hours.
    log(diary, datetime(2025, 3, 30, 0, 30, tzinfo=LONDON))
    log(diary, datetime(2025, 3, 30, 3, 30, tzinfo=LONDON))
    s = compute(diary, date(2025, 3, 29), date(2025, 3, 29))
    assert (s.episodes, s.cramp_nights) == (2, 1)
    assert {h.hour for h in s.by_hour if h.episodes} == {0, 3}


def test_an_empty_period_has_no_rates_rather_than_zero_rates(four_nights: Diary) -> None:
    s = compute(four_nights, date(2026, 1, 1), date(2026, 1, 14))
    assert s.empty
    assert (s.episodes, s.recorded_nights, s.nights_in_period) == (0, 0, 14)
    assert s.completeness == 0.0
    assert s.cramps_per_week is None
    assert s.cramp_nights_per_week is None
    assert s.share_of_reviewed_nights_with_cramps is None
    assert s.intensity_median is None and s.duration_median_s is None
    assert s.sleep_disturbance_mean is None and s.minutes_awake_per_week is None
    assert s.by_muscle == () and s.trend == () and s.reliefs == ()
    assert all(n.state is stats.NightState.UNRECORDED for n in s.calendar)
    assert len(s.calendar) == 14
    assert all(w.rolling_cramps_per_week is None for w in s.weekly)
    assert s.to_json_dict()["cramps_per_week"] is None


def test_a_comparison_period_gives_each_headline_its_change(four_nights: Diary) -> None:
    # The week of 1–7 March, every night reviewed, one cramp (intensity 2) on the night of 6.
    log(four_nights, at(7, 3), intensity=2)
    for day in (1, 2, 3, 4, 5, 7):
        four_nights.mark_cramp_free(date(2026, 3, day))
    four_nights.set_day(date(2026, 3, 6), DayFactors(reviewed=True))
    baseline = stats.Period(date(2026, 3, 1), date(2026, 3, 7))
    s = compute(four_nights, SUN_8, WED_11, comparison=baseline)
    assert s.comparison is not None and s.comparable
    assert (s.comparison.episodes, s.comparison.recorded_nights) == (1, 7)
    assert s.comparison.cramps_per_week == pytest.approx(1.0)
    assert s.change("episodes") == 3 - 1
    assert s.change("intensity_median") == 6.0 - 2.0
    assert s.change("cramps_per_week") is None  # this period's 2 recorded nights are too few
    assert s.comparison_withheld() is None
    with pytest.raises(KeyError):
        s.change("by_hour")
    assert compute(four_nights, TUE_10, WED_11).change("episodes") is None


def test_a_comparison_with_too_few_recorded_nights_gives_no_change_at_all(
    four_nights: Diary,
) -> None:
    # 8–9 March hold one reviewed night and no cramp: "up 3 from 0" would compare with nothing.
    period = stats.Period(TUE_10, WED_11)
    s = stats.compute(four_nights, period, comparison=period.previous())
    assert s.comparison is not None and not s.comparable
    assert s.comparison.episodes == 0
    assert [s.change(name) for name in stats.HEADLINE_FIELDS] == [None] * len(stats.HEADLINE_FIELDS)
    assert s.comparison_withheld() == (
        "no comparison: 1 of 2 nights recorded in the comparison period (7 needed)"
    )
    assert s.to_json_dict()["comparison"]["comparable"] is False


def _reviewed_days(diary: Diary, nights: list[tuple[date, DayFactors]]) -> None:
    for night, factors in nights:
        diary.set_day(night, factors)


def test_a_day_factor_is_compared_only_with_three_nights_each_side(diary: Diary) -> None:
    low, enough = DayFactors(reviewed=True, fluids_l=1.0), DayFactors(reviewed=True, fluids_l=2.0)
    cramp_nights = [(date(2026, 3, 2), low), (date(2026, 3, 3), low), (date(2026, 3, 4), enough)]
    _reviewed_days(diary, cramp_nights)
    for night, _ in cramp_nights:
        log(
            diary,
            datetime.combine(night + timedelta(days=1), datetime.min.time()).replace(
                hour=3, tzinfo=LONDON
            ),
        )
    _reviewed_days(diary, [(date(2026, 3, 5), enough), (date(2026, 3, 6), low)])
    period = stats.Period(date(2026, 3, 2), date(2026, 3, 8))

    fluids = _fluids(stats.compute(diary, period))
    assert (fluids.cramp_nights_present, fluids.cramp_nights_recorded) == (2, 3)
    assert (fluids.cramp_free_nights_present, fluids.cramp_free_nights_recorded) == (1, 2)
    assert not fluids.enough_data
    assert fluids.share_of_cramp_nights is None and not fluids.stands_out

    _reviewed_days(diary, [(date(2026, 3, 7), enough)])
    fluids = _fluids(stats.compute(diary, period))
    assert fluids.enough_data
    assert fluids.share_of_cramp_nights == pytest.approx(2 / 3)
    assert fluids.share_of_cramp_free_nights == pytest.approx(1 / 3)
    assert fluids.stands_out
    dehydration = stats.compute(diary, period).trigger("trigger.dehydration")
    assert dehydration is not None and dehydration.stands_out


@pytest.fixture
def ten_recorded_nights(diary: Diary) -> Diary:
    """Nights of 1 – 11 March 2026, each with its exercise and sleep disturbance noted:

    - 1 – 10 March reviewed: cramps on the nights of 2, 5 and 8, each after hard exercise;
      of the seven cramp-free nights, only the 3rd followed hard exercise;
    - 11 March: a cramp after usual exercise, its day record filled in but never reviewed,
      and no logging span over it: an unrecorded night.
    """
    for day in range(1, 12):
        hard = day in (2, 3, 5, 8)
        diary.set_day(
            date(2026, 3, day),
            DayFactors(
                reviewed=day <= 10,
                exercise=Exercise.HARD if hard else Exercise.USUAL,
                sleep_disturbance=4,
            ),
        )
    for day in (2, 5, 8, 11):
        log(diary, at(day + 1, 3))
    return diary


def test_a_cramp_on_an_unrecorded_night_is_on_neither_side_of_a_day_factor(
    ten_recorded_nights: Diary,
) -> None:
    s = compute(ten_recorded_nights, date(2026, 3, 1), WED_11)
    assert (s.recorded_nights, s.recorded_cramp_nights, s.cramp_free_nights) == (10, 3, 7)
    hard = next(f for f in s.factors if f.factor == "exercise_hard")
    # "Hard exercise: 3 of 3 cramp nights, 1 of 7 cramp-free nights", both out of the ten
    # recorded nights; not "3 of 4" with the unrecorded 11th on the cramp side.
    assert (hard.cramp_nights_present, hard.cramp_nights_recorded) == (3, 3)
    assert (hard.cramp_free_nights_present, hard.cramp_free_nights_recorded) == (1, 7)
    assert hard.share_of_cramp_nights == pytest.approx(1.0)
    assert hard.share_of_cramp_free_nights == pytest.approx(1 / 7)
    # The sleep score typed for the 11th is still what the person said about that night.
    assert (s.sleep_disturbance_nights, s.sleep_disturbance_mean) == (11, 4.0)


def test_a_logging_span_puts_its_nights_on_their_side_of_a_day_factor(
    ten_recorded_nights: Diary,
) -> None:
    # The 10th is filled in again (hard exercise) but left unreviewed; then the person says
    # they logged every cramp of the 9th to the 11th.
    ten_recorded_nights.set_day(date(2026, 3, 10), DayFactors(exercise=Exercise.HARD))
    ten_recorded_nights.declare_span(date(2026, 3, 9), WED_11)
    s = compute(ten_recorded_nights, date(2026, 3, 1), WED_11)
    assert (s.recorded_nights, s.recorded_cramp_nights, s.cramp_free_nights) == (11, 4, 7)
    hard = next(f for f in s.factors if f.factor == "exercise_hard")
    # The 11th, now recorded, joins the cramp nights; the 10th, cramp-free inside the span,
    # joins the cramp-free ones though nobody reviewed it.
    assert (hard.cramp_nights_present, hard.cramp_nights_recorded) == (3, 4)
    assert (hard.cramp_free_nights_present, hard.cramp_free_nights_recorded) == (2, 7)


def test_minutes_awake_noted_on_cramp_nights_alone_give_no_weekly_figure(diary: Diary) -> None:
    # Two weeks reviewed, 1 – 14 February: a cramp and an hour awake on every other night.
    fortnight = stats.Period(date(2026, 2, 1), date(2026, 2, 14))
    for day in range(1, 15):
        cramp = day % 2 == 1
        diary.set_day(
            date(2026, 2, day), DayFactors(reviewed=True, minutes_awake=60 if cramp else None)
        )
        if cramp:
            log(diary, at(day + 1, 3, month=2))
    s = stats.compute(diary, fortnight)
    # Not "420 a week": that would give every night a cramp night's hour awake.
    assert s.minutes_awake_per_week is None
    assert s.minutes_awake_nights == 7

    # The cramp-free nights get their "0 minutes" too; a night nobody reviewed with 300
    # minutes noted stays out, as whether it had a cramp is unknown.
    for day in range(2, 15, 2):
        diary.set_day(date(2026, 2, day), DayFactors(reviewed=True, minutes_awake=0))
    diary.set_day(date(2026, 2, 15), DayFactors(minutes_awake=300))
    s = stats.compute(diary, stats.Period(date(2026, 2, 1), date(2026, 2, 15)))
    assert s.minutes_awake_per_week == pytest.approx(7 * 60 / 14 * 7)  # 210 a week
    assert s.minutes_awake_nights == 14


def _fluids(s: stats.PatternStats) -> stats.FactorComparison:
    return next(f for f in s.factors if f.factor == "fluids_low")


def test_a_treatment_is_described_four_weeks_either_side_of_its_start(diary: Diary) -> None:
    started = date(2026, 2, 12)
    diary.add_medication(
        MedicationInput(
            name="Magnesium",
            started_on=started,
            taken_for=TakenFor.CRAMPS,
            med_class="medication_class.magnesium_supplement",
        )
    )
    cramp_nights = {date(2026, 1, 20), date(2026, 2, 1)} | {
        date(2026, 2, d) for d in (14, 16, 18, 20, 22, 24)
    }
    for offset in range(56):
        night = date(2026, 1, 15) + timedelta(days=offset)
        if night in cramp_nights:
            log(diary, datetime(night.year, night.month, night.day, 23, 0, tzinfo=LONDON))
            diary.set_day(night, DayFactors(reviewed=True))
        elif offset % 4 != 3:  # some nights unrecorded: 21 of 28 recorded each side at most
            diary.mark_cramp_free(night)
    s = stats.compute(diary, stats.Period(date(2026, 2, 12), WED_11))
    (effect,) = s.treatments
    assert effect.name == "Magnesium" and effect.for_cramps
    assert effect.before == stats.Period(date(2026, 1, 15), date(2026, 2, 11))
    assert effect.after == stats.Period(started, WED_11)
    assert effect.before_episodes == 2 and effect.after_episodes == 6
    assert effect.enough_data
    assert effect.before_per_week == pytest.approx(2 / effect.before_recorded_nights * 7)
    assert effect.after_per_week == pytest.approx(6 / effect.after_recorded_nights * 7)
    assert effect.before_recorded_nights >= stats.TREATMENT_MIN_RECORDED_NIGHTS


def test_a_treatment_without_two_weeks_recorded_each_side_is_not_compared(diary: Diary) -> None:
    diary.add_medication(MedicationInput(name="Quinine", started_on=date(2026, 3, 1)))
    for night in (date(2026, 2, 25), date(2026, 3, 3)):
        diary.mark_cramp_free(night)
    (effect,) = stats.compute(diary, stats.Period(date(2026, 3, 1), WED_11)).treatments
    assert (effect.before_recorded_nights, effect.after_recorded_nights) == (1, 1)
    assert not effect.enough_data


def test_presets_end_last_night_and_count_calendar_months() -> None:
    presets = stats.period_presets(WED_11, first_recorded=date(2024, 5, 17))
    assert presets[stats.PeriodPreset.LAST_4_WEEKS] == stats.Period(date(2026, 2, 12), WED_11)
    assert presets[stats.PeriodPreset.LAST_3_MONTHS] == stats.Period(date(2025, 12, 12), WED_11)
    assert presets[stats.PeriodPreset.LAST_12_MONTHS] == stats.Period(date(2025, 3, 12), WED_11)
    assert presets[stats.PeriodPreset.ALL] == stats.Period(date(2024, 5, 17), WED_11)
    # The 31st of May, three months back, is clamped to the end of February.
    spring = stats.period_presets(date(2026, 5, 31))
    assert spring[stats.PeriodPreset.LAST_3_MONTHS].first == date(2026, 3, 1)
    assert spring[stats.PeriodPreset.ALL] == stats.Period(date(2026, 5, 31), date(2026, 5, 31))


def test_the_diarys_presets_start_all_at_its_first_record(four_nights: Diary) -> None:
    presets = stats.diary_presets(four_nights)
    assert presets[stats.PeriodPreset.ALL] == stats.Period(SUN_8, WED_11)
    assert presets[stats.PeriodPreset.LAST_4_WEEKS].last == WED_11


def test_a_period_cannot_end_before_it_begins_and_knows_the_one_before() -> None:
    with pytest.raises(ValueError, match="cannot end"):
        stats.Period(WED_11, SUN_8)
    period = stats.Period(SUN_8, WED_11)
    assert period.nights == 4
    assert period.previous() == stats.Period(date(2026, 3, 4), date(2026, 3, 7))
    assert TUE_10 in period and date(2026, 3, 12) not in period


def test_json_has_the_documented_keys(four_nights: Diary) -> None:
    body = compute(four_nights, SUN_8, WED_11).to_json_dict()
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
    ):
        assert key in body
    assert body["cramps_per_week"] is None  # 2 recorded nights: too few to rate
    assert (body["recorded_nights"], body["min_recorded_nights_to_rate"]) == (2, 7)
    assert body["by_muscle"][0] == {
        "muscle": "muscle.calf",
        "label": "Calf",
        "episodes": 2,
        "by_side": {"left": 2},
    }
    assert body["period"] == {"first": "2026-03-08", "last": "2026-03-11", "nights": 4}


def test_json_gives_each_figure_the_count_it_was_worked_out_from(four_nights: Diary) -> None:
    body = compute(four_nights, SUN_8, WED_11).to_json_dict()
    # As the text shows them: "1 of 2 recorded nights", "(2 rated)", "(3 timed)", and the
    # one night (Tuesday) with a sleep score and minutes awake.
    assert body["share_of_reviewed_nights_with_cramps"] == 0.5
    assert (body["recorded_cramp_nights"], body["recorded_nights"]) == (1, 2)
    assert (body["intensity_rated"], body["duration_timed"]) == (2, 3)
    assert (body["sleep_disturbance_nights"], body["minutes_awake_nights"]) == (1, 1)
    assert body["minutes_awake_per_week"] is None


def test_the_number_of_queries_does_not_grow_with_the_episodes(diary: Diary) -> None:
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    period = stats.Period(date(2026, 2, 1), WED_11)
    # Inside the period (3 am on the 1st belongs to the night before): a period holding no
    # record skips its reads altogether, which is fewer queries, not the same number.
    log(diary, at(2, 3, month=2), triggers=("trigger.alcohol",))
    stats.compute(diary, period)  # settings read once and remembered are not counted
    event.listen(Engine, "before_cursor_execute", count)
    try:
        kept_reads.forget(diary)  # the reads themselves, not the ones kept from before
        stats.compute(diary, period)
        few = len(statements)
        for day in range(3, 28):
            log(diary, at(day, 3, month=2), triggers=("trigger.alcohol",))
        statements.clear()
        kept_reads.forget(diary)
        stats.compute(diary, period)
        many = len(statements)
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    assert few == many
    assert many < 20


def test_a_cramp_noted_by_date_only_counts_everywhere_but_the_hour_of_night(
    diary: Diary,
) -> None:
    from cramplog.core import nights

    log(diary, at(12, 2, 10))
    # Noted on Thursday 12 March with no time: it belongs to the night of Wednesday 11.
    log(diary, nights.date_only_start(date(2026, 3, 12)), time_noted=False)
    s = compute(diary, WED_11, WED_11)
    assert s.episodes == 2 and s.cramp_nights == 1
    assert sum(h.episodes for h in s.by_hour) == 1
    assert s.time_not_noted == 1
    assert s.hours_note() == "1 cramp: time not noted"
    # Nobody said whether it woke the person, and it has no clock time to infer from.
    assert (s.nocturnal, s.daytime, s.timing_unknown) == (1, 0, 1)
    assert s.timing_note().endswith("1 not known (time not noted)")


def test_a_date_only_cramp_that_woke_the_person_is_night_time(diary: Diary) -> None:
    from cramplog.core import nights

    log(diary, nights.date_only_start(date(2026, 3, 12)), time_noted=False, woke_from_sleep=True)
    s = compute(diary, WED_11, WED_11)
    assert (s.nocturnal, s.daytime, s.timing_unknown, s.time_not_noted) == (1, 0, 0, 1)


@pytest.mark.parametrize("outside", [1, 5], ids=["few outside", "most outside"])
def test_cramps_outside_the_period_never_count_however_many_there_are(
    four_nights: Diary, outside: int
) -> None:
    # A few cramps outside (counted over the whole diary less those) or most of them outside
    # (counted over the period's own cramps): the same figures either way.
    for day in range(1, 1 + outside):
        log(
            four_nights,
            at(day, 2),
            duration_s=900,
            triggers=("trigger.alcohol", "trigger.caffeine"),
            reliefs=(("relief.stretch", ReliefRating.HELPED), ("relief.heat", None)),
        )
    s = compute(four_nights, SUN_8, WED_11)
    reliefs = {r.code: (r.tried, r.helped, r.a_little, r.not_helped, r.unrated) for r in s.reliefs}
    assert reliefs == {"relief.stretch": (2, 1, 0, 1, 0), "relief.massage": (1, 0, 1, 0, 0)}
    assert s.trigger("trigger.alcohol").episodes == 1  # type: ignore[union-attr]
    assert s.trigger("trigger.caffeine").episodes == 0  # type: ignore[union-attr]
    nights = aggregates.NightRange(SUN_8, WED_11, four_nights.boundary_hour)
    long = four_nights.read_plain(lambda c: aggregates.long_episodes(c, nights, 600))
    assert [(brief.muscle, brief.duration_s) for brief, _, _ in long] == [("muscle.foot", 700)]


def test_without_details_the_headline_is_the_same_and_nothing_passes_for_no_triggers(
    four_nights: Diary,
) -> None:
    # `cramplog stats` as text shows no reliefs, triggers or treatments, so it asks for none.
    four_nights.add_medication(MedicationInput(name="Quinine", started_on=date(2026, 3, 1)))
    period = stats.Period(SUN_8, WED_11)
    full = stats.compute(four_nights, period, comparison=period.previous())
    headline = stats.compute(four_nights, period, comparison=period.previous(), details=False)
    assert full.reliefs and full.triggers and full.factors and full.treatments
    for name in (*stats.HEADLINE_FIELDS, "by_muscle", "by_hour", "by_weekday"):
        assert getattr(headline, name) == getattr(full, name), name
    assert headline.comparison is not None and full.comparison is not None
    assert headline.comparison.episodes == full.comparison.episodes
    assert (headline.reliefs, headline.triggers, headline.factors, headline.treatments) == (
        (),
        (),
        (),
        (),
    )
    assert not headline.details and full.details
    # The JSON lists them: empty lists there would say the diary holds none.
    assert full.to_json_dict()["reliefs"]
    with pytest.raises(ValueError, match="details=True"):
        headline.to_json_dict()
