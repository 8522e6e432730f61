"""Opening with the list read ahead gives the rows the list would read, or nothing at all."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from cramplog.core.errors import StorageError
from cramplog.core.records import EpisodeFilter, EpisodeInput
from cramplog.diary import first_screen, integrity
from cramplog.diary.service import Diary
from tests.conftest import LONDON


def fill(data_dir: Path) -> None:
    diary = Diary.open(data_dir)
    try:
        for day, muscle in ((3, "muscle.calf"), (5, "muscle.foot"), (9, "muscle.calf")):
            start = datetime(2026, 3, day, 3, 0, tzinfo=LONDON)
            diary.add_episode(EpisodeInput(start=start, muscle=muscle))
        diary.mark_cramp_free(date(2026, 3, 6))
    finally:
        diary.close()


def test_the_list_read_ahead_is_the_list_the_diary_gives(data_dir: Path) -> None:
    fill(data_dir)
    where = EpisodeFilter(first_night=date(2026, 3, 4))
    diary, rows = first_screen.open_with_list(data_dir, integrity.examine(data_dir), where)
    try:
        assert rows is not None
        assert rows.where == where
        assert [e.uuid for e in rows.episodes] == [e.uuid for e in diary.list_episodes(where)]
        assert len(rows.episodes) == 2
        assert rows.cramp_free == [date(2026, 3, 6)]
    finally:
        diary.close()


def test_a_muscle_filter_hides_the_quiet_nights_as_the_list_does(data_dir: Path) -> None:
    fill(data_dir)
    where = EpisodeFilter(muscles=frozenset({"muscle.foot"}))
    diary, rows = first_screen.open_with_list(data_dir, integrity.examine(data_dir), where)
    diary.close()
    assert rows is not None
    assert [e.muscle for e in rows.episodes] == ["muscle.foot"]
    assert rows.cramp_free == []


def test_a_list_that_cannot_be_read_closes_the_diary_again(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(data_dir)
    closed: list[Diary] = []
    close = Diary.close

    def failing(_diary: Diary, _where: EpisodeFilter) -> None:
        raise StorageError("The diary could not be read.")

    def closing_spy(diary: Diary) -> None:
        closed.append(diary)
        close(diary)

    monkeypatch.setattr(Diary, "list_episodes", failing)
    monkeypatch.setattr(Diary, "close", closing_spy)
    with pytest.raises(StorageError, match="could not be read"):
        first_screen.open_with_list(data_dir, integrity.examine(data_dir), EpisodeFilter())
    assert len(closed) == 1


def test_without_the_list_on_screen_nothing_is_read_ahead(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(data_dir)
    listed: list[object] = []
    monkeypatch.setattr(Diary, "list_episodes", lambda *args: listed.append(args))
    diary, rows = first_screen.open_with_list(data_dir, integrity.examine(data_dir), None)
    diary.close()
    assert rows is None and listed == []


@pytest.mark.parametrize(
    "where",
    [
        EpisodeFilter(),
        EpisodeFilter(first_night=date(2026, 3, 4)),
        EpisodeFilter(muscles=frozenset({"muscle.calf"})),
        EpisodeFilter(first_night=date(2026, 3, 10)),  # after every entry: nothing
    ],
)
def test_the_list_read_again_beside_the_open_diary_is_the_list_it_gives(
    data_dir: Path, where: EpisodeFilter
) -> None:
    fill(data_dir)
    diary = Diary.open(data_dir)
    try:
        diary.add_episode(  # saved by the open diary: a reader beside it sees it
            EpisodeInput(start=datetime(2026, 3, 7, 2, 0, tzinfo=LONDON), muscle="muscle.calf")
        )
        rows = first_screen.read_list(diary.path, where, diary.boundary_hour)
        assert rows.where == where
        assert [e.uuid for e in rows.episodes] == [e.uuid for e in diary.list_episodes(where)]
        quiet = [] if where.muscles else diary.cramp_free_nights(where.first_night)
        assert rows.cramp_free == quiet
    finally:
        diary.close()


def test_the_list_read_again_follows_the_diarys_night_boundary(data_dir: Path) -> None:
    """A cramp at 03:00 on the 5th is in the night of the 4th at the usual noon boundary, but
    in the night of the 5th if nights start at 02:00: a filter from the 5th shows it then."""
    fill(data_dir)
    where = EpisodeFilter(first_night=date(2026, 3, 5))
    diary = Diary.open(data_dir)
    try:
        at_noon = first_screen.read_list(diary.path, where, 12)
        at_two = first_screen.read_list(diary.path, where, 2)
        assert len(at_two.episodes) == len(at_noon.episodes) + 1
    finally:
        diary.close()
