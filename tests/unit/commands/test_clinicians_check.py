"""A clinician's check: a two-week baseline diary kept as trials keep them, and the headline
computed by hand here, read back from `cramplog stats --json` and from PDF page one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from statistics import mean, median

import pypdf

from cramplog.core.records import DayFactors, EpisodeInput, Side
from cramplog.diary.service import Diary

ROOT = Path(__file__).resolve().parents[3]
FIRST = date(2025, 9, 1)  # a Monday; the 14 nights to Sunday 14 September
LAST = FIRST + timedelta(days=13)

# (night index, clock hour after midnight, minutes of cramp, severity 0–10)
CRAMPS = [
    (0, 2, 3, 6),
    (2, 3, 1, 4),
    (2, 5, 2, 5),
    (5, 1, 8, 8),
    (6, 4, 2, 3),
    (9, 2, 12, 9),
    (11, 3, 1, 5),
    (13, 1, 4, 7),
    (13, 4, 2, 6),
]
# Sleep disturbance 0–10 written each morning for the 14 nights.
SLEEP = [5, 0, 4, 0, 0, 7, 3, 0, 0, 8, 0, 4, 0, 6]


def _cramplog(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "cramplog", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=180,
    )


def test_a_two_week_baseline_diary_gives_the_hand_computed_headline(
    data_dir: Path, tmp_path: Path
) -> None:
    diary = Diary.open(data_dir)
    try:
        for night, hour, minutes, severity in CRAMPS:
            day = FIRST + timedelta(days=night + 1)
            diary.add_episode(
                EpisodeInput(
                    start=datetime(day.year, day.month, day.day, hour, 10).astimezone(),
                    muscle="muscle.calf",
                    side=Side.RIGHT,
                    duration_s=minutes * 60,
                    intensity=severity,
                    woke_from_sleep=True,
                )
            )
        for index, score in enumerate(SLEEP):  # a trial diary is filled in every morning
            diary.set_day(
                FIRST + timedelta(days=index), DayFactors(reviewed=True, sleep_disturbance=score)
            )
    finally:
        diary.close()

    # By hand: 9 cramps over 14 recorded nights is 4.5 a week, on 7 cramp nights.
    per_week = len(CRAMPS) / 14 * 7
    assert per_week == 4.5
    severity_median = median(c[3] for c in CRAMPS)  # 6
    duration_min = median(c[2] for c in CRAMPS)  # 2 minutes
    over_10 = sum(c[2] > 10 for c in CRAMPS)  # 1
    sleep = mean(SLEEP)  # 2.64…

    period = ["--from", FIRST.isoformat(), "--to", LAST.isoformat()]
    result = _cramplog("stats", "--json", "--data-dir", str(data_dir), *period)
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["cramps_per_week"] == per_week
    assert (body["episodes"], body["cramp_nights"], body["recorded_nights"]) == (9, 7, 14)
    assert body["intensity_median"] == severity_median
    assert body["duration_median_s"] == duration_min * 60
    assert body["cramps_over_10_min"] == over_10
    assert body["sleep_disturbance_mean"] == round(sleep, 2)
    assert (body["nocturnal"], body["daytime"]) == (9, 0)

    target = tmp_path / "gp.pdf"
    result = _cramplog("report", "-o", str(target), "--data-dir", str(data_dir), *period)
    assert result.returncode == 0, result.stderr
    page_one = " ".join(pypdf.PdfReader(target).pages[0].extract_text().split())
    assert "14 of 14 nights recorded (100%)" in page_one
    assert "Cramps per week 4.5" in page_one
    assert f"{sleep:.1f} / 10" in page_one
