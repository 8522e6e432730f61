"""The appendix's marks: each one a shape of its own that the PDF's font can print."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter

from cramplog.render.report_document.appendix_rows import MARKS, TRIGGER_MARK, WARNING_MARK
from cramplog.render.report_document.typesetting import APPENDIX_PT, print_font

SIZE = 40  # each glyph's ink scaled to a square this many pixels wide


def shape(mark: str) -> QImage:
    """`mark`'s ink, drawn large and scaled to fill a SIZE × SIZE square: its shape alone,
    whatever its size."""
    font = print_font(120)
    image = QImage(300, 300, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(QPointF(40, 220), mark)
    painter.end()
    dark = [(x, y) for y in range(300) for x in range(300) if image.pixelColor(x, y).value() < 128]
    assert dark, f"{mark!r} drew nothing"
    xs, ys = [x for x, _ in dark], [y for _, y in dark]
    ink = image.copy(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)
    return ink.scaled(SIZE, SIZE, Qt.AspectRatioMode.IgnoreAspectRatio)


def differing(a: QImage, b: QImage) -> float:
    """The share of the square where one shape has ink and the other none."""
    return sum(
        (a.pixelColor(x, y).value() < 128) != (b.pixelColor(x, y).value() < 128)
        for y in range(SIZE)
        for x in range(SIZE)
    ) / (SIZE * SIZE)


def test_the_pdfs_font_has_every_mark(qapp: object) -> None:
    # Not left to a fallback that may be missing and print an empty box.
    metrics = QFontMetricsF(print_font(APPENDIX_PT, fast=True))
    for mark in (*MARKS.values(), TRIGGER_MARK, WARNING_MARK):
        assert metrics.inFontUcs4(ord(mark)), mark


@pytest.mark.parametrize("relief_mark", list(MARKS.values()))
def test_the_trigger_mark_is_a_shape_unlike_every_relief_mark(
    qapp: object, relief_mark: str
) -> None:
    # Printed small, marks of one shape read as one mark whatever their size: the
    # suspected trigger's mark must differ in shape from each relief mark, "not rated" •
    # among them, by more than a fifth of its square.
    assert differing(shape(TRIGGER_MARK), shape(relief_mark)) > 0.2
