"""The two charts of page one, drawn by the Patterns pane's functions and rasterised."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QSizeF, QUrl
from PySide6.QtGui import QImage

from cramplog.analysis import report as reports

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from cramplog.render import charts


CHART_DPI: Final = 220
# The two charts sit side by side, this many points apart (the columns' cell padding), each
# this much as tall as it is wide.
CHART_GAP: Final = 10.0
CHART_ASPECT: Final = 0.55
# The smallest text on a chart, in points on paper: below 7 pt a printed page is hard to read.
PRINT_TEXT_PT: Final = 7.0

WEEKLY_CHART = QUrl("cramplog-chart:weekly")
HOUR_CHART = QUrl("cramplog-chart:hours")


def chart_slot(width: float) -> QSizeF:
    """The place one chart takes on page one, in points, for a text column `width` wide."""
    side = (width - CHART_GAP) / 2
    return QSizeF(side, side * CHART_ASPECT)


def print_figures(report: reports.Report, width: float) -> dict[str, Figure]:
    """The two charts, drawn by the Patterns pane's own functions in the print style, each
    a figure exactly the size of its place on the page: one point of the figure is one point
    on paper, so its font sizes are the printed sizes."""
    from dataclasses import replace

    from matplotlib.figure import Figure

    from cramplog.render import charts

    inputs = report.charts
    slot = chart_slot(width)
    style = replace(
        charts.PRINT,
        font_size=PRINT_TEXT_PT + 0.5,
        title_size=PRINT_TEXT_PT + 1.5,
        min_text_size=PRINT_TEXT_PT,
        dpi=CHART_DPI,
        # Half a page is narrower than the Patterns pane: each legend in two columns, so it
        # is not cut off at the sides.
        legend_columns=2,
    )
    builders: dict[str, Callable[[Figure], charts.ChartResult]] = {
        "weekly": lambda figure: charts.weekly_cramps_chart(
            inputs.weekly, style, treatments=inputs.treatments, figure=figure
        ),
        "hours": lambda figure: charts.hour_of_night_chart(
            inputs.by_hour,
            style,
            boundary_hour=inputs.boundary_hour,
            sleep_hours=inputs.sleep_hours,
            time_not_noted=inputs.time_not_noted,
            figure=figure,
        ),
    }
    inches = (slot.width() / 72, slot.height() / 72)
    figures: dict[str, Figure] = {}
    for key, build in builders.items():
        figure = build(Figure(figsize=inches, dpi=CHART_DPI)).figure
        # The chart functions choose a height for the screen; on paper the slot decides.
        figure.set_size_inches(*inches, forward=False)
        figures[key] = figure
    return figures


def chart_images(report: reports.Report, width: float) -> dict[str, tuple[QUrl, QImage, QSizeF]]:
    """The two charts rasterised at CHART_DPI with matplotlib's Agg backend (no Qt canvas;
    PrintCanvas, which knows the fonts' heights), with the size in points each takes on
    the page.

    The RGBA buffer goes straight into a QImage: a PNG round trip would only cost time, as
    the PDF engine compresses the image itself.
    """
    from cramplog.render.report_document.print_canvas import PrintCanvas

    urls = {"weekly": WEEKLY_CHART, "hours": HOUR_CHART}
    images: dict[str, tuple[QUrl, QImage, QSizeF]] = {}
    for key, figure in print_figures(report, width).items():
        canvas = PrintCanvas(figure)
        canvas.draw()  # type: ignore[no-untyped-call]
        pixels = canvas.buffer_rgba()  # type: ignore[no-untyped-call]
        image = QImage(
            bytes(pixels), pixels.shape[1], pixels.shape[0], QImage.Format.Format_RGBA8888
        ).copy()
        images[key] = (urls[key], image, chart_slot(width))
    return images
