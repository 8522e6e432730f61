"""The GP summary's content: what page one and the appendix say, as frozen plain values.

A package: `content` (the wording, sections and frozen rows), `formatting`, `headline` and
`tables` (the rows built from the statistics); `build_report` puts them together here, and
every public name is re-exported, so `from cramplog.analysis import report` keeps working.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import TYPE_CHECKING, Final

from cramplog.analysis import stats, warning_signs
from cramplog.analysis.report import tables
from cramplog.analysis.report.appendix import Appendix, PlainRow, relief_labels
from cramplog.analysis.report.content import (
    ALL_SECTIONS,
    APPENDIX_RELIEF_COLUMNS,
    DISCLAIMER,
    MEDICATION_FLAG,
    MEDICATION_NOTE,
    NO_WARNING_SIGNS,
    NOTHING_TO_SHOW,
    TITLE,
    TRIGGER_NOTE,
    AppendixRow,
    ChartInputs,
    FactorRow,
    Header,
    HeadlineRow,
    MedicationRow,
    MuscleRow,
    ReliefColumn,
    ReliefRow,
    Report,
    Section,
    SuspectedTrigger,
    WarningLine,
)
from cramplog.analysis.report.formatting import (
    CITED_PER_WARNING,
    DASH,
    format_cited,
    format_date,
    format_number,
    format_period,
    format_share,
    short_label,
)
from cramplog.analysis.report.headline import headline_rows
from cramplog.core import wording
from cramplog.core.translation import _

if TYPE_CHECKING:
    from cramplog.diary.view import DiaryFigures


# The longest name the header takes (the Summary page's field and `report --name`): a longer
# one fills page one and pushes the doctor's figures off it.
MOST_NAME: Final = 200


# Over 60 lines because it names each part of Report once; the parts are built in `tables`
# and `headline`.
def build_report(
    diary: DiaryFigures,
    *,
    period: stats.Period,
    comparison: stats.Period | None = None,
    sections: Collection[Section] = ALL_SECTIONS,
    name: str | None = None,
    date_of_birth: date | None = None,
    questions: str = "",
    comparison_label: str | None = None,
) -> Report:
    """The report of `period` (compared with `comparison`, if given) for the person's GP.

    `name` and `date_of_birth` appear in the header only when given. Everything the person
    typed is kept as plain text; the renderer never interprets it.
    """
    chosen = frozenset(sections)
    numbers = stats.compute(diary, period, comparison=comparison)
    fired = warning_signs.check(diary, period)
    medications = tables.medications(diary, period, numbers)
    header = Header(
        title=_(TITLE),
        disclaimer=_(DISCLAIMER),
        name=(name or "").strip() or None,
        date_of_birth=date_of_birth,
        period=period,
        comparison=comparison,
        comparison_label=None
        if comparison is None
        else (comparison_label or comparison.label or _("Comparison period")),
        nights_recorded=numbers.recorded_nights,
        nights_in_period=numbers.nights_in_period,
        made_on=diary.now().date(),
        counting=_counting(numbers),
    )
    # Counted now, read when drawn (a chunk at a time): see Appendix.
    appendix = Appendix(diary, period) if Section.APPENDIX in chosen else Appendix.none()
    labels = relief_labels(diary) if Section.APPENDIX in chosen else {}
    labels.update({r.code: short_label(r.label, r.code) for r in numbers.reliefs})
    return Report(
        header=header,
        sections=chosen,
        empty=numbers.empty,
        warnings=tuple(tables.warning_line(sign) for sign in fired),
        headline=headline_rows(numbers),
        rate_withheld=numbers.rate_withheld(),
        comparison_withheld=numbers.comparison_withheld(),
        charts=ChartInputs(
            weekly=numbers.weekly,
            by_hour=numbers.by_hour,
            boundary_hour=numbers.boundary_hour,
            sleep_hours=numbers.sleep_hours,
            treatments=numbers.treatments,
            time_not_noted=numbers.time_not_noted,
        ),
        muscles=tuple(tables.muscle_row(m) for m in numbers.by_muscle),
        reliefs=tuple(
            ReliefRow(r.label, r.tried, r.helped, r.a_little, r.not_helped, r.unrated)
            for r in numbers.reliefs
        ),
        factors=tuple(tables.factor_row(c) for c in numbers.factors if c.enough_data),
        suspected_triggers=tuple(
            SuspectedTrigger(t.label, t.episodes)
            for t in sorted(numbers.triggers, key=lambda t: (-t.episodes, t.label.casefold()))
            if t.episodes
        ),
        medications=medications,
        questions=questions.strip(),
        appendix=appendix,
        relief_columns=tuple(
            ReliefColumn(r.code, labels[r.code]) for r in numbers.reliefs[:APPENDIX_RELIEF_COLUMNS]
        ),
        relief_labels=labels,
        source=diary.path,
        appendix_triggers=tuple(
            (t.code, short_label(t.label, t.code), t.episodes)
            for t in sorted(numbers.triggers, key=lambda t: (-t.episodes, t.label.casefold()))
            if t.episodes
        ),
    )


def _counting(numbers: stats.PatternStats) -> str:
    """The sentence under the period: how nights were counted, and what was inferred."""
    text = _("How nights were counted: {breakdown}.").format(
        breakdown=numbers.recorded_count.breakdown()
    )
    if numbers.cramps_on_unrecorded_nights:
        text += " " + wording.count(
            numbers.cramps_on_unrecorded_nights,
            "{n} cramp on other nights: listed, but left out of the rates.",
            "{n} cramps on other nights: listed, but left out of the rates.",
        )
    inferred = numbers.nocturnal_inferred + numbers.daytime_inferred
    if inferred:
        text += " " + wording.count(
            inferred,
            "Night-time or daytime was not recorded for {n} cramp: inferred from the usual "
            "sleep hours ({hours}).",
            "Night-time or daytime was not recorded for {n} cramps: inferred from the usual "
            "sleep hours ({hours}).",
            hours=numbers.sleep_hours.describe(),
        )
    return text


__all__ = [
    "ALL_SECTIONS",
    "APPENDIX_RELIEF_COLUMNS",
    "CITED_PER_WARNING",
    "DASH",
    "DISCLAIMER",
    "MEDICATION_FLAG",
    "MEDICATION_NOTE",
    "NOTHING_TO_SHOW",
    "NO_WARNING_SIGNS",
    "TITLE",
    "TRIGGER_NOTE",
    "Appendix",
    "AppendixRow",
    "ChartInputs",
    "FactorRow",
    "Header",
    "HeadlineRow",
    "MedicationRow",
    "MuscleRow",
    "PlainRow",
    "ReliefColumn",
    "ReliefRow",
    "Report",
    "Section",
    "SuspectedTrigger",
    "WarningLine",
    "build_report",
    "format_cited",
    "format_date",
    "format_number",
    "format_period",
    "format_share",
    "headline_rows",
    "short_label",
]
