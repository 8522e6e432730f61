"""A hand-kept spreadsheet's columns: which field each header holds."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence

from cramplog.core.errors import ImportFileError
from cramplog.core.records import Side
from cramplog.core.translation import N_, _
from cramplog.exchange import everyday_words, values
from cramplog.exchange.batch import (
    ColumnChoice,
)
from cramplog.exchange.csv_format.rows import Row

SPREADSHEET_FIELDS = (
    "date",
    "time",
    "start",
    "muscle",
    "side",
    "duration",
    "intensity",
    "woke",
    "notes",
    "triggers",
    "reliefs",
    "relief_outcome",
    "activity",
    "hydration",
    "symptoms",
)
# Fields holding lists of checklist words, and the checklist kind each names.
LIST_FIELDS = {"triggers": "trigger", "reliefs": "relief", "symptoms": "symptom"}
FIELD_LABELS = {
    "date": N_("Date"),
    "time": N_("Time"),
    "start": N_("Date and time"),
    "muscle": N_("Muscle"),
    "side": N_("Side"),
    "duration": N_("Duration"),
    "intensity": N_("Intensity (0-10)"),
    "woke": N_("Woke me"),
    "notes": N_("Notes"),
    "triggers": N_("Triggers"),
    "reliefs": N_("Relief methods"),
    "relief_outcome": N_("How well the relief helped"),
    "activity": N_("Activity"),
    "hydration": N_("Hydration"),
    "symptoms": N_("Symptoms"),
}
_HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "date": ("date", "day", "night", "night of", "date of cramp", "cramp date", "start date"),
    "time": ("time", "start time", "time of day", "clock time", "at", "hour"),
    "start": (
        "start",
        "started",
        "when",
        "date and time",
        "date time",
        "datetime",
        "timestamp",
        "start local",
        "start datetime",
    ),
    "muscle": (
        "muscle",
        "muscles",
        "location",
        "where",
        "body part",
        "area",
        "muscle group",
        "site",
        "muscle code",
    ),
    "side": ("side", "which side", "left right", "left or right", "l r", "laterality"),
    "duration": ("duration", "length", "how long", "lasted", "minutes", "mins", "seconds"),
    "intensity": (
        "intensity",
        "severity",
        "pain",
        "pain score",
        "pain level",
        "score",
        "rating",
        "nrs",
    ),
    "woke": ("woke", "woke me", "woke me up", "woke up", "woken", "woke from sleep", "woke you"),
    "notes": ("notes", "note", "comment", "comments", "remarks", "description", "details"),
    "triggers": (
        "trigger",
        "triggers",
        "cause",
        "causes",
        "possible cause",
        "possible causes",
        "suspected cause",
        "suspected trigger",
        "what caused it",
        "why",
    ),
    "reliefs": (
        "relief",
        "reliefs",
        "relief method",
        "relief methods",
        "what helped",
        "what i did",
        "what i tried",
        "helped by",
        "relieved by",
        "remedy",
        "remedies",
        "treatment",
        "tried",
    ),
    "relief_outcome": (
        "did it help",
        "helped",
        "did that help",
        "relief worked",
        "relief outcome",
        "outcome",
        "result",
        "effective",
        "how well it helped",
    ),
    "activity": (
        "activity",
        "doing",
        "doing before",
        "what i was doing",
        "activity before",
        "before",
        "while",
    ),
    "hydration": ("hydration", "hydrated", "thirsty", "thirst", "drank enough", "dehydrated"),
    "symptoms": ("symptom", "symptoms", "other symptoms", "also felt", "signs"),
}
_BY_HEADER = {name: key for key, names in _HEADER_NAMES.items() for name in names}
_KEYWORDS = {
    "date": "date",
    "time": "time",
    "muscle": "muscle",
    "location": "muscle",
    "side": "side",
    "duration": "duration",
    "intensity": "intensity",
    "severity": "intensity",
    "pain": "intensity",
    "notes": "notes",
    "note": "notes",
    "comments": "notes",
    "comment": "notes",
    "woke": "woke",
    "trigger": "triggers",
    "triggers": "triggers",
    "relief": "reliefs",
    "reliefs": "reliefs",
    "helped": "reliefs",
    "activity": "activity",
    "doing": "activity",
    "hydration": "hydration",
    "thirsty": "hydration",
    "symptoms": "symptoms",
}
_UNIT = re.compile(r"[\(\[]([^)\]]*)[\)\]]")


def split_header(header: str) -> tuple[str, str]:
    """A header as (name, unit): "Duration (min)" -> ("duration", "min")."""
    units = _UNIT.findall(header)
    name = _UNIT.sub(" ", header).lower()
    name = " ".join(re.sub(r"[^\w:/]+", " ", name).replace("_", " ").split())
    return name, (units[0].strip().lower() if units else "")


def guess_field(header: str) -> str | None:
    name, _unit = split_header(header)
    if name in _BY_HEADER:
        return _BY_HEADER[name]
    found = {_KEYWORDS[word] for word in name.split() if word in _KEYWORDS}
    return found.pop() if len(found) == 1 else None


# The fields a column is recognised as by its values alone, with the kind of checklist word
# most of its cells must name (in this order of preference).
_BY_VALUES = (
    ("reliefs", "relief"),
    ("triggers", "trigger"),
    ("symptoms", "symptom"),
    ("activity", "activity"),
    ("muscle", "muscle"),
)
_SAMPLE_CHARS = 500
_SAMPLE = 50
_MOST = 0.6


def split_items(cell: str) -> list[str]:
    """A list cell's items: "stretching; walked it off" -> ["stretching", "walked it off"]."""
    return [item.strip() for item in re.split(r"[;,/\n]", cell) if item.strip()]


