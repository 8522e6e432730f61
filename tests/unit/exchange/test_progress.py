"""An export's progress: reported while the files are written, and a stop that writes nothing."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from cramplog import exchange
from cramplog.core.errors import ExportCancelled
from cramplog.diary.service import Diary


class Watcher:
    """A progress that records each report and stops the export at the report `stop_at`."""

    def __init__(self, stop_at: int | None = None) -> None:
        self.reports: list[tuple[int, int]] = []
        self.stop_at = stop_at

    def __call__(self, done: int, total: int) -> bool:
        self.reports.append((done, total))
        return self.stop_at is None or len(self.reports) < self.stop_at


def test_a_csv_export_reports_its_progress_and_writes_the_same_files(
    busy_year: Diary, tmp_path: Path
) -> None:
    plain = exchange.export_csv(busy_year, tmp_path / "plain")
    watcher = Watcher()
    watched = exchange.export_csv(busy_year, tmp_path / "watched", progress=watcher)
    assert [p.read_bytes() for p in watched] == [p.read_bytes() for p in plain]
    episodes = len(busy_year.list_episodes())
    assert episodes > 500
    totals = {total for _done, total in watcher.reports}
    [total] = totals  # the whole export's size, known from the start
    assert total >= 2 * episodes
    done = [d for d, _total in watcher.reports]
    assert done[0] == 0 and 0 < done[1] <= total  # asked before the first row, then along
    assert done == sorted(done)


def test_a_json_export_reports_its_progress_and_writes_the_same_file(
    busy_year: Diary, tmp_path: Path
) -> None:
    plain = exchange.export_json(busy_year, tmp_path / "plain.json")
    watcher = Watcher()
    watched = exchange.export_json(busy_year, tmp_path / "watched.json", progress=watcher)

    def without_moment(path: Path) -> list[str]:  # the time of export differs
        return [line for line in path.read_text().splitlines() if '"exported_utc"' not in line]

    assert without_moment(watched) == without_moment(plain)
    assert len(watcher.reports) >= 2
    assert all(0 <= done <= total for done, total in watcher.reports)


def test_stopping_a_csv_export_half_way_keeps_the_older_files(
    busy_year: Diary, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    exchange.export_csv(busy_year, folder, last_night=date(2025, 6, 1))
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    watcher = Watcher(stop_at=2)  # after the first 500 rows of episodes.csv are written
    with pytest.raises(ExportCancelled, match="nothing was written"):
        exchange.export_csv(busy_year, folder, progress=watcher)
    assert len(watcher.reports) == 2
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # no temporary file


def test_stopping_a_json_export_leaves_no_file(busy_year: Diary, tmp_path: Path) -> None:
    with pytest.raises(ExportCancelled):
        exchange.export_json(busy_year, tmp_path / "diary.json", progress=Watcher(stop_at=2))
    assert os.listdir(tmp_path) == []
