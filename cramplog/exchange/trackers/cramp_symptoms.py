"""What trackers' symptom names and scores say about cramps: which are cramps, where, how bad."""

from __future__ import annotations

import re
from datetime import date

from cramplog.core import nights
from cramplog.core.records import ChecklistKind, EpisodeInput
from cramplog.exchange.batch import Context, name_uuid
from cramplog.storage import bulk

# A symptom whose name says one of these is a cramp; "charlie horse" is a common spelling.
CRAMP_WORDS = re.compile(r"cramp|spasm|charley horse|charlie horse", re.IGNORECASE)
# What is left of "Leg cramps" once the cramp words go, to find the muscle it names.
_NOT_MUSCLE = re.compile(
    r"\b(cramps?|cramping|spasms?|muscles?|night|nocturnal)\b|[()]", re.IGNORECASE
)
OTHER_MUSCLE = "muscle.other"


def is_cramp(name: str) -> bool:
    return CRAMP_WORDS.search(name) is not None


def intensity(score: int) -> int:
    """A 0–4 score on cramplog's 0–10 scale: 1→3, 2→5, 3→8, 4→10 (×2.5, halves up)."""
    return int(score * 2.5 + 0.5)


def muscle(name: str, context: Context) -> str:
    """The muscle a symptom's name gives ("Calf cramps", "Charley horse"), else "other"."""
    for text in (name, re.sub(r"s\b", "", name), _NOT_MUSCLE.sub(" ", name)):
        code = context.match(ChecklistKind.MUSCLE, text)
        if code is not None:
            return code
    return OTHER_MUSCLE


def date_only_cramp(
    noted_on: date,
    *,
    evening: bool,
    muscle: str,
    score: int | None,
    triggers: tuple[str, ...],
    notes: str,
    key: str,
    context: Context,
) -> bulk.NewEpisode:
    """One cramp of time not noted, placed by the date-only rule and checked like a typed one."""
    local = nights.date_only_start(noted_on, evening=evening, boundary_hour=context.boundary_hour)
    start = local.astimezone()
    offset = start.utcoffset()
    assert offset is not None
    episode = EpisodeInput(
        start=start,
        muscle=muscle,
        intensity=None if score is None else intensity(score),
        triggers=triggers,
        notes=notes,
        time_noted=False,
    )
    context.check_episode(episode, {})
    now = context.now.replace(tzinfo=None, microsecond=0)
    return bulk.NewEpisode(
        episode=episode,
        start_local=local,
        utc_offset_min=int(offset.total_seconds() // 60),
        uuid=name_uuid(key),
        created_utc=now,
        updated_utc=now,
    )
