"""What a fired warning sign is: its urgency, its evidence, and the rules' thresholds."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Final

from cramplog.core import nights
from cramplog.core.translation import _
from cramplog.core.value_class import value_class

if TYPE_CHECKING:
    pass


DEFAULT_FREQUENT_PER_WEEK: Final = 3.0
FREQUENCY_WINDOW_NIGHTS: Final = 28
MAX_EVIDENCE: Final = 20
LONG_SPASM_S: Final = 3600
SPASM_NIGHTS: Final = 3
RECENT_NIGHTS: Final = 91
MIN_EPISODES_FOR_SHARE: Final = 4
RISE_PER_WEEK: Final = 1.0
RISE_RATIO: Final = 1.5

SPINE_MUSCLES: Final = frozenset({"muscle.neck", "muscle.upper_back", "muscle.lower_back"})
NERVE_SIGNS: Final = frozenset({"symptom.numbness", "symptom.tingling", "symptom.weakness"})
SYMPTOM_RULES: Final = (
    ("warning.leg_swelling_redness", frozenset({"symptom.swelling", "symptom.redness"})),
    ("warning.muscle_weakness", frozenset({"symptom.weakness", "symptom.paralysis"})),
    ("warning.severe_persistent_pain", frozenset({"symptom.severe_persistent_pain"})),
)
NEUROLOGICAL_ANYWHERE: Final = frozenset(
    {
        "symptom.tremor",
        "symptom.poor_coordination",
        "symptom.slow_movement",
        "symptom.double_vision",
        "symptom.back_neck_head_pain",
    }
)
NEUROLOGICAL_OFF_SPINE: Final = frozenset({"symptom.numbness", "symptom.tingling"})
WATCHED_SYMPTOMS: Final = tuple(
    sorted(
        NERVE_SIGNS
        | NEUROLOGICAL_ANYWHERE
        | frozenset().union(*(codes for _code, codes in SYMPTOM_RULES))
    )
)


class Urgency(enum.StrEnum):
    NOW = "now"
    APPOINTMENT = "appointment"

    @property
    def label(self) -> str:
        return _("Seek medical advice now") if self is Urgency.NOW else _("Make a GP appointment")


@value_class
class Evidence:
    """One episode or night behind a fired rule; `detail` is plain text naming what was seen."""

    night: date
    episode_id: int | None
    start_local: datetime | None
    detail: str

    def cited(self, *, capital: bool = False) -> str:
        """E.g. "night of Mon 9 Mar 2026, 02:10" (see `nights.cited`)."""
        return nights.cited(self.night, self.start_local, capital=capital)

    def describe(self) -> str:
        """E.g. "Night of Mon 9 Mar 2026, 02:10 — Calf (left): Numbness"."""
        when = self.cited(capital=True)
        return f"{when} — {self.detail}" if self.detail else when


@value_class
class WarningSign:
    """A rule that fired: which warning, how urgent, why, and the entries behind it.

    `evidence` is newest first and holds at most `MAX_EVIDENCE` entries; `evidence_count`
    says how many there were in all.
    """

    code: str
    label: str
    urgency: Urgency
    sentence: str
    explanation: str
    advice: str | None
    evidence: tuple[Evidence, ...]
    evidence_count: int

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "label": self.label,
            "urgency": self.urgency.value,
            "sentence": self.sentence,
            "advice": self.advice,
            "evidence_count": self.evidence_count,
            "evidence": [
                {
                    "night": e.night.isoformat(),
                    "episode_id": e.episode_id,
                    "start_local": None if e.start_local is None else e.start_local.isoformat(),
                    "detail": e.detail,
                }
                for e in self.evidence
            ],
        }
