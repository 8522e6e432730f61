"""The chart functions draw exactly the statistics they are given (read back from the artists)."""

from __future__ import annotations

import dataclasses
import math
import subprocess
import sys
from datetime import date, datetime, time, timedelta

import matplotlib
import matplotlib.dates as mdates
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import QuadMesh
from matplotlib.colors import to_rgba, to_rgba_array
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle, StepPatch
from matplotlib.text import Text

from cramplog.analysis import stats
from cramplog.analysis.stats import (
    CalendarNight,
    FactorComparison,
    HourCount,
    MuscleCount,
    NightState,
    ReliefStat,
    TreatmentEffect,
    TrendPoint,
    WeekPoint,
)
from cramplog.core.nights import SleepHours
from cramplog.core.records import DayFactors, EpisodeInput, Side
from cramplog.diary.service import Diary
from cramplog.render import charts
from tests.conftest import LONDON

MONDAY = date(2026, 2, 16)


def bars(figure: Figure, gid: str) -> list[tuple[float, float, float, float]]:
    """(x, y, width, height) of every bar of the series named `gid`, in drawing order."""
    found = [c for ax in figure.axes for c in ax.collections if c.get_gid() == gid]
    assert len(found) <= 1
    rects = []
    for path in found[0].get_paths() if found else []:
        box = path.get_extents()
        rects.append((box.x0, box.y0, box.width, box.height))
    return rects


def heights(figure: Figure, gid: str) -> list[float]:
    return [h for _, _, _, h in bars(figure, gid)]


def widths(figure: Figure, gid: str) -> list[float]:
    return [w for _, _, w, _ in bars(figure, gid)]


def line(figure: Figure, gid: str) -> Line2D:
    (found,) = [ln for ax in figure.axes for ln in ax.lines if ln.get_gid() == gid]
    return found


def xdata(found: Line2D) -> list[float]:
    return [float(x) for x in np.asarray(found.get_xdata(), dtype=float)]


def ydata(found: Line2D) -> list[float]:
    """The line's points as numbers, NaN where it has none."""
    return [float(y) for y in np.asarray(found.get_ydata(), dtype=float)]


def day_of(x: float) -> date:
    """The date of a matplotlib date number."""
    moment: datetime = mdates.num2date(x)  # type: ignore[no-untyped-call]
    return moment.date()


def x_span(patch: object) -> tuple[float, float]:
    """Where a shaded band starts and ends along the x axis."""
    assert isinstance(patch, Rectangle)
    return (patch.get_x(), patch.get_x() + patch.get_width())


def drawn(figure: Figure) -> Figure:
    FigureCanvasAgg(figure).draw()  # type: ignore[no-untyped-call]
    return figure


def weeks(counts: list[int], recorded: list[int] | None = None) -> list[WeekPoint]:
    recorded = recorded or [7] * len(counts)
    return [
        WeekPoint(
            week_start=MONDAY + timedelta(weeks=i),
            episodes=n,
            cramp_nights=min(n, 7),
            recorded_nights=r,
            rolling_cramps_per_week=None if r == 0 else n / r * 7,
        )
        for i, (n, r) in enumerate(zip(counts, recorded, strict=True))
    ]


def treatment(name: str, started: date, stopped: date | None = None) -> TreatmentEffect:
    return TreatmentEffect(
        medication_id=1,
        name=name,
        dose="",
        med_class=None,
        for_cramps=True,
        started_on=started,
        stopped_on=stopped,
        before=None,
        after=None,
        before_episodes=0,
        before_recorded_nights=0,
        after_episodes=0,
        after_recorded_nights=0,
        enough_data=False,
    )


def test_weekly_bars_and_rolling_line_match_the_weeks() -> None:
    series = weeks([3, 0, 5, 2], recorded=[7, 0, 7, 6])
    result = charts.weekly_cramps_chart(series, charts.LIGHT)
    fig = drawn(result.figure)
    counts = bars(fig, "weekly-counts")
    assert [h for _, _, _, h in counts] == [3, 0, 5, 2]
    starts = [day_of(x - 0.4) for x, _, _, _ in counts]
    assert starts == [w.week_start for w in series]
    rolling = ydata(line(fig, "weekly-rolling"))
    expected = [w.rolling_cramps_per_week for w in series]
    assert [None if math.isnan(v) else pytest.approx(v) for v in rolling] == expected
    # The week with no recorded night is shaded as unknown, not shown as a quiet week.
    (gaps,) = [c for c in fig.axes[0].collections if c.get_gid() == "weekly-unrecorded"]
    assert len(gaps.get_paths()) == 1
    assert isinstance(fig.get_layout_engine(), ConstrainedLayoutEngine)
    assert "10 cramps over 4 weeks" in result.summary
    assert "1 week has no recorded night" in result.summary


