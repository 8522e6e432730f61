"""Words in spreadsheet cells: checklist words, words of your own to offer, the rest kept in notes.

A word that names nothing the diary knows is never dropped and never refuses its row. A
muscle, trigger or relief method becomes a word of the person's own: listed in the dry run,
and created (in the import's one transaction) only when the person agrees. Activities and
symptoms take no words of one's own, so an unknown one is kept in the cramp's notes instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import UTC

from cramplog.core import validation, wording
from cramplog.core.records import ChecklistKind, ReliefRating, Side, VocabularyKind
from cramplog.core.translation import N_, _
from cramplog.exchange import everyday_words, values
from cramplog.exchange.batch import VOCABULARY_KINDS, Batch, Context, name_uuid
from cramplog.exchange.csv_format.spreadsheet_columns import split_items
from cramplog.storage.transfer import NewVocabulary

# "Massage (helped)": a relief with its rating in brackets, as our own CSV writes it.
_RATED = re.compile(r"^(?P<word>.+?)\s*\((?P<rating>[^()]+)\)$")
OTHER_ACTIVITY = "activity.other"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def own_code(kind: str, label: str) -> str:
    """The code a word of the person's own gets from a spreadsheet (also before it exists, so a
    preview can name it). Named after the word: the same word in another file gets the same code.
    """
    return f"custom.{kind}.{name_uuid(f'word|{kind}|{label.casefold()}')}"


class SpreadsheetWords:
    """Turns the words of a spreadsheet's cells into checklist codes, one import at a time."""

    def __init__(self, context: Context, batch: Batch, *, create: bool) -> None:
        self.context = context
        self.batch = batch
        self.create = create
        self.matched: dict[tuple[str, str], str | None] = {}
        self.muscles: dict[str, tuple[str, Side | None]] = {}
        self.offered: dict[tuple[str, str], str] = {}
        # The codes a row may name: the diary's, and the words this file offers.
        self.codes: dict[str, set[str]] = {
            kind.value: set(context.codes.get(kind.value, frozenset())) for kind in ChecklistKind
        }
        self.now = context.now.astimezone(UTC).replace(tzinfo=None, microsecond=0)

    def match(self, kind: str, text: str) -> str | None:
        key = (kind, text)
        if key not in self.matched:
            self.matched[key] = self.context.match(kind, text)
        return self.matched[key]

    def own(self, kind: str, text: str) -> str:
        """The code of a word of the person's own for `text` (offered once per file)."""
        control = _CONTROL.search(text)
        if control is not None:
            # A bell or escape in a label would travel into every list, chart and PDF.
            raise values.CellError(
                _(
                    "A word here holds a control character (U+{code_point:04X}); a word of "
                    "your own cannot. Remove it from the cell."
                ).format(code_point=ord(control[0]))
            )
        label = validation.check_label(
            text, what=_("The word “{text}”").format(text=text.strip()[:40])
        )
        key = (kind, label.casefold())
        code = self.offered.get(key)
        if code is None:
            code = own_code(kind, label)
            self.offered[key] = code
            self.codes[kind].add(code)
            self.batch.new_words.setdefault(kind, []).append(label)
            if self.create:
                self.batch.vocabulary.append(
                    NewVocabulary(
                        code=code,
                        kind=kind,
                        label=label,
                        hidden=False,
                        uuid=name_uuid(f"uuid|{code}"),
                        created_utc=self.now,
                        updated_utc=self.now,
                    )
                )
        return code

    def muscle(self, text: str) -> tuple[str, Side | None]:
        """The muscle a cell names, and a side written into it ("L calf", "calves (both)")."""
        found = self.muscles.get(text)
        if found is None:
            found = self.muscles[text] = self._muscle(text)
        return found

    def _muscle(self, text: str) -> tuple[str, Side | None]:
        code = self.match(ChecklistKind.MUSCLE, text)
        if code is not None:
            return code, None
        bare, side = values.split_side_from_muscle(text)
        if side is not None:
            code = self.match(ChecklistKind.MUSCLE, bare)
            return (code if code is not None else self.own(VocabularyKind.MUSCLE, bare)), side
        return self.own(VocabularyKind.MUSCLE, text), None

    def items(self, kind: str, cell: str) -> list[str]:
        """A list cell's items: parts split on `;` or a line break, and each part on `,` or
        `/` unless the whole part is a word of `kind` (a label may hold a comma)."""
        found: list[str] = []
        for part in re.split(r"[;\n]", cell):
            part = part.strip()
            if part:
                found.extend([part] if self.match(kind, part) else split_items(part))
        return found

    def code(self, kind: str, item: str) -> str | None:
        """The code of one item; a word of the person's own where the kind allows one."""
        code = self.match(kind, item)
        if code is None and kind in VOCABULARY_KINDS:
            code = self.own(kind, item)
        return code

    def listed(self, kind: str, cell: str) -> tuple[list[str], list[str]]:
        """(codes, words kept for the notes) of a list cell: "stretching; walked it off"."""
        codes: list[str] = []
        leftovers: list[str] = []
        for item in self.items(kind, cell):
            code = self.code(kind, item)
            if code is None:
                leftovers.append(item)
            elif code not in codes:
                codes.append(code)
        return codes, leftovers

    def reliefs(
        self, cell: str, outcome: ReliefRating | None
    ) -> tuple[tuple[str, ReliefRating | None], ...]:
        """The relief methods of a cell, each rated by `outcome` or by its own "(helped)"."""
        rated: dict[str, ReliefRating | None] = {}
        for item in self.items(ChecklistKind.RELIEF, cell):
            rating = outcome
            found = _RATED.match(item)
            if found is not None and self.match(ChecklistKind.RELIEF, item) is None:
                try:
                    rating = everyday_words.read_relief_rating(found["rating"])
                    item = found["word"]
                except values.CellError:
                    pass  # brackets that say no rating: part of the word
            code = self.code(ChecklistKind.RELIEF, item)
            if code is not None:
                rated.setdefault(code, rating)
        return tuple(rated.items())

    def activity(self, cell: str) -> tuple[str, str]:
        """(code, the word kept for the notes: "" when the checklist knows it)."""
        code = self.match(ChecklistKind.ACTIVITY, cell)
        if code is not None:
            return code, ""
        self.batch.kept_in_notes.setdefault(ChecklistKind.ACTIVITY, [])
        kept = self.batch.kept_in_notes[ChecklistKind.ACTIVITY]
        if cell not in kept:
            kept.append(cell)
        return OTHER_ACTIVITY, cell

    def symptoms(self, cell: str) -> tuple[list[str], list[str]]:
        codes, leftovers = self.listed(ChecklistKind.SYMPTOM, cell)
        if leftovers:
            kept = self.batch.kept_in_notes.setdefault(ChecklistKind.SYMPTOM, [])
            kept.extend(word for word in leftovers if word not in kept)
        return codes, leftovers


LISTED = 12
KIND_PLURALS = {
    "muscle": N_("muscles"),
    "trigger": N_("triggers"),
    "relief": N_("relief methods"),
    "activity": N_("activities"),
    "symptom": N_("symptoms"),
}


def listed_words(words: Sequence[str]) -> str:
    """Words as a sentence lists them: '“Leg”, “shin”', the first dozen and how many more."""
    shown = ", ".join(f"“{word}”" for word in words[:LISTED])
    return shown + (
        _(" and {more} more").format(more=wording.number(len(words) - LISTED))
        if len(words) > LISTED
        else ""
    )


def new_words_question(new_words: Mapping[str, Sequence[str]]) -> str:
    """E.g. 'Some words match nothing in the diary and would be added as words of your own:
    muscles “Leg”, “shin”. They are added only if you agree; otherwise change those cells.'"""
    kinds = "; ".join(
        f"{_(KIND_PLURALS[kind])} {listed_words(words)}" for kind, words in new_words.items()
    )
    return _(
        "Some words match nothing in the diary and would be added as words of "
        "your own: {kinds}. They are added only if you agree; otherwise change "
        "those cells."
    ).format(kinds=kinds)
