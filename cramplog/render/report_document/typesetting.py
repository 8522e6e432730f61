"""Units, colours and fonts of the printed report, and the sealed document its text goes into."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPaintDevice,
    QPainter,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
    QTextLayout,
    QTextOption,
)

# Layout units are points: every size below is in 1/72 inch, whatever the device.
LAYOUT_DPI: Final = 72
MARGIN: Final = 26.0
FOOTER_GAP: Final = 16.0
BODY_PT: Final = 7.6
SMALL_PT: Final = 6.4
APPENDIX_PT: Final = 6.8

INK = QColor("#1a1d21")
MUTED = QColor("#5b6470")
RULE = QColor("#b8bec6")
ACCENT = QColor("#2f5f98")
ALERT = QColor("#a4161a")
SHADE = QColor("#f1f3f6")


def layout_device() -> QImage:
    """A 72-dpi device: laid out against it, one layout unit is one point on paper."""
    image = QImage(1, 1, QImage.Format.Format_RGB32)
    dots_per_metre = round(LAYOUT_DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


def layout_units_per_point() -> float:
    """How many units of a text document's pixel lengths make one point on paper.

    Qt scales an image's stated size, and a frame's or cell's margins and padding, by the
    layout device's dpi over the screen's logical dpi (QTextImageHandler,
    QTextDocumentLayout; 72/96 offscreen, other ratios on other screens): a chart asked for
    at its size in points came out three-quarters of it, its 7 pt text 5 pt, and page
    one's 34 pt margins 25.5 pt, letting text run under the footer. Measured on a scratch
    document rather than copied from Qt's private qt_defaultDpi().
    """
    probe = SealedDocument()
    probe.documentLayout().setPaintDevice(layout_device())
    probe.setDocumentMargin(0)
    probe.addResource(QTextDocument.ResourceType.ImageResource, _PROBE, QImage(1, 1, _RGB32))
    stated = 1000.0
    image = QTextImageFormat()
    image.setName(_PROBE.toString())
    image.setWidth(stated)
    image.setHeight(1)
    QTextCursor(probe).insertImage(image)
    laid_out = probe.idealWidth()
    return stated / laid_out if laid_out > 0 else 1.0


_PROBE = QUrl("cramplog-probe:image")
_RGB32 = QImage.Format.Format_RGB32


def print_font(
    points: float, *, bold: bool = False, italic: bool = False, fast: bool = False
) -> QFont:
    """The system font at `points`, set for print: unhinted, no ligatures."""
    font = QFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setItalic(italic)
    # Unhinted metrics scale linearly, so what fits at 72 dpi fits on any printer.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    # No ligatures: "file" must stay f-i-l-e when a doctor searches or copies the PDF's text.
    for feature in ("liga", "clig"):
        font.setFeature(QFont.Tag(feature), 0)
    if fast:
        # The appendix is mostly digits and short words: skipping kerning and, for text
        # that needs none, shaping halves the cost of drawing 15,000 rows. Scripts that
        # need shaping (Arabic, Devanagari, ...) are still shaped.
        font.setKerning(False)
        font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font


def for_device(font: QFont, painter: QPainter) -> QFont:
    """`font` sized so that, drawn through a painter scaled to points, it is `font` points.

    QPainter resolves point sizes at its device's resolution; the painter is scaled by
    device dpi / 72, so the point size is scaled back by the inverse.
    """
    device = painter.device()
    dpi = device.logicalDpiY() if device is not None else LAYOUT_DPI
    if dpi == LAYOUT_DPI:
        return font
    scaled = QFont(font)
    scaled.setPointSizeF(font.pointSizeF() * LAYOUT_DPI / dpi)
    return scaled


def one_line(text: str) -> str:
    """One line of user text for a table cell: line breaks, tabs and controls become spaces,
    and explicit direction controls are dropped so they cannot reorder the rest of the page."""
    return text.translate(_ONE_LINE)


_ONE_LINE = {
    **{code: " " for code in range(0x20) if code != 0x0A},
    0x0A: " ",
    0x7F: " ",
    0x85: " ",
    0x2028: " ",
    0x2029: " ",
    **{code: None for code in (0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))},
}


# -- the sealed document ----------------------------------------------------------------------


class SealedDocument(QTextDocument):
    """A QTextDocument that loads nothing from outside: only resources added to it exist.

    User text is inserted as plain text and never parsed, so no markup in it can ask for a
    resource; this guard makes sure that even then nothing would be read from disk or network.
    """

    def loadResource(self, type: int, name: QUrl | str) -> object:
        del type, name
        return None


def wrapped_lines(
    text: str, font: QFont, device: QPaintDevice, width: float, wrap: QTextOption.WrapMode
) -> list[str]:
    """`text` cut into the lines Qt lays out `width` wide under `wrap` (unstripped)."""
    layout = QTextLayout(text, font, device)
    option = QTextOption()
    option.setWrapMode(wrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start = line.textStart()
        lines.append(text[start : start + line.textLength()])
    layout.endLayout()
    return lines
