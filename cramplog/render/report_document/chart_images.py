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

WEEKLY_CHART = QUrl("cramplog-chart:weekly")
HOUR_CHART = QUrl("cramplog-chart:hours")


def chart_images(report: reports.Report, width: float) -> dict[str, tuple[QUrl, QImage, QSizeF]]:
    """The two charts side by side, drawn by the Patterns pane's own functions in the print
    style and rasterised at CHART_DPI with matplotlib's Agg backend (no Qt canvas).

    The RGBA buffer goes straight into a QImage: a PNG round trip would only cost time, as
    the PDF engine compresses the image itself.
    """
    from dataclasses import replace

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from cramplog.render import charts

    inputs = report.charts
    size = QSizeF((width - 8) / 2, (width - 8) / 2 * 0.6)
    style = replace(charts.PRINT, font_size=5.6, title_size=6.8, dpi=CHART_DPI)
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
    urls = {"weekly": WEEKLY_CHART, "hours": HOUR_CHART}
    images: dict[str, tuple[QUrl, QImage, QSizeF]] = {}
    for key, build in builders.items():
        figure = Figure(figsize=(size.width() / 72, size.height() / 72), dpi=CHART_DPI)
        result = build(figure)
        _two_column_legends(result.figure, style)
        canvas = FigureCanvasAgg(result.figure)
        canvas.draw()  # type: ignore[no-untyped-call]
        pixels = canvas.buffer_rgba()  # type: ignore[no-untyped-call]
        image = QImage(
            bytes(pixels), pixels.shape[1], pixels.shape[0], QImage.Format.Format_RGBA8888
        ).copy()
        images[key] = (urls[key], image, size)
    return images


def _two_column_legends(figure: Figure, style: charts.ChartStyle) -> None:
    """Half a page is narrower than the Patterns pane: lay the legend under each chart out
    again in two columns, so it is not cut off at the sides."""
    for legend in list(figure.legends):
        entries = [
            (handle, text.get_text())
            for handle, text in zip(legend.legend_handles, legend.get_texts(), strict=True)
            if handle is not None
        ]
        legend.remove()
        relaid = figure.legend(
            [handle for handle, _ in entries],
            [label for _, label in entries],
            loc="outside lower center",
            ncols=2,
            frameon=False,
            fontsize=style.font_size * 0.9,
            handlelength=1.2,
            columnspacing=1.2,
            labelcolor=style.foreground,
        )
        for text in relaid.get_texts():
            text.set_parse_math(False)
