"""Every warning-sign rule, firing on the entries that should fire it and silent otherwise."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from cramplog.analysis import warning_signs
from cramplog.analysis.stats import Period
from cramplog.analysis.warning_signs import Urgency
from cramplog.core.errors import ValidationError
from cramplog.core.records import DayFactors, EpisodeInput, MedicationInput, ReliefRating, Side
from cramplog.diary.service import Diary
from tests.conftest import LONDON

# The fixed clock is Thursday 12 March 2026: last night was the night of Wednesday 11 March.
LAST_NIGHT = date(2026, 3, 11)
FOUR_WEEKS = Period(date(2026, 2, 12), LAST_NIGHT)


def log(diary: Diary, night: date, hour: int = 3, **fields: object) -> int:
    """Log a cramp at `hour` o'clock in the early morning after `night`."""
    day = night + timedelta(days=1)
    start = datetime(day.year, day.month, day.day, hour, 0, tzinfo=LONDON)
    episode = EpisodeInput(start=start, muscle=str(fields.pop("muscle", "muscle.calf")))
    return diary.add_episode(replace(episode, **fields)).id  # type: ignore[arg-type]


def fired(diary: Diary, period: Period = FOUR_WEEKS, **kwargs: float) -> dict[str, object]:
    return {sign.code: sign for sign in warning_signs.check(diary, period, **kwargs)}


def sign_of(diary: Diary, code: str, period: Period = FOUR_WEEKS) -> warning_signs.WarningSign:
    signs = fired(diary, period)
    assert code in signs, f"{code} did not fire; fired: {sorted(signs)}"
    sign = signs[code]
    assert isinstance(sign, warning_signs.WarningSign)
    return sign


def test_a_quiet_diary_fires_nothing(diary: Diary) -> None:
    log(diary, date(2026, 3, 1), intensity=4, duration_s=60, triggers=("trigger.alcohol",))
    assert fired(diary) == {}


def test_swelling_or_redness_is_a_reason_to_seek_advice_now(diary: Diary) -> None:
    episode = log(diary, date(2026, 3, 3), side=Side.LEFT, symptoms=("symptom.swelling",))
    sign = sign_of(diary, "warning.leg_swelling_redness")
    assert sign.urgency is Urgency.NOW
    assert sign.label == diary.checklist.item("warning.leg_swelling_redness").label
    assert [(e.episode_id, e.night) for e in sign.evidence] == [(episode, date(2026, 3, 3))]
    assert sign.evidence[0].detail == "Calf (left): Swelling"
    # Logged at 03:00 on Wednesday 4 March: cited by its night, in the sentence and the list.
    assert "(latest: night of Tue 3 Mar 2026, 03:00)" in sign.sentence
    assert sign.evidence[0].describe() == "Night of Tue 3 Mar 2026, 03:00 — Calf (left): Swelling"
    assert sign.advice and "not a diagnosis" in sign.explanation
    # The same cramp outside the period does not count.
    assert "warning.leg_swelling_redness" not in fired(diary, Period(LAST_NIGHT, LAST_NIGHT))


def test_weakness_and_severe_pain_are_reasons_to_seek_advice_now(diary: Diary) -> None:
    log(diary, date(2026, 3, 2), symptoms=("symptom.weakness",))
    log(diary, date(2026, 3, 4), symptoms=("symptom.severe_persistent_pain",))
    signs = fired(diary)
    assert {"warning.muscle_weakness", "warning.severe_persistent_pain"} <= signs.keys()
    assert all(s.urgency is Urgency.NOW for s in signs.values())  # type: ignore[attr-defined]