def test_a_weekly_chart_updated_in_place_is_laid_out_as_one_drawn_anew() -> None:
    """Counts in the hundreds need wider labels on the count axis: the plot must move over
    for them even though the chart kept its axes from a period of single figures."""
    small = charts.weekly_cramps_chart(weeks([3, 0, 5, 2], [7, 0, 7, 6]), charts.LIGHT)
    (axes,) = drawn(small.figure).axes
    before = axes.get_position().bounds
    big = weeks([300, 0, 510, 220], [7, 0, 7, 6])
    updated = charts.weekly_cramps_chart(big, charts.LIGHT, figure=small.figure)
    fresh = charts.weekly_cramps_chart(big, charts.LIGHT)
    assert drawn(updated.figure).axes == [axes]
    (fresh_axes,) = drawn(fresh.figure).axes
    assert axes.get_position().bounds != before
    assert axes.get_position().bounds == pytest.approx(fresh_axes.get_position().bounds)
    assert heights(updated.figure, "weekly-counts") == [300, 0, 510, 220]
    assert [t.get_text() for t in axes.get_yticklabels()] == [
        t.get_text() for t in fresh_axes.get_yticklabels()
    ]
    assert updated.summary == fresh.summary
    # Every week recorded now: the shading and its legend entry go, as in a fresh chart.
    recorded = weeks([4, 1, 2, 3])
    again = charts.weekly_cramps_chart(recorded, charts.LIGHT, figure=small.figure)
    anew = charts.weekly_cramps_chart(recorded, charts.LIGHT)
    for chart in (drawn(again.figure), drawn(anew.figure)):
        assert [c.get_gid() for c in chart.axes[0].collections] == ["weekly-counts"]
        assert [t.get_text() for t in chart.legends[0].get_texts()] == [
            "Cramps in the week",
            "Average per week (4 weeks)",
        ]
    assert axes.get_position().bounds == pytest.approx(anew.figure.axes[0].get_position().bounds)
    assert again.summary == anew.summary


def test_a_week_the_period_cuts_short_reads_as_a_part_week_not_a_sudden_drop(
    diary: Diary,
) -> None:
    """The period runs from Thursday 5 February to Tuesday 3 March, two nights into its
    week: the first and last weeks hold 4 and 2 of their 7 nights, and their bars are drawn
    lighter and say so. Whole weeks keep the full colour, one with unrecorded nights too
    (its count is of the whole week)."""
    diary.declare_span(date(2026, 2, 5), date(2026, 2, 15))
    for night in range(16, 22):  # the week of 16 February, its Sunday the 22nd unrecorded
        diary.set_day(date(2026, 2, night), DayFactors(reviewed=True))
    diary.declare_span(date(2026, 2, 23), date(2026, 3, 3))
    for day in (5, 6, 10, 12, 17, 19, 24, 26):
        diary.add_episode(
            EpisodeInput(start=datetime(2026, 2, day, 3, 0, tzinfo=LONDON), muscle="muscle.calf")
        )
    diary.add_episode(
        EpisodeInput(start=datetime(2026, 3, 3, 3, 0, tzinfo=LONDON), muscle="muscle.calf")
    )
    numbers = stats.compute(diary, stats.Period(date(2026, 2, 5), date(2026, 3, 3)))
    assert [w.recorded_nights for w in numbers.weekly] == [4, 7, 6, 7, 2]
    assert [w.nights for w in numbers.weekly] == [4, 7, 7, 7, 2]
    result = charts.weekly_cramps_chart(numbers.weekly, charts.LIGHT)
    fig = drawn(result.figure)
    (counts,) = [c for c in fig.axes[0].collections if c.get_gid() == "weekly-counts"]
    alphas = [round(float(face[3]), 2) for face in to_rgba_array(counts.get_facecolor())]
    assert alphas == [0.35, 1.0, 1.0, 1.0, 0.35]
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "Part week (at the period's edge)" in legend
    # The legend's swatch for a week's cramps is a whole week's colour, not the first bar's.
    swatch = fig.legends[0].legend_handles[0]
    assert isinstance(swatch, Patch) and to_rgba(swatch.get_facecolor())[3] == 1.0
    assert "2 weeks lie only partly in the period; their bars are drawn lighter." in (
        result.summary
    )
    # The same chart redrawn in place for whole weeks only: every bar full again.
    whole = charts.weekly_cramps_chart(weeks([3, 2, 4]), charts.LIGHT, figure=result.figure)
    (counts,) = [c for c in whole.figure.axes[0].collections if c.get_gid() == "weekly-counts"]
    assert {float(face[3]) for face in to_rgba_array(counts.get_facecolor())} == {1.0}
    assert "Part week (at the period's edge)" not in [
        t.get_text() for t in whole.figure.legends[0].get_texts()
    ]


