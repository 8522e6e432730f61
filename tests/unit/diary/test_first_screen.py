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
