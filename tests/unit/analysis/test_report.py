"""The GP summary's content, checked against a small diary whose numbers are worked by hand."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from cramplog.analysis import report, stats
from cramplog.core.records import (
    DayFactors,
    EpisodeInput,
    MedicationInput,
    ReliefRating,
    Side,
    TakenFor,
)
from cramplog.diary.service import Diary
from tests.conftest import LONDON

# The week of Monday 2 to Sunday 8 March 2026: seven nights, every one of them recorded.
WEEK = stats.Period(date(2026, 3, 2), date(2026, 3, 8), "That week")


def cramp(
    when: datetime,
    muscle: str,
    side: Side,
    seconds: int,
    intensity: int,
    **extra: object,
) -> EpisodeInput:
    return EpisodeInput(
        start=when.replace(tzinfo=LONDON),
        muscle=muscle,
        side=side,
        duration_s=seconds,
        intensity=intensity,
        triggers=("trigger.dehydration",),
        **extra,  # type: ignore[arg-type]
    )


@pytest.fixture
def week(diary: Diary) -> Diary:
    """Four cramps on three nights of the week, four cramp-free nights, three medicines.

    Worked by hand:
      cramps 4 on 7 recorded nights → 4.0 a week; cramp nights 3 → 3.0 a week, 43% (3 of 7);
      intensity 6, 4, 8, 2 → median 5.0, worst 8; durations 120, 60, 900, 30 s → median
      90 s, longest 15 min, one over 10 minutes; night-time 3 (two woke, one asleep), daytime 1.
    The week before holds one cramp over a week declared fully logged: 1.0 a week.
    """
    diary.add_episode(
        cramp(
            datetime(2026, 3, 3, 2, 10),
            "muscle.calf",
            Side.LEFT,
            120,
            6,
            woke_from_sleep=True,
            reliefs=(("relief.stretch", ReliefRating.HELPED),),
            notes='<b>x</b> & =HYPERLINK("http://x")',
        )
    )
    diary.add_episode(
        cramp(datetime(2026, 3, 3, 4, 0), "muscle.calf", Side.RIGHT, 60, 4, woke_from_sleep=True)
    )
    diary.add_episode(
        cramp(
            datetime(2026, 3, 5, 23, 30),
            "muscle.foot",
            Side.LEFT,
            900,
            8,
            activity="activity.asleep",
            reliefs=(
                ("relief.stretch", ReliefRating.NOT_HELPED),
                ("relief.massage", ReliefRating.A_LITTLE),
            ),
        )
    )
    diary.add_episode(
        cramp(
            datetime(2026, 3, 7, 15, 0),
            "muscle.hand",
            Side.RIGHT,
            30,
            2,
            activity="activity.walking",
        )
    )
    for night in (3, 4, 6, 8):
        diary.mark_cramp_free(date(2026, 3, night))
    for night in (2, 5, 7):  # the cramp nights were reviewed the next morning
        diary.set_day(date(2026, 3, night), DayFactors(reviewed=True))
    diary.add_episode(
        cramp(datetime(2026, 2, 24, 2, 0), "muscle.calf", Side.LEFT, 60, 5, woke_from_sleep=True)
    )
    diary.declare_span(date(2026, 2, 23), date(2026, 3, 1))  # "I logged every cramp"
    diary.add_medication(
        MedicationInput(
            name="Atorvastatin",
            dose="20 mg",
            started_on=date(2026, 2, 1),
            taken_for=TakenFor.OTHER,
            med_class="medication_class.cholesterol",
        )
    )
    diary.add_medication(
        MedicationInput(
            name="Magnesium citrate",
            dose="300 mg",
            started_on=date(2026, 3, 4),
            taken_for=TakenFor.CRAMPS,
            med_class="medication_class.magnesium_supplement",
        )
    )
    diary.add_medication(
        MedicationInput(
            name="Old tablets",
            started_on=date(2025, 6, 1),
            stopped_on=date(2026, 1, 1),
        )
    )
    return diary


def headline(summary: report.Report) -> dict[str, report.HeadlineRow]:
    return {row.key: row for row in summary.headline}


def test_the_header_says_whose_diary_which_period_and_that_it_is_not_a_diagnosis(
    week: Diary,
) -> None:
    summary = report.build_report(
        week, period=WEEK, name="  Ann Example ", date_of_birth=date(1961, 5, 4)
    )
    header = summary.header
    assert header.name == "Ann Example"
    assert header.date_of_birth == date(1961, 5, 4)
    assert header.period == WEEK
    assert (header.nights_recorded, header.nights_in_period) == (7, 7)
    assert header.completeness == "7 of 7 nights recorded (100%)"
    assert header.made_on == date(2026, 3, 12)
    assert header.disclaimer == "Patient-kept diary — not a diagnosis"
    assert header.comparison is None


def test_name_and_date_of_birth_are_left_out_unless_given(week: Diary) -> None:
    header = report.build_report(week, period=WEEK, name="   ").header
    assert header.name is None
    assert header.date_of_birth is None


def test_headline_numbers_match_the_hand_count_and_the_week_before(week: Diary) -> None:
    # The week before: its cramp on the night of 23 February, the six nights after reviewed
    # cramp-free, so 1 cramp on 7 recorded nights: 1.0 a week, 14% (1 of 7).
    for day in (24, 25, 26, 27, 28):
        week.mark_cramp_free(date(2026, 2, day))
    week.mark_cramp_free(date(2026, 3, 1))
    summary = report.build_report(week, period=WEEK, comparison=WEEK.previous())
    assert summary.comparison_withheld is None
    rows = headline(summary)
    assert rows["cramps_per_week"].value == "4.0"
    assert rows["cramps_per_week"].comparison == "1.0"
    assert rows["cramps_per_week"].change == "+3.0"
    assert rows["episodes"].value == "4"
    assert rows["cramp_nights_per_week"].value == "3.0"
    assert rows["share_of_reviewed_nights_with_cramps"].value == "43% (3 of 7)"
    assert rows["share_of_reviewed_nights_with_cramps"].comparison == "14% (1 of 7)"
    assert rows["share_of_reviewed_nights_with_cramps"].change == "+29 pts"
    # The worst and the longest are named: "5.0 / 8" read as a score of 5 out of 8.
    assert rows["intensity"].value == "5.0 (worst 8)"
    assert rows["duration"].value == "1 min 30 s (longest 15 min)"
    assert rows["duration"].change == "+30 s"  # worded as the durations it compares
    assert rows["cramps_over_10_min"].value == "1"
    assert rows["sleep_disturbance"].value == "—"
    assert rows["nocturnal"].value == "3 / 1"
    assert summary.header.comparison_label == "Previous period"


def test_without_a_comparison_there_is_no_change_column(week: Diary) -> None:
    rows = headline(report.build_report(week, period=WEEK))
    assert all(row.comparison is None and row.change is None for row in rows.values())


def test_a_comparison_period_with_nothing_recorded_shows_no_fake_change(week: Diary) -> None:
    empty = stats.Period(date(2025, 1, 1), date(2025, 1, 7), "Baseline")
    summary = report.build_report(week, period=WEEK, comparison=empty)
    assert all(row.comparison is None and row.change is None for row in summary.headline)
    assert summary.comparison_withheld == (
        "no comparison: 0 of 7 nights recorded in the comparison period (7 needed)"
    )


def test_a_week_before_with_one_recorded_night_is_no_comparison_on_any_row(
    week: Diary,
) -> None:
    # The week before with only its cramp's night reviewed: "+3 from 7" would compare with
    # nothing.
    (span,) = week.logging_spans()
    week.remove_span(span.id)
    week.set_day(date(2026, 2, 23), DayFactors(reviewed=True))
    summary = report.build_report(week, period=WEEK, comparison=WEEK.previous())
    assert [(row.key, row.comparison, row.change) for row in summary.headline] == [
        (row.key, None, None) for row in summary.headline
    ]
    assert summary.comparison_withheld == (
        "no comparison: 1 of 7 nights recorded in the comparison period (7 needed)"
    )
    assert headline(summary)["cramps_per_week"].value == "4.0"  # this week is still rated


def test_a_period_with_too_few_recorded_nights_gives_no_rate_and_says_why(diary: Diary) -> None:
    # 2 recorded nights, one with 50 cramps: not "175 a week".
    for minute in range(50):
        diary.add_episode(cramp(datetime(2026, 3, 4, 2, minute), "muscle.calf", Side.LEFT, 30, 3))
    diary.set_day(date(2026, 3, 3), DayFactors(reviewed=True))
    diary.mark_cramp_free(date(2026, 3, 6))
    summary = report.build_report(diary, period=WEEK)
    rows = headline(summary)
    assert rows["cramps_per_week"].value == "—"
    assert rows["cramp_nights_per_week"].value == "—"
    assert rows["episodes"].value == "50"
    assert summary.rate_withheld == "too few recorded nights to rate (2 of 7 needed)"
    for night in (2, 4, 5, 7, 8):  # review the rest of the week: 7 recorded nights
        diary.mark_cramp_free(date(2026, 3, night))
    summary = report.build_report(diary, period=WEEK)
    assert headline(summary)["cramps_per_week"].value == "50.0"
    assert summary.rate_withheld is None


def test_the_share_of_recorded_nights_with_cramps_counts_recorded_nights_only(
    diary: Diary,
) -> None:
    # Seven nights reviewed, two of them with a cramp; two more cramps on nights nobody
    # reviewed (listed, but no part of any rate): 2 of 7, never "4 of 7".
    for night in (2, 3):
        diary.add_episode(
            cramp(datetime(2026, 3, night + 1, 2, 10), "muscle.calf", Side.LEFT, 30, 3)
        )
        diary.set_day(date(2026, 3, night), DayFactors(reviewed=True))
    for night in (5, 6):
        diary.add_episode(
            cramp(datetime(2026, 3, night + 1, 2, 10), "muscle.calf", Side.LEFT, 30, 3)
        )
    for night in (4, 7, 8, 9, 10):
        diary.mark_cramp_free(date(2026, 3, night))
    period = stats.Period(date(2026, 3, 2), date(2026, 3, 10), "Nine nights")
    rows = headline(report.build_report(diary, period=period))
    assert rows["episodes"].value == "4"
    assert rows["share_of_reviewed_nights_with_cramps"].value == "29% (2 of 7)"
    assert rows["cramp_nights_per_week"].value == "2.0"


@pytest.mark.parametrize(
    ("mine", "theirs", "shown"),
    [
        (0.9722, 0.9762, "-1 pt"),  # "97%" against "98%", though 0.4 points apart
        (0.9749, 0.9651, "no change"),  # "97%" against "97%", though 1 point apart
        (0.625, 0.5, "+13 pts"),  # "63%" (halves up) against "50%"
        (0.0, 1.0, "-100 pts"),
        (0.51, 0.5, "+1 pt"),
    ],
)
def test_a_shares_change_is_the_difference_of_the_percentages_shown(
    mine: float, theirs: float, shown: str
) -> None:
    assert report.headline.change(mine, theirs, points=True) == shown


@pytest.mark.parametrize(
    ("mine", "theirs", "options", "shown"),
    [
        (6.04, 5.96, {}, "no change"),  # "6.0" against "6.0", though 0.08 apart
        (4.04, 3.96, {}, "no change"),
        (5.66, 5.64, {}, "+0.1"),  # "5.7" against "5.6", though 0.02 apart
        (3.04, 4.25, {}, "-1.3"),  # "3.0" against "4.3"
        (6.0, 5.9, {}, "+0.1"),  # never "+0.1000000000000005"
        (75, 90, {"seconds": True}, "-15 s"),  # "1 min 15 s" against "1 min 30 s"
        (95, 98, {"seconds": True}, "-3 s"),
        (90.4, 89.6, {"seconds": True}, "no change"),  # both "1 min 30 s"
        (82.5, 59.5, {"seconds": True}, "+23 s"),  # "1 min 23 s" against "1 min": halves up
        (3659, 3600, {"seconds": True}, "no change"),  # "1 h" against "1 h"
        (3725, 3600, {"seconds": True}, "+2 min"),  # "1 h 2 min" against "1 h"
        (12, 9, {"digits": 0}, "+3"),
    ],
)
def test_a_change_is_the_difference_of_the_values_shown(
    mine: float, theirs: float, options: dict[str, Any], shown: str
) -> None:
    assert report.headline.change(mine, theirs, **options) == shown


def test_counts_are_compared_only_over_as_many_recorded_nights(week: Diary) -> None:
    # Ten nights against the ten before: these ten all recorded, the ten before only their
    # last seven (declared fully logged). Rates compare; counts do not.
    for night in (9, 10, 11):
        week.mark_cramp_free(date(2026, 3, night))
    ten = stats.Period(date(2026, 3, 2), date(2026, 3, 11), "Ten nights")
    rows = headline(report.build_report(week, period=ten, comparison=ten.previous()))
    assert (rows["cramps_per_week"].value, rows["cramps_per_week"].comparison) == ("2.8", "1.0")
    assert rows["cramps_per_week"].change == "+1.8"
    assert (rows["episodes"].value, rows["episodes"].comparison) == ("4", "1")
    assert rows["episodes"].change is None  # 4 on 10 nights against 1 on 7 is no "+3"
    assert rows["cramps_over_10_min"].change is None
    assert rows["nocturnal"].change is None  # two counts: no one change


def test_a_long_cramp_stretching_did_not_relieve_is_a_warning_with_its_night(
    week: Diary,
) -> None:
    summary = report.build_report(week, period=WEEK)
    long_cramp = next(w for w in summary.warnings if w.code == "warning.long_cramp_unrelieved")
    assert long_cramp.urgent
    assert long_cramp.cited == ("night of Thu 5 Mar 2026, 23:30",)
    assert long_cramp.cited_text == "night of Thu 5 Mar 2026, 23:30"
    assert "(latest: night of Thu 5 Mar 2026, 23:30, 15 min)" in long_cramp.sentence
    assert long_cramp.label
    # Urgent signs come first.
    assert summary.warnings[0].urgent


def test_chart_inputs_are_the_patterns_pane_statistics(week: Diary) -> None:
    summary = report.build_report(week, period=WEEK)
    numbers = stats.compute(week, WEEK)
    assert summary.charts.weekly == numbers.weekly
    assert summary.charts.by_hour == numbers.by_hour
    assert summary.charts.boundary_hour == 12
    assert [t.name for t in summary.charts.treatments] == [t.name for t in numbers.treatments]


def test_muscles_by_side_and_reliefs_with_how_often_they_helped(week: Diary) -> None:
    summary = report.build_report(week, period=WEEK)
    assert [(m.label, m.total, m.left, m.right) for m in summary.muscles] == [
        ("Calf", 2, 1, 1),
        ("Foot or toes", 1, 1, 0),
        ("Hand or fingers", 1, 0, 1),
    ]
    reliefs = {r.label: r for r in summary.reliefs}
    assert reliefs["Gentle stretching"].tried == 2
    assert reliefs["Gentle stretching"].helped_text == "1 of 2 (50%)"
    assert reliefs["Massage"].helped_text == "1 of 1 (100%)"


def test_suspected_triggers_and_the_comparison_note(week: Diary) -> None:
    summary = report.build_report(week, period=WEEK)
    assert [(t.label, t.episodes) for t in summary.suspected_triggers] == [
        (week.label("trigger.dehydration"), 4)
    ]
    assert report.TRIGGER_NOTE.startswith("A comparison, not a cause")


def test_medicines_taken_in_the_period_carry_the_neutral_flag_only_where_it_applies(
    week: Diary,
) -> None:
    medications = report.build_report(week, period=WEEK).medications
    assert [m.name for m in medications] == ["Atorvastatin", "Magnesium citrate"]
    statin, magnesium = medications
    assert statin.flag == report.MEDICATION_FLAG
    assert "discuss with your GP" in statin.flag
    assert statin.dates_text == "since 1 Feb 2026"
    assert magnesium.flag is None
    assert magnesium.taken_for == "for cramps"
    # Started on 4 March: the 4 weeks either side hold too few recorded nights, and it says so
    # (the 7 of the declared span, 2 and 3 March before; 4 to 8 March after).
    assert magnesium.before_after == (
        "too few recorded nights to compare (9 and 5; 14 each needed)"
    )


def test_questions_are_kept_as_typed(week: Diary) -> None:
    summary = report.build_report(week, period=WEEK, questions="  Is it the statin?\n<b>x</b> ")
    assert summary.questions == "Is it the statin?\n<b>x</b>"


def test_the_appendix_lists_every_cramp_of_the_period_under_its_night(week: Diary) -> None:
    rows = report.build_report(week, period=WEEK).appendix
    assert [(r.night_of, r.start_local, r.muscle, r.side) for r in rows] == [
        (date(2026, 3, 2), datetime(2026, 3, 3, 2, 10), "Calf", "Left"),
        (date(2026, 3, 2), datetime(2026, 3, 3, 4, 0), "Calf", "Right"),
        (date(2026, 3, 5), datetime(2026, 3, 5, 23, 30), "Foot or toes", "Left"),
        (date(2026, 3, 7), datetime(2026, 3, 7, 15, 0), "Hand or fingers", "Right"),
    ]
    first, _, third, _ = rows
    assert first.notes == '<b>x</b> & =HYPERLINK("http://x")'
    assert first.woke and first.duration_s == 120 and first.intensity == 6
    assert third.reliefs == (
        ("relief.massage", ReliefRating.A_LITTLE),
        ("relief.stretch", ReliefRating.NOT_HELPED),
    )


def test_the_appendix_read_as_plain_tuples_holds_the_same_facts_in_the_same_order(
    week: Diary,
) -> None:
    appendix = report.build_report(week, period=WEEK).appendix
    plain = appendix.read_plain(list)
    assert len(plain) == 4
    assert [report.AppendixRow(*row) for row in plain] == list(appendix)
    night_of, start, muscle, side, *_ = plain[2]
    assert (night_of, start, muscle, side) == (
        date(2026, 3, 5),
        datetime(2026, 3, 5, 23, 30),
        "Foot or toes",
        "Left",
    )


def test_the_appendix_keeps_woke_no_apart_from_not_answered(diary: Diary) -> None:
    # Three cramps on Monday night: one woke her, one did not, one she never said.
    for minute, woke in ((10, True), (20, False), (30, None)):
        diary.add_episode(
            cramp(
                datetime(2026, 3, 3, 2, minute),
                "muscle.calf",
                Side.LEFT,
                60,
                5,
                woke_from_sleep=woke,
            )
        )
    rows = report.build_report(diary, period=WEEK).appendix
    assert [row.woke for row in rows] == [True, False, None]


def test_the_most_tried_reliefs_get_their_own_appendix_columns(week: Diary) -> None:
    summary = report.build_report(week, period=WEEK)
    assert [c.code for c in summary.relief_columns] == ["relief.stretch", "relief.massage"]
    assert summary.relief_labels["relief.stretch"] == "Gentle stretching"


def test_leaving_out_sections_leaves_out_their_content(week: Diary) -> None:
    chosen = {report.Section.HEADLINE, report.Section.CHARTS}
    summary = report.build_report(week, period=WEEK, sections=chosen)
    assert summary.shows(report.Section.HEADLINE)
    assert not summary.shows(report.Section.APPENDIX)
    assert summary.appendix == ()
    # Warning signs are never optional.
    assert summary.warnings


def test_an_empty_period_is_a_report_that_says_so(week: Diary) -> None:
    summary = report.build_report(
        week, period=stats.Period(date(2025, 1, 1), date(2025, 1, 31), "January")
    )
    assert summary.empty
    assert summary.appendix == ()
    assert summary.warnings == ()
    assert summary.medications == ()


def test_short_labels_drop_the_gloss_but_never_the_persons_own_words() -> None:
    assert report.short_label("Thigh (quadriceps)", "muscle.thigh") == "Thigh"
    assert report.short_label("Left toe (big one)", "custom.muscle.1") == "Left toe (big one)"


def test_building_a_report_loads_neither_qt_nor_matplotlib(week: Diary, data_dir: Path) -> None:
    script = (
        "import sys, pathlib\n"
        "from datetime import date\n"
        "from cramplog.diary.service import Diary\n"
        "from cramplog.analysis import report, stats\n"
        f"d = Diary.open(pathlib.Path({str(data_dir)!r}))\n"
        "p = stats.Period(date(2026, 3, 2), date(2026, 3, 8))\n"
        "r = report.build_report(d, period=p, comparison=p.previous())\n"
        "d.close()\n"
        "assert len(r.appendix) == 4\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'matplotlib'))\n"
        "print(','.join(bad))\n"
    )
    week.close()
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