def test_the_rolling_line_starts_where_a_week_of_nights_was_recorded_not_at_zero(
    diary: Diary,
) -> None:
    """Reviewed from Thursday 19 February only: the week of 16 February holds 4 recorded
    nights, too few to rate, so the line has no point there (it used to start at 0)."""
    for offset in range(21):  # 19 February to 11 March
        diary.mark_cramp_free(date(2026, 2, 19) + timedelta(days=offset))
    diary.add_episode(
        EpisodeInput(start=datetime(2026, 3, 12, 3, 0, tzinfo=LONDON), muscle="muscle.calf")
    )
    numbers = stats.compute(diary, stats.Period(date(2026, 2, 2), date(2026, 3, 11)))
    fig = drawn(charts.weekly_cramps_chart(numbers.weekly, charts.LIGHT).figure)
    rolling = ydata(line(fig, "weekly-rolling"))
    assert [w.recorded_nights for w in numbers.weekly] == [0, 0, 4, 7, 7, 3]
    assert [math.isnan(v) for v in rolling] == [True, True, True, False, False, False]
    assert rolling[3:] == [0.0, 0.0, pytest.approx(1 / 21 * 7)]


def test_a_latest_average_of_zero_is_still_stated() -> None:
    result = charts.weekly_cramps_chart(weeks([0, 0]), charts.LIGHT)
    assert "The latest 4-week average is 0.0 a week." in result.summary


def test_treatment_starts_and_stops_are_marked_inside_the_weeks_only() -> None:
    series = weeks([1, 2, 3, 4])
    inside = treatment("Quinine $200mg$", MONDAY + timedelta(days=3), MONDAY + timedelta(days=20))
    outside = treatment("Old pill", MONDAY - timedelta(days=60))
    result = charts.weekly_cramps_chart(series, charts.LIGHT, treatments=[inside, outside])
    fig = drawn(result.figure)
    started = line(fig, "treatment-started")
    stopped = line(fig, "treatment-stopped")
    assert day_of(xdata(started)[0]) == inside.started_on
    assert day_of(xdata(stopped)[0]) == inside.stopped_on
    names = [t for t in fig.axes[0].texts if "Quinine" in t.get_text()]
    assert names and all(not t.get_parse_math() for t in names)
    assert "Old pill" not in result.summary and "Quinine $200mg$ started" in result.summary


def test_many_weeks_draw_as_one_stepped_outline_with_the_same_counts() -> None:
    counts = [i % 9 for i in range(300)]
    fig = drawn(charts.weekly_cramps_chart(weeks(counts), charts.LIGHT).figure)
    (steps,) = [p for p in fig.axes[0].patches if isinstance(p, StepPatch)]
    assert steps.get_gid() == "weekly-counts"
    values, edges, _baseline = steps.get_data()
    assert list(values) == counts
    # Each step begins on its own week's Monday (across leap years) and the last ends a week on.
    week_starts = [w.week_start for w in weeks(counts)]
    ends = [*week_starts, week_starts[-1] + timedelta(days=7)]
    expected = [float(mdates.date2num(day)) for day in ends]  # type: ignore[no-untyped-call]
    assert list(edges) == expected
    assert fig.axes[0].get_xlim() == (expected[0], expected[-1])
    assert fig.axes[0].get_ylim()[1] > max(counts)


