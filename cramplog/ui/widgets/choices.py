"""The vocabulary a person picks from, grouped as the checklist groups it, then their own words."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from cramplog.core.records import VocabularyKind
from cramplog.core.translation import N_, _

if TYPE_CHECKING:
    from cramplog.diary.view import DiaryView


# Where a list or drop-down item keeps the code of the choice it shows.
CODE_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class Choice:
    """One item a person can pick: its code, label, a neutral note and the checklist's words."""

    code: str
    label: str
    note: str = ""
    explanation: str = ""
    synonyms: tuple[str, ...] = ()
    # True for the person's own words: never shown as a tooltip (user text is kept plain).
    own: bool = False


ChoiceGroup = tuple[str, tuple[Choice, ...]]

_CUSTOM_KINDS = {
    "muscle": VocabularyKind.MUSCLE,
    "trigger": VocabularyKind.TRIGGER,
    "relief": VocabularyKind.RELIEF,
}

WARNING_NOTE = N_("warning sign")


def _of_kind(code: str, kind: str) -> bool:
    """Whether a code names an item of `kind` (built-in "calf" or own "custom.muscle.…")."""
    prefix, _, rest = code.partition(".")
    return prefix == kind or (prefix == "custom" and rest.startswith(f"{kind}."))


def vocabulary_groups(
    diary: DiaryView, kind: str, *, keep: Iterable[str] = ()
) -> list[ChoiceGroup]:
    """The choices of one kind, grouped as the checklist groups them, then the person's own.

    `keep` names codes that must be offered even if hidden or unknown (an episode being
    edited still refers to them).
    """
    checklist = diary.checklist
    groups: list[ChoiceGroup] = []
    offered: set[str] = set()
    for group in checklist.groups_of(kind):
        choices = tuple(
            Choice(
                code=item.code,
                label=item.label,
                note=_(WARNING_NOTE) if item.urgency else "",
                explanation=item.explanation,
                synonyms=item.synonyms,
            )
            for item in checklist.in_group(group.code)
        )
        offered.update(choice.code for choice in choices)
        groups.append((group.label, choices))
    if not checklist.groups_of(kind):
        choices = tuple(Choice(item.code, item.label) for item in checklist.of_kind(kind))
        offered.update(choice.code for choice in choices)
        groups.append(("", choices))
    own: list[Choice] = []
    wanted = {code for code in keep if _of_kind(code, kind)}
    custom_kind = _CUSTOM_KINDS.get(kind)
    if custom_kind is not None:
        for item in diary.custom_items(custom_kind):
            if not item.hidden or item.code in wanted:
                own.append(Choice(item.code, item.label, own=True))
                offered.add(item.code)
    for code in sorted(wanted - offered):
        own.append(Choice(code, diary.label(code), own=True))
    if own:
        groups.append((_("Your own"), tuple(own)))
    return groups
