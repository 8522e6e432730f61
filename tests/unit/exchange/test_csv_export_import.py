"""A CSV export imported into an empty diary gives back the same figures, nights included.

The diary: a fortnight of reviewed nights (1–14 February 2026) with cramps on four of them, and
two cramps later on nights never reviewed. Counted by hand: 14 recorded nights, 5 cramps on
them, 2.5 cramps a week; the two later cramps are counted but left out of the rates.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from cramplog import cli
from cramplog.core.records import DayFactors, EpisodeInput, Side
from cramplog.diary.service import Diary
from tests.conftest import LONDON, NOW

FIRST_NIGHT = date(2026, 2, 1)
CRAMPS = [  # (night of, hour after midnight)
    (date(2026, 2, 2), 3),
    (date(2026, 2, 2), 5),
    (date(2026, 2, 6), 2),
    (date(2026, 2, 9), 4),
    (date(2026, 2, 13), 1),
    (date(2026, 2, 20), 3),  # not reviewed
    (date(2026, 3, 1), 2),  # not reviewed
]


def _kept_diary(data_dir: Path) -> None:
    diary = Diary.open(data_dir, clock=lambda: NOW)
    try:
        for night, hour in CRAMPS:
            start = datetime(night.year, night.month, night.day, hour, tzinfo=LONDON)
            diary.add_episode(
                EpisodeInput(start=start + timedelta(days=1), muscle="muscle.calf", side=Side.LEFT)
            )
        for n in range(14):
            diary.set_day(FIRST_NIGHT + timedelta(days=n), DayFactors(reviewed=True))
    finally:
        diary.close()


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _figures(capsys: pytest.CaptureFixture[str], data_dir: Path) -> tuple[object, ...]:
    code, out, err = _run(
        capsys, "stats", "--json", "--data-dir", str(data_dir), "--from", "2026-02-01"
    )
    assert (code, err) == (0, ""), err
    body = json.loads(out)
    return body["episodes"], body["recorded_nights"], body["cramps_per_week"]


@pytest.fixture
def exported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, tuple[object, ...]]:
    """The diary's CSV export folder, and the diary's own figures."""
    _kept_diary(tmp_path / "kept")
    figures = _figures(capsys, tmp_path / "kept")
    assert figures == (7, 14, 2.5)
    folder = tmp_path / "export"
    assert (
        _run(capsys, "export", "csv", "-o", str(folder), "--data-dir", str(tmp_path / "kept"))[0]
        == 0
    )
    return folder, figures


@pytest.mark.parametrize(
    "chosen", ["episodes.csv", "nights.csv", ""], ids=["episodes", "nights", "folder"]
)
def test_importing_a_csv_export_gives_back_the_same_figures(
    exported: tuple[Path, tuple[object, ...]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    chosen: str,
) -> None:
    folder, figures = exported
    new = tmp_path / "new"
    path = folder / chosen if chosen else folder

    code, out, _ = _run(capsys, "import", str(path), "--dry-run", "--data-dir", str(new))
    assert code == 0
    # The dry run says both files are read, and counts no night from the cramps alone.
    assert "as one import" in out and "would count as recorded" not in out
    assert "It would add 7 new cramps, 14 new night records." in out

    assert _run(capsys, "import", str(path), "--data-dir", str(new))[0] == 0
    assert _figures(capsys, new) == figures


def test_an_episodes_csv_alone_counts_no_night_as_recorded(
    exported: tuple[Path, tuple[object, ...]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _figures_kept = exported
    alone = tmp_path / "alone" / "episodes.csv"
    alone.parent.mkdir()
    alone.write_bytes((folder / "episodes.csv").read_bytes())
    new = tmp_path / "new"

    code, out, _ = _run(capsys, "import", str(alone), "--data-dir", str(new))
    assert code == 0
    assert "No nights.csv of the same export is beside it" in out
    assert "would count as recorded" not in out
    # Unknown nights are not "every night between the cramps was logged": no rate is made up.
    assert _figures(capsys, new) == (7, 0, None)

    # Its nights.csv, imported afterwards, brings the reviewed nights back.
    assert _run(capsys, "import", str(folder / "nights.csv"), "--data-dir", str(new))[0] == 0
    assert _figures(capsys, new)[1:] == (14, 2.5)


def test_a_bad_row_in_nights_csv_stops_the_whole_export_and_names_its_file(
    exported: tuple[Path, tuple[object, ...]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _figures_kept = exported
    nights = folder / "nights.csv"
    nights.write_bytes(nights.read_bytes().replace(b"2026-02-03,yes", b"2026-02-31,yes", 1))
    new = tmp_path / "new"

    code, out, err = _run(capsys, "import", str(folder / "episodes.csv"), "--data-dir", str(new))

    assert code != 0 and "nothing was imported" in err
    assert "nights.csv, line 4: night_of is not an ISO date" in out
    diary = Diary.open(new, clock=lambda: NOW)
    try:
        assert diary.count_episodes() == 0
    finally:
        diary.close()


def test_an_unreadable_nights_csv_beside_it_is_named_and_left_out(
    exported: tuple[Path, tuple[object, ...]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _figures_kept = exported
    (folder / "nights.csv").write_bytes(b"\xff\xfe\x00\xd8 not text")  # damaged
    new = tmp_path / "new"

    code, out, _ = _run(capsys, "import", str(folder / "episodes.csv"), "--data-dir", str(new))

    # The file asked for is imported; the one beside it is named, with why it was left out.
    assert code == 0
    assert "nights.csv beside it could not be read, so it was left out (" in out
    assert "no night counts as recorded from this file alone." in out
    assert _figures(capsys, new) == (7, 0, None)


def test_logged_nights_cannot_be_widened_over_a_csv_export(
    exported: tuple[Path, tuple[object, ...]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _figures_kept = exported
    code, _out, err = _run(
        capsys,
        "import",
        str(folder / "episodes.csv"),
        "--logged-to",
        "2026-03-05",
        "--data-dir",
        str(tmp_path / "new"),
    )
    assert code != 0 and "keeps its night records in its nights.csv" in err
