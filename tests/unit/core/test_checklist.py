"""The checklist vocabulary loads, is complete and consistent, and is in the project's own words."""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from cramplog.core import checklist, resources
from cramplog.core.errors import DamagedInstallError

REPO = Path(__file__).resolve().parents[3]
SEEDS_DIR = Path(__file__).resolve().parents[4] / "shared" / "seeds"
FINGERPRINTS = Path(__file__).resolve().parents[2] / "data" / "seed_fingerprints.json"
CHECKLIST_JSON = REPO / "resources" / "checklist.json"

# Every code other modules rely on, by kind.
REQUIRED_CODES = {
    "muscle": (
        "calf foot hamstring thigh hand arm shoulder abdomen ribs neck upper_back lower_back "
        "face other"
    ),
    "activity": (
        "asleep resting sitting_long standing_long walking running cycling swimming strength "
        "manual_work driving other"
    ),
    "trigger": (
        "overuse unaccustomed_activity moving_quickly no_warm_up heat_sweating dehydration "
        "low_fluids_before_exercise electrolytes low_glucose muscle_imbalance_posture long_sitting "
        "long_standing narrowed_arteries trapped_nerve stress_anxiety medication supplements "
        "nerve_thyroid_condition neurological_disease injury_protective pregnancy alcohol "
        "caffeine no_stretch_before_bed"
    ),
    "relief": (
        "stop_activity stretch massage heat cold drink_water gentle_movement pain_relief_otc "
        "breathing prescribed_relaxant other"
    ),
    "symptom": (
        "numbness tingling weakness swelling redness severe_persistent_pain soreness_after "
        "twitching tremor poor_coordination double_vision back_neck_head_pain"
    ),
    "warning": (
        "severe_persistent_pain leg_swelling_redness muscle_weakness spine_spasm_nerve_signs "
        "long_cramp_unrelieved spasm_three_days frequent no_clear_cause self_care_not_helping "
        "medication_related neurological_signs"
    ),
    "medication_class": (
        "blood_pressure insulin birth_control cholesterol diuretic beta_agonist_inhaler "
        "calcium_channel_blocker raloxifene conjugated_oestrogens teriparatide naproxen "
        "iv_iron_sucrose quinine magnesium_supplement other"
    ),
    "risk_group": "older_adults athletes overweight pregnancy night_cramps_common",
}

# The medicine classes design.md names as possible causes of cramps.
ASSOCIATED_CLASSES = (
    "blood_pressure",
    "insulin",
    "birth_control",
    "cholesterol",
    "diuretic",
    "beta_agonist_inhaler",
    "calcium_channel_blocker",
    "raloxifene",
    "conjugated_oestrogens",
    "teriparatide",
    "naproxen",
    "iv_iron_sucrose",
)

EXPECTED_URGENCY = {
    "warning.severe_persistent_pain": "now",
    "warning.leg_swelling_redness": "now",
    "warning.muscle_weakness": "now",
    "warning.spine_spasm_nerve_signs": "now",
    "warning.long_cramp_unrelieved": "now",
    "warning.spasm_three_days": "appointment",
    "warning.frequent": "appointment",
    "warning.no_clear_cause": "appointment",
    "warning.self_care_not_helping": "appointment",
    "warning.medication_related": "appointment",
    "warning.neurological_signs": "appointment",
    "symptom.numbness": "now",
    "symptom.tingling": "now",
    "symptom.weakness": "now",
    "symptom.swelling": "now",
    "symptom.redness": "now",
    "symptom.severe_persistent_pain": "now",
    "symptom.tremor": "appointment",
    "symptom.poor_coordination": "appointment",
    "symptom.double_vision": "appointment",
}

EXPECTED_DAY_FACTOR = {
    "trigger.dehydration": "fluids_low",
    "trigger.unaccustomed_activity": "exercise_unaccustomed",
    "trigger.overuse": "exercise_hard",
    "trigger.heat_sweating": "heat",
    "trigger.long_sitting": "long_sitting",
    "trigger.long_standing": "long_standing",
    "trigger.stress_anxiety": "stress",
    "trigger.alcohol": "alcohol",
    "trigger.caffeine": "caffeine",
    "trigger.no_stretch_before_bed": "no_stretch",
}

