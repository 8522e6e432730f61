"""Which appendix texts are drawn as glyph runs, and where their glyphs go."""

from __future__ import annotations

import pytest

from cramplog.render.report_document.appendix_glyphs import (
    LineGlyphs,
    one_line_run,
    quick_glyphs,
    shape,
)
from cramplog.render.report_document.typesetting import APPENDIX_PT, layout_device, print_font


@pytest.fixture
def glyphs(qapp: object) -> LineGlyphs:
    # Column 0 starts at 26 pt, column 1 at 100 pt.
    return LineGlyphs(
        print_font(APPENDIX_PT, fast=True), layout_device(), lambda c, _t: 26.0 + 74 * c
    )


def test_a_plain_text_gets_a_glyph_per_character_from_its_column_onwards(
    glyphs: LineGlyphs,
) -> None:
    # Glyphs the first time too: its characters' glyphs are put together, not laid out.
    for _time in range(3):
        piece = glyphs.pieces(1, "Calf ✓")
        assert piece is not None
        assert len(piece.indexes) == len("Calf ✓")
        xs = [place.x() for place in piece.places]
        assert xs[0] == 100.0 and xs == sorted(xs)
        assert {place.y() for place in piece.places} == {0.0}  # all on the baseline


@pytest.mark.parametrize(
    "text",
    [
        "02:17",
        "10:58 PM",
        "Hand or fingers",
        "Heat and heavy sweating, No stretching before bed",
        "Massage\u00a0✓, Heat\u00a0✗",
        "⚠ Numbness (tingling) — 3×; ~½ h • ◆",
        "Crampe au mollet, pied gauche: très forte à l'aube",
        "Wadenkrampf — Fußgewölbe, 5 Min.",
        "Судорога в икре",
        "Κράμπα στη γάμπα",
        "AV Wa To fi ffl",  # no kerning, no ligatures: one glyph a character at its advance
    ],
)
def test_a_text_put_together_from_its_characters_is_placed_as_qt_lays_it_out(
    qapp: object, text: str
) -> None:
    font, device = print_font(APPENDIX_PT, fast=True), layout_device()
    quick = quick_glyphs(font, device)
    assert quick is not None
    made = quick(text, 215.48874)
    laid_out = shape(text, font, device, 215.48874)
    assert made is not None and laid_out is not None
    assert made[0] == laid_out[1]
    assert [(p.x(), p.y()) for p in made[1]] == [(p.x(), p.y()) for p in laid_out[2]]


@pytest.mark.parametrize(
    "text",
    [
        "Cafe\u0301",  # a combining accent: Qt places the mark over its letter
        "soft\u00adhyphen",  # shown or hidden by the layout, never a glyph of its own
        "ऐंठन",  # Devanagari needs shaping
        "ふくらはぎ",  # from another font
        "Odd \ue000 sign",  # a character no font has
        "Cramp again 😖",  # beyond the basic plane
        "   ",
    ],
)
def test_a_text_qt_must_lay_out_is_not_put_together(qapp: object, text: str) -> None:
    quick = quick_glyphs(print_font(APPENDIX_PT, fast=True), layout_device())
    assert quick is not None
    assert quick(text, 0.0) is None


def test_only_the_fast_font_is_put_together(qapp: object) -> None:
    # The headings' font kerns: its texts are laid out by Qt.
    assert quick_glyphs(print_font(APPENDIX_PT), layout_device()) is None


@pytest.mark.parametrize(
    "text",
    [
        "התכווצות בשוק",  # right to left: Qt finds its direction when drawn as text
        "Took magnesium (مغنيسيوم) before bed",
        "Odd \ue000 sign",  # a character no font has
        "Cramp again 😖 at night",  # a character from another font
    ],
)
def test_a_text_needing_more_than_the_font_is_left_to_be_drawn_as_text(
    glyphs: LineGlyphs, text: str
) -> None:
    assert glyphs.pieces(0, text) is None
    assert glyphs.pieces(0, text) is None  # seen before, and still drawn as text
    assert one_line_run(text, print_font(APPENDIX_PT), layout_device(), 26.0) is None


def test_a_text_on_two_lines_is_not_one_run(qapp: object) -> None:
    assert one_line_run("Night of\nthe cramp", print_font(APPENDIX_PT), layout_device(), 0) is None
    assert one_line_run("Night of the cramp", print_font(APPENDIX_PT), layout_device(), 0)
