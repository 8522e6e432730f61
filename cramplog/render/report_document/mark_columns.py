"""Choose the appendix's columns of marks: the relief methods and the triggers most noted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF

from cramplog.render.report_document.typesetting import one_line

# The height of the headings' row when it holds headings turned on their side, in points:
# room for "Overuse or muscle fatigue" on two lines. A turned heading lets a column of marks
# be as narrow as its mark, where a level one is as wide as its longest word.
TURNED_HEADER: Final = 56.0
# A heading longer than two turned lines is left out: its method or trigger is named in the
# text column instead.
_MOST_LINES: Final = 2
# A trigger noted on fewer than one cramp in this many is named in the text column: a column
# of marks nearly empty over many pages would only take room.
_RARE: Final = 50
_WRAP: Final = int(Qt.TextFlag.TextWordWrap)


@dataclass(frozen=True, slots=True)
class MarkColumn:
    """A column of one-glyph marks: its heading, its width in points, and what it marks (a
    relief method's or a trigger's code: two may share a label)."""

    title: str
    width: float
    key: str


def turned_lines(metrics: QFontMetricsF, title: str) -> int | None:
    """How many lines `title` takes turned on its side in the headings' row; None when it
    would take more than two or a word of it does not fit."""
    length = TURNED_HEADER - 4
    box = metrics.boundingRect(QRectF(0, 0, length, 1000), _WRAP, one_line(title))
    lines = round(box.height() / metrics.lineSpacing())
    return lines if box.width() <= length and 0 < lines <= _MOST_LINES else None


def choose(
    metrics: QFontMetricsF,
    reliefs: Sequence[tuple[str, str]],
    triggers: Sequence[tuple[str, str, int]],
    cramps: int,
    room: float,
    mark_width: float,
) -> tuple[list[MarkColumn], list[MarkColumn]]:
    """The relief methods' columns (`reliefs`: code and label, most tried first), then the
    triggers' (`triggers`: code, label and how many of the `cramps` noted it, most noted
    first), as many as fit in `room` points; the rest stay named in their text columns."""
    spacing = metrics.lineSpacing()
    chosen: tuple[list[MarkColumn], list[MarkColumn]] = ([], [])
    candidates = [(0, code, label) for code, label in reliefs]
    candidates += [(1, code, label) for code, label, noted in triggers if noted * _RARE >= cramps]
    for group, key, label in candidates:
        lines = turned_lines(metrics, label)
        if lines is None:
            continue
        # The gutter keeps a mark well clear of the next column's text.
        width = max(lines * spacing, mark_width) + 4.5
        if width > room:
            break
        room -= width
        chosen[group].append(MarkColumn(one_line(label), width, key))
    return chosen