def guess_by_values(
    columns: Sequence[Sequence[str]], match: Callable[[str, str], str | None]
) -> dict[int, str]:
    """Fields for columns whose headers say nothing, from what their cells hold.

    A column most of whose words (at least 60% of the first 50 cells' items, two or more) are
    relief methods is read as the relief methods, and so on for triggers, symptoms, the
    activity and the muscle. `match(kind, text)` gives the code a word names, or None. A
    column whose every filled cell is a pain word (mild, severe...) is the intensity,
    and one whose every filled cell is a side (left, R, both...) is the side.
    """
    found: dict[int, str] = {}
    for index, cells in enumerate(columns):
        # A cell's first few hundred characters tell its kind; a 10 MB note need not be split.
        sample = [cell[:_SAMPLE_CHARS] for cell in cells[:_SAMPLE]]
        filled = [" ".join(cell.lower().split()) for cell in sample if cell.strip()]
        if len(filled) >= 2 and all(cell in everyday_words.PAIN_WORDS for cell in filled):
            found[index] = "intensity"
            continue
        # Sides, and at least one of them left, right or both: a column of "none" is no side.
        if (
            len(filled) >= 2
            and all(values.is_side(cell) for cell in filled)
            and any(values.read_side(cell) is not Side.NOT_APPLICABLE for cell in filled)
        ):
            found[index] = "side"
            continue
        items = [item for cell in sample for item in split_items(cell)]
        if len(items) < 2:
            continue
        for field, kind in _BY_VALUES:
            hits = sum(1 for item in items if match(kind, item) is not None)
            if hits / len(items) >= _MOST:
                found[index] = field
                break
    return found


def choose_columns(
    header: Sequence[str],
    chosen: Mapping[int, str | None] | None,
    by_values: Mapping[int, str] | None = None,
) -> tuple[tuple[ColumnChoice, ...], str | None]:
    """How each column is read, and why the person must choose (None when all is clear).

    `by_values` (see `guess_by_values`) names columns by their cells where the header is
    not recognised and the field is not taken by a header.
    """
    choices = []
    guessed = [guess_field(text) for text in header] if chosen is None else []
    for index, text in enumerate(header):
        _name, unit = split_header(text)
        if chosen is not None and index in chosen:
            field = chosen[index]
        elif chosen is not None:
            field = None
        else:
            field = guessed[index]
            by_value = (by_values or {}).get(index)
            if field is None and by_value is not None and by_value not in guessed:
                field = by_value
        if field is not None and field not in SPREADSHEET_FIELDS:
            raise ImportFileError(
                _("There is no field called {field!r} to map a column to.").format(field=field)
            )
        if field == "duration" and not unit:
            name = split_header(text)[0]
            unit = "s" if name == "seconds" else "min" if name in ("minutes", "mins") else ""
        choices.append(ColumnChoice(index, text, field, unit))
    taken = Counter(choice.field for choice in choices if choice.field is not None)
    twice = sorted(field for field, count in taken.items() if count > 1)
    if twice:
        headers = [c.header for c in choices if c.field == twice[0]]
        return tuple(choices), _("More than one column could be the {field}: {headers}.").format(
            field=_(FIELD_LABELS[twice[0]]).lower(), headers=", ".join(f"“{h}”" for h in headers)
        )
    if "muscle" not in taken:
        return tuple(choices), _("No column was recognised as the muscle.")
    if "start" not in taken and "date" not in taken:
        return tuple(choices), _("No column was recognised as the date.")
    if "start" in taken and "date" in taken:
        return tuple(choices), _("Both a date column and a date-and-time column were found.")
    return tuple(choices), None


_EXAMPLES = 2
_EXAMPLE_CHARS = 30
_SAMPLE_ROWS = _SAMPLE


def column_values(rows: Sequence[Row], index: int, limit: int = _SAMPLE_ROWS) -> list[str]:
    """The first `limit` cells of a column, stripped (enough to guess it by its values)."""
    return [r.cells[index].strip() for r in rows[:limit] if index < len(r.cells)]


def examples(rows: Sequence[Row], index: int) -> tuple[str, ...]:
    """The first two different values of a column, each on one short line."""
    found: list[str] = []
    for row in rows:
        if index < len(row.cells):
            # Control characters (an escape sequence, a right-to-left override) are shown as
            # "�": the dry run prints these to a terminal and the dialog to a table.
            raw = row.cells[index][: _EXAMPLE_CHARS * 4]
            text = " ".join(
                "".join(c if c.isprintable() or c.isspace() else "�" for c in raw).split()
            )
            text = text if len(text) <= _EXAMPLE_CHARS else text[: _EXAMPLE_CHARS - 1] + "…"
            if text and text not in found:
                found.append(text)
                if len(found) == _EXAMPLES:
                    break
    return tuple(found)


def iter_fields() -> Iterator[tuple[str, str]]:
    """The spreadsheet fields a column can be mapped to, with their labels."""
    for field in SPREADSHEET_FIELDS:
        yield field, _(FIELD_LABELS[field])
