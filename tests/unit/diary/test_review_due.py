"""The review banner's offer: last night, whether it is reviewed, the nights missed before it."""

from __future__ import annotations

from datetime import date, datetime

from cramplog.core.records import DayFactors, EpisodeInput
from cramplog.diary.read_only import ReadOnlyDiary
from cramplog.diary.review_due import ReviewDue, review_due
from cramplog.diary.service import Diary
from tests.conftest import LONDON, NOW

SAT, SUN, MON, TUE, WED = (date(2026, 3, day) for day in (7, 8, 9, 10, 11))


def read_only_answer(diary: Diary) -> ReviewDue:
    """What start-up asks before the diary is open: the file through sqlite3 alone."""
    with ReadOnlyDiary.opened(diary.data_dir, clock=lambda: NOW) as view:
        assert view is not None
        return review_due(view)


def test_a_fresh_diary_offers_last_night_alone(diary: Diary) -> None:
    due = review_due(diary)
    assert due == ReviewDue(WED, reviewed=False, has_cramps=False, missed=(WED,))
    assert read_only_answer(diary) == due


def test_a_cramp_at_two_in_the_morning_belongs_to_the_night_before_and_is_missed_since(
    diary: Diary,
) -> None:
    diary.add_episode(
        EpisodeInput(start=datetime(2026, 3, 8, 2, tzinfo=LONDON), muscle="muscle.calf")
    )
    due = review_due(diary)
    assert due.missed == (SAT, SUN, MON, TUE, WED)  # back to the first night known
    assert not due.has_cramps and not due.reviewed
    assert read_only_answer(diary) == due


def test_the_missed_nights_stop_at_the_last_reviewed_one_and_end_once_last_night_is(
    diary: Diary,
) -> None:
    diary.add_episode(
        EpisodeInput(start=datetime(2026, 3, 12, 3, tzinfo=LONDON), muscle="muscle.foot")
    )
    diary.mark_cramp_free(MON)
    due = review_due(diary)
    assert due == ReviewDue(WED, reviewed=False, has_cramps=True, missed=(TUE, WED))
    assert read_only_answer(diary) == due
    diary.mark_cramp_free(TUE)
    diary.set_day(WED, DayFactors(reviewed=True))
    due = review_due(diary)
    assert due == ReviewDue(WED, reviewed=True, has_cramps=True, missed=())
    assert read_only_answer(diary) == due


def test_a_day_record_not_reviewed_counts_as_a_night_the_diary_was_kept(diary: Diary) -> None:
    diary.set_day(SUN, DayFactors(alcohol_units=2))
    due = review_due(diary)
    assert due.missed == (SUN, MON, TUE, WED)
    assert read_only_answer(diary) == due