def test_hour_of_night_starts_at_the_boundary_and_shades_the_night() -> None:
    by_hour = [HourCount(h, h % 5, None if h % 5 == 0 else float(h % 10)) for h in range(24)]
    result = charts.hour_of_night_chart(by_hour, charts.DARK, boundary_hour=12)
    fig = drawn(result.figure)
    order = [(12 + i) % 24 for i in range(24)]
    assert heights(fig, "hour-counts") == [h % 5 for h in order]
    intensity = ydata(line(fig, "hour-intensity"))
    for position, hour in enumerate(order):
        expected = by_hour[hour].mean_intensity
        assert (math.isnan(intensity[position]) and expected is None) or intensity[
            position
        ] == expected
    bands = [p for p in fig.axes[0].patches if p.get_gid() == "night-band"]
    # The default sleep hours, 22:00–08:00, are one run when the day starts at noon.
    assert len(bands) == 1
    assert x_span(bands[0]) == (order.index(22) - 0.5, order.index(7) + 0.5)
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert labels[0] == "12" and "00" in labels


def test_the_shaded_hours_are_the_persons_own_sleep_hours() -> None:
    by_hour = [HourCount(h, 1, 5.0) for h in range(24)]
    late = SleepHours(time(1, 0), time(9, 30))  # a night-shift sleeper, asleep 01:00–09:30
    result = charts.hour_of_night_chart(by_hour, charts.LIGHT, boundary_hour=12, sleep_hours=late)
    fig = drawn(result.figure)
    order = [(12 + i) % 24 for i in range(24)]
    (band,) = [p for p in fig.axes[0].patches if p.get_gid() == "night-band"]
    assert x_span(band) == (
        order.index(1) - 0.5,
        order.index(9) + 0.5,
    )
    assert "began in the usual sleep hours (01:00–09:30)" in result.summary


def test_cramps_with_no_time_noted_are_left_out_and_counted_under_the_hours() -> None:
    by_hour = [HourCount(h, 1 if h == 2 else 0, None) for h in range(24)]
    result = charts.hour_of_night_chart(by_hour, charts.LIGHT, time_not_noted=3)
    fig = drawn(result.figure)
    assert sum(heights(fig, "hour-counts")) == 1
    assert fig.axes[0].get_xlabel() == (
        "Hour the cramp began (not shown: 3 cramps, time not noted)"
    )
    assert result.summary.endswith("(not shown: 3 cramps, time not noted).")


def test_with_a_midnight_boundary_the_night_band_wraps_into_two() -> None:
    by_hour = [HourCount(h, 1, 5.0) for h in range(24)]
    fig = drawn(charts.hour_of_night_chart(by_hour, charts.LIGHT, boundary_hour=0).figure)
    assert len([p for p in fig.axes[0].patches if p.get_gid() == "night-band"]) == 2


def test_the_calendar_grid_holds_each_nights_state() -> None:
    first = date(2026, 3, 4)  # a Wednesday
    states = [
        CalendarNight(first, NightState.CRAMP_FREE, 0),
        CalendarNight(first + timedelta(1), NightState.UNRECORDED, 0),
        CalendarNight(first + timedelta(2), NightState.CRAMPS, 1),
        CalendarNight(first + timedelta(3), NightState.CRAMPS, 6),
    ]
    result = charts.calendar_chart(states, charts.LIGHT)
    fig = drawn(result.figure)
    (mesh,) = [c for c in fig.axes[0].collections if isinstance(c, QuadMesh)]
    array = mesh.get_array()
    assert array is not None
    grid = array.reshape(7, -1)
    column = [int(grid[row][0]) for row in range(7)]
    # Monday and Tuesday lie before the first night; the rest follow the states.
    assert column == [
        charts.patterns.CALENDAR_OUTSIDE,
        charts.patterns.CALENDAR_OUTSIDE,
        charts.patterns.CALENDAR_CRAMP_FREE,
        charts.patterns.CALENDAR_UNRECORDED,
        charts.patterns.CALENDAR_CRAMPS,
        charts.patterns.CALENDAR_CRAMPS + 3,  # six cramps show as "4 or more"
        charts.patterns.CALENDAR_OUTSIDE,
    ]
    colours = mesh.get_cmap()
    free = colours(charts.patterns.CALENDAR_CRAMP_FREE)
    unrecorded = colours(charts.patterns.CALENDAR_UNRECORDED)
    assert free != unrecorded
    assert "2 nights with cramps, 1 cramp-free reviewed night, 1 night with no record" in (
        result.summary
    )