COPY_WINDOW = 8  # this many consecutive words shared with a seed counts as copied


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(CHECKLIST_JSON.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def vocabulary() -> checklist.Checklist:
    return checklist.load_checklist()


def _window_hash(words: Sequence[str]) -> str:
    return hashlib.sha256(" ".join(words).encode()).hexdigest()[:16]


def fingerprint(text: str) -> list[str]:
    """Hashes of every COPY_WINDOW-word window of a seed: enough to detect copying, not text."""
    words = _words(text)
    return sorted(
        {_window_hash(words[i : i + COPY_WINDOW]) for i in range(len(words) - COPY_WINDOW + 1)}
    )


@pytest.fixture(scope="module")
def seed_windows() -> dict[str, set[str]]:
    """Each seed document's word-window fingerprints.

    The repository keeps only fingerprints of the seeds (tests/data/seed_fingerprints.json),
    so a clone without shared/ beside it still checks citations and copying. Where the seeds
    are present, the fingerprints must match them exactly, so they cannot go stale.
    """
    stored: dict[str, list[str]] = json.loads(FINGERPRINTS.read_text(encoding="utf-8"))
    assert stored, f"{FINGERPRINTS} holds no seed fingerprints"
    if SEEDS_DIR.is_dir():
        current = {
            path.stem: fingerprint(path.read_text(encoding="utf-8"))
            for path in sorted(SEEDS_DIR.glob("*.txt"))
        }
        assert current == stored, (
            f"{FINGERPRINTS} is out of date with {SEEDS_DIR}; regenerate it with "
            "`python -m tests.unit.test_checklist`"
        )
    return {seed: set(hashes) for seed, hashes in stored.items()}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _prose(vocabulary: checklist.Checklist) -> Iterator[tuple[str, str, str]]:
    for item in vocabulary.items:
        yield item.code, "explanation", item.explanation
        if item.advice is not None:
            yield item.code, "advice", item.advice


# --- the shipped file loads and has what the rest of the app relies on ---------------------


def test_the_shipped_checklist_loads_and_is_cached(vocabulary: checklist.Checklist) -> None:
    assert vocabulary.version == 1
    assert checklist.load_checklist() is vocabulary
    assert checklist.load_checklist(CHECKLIST_JSON) == vocabulary


def test_the_shipped_file_is_the_one_checked_in_full_and_builds_the_same(
    raw: dict[str, Any],
) -> None:
    # A launch that reads these very bytes skips the checks (their answer is this test's).
    found = hashlib.sha256(CHECKLIST_JSON.read_bytes()).hexdigest()
    assert found == checklist.SHIPPED_SHA256, (
        "resources/checklist.json changed: once the tests below pass on it, set "
        f"checklist.SHIPPED_SHA256 = {found!r}"
    )
    checked = checklist.parse_checklist(raw)
    built = checklist._build_checked(raw)
    assert built == checked == checklist.load_checklist()
    assert [(i.sources, i.synonyms, i.examples) for i in built.items] == [
        (i.sources, i.synonyms, i.examples) for i in checked.items
    ]
    assert dict(built.sources) == dict(checked.sources)


@pytest.fixture
def shipped_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The shipped checklist's path, pointed at a copy a test may change (read afresh)."""
    copied = tmp_path / "checklist.json"
    copied.write_bytes(CHECKLIST_JSON.read_bytes())
    monkeypatch.setattr(resources, "resource_path", lambda _name: copied)
    checklist._shipped_checklist.cache_clear()
    yield copied
    checklist._shipped_checklist.cache_clear()


def test_a_shipped_file_changed_after_install_is_checked_in_full(
    shipped_copy: Path, raw: dict[str, Any]
) -> None:
    broken = _broken(raw, "warning.frequent", urgency="soonish")
    shipped_copy.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(DamagedInstallError) as caught:
        checklist.load_checklist()
    # The very problem the file gets when checked by its path, and what to do about it.
    with pytest.raises(checklist.ChecklistError) as by_path:
        checklist.load_checklist(shipped_copy)
    assert str(caught.value) == (
        f"cramplog's checklist file is damaged ({by_path.value}); reinstall cramplog."
    )
    assert str(by_path.value).startswith(f"{shipped_copy}: item 'warning.frequent'")


def test_a_damaged_shipped_file_is_refused_as_ever(shipped_copy: Path) -> None:
    shipped_copy.write_bytes(CHECKLIST_JSON.read_bytes()[:-40])
    with pytest.raises(DamagedInstallError, match=r"is not valid JSON.*reinstall cramplog"):
        checklist.load_checklist()


def test_the_same_words_in_other_bytes_are_checked_and_give_the_same_checklist(
    shipped_copy: Path, raw: dict[str, Any]
) -> None:
    shipped_copy.write_text(json.dumps(raw, indent=1), encoding="utf-8")
    assert checklist.load_checklist() == checklist.parse_checklist(raw)


@pytest.mark.parametrize("kind", checklist.KINDS)
def test_every_required_code_is_present(vocabulary: checklist.Checklist, kind: str) -> None:
    required = {f"{kind}.{name}" for name in REQUIRED_CODES[kind].split()}
    assert required <= vocabulary.codes(kind), sorted(required - vocabulary.codes(kind))


def test_codes_are_unique_and_prefixed_by_their_kind(raw: dict[str, Any]) -> None:
    codes = [entry["code"] for entry in raw["items"]]
    assert len(codes) == len(set(codes)), sorted({c for c in codes if codes.count(c) > 1})
    for entry in raw["items"]:
        assert entry["kind"] in checklist.KINDS, entry["code"]
        assert entry["code"].startswith(entry["kind"] + "."), entry["code"]
        assert re.fullmatch(r"[a-z_]+\.[a-z0-9_]+", entry["code"]), entry["code"]


def test_group_and_source_references_resolve(vocabulary: checklist.Checklist) -> None:
    groups = {group.code: group for group in vocabulary.groups}
    for item in vocabulary.items:
        assert item.sources, item.code
        assert set(item.sources) <= set(vocabulary.sources), item.code
        if item.kind in checklist.GROUPED_KINDS:
            assert item.group in groups, item.code
            assert groups[item.group].kind == item.kind, item.code
        else:
            assert item.group is None, item.code
    for group in vocabulary.groups:
        assert vocabulary.in_group(group.code), f"group {group.code} is empty"


def test_every_seed_document_is_described_and_cited(
    vocabulary: checklist.Checklist, seed_windows: dict[str, set[str]]
) -> None:
    cited = {source for item in vocabulary.items for source in item.sources}
    assert len(seed_windows) == 5
    for seed in seed_windows:
        assert seed in vocabulary.sources, f"seed {seed} has no entry in 'sources'"
        assert seed in cited, f"no checklist item cites seed {seed}"
    assert "clinical-references" in vocabulary.sources
    unknown = set(vocabulary.sources) - set(seed_windows) - {"clinical-references"}
    assert not unknown, f"'sources' names files that are not seeds: {sorted(unknown)}"


def test_every_trigger_says_what_to_do(vocabulary: checklist.Checklist) -> None:
    for item in vocabulary.of_kind("trigger"):
        assert item.advice, item.code


def test_daily_record_fields_map_to_their_triggers(vocabulary: checklist.Checklist) -> None:
    mapped = {
        item.code: item.day_factor
        for item in vocabulary.of_kind("trigger")
        if item.day_factor is not None
    }
    assert mapped == EXPECTED_DAY_FACTOR


def test_warning_signs_carry_the_documents_urgency(vocabulary: checklist.Checklist) -> None:
    for item in vocabulary.of_kind("warning"):
        assert item.urgency in checklist.URGENCIES, item.code
        assert "not a diagnosis" in item.explanation, item.code
    for code, urgency in EXPECTED_URGENCY.items():
        assert vocabulary.item(code).urgency == urgency, code
    assert vocabulary.item("warning.long_cramp_unrelieved").sources == ("clinical-references",)


def test_warning_symptoms_sit_in_the_warning_group(vocabulary: checklist.Checklist) -> None:
    for item in vocabulary.of_kind("symptom"):
        in_warning_group = item.group == "symptom_group.warning"
        assert in_warning_group == (item.urgency is not None), item.code


def test_medicine_classes_from_the_design_are_flagged(vocabulary: checklist.Checklist) -> None:
    for name in ASSOCIATED_CLASSES:
        item = vocabulary.item(f"medication_class.{name}")
        assert item.associated_with_cramps, item.code
        assert "GP" in item.explanation or "team" in item.explanation, item.code
    for name in ("quinine", "magnesium_supplement", "other"):
        assert not vocabulary.item(f"medication_class.{name}").associated_with_cramps, name
    assert "4 weeks" in vocabulary.item("medication_class.quinine").explanation
    assert "atorvastatin" in vocabulary.item("medication_class.cholesterol").examples


def test_relief_by_stretching_describes_the_calf_and_thigh_stretches(
    vocabulary: checklist.Checklist,
) -> None:
    explanation = vocabulary.item("relief.stretch").explanation.lower()
    for words in ("calf", "weight", "knee", "thigh", "foot", "buttock"):
        assert words in explanation


def test_night_cramps_figure_is_kept(vocabulary: checklist.Checklist) -> None:
    assert "60%" in vocabulary.item("risk_group.night_cramps_common").explanation


# --- lookups -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Calf", "muscle.calf"),
        ("calf", "muscle.calf"),
        ("  CALF\t", "muscle.calf"),
        ("muscle.calf", "muscle.calf"),
        ("charley horse", "muscle.calf"),
        ("Charley Horse", "muscle.calf"),
        ("quads", "muscle.thigh"),
        ("thigh", "muscle.thigh"),
        ("Thigh (quadriceps)", "muscle.thigh"),
        ("toes", "muscle.foot"),
        ("upper back", "muscle.upper_back"),
        ("upper_back", "muscle.upper_back"),
    ],
)
def test_a_spreadsheet_muscle_name_is_recognised(
    vocabulary: checklist.Checklist, typed: str, code: str
) -> None:
    match = vocabulary.match("muscle", typed)
    assert match is not None and match.code == code


