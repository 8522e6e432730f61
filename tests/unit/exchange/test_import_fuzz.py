"""Fuzzing the import and the dates: each input is accepted or refused, never a traceback.

Seeded (derandomized) and bounded, so CI sees the same few hundred cases in well under a
minute. A refused import must leave the diary byte for byte as it was.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cramplog import cli, exchange
from cramplog.core.errors import CramplogError
from cramplog.diary.service import Diary
from tests.conftest import NOW
from tests.unit.data_safety import log_cramp

FUZZ = settings(
    derandomize=True,
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Pieces an adversary (or a careless spreadsheet) puts into a file.
HOSTILE = [
    '"',
    "\n",
    "\r",
    ",",
    ";",
    "\t",
    "9" * 400,
    "1" + "0" * 400,
    "-5",
    "1e400",
    "NaN",
    "0001-01-01",
    "0001-01-01T00:00:00+05:00",
    "9999-12-31T23:59:59-05:00",
    "2026-03-29 01:30",
    "\x00",
    "\ud800",
    "=HYPERLINK(1)",
    "null",
    "[]",
    "{}",
    "true",
    "\ufeff",
]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, str]]:
    """A diary with a few cramps, and its own CSV and JSON exports to mutate."""
    folder = tmp_path_factory.mktemp("fuzz")
    data_dir = folder / "data"
    diary = Diary.open(data_dir, clock=lambda: NOW)
    for n in range(4):
        log_cramp(diary, n, notes=f"note {n}")
    exchange.export_csv(diary, folder / "csv")
    exchange.export_json(diary, folder / "export.json")
    diary.close()
    csv_text = (folder / "csv" / "episodes.csv").read_text(encoding="utf-8-sig")
    json_text = (folder / "export.json").read_text(encoding="utf-8")
    yield data_dir, csv_text, json_text


def diary_bytes(data_dir: Path) -> str:
    digest = hashlib.sha256()
    for name in ("diary.sqlite3", "diary.sqlite3-wal"):
        path = data_dir / name
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()


def import_or_refuse(data_dir: Path, source: Path) -> None:
    """The import entry point the app and the command share: plan, then apply or refuse."""
    before = diary_bytes(data_dir)
    diary = Diary.open(data_dir, clock=lambda: NOW)
    try:
        plan = exchange.plan_import(diary, source)
        exchange.apply_import(diary, plan, back_up=False)
    except CramplogError as refused:
        assert "\n" not in str(refused).strip() or "Traceback" not in str(refused)
        diary.close()
        assert diary_bytes(data_dir) == before, f"refused ({refused}) but the diary changed"
        return
    diary.close()


def spliced(text: str, cuts: list[tuple[int, str]]) -> str:
    for position, piece in cuts:
        at = position % (len(text) + 1)
        text = text[:at] + piece + text[at:]
    return text


cuts = st.lists(
    st.tuples(st.integers(min_value=0, max_value=10_000), st.sampled_from(HOSTILE)),
    min_size=1,
    max_size=4,
)


@FUZZ
@given(cuts=cuts)
def test_mutated_csv_is_imported_or_refused_never_a_traceback(
    workspace: tuple[Path, str, str],
    tmp_path_factory: pytest.TempPathFactory,
    cuts: list[tuple[int, str]],
) -> None:
    data_dir, csv_text, _json = workspace
    source = tmp_path_factory.mktemp("csv") / "episodes.csv"
    source.write_bytes(spliced(csv_text, cuts).encode("utf-8", "surrogatepass"))
    import_or_refuse(data_dir, source)


json_values = st.one_of(
    st.sampled_from(HOSTILE),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=False),
    st.none(),
    st.booleans(),
    st.lists(st.sampled_from(HOSTILE), max_size=3),
    st.text(max_size=20),
)


@FUZZ
@given(
    record=st.sampled_from(["episodes", "days", "medications", "vocabulary", None]),
    field=st.sampled_from(
        [
            "uuid",
            "start_local",
            "utc_offset_min",
            "created_utc",
            "updated_utc",
            "duration_s",
            "intensity",
            "muscle",
            "side",
            "notes",
            "triggers",
            "reliefs",
            "night_of",
            "fluids_l",
            "version",
            "format",
            "settings",
        ]
    ),
    value=json_values,
)
def test_mutated_json_is_imported_or_refused_never_a_traceback(
    workspace: tuple[Path, str, str],
    tmp_path_factory: pytest.TempPathFactory,
    record: str | None,
    field: str,
    value: object,
) -> None:
    data_dir, _csv, json_text = workspace
    document = json.loads(json_text)
    target = document
    if record is not None:
        items = document.get(record) or [{}]
        document[record] = items
        target = items[0]
    target[field] = value
    source = tmp_path_factory.mktemp("json") / "export.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    import_or_refuse(data_dir, source)


odd_dates = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    st.dates().map(lambda d: d.strftime("%Y%m%d")),
    st.dates().map(lambda d: f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}-1"),
    st.sampled_from(["", " ", "0000-00-00", "2026-02-30", "-1", "9" * 400, "\x00", "\ud800"]),
    st.text(max_size=12),
)


@FUZZ
@given(
    command=st.sampled_from(["stats", "report", "export"]),
    option=st.sampled_from(["--from", "--to"]),
    text=odd_dates,
)
def test_odd_dates_are_accepted_or_refused_in_one_line(
    qapp: object,  # `report` runs in this process: it must find pytest-qt's QApplication
    workspace: tuple[Path, str, str],
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    command: str,
    option: str,
    text: str,
) -> None:
    data_dir, _csv, _json = workspace
    out_dir = tmp_path_factory.mktemp("out")
    target = {"stats": [], "report": ["-o", str(out_dir / "gp.pdf")]}.get(
        command, ["json", "-o", str(out_dir / "x.json")]
    )
    before = diary_bytes(data_dir)
    try:
        code = cli.main([command, *target, option, text, "--data-dir", str(data_dir)])
    except SystemExit as exited:  # argparse's one-line refusal
        code = int(str(exited.code))
    out, err = capsys.readouterr()
    assert code in (0, 1, 2), err
    assert "Traceback" not in out + err
    if code != 0:
        assert err.startswith("cramplog: ") and err.count("\n") == 1, err
    assert diary_bytes(data_dir) == before
