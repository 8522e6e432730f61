"""A period's episodes packed one integer each: every value comes back as it was stored."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import date, datetime, timedelta

import pytest

from cramplog.analysis import stats
from cramplog.analysis.stats import kept_reads
from cramplog.core.records import DayFactors, EpisodeInput, Side, VocabularyKind
from cramplog.diary.service import Diary
from cramplog.storage import aggregates, episode_figures
from cramplog.storage.aggregates import period
from cramplog.storage.aggregates.ranges import NightRange
from tests.conftest import LONDON

# The fixed clock is Thursday 12 March 2026: last night is the night of Wed 11 March.
MARCH = stats.Period(date(2026, 3, 1), date(2026, 3, 11))


def _cramps(diary: Diary) -> None:
    own = diary.add_custom_item(VocabularyKind.MUSCLE, "Little toe").code
    for day, hour, muscle in ((2, 3, own), (4, 23, "muscle.calf"), (9, 14, "muscle.foot")):
        diary.add_episode(
            EpisodeInput(
                start=datetime(2026, 3, day, hour, 41, tzinfo=LONDON),
                muscle=muscle,
                side=Side.RIGHT,
                duration_s=86_400 if day == 9 else 90,
                intensity=10 if day == 4 else None,
                woke_from_sleep=day == 2,
            )
        )


def test_the_longest_cramp_the_latest_minute_and_a_muscle_of_ones_own_come_back(
    diary: Diary,
) -> None:
    _cramps(diary)
    s = stats.compute(diary, MARCH)
    assert s.longest_duration_s == 86_400 and s.intensity_worst == 10
    assert [(h.hour, h.episodes) for h in s.by_hour if h.episodes] == [(3, 1), (14, 1), (23, 1)]
    assert {m.label: m.episodes for m in s.by_muscle} == {
        "Little toe": 1,
        "Calf": 1,
        "Foot or toes": 1,
    }
    assert all(pair.side is Side.RIGHT for pair in s.by_muscle_side)


def test_more_muscles_than_the_packed_field_holds_are_counted_the_same(
    diary: Diary, monkeypatch: pytest.MonkeyPatch
) -> None:
    _cramps(diary)
    packed = stats.compute(diary, MARCH)
    kept_reads.forget(diary)
    monkeypatch.setattr(period, "MUSCLE_BITS", (8, 1))  # room for two muscles only
    nights = NightRange(MARCH.first, MARCH.last, diary.boundary_hour)
    columns = diary.read_plain(lambda c: period.episode_columns(c, nights))
    assert columns.muscle is not None  # each muscle came in a column of its own
    assert stats.compute(diary, MARCH) == packed


def test_a_diary_whose_figures_index_was_dropped_gives_the_same_figures(diary: Diary) -> None:
    _cramps(diary)
    indexed = stats.compute(diary, MARCH)
    kept_reads.forget(diary)
    diary.read_plain(lambda c: c.execute(f"DROP INDEX {episode_figures.FIGURES_INDEX}"))
    # Worked out from the table again, as before migration 0007, instead of failing.
    assert stats.compute(diary, MARCH) == indexed


def test_a_range_reaching_before_1900_counts_its_nights_from_its_own_first(
    diary: Diary,
) -> None:
    _cramps(diary)
    early = NightRange(date(1899, 12, 30), MARCH.last, diary.boundary_hour)
    columns = diary.read_plain(lambda c: period.episode_columns(c, early))
    assert columns.night is None  # the nights fit their field, counted from 30 Dec 1899
    nights = [p >> aggregates.EPISODE_NIGHT_BITS[0] for p in columns.packed]
    assert [early.first + timedelta(days=n) for n in nights] == [
        date(2026, 3, 1),  # 03:41 on the 2nd belongs to the night of the 1st
        date(2026, 3, 4),
        date(2026, 3, 9),
    ]
    from_1899 = stats.compute(diary, stats.Period(early.first, early.last))
    march = stats.compute(diary, MARCH)
    assert from_1899.by_hour == march.by_hour and from_1899.by_weekday == march.by_weekday
    assert from_1899.cramp_nights == march.cramp_nights == 3


def test_a_range_longer_than_the_night_field_reads_its_nights_in_their_own_column(
    diary: Diary, monkeypatch: pytest.MonkeyPatch
) -> None:
    _cramps(diary)
    packed = stats.compute(diary, MARCH)
    kept_reads.forget(diary)
    monkeypatch.setattr(period, "EPISODE_NIGHT_BITS", (42, 1))  # room for two nights only
    nights = NightRange(MARCH.first, MARCH.last, diary.boundary_hour)
    columns = diary.read_plain(lambda c: period.episode_columns(c, nights))
    assert columns.night == [0, 3, 8]
    assert stats.compute(diary, MARCH) == packed


def test_sleep_figures_at_their_limits_and_unrecorded_ones_come_back_as_they_were(
    diary: Diary,
) -> None:
    # Minutes awake: 0, 1440, then 60 on each of five more nights; two nights say nothing.
    awake = {2: 0, 3: 1440, 4: None, 5: None, 6: 60, 7: 60, 8: 60, 9: 60, 10: 60}
    sleep = {2: 0, 3: 10, 4: None, 5: 10}
    for day, minutes in awake.items():
        diary.set_day(
            date(2026, 3, day),
            DayFactors(reviewed=True, sleep_disturbance=sleep.get(day), minutes_awake=minutes),
        )
    s = stats.compute(diary, MARCH)
    assert (s.sleep_disturbance_nights, s.sleep_disturbance_mean) == (3, 20 / 3)
    # 1,740 minutes over 7 nights that say: 1,740 a week.
    assert (s.minutes_awake_nights, s.minutes_awake_per_week) == (7, 1740.0)
    assert s.reviewed_nights == 9
    assert [c.night for c in s.calendar if c.state is stats.NightState.CRAMP_FREE] == [
        date(2026, 3, day) for day in awake
    ]


def _one_cramp_starting(diary: Diary, start_local: str) -> None:
    """One cramp whose start is moved (by another connection) to `start_local`, a time the
    app would not take from a person today but an import of a far-off diary could hold."""
    diary.add_episode(
        EpisodeInput(start=datetime(2026, 3, 10, 2, 0, tzinfo=LONDON), muscle="muscle.calf")
    )
    with contextlib.closing(sqlite3.connect(diary.path)) as other, other:
        other.execute(
            "UPDATE episodes SET start_utc = ?, utc_offset_min = 0", (f"{start_local}.000000",)
        )


def test_a_far_off_start_comes_back_with_its_night_and_hour(diary: Diary) -> None:
    _one_cramp_starting(diary, "2155-03-11 17:59:00")
    # The night of 10 March 2155 under an 18:00 boundary ends at 18:00 on the 11th.
    nights = NightRange(date(2155, 3, 10), date(2155, 3, 10), 18)
    columns = diary.read_plain(lambda c: period.episode_columns(c, nights))
    (packed,) = columns.packed
    assert packed >> aggregates.EPISODE_NIGHT_BITS[0] == 0
    shift, width = aggregates.HOUR_BITS
    assert (packed >> shift) & ((1 << width) - 1) == 17


def test_a_start_past_2155_is_counted_on_its_night_and_hour(diary: Diary) -> None:
    _one_cramp_starting(diary, "2155-03-11 18:08:00")  # 2**27 minutes after 1900 began
    diary.set_boundary_hour(18)
    s = stats.compute(diary, stats.Period(date(2155, 3, 11), date(2155, 3, 11)))
    assert [(h.hour, h.episodes) for h in s.by_hour if h.episodes] == [(18, 1)]
    assert s.cramp_nights == 1


def test_the_calf_is_asked_first_and_every_muscle_keeps_its_number() -> None:
    muscles = ("muscle.abdomen", "muscle.calf", "muscle.foot")
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE TABLE episodes (muscle TEXT)")
        connection.executemany(
            "INSERT INTO episodes VALUES (?)", [(m,) for m in (*muscles, "muscle.mine")]
        )
        numbers = connection.execute(
            f"SELECT {period._muscle_index(muscles)} FROM episodes ORDER BY rowid",
            {f"m{i}": code for i, code in enumerate(muscles)},
        ).fetchall()
    finally:
        connection.close()
    assert period._muscle_index(muscles).startswith("CASE muscle WHEN :m1 ")
    assert [n for (n,) in numbers] == [0, 1, 2, 3]  # one not listed counts as "other"


def test_a_ranges_episodes_and_day_records_come_oldest_first_whatever_order_they_were_saved(
    diary: Diary,
) -> None:
    for day in (9, 2, 5, 3):  # saved out of order: the read's order is the nights'
        diary.add_episode(
            EpisodeInput(
                start=datetime(2026, 3, day, 3, 10, tzinfo=LONDON),
                muscle="muscle.calf",
                side=Side.LEFT,
            )
        )
    for day in (7, 1, 4):
        diary.set_day(date(2026, 3, day), DayFactors(reviewed=True))
    nights = NightRange(MARCH.first, MARCH.last, diary.boundary_hour)
    episodes = diary.read_plain(lambda c: period.episode_columns(c, nights))
    days = diary.read_plain(lambda c: period.day_columns(c, nights, stats.FACTOR_THRESHOLDS))
    night_shift = aggregates.EPISODE_NIGHT_BITS[0]
    # Each cramp at 03:10 belongs to the night before: days after the range's first night.
    assert [packed >> night_shift for packed in episodes.packed] == [0, 1, 3, 7]
    first = (MARCH.first - date(1900, 1, 1)).days + aggregates.NIGHT_BIAS
    assert [(packed >> aggregates.NIGHT_BITS[0]) - first for packed in days.packed] == [0, 3, 6]
