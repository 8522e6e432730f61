"""The episode form's draft: what it holds as JSON-friendly values, and putting a draft back."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker

from cramplog.core.records import Hydration, ReliefRating, Side
from cramplog.ui.forms.episode_sections import from_qdatetime, to_qdatetime

if TYPE_CHECKING:
    from cramplog.ui.forms.episode_form import EpisodeDialog

# Stored with every draft, so a later release can tell an older draft's shape.
DRAFT_VERSION = 1


def strings(value: object) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def whole(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def relief_pairs(value: object) -> list[tuple[str, ReliefRating | None]]:
    pairs: list[tuple[str, ReliefRating | None]] = []
    if not isinstance(value, list):
        return pairs
    ratings = {rating.value: rating for rating in ReliefRating}
    for entry in value:
        if isinstance(entry, list | tuple) and len(entry) == 2 and isinstance(entry[0], str):
            rating = entry[1]
            pairs.append((entry[0], ratings.get(rating) if isinstance(rating, str) else None))
    return pairs


def codes_named(state: Mapping[str, object]) -> list[str]:
    """Every vocabulary code a draft refers to: its muscle, triggers, symptoms and reliefs."""
    codes = [
        *strings(state.get("triggers")),
        *strings(state.get("symptoms")),
        *(code for code, _ in relief_pairs(state.get("reliefs"))),
    ]
    muscle = state.get("muscle")
    if isinstance(muscle, str) and muscle:
        codes.append(muscle)
    return codes


def state_of(form: EpisodeDialog) -> dict[str, object]:
    """Everything typed into the form so far."""
    return {
        "version": DRAFT_VERSION,
        "episode_uuid": form.episode.uuid if form.episode is not None else None,
        "start": from_qdatetime(form.start_edit.dateTime()).isoformat(),
        "duration_min": form.duration_min.number(),
        "duration_sec": form.duration_sec.number(),
        "muscle": form.muscle.code(),
        "muscle_text": form.muscle.currentText(),
        "side": form.side().value,
        "intensity": form.intensity.value(),
        "woke_from_sleep": form.woke.value(),
        "activity": form.activity.value(),
        "hydration": None if form.hydration.value() is None else str(form.hydration.value()),
        "triggers": form.triggers.checked(),
        "reliefs": [
            [code, None if rating is None else rating.value]
            for code, rating in form.reliefs.value()
        ],
        "symptoms": form.symptoms.checked(),
        "notes": form.notes.toPlainText(),
    }


def restore(form: EpisodeDialog, state: Mapping[str, object], known: set[str]) -> None:
    """Put a draft's values into the fields; `known` are the codes the diary still has."""
    muscle = state.get("muscle")
    start = state.get("start")
    if isinstance(start, str):
        with contextlib.suppress(ValueError):
            form.start_edit.setDateTime(to_qdatetime(datetime.fromisoformat(start)))
    form.duration_min.set_number(whole(state.get("duration_min")))
    form.duration_sec.set_number(whole(state.get("duration_sec")))
    if isinstance(muscle, str) and muscle in known:
        form.muscle.set_code(muscle)
    else:
        text = state.get("muscle_text")
        with QSignalBlocker(form.muscle):
            form.muscle.setCurrentIndex(-1)
        form.muscle.setEditText(text if isinstance(text, str) else "")
    side = state.get("side")
    if isinstance(side, str) and side in {s.value for s in Side}:
        form.side_picker.set_value(Side(side))
    intensity = whole(state.get("intensity"))
    form.intensity.set_value(intensity if intensity is None or intensity <= 10 else None)
    woke = state.get("woke_from_sleep")
    form.woke.set_value(woke if isinstance(woke, bool) else None)
    activity = state.get("activity")
    form.activity.set_value(activity if isinstance(activity, str) else None)
    hydration = state.get("hydration")
    form.hydration.set_value(
        Hydration(hydration)
        if isinstance(hydration, str) and hydration in {h.value for h in Hydration}
        else None
    )
    form.triggers.set_checked(strings(state.get("triggers")))
    form.reliefs.set_value(relief_pairs(state.get("reliefs")))
    form.symptoms.set_checked(strings(state.get("symptoms")))
    notes = state.get("notes")
    form.notes.setPlainText(notes if isinstance(notes, str) else "")