@pytest.mark.parametrize("typed", ["banana", "", "   ", "calfx", "trigger.dehydration"])
def test_nonsense_matches_nothing(vocabulary: checklist.Checklist, typed: str) -> None:
    assert vocabulary.match("muscle", typed) is None


def test_lookups_by_code_kind_and_group(vocabulary: checklist.Checklist) -> None:
    assert vocabulary.item("muscle.calf").label == "Calf"
    assert vocabulary.get("muscle.nope") is None
    with pytest.raises(KeyError, match=r"muscle\.nope"):
        vocabulary.item("muscle.nope")
    muscles = vocabulary.of_kind("muscle")
    assert muscles[0].code == "muscle.calf"  # file order
    assert all(item.kind == "muscle" for item in muscles)
    assert vocabulary.groups_of("muscle")[0].code == "muscle_group.legs"
    assert vocabulary.groups_of("activity") == ()
    assert vocabulary.item("muscle.calf") in vocabulary.in_group("muscle_group.legs")
    with pytest.raises(ValueError, match="musle"):
        vocabulary.of_kind("musle")


# --- plain text in the project's own words -------------------------------------------------


def test_all_text_is_plain_and_short(vocabulary: checklist.Checklist) -> None:
    for item in vocabulary.items:
        for name in ("label", "explanation", "advice"):
            text = getattr(item, name)
            if text is not None:
                assert "<" not in text and ">" not in text, f"{item.code} {name}"
                assert "**" not in text and "\n" not in text, f"{item.code} {name}"
        assert len(item.label) <= 45, item.code
        assert len(item.explanation) <= 200, item.code
        assert item.advice is None or len(item.advice) <= 250, item.code
    for group in vocabulary.groups:
        assert "<" not in group.label and ">" not in group.label, group.code


