"""A hand-kept spreadsheet's columns: which field each header holds."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence

from cramplog.core.errors import ImportFileError
from cramplog.exchange.batch import (
    ColumnChoice,
)

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
)
FIELD_LABELS = {
    "date": "Date",
    "time": "Time",
    "start": "Date and time",
    "muscle": "Muscle",
    "side": "Side",
    "duration": "Duration",
    "intensity": "Intensity (0-10)",
    "woke": "Woke me",
    "notes": "Notes",
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


def choose_columns(
    header: Sequence[str], chosen: Mapping[int, str | None] | None
) -> tuple[tuple[ColumnChoice, ...], str | None]:
    """How each column is read, and why the person must choose (None when all is clear)."""
    choices = []
    for index, text in enumerate(header):
        _name, unit = split_header(text)
        if chosen is not None and index in chosen:
            field = chosen[index]
        elif chosen is not None:
            field = None
        else:
            field = guess_field(text)
        if field is not None and field not in SPREADSHEET_FIELDS:
            raise ImportFileError(f"There is no field called {field!r} to map a column to.")
        if field == "duration" and not unit:
            name = split_header(text)[0]
            unit = "s" if name == "seconds" else "min" if name in ("minutes", "mins") else ""
        choices.append(ColumnChoice(index, text, field, unit))
    taken = Counter(choice.field for choice in choices if choice.field is not None)
    twice = sorted(field for field, count in taken.items() if count > 1)
    if twice:
        headers = [c.header for c in choices if c.field == twice[0]]
        return tuple(choices), (
            f"More than one column could be the {FIELD_LABELS[twice[0]].lower()}: "
            + ", ".join(f"“{h}”" for h in headers)
            + "."
        )
    if "muscle" not in taken:
        return tuple(choices), "No column was recognised as the muscle."
    if "start" not in taken and "date" not in taken:
        return tuple(choices), "No column was recognised as the date."
    if "start" in taken and "date" in taken:
        return tuple(choices), "Both a date column and a date-and-time column were found."
    return tuple(choices), None


def iter_fields() -> Iterator[tuple[str, str]]:
    """The spreadsheet fields a column can be mapped to, with their labels."""
    for field in SPREADSHEET_FIELDS:
        yield field, FIELD_LABELS[field]