def month_ticks(first: date) -> dict[str, float]:
    nights = [CalendarNight(first + timedelta(i), NightState.UNRECORDED, 0) for i in range(40)]
    fig = drawn(charts.calendar_chart(nights, charts.LIGHT).figure)
    return {t.get_text(): t.get_position()[0] for t in fig.axes[0].get_xticklabels()}


def test_month_labels_sit_on_the_week_holding_the_first() -> None:
    # 1 June 2026 is a Monday: the second column when the grid starts on 25 May.
    assert month_ticks(date(2026, 5, 25)) == {"Jun": 1.0, "Jul": 5.0}  # no room for "May"
    assert month_ticks(date(2026, 5, 4)) == {"May": 0.0, "Jun": 4.0}
    # 1 July is a Wednesday: its label goes on the week of Monday 29 June.
    assert month_ticks(date(2026, 6, 15))["Jul"] == 2.0


def test_muscle_bars_split_by_side_with_labels_drawn_literally() -> None:
    muscles = [
        MuscleCount("muscle.calf", "Calf", 5, ((Side.LEFT, 3), (Side.RIGHT, 2))),
        MuscleCount("custom.muscle.x", "My $x$ toe", 2, ((Side.BOTH, 2),)),
    ]
    result = charts.muscle_side_chart(muscles, charts.PRINT)
    fig = drawn(result.figure)
    assert widths(fig, "side-left") == [3, 0]
    assert widths(fig, "side-right") == [2, 0]
    assert widths(fig, "side-both") == [0, 2]
    assert not bars(fig, "side-n/a")  # no cramp without a side: no empty series
    labels = fig.axes[0].get_yticklabels()
    assert [t.get_text() for t in labels] == ["Calf", "My $x$ toe"]
    assert all(not t.get_parse_math() for t in labels)
    assert "Calf 5 (left 3, right 2)" in result.summary


def test_intensity_and_duration_lines_follow_the_trend() -> None:
    trend = [
        TrendPoint(MONDAY, "week", 3, 5.0, 8, 90.0),
        TrendPoint(MONDAY + timedelta(weeks=1), "week", 1, None, None, 600.0),
    ]
    result = charts.intensity_duration_chart(trend, charts.LIGHT)
    fig = drawn(result.figure)
    median = ydata(line(fig, "trend-intensity-median"))
    assert median[0] == 5.0 and math.isnan(median[1])
    assert ydata(line(fig, "trend-duration-median")) == [1.5, 10.0]
    assert ydata(line(fig, "trend-intensity-worst"))[0] == 8
    assert "from 1 min 30 s to 10 min" in result.summary


def test_relief_bars_split_by_rating() -> None:
    reliefs = [
        ReliefStat("relief.stretch", "Gentle stretching", 10, 6, 2, 1, 1),
        ReliefStat("relief.heat", "Heat", 2, 0, 0, 2, 0),
    ]
    result = charts.relief_chart(reliefs, charts.LIGHT)
    fig = drawn(result.figure)
    assert widths(fig, "relief-helped") == [6, 0]
    assert widths(fig, "relief-a_little") == [2, 0]
    assert widths(fig, "relief-not_helped") == [1, 2]
    assert widths(fig, "relief-unrated") == [1, 0]
    assert "Gentle stretching tried 10 times, helped at least a little 89%" in result.summary


def comparison(label: str, enough: bool, cramp: float, free: float) -> FactorComparison:
    return FactorComparison(
        factor=label.lower(),
        trigger=f"trigger.{label.lower()}",
        label=label,
        description=label,
        cramp_nights_present=3,
        cramp_nights_recorded=10 if enough else 2,
        cramp_free_nights_present=1,
        cramp_free_nights_recorded=10,
        enough_data=enough,
        share_of_cramp_nights=cramp if enough else None,
        share_of_cramp_free_nights=free if enough else None,
    )