def test_no_sentence_is_copied_from_a_seed(
    vocabulary: checklist.Checklist, seed_windows: dict[str, set[str]]
) -> None:
    copied = []
    for code, name, text in _prose(vocabulary):
        words = _words(text)
        for start in range(len(words) - COPY_WINDOW + 1):
            window = words[start : start + COPY_WINDOW]
            for seed, hashes in seed_windows.items():
                if _window_hash(window) in hashes:
                    copied.append(f"{code} {name}: {' '.join(window)!r} ({seed})")
    assert not copied, "\n".join(copied)


def test_the_copy_check_notices_a_copied_sentence(seed_windows: dict[str, set[str]]) -> None:
    # The first eight words of seed 000, which the checklist must never contain.
    copied = "most people have experienced a charley horse or"
    assert _window_hash(_words(copied)) in seed_windows["000_4fbf21bdf1d69ed0"]


# --- validation of a malformed file --------------------------------------------------------


def _broken(raw: dict[str, Any], code: str, **changes: Any) -> dict[str, Any]:
    broken = copy.deepcopy(raw)
    entry = next(entry for entry in broken["items"] if entry["code"] == code)
    entry.update(changes)
    return broken


def test_parse_accepts_the_shipped_data(raw: dict[str, Any]) -> None:
    parsed = checklist.parse_checklist(raw)
    assert len(parsed.items) == len(raw["items"])


