"""Which appendix texts are drawn as glyph runs, and where their glyphs go."""

from __future__ import annotations

import pytest

from cramplog.render.report_document.appendix_glyphs import LineGlyphs, one_line_run
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
    # The first time, drawn as text (shaping a text that may never come again costs more);
    # from the second on, as glyphs.
    assert glyphs.pieces(1, "Calf ✓") is None
    piece = glyphs.pieces(1, "Calf ✓")
    assert piece is not None
    assert len(piece.indexes) == len("Calf ✓")
    xs = [place.x() for place in piece.places]
    assert xs[0] == 100.0 and xs == sorted(xs)
    assert {place.y() for place in piece.places} == {0.0}  # all on the baseline


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
