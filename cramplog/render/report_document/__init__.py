"""Lay out the GP summary as printable pages for PDF, print and preview, never loading anything.

Page one is typed into a sealed text document (`front`), the appendix is a grid of lines
(`appendix_grid`) painted a line at a time as glyph runs (`appendix_painter`,
`appendix_glyphs`); `document` puts them together as pages and `writing` writes the PDF file.
"""

# Imported first: importing it turns PySide's scan of each new module's source off.
from cramplog.render import pyside_scan  # noqa: F401
from cramplog.render.report_document.appendix_grid import APPENDIX_LEGEND
from cramplog.render.report_document.chart_images import (
    CHART_DPI,
    HOUR_CHART,
    PRINT_TEXT_PT,
    WEEKLY_CHART,
    chart_slot,
    print_figures,
)
from cramplog.render.report_document.document import ExportCancelled, Progress, ReportDocument
from cramplog.render.report_document.front import TOP_ROWS, TRIGGER_ROWS
from cramplog.render.report_document.paper import (
    PaperSize,
    default_page_size,
    headless_application,
    page_size_named,
)
from cramplog.render.report_document.typesetting import (
    ACCENT,
    ALERT,
    APPENDIX_PT,
    BODY_PT,
    FOOTER_GAP,
    INK,
    LAYOUT_DPI,
    MARGIN,
    MUTED,
    RULE,
    SHADE,
    SMALL_PT,
    SealedDocument,
)
from cramplog.render.report_document.writing import check_pdf_target, save_pdf, write_pdf

__all__ = [
    "ACCENT",
    "ALERT",
    "APPENDIX_LEGEND",
    "APPENDIX_PT",
    "BODY_PT",
    "CHART_DPI",
    "FOOTER_GAP",
    "HOUR_CHART",
    "INK",
    "LAYOUT_DPI",
    "MARGIN",
    "MUTED",
    "PRINT_TEXT_PT",
    "RULE",
    "SHADE",
    "SMALL_PT",
    "TOP_ROWS",
    "TRIGGER_ROWS",
    "WEEKLY_CHART",
    "ExportCancelled",
    "PaperSize",
    "Progress",
    "ReportDocument",
    "SealedDocument",
    "chart_slot",
    "check_pdf_target",
    "default_page_size",
    "headless_application",
    "page_size_named",
    "print_figures",
    "save_pdf",
    "write_pdf",
]
