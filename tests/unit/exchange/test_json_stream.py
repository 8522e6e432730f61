"""A large JSON export is checked in a first reading and stored in a second, never held whole."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from cramplog import exchange
from cramplog.core.errors import ImportRejectedError
from cramplog.demo import sample
from cramplog.diary.service import Diary
from cramplog.exchange import json_stream
from cramplog.exchange.json_format import reader
from tests.conftest import NOW


@pytest.fixture
def export(tmp_path: Path) -> Iterator[tuple[Diary, Path]]:
    folder = tmp_path / "sample"
    sample.create_sample_diary(
        folder, size=sample.SampleSize(years=0.25, episodes_per_week=5), seed=3, end=NOW.date()
    )
    diary = Diary.open(folder, clock=lambda: NOW)
    path = exchange.export_json(diary, tmp_path / "diary.json")
    yield diary, path
    diary.close()


@pytest.fixture
def few_held(monkeypatch: pytest.MonkeyPatch) -> int:
    """Hold only a few records from the first reading, as for a diary of many years."""
    monkeypatch.setattr(json_stream, "HELD", 4)
    return 4


def cramps(diary: Diary) -> list[tuple[str, object, str, object]]:
    return sorted((e.uuid, e.start_local, e.muscle, e.reliefs) for e in diary.list_episodes())


def test_an_export_larger_than_what_is_held_imports_every_record(
    export: tuple[Diary, Path], tmp_path: Path, few_held: int
) -> None:
    source, path = export
    other = Diary.open(tmp_path / "other", clock=lambda: NOW)
    try:
        plan = exchange.plan_import(other, path)
        assert plan.new_episodes == source.count_episodes() > few_held
        assert plan.new_days == len(source.list_days()) > few_held
        # The preview's first rows are those of the file, in its order.
        first = json.loads(path.read_text(encoding="utf-8"))["episodes"][:3]
        assert [e.uuid for e in plan.batch.episodes[:3]] == [e["uuid"] for e in first]
        result = exchange.apply_import(other, plan)
        assert result.episodes == source.count_episodes()
        assert cramps(other) == cramps(source)
        assert len(other.list_days()) == len(source.list_days())
    finally:
        other.close()


def test_a_file_changed_between_the_check_and_the_import_adds_nothing(
    export: tuple[Diary, Path], tmp_path: Path, few_held: int
) -> None:
    _source, path = export
    other = Diary.open(tmp_path / "other", clock=lambda: NOW)
    try:
        plan = exchange.plan_import(other, path)
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace('"intensity": 5', '"intensity": 6', 1), encoding="utf-8")
        with pytest.raises(ImportRejectedError, match="changed after it was checked"):
            exchange.apply_import(other, plan)
        assert other.count_episodes() == 0 and other.list_days() == []
    finally:
        other.close()


@pytest.mark.parametrize(
    "first",
    [
        ("days", "episodes"),  # lists before the header: held whole, then read
        ("format", "version", "vocabulary", "episodes", "days"),  # settings after the lists
    ],
)
def test_an_export_edited_by_hand_in_another_order_still_imports_whole(
    export: tuple[Diary, Path], tmp_path: Path, few_held: int, first: tuple[str, ...]
) -> None:
    source, path = export
    document = json.loads(path.read_text(encoding="utf-8"))
    document["settings"]["day_boundary_hour"] = 15
    reordered = {name: document[name] for name in first}
    reordered |= {name: value for name, value in document.items() if name != "settings"}
    reordered["settings"] = document["settings"]  # last of all
    path.write_text(json.dumps(reordered, indent=1), encoding="utf-8")
    other = Diary.open(tmp_path / "other", clock=lambda: NOW)
    try:
        exchange.apply_import(other, exchange.plan_import(other, path), replace=True)
        assert cramps(other) == cramps(source)
        assert other.boundary_hour == 15
    finally:
        other.close()


def test_thousands_of_bad_records_are_counted_and_the_first_ones_named(
    diary: Diary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader, "MAX_REMEMBERED_ERRORS", 10)
    bad = [{"uuid": "not a uuid"}] * 25
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"format": "cramplog-diary", "version": 3, "episodes": bad}))
    plan = exchange.plan_import(diary, path)
    assert len(plan.errors) == 10 and plan.error_count == 25
    assert str(plan.errors[0]).startswith("episode #1:")
    assert "25 rows with errors" in plan.summary()
    with pytest.raises(ImportRejectedError, match=r"25 rows of bad\.json are invalid"):
        exchange.apply_import(diary, plan)
    assert diary.count_episodes() == 0


def test_an_export_saved_as_windows_1252_is_still_read_and_said_so(
    diary: Diary, tmp_path: Path
) -> None:
    episode = {
        "uuid": "11111111-2222-4333-8444-555555555555",
        "start_local": "2026-03-01T02:10:00",
        "utc_offset_min": 0,
        "muscle": "muscle.calf",
        "notes": "après le café",
        "created_utc": "2026-03-01T08:00:00Z",
        "updated_utc": "2026-03-01T08:00:00Z",
    }
    document = {"format": "cramplog-diary", "version": 3, "vocabulary": [], "episodes": [episode]}
    path = tmp_path / "latin.json"
    path.write_bytes(json.dumps(document, ensure_ascii=False).encode("cp1252"))
    plan = exchange.plan_import(diary, path)
    assert any("Windows-1252" in note for note in plan.batch.notes)
    exchange.apply_import(diary, plan)
    assert [e.notes for e in diary.list_episodes()] == ["après le café"]
