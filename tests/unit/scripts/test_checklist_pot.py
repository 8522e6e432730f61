"""The checklist's shown words become a translation template, and a catalogue made from it
changes what the diary shows for a checklist word (never for the person's own words)."""

from __future__ import annotations

import gettext
import importlib.util
import io
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from cramplog.core import translation
from cramplog.core.checklist import load_checklist
from cramplog.core.records import VocabularyKind
from cramplog.diary.service import Diary
from tests.unit.core.test_translation import mo_file

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "checklist_pot.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("checklist_pot", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def msgids(pot: str) -> list[str]:
    return [line[len('msgid "') : -1] for line in pot.splitlines() if line.startswith("msgid ")]


@pytest.fixture
def english_again() -> Iterator[None]:
    yield
    translation.install(gettext.NullTranslations())


def test_every_label_explanation_and_advice_is_in_the_template_once(tmp_path: Path) -> None:
    out = tmp_path / "checklist.pot"
    assert _script().main(["-o", str(out)]) == 0
    pot = out.read_text(encoding="utf-8")
    ids = msgids(pot)
    checklist = load_checklist()
    calf = checklist.item("muscle.calf")
    assert calf.label in ids and calf.explanation in ids
    assert "#. muscle.calf label\n" in pot  # where a translator sees the word used
    advised = [item for item in checklist.items if item.advice]
    assert advised and all(item.advice in ids for item in advised)
    assert len(ids) == len(set(ids))  # one entry per text, however many items show it
    # Synonyms are matched on what a person types; they are never offered for translation.
    synonyms = {s for item in checklist.items for s in item.synonyms} - {
        text for item in checklist.items for text in (item.label, item.explanation)
    }
    assert synonyms and not synonyms & set(ids)


def test_a_catalogue_made_from_it_renames_checklist_words_only(
    tmp_path: Path, english_again: None
) -> None:
    diary = Diary.open(tmp_path / "diary")
    try:
        own = diary.add_custom_item(VocabularyKind.MUSCLE, "Calf muscle, left").code
        calf = diary.checklist.item("muscle.calf").label
        translation.install(
            gettext.GNUTranslations(io.BytesIO(mo_file({calf: "Wade", "Calf muscle, left": "x"})))
        )
        assert diary.label("muscle.calf") == "Wade"
        assert diary.label(own) == "Calf muscle, left"  # the person's own word, as written
        assert diary.label("muscle.unknown") == "muscle.unknown"
    finally:
        diary.close()
