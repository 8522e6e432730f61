"""The appendix's column headings broken into lines and placed once, drawn on every page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QGlyphRun,
    QPaintDevice,
    QPainter,
    QRawFont,
    QTextOption,
)

from cramplog.render.report_document.appendix_glyphs import Coverage, glyph_run, shape
from cramplog.render.report_document.typesetting import wrapped_lines


@dataclass(frozen=True, slots=True)
class HeadingLine:
    """One line of a heading: its text and where its baseline starts, from the headings'
    row's bottom-left corner; a turned line's place is in the turned frame (along the
    column upwards, then across it)."""

    text: str
    at: QPointF
    turned: bool


def place_headings(
    titles: Sequence[tuple[str, float, float, bool, bool]],
    font: QFont,
    device: QPaintDevice,
    length: float,
) -> list[HeadingLine]:
    """Each heading (title, left edge, width, centred, turned) broken at words: a level one
    bottom-aligned over its column, a turned one read upwards from the bottom, centred
    across its column, broken to lines `length` long.

    Laid out once for the whole appendix: wrapping every heading again on each of hundreds
    of pages cost more than the rest of the headings' drawing.
    """
    metrics = QFontMetricsF(font, device)
    spacing, ascent = metrics.lineSpacing(), metrics.ascent()
    placed: list[HeadingLine] = []
    for title, x, width, centred, turned in titles:
        lines = _break(title, font, device, length if turned else width)
        if turned:
            across = (width - len(lines) * spacing) / 2
            for index, line in enumerate(lines):
                at = QPointF(0.0, x + across + index * spacing + ascent)
                placed.append(HeadingLine(line, at, True))
            continue
        for index, line in enumerate(lines):
            offset = (width - metrics.horizontalAdvance(line)) / 2 if centred else 0.0
            up = (len(lines) - index) * spacing
            placed.append(HeadingLine(line, QPointF(x + offset, ascent - up), False))
    return placed


@dataclass(frozen=True, slots=True)
class InkedHeadings:
    """The placed headings ready to draw on every page: the level lines' glyphs as one run
    and the turned lines' as another (Qt's PDF engine writes a block per text it is given,
    and twenty headings on each of hundreds of pages added up), and any line a glyph run
    does not take (see appendix_glyphs.Coverage), drawn as text."""

    level: QGlyphRun | None
    turned: QGlyphRun | None
    as_text: tuple[HeadingLine, ...]


def ink_headings(lines: Sequence[HeadingLine], font: QFont, device: QPaintDevice) -> InkedHeadings:
    """The headings' glyphs, each line shaped once at its place."""
    simple = Coverage(font)
    runs: dict[bool, tuple[QRawFont, list[int], list[QPointF]]] = {}
    as_text: list[HeadingLine] = []
    for line in lines:
        shaped = shape(line.text, font, device, line.at.x()) if simple(line.text) else None
        if shaped is None:
            as_text.append(line)
            continue
        raw, indexes, places = shaped
        y = line.at.y()
        places = [QPointF(at.x(), at.y() + y) for at in places]
        found = runs.get(line.turned)
        if found is None:
            runs[line.turned] = (raw, indexes, places)
        else:
            found[1].extend(indexes)
            found[2].extend(places)
    level, turned = (glyph_run(*runs[kind]) if kind in runs else None for kind in (False, True))
    return InkedHeadings(level, turned, tuple(as_text))


def paint_headings(painter: QPainter, headings: InkedHeadings, bottom: QPointF) -> None:
    """Draw the headings over a headings' row whose bottom-left is `bottom`."""
    if headings.level is not None:
        painter.drawGlyphRun(bottom, headings.level)
    for line in headings.as_text:
        if not line.turned:
            painter.drawText(bottom + line.at, line.text)
    painter.save()
    painter.translate(bottom)
    painter.rotate(-90)
    if headings.turned is not None:
        painter.drawGlyphRun(QPointF(0, 0), headings.turned)
    for line in headings.as_text:
        if line.turned:
            painter.drawText(line.at, line.text)
    painter.restore()


def _break(text: str, font: QFont, device: QPaintDevice, width: float) -> list[str]:
    """`text` broken at words into lines `width` wide (a longer word stays whole)."""
    lines = [
        line.strip()
        for line in wrapped_lines(text, font, device, width, QTextOption.WrapMode.WordWrap)
    ]
    return [line for line in lines if line]