def test_a_neck_spasm_with_tingling_is_a_spine_sign_but_a_calf_with_tingling_is_not(
    diary: Diary,
) -> None:
    log(diary, date(2026, 3, 2), symptoms=("symptom.tingling",))
    signs = fired(diary)
    assert "warning.spine_spasm_nerve_signs" not in signs
    # Tingling elsewhere is a nerve-related sign; the checklist marks tingling "now".
    neuro = sign_of(diary, "warning.neurological_signs")
    assert neuro.urgency is Urgency.NOW
    assert "tingling" in neuro.sentence

    log(diary, date(2026, 3, 5), muscle="muscle.neck", symptoms=("symptom.tingling",))
    spine = sign_of(diary, "warning.spine_spasm_nerve_signs")
    assert spine.urgency is Urgency.NOW
    assert [e.night for e in spine.evidence] == [date(2026, 3, 5)]


def test_tremor_is_a_nerve_related_sign_for_an_appointment(diary: Diary) -> None:
    log(diary, date(2026, 3, 2), symptoms=("symptom.tremor",))
    sign = sign_of(diary, "warning.neurological_signs")
    assert sign.urgency is Urgency.APPOINTMENT
    assert "tremor" in sign.sentence


@pytest.mark.parametrize(
    ("duration_s", "stretch", "fires"),
    [
        (660, ReliefRating.NOT_HELPED, True),
        (660, ReliefRating.A_LITTLE, True),
        (660, ReliefRating.HELPED, False),
        (660, None, False),  # stretching not tried
        (600, ReliefRating.NOT_HELPED, False),  # exactly 10 minutes is not over 10
    ],
)
def test_a_long_cramp_that_stretching_did_not_relieve(
    diary: Diary, duration_s: int, stretch: ReliefRating | None, fires: bool
) -> None:
    reliefs = () if stretch is None else (("relief.stretch", stretch),)
    log(diary, date(2026, 3, 2), duration_s=duration_s, reliefs=reliefs)
    signs = fired(diary)
    assert ("warning.long_cramp_unrelieved" in signs) is fires
    if fires:
        assert signs["warning.long_cramp_unrelieved"].urgency is Urgency.NOW  # type: ignore[attr-defined]


def test_a_long_cramp_whose_stretching_was_not_rated_is_not_taken_as_unrelieved(
    diary: Diary,
) -> None:
    # Stretching tried on a 12-minute cramp, how well it worked left unanswered: it may
    # have helped, so no "seek advice now" on that alone.
    log(diary, date(2026, 3, 2), duration_s=720, reliefs=(("relief.stretch", None),))
    assert "warning.long_cramp_unrelieved" not in fired(diary)
    # With one it did not help, the sign fires on that one and says what it could not judge.
    log(
        diary,
        date(2026, 3, 3),
        duration_s=660,
        reliefs=(("relief.stretch", ReliefRating.NOT_HELPED),),
    )
    sign = sign_of(diary, "warning.long_cramp_unrelieved")
    assert [e.night for e in sign.evidence] == [date(2026, 3, 3)]
    assert sign.sentence.startswith("1 cramp lasted more than 10 minutes")
    assert "1 more lasted that long with stretching tried but not rated" in sign.sentence


def test_a_spasm_over_three_days_shows_as_long_entries_on_consecutive_nights(
    diary: Diary,
) -> None:
    for night in (date(2026, 3, 2), date(2026, 3, 3)):
        log(diary, night, hour=9, muscle="muscle.lower_back", duration_s=4 * 3600)
    log(diary, date(2026, 3, 5), hour=9, muscle="muscle.lower_back", duration_s=4 * 3600)
    assert "warning.spasm_three_days" not in fired(diary)  # a gap on the 4th
    log(diary, date(2026, 3, 4), hour=9, muscle="muscle.lower_back", duration_s=4 * 3600)
    sign = sign_of(diary, "warning.spasm_three_days")
    assert sign.urgency is Urgency.APPOINTMENT
    assert [e.night for e in sign.evidence] == [date(2026, 3, d) for d in (5, 4, 3, 2)]
    assert "4 nights in a row" in sign.sentence and "lower back" in sign.sentence
    assert "from the night of Mon 2 Mar 2026 to the night of Thu 5 Mar 2026" in sign.sentence


