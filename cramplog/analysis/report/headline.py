"""The headline numbers as rows of the report, each against the comparison period."""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import TYPE_CHECKING

from cramplog.analysis import stats
from cramplog.analysis.report.content import HeadlineRow
from cramplog.analysis.report.formatting import DASH, format_number
from cramplog.core import nights, value_class, wording

if TYPE_CHECKING:
    pass


def change(
    mine: float | None,
    theirs: float | None,
    *,
    digits: int = 1,
    points: bool = False,
    seconds: bool = False,
) -> str | None:
    """The change from `theirs` to `mine`, worked from the two values as the row shows them,
    so that the three cells always agree: "+1.2", "-3 pts", "-15 s", or "no change".

    `digits` is how many decimals the row shows; shares (`points`) change by the difference
    of their whole percentages ("97%" against "98%" reads "-1 pt", never "-0 pts"), and
    durations (`seconds`) by that of the durations as worded ("1 h" against "1 h" is no
    change, whatever the seconds under them)."""
    if mine is None or theirs is None:
        return None
    if points:
        difference: float = wording.whole_percent(mine) - wording.whole_percent(theirs)
        shown = wording.number(abs(difference)) + (" pt" if abs(difference) == 1 else " pts")
    elif seconds:
        difference = wording.shown_seconds(mine) - wording.shown_seconds(theirs)
        shown = wording.duration(abs(difference))
    else:
        difference = wording.shown(mine, digits) - wording.shown(theirs, digits)
        difference = wording.shown(difference, digits)  # no float residue: 6.0 - 5.9
        shown = wording.number(abs(difference), digits)
    if difference == 0:
        return "no change"
    return f"{'+' if difference > 0 else '-'}{shown}"


# Over 60 lines because it is a table: one row() per headline number, in reading order.
def headline_rows(numbers: stats.PatternStats) -> tuple[HeadlineRow, ...]:
    """Item 3, in reading order, each against the comparison period when there is one.

    A comparison period with too few recorded nights (`stats.PatternStats.comparable`) gives
    rows without a comparison, never a made-up change; `Report.comparison_withheld` says why.
    """
    if not numbers.comparable:
        numbers = value_class.replace(numbers, comparison=None)
    base = numbers.comparison

    def row(
        key: str,
        label: str,
        shown: Callable[[stats.PatternStats], str],
        figure: str | None,
        *,
        digits: int = 1,
        points: bool = False,
        seconds: bool = False,
        tally: bool = False,
    ) -> HeadlineRow:
        """A row of a figure: its text for this period and the comparison's (`shown`), and
        the change between the two periods' values of the field `figure` (None: no change)."""
        # A count (`tally`) of one period against another's means something only over as
        # many recorded nights: 90 cramps on 71 nights against 12 on 18 is no "+78".
        moved = None
        if (
            base is not None
            and figure is not None
            and (not tally or base.recorded_nights == numbers.recorded_nights)
        ):
            value = attrgetter(figure)
            moved = change(
                value(numbers), value(base), digits=digits, points=points, seconds=seconds
            )
        return HeadlineRow(
            key=key,
            label=label,
            value=shown(numbers),
            comparison=None if base is None else shown(base),
            change=moved,
        )

    def rate(field: str) -> Callable[[stats.PatternStats], str]:
        return lambda s: format_number(getattr(s, field))

    def count(field: str) -> Callable[[stats.PatternStats], str]:
        return lambda s: str(getattr(s, field))

    def share_text(s: stats.PatternStats) -> str:
        share = s.share_of_reviewed_nights_with_cramps
        if share is None:
            return DASH
        return f"{wording.percent(share)} ({s.recorded_cramp_nights} of {s.recorded_nights})"

    def sleep_text(s: stats.PatternStats) -> str:
        if s.sleep_disturbance_mean is None:
            return DASH
        return f"{wording.figure(s.sleep_disturbance_mean, wording.Figure.SCORE)} / 10"

    # "6.0 / 10" beside "Sleep disturbance 5.3 / 10" read as a score out of 10, where it
    # meant a median of 6.0 and a worst of 10: the second figure is named in brackets.
    def intensity_text(s: stats.PatternStats) -> str:
        if s.intensity_median is None:
            return DASH
        worst = format_number(s.intensity_worst)
        return f"{format_number(s.intensity_median)} (worst {worst})"

    def duration_text(s: stats.PatternStats) -> str:
        if s.duration_median_s is None:
            return DASH
        longest = wording.duration(s.longest_duration_s)
        return f"{wording.duration(s.duration_median_s)} (longest {longest})"

    def split_text(s: stats.PatternStats) -> str:
        inferred = s.nocturnal_inferred + s.daytime_inferred
        text = f"{s.nocturnal} / {s.daytime}" + (f" ({inferred} inferred)" if inferred else "")
        if s.timing_unknown:
            text += f"; {s.timing_unknown} not known, {nights.TIME_NOT_NOTED}"
        return text

    rows = [
        row("cramps_per_week", "Cramps per week", rate("cramps_per_week"), "cramps_per_week"),
        row(
            "episodes",
            "Cramps in the period",
            count("episodes"),
            "episodes",
            digits=0,
            tally=True,
        ),
        row(
            "cramp_nights_per_week",
            "Nights with cramps per week",
            rate("cramp_nights_per_week"),
            "cramp_nights_per_week",
        ),
        row(
            "share_of_reviewed_nights_with_cramps",
            "Recorded nights with cramps",
            share_text,
            "share_of_reviewed_nights_with_cramps",
            points=True,
        ),
        row("intensity", "Intensity 0–10, median (worst)", intensity_text, "intensity_median"),
        row(
            "duration",
            "Duration, median (longest)",
            duration_text,
            "duration_median_s",
            seconds=True,
        ),
        row(
            "cramps_over_10_min",
            "Cramps over 10 minutes",
            count("cramps_over_10_min"),
            "cramps_over_10_min",
            digits=0,
            tally=True,
        ),
        row("sleep_disturbance", "Sleep disturbance (mean)", sleep_text, "sleep_disturbance_mean"),
        # Two counts side by side: no one change says how both moved.
        row("nocturnal", "Night-time / daytime cramps", split_text, None),
    ]
    return tuple(rows)
