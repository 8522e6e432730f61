"""The kinds of word a diary holds: one name each, in the checklist, the database and the app."""

from __future__ import annotations

import json

from cramplog.core import checklist
from cramplog.core.records import ChecklistKind, VocabularyKind
from cramplog.storage import schema


def test_the_checklist_file_and_the_database_know_the_same_kinds_as_the_app() -> None:
    # Three lists kept apart by the floors: a kind added to one and not the others would
    # load from checklist.json and then be refused by the database's CHECK constraint.
    assert tuple(ChecklistKind) == checklist.KINDS == schema.VOCABULARY_KINDS


def test_the_words_a_person_may_add_are_muscles_triggers_and_reliefs_of_the_checklist() -> None:
    assert {ChecklistKind(kind) for kind in VocabularyKind} == {
        ChecklistKind.MUSCLE,
        ChecklistKind.TRIGGER,
        ChecklistKind.RELIEF,
    }


def test_a_kind_is_written_as_its_plain_word() -> None:
    # Exports and the database hold "medication_class", never "ChecklistKind.MEDICATION_CLASS".
    assert json.dumps([ChecklistKind.MEDICATION_CLASS, VocabularyKind.RELIEF]) == (
        '["medication_class", "relief"]'
    )
    assert f"{ChecklistKind.RISK_GROUP}" == "risk_group"
