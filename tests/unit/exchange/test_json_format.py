"""JSON: the whole diary out and back in, merged without duplicates or replacing, never crashing."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cramplog import exchange
from cramplog.core.errors import CramplogError, ImportFileError, ImportRejectedError
from cramplog.core.records import DayFactors, MedicationInput, TakenFor, VocabularyKind
from cramplog.demo import sample
from cramplog.diary import backups
from cramplog.diary.service import Diary
from cramplog.exchange import json_format
from tests.conftest import NOW
from tests.unit.data_safety import log_cramp, mode


@pytest.fixture
def sample_diary(tmp_path: Path) -> Iterator[Diary]:
    folder = tmp_path / "sample"
    sample.create_sample_diary(
        folder, size=sample.SampleSize(years=0.25, episodes_per_week=3), seed=11, end=NOW.date()
    )
    opened = Diary.open(folder, clock=lambda: NOW)
    word = opened.add_custom_item(VocabularyKind.RELIEF, "Pickle juice")
    opened.add_custom_item(VocabularyKind.MUSCLE, "Left little toe")
    hidden = opened.add_custom_item(VocabularyKind.TRIGGER, "Cold bedroom")
    opened.set_custom_item_hidden(hidden.code, True)
    episode = opened.list_episodes()[-1]
    opened.update_episode(
        episode.id,
        replace(episode.as_input(), reliefs=((word.code, None),), notes="<b>&amp;</b> 🦵 =1+1"),
    )
    yield opened
    opened.close()


def snapshot(diary: Diary) -> dict[str, object]:
    """Everything a person entered, by identity, without row ids."""
    return {
        "episodes": sorted(
            (
                e.uuid,
                e.start_local,
                e.utc_offset_min,
                e.muscle,
                e.side,
                e.duration_s,
                e.intensity,
                e.woke_from_sleep,
                e.activity,
                e.hydration,
                e.triggers,
                e.reliefs,
                e.symptoms,
                e.notes,
                e.to_review,
                e.time_noted,
                e.created_utc,
                e.updated_utc,
            )
            for e in diary.list_episodes()
        ),
        "days": sorted((d.uuid, d.night_of, d.factors) for d in diary.list_days()),
        "medications": sorted(
            (m.uuid, m.as_input(), m.created_utc, m.updated_utc) for m in diary.list_medications()
        ),
        "words": sorted((w.code, w.kind, w.label, w.hidden, w.uuid) for w in diary.custom_items()),
    }


def fresh(tmp_path: Path, name: str = "other") -> Diary:
    return Diary.open(tmp_path / name, clock=lambda: NOW)


def test_the_export_is_versioned_documented_json(sample_diary: Diary, tmp_path: Path) -> None:
    path = exchange.export_json(sample_diary, tmp_path / "diary.json")
    assert mode(path) == 0o600
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "cramplog-diary" and document["version"] == json_format.VERSION
    assert document["settings"] == {"day_boundary_hour": 12, "sleep_hours": "22:00-08:00"}
    assert len(document["episodes"]) == sample_diary.count_episodes()
    assert len(document["days"]) == len(sample_diary.list_days())
    assert {v["label"] for v in document["vocabulary"]} == {
        "Pickle juice",
        "Left little toe",
        "Cold bedroom",
    }
    first = document["episodes"][0]
    assert set(first) == {
        "uuid",
        "start_local",
        "utc_offset_min",
        "muscle",
        "side",
        "duration_s",
        "intensity",
        "woke_from_sleep",
        "activity",
        "hydration",
        "triggers",
        "reliefs",
        "symptoms",
        "notes",
        "to_review",
        "triggers_asked",
        "reliefs_asked",
        "time_noted",
        "created_utc",
        "updated_utc",
    }


def test_a_json_export_rebuilds_the_diary_on_another_machine(
    sample_diary: Diary, tmp_path: Path
) -> None:
    path = exchange.export_json(sample_diary, tmp_path / "diary.json")
    other = fresh(tmp_path)
    try:
        plan = exchange.plan_import(other, path)
        assert plan.errors == []
        result = exchange.apply_import(other, plan)
        assert result.words == 3
        assert snapshot(other) == snapshot(sample_diary)
        assert other.label(other.custom_items(VocabularyKind.RELIEF)[0].code) == "Pickle juice"
    finally:
        other.close()


def test_merging_twice_gives_no_duplicates(sample_diary: Diary, tmp_path: Path) -> None:
    path = exchange.export_json(sample_diary, tmp_path / "diary.json")
    other = fresh(tmp_path)
    try:
        log_cramp(other, 3)
        exchange.apply_import(other, exchange.plan_import(other, path))
        once = snapshot(other)
        again = exchange.plan_import(other, path)
        assert (again.new_episodes, again.new_days, again.new_medications) == (0, 0, 0)
        result = exchange.apply_import(other, again)
        assert result.episodes == 0 and result.backup is None
        assert snapshot(other) == once
        assert other.count_episodes() == sample_diary.count_episodes() + 1
    finally:
        other.close()


def test_merging_a_partial_export_adds_only_what_is_missing(
    sample_diary: Diary, tmp_path: Path
) -> None:
    days = sample_diary.list_days()
    middle = days[len(days) // 2].night_of
    early = exchange.export_json(sample_diary, tmp_path / "early.json", last_night=middle)
    everything = exchange.export_json(sample_diary, tmp_path / "all.json")
    other = fresh(tmp_path)
    try:
        exchange.apply_import(other, exchange.plan_import(other, early))
        partial = other.count_episodes()
        assert 0 < partial < sample_diary.count_episodes()
        plan = exchange.plan_import(other, everything)
        assert plan.new_episodes == sample_diary.count_episodes() - partial
        exchange.apply_import(other, plan)
        assert snapshot(other) == snapshot(sample_diary)
    finally:
        other.close()


def test_replace_empties_the_diary_first_after_a_backup(
    sample_diary: Diary, tmp_path: Path
) -> None:
    path = exchange.export_json(sample_diary, tmp_path / "diary.json")
    other = fresh(tmp_path)
    try:
        mine = log_cramp(other, 1)
        other.set_day(date(2026, 1, 5), DayFactors(reviewed=True))
        other.add_medication(MedicationInput(name="Magnesium", taken_for=TakenFor.CRAMPS))
        other.add_custom_item(VocabularyKind.TRIGGER, "Only mine")
        other.set_boundary_hour(15)
        result = exchange.apply_import(other, exchange.plan_import(other, path), replace=True)
        assert result.replaced and result.backup is not None
        assert snapshot(other) == snapshot(sample_diary)
        assert other.boundary_hour == 12
        assert other.episode_by_uuid(mine) is None
        assert backups.details(result.backup).episodes == 1
    finally:
        other.close()


def test_hostile_text_survives_the_round_trip_literally(diary: Diary, tmp_path: Path) -> None:
    notes = [
        "<img src=file:///etc/passwd>",
        '=HYPERLINK("x")',
        "$\\frac{1}{2}$",
        "مرحبا 🦵 \u202eevil",
        "x" * 100_000,
        '"quotes" \\ backslash\nnewline',
    ]
    for n, text in enumerate(notes):
        log_cramp(diary, n, notes=text)
    path = exchange.export_json(diary, tmp_path / "d.json")
    other = fresh(tmp_path)
    try:
        exchange.apply_import(other, exchange.plan_import(other, path))
        assert sorted(e.notes for e in other.list_episodes()) == sorted(notes)
    finally:
        other.close()


def minimal(**changes: object) -> dict[str, object]:
    document: dict[str, object] = {
        "format": "cramplog-diary",
        "version": 1,
        "episodes": [
            {
                "uuid": "11111111-2222-4333-8444-555555555555",
                "start_local": "2026-03-01T02:10:00",
                "utc_offset_min": 0,
                "muscle": "muscle.calf",
                "created_utc": "2026-03-01T08:00:00Z",
                "updated_utc": "2026-03-01T08:00:00Z",
            }
        ],
    }
    document.update(changes)
    return document


def write(tmp_path: Path, document: object) -> Path:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_a_minimal_hand_written_export_is_accepted(diary: Diary, tmp_path: Path) -> None:
    plan = exchange.plan_import(diary, write(tmp_path, minimal()))
    assert plan.errors == [] and plan.new_episodes == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"uuid": "nope"}, "'uuid' is not a UUID"),
        ({"start_local": "yesterday"}, "not an ISO date"),
        ({"start_local": "2026-03-01T02:10:00+01:00"}, "without an offset"),
        ({"utc_offset_min": "60"}, "whole number"),
        ({"utc_offset_min": True}, "whole number"),
        ({"utc_offset_min": 5000}, "between -1080 and 1080"),
        ({"muscle": "muscle.elbow"}, "Unknown muscle"),
        ({"muscle": None}, "'muscle' is missing"),
        ({"side": "up"}, "unknown value"),
        ({"intensity": 11}, "0 to 10"),
        ({"intensity": 2.5}, "whole number"),
        ({"duration_s": 0}, "Duration"),
        ({"triggers": "trigger.alcohol"}, "a list"),
        ({"triggers": [1, 2]}, "list of codes"),
        ({"reliefs": [{"code": "relief.stretch", "rating": "great"}]}, "unknown value"),
        ({"reliefs": ["relief.stretch"]}, "not an object"),
        ({"notes": "a\x00b"}, "NUL"),
        ({"start_local": "2027-01-01T02:10:00"}, "future"),
        ({"created_utc": "noon"}, "not an ISO date"),
    ],
)
def test_each_bad_field_is_a_row_error_naming_the_record(
    diary: Diary, tmp_path: Path, change: dict[str, object], message: str
) -> None:
    document = minimal()
    episodes = document["episodes"]
    assert isinstance(episodes, list)
    episodes[0].update(change)
    episodes.append({**minimal()["episodes"][0], "uuid": "21111111-2222-4333-8444-555555555555"})  # type: ignore[index]
    plan = exchange.plan_import(diary, write(tmp_path, document))
    [error] = plan.errors
    assert error.where == "episode #1" and message in error.message
    assert str(error).startswith("episode #1: ")
    with pytest.raises(ImportRejectedError):
        exchange.apply_import(diary, plan)
    assert diary.count_episodes() == 0
    exchange.apply_import(diary, plan, skip_invalid=True)
    assert diary.count_episodes() == 1


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("{not json", "not valid JSON"),
        ([], "not a cramplog export"),
        ({"format": "other"}, "not a cramplog export"),
        (minimal(version=json_format.VERSION + 1), "newer cramplog"),
        (minimal(version="1"), "version"),
        (minimal(episodes={}), "must be a list"),
    ],
)
def test_files_that_are_no_export_are_refused(
    diary: Diary, tmp_path: Path, document: object, message: str
) -> None:
    path = tmp_path / "in.json"
    path.write_text(document if isinstance(document, str) else json.dumps(document))
    with pytest.raises(ImportFileError, match=message):
        exchange.plan_import(diary, path)


def test_deep_nesting_and_huge_numbers_are_refused_not_crashed_on(
    diary: Diary, tmp_path: Path
) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"format": "cramplog-diary", "version": 1, "episodes": ' + "[" * 100_000)
    with pytest.raises(ImportFileError):
        exchange.plan_import(diary, path)
    path.write_text('{"format": "cramplog-diary", "version": 1, "x": ' + "9" * 5000 + "}")
    with pytest.raises(ImportFileError):
        exchange.plan_import(diary, path)
    doc = minimal()
    doc["episodes"][0]["intensity"] = 1e400  # type: ignore[index]
    plan = exchange.plan_import(diary, write(tmp_path, doc))
    assert plan.errors


def test_duplicate_records_inside_one_file_are_errors(diary: Diary, tmp_path: Path) -> None:
    doc = minimal()
    doc["episodes"] = doc["episodes"] * 2  # type: ignore[operator]
    doc["days"] = [
        {
            "uuid": "31111111-2222-4333-8444-555555555555",
            "night_of": "2026-03-01",
            "created_utc": "2026-03-02T08:00:00Z",
            "updated_utc": "2026-03-02T08:00:00Z",
        },
        {
            "uuid": "41111111-2222-4333-8444-555555555555",
            "night_of": "2026-03-01",
            "created_utc": "2026-03-02T08:00:00Z",
            "updated_utc": "2026-03-02T08:00:00Z",
        },
    ]
    plan = exchange.plan_import(diary, write(tmp_path, doc))
    assert [str(e) for e in plan.errors] == [
        "episode #2: this UUID appears twice in the file",
        "day #2: this night appears twice in the file",
    ]


def test_the_writer_and_reader_agree_on_every_field(sample_diary: Diary, tmp_path: Path) -> None:
    path = exchange.export_json(sample_diary, tmp_path / "d.json")
    document = json.loads(path.read_text())
    for episode in document["episodes"]:
        assert set(episode) == set(json_format.episode_record(sample_diary.list_episodes()[0]))


# -- fuzzing --------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
EPISODE_KEYS = [
    *minimal()["episodes"][0],  # type: ignore[index]
    "side",
    "duration_s",
    "intensity",
    "triggers",
    "reliefs",
    "symptoms",
    "notes",
    "hydration",
]


@st.composite
def mangled_exports(draw: st.DrawFn) -> object:
    document = minimal()
    episode = document["episodes"][0]  # type: ignore[index]
    for key in draw(st.lists(st.sampled_from(EPISODE_KEYS), max_size=4)):
        if draw(st.booleans()):
            episode[key] = draw(json_values)
        else:
            episode.pop(key, None)
    for key in draw(
        st.lists(st.sampled_from(["days", "medications", "vocabulary", "settings"]), max_size=3)
    ):
        document[key] = draw(st.one_of(json_values, st.lists(json_values, max_size=3)))
    if draw(st.booleans()):
        return draw(json_values)
    return document


def test_malformed_json_never_crashes_the_importer_and_a_failed_import_adds_nothing(
    tmp_path: Path,
) -> None:
    diary = fresh(tmp_path, "fuzz")
    path = tmp_path / "fuzz.json"
    examples = {"count": 0}

    @settings(
        max_examples=250,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(st.one_of(mangled_exports(), st.binary(max_size=200).map(lambda b: b"{" + b)))
    def check(document: object) -> None:
        examples["count"] += 1
        if isinstance(document, bytes):
            path.write_bytes(document)
        else:
            path.write_text(json.dumps(document), encoding="utf-8")
        before = diary.count_episodes(), len(diary.list_days()), len(diary.list_medications())
        try:
            plan = exchange.plan_import(diary, path)
        except ImportFileError as exc:
            assert str(exc)
            return
        try:
            exchange.apply_import(diary, plan, back_up=False)
        except ImportRejectedError:
            after = diary.count_episodes(), len(diary.list_days()), len(diary.list_medications())
            assert after == before
        except CramplogError as exc:  # pragma: no cover - shown if it ever happens
            raise AssertionError(f"unexpected {type(exc).__name__}: {exc}") from exc

    try:
        check()
        assert diary.integrity_problems() == []
    finally:
        diary.close()
    assert examples["count"] >= 250


def test_a_cramp_noted_by_date_only_keeps_its_unknown_time_through_json(
    diary: Diary, tmp_path: Path
) -> None:
    from cramplog.core import nights
    from cramplog.core.records import EpisodeInput

    start = nights.date_only_start(date(2026, 3, 5)).replace(tzinfo=UTC)
    diary.add_episode(EpisodeInput(start=start, muscle="muscle.calf", time_noted=False))
    path = exchange.export_json(diary, tmp_path / "d.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == 3 and document["episodes"][0]["time_noted"] is False
    other = fresh(tmp_path)
    try:
        exchange.apply_import(other, exchange.plan_import(other, path))
        (episode,) = other.list_episodes()
    finally:
        other.close()
    assert not episode.time_noted and episode.clock_text == "time not noted"


def test_an_export_from_before_version_3_had_every_time_noted(diary: Diary, tmp_path: Path) -> None:
    exchange.apply_import(diary, exchange.plan_import(diary, write(tmp_path, minimal(version=2))))
    (episode,) = diary.list_episodes()
    assert episode.time_noted and episode.clock_text == "02:10"


@pytest.mark.parametrize(
    ("first", "last"),
    [(None, None), (date(2026, 2, 1), date(2026, 2, 28)), (None, date(2026, 1, 9))],
)
def test_the_streamed_export_is_byte_for_byte_the_one_built_whole(
    sample_diary: Diary, tmp_path: Path, first: date | None, last: date | None
) -> None:
    from datetime import datetime

    from cramplog.core.records import EpisodeFilter

    target = tmp_path / "streamed.json"
    exchange.export_json(sample_diary, target, first_night=first, last_night=last)
    written = target.read_text(encoding="utf-8")
    exported = json.loads(written)["exported_utc"]

    def within(started: date | None, ended: date | None) -> bool:
        return (last is None or started is None or started <= last) and (
            first is None or ended is None or ended >= first
        )

    # The export as it was built before it streamed: every list read whole, then written.
    whole = io.StringIO(newline="")
    json_format.write(
        whole,
        json_format.Contents(
            episodes=sample_diary.list_episodes(EpisodeFilter(first_night=first, last_night=last)),
            days=sample_diary.list_days(first, last),
            medications=[
                m for m in sample_diary.list_medications() if within(m.started_on, m.stopped_on)
            ],
            vocabulary=sample_diary.custom_items(),
            boundary_hour=sample_diary.boundary_hour,
            first_night=first,
            last_night=last,
            exported_utc=datetime.fromisoformat(exported.rstrip("Z")),
            spans=[s for s in sample_diary.logging_spans() if within(s.first_night, s.last_night)],
            sleep_hours=sample_diary.sleep_hours.to_setting(),
        ),
    )
    assert written == whole.getvalue()
    assert json.loads(written)["episodes"]
