"""A check of a file to import stops when asked, from another thread, and writes nothing."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from pathlib import Path

import pytest

from cramplog import exchange
from cramplog.diary.service import Diary
from cramplog.exchange import stopping
from tests.unit.exchange.workbook import samples

ROWS = 3000  # a few of the readers' looks apart


def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "cramps.csv"
    lines = ["Date,Time,Muscle,Side,Duration,Pain"]
    first = date(2016, 1, 1)  # a cramp a night, each its own
    lines += [f"{first + timedelta(days=n)},02:10,calf,left,2,6" for n in range(ROWS)]
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.parametrize("kind", ["spreadsheet", "json export", "workbook"])
def test_a_check_asked_to_stop_stops_and_the_diary_is_as_it_was(
    diary: Diary, tmp_path: Path, kind: str
) -> None:
    path = sheet(tmp_path)
    if kind == "json export":  # a cramplog JSON export, read a piece at a time
        other = Diary.open(tmp_path / "other")
        try:
            exchange.apply_import(other, exchange.plan_import(other, path))
            path = exchange.export_json(other, tmp_path / "diary.json")
        finally:
            other.close()
    elif kind == "workbook":  # the same rows in an .xlsx
        rows = [line.split(",") for line in path.read_text().splitlines()]
        path = samples.xlsx(tmp_path / "cramps.xlsx", {"Cramps": rows})
    stop = threading.Event()
    stop.set()
    with stopping.stoppable(stop), pytest.raises(stopping.CheckStopped):
        exchange.plan_import(diary, path)
    assert diary.count_episodes() == 0
    # Outside a stoppable run, or with the event not set, the same check goes to its end.
    assert exchange.plan_import(diary, path).valid_records == ROWS
    with stopping.stoppable(threading.Event()):
        assert exchange.plan_import(diary, path).valid_records == ROWS


def test_one_threads_stop_never_stops_a_check_on_another(diary: Diary, tmp_path: Path) -> None:
    path = sheet(tmp_path)
    stop = threading.Event()
    stop.set()
    found: list[object] = []

    def elsewhere() -> None:
        with stopping.stoppable(stop):
            try:
                exchange.plan_import(diary, path)
            except stopping.CheckStopped as stopped:
                found.append(stopped)

    other = threading.Thread(target=elsewhere)
    with stopping.stoppable(threading.Event()):
        other.start()
        plan = exchange.plan_import(diary, path)
        other.join()
    assert plan.valid_records == ROWS
    assert len(found) == 1 and isinstance(found[0], stopping.CheckStopped)