def test_short_cramps_on_three_nights_are_not_a_long_spasm(diary: Diary) -> None:
    for day in (2, 3, 4):
        log(diary, date(2026, 3, day), duration_s=120)
    assert "warning.spasm_three_days" not in fired(diary)


def test_frequent_cramps_fire_at_the_threshold_over_the_last_four_weeks(diary: Diary) -> None:
    diary.declare_span(FOUR_WEEKS.first, LAST_NIGHT)  # "I logged every cramp"
    for index in range(11):
        log(diary, LAST_NIGHT - timedelta(days=2 * index))
    log(diary, date(2026, 2, 1))  # before the four weeks: does not count
    assert "warning.frequent" not in fired(diary)  # 11 in 4 weeks: 2.75 a week
    assert "warning.frequent" in fired(diary, frequent_per_week=2.5)
    log(diary, LAST_NIGHT, hour=4)
    sign = sign_of(diary, "warning.frequent")
    assert sign.urgency is Urgency.APPOINTMENT
    assert sign.evidence[0].night == LAST_NIGHT and sign.evidence[0].detail == "2 cramps"
    assert sign.evidence_count == 11
    assert "12 cramps on 28 recorded nights" in sign.sentence and "3.0 a week" in sign.sentence
    assert "in the 4 weeks to the night of Wed 11 Mar 2026" in sign.sentence


def test_frequent_cramps_count_only_the_cramps_on_recorded_nights_and_say_so(
    diary: Diary,
) -> None:
    """16 cramps logged in the 4 weeks, one on a night neither reviewed nor in a span: the
    sign must not say "you logged 15" — it counts the 15 on the 27 recorded nights."""
    diary.declare_span(FOUR_WEEKS.first + timedelta(days=1), LAST_NIGHT)
    for index in range(15):
        log(diary, LAST_NIGHT - timedelta(days=index))
    log(diary, FOUR_WEEKS.first)  # an unrecorded night: listed, but left out of the rate
    sign = sign_of(diary, "warning.frequent")
    assert sign.sentence.startswith("15 cramps on 27 recorded nights in the 4 weeks to ")
    assert "logged" not in sign.sentence
    assert "3.9 a week" in sign.sentence


def test_frequent_cramps_need_a_week_of_recorded_nights_like_any_rate(diary: Diary) -> None:
    # 13 cramps on 6 reviewed nights, nothing else recorded: too few nights for a weekly rate.
    for index in range(6):
        for hour in (2, 3) if index else (2, 3, 4):
            log(diary, LAST_NIGHT - timedelta(days=index), hour=hour)
        diary.set_day(LAST_NIGHT - timedelta(days=index), DayFactors(reviewed=True))
    assert "warning.frequent" not in fired(diary)
    diary.mark_cramp_free(LAST_NIGHT - timedelta(days=10))  # a 7th recorded night
    assert "13 cramps on 7 recorded nights" in sign_of(diary, "warning.frequent").sentence
    with pytest.raises(ValueError):
        warning_signs.check(diary, FOUR_WEEKS, frequent_per_week=0)


def test_most_cramps_without_a_suspected_cause(diary: Diary) -> None:
    for day in (1, 2, 3):
        log(diary, date(2026, 3, day), triggers_asked=True)  # the form asked; nothing ticked
    log(diary, date(2026, 3, 4), triggers=("trigger.alcohol",))
    log(diary, date(2026, 3, 5), triggers=("trigger.dehydration",))
    sign = sign_of(diary, "warning.no_clear_cause")
    assert sign.urgency is Urgency.APPOINTMENT
    assert sign.evidence_count == 3
    assert "3 of 5" in sign.sentence
    log(diary, date(2026, 3, 6), triggers=("trigger.alcohol",))  # now 3 of 6: not most
    assert "warning.no_clear_cause" not in fired(diary)