def test_the_trigger_comparison_draws_shares_and_names_missing_data() -> None:
    factors = [comparison("Heat", True, 0.6, 0.2), comparison("Alcohol", False, 0, 0)]
    result = charts.trigger_comparison_chart(factors, charts.LIGHT)
    fig = drawn(result.figure)
    assert widths(fig, "factor-cramp-nights") == [60.0, 0.0]
    assert widths(fig, "factor-cramp-free-nights") == [20.0, 0.0]
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["Heat ▲", "Alcohol (not enough data)"]
    assert "not a cause" in fig.axes[0].get_title(loc="left")
    assert "1 of 2 have enough data" in result.summary and "not a cause" in result.summary


@pytest.mark.parametrize(
    "build",
    [
        lambda style: charts.weekly_cramps_chart([], style),
        lambda style: charts.calendar_chart([], style),
        lambda style: charts.muscle_side_chart([], style),
        lambda style: charts.intensity_duration_chart([], style),
        lambda style: charts.relief_chart([], style),
        lambda style: charts.trigger_comparison_chart([], style),
    ],
)
def test_an_empty_period_draws_a_message_not_an_error(build: object) -> None:
    result = build(charts.LIGHT)  # type: ignore[operator]
    drawn(result.figure)
    texts = [t.get_text() for ax in result.figure.axes for t in ax.texts]
    assert any(text.startswith("No ") for text in texts)
    assert result.summary.startswith("No ")


def test_a_figure_can_be_reused_and_styles_never_leak_into_global_settings() -> None:
    before = dict(matplotlib.rcParams)
    first = charts.relief_chart([ReliefStat("relief.heat", "Heat", 1, 1, 0, 0, 0)], charts.DARK)
    again = charts.relief_chart(
        [ReliefStat("relief.heat", "Heat", 4, 1, 0, 0, 3)], charts.DARK, figure=first.figure
    )
    assert again.figure is first.figure
    assert widths(drawn(again.figure), "relief-unrated") == [3]
    assert first.figure.get_facecolor() == matplotlib.colors.to_rgba(charts.DARK.background)
    assert dict(matplotlib.rcParams) == before


def test_every_text_of_a_chart_is_drawn_without_maths(tmp_path: object) -> None:
    muscles = [MuscleCount("custom.muscle.x", r"Cost $\alpha$ 5$", 1, ((Side.LEFT, 1),))]
    fig = drawn(charts.muscle_side_chart(muscles, charts.LIGHT).figure)
    texts = [t for t in fig.findobj(Text) if t.get_text()]
    assert texts and all(not t.get_parse_math() for t in texts if "$" in t.get_text())


