"""Page one's charts on paper: every word at least 7 pt where it is printed, none cut off."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pypdf
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from pypdf.generic import ContentStream
from PySide6.QtGui import QPageSize

from cramplog.analysis import report, stats
from cramplog.core.records import MedicationInput
from cramplog.demo import sample
from cramplog.diary.service import Diary
from cramplog.render import report_document

pytestmark = pytest.mark.slow

LONG_NAME = "Quinine sulfate 200 mg at bedtime, prescribed for six weeks"
PAPERS = {
    "A4": QPageSize(QPageSize.PageSizeId.A4),
    "Letter": QPageSize(QPageSize.PageSizeId.Letter),
}
Matrix = tuple[float, float, float, float, float, float]


@pytest.fixture(scope="module")
def summary(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[report.Report]:
    """The sample diary's last three months, with a medicine of a long name started and
    stopped inside them (its name is printed on the weekly chart)."""
    folder = tmp_path_factory.mktemp("sample")
    end = date(2026, 3, 1)
    sample.create_sample_diary(folder, end=end)
    diary = Diary.open(folder)
    try:
        diary.add_medication(
            MedicationInput(
                LONG_NAME,
                started_on=end - timedelta(days=60),
                stopped_on=end - timedelta(days=20),
            )
        )
        period = stats.Period(end - timedelta(days=90), end, "Three months")
        yield report.build_report(diary, period=period, comparison=period.previous())
    finally:
        diary.close()


def _times(a: Matrix, b: Matrix) -> Matrix:
    return (
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    )


def placed_images(path: Path) -> list[tuple[float, float]]:
    """The width and height, in points on paper, of every image drawn on page one, in the
    order they are drawn (read from the PDF's content stream: q/Q, cm and Do)."""
    reader = pypdf.PdfReader(path)
    placed: list[tuple[float, float]] = []

    def walk(contents: object, resources: object, ctm: Matrix) -> None:
        xobjects = resources.get("/XObject") if isinstance(resources, dict) else None
        names = xobjects.get_object() if xobjects is not None else {}
        saved: list[Matrix] = []
        for operands, operator in ContentStream(contents, reader).operations:
            if operator == b"q":
                saved.append(ctm)
            elif operator == b"Q":
                ctm = saved.pop()
            elif operator == b"cm":
                ctm = _times(tuple(float(x) for x in operands), ctm)  # type: ignore[arg-type]
            elif operator == b"Do":
                target = names[operands[0]].get_object()
                if target["/Subtype"] == "/Image":
                    placed.append((abs(ctm[0]), abs(ctm[3])))
                else:
                    matrix = tuple(float(x) for x in target.get("/Matrix", [1, 0, 0, 1, 0, 0]))
                    walk(target, target.get("/Resources", {}).get_object(), _times(matrix, ctm))  # type: ignore[arg-type]

    page = reader.pages[0]
    walk(page.get_contents(), page["/Resources"].get_object(), (1, 0, 0, 1, 0, 0))
    return placed


def shown_texts(figure: Figure) -> list[Text]:
    return [
        text
        for text in figure.findobj(Text)
        if isinstance(text, Text) and text.get_visible() and text.get_text().strip()
    ]


@pytest.mark.parametrize("paper", PAPERS)
def test_every_chart_word_is_at_least_7_pt_on_paper(
    summary: report.Report, paper: str, tmp_path: Path
) -> None:
    document = report_document.ReportDocument(summary, page_size=PAPERS[paper])
    path = report_document.save_pdf(document, tmp_path / "summary.pdf")
    width = document.page.width() - 2 * report_document.MARGIN
    figures = report_document.print_figures(summary, width)
    placed = placed_images(path)
    assert len(placed) == len(figures) == 2
    for (width_pt, height_pt), figure in zip(placed, figures.values(), strict=True):
        # The printed size of a figure's text is its font size times the figure's scale.
        scale = width_pt / (figure.get_figwidth() * 72)
        # Scaled alike both ways: squeezing a chart flattens its letters.
        assert height_pt == pytest.approx(figure.get_figheight() * 72 * scale, abs=1.5)
        printed = {t.get_text(): float(t.get_fontsize()) * scale for t in shown_texts(figure)}
        smallest = min(printed, key=printed.__getitem__)
        assert printed[smallest] >= 7.0 - 0.05, f"{smallest!r} prints at {printed[smallest]:.1f} pt"


def test_no_chart_word_is_cut_off_and_a_long_medicine_name_is_whole(
    summary: report.Report,
) -> None:
    figures = report_document.print_figures(summary, 595.0 - 2 * report_document.MARGIN)
    for figure in figures.values():
        canvas = FigureCanvasAgg(figure)
        canvas.draw()  # type: ignore[no-untyped-call]
        renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
        page = figure.bbox
        for text in shown_texts(figure):
            box = text.get_window_extent(renderer)
            inside = (
                box.x0 >= page.x0 - 1
                and box.x1 <= page.x1 + 1
                and box.y0 >= page.y0 - 1
                and box.y1 <= page.y1 + 1
            )
            assert inside, f"{text.get_text()!r} runs off the chart"
            clip = text.get_clip_box() if text.get_clip_on() else None
            if clip is not None:
                assert clip.x0 - 1 <= box.x0 and box.x1 <= clip.x1 + 1, text.get_text()
                assert clip.y0 - 1 <= box.y0 and box.y1 <= clip.y1 + 1, text.get_text()
    weekly = figures["weekly"]
    names = [t.get_text() for t in shown_texts(weekly) if "Quinine" in t.get_text()]
    assert len(names) == 2  # started and stopped
    assert all(" ".join(name.split()) == LONG_NAME for name in names)


def _luminance(colour: tuple[float, ...]) -> float:
    red, green, blue = (
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in colour[:3]
    )
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def test_every_chart_word_is_dark_enough_to_read_on_paper(summary: report.Report) -> None:
    from matplotlib.colors import to_rgba

    figures = report_document.print_figures(summary, 595.0 - 2 * report_document.MARGIN)
    for figure in figures.values():
        paper = _luminance(to_rgba(figure.get_facecolor()))
        for text in shown_texts(figure):
            ink = _luminance(to_rgba(text.get_color()))
            ratio = (max(ink, paper) + 0.05) / (min(ink, paper) + 0.05)
            # WCAG AA for small text: every chart word here is under 14 pt bold.
            assert ratio >= 4.5, f"{text.get_text()!r} is {ratio:.1f}:1 against the paper"


def test_each_printed_legend_is_two_entries_wide_and_both_charts_are_titled(
    summary: report.Report,
) -> None:
    figures = report_document.print_figures(summary, 595.0 - 2 * report_document.MARGIN)
    for figure in figures.values():
        FigureCanvasAgg(figure).draw()  # type: ignore[no-untyped-call]
        (legend,) = figure.legends
        texts = legend.get_texts()
        assert len(texts) >= 3
        # Entries side by side in pairs: two columns of them, however many there are.
        assert len({round(text.get_window_extent().x0) for text in texts}) == 2
        assert figure.axes[0].get_title(loc="left")
