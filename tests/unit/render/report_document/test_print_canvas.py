"""The print charts' canvas draws them exactly as matplotlib's own Agg canvas does."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from cramplog.analysis import report, stats
from cramplog.demo import sample
from cramplog.diary.service import Diary
from cramplog.render import report_document
from cramplog.render.report_document import print_canvas
from cramplog.render.report_document.print_canvas import PrintCanvas

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def summary(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[report.Report]:
    folder = tmp_path_factory.mktemp("sample")
    end = date(2026, 3, 1)
    sample.create_sample_diary(folder, end=end)
    diary = Diary.open(folder)
    try:
        period = stats.Period(end - timedelta(days=90), end, "Three months")
        yield report.build_report(diary, period=period, comparison=period.previous())
    finally:
        diary.close()


def _pixels(canvas: FigureCanvasAgg) -> np.ndarray:
    canvas.draw()  # type: ignore[no-untyped-call]
    return np.asarray(canvas.buffer_rgba()).copy()  # type: ignore[no-untyped-call]


@pytest.mark.parametrize("chart", ["weekly", "hours"])
def test_a_print_chart_comes_out_pixel_for_pixel_as_on_matplotlibs_own_canvas(
    summary: report.Report, chart: str
) -> None:
    width = 595.0 - 2 * report_document.MARGIN
    plain = _pixels(FigureCanvasAgg(report_document.print_figures(summary, width)[chart]))
    print_canvas._heights.cache_clear()
    ours = _pixels(PrintCanvas(report_document.print_figures(summary, width)[chart]))
    assert ours.shape == plain.shape
    assert np.array_equal(ours, plain)
    # Not equal by doing nothing: matplotlib asked for the fonts' heights, and each was
    # worked out once and then reused (an older matplotlib that never asks fails here: the
    # canvas would then save nothing).
    asked = print_canvas._heights.cache_info()
    assert asked.hits > asked.misses > 0
