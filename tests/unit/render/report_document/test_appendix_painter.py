"""The appendix as printed: every cell's text at its column, read back from the PDF's glyphs."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtGui import QFontMetricsF

from cramplog.analysis import report
from cramplog.diary.service import Diary
from cramplog.render import report_document
from cramplog.render.report_document import appendix_glyphs
from cramplog.render.report_document.appendix_glyphs import may_be_rtl
from cramplog.render.report_document.appendix_grid import AppendixGrid
from cramplog.render.report_document.typesetting import (
    FOOTER_GAP,
    MARGIN,
    SMALL_PT,
    layout_device,
    print_font,
)
from tests.unit.render.test_report_document import WEEK, cramp, log_the_week, page_texts

pytestmark = pytest.mark.slow

# A character no font has (a private use one): Qt draws a box for it, and the rest of its
# note must still be printed.
NO_FONT_HAS = "\ue000"
HEBREW_NOTE = "התכווצות בשוק 3 פעמים, אחרי הליכה ארוכה"
ARABIC_NOTE = "تشنج في الساق اليسرى استمر طويلا بعد منتصف الليل وعاد مرة أخرى قرب الفجر"


def _to_unicode(font: Any) -> dict[int, str]:
    """A font's glyph codes and the characters they stand for (its ToUnicode map)."""
    cmap = font["/ToUnicode"].get_object().get_data().decode("latin1")
    found: dict[int, str] = {}
    for first, last, target in re.findall(
        r"<([0-9A-F]+)> <([0-9A-F]+)> (\[[^\]]*\]|<[0-9A-F]+>)", cmap
    ):
        codes = range(int(first, 16), int(last, 16) + 1)
        targets = re.findall(r"<([0-9A-F]+)>", target)
        for offset, code in enumerate(codes):
            if target.startswith("["):
                found[code] = bytes.fromhex(targets[offset]).decode("utf-16-be")
            else:
                found[code] = chr(int(targets[0], 16) + offset)
    return found


def placed_glyphs(path: Path, page: int) -> dict[tuple[float, float], str]:
    """The glyphs of a page drawn without a turn: each one's character by where its
    baseline starts, in points from the page's top left (as the report lays it out)."""
    pdf_page = pypdf.PdfReader(path).pages[page]
    resources: Any = pdf_page["/Resources"]
    fonts = {name: _to_unicode(font.get_object()) for name, font in resources["/Font"].items()}
    content = pdf_page.get_contents()
    assert content is not None
    placed: dict[tuple[float, float], str] = {}
    chars: dict[int, str] = {}
    x = y = 0.0
    tokens = re.findall(
        r"/\w+|<[0-9A-F]*>|[-\d.]+|[A-Za-z*']+", content.get_data().decode("latin1")
    )
    operands: list[str] = []
    for token in tokens:
        if token[0] in "-.0123456789/<":
            operands.append(token)
            continue
        if token == "Tf":
            chars = fonts[operands[-2]]
        elif token == "BT":
            x = y = 0.0
        elif token == "Td":
            x, y = x + float(operands[-2]), y - float(operands[-1])
        elif token == "Tj":
            placed[round(x, 2), round(y, 2)] = chars.get(int(operands[-1][1:-1], 16), "?")
        operands = []
    return placed


def glyph_at(glyphs: dict[tuple[float, float], str], x: float, y: float) -> str | None:
    """The character drawn at (x, y), give or take the PDF's 1/64 of a point."""
    for (gx, gy), char in glyphs.items():
        if abs(gx - x) < 0.05 and abs(gy - y) < 0.05:
            return char
    return None


def appendix_page(
    grid: AppendixGrid, path: Path, front_pages: int, index: int
) -> tuple[dict[tuple[float, float], str], list[tuple[int, int, str]], float]:
    page = grid.pages[index]
    top = grid.top_of_lines(page.title)
    return placed_glyphs(path, front_pages + index), grid.page_cells(page), top


