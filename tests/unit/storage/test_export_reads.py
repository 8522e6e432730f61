"""Reading the diary page by page for an export gives exactly what the whole-list reads give."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from cramplog.core import nights
from cramplog.core.records import EpisodeFilter
from cramplog.demo import sample
from cramplog.diary.service import Diary
from cramplog.storage import export_reads

FIRST, LAST = date(2025, 9, 20), date(2026, 2, 10)


@pytest.fixture(scope="module")
def half_year(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Diary]:
    folder: Path = tmp_path_factory.mktemp("half-year")
    sample.create_sample_diary(
        folder,
        size=sample.SampleSize(years=0.5, episodes_per_week=30),
        seed=5,
        end=date(2026, 3, 1),
    )
    opened = Diary.open(folder)
    yield opened
    opened.close()


def _starts(diary: Diary, first: date | None, last: date | None) -> dict[str, datetime | None]:
    hour = diary.boundary_hour
    return {
        "local_from": None if first is None else nights.night_window(first, hour)[0],
        "local_to": None if last is None else nights.night_window(last, hour)[1],
    }


@pytest.mark.parametrize(("first", "last"), [(None, None), (FIRST, LAST), (FIRST, None)])
def test_episodes_read_page_by_page_are_the_diary_list(
    half_year: Diary, first: date | None, last: date | None
) -> None:
    expected = half_year.list_episodes(EpisodeFilter(first_night=first, last_night=last))
    streamed = half_year.read(
        lambda session: list(export_reads.episodes(session, **_starts(half_year, first, last)))
    )
    assert len(expected) > export_reads.PAGE  # several pages, the last one partly filled
    assert streamed == expected


@pytest.mark.parametrize(("first", "last"), [(None, None), (FIRST, LAST)])
def test_days_read_page_by_page_are_the_diary_days(
    half_year: Diary, first: date | None, last: date | None
) -> None:
    streamed = half_year.read(lambda session: list(export_reads.days(session, first, last)))
    assert streamed == half_year.list_days(first, last)
    assert streamed


@pytest.mark.parametrize(("first", "last"), [(None, None), (FIRST, LAST)])
def test_cramps_per_night_count_each_night_as_the_diary_does(
    half_year: Diary, first: date | None, last: date | None
) -> None:
    hour = half_year.boundary_hour
    episodes = half_year.list_episodes(EpisodeFilter(first_night=first, last_night=last))
    expected = sorted(Counter(nights.night_of(e.start_local, hour) for e in episodes).items())
    counted = half_year.read(
        lambda session: list(
            export_reads.cramps_per_night(
                session, boundary_hour=hour, **_starts(half_year, first, last)
            )
        )
    )
    assert counted == expected
    assert any(count > 1 for _night, count in counted)  # nights with several cramps


def test_an_empty_period_reads_nothing(half_year: Diary) -> None:
    future = date(2030, 1, 1)
    starts = _starts(half_year, future, None)
    assert half_year.read(lambda s: list(export_reads.episodes(s, **starts))) == []
    assert half_year.read(lambda s: list(export_reads.days(s, future, None))) == []
    hour = half_year.boundary_hour
    counted = half_year.read(
        lambda s: list(export_reads.cramps_per_night(s, boundary_hour=hour, **starts))
    )
    assert counted == []
