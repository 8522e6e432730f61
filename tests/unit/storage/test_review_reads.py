"""The recent nights' day records and cramp nights, read plainly for the review banner."""

from __future__ import annotations

from datetime import date, datetime

from cramplog.core.records import DayFactors, EpisodeInput
from cramplog.diary.service import Diary
from cramplog.storage import plain_diary, review_reads
from cramplog.storage.aggregates.ranges import NightRange
from tests.conftest import LONDON

SUN, MON, TUE, WED = date(2026, 3, 8), date(2026, 3, 9), date(2026, 3, 10), date(2026, 3, 11)


def test_cramps_count_on_their_night_and_day_records_say_whether_reviewed(diary: Diary) -> None:
    # With the day starting at noon: 03:00 on the 9th is Sunday's night (outside the range),
    # 11:00 on the 10th still Monday's, noon on the 10th Tuesday's, 09:00 on the 12th Wednesday's.
    for day, hour in ((9, 3), (10, 11), (10, 12), (12, 9)):
        diary.add_episode(
            EpisodeInput(start=datetime(2026, 3, day, hour, tzinfo=LONDON), muscle="muscle.calf")
        )
    diary.set_day(SUN, DayFactors(reviewed=True))  # outside the range
    diary.set_day(MON, DayFactors(alcohol_units=1))  # a record, not reviewed
    diary.set_day(TUE, DayFactors(reviewed=True))
    with plain_diary.read_only(diary.path) as connection:
        recent = review_reads.recent_nights(connection, NightRange(MON, WED, 12))
        monday = review_reads.recent_nights(connection, NightRange(MON, MON, 12))
    assert recent.cramp_nights == {MON, TUE, WED}
    assert recent.days == {MON: False, TUE: True}
    assert monday.cramp_nights == {MON} and monday.days == {MON: False}
