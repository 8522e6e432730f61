"""The checklist's model: its items and groups, with lookups by code, kind, group and word.

`core.checklist` reads and checks the file (resources/checklist.json) and builds these; every
name here is also importable from there.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from cramplog.core.records import ChecklistKind
from cramplog.core.value_class import field, value_class

KINDS: Final[tuple[str, ...]] = tuple(kind.value for kind in ChecklistKind)

# Kinds whose items are shown in groups; every item of these kinds names its group.
GROUPED_KINDS: Final[frozenset[str]] = frozenset(
    {ChecklistKind.MUSCLE, ChecklistKind.TRIGGER, ChecklistKind.RELIEF, ChecklistKind.SYMPTOM}
)

URGENCIES: Final[tuple[str, ...]] = ("now", "appointment")

# Fields of the daily record a trigger may stand for; the one list (storage's day columns
# read each into its own bit, in this order: `cramplog.storage.aggregates.period`).
DAY_FACTORS: Final[tuple[str, ...]] = (
    "fluids_low",
    "exercise_hard",
    "exercise_unaccustomed",
    "alcohol",
    "caffeine",
    "heat",
    "long_standing",
    "long_sitting",
    "no_stretch",
    "stress",
)


class ChecklistError(Exception):
    """The checklist file is missing, unreadable or malformed; the message says where."""


@value_class
class Group:
    """A heading under which items of one kind are shown, e.g. "Legs and feet"."""

    code: str
    kind: str
    label: str


@value_class
class ChecklistItem:
    """One entry of the vocabulary: a muscle, trigger, relief method, warning sign, ..."""

    code: str
    kind: str
    label: str
    explanation: str
    sources: tuple[str, ...]
    group: str | None = None
    advice: str | None = None
    urgency: str | None = None
    synonyms: tuple[str, ...] = ()
    day_factor: str | None = None
    examples: tuple[str, ...] = ()
    associated_with_cramps: bool = False


def match_key(text: str) -> str:
    """Fold typed text so that case and stray whitespace do not matter."""
    return " ".join(text.split()).casefold()


def match_keys(item: ChecklistItem) -> frozenset[str]:
    """Every spelling under which `Checklist.match` finds an item."""
    suffix = item.code.partition(".")[2]
    spellings = (item.code, suffix, suffix.replace("_", " "), item.label, *item.synonyms)
    return frozenset(match_key(spelling) for spelling in spellings)


@value_class
class Checklist:
    """The whole vocabulary, in file order, with lookups by code, kind, group and typed text."""

    version: int
    sources: Mapping[str, str]
    groups: tuple[Group, ...]
    items: tuple[ChecklistItem, ...]
    _by_code: dict[str, ChecklistItem] = field(init=False, repr=False, compare=False)
    _by_kind: dict[str, tuple[ChecklistItem, ...]] = field(init=False, repr=False, compare=False)
    _groups_by_kind: dict[str, tuple[Group, ...]] = field(init=False, repr=False, compare=False)
    _by_group: dict[str, tuple[ChecklistItem, ...]] = field(init=False, repr=False, compare=False)
    # Made when `match` is first asked (typed words: an import, the forms), not by every
    # `cramplog stats`, which never asks.
    _by_spelling: dict[tuple[str, str], ChecklistItem] | None = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        # Frozen, so the read-only views and indexes are set through object.__setattr__.
        object.__setattr__(self, "sources", MappingProxyType(dict(self.sources)))
        object.__setattr__(self, "groups", tuple(self.groups))
        object.__setattr__(self, "items", tuple(self.items))
        object.__setattr__(self, "_by_code", {item.code: item for item in self.items})
        object.__setattr__(
            self,
            "_by_kind",
            {kind: tuple(item for item in self.items if item.kind == kind) for kind in KINDS},
        )
        object.__setattr__(
            self,
            "_groups_by_kind",
            {kind: tuple(group for group in self.groups if group.kind == kind) for kind in KINDS},
        )
        object.__setattr__(
            self,
            "_by_group",
            {
                group.code: tuple(item for item in self.items if item.group == group.code)
                for group in self.groups
            },
        )
        object.__setattr__(self, "_by_spelling", None)

    def __hash__(self) -> int:
        # The sources view is unhashable; groups and items identify the checklist well enough.
        return hash((self.version, self.groups, self.items))

    def item(self, code: str) -> ChecklistItem:
        """The item with this code; KeyError if the checklist has none."""
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(f"no checklist item with code {code!r}") from None

    def get(self, code: str) -> ChecklistItem | None:
        """The item with this code, or None."""
        return self._by_code.get(code)

    def of_kind(self, kind: str) -> tuple[ChecklistItem, ...]:
        """All items of one kind, in file order."""
        return self._by_kind[known_kind(kind)]

    def groups_of(self, kind: str) -> tuple[Group, ...]:
        """The groups of one kind, in file order (empty for kinds without groups)."""
        return self._groups_by_kind[known_kind(kind)]

    def in_group(self, group_code: str) -> tuple[ChecklistItem, ...]:
        """The items of one group, in file order; KeyError if there is no such group."""
        try:
            return self._by_group[group_code]
        except KeyError:
            raise KeyError(f"no checklist group with code {group_code!r}") from None

    def codes(self, kind: str) -> frozenset[str]:
        """The codes of all items of one kind."""
        return frozenset(item.code for item in self.of_kind(kind))

    def match(self, kind: str, text: str) -> ChecklistItem | None:
        """The item of `kind` that typed text names (code, code suffix, label or synonym)."""
        by_spelling = self._by_spelling
        if by_spelling is None:
            # Two threads asking at once each make the same index; either may be kept.
            by_spelling = {}
            for item in self.items:
                for key in match_keys(item):
                    # parse_checklist rejects ambiguous spellings; here the first item wins.
                    by_spelling.setdefault((item.kind, key), item)
            object.__setattr__(self, "_by_spelling", by_spelling)
        return by_spelling.get((known_kind(kind), match_key(text)))


def known_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown checklist kind {kind!r}; expected one of {', '.join(KINDS)}")
    return kind
