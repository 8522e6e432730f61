"""Our CSV files' names and columns, and the cell conventions the writer and reader share."""

from __future__ import annotations

from pathlib import Path

from cramplog.exchange.moments import LOCAL_FORMAT as LOCAL_FORMAT
from cramplog.exchange.moments import UTC_FORMAT as UTC_FORMAT

EPISODES_FILENAME = "episodes.csv"
NIGHTS_FILENAME = "nights.csv"

EPISODE_COLUMNS = (
    "uuid",
    "night_of",
    "start_local",
    "utc_offset_min",
    "muscle",
    "muscle_code",
    "side",
    "duration_s",
    "duration_min",
    "intensity",
    "woke_from_sleep",
    "nocturnal",
    "activity",
    "activity_code",
    "hydration",
    "triggers",
    "trigger_codes",
    "reliefs",
    "relief_codes",
    "symptoms",
    "symptom_codes",
    "notes",
    "to_review",
    "created_utc",
    "updated_utc",
    # Since format 2 (with JSON's version 2): whether empty trigger/relief cells mean "none".
    "triggers_asked",
    "reliefs_asked",
    # Since JSON's version 3: "no" when only the date was noted (start_local's time is then
    # the conventional moment of `nights.date_only_start`).
    "time_noted",
)
NIGHT_COLUMNS = (
    "night_of",
    "reviewed",
    "cramp_free",
    "episodes",
    "fluids_l",
    "exercise",
    "alcohol_units",
    "caffeine_drinks",
    "hot_or_sweating",
    "long_standing",
    "long_sitting",
    "stretched_before_bed",
    "stress",
    "sleep_disturbance",
    "minutes_awake",
    "notes",
    "uuid",
    "created_utc",
    "updated_utc",
)
LIST_SEPARATOR = "; "

# A spreadsheet runs a cell beginning with one of these as a formula (or mangles it); a
# leading apostrophe makes it plain text. The apostrophe itself is on the list, so that the
# prefix can be taken off again on import without ambiguity.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "'")


def neutralise(text: str) -> str:
    """A text cell a spreadsheet shows as typed, never runs: "=1+1" becomes "'=1+1"."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def restore_neutralised(text: str) -> str:
    """Undo `neutralise` (for reading back our own files)."""
    if len(text) > 1 and text[0] == "'" and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def export_paths(directory: Path) -> tuple[Path, Path]:
    return directory / EPISODES_FILENAME, directory / NIGHTS_FILENAME
