"""Benchmark figure: importing a spreadsheet of N rows against raw sqlite3.executemany of them.

Both run in the same process on the same machine; CPU time is compared so another busy process
on a shared box does not decide the outcome. benchmarks/run.py calls `figure()`.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import statistics
import time
from datetime import datetime, timedelta
from datetime import time as dt_time
from pathlib import Path

from cramplog import exchange
from cramplog.diary.service import Diary
from cramplog.storage import transfer

BUDGET = 3.0
SIDES = ("L", "R", "both", "")
MUSCLES = ("Calf", "calves", "thigh", "Foot", "hamstring", "Left calf")


def workbook(path: Path, rows: int) -> None:
    """The same cramps as `spreadsheet`, as an .xlsx with real date, time and duration cells."""
    import openpyxl

    rng = random.Random(5)
    first = datetime(2000, 1, 1, 1, 0)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Cramps")
    sheet.append(["Date", "Time", "Muscle", "Side", "Duration (min)", "Pain (0-10)", "Notes"])
    for n in range(rows):
        start = first + timedelta(hours=2 * n, minutes=rng.randrange(60))
        sheet.append(
            [
                start.date(),
                start.time(),
                rng.choice(MUSCLES),
                rng.choice(SIDES),
                dt_time(0, rng.randint(0, 4), rng.randint(1, 59)),
                rng.randint(0, 10),
                f"note {n}",
            ]
        )
    book.save(path)


def spreadsheet(path: Path, rows: int) -> None:
    rng = random.Random(5)
    first = datetime(2000, 1, 1, 1, 0)
    lines = ["Date,Time,Muscle,Side,Duration (min),Pain (0-10),Notes"]
    for n in range(rows):
        start = first + timedelta(hours=2 * n, minutes=rng.randrange(60))
        lines.append(
            f"{start:%Y-%m-%d},{start:%H:%M},{rng.choice(MUSCLES)},{rng.choice(SIDES)},"
            f"{rng.randint(0, 4)}:{rng.randint(1, 59):02d},{rng.randint(0, 10)},note {n}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def fresh(folder: Path) -> Diary:
    shutil.rmtree(folder, ignore_errors=True)
    return Diary.open(folder)


def ours(folder: Path, sheet: Path) -> tuple[float, float, exchange.ImportPlan]:
    diary = fresh(folder)
    try:
        cpu, wall = time.process_time(), time.perf_counter()
        plan = exchange.plan_import(diary, sheet)
        result = exchange.apply_import(diary, plan)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        assert plan.errors == [] and result.episodes == diary.count_episodes()
    finally:
        diary.close()
    return cpu, wall, plan


def raw_executemany(folder: Path, plan: exchange.ImportPlan) -> tuple[float, float]:
    """The floor: the same rows, already made, handed to sqlite3 in one executemany."""
    fresh(folder).close()
    rows = [
        (
            i,
            new.uuid,
            transfer._utc_text(new.start_local, new.utc_offset_min),
            new.utc_offset_min,
            new.episode.muscle,
            new.episode.side.value,
            new.episode.duration_s,
            new.episode.intensity,
            0,
            None,
            None,
            new.episode.notes,
            0,
            "2026-01-01 09:30:00.000000",
            "2026-01-01 09:30:00.000000",
        )
        for i, new in enumerate(plan.batch.episodes, start=1)
    ]
    conn = sqlite3.connect(folder / "diary.sqlite3", isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        cpu, wall = time.process_time(), time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO episodes (id, uuid, start_utc, utc_offset_min, muscle, side, "
            "duration_s, intensity, woke_from_sleep, activity, hydration, notes, to_review, "
            "created_utc, updated_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.execute("COMMIT")
        return time.process_time() - cpu, time.perf_counter() - wall
    finally:
        conn.close()


def figure(
    scratch: Path, rows: int, runs: int, *, kind: str = "csv"
) -> tuple[float, float, float, float]:
    """(our CPU s, our wall s, floor CPU s, floor wall s): the median of `runs` runs each,
    the two taking turns so that a busy spell on a shared machine hits both. `kind` is
    "csv" or "xlsx" (the same rows as a workbook)."""
    sheet = scratch / f"sheet.{kind}"
    (workbook if kind == "xlsx" else spreadsheet)(sheet, rows)
    ours_runs: list[tuple[float, float]] = []
    raw_runs: list[tuple[float, float]] = []
    for _ in range(runs):
        cpu, wall, plan = ours(scratch / "ours", sheet)
        ours_runs.append((cpu, wall))
        raw_runs.append(raw_executemany(scratch / "raw", plan))
    return (
        statistics.median(cpu for cpu, _wall in ours_runs),
        statistics.median(wall for _cpu, wall in ours_runs),
        statistics.median(cpu for cpu, _wall in raw_runs),
        statistics.median(wall for _cpu, wall in raw_runs),
    )
