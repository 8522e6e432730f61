"""The appendix's rows read once into compact tuples of shared texts, ready to be wrapped."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

from cramplog.analysis import report as reports
from cramplog.core import conventions, nights, wording
from cramplog.core.records import ReliefRating, Side
from cramplog.core.translation import _
from cramplog.render.report_document.typesetting import one_line

# Marks a symptom the checklist names a warning sign; a shape, so it reads in black and white.
WARNING_MARK: Final = "⚠"
MARKS: Final = {
    ReliefRating.HELPED: "✓",
    ReliefRating.A_LITTLE: "~",
    ReliefRating.NOT_HELPED: "✗",
    None: "•",
}
# Marks a suspected trigger in its column: a filled diamond, its corners unlike any relief
# mark; a round dot, larger or not, would read as the "not rated" • on paper. The print
# font must have it (tested): DejaVu Sans does.
TRIGGER_MARK: Final = "◆"
_NO_TIME: Final = "–"
_TIME_NOT_NOTED_NOTE: Final = nights.TIME_NOT_NOTED.capitalize() + "."

# Where each cell sits in a compact row (a tuple, so a 100-year appendix stays small): the
# one-line cells, the marks (relief methods', then triggers'), then the texts wrapped within
# their columns.
NIGHT, CLOCK, SIDE, DURATION, INTENSITY, WOKE, MARK_CELLS, WRAPPED = range(8)
# The wrapped cells, in this order: muscle, also tried, symptoms, other triggers, notes.
WRAPPED_CELLS: Final = 5


def _minutes_seconds(seconds: int | None) -> str:
    """A duration as the "Min:s" column writes it: "2:30", "65:00" (hours as minutes, since
    "1:05:00" does not fit the column and would read as a minute)."""
    return "" if seconds is None else f"{seconds // 60}:{seconds % 60:02d}"


@dataclass
class CompactRows:
    """The rows, the rows a new month starts at (with its heading), how many rows share each
    combination of wrapped texts (to choose the columns' widths), and how many were read."""

    rows: list[tuple[Any, ...]] = field(default_factory=list)
    month_rows: list[tuple[int, str]] = field(default_factory=list)
    combinations: dict[tuple[str, ...], int] = field(default_factory=dict)
    count: int = 0


# Over 60 lines because it is one hot loop over every cramp, its caches kept in locals.
def compact_rows(
    rows: Iterator[reports.PlainRow],
    *,
    relief_labels: Mapping[str, str],
    relief_codes: Mapping[str, int],
    trigger_columns: Mapping[str, int],
) -> CompactRows:
    """Every episode (AppendixRow's fields as a plain tuple) as a compact row of shared
    texts, with what choosing widths needs.

    A relief method in `relief_codes` (code → its mark's place) or a trigger in
    `trigger_columns` (code → its mark's place after the reliefs') is a mark in its column;
    the others are named in the "also tried" and "other triggers" texts.

    Written for speed (15,000 rows in well under 0.1 s): what repeats is formatted once
    (nights, clocks, durations, and the sets of reliefs, symptoms and triggers), and no
    strftime (it imports `time` on every call)."""
    result = CompactRows()
    # Woke: "no" is an answer and says so; not answered is left blank (the legend says so).
    woke_texts = {True: _("yes"), False: _("no"), None: ""}
    # L and R are how clinicians write sides; the legend says so. Keyed by the side's label,
    # as the row gives it (in the person's language).
    # Translators: "L" and "R" are the appendix's short left and right.
    short_sides = {Side.LEFT.label: _("L"), Side.RIGHT.label: _("R")}
    append = result.rows.append
    combinations = result.combinations
    interned: dict[tuple[str, ...], tuple[str, ...]] = {}
    month_rows = result.month_rows
    labels = relief_labels
    codes = relief_codes
    empty_marks = ("",) * len(codes)
    tried: dict[tuple[tuple[str, ReliefRating | None], ...], tuple[tuple[str, ...], str]] = {}
    felt: dict[tuple[tuple[str, bool], ...], str] = {}
    suspected: dict[tuple[tuple[str, str], ...], tuple[tuple[str, ...], str]] = {}
    empty_triggers = ("",) * len(trigger_columns)
    all_marks: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[str, ...]] = {}
    muscles: dict[str, str] = {}
    sides: dict[str, str] = {}
    durations: dict[int | None, str] = {}
    intensities: dict[int | None, str] = {}
    # The locale's names and clock; each minute's text is written once, not per cramp.
    week_names = conventions.current().weekdays
    night_texts: dict[tuple[int, int], str] = {}
    clock_texts: dict[tuple[int, int], str] = {}
    previous_night: date | None = None
    month = (0, 0)
    count = 0
    for (
        night,
        start,
        muscle_label,
        side_label,
        duration_s,
        intensity_value,
        woke,
        reliefs,
        notes,
        symptom_labels,
        trigger_labels,
        time_noted,
    ) in rows:
        # A night's date is written once, on its first cramp: the list reads like a diary.
        if night == previous_night:
            night_text = ""
        else:
            day = (night.weekday(), night.day)
            night_text = night_texts.get(day) or night_texts.setdefault(
                day, f"{week_names[day[0]]} {day[1]}"
            )
            previous_night = night
            if (night.year, night.month) != month:
                month = (night.year, night.month)
                month_rows.append((count, wording.month_year(night, long=True)))
        muscle = muscles.get(muscle_label)
        if muscle is None:
            muscle = muscles[muscle_label] = one_line(muscle_label)
        found = tried.get(reliefs)
        if found is None:
            marks = list(empty_marks)
            named = []
            for code, rating in reliefs:
                column_index = codes.get(code)
                if column_index is None:
                    # A no-break space: a mark never starts a line away from its method.
                    named.append(one_line(labels.get(code, code)) + "\u00a0" + MARKS[rating])
                else:
                    marks[column_index] = MARKS[rating]
            found = tried[reliefs] = (tuple(marks), ", ".join(named))
        symptoms = felt.get(symptom_labels)
        if symptoms is None:
            symptoms = felt[symptom_labels] = ", ".join(
                f"{WARNING_MARK} {one_line(label)}" if warning else one_line(label)
                for label, warning in symptom_labels
            )
        noted = suspected.get(trigger_labels)
        if noted is None:
            placed = list(empty_triggers)
            others = []
            for code, label in trigger_labels:
                place = trigger_columns.get(code)
                if place is None:
                    others.append(one_line(label))
                else:
                    placed[place] = TRIGGER_MARK
            noted = suspected[trigger_labels] = (tuple(placed), ", ".join(others))
        trigger_marks, triggers = noted
        if notes:
            notes = notes.replace("\r\n", "\n").replace("\r", "\n")
        if time_noted:
            minute = (start.hour, start.minute)
            clock = clock_texts.get(minute)
            if clock is None:
                clock = clock_texts[minute] = wording.clock(start)
        else:
            # The time column is a clock wide: it holds a dash, and the notes (the widest
            # column) say why, first.
            clock = _NO_TIME
            notes = _TIME_NOT_NOTED_NOTE + (f" {notes}" if notes else "")
        side = sides.get(side_label)
        if side is None:
            side = sides[side_label] = short_sides.get(side_label, side_label)
        duration = durations.get(duration_s)
        if duration is None:
            duration = durations[duration_s] = _minutes_seconds(duration_s)
        intensity = intensities.get(intensity_value)
        if intensity is None:
            intensity = intensities[intensity_value] = (
                "" if intensity_value is None else str(intensity_value)
            )
        relief_marks, other = found
        pair = (relief_marks, trigger_marks)
        row_marks = all_marks.get(pair)
        if row_marks is None:
            row_marks = all_marks[pair] = relief_marks + trigger_marks
        # The wrapped cells as one shared tuple: its lines and height are worked out once.
        cells = (muscle, other, symptoms, triggers, notes)
        shared = interned.setdefault(cells, cells)
        combinations[shared] = combinations.get(shared, 0) + 1
        append(
            (
                night_text,
                clock,
                side,
                duration,
                intensity,
                woke_texts[woke],
                row_marks,
                shared,
            )
        )
        count += 1
    result.count = count
    return result
