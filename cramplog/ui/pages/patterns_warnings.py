"""The Patterns place's warning panel: one bordered box per warning sign in the period."""

from __future__ import annotations

from typing import Final

from PySide6.QtWidgets import QFrame, QVBoxLayout

from cramplog.analysis import warning_signs
from cramplog.core.translation import _
from cramplog.ui.pages.patterns_tiles import plain_label

MAX_LISTED_EVIDENCE: Final = 3
# Border colours of the warning panel: firm for "seek advice now", calm for an appointment.
_NOW_BORDER: Final = {"light": "#b3261e", "dark": "#f2b8b5"}


def warning_box(sign: warning_signs.WarningSign, *, dark: bool, calm: str) -> QFrame:
    """One warning sign: its urgency and label, the sentence, a few cases and the advice."""
    box = QFrame()
    box.setObjectName(f"warning-{sign.urgency.value}")
    border = _NOW_BORDER["dark" if dark else "light"] if sign.urgency.value == "now" else calm
    box.setStyleSheet(
        f"QFrame#warning-{sign.urgency.value} {{ border: none; "
        f"border-left: 4px solid {border}; padding-left: 8px; }}"
    )
    layout = QVBoxLayout(box)
    layout.setContentsMargins(8, 4, 4, 4)
    layout.setSpacing(2)
    title = plain_label(f"{sign.urgency.label}: {sign.label}", name="warningTitle")
    font = title.font()
    font.setBold(True)
    title.setFont(font)
    layout.addWidget(title)
    layout.addWidget(plain_label(sign.sentence, name="warningSentence"))
    shown = [f"• {e.describe()}" for e in sign.evidence[:MAX_LISTED_EVIDENCE]]
    if sign.evidence_count > len(shown):
        shown.append(_("and {count} more").format(count=sign.evidence_count - len(shown)))
    layout.addWidget(plain_label("\n".join(shown), name="warningEvidence"))
    advice = " ".join(part for part in (sign.explanation, sign.advice or "") if part)
    layout.addWidget(plain_label(advice, name="warningAdvice"))
    box.setAccessibleName(f"{sign.urgency.label}: {sign.label}")
    return box