def test_a_duplicate_code_is_rejected(raw: dict[str, Any]) -> None:
    broken = copy.deepcopy(raw)
    broken["items"].append(copy.deepcopy(broken["items"][0]))
    code = broken["items"][0]["code"]
    with pytest.raises(checklist.ChecklistError, match=re.escape(code)) as caught:
        checklist.parse_checklist(broken)
    assert "duplicate" in str(caught.value)


def test_an_unknown_source_is_rejected(raw: dict[str, Any]) -> None:
    broken = _broken(raw, "trigger.dehydration", sources=["999_nowhere"])
    with pytest.raises(checklist.ChecklistError, match=r"trigger\.dehydration.*999_nowhere"):
        checklist.parse_checklist(broken)


def test_a_bad_urgency_is_rejected(raw: dict[str, Any]) -> None:
    broken = _broken(raw, "warning.frequent", urgency="soonish")
    with pytest.raises(checklist.ChecklistError, match=r"warning\.frequent.*soonish"):
        checklist.parse_checklist(broken)


@pytest.mark.parametrize(
    ("code", "changes", "complaint"),
    [
        ("trigger.dehydration", {"advice": None}, "advice"),
        ("warning.frequent", {"urgency": None}, "urgency"),
        ("muscle.calf", {"group": "trigger_group.exertion"}, "group"),
        ("muscle.calf", {"group": "muscle_group.nowhere"}, "group"),
        ("muscle.calf", {"kind": "trigger"}, "kind"),
        ("muscle.calf", {"sources": []}, "source"),
        ("muscle.calf", {"synonyms": ["Charley Horse"]}, "lowercase"),
        ("muscle.calf", {"synonyms": ["quads"]}, "muscle.thigh"),
        ("muscle.calf", {"explaination": "typo"}, "explaination"),
        ("activity.walking", {"group": "muscle_group.legs"}, "group"),
        ("medication_class.insulin", {"associated_with_cramps": "yes"}, "associated"),
        ("trigger.moving_quickly", {"day_factor": "heat"}, "heat"),
    ],
)
def test_other_mistakes_are_rejected_naming_the_item(
    raw: dict[str, Any], code: str, changes: dict[str, Any], complaint: str
) -> None:
    broken = _broken(raw, code, **changes)
    with pytest.raises(checklist.ChecklistError) as caught:
        checklist.parse_checklist(broken)
    assert code in str(caught.value)
    assert complaint in str(caught.value)


def test_a_missing_top_level_key_is_rejected(raw: dict[str, Any]) -> None:
    broken = copy.deepcopy(raw)
    del broken["groups"]
    with pytest.raises(checklist.ChecklistError, match="groups"):
        checklist.parse_checklist(broken)


def test_an_unreadable_file_gives_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "checklist.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(checklist.ChecklistError, match="not valid JSON"):
        checklist.load_checklist(bad)
    with pytest.raises(checklist.ChecklistError, match="cannot read"):
        checklist.load_checklist(tmp_path / "missing.json")


if __name__ == "__main__":
    # Regenerate the committed fingerprints from shared/seeds.
    FINGERPRINTS.write_text(
        json.dumps(
            {
                path.stem: fingerprint(path.read_text(encoding="utf-8"))
                for path in sorted(SEEDS_DIR.glob("*.txt"))
            },
            indent=0,
        )
        + "\n",
        encoding="utf-8",
    )