def test_cramps_never_asked_about_causes_are_not_cramps_without_a_cause(diary: Diary) -> None:
    # A spreadsheet of cramps with no triggers column: nobody said anything about causes.
    for day in range(1, 9):
        log(diary, date(2026, 3, day))
    assert "warning.no_clear_cause" not in fired(diary)
    # Four reviewed in the form, three of them with nothing suspected: the rule judges those
    # four and says how many it could not judge.
    for day in (9, 10, 11):
        log(diary, date(2026, 2, day + 10), triggers_asked=True)
    log(diary, date(2026, 2, 22), triggers=("trigger.alcohol",))
    sign = sign_of(diary, "warning.no_clear_cause")
    assert "In 3 of 4 cramps whose possible causes you went through" in sign.sentence
    assert "8 cramps were never asked about causes" in sign.sentence
    assert sign.evidence_count == 3


def test_cramps_waiting_for_review_do_not_count_as_having_no_cause(diary: Diary) -> None:
    for day in (1, 2, 3):
        log(diary, date(2026, 3, day), to_review=True)
    log(diary, date(2026, 3, 4), triggers=("trigger.alcohol",))
    log(diary, date(2026, 3, 5), triggers=("trigger.alcohol",))
    assert "warning.no_clear_cause" not in fired(diary)


def test_self_care_not_helping_in_most_cramps(diary: Diary) -> None:
    nothing = (
        ("relief.stretch", ReliefRating.NOT_HELPED),
        ("relief.heat", ReliefRating.NOT_HELPED),
    )
    for day in (1, 2, 3):
        log(diary, date(2026, 3, day), reliefs=nothing)
    log(diary, date(2026, 3, 4), reliefs=(("relief.stretch", ReliefRating.A_LITTLE),))
    log(diary, date(2026, 3, 5))  # nothing tried: not counted either way
    sign = sign_of(diary, "warning.self_care_not_helping")
    assert "3 of 4" in sign.sentence
    assert sign.urgency is Urgency.APPOINTMENT
    log(diary, date(2026, 3, 6), reliefs=(("relief.stretch", ReliefRating.HELPED),))
    log(diary, date(2026, 3, 7), reliefs=(("relief.massage", ReliefRating.HELPED),))
    assert "warning.self_care_not_helping" not in fired(diary)  # 3 of 6


def _rise_around(diary: Diary, started: date, before: int, after: int) -> None:
    """Record 28 nights either side of `started`: `before` cramp nights, then `after`."""
    for offset in range(-28, 28):
        night = started + timedelta(days=offset)
        count = before if offset < 0 else after
        if (offset % 28) < count:
            log(diary, night)
            diary.set_day(night, DayFactors(reviewed=True))
        else:
            diary.mark_cramp_free(night)


def test_cramps_rising_after_a_statin_started(diary: Diary) -> None:
    started = date(2026, 2, 12)
    diary.add_medication(
        MedicationInput(
            name="Atorvastatin",
            dose="20 mg",
            started_on=started,
            med_class="medication_class.cholesterol",
        )
    )
    _rise_around(diary, started, before=4, after=12)
    sign = sign_of(diary, "warning.medication_related")
    assert sign.urgency is Urgency.APPOINTMENT
    # Its 4 weeks after run to last night: "since".
    assert sign.sentence.startswith(
        "Cramps went from 1.0 a week in the 4 weeks before you started Atorvastatin on "
        "12 Feb 2026 (28 recorded nights) to 3.0 a week since (28 recorded nights)."
    )
    assert sign.evidence[0].night == started
    assert sign.evidence[0].detail == "Started Atorvastatin 20 mg"


def test_a_rise_long_ago_is_of_the_4_weeks_after_the_start_not_since(diary: Diary) -> None:
    started = LAST_NIGHT - timedelta(days=60)
    diary.add_medication(
        MedicationInput(
            name="Atorvastatin", started_on=started, med_class="medication_class.cholesterol"
        )
    )
    _rise_around(diary, started, before=4, after=12)
    for offset in range(28, 61):  # quiet, recorded nights since
        diary.mark_cramp_free(started + timedelta(days=offset))
    sign = sign_of(diary, "warning.medication_related", Period(started, LAST_NIGHT))
    assert " to 3.0 a week in the 4 weeks after (28 recorded nights)." in sign.sentence
    assert "since" not in sign.sentence


