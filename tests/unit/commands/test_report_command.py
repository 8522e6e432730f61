"""`cramplog report`: a PDF from the command line, with no display, and one-line refusals."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pypdf
import pytest

from cramplog import cli
from cramplog.analysis import report, stats
from cramplog.core.records import EpisodeInput, Side
from cramplog.diary.service import Diary

ROOT = Path(__file__).resolve().parents[3]

# Each test starts cramplog in a new process, most of them to write a PDF.
pytestmark = pytest.mark.slow


@pytest.fixture
def filled(data_dir: Path) -> Path:
    """Three cramps on the nights of 2 and 3 June 2025 (the command reads the real clock,
    so every test names its nights, except the one about an empty default period)."""
    diary = Diary.open(data_dir)
    try:
        for start, notes in (
            (datetime(2025, 6, 3, 3, 0), "<b>bold?</b>"),
            (datetime(2025, 6, 4, 2, 30), ""),
            (datetime(2025, 6, 4, 4, 15), ""),
        ):
            diary.add_episode(
                EpisodeInput(
                    start=start.astimezone(),
                    muscle="muscle.calf",
                    side=Side.LEFT,
                    duration_s=90,
                    intensity=5,
                    woke_from_sleep=True,
                    notes=notes,
                )
            )
        diary.mark_cramp_free(date(2025, 6, 5))
    finally:
        diary.close()
    return data_dir


def cramplog(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the real command in a fresh process with no display and no Qt platform chosen."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "cramplog", "report", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def text_of(path: Path) -> str:
    pages = pypdf.PdfReader(path).pages
    return " ".join(" ".join(p.extract_text(extraction_mode="layout").split()) for p in pages)


def test_a_report_is_written_without_any_display(filled: Path, tmp_path: Path) -> None:
    target = tmp_path / "gp.pdf"
    result = cramplog(
        "-o",
        str(target),
        "--from",
        "2025-06-02",
        "--to",
        "2025-06-08",
        "--name",
        "Ann Example",
        "--data-dir",
        str(filled),
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith(f"Wrote {target}")
    assert "3 cramps" in result.stdout
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text = text_of(target)
    assert "Patient-kept diary — not a diagnosis" in text
    assert "Name: Ann Example" in text
    assert "2 Jun 2025 – 8 Jun 2025 (7 nights)" in text
    assert "<b>bold?</b>" in text
    assert "Page 1 of" in text


def test_a_name_is_kept_to_a_line_of_plain_text(filled: Path, tmp_path: Path) -> None:
    target = tmp_path / "gp.pdf"
    period = ("--from", "2025-06-02", "--to", "2025-06-08", "--data-dir", str(filled))
    # 5,000 characters filled page one, pushing the doctor's figures off it.
    long = cramplog("-o", str(target), "--name", "A" * 5000, *period)
    assert long.returncode == 1 and not target.exists()
    assert long.stderr == (
        "cramplog: --name is 5,000 characters long; give at most 200. Nothing was written.\n"
    )
    # A right-to-left override showed "Alice" + RLO + "evil" as "Alicelive" on the page.
    spoof = cramplog("-o", str(target), "--name", "Alice\u202eevil", *period)
    assert spoof.returncode == 0, spoof.stderr
    assert "Name: Aliceevil" in text_of(target)


def test_a_one_night_report_says_1_night_not_1_nights(filled: Path, tmp_path: Path) -> None:
    target = tmp_path / "one-night.pdf"
    result = cramplog(
        "-o", str(target), "--from", "2025-06-02", "--to", "2025-06-02", "--data-dir", str(filled)
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert "— 2 Jun 2025 – 2 Jun 2025 (1 night), 1 cramp." in result.stdout
    text = text_of(target)
    # The header, and the night before it is compared with.
    assert "2 Jun 2025 – 2 Jun 2025 (1 night)" in text
    assert "1 Jun 2025 – 1 Jun 2025 (1 night)" in text
    assert "(1 nights)" not in text


def test_an_empty_period_still_renders_and_says_so(filled: Path, tmp_path: Path) -> None:
    target = tmp_path / "empty.pdf"
    result = cramplog(
        "-o",
        str(target),
        "--from",
        "2024-01-01",
        "--to",
        "2024-01-31",
        "--data-dir",
        str(filled),
    )
    assert result.returncode == 0, result.stderr
    assert "0 cramps" in result.stdout
    assert "Nothing to show" in text_of(target)


def test_without_dates_it_covers_the_last_three_months(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "recent.pdf"
    result = cramplog("-o", str(target), "--data-dir", str(filled))
    assert result.returncode == 0, result.stderr
    assert target.exists()
    # `cramplog stats` without dates covers the very same nights.
    assert cli.main(["stats", "--data-dir", str(filled), "--json"]) == 0
    period = json.loads(capsys.readouterr().out)["period"]
    nights = stats.Period(date.fromisoformat(period["first"]), date.fromisoformat(period["last"]))
    assert 89 <= nights.nights <= 92
    assert f"— {report.format_period(nights)}, 0 cramps." in result.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--from", "2025-13-01"], 2, "is not a date; write it as YYYY-MM-DD"),
        (["--from", "2025-06-08", "--to", "2025-06-01"], 1, "is after --to"),
        (["--to", "2999-01-01"], 1, "has not ended yet"),
    ],
)
def test_bad_dates_are_one_clear_line(
    filled: Path, tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    target = tmp_path / "x.pdf"
    result = cramplog("-o", str(target), *args, "--data-dir", str(filled))
    assert result.returncode == code
    assert result.stderr.startswith("cramplog: ")
    assert message in result.stderr
    assert result.stderr.count("\n") == 1
    assert not target.exists()


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_the_diary_and_its_journals_are_refused(filled: Path, suffix: str) -> None:
    target = filled / f"diary.sqlite3{suffix}"
    before = target.read_bytes() if target.exists() else None
    result = cramplog("-o", str(target), "--data-dir", str(filled))
    assert result.returncode == 1
    assert result.stderr.startswith("cramplog: ")
    assert "diary file" in result.stderr
    assert (target.read_bytes() if target.exists() else None) == before


def test_unwritable_places_are_refused_clearly(filled: Path, tmp_path: Path) -> None:
    missing = cramplog("-o", str(tmp_path / "nowhere" / "gp.pdf"), "--data-dir", str(filled))
    assert missing.returncode == 1
    assert (
        missing.stderr == f"cramplog: The folder {tmp_path / 'nowhere'} does not exist. "
        "Nothing was written.\n"
    )
    folder = cramplog("-o", str(tmp_path), "--data-dir", str(filled))
    assert folder.returncode == 1
    assert "is a folder" in folder.stderr
    if os.geteuid() != 0:  # root may write anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        denied = cramplog("-o", str(locked / "gp.pdf"), "--data-dir", str(filled))
        assert denied.returncode == 1
        assert "permission denied" in denied.stderr


def test_a_missing_diary_is_not_created(tmp_path: Path) -> None:
    result = cramplog("-o", str(tmp_path / "gp.pdf"), "--data-dir", str(tmp_path / "none"))
    assert result.returncode == 1
    assert result.stderr.startswith("cramplog: There is no diary in")
    assert not (tmp_path / "none" / "diary.sqlite3").exists()


def test_report_is_listed_in_the_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cramplog", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0
    assert "report" in result.stdout


def test_a_pdf_for_a_fifo_a_link_or_standard_output(filled: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    refused = cramplog("-o", str(fifo), "--data-dir", str(filled))
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    assert "is a pipe (FIFO), not a file" in refused.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    dash = cramplog("-o", "-", "--data-dir", str(filled))
    assert dash.returncode == 1 and "not written to standard output" in dash.stderr
    real = tmp_path / "shared" / "gp.pdf"
    real.parent.mkdir()
    real.write_bytes(b"an older summary")
    link = tmp_path / "gp.pdf"
    link.symlink_to(real)
    written = cramplog("-o", str(link), "--data-dir", str(filled))
    assert written.returncode == 0, written.stderr
    assert link.is_symlink() and real.read_bytes().startswith(b"%PDF")