def test_the_charts_never_load_pyplot_or_qt() -> None:
    script = (
        "import sys\n"
        "from cramplog.render import charts\n"
        "from cramplog.analysis.stats import HourCount\n"
        "charts.hour_of_night_chart([HourCount(2, 1, 5.0)], charts.PRINT).figure.savefig"
        "(__import__('io').BytesIO())\n"
        "print(','.join(sorted(m for m in sys.modules if m == 'matplotlib.pyplot' "
        "or m.startswith('PySide6'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_date_ticks_choose_weeks_months_or_years_and_stay_inside_the_span() -> None:
    four_weeks = charts.patterns.date_ticks(date(2026, 2, 12), date(2026, 3, 11))
    assert four_weeks == [
        (date(2026, 2, 16), "16 Feb"),
        (date(2026, 2, 23), "23 Feb"),
        (date(2026, 3, 2), "2 Mar"),
        (date(2026, 3, 9), "9 Mar"),
    ]
    year = charts.patterns.date_ticks(date(2025, 3, 12), date(2026, 3, 11))
    assert [label for _, label in year][:2] == ["Apr 2025", "Jun"]
    assert [label for _, label in year][-1] == "Feb 2026" and len(year) <= 8
    decades = charts.patterns.date_ticks(date(1926, 11, 22), date(2026, 11, 20))
    assert len(decades) <= 8 and all(label.isdigit() for _, label in decades)
    for first, last, ticks in (
        (date(2026, 2, 12), date(2026, 3, 11), four_weeks),
        (date(2025, 3, 12), date(2026, 3, 11), year),
        (date(1926, 11, 22), date(2026, 11, 20), decades),
    ):
        assert all(first <= day <= last for day, _ in ticks)


CHART_MODULES = (
    "calendar_grid",
    "drawing",
    "hours",
    "muscles",
    "reliefs",
    "trend",
    "triggers",
    "weekly",
)


def test_every_title_label_and_legend_of_a_chart_is_shown_in_the_persons_language() -> None:
    """Each chart's words go through the catalogue: in a pseudo-language that brackets every
    message, no title, axis label, legend entry or summary is left as written in English."""
    from cramplog.core import translation
    from tests.unit.core.test_translation import Pseudo, extracted

    translation.install(
        Pseudo(extracted(tuple(f"render/charts/{name}.py" for name in CHART_MODULES)))
    )
    results = [
        charts.weekly_cramps_chart(
            weeks([3, 0, 5, 2], recorded=[7, 0, 7, 6]),
            charts.PRINT,
            treatments=[treatment("Magnesium", MONDAY + timedelta(days=8))],
        ),
        charts.hour_of_night_chart(
            [HourCount(h, h % 3, 5.0) for h in range(24)], charts.PRINT, time_not_noted=2
        ),
        charts.muscle_side_chart([MuscleCount("m", "Calf", 3, ((Side.LEFT, 3),))], charts.PRINT),
        charts.relief_chart([ReliefStat("r", "Massage", 4, 2, 1, 1, 0)], charts.PRINT),
        charts.trigger_comparison_chart(
            [comparison("Heat", True, 0.6, 0.2), comparison("Alcohol", False, 0.5, 0.1)],
            charts.PRINT,
        ),
    ]
    for result in results:
        fig = drawn(result.figure)
        ax = fig.axes[0]
        shown = [result.title, ax.get_title(loc="left"), ax.get_xlabel(), ax.get_ylabel()]
        if result.title != "⟦Where: muscle and side⟧":  # its legend names the sides (core's)
            shown += [text.get_text() for legend in fig.legends for text in legend.get_texts()]
        # Ticks are numbers, dates and the person's own words; everything else is ours.
        untranslated = [t for t in shown if t and not t.startswith("⟦")]
        assert untranslated == [], result.title
        assert result.summary.startswith("⟦"), result.summary


@pytest.mark.parametrize("chart", ["weekly", "hours"])
def test_a_print_chart_puts_its_title_where_matplotlibs_own_placing_would(chart: str) -> None:
    # The print style places each title just above its plot without measuring what is
    # drawn there: on paper it must sit exactly where matplotlib's own placing puts it.
    series = weeks([3, 0, 5, 2, 8, 1], recorded=[7, 0, 7, 6, 7, 7])
    by_hour = [HourCount(h, h % 5, None if h % 5 == 0 else float(h % 10)) for h in range(24)]

    def draw(style: charts.ChartStyle) -> Figure:
        if chart == "weekly":
            started = series[2].week_start
            result = charts.weekly_cramps_chart(
                series, style, treatments=[treatment("Magnesium", started)]
            )
        else:
            result = charts.hour_of_night_chart(by_hour, style, time_not_noted=2)
        return drawn(result.figure)

    assert charts.PRINT.title_y is not None and charts.LIGHT.title_y is None
    fixed = draw(charts.PRINT)
    automatic = draw(dataclasses.replace(charts.PRINT, title_y=None))
    titles = 0
    for ax_fixed, ax_auto in zip(fixed.axes, automatic.axes, strict=True):
        for ours, theirs in zip(ax_fixed.findobj(Text), ax_auto.findobj(Text), strict=True):
            assert ours.get_text() == theirs.get_text()
            if ours.get_text() and ours.get_visible():
                box, auto_box = ours.get_window_extent(), theirs.get_window_extent()
                assert box.bounds == pytest.approx(auto_box.bounds, abs=0.01), ours.get_text()
        titles += bool(ax_fixed.get_title(loc="left"))
    assert titles == 1