@pytest.mark.parametrize("kept", [appendix_glyphs.KEPT_CELLS, 5])
def test_every_cell_starts_at_its_own_column_on_its_own_line(
    qapp: object, diary: Diary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kept: int
) -> None:
    # Also when the glyphs kept are let go every few cells (as in a diary of unique notes).
    monkeypatch.setattr(appendix_glyphs, "KEPT_CELLS", kept)
    week = log_the_week(diary)
    week.add_episode(cramp(datetime(2026, 3, 8, 3, 0), f"Odd {NO_FONT_HAS} sign, then calm"))
    document = report_document.ReportDocument(report.build_report(week, period=WEEK))
    path = report_document.save_pdf(document, tmp_path / "week.pdf")
    grid = document.appendix
    assert grid is not None
    checked = 0
    for index in range(len(grid.pages)):
        glyphs, cells, top = appendix_page(grid, path, document.front_pages, index)
        for column, line, text in cells:
            if may_be_rtl(text) or not text.strip():
                continue
            # Its first character where the column (left or centred) puts it, on its line.
            baseline = top + grid.metrics.ascent() + line * grid.step
            found = glyph_at(glyphs, grid.cell_x(column, text), baseline)
            assert found == text.lstrip()[0], (column, line, text)
            checked += 1
    assert checked > 100
    # The note with a character no font has is printed whole around its box.
    assert "Odd" in " ".join(page_texts(path)) and "then calm" in " ".join(page_texts(path))


def test_a_right_to_left_note_stays_inside_the_notes_column(
    qapp: object, diary: Diary, tmp_path: Path
) -> None:
    diary.add_episode(cramp(datetime(2026, 3, 3, 2, 10), HEBREW_NOTE))
    diary.add_episode(cramp(datetime(2026, 3, 4, 2, 10), ARABIC_NOTE))
    diary.add_episode(cramp(datetime(2026, 3, 5, 2, 10), "Plain note"))
    document = report_document.ReportDocument(report.build_report(diary, period=WEEK))
    path = report_document.save_pdf(document, tmp_path / "rtl.pdf")
    grid = document.appendix
    assert grid is not None
    glyphs, _cells, top = appendix_page(grid, path, document.front_pages, 0)
    left = grid.xs[grid.NOTES]
    right = left + grid.widths[grid.NOTES] + 2
    below_headings = {at: char for at, char in glyphs.items() if at[1] > top}
    hebrew = [x for (x, _y), char in below_headings.items() if char in HEBREW_NOTE[:4]]
    arabic = [x for (x, _y), char in below_headings.items() if "\u0600" <= char <= "\u06ff"]
    assert hebrew and arabic
    assert all(left - 0.01 <= x < right for x in hebrew + arabic)
    assert any(char == "P" and abs(x - left) < 0.05 for (x, _y), char in below_headings.items())


def test_the_legend_and_the_footer_start_at_the_margin_on_every_appendix_page(
    qapp: object, diary: Diary, tmp_path: Path
) -> None:
    for day in range(2, 9):
        for hour in range(12):
            diary.add_episode(cramp(datetime(2026, 3, day, hour, 5), "A note " * hour))
    summary = report.build_report(diary, period=WEEK, name="Ann Example")
    document = report_document.ReportDocument(summary)
    path = report_document.save_pdf(document, tmp_path / "pages.pdf")
    grid = document.appendix
    assert grid is not None
    assert len(grid.pages) > 1
    footer = document.page.height() - MARGIN - FOOTER_GAP + 6
    footer_ascent = QFontMetricsF(print_font(SMALL_PT), layout_device()).ascent()
    for index, page in enumerate(grid.pages):
        glyphs = placed_glyphs(path, document.front_pages + index)
        legend = grid.legend_box(page.title).top() + grid.metrics.ascent()
        # "Night of: …" and "Ann Example · …", each where a text drawn in its box starts.
        assert glyph_at(glyphs, MARGIN, legend) == "N"
        assert glyph_at(glyphs, MARGIN, footer + footer_ascent) == "A"
