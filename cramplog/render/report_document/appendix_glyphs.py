"""Draw the appendix's lines as glyph runs: each cell shaped once, a line drawn in one go.

Qt's PDF engine writes every text it is given as a block of its own (a saved graphics state,
the colour, the font and the text matrix, around the glyphs): drawn a cell at a time, that
block cost as much as the cells' glyphs themselves, in time and in bytes to compress. A glyph
run carries a position for every glyph, so one run holds all of a line's cells, each at its
column's x, and the engine writes one block per line. The glyphs are the ones Qt's own text
layout chooses (with its fallback fonts), so the page looks and copies out as before.

Most of the appendix's texts (clocks, durations, names in Latin, Greek or Cyrillic letters)
are laid out by Qt one glyph per character at the glyph's own advance, since the appendix's
font neither kerns nor shapes them; those are put together here from each character's glyph,
looked up once (`SimpleGlyphs`), at a fraction of the cost of asking Qt's text layout.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QGlyphRun, QPaintDevice, QPainter, QRawFont, QTextLayout

# A cell of at least this many glyphs is drawn as a glyph run of its own, made once and drawn
# again wherever the cell is: handing the engine one more run costs less than handing Qt
# that many glyphs again (measured: about 3 µs a run, 0.18 µs a glyph).
OWN_RUN: Final = 16


# At most this many texts (and their glyphs) are kept, a few MB; 10 years of sample diary
# have about 4,000.
KEPT_CELLS: Final = 20_000


class Piece:
    """A cell's glyphs: their indexes in the appendix's font and their places from the start
    of the line's baseline (the column's x included); and, once drawn on its own, its run."""

    __slots__ = ("_raw", "_run", "indexes", "places", "short")

    def __init__(self, raw: QRawFont, indexes: list[int], places: list[QPointF]) -> None:
        self.indexes = indexes
        self.places = places
        # Drawn in one run with its short neighbours on the line, or as a run of its own.
        self.short = len(indexes) < OWN_RUN
        self._raw = raw
        self._run: QGlyphRun | None = None

    def run(self) -> QGlyphRun:
        if self._run is None:
            self._run = glyph_run(self._raw, self.indexes, self.places)
        return self._run


_RTL_CLASSES: Final = frozenset({"R", "AL", "RLE", "RLO", "RLI"})


def may_be_rtl(text: str) -> bool:
    """Whether a text holds any right-to-left character (plain ASCII never does)."""
    return not text.isascii() and any(
        unicodedata.bidirectional(char) in _RTL_CLASSES for char in text
    )


def shape(
    text: str, font: QFont, device: QPaintDevice, x: float
) -> tuple[QRawFont, list[int], list[QPointF]] | None:
    """`text` laid out by Qt on one line as drawText would draw it at (x, 0) on its baseline:
    its font at its size on `device`, its glyphs and their places; None when it does not
    come out as one run of glyphs in one font (a blank text has none)."""
    layout = QTextLayout(text, font, device)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    if len(runs) != 1:
        return None
    run, ascent = runs[0], line.ascent()
    offset = QPointF(x, -ascent)
    places = [at + offset for at in run.positions()]  # QPointF's own sum: half the time
    return run.rawFont(), list(run.glyphIndexes()), places


def glyph_run(raw: QRawFont, indexes: list[int], places: list[QPointF]) -> QGlyphRun:
    run = QGlyphRun()
    run.setRawFont(raw)
    run.setGlyphIndexes(indexes)
    run.setPositions(places)
    return run


def one_line_run(text: str, font: QFont, device: QPaintDevice, x: float) -> QGlyphRun | None:
    """A text drawn the same on many pages as a glyph run made once, its baseline starting at
    (x, 0); None when a glyph run does not take it (see Coverage) or it would wrap."""
    if "\n" in text or not Coverage(font)(text):
        return None
    shaped = shape(text, font, device, x)
    return None if shaped is None else glyph_run(*shaped)


# Blocks whose characters Qt lays out one glyph each, at its advance, with a font that neither
# kerns nor shapes (PreferNoShaping): Latin (to the combining marks), Greek and Cyrillic (but
# its combining signs), Latin and Greek precomposed, punctuation, and the symbols' blocks but
# their combining marks. Scripts that need shaping (Indic, Thai, Hangul's jamo, ...) are not
# here; nor is anything right to left.
_SIMPLE_BLOCKS: Final = (
    (0x20, 0x7F),
    (0xA0, 0x300),
    (0x370, 0x483),
    (0x48A, 0x530),
    (0x1E00, 0x2000),
    (0x2010, 0x2028),
    (0x2030, 0x205F),
    (0x2070, 0x20D0),
    (0x2100, 0x2C00),
)
# Letters, digits, punctuation and symbols: never a mark, a control, a format character
# (soft hyphen, joiners) or an unassigned code point; of the spaces, the space and the no-break
# space only.
_SIMPLE_CATEGORIES: Final = frozenset(
    {"Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Nl", "No", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po"}
    | {"Sm", "Sc", "Sk", "So"}
)


def _simple_character(char: str) -> bool:
    code = ord(char)
    if code in (0x20, 0xA0):
        return True
    return any(first <= code < end for first, end in _SIMPLE_BLOCKS) and (
        unicodedata.category(char) in _SIMPLE_CATEGORIES
    )


# A character not looked up yet (a glyph has no negative index).
_UNKNOWN: Final = (-1, 0.0)


class SimpleGlyphs:
    """A text's glyphs and their places put together a character at a time, as Qt's layout
    places them for a font that neither kerns nor shapes: each character's glyph at the
    advance of the glyphs before it.

    Only for texts of simple characters (see _SIMPLE_BLOCKS), each of which Qt lays out
    alone as one glyph of the font itself: asked once per character, this leaves out the
    characters Qt draws from another font (a missing glyph, or a symbol it shows as emoji).
    """

    def __init__(self, font: QFont, device: QPaintDevice, raw: QRawFont) -> None:
        self._font = font
        self._device = device
        self.raw = raw
        self._glyphs: dict[str, tuple[int, float] | None] = {}

    def _glyph(self, char: str) -> tuple[int, float] | None:
        """The glyph and advance Qt's layout gives `char` (twice over, for its advance),
        or None when it is not simple or not one glyph of this font."""
        if not _simple_character(char):
            return None
        shaped = shape(char * 2, self._font, self._device, 0.0)
        if shaped is None:  # more than one run: a glyph from another font
            return None
        raw, indexes, places = shaped
        mine = self.raw.glyphIndexesForString(char)
        if len(indexes) != 2 or len(mine) != 1 or indexes[0] != mine[0] or not mine[0]:
            return None
        if raw.familyName() != self.raw.familyName() or raw.styleName() != self.raw.styleName():
            return None
        return mine[0], places[1].x() - places[0].x()

    def __call__(self, text: str, x: float) -> tuple[list[int], list[QPointF]] | None:
        """`text`'s glyphs and their places from (x, 0) on its baseline, or None when one
        of its characters is not simple or not in the font, or it is blank."""
        if not text.strip():
            return None
        glyphs = self._glyphs
        indexes: list[int] = []
        places: list[QPointF] = []
        advance = 0.0
        for char in text:
            found = glyphs.get(char, _UNKNOWN)
            if found is _UNKNOWN:
                found = glyphs[char] = self._glyph(char)
            if found is None:
                return None
            index, width = found
            indexes.append(index)
            # The column's x plus the advance so far, added in the order Qt's layout does.
            places.append(QPointF(advance + x, 0.0))
            advance += width
        return indexes, places


def quick_glyphs(font: QFont, device: QPaintDevice) -> SimpleGlyphs | None:
    """SimpleGlyphs for `font` on `device`, or None when Qt would kern or shape its texts
    (only the appendix's fast font is drawn this way)."""
    if font.kerning() or not font.styleStrategy() & QFont.StyleStrategy.PreferNoShaping:
        return None
    shaped = shape("0", font, device, 0.0)
    return None if shaped is None else SimpleGlyphs(font, device, shaped[0])


class Coverage:
    """Which texts a font draws in glyph runs: every character its own (no fallback font,
    no missing glyph) and none right-to-left. Each character is asked about once."""

    def __init__(self, font: QFont) -> None:
        self._covers = QRawFont.fromFont(font).supportsCharacter
        self._has: dict[str, bool] = {}

    def __call__(self, text: str) -> bool:
        has = self._has
        for char in text:
            known = has.get(char)
            if known is None:
                known = has[char] = self._covers(ord(char)) and (
                    char.isascii() or unicodedata.bidirectional(char) not in _RTL_CLASSES
                )
            if not known:
                return False
        return True


class LineGlyphs:
    """Each (column, text) shaped once into glyphs placed at its column; a page's lines
    then drawn as one glyph run each.

    Only a text the appendix's own font has every character of, and no right-to-left one,
    is shaped here; for another (`pieces` gives None) the caller draws it as a text, so Qt
    finds its direction and the fallback fonts for its characters, as it always has. A text
    of simple characters is put together from its characters' glyphs (SimpleGlyphs); any
    other is laid out by Qt.
    """

    def __init__(
        self, font: QFont, device: QPaintDevice, start: Callable[[int, str], float]
    ) -> None:
        self._font = font
        self._device = device
        # Where a text starts in a column: the column's left edge, or further in when centred.
        self._start = start
        self._simple = Coverage(font)
        # Each column's texts and their glyphs (None: drawn as text), looked up per cell.
        self.cells: defaultdict[int, dict[str, Piece | None]] = defaultdict(dict)
        self._seen: defaultdict[int, set[str]] = defaultdict(set)
        self._kept = 0
        self._starts: dict[tuple[float, float], list[QPointF]] = {}
        self._quick = quick_glyphs(font, device)
        # The font at its size on paper, taken from the first text laid out.
        self._raw: QRawFont | None = None if self._quick is None else self._quick.raw

    def pieces(self, column: int, text: str) -> Piece | None:
        """`text`'s glyphs at its place in `column`, or None when it is to be drawn as text:
        always when a glyph run does not take it, and the first time a text Qt must lay out
        is asked for (one that never comes again costs more to lay out than to draw as
        text: most notes of a short period). A text of simple characters is put together
        from its characters' glyphs: kept at once when short (a clock, a duration, a name:
        most come again), else put together each time until it comes again, then kept."""
        cells = self.cells[column]
        if text in cells:
            return cells[text]
        self._kept += 1
        if self._kept > KEPT_CELLS:
            # A diary of unique notes would otherwise keep every line (and its glyphs) until
            # the last page: start again, and let the texts that repeat be shaped anew.
            # Each column's texts emptied in place: a page's lines keep each column's.
            for known in self.cells.values():
                known.clear()
            self._seen.clear()
            self._kept = 1
        quick = self._quick_piece(column, text)
        if quick is not None and quick.short:
            cells[text] = quick
            return quick
        seen = self._seen[column]
        if text not in seen:
            seen.add(text)
            return quick
        if quick is None:
            quick = self._shape(column, text) if self._simple(text) else None
        cells[text] = quick
        return quick

    def _quick_piece(self, column: int, text: str) -> Piece | None:
        if self._quick is None:
            return None
        made = self._quick(text, self._start(column, text))
        return None if made is None else Piece(self._quick.raw, *made)

    def _shape(self, column: int, text: str) -> Piece | None:
        shaped = shape(text, self._font, self._device, self._start(column, text))
        if shaped is None:
            return None
        raw, indexes, places = shaped
        if self._raw is None:
            self._raw = raw
        return Piece(raw, indexes, places)

    def draw_lines(
        self,
        painter: QPainter,
        lines: list[tuple[int, list[Piece | tuple[int, str]]]],
        baseline: float,
        step: float,
        as_text: Callable[[int, int, str], None],
    ) -> None:
        """Draw each line's cells (line number and its cells left to right: glyphs, or a
        column and text that `as_text(column, line, text)` draws), in the order given, its
        baseline at `baseline` + line × `step`: neighbouring short cells' glyphs
        as one glyph run, a long cell's or a line's only cell's as its own."""
        draw = painter.drawGlyphRun
        # Neighbouring short cells' glyphs are drawn once, as soon as gathered: one glyph run
        # takes each line's in turn (a painter has written a run out when drawGlyphRun
        # returns), instead of a new run, its font set, for each.
        merged = self._merged_run()
        set_indexes, set_places = merged.setGlyphIndexes, merged.setPositions
        starts = self._line_starts(baseline, step, lines[-1][0] + 1 if lines else 0)
        for line, cells in lines:
            at = starts[line]
            if len(cells) == 1 and isinstance(cells[0], Piece):
                draw(at, cells[0].run())
                continue
            indexes: list[int] = []
            places: list[QPointF] = []
            for cell in cells:
                if isinstance(cell, Piece) and cell.short:
                    indexes += cell.indexes
                    places += cell.places
                    continue
                if indexes:
                    set_indexes(indexes)
                    set_places(places)
                    draw(at, merged)
                    indexes, places = [], []
                if isinstance(cell, Piece):
                    draw(at, cell.run())
                else:
                    as_text(cell[0], line, cell[1])
            if indexes:
                set_indexes(indexes)
                set_places(places)
                draw(at, merged)

    def _line_starts(self, baseline: float, step: float, count: int) -> list[QPointF]:
        """Where each of the first `count` lines' baselines start, made once for every page
        that starts its lines at `baseline` (the first page, and all the others)."""
        starts = self._starts.setdefault((baseline, step), [])
        while len(starts) < count:
            starts.append(QPointF(0.0, baseline + len(starts) * step))
        return starts

    def _merged_run(self) -> QGlyphRun:
        run = QGlyphRun()
        if self._raw is not None:  # set with the first glyphs shaped
            run.setRawFont(self._raw)
        return run
