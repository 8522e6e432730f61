"""A hand-kept spreadsheet of 58 cramps over 10 weeks, imported with the default answers.

Columns Date, Time, Muscle, Side, Duration, Pain, Notes — no review, woke or trigger
columns, as people keep them. Counted by hand: 58 cramps over the 71 nights from the first
cramp's night to the last's is 5.72 a week; 46 began between 00:00 and 05:59.
"""

from __future__ import annotations

import csv
import json
import random
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from cramplog import cli

FIRST_NIGHT = date(2026, 7, 5)  # the first cramp is at 02:04 on Monday 6 July
LAST_NIGHT = date(2026, 9, 13)


def _spreadsheet(path: Path) -> list[tuple[date, time]]:
    rng = random.Random(58)
    days = sorted(rng.sample(range(70), 50))
    slots = sorted(days + rng.sample(days, 8))
    rows = []
    for index, day in enumerate(slots):
        if index < 45:
            at = time(rng.randint(0, 5), rng.randint(0, 59))
        else:
            at = time(rng.choice([8, 10, 14, 17, 19]), rng.randint(0, 59))
        rows.append((date(2026, 7, 6) + timedelta(days=day), at))
    rows[0] = (date(2026, 7, 6), time(2, 4))
    rows[-1] = (date(2026, 9, 14), time(3, 30))
    with path.open("w", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["Date", "Time", "Muscle", "Side", "Duration", "Pain", "Notes"])
        for night_date, at in rows:
            writer.writerow(
                [night_date.isoformat(), at.strftime("%H:%M"), "Calf", "Left", "3 min", 6, ""]
            )
    return rows


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _stats(capsys: pytest.CaptureFixture[str], data_dir: Path) -> dict[str, object]:
    code, out, err = _run(
        capsys,
        "stats",
        "--json",
        "--data-dir",
        str(data_dir),
        "--from",
        FIRST_NIGHT.isoformat(),
        "--to",
        LAST_NIGHT.isoformat(),
    )
    assert (code, err) == (0, "")
    body = json.loads(out)
    assert isinstance(body, dict)
    return body


def test_a_cramps_only_spreadsheet_gives_cramps_per_week_over_its_span(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _spreadsheet(tmp_path / "cramps.csv")
    small_hours = sum(at.hour < 6 for _day, at in rows)
    assert (len(rows), small_hours) == (58, 46)

    code, out, _ = _run(capsys, "import", str(tmp_path / "cramps.csv"), "--data-dir", str(data_dir))
    assert code == 0
    assert "the 71 nights of Sun 5 Jul 2026 to Sun 13 Sep 2026 would count as recorded" in out

    body = _stats(capsys, data_dir)
    # Per week over the file's nights, never per night that had a cramp.
    assert body["recorded_nights"] == 71
    assert body["cramps_per_week"] == round(58 / 71 * 7, 2)
    # The small-hours cramps are night-time, inferred from the default sleep hours.
    assert body["nocturnal"] == small_hours
    assert body["timing"] == {
        "sleep_hours": "22:00–08:00",
        "nocturnal_inferred": small_hours,
        "daytime_inferred": 58 - small_hours,
        # Every row has its time: none is left out of the hours or of night/day.
        "time_not_noted": 0,
        "timing_unknown": 0,
    }
    # No trigger column: nothing says the cramps had no cause.
    codes = [sign["code"] for sign in body["warning_signs"]]  # type: ignore[attr-defined]
    assert "warning.no_clear_cause" not in codes


def test_without_the_span_the_nights_stay_unknown_and_no_rate_is_made_up(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _spreadsheet(tmp_path / "cramps.csv")
    code, out, _ = _run(
        capsys,
        "import",
        str(tmp_path / "cramps.csv"),
        "--no-logging-span",
        "--data-dir",
        str(data_dir),
    )
    assert code == 0 and "would count as recorded" not in out
    body = _stats(capsys, data_dir)
    assert body["recorded_nights"] == 0 and body["cramps_per_week"] is None
    assert body["episodes"] == 58
    assert body["recorded"]["cramps_on_unrecorded_nights"] == 58  # type: ignore[index]


def test_the_span_can_be_widened_but_not_narrowed_or_reversed(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _spreadsheet(tmp_path / "cramps.csv")
    source = str(tmp_path / "cramps.csv")
    for flags, message in (
        (("--logged-from", "2026-07-10"), "before the logged nights start"),
        (("--logged-to", "2026-09-01"), "after the logged nights end"),
        (("--logged-from", "2026-09-30", "--logged-to", "2026-07-01"), "before they start"),
    ):
        code, _out, err = _run(capsys, "import", source, *flags, "--data-dir", str(data_dir))
        assert code != 0 and message in err, err
    code, _out, _err = _run(
        capsys,
        "import",
        source,
        "--logged-from",
        "2026-06-29",
        "--logged-to",
        "2026-09-20",
        "--data-dir",
        str(data_dir),
    )
    assert code == 0
    _, out, _ = _run(
        capsys,
        "stats",
        "--json",
        "--data-dir",
        str(data_dir),
        "--from",
        "2026-06-29",
        "--to",
        "2026-09-20",
    )
    assert json.loads(out)["recorded_nights"] == 84


def test_widening_flags_that_cannot_apply_are_refused_not_ignored(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _spreadsheet(tmp_path / "cramps.csv")
    code, _out, err = _run(
        capsys,
        "import",
        str(tmp_path / "cramps.csv"),
        "--no-logging-span",
        "--logged-from",
        "2026-06-29",
        "--data-dir",
        str(data_dir),
    )
    assert code != 0 and "give one or the other; nothing was imported" in err
    assert not data_dir.exists()  # refused before a diary was made
    # A cramplog export carries its own night records: there is nothing to widen.
    assert _run(capsys, "import", str(tmp_path / "cramps.csv"), "--data-dir", str(data_dir))[0] == 0
    exported = tmp_path / "diary.json"
    assert _run(capsys, "export", "json", "-o", str(exported), "--data-dir", str(data_dir))[0] == 0
    other = tmp_path / "other"
    code, _out, err = _run(
        capsys, "import", str(exported), "--logged-to", "2026-09-20", "--data-dir", str(other)
    )
    assert code != 0 and "carries its own night records" in err