def test_a_rise_soon_after_a_start_gives_the_nights_behind_each_rate(diary: Diary) -> None:
    # Started 16 nights before the last one: "since" covers 16 recorded nights, not 4 weeks.
    started = diary.last_night() - timedelta(days=15)
    diary.add_medication(
        MedicationInput(
            name="Atorvastatin", started_on=started, med_class="medication_class.cholesterol"
        )
    )
    for offset in range(-28, 16):  # a cramp a week before, every other night since
        night = started + timedelta(days=offset)
        if offset % (7 if offset < 0 else 2) == 0:
            log(diary, night)
            diary.set_day(night, DayFactors(reviewed=True))
        else:
            diary.mark_cramp_free(night)
    sign = sign_of(diary, "warning.medication_related")
    assert (
        "from 1.0 a week" in sign.sentence and "(28 recorded nights) to 3.5 a week" in sign.sentence
    )
    assert " a week since (16 recorded nights)." in sign.sentence


def test_no_medication_sign_without_a_rise_or_without_a_cramp_associated_class(
    diary: Diary,
) -> None:
    started = date(2026, 2, 12)
    diary.add_medication(
        MedicationInput(name="Statin", started_on=started, med_class="medication_class.cholesterol")
    )
    diary.add_medication(
        MedicationInput(
            name="Magnesium",
            started_on=started,
            med_class="medication_class.magnesium_supplement",
        )
    )
    _rise_around(diary, started, before=6, after=7)
    assert "warning.medication_related" not in fired(diary)


def test_a_rise_after_a_medicine_of_a_harmless_class_is_not_flagged(diary: Diary) -> None:
    started = date(2026, 2, 12)
    diary.add_medication(
        MedicationInput(
            name="Magnesium",
            started_on=started,
            med_class="medication_class.magnesium_supplement",
        )
    )
    _rise_around(diary, started, before=2, after=14)
    assert "warning.medication_related" not in fired(diary)


def test_urgent_signs_come_first_and_evidence_is_capped(diary: Diary) -> None:
    diary.declare_span(FOUR_WEEKS.first, LAST_NIGHT)
    for index in range(25):
        log(diary, LAST_NIGHT - timedelta(days=index))
    log(diary, date(2026, 2, 20), symptoms=("symptom.redness",))
    signs = warning_signs.check(diary, FOUR_WEEKS)
    assert [s.urgency for s in signs][:1] == [Urgency.NOW]
    frequent = next(s for s in signs if s.code == "warning.frequent")
    assert len(frequent.evidence) == warning_signs.MAX_EVIDENCE
    assert frequent.evidence_count == 25  # nights; 20 February holds two cramps
    body = frequent.to_json_dict()
    assert body["urgency"] == "appointment" and body["evidence_count"] == 25
    assert body["evidence"][0]["night"] == "2026-03-11"


def test_the_frequent_cramps_threshold_is_the_diarys_own_setting(diary: Diary) -> None:
    # Two cramps a week for the last four weeks: under the default of 3, over a threshold of 2.
    diary.declare_span(FOUR_WEEKS.first, LAST_NIGHT)
    for week in range(4):
        for day in (1, 4):
            diary.add_episode(
                EpisodeInput(
                    start=datetime(2026, 2, 12, 3, 0, tzinfo=LONDON)
                    + timedelta(days=7 * week + day),
                    muscle="muscle.calf",
                    side=Side.LEFT,
                )
            )
    period = Period(date(2026, 2, 12), date(2026, 3, 11))
    assert diary.frequent_threshold == 3
    assert "warning.frequent" not in {s.code for s in warning_signs.check(diary, period)}
    diary.set_frequent_threshold(2)
    assert diary.frequent_threshold == 2
    assert "warning.frequent" in {s.code for s in warning_signs.check(diary, period)}
    with pytest.raises(ValidationError, match="1 to 50"):
        diary.set_frequent_threshold(0)
    assert diary.frequent_threshold == 2
