"""The report's tables: warning lines, muscles, factors and medicines."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from cramplog.analysis import stats, warning_signs
from cramplog.analysis.report.content import (
    MEDICATION_FLAG,
    FactorRow,
    MedicationRow,
    MuscleRow,
    WarningLine,
)
from cramplog.analysis.report.formatting import format_number, format_share
from cramplog.core.records import Side, TakenFor
from cramplog.core.translation import _

if TYPE_CHECKING:
    from cramplog.diary.view import DiaryFigures


def warning_line(sign: warning_signs.WarningSign) -> WarningLine:
    return WarningLine(
        code=sign.code,
        label=sign.label,
        urgent=sign.urgency is warning_signs.Urgency.NOW,
        urgency_text=sign.urgency.label,
        sentence=sign.sentence,
        advice=sign.advice or "",
        cited=tuple(evidence.cited() for evidence in sign.evidence),
        count=sign.evidence_count,
    )


def muscle_row(muscle: stats.MuscleCount) -> MuscleRow:
    sides = dict(muscle.by_side)
    return MuscleRow(
        label=muscle.label,
        total=muscle.episodes,
        left=sides.get(Side.LEFT, 0),
        right=sides.get(Side.RIGHT, 0),
        both=sides.get(Side.BOTH, 0),
        not_applicable=sides.get(Side.NOT_APPLICABLE, 0),
    )


def factor_row(comparison: stats.FactorComparison) -> FactorRow:
    return FactorRow(
        label=comparison.label,
        description=comparison.description,
        cramp_nights=f"{format_share(comparison.share_of_cramp_nights)} "
        f"({comparison.cramp_nights_present} of {comparison.cramp_nights_recorded})",
        cramp_free_nights=f"{format_share(comparison.share_of_cramp_free_nights)} "
        f"({comparison.cramp_free_nights_present} of {comparison.cramp_free_nights_recorded})",
        stands_out=comparison.stands_out,
    )


def medications(
    diary: DiaryFigures, period: stats.Period, numbers: stats.PatternStats
) -> tuple[MedicationRow, ...]:
    """Medicines taken at any time during the period (or with no dates), oldest start first."""
    effects = {t.medication_id: t for t in numbers.treatments}
    rows: list[tuple[date, str, MedicationRow]] = []
    for medication in diary.list_medications():
        if medication.started_on is not None and medication.started_on > period.last:
            continue
        if medication.stopped_on is not None and medication.stopped_on < period.first:
            continue
        item = None if medication.med_class is None else diary.checklist.get(medication.med_class)
        effect = effects.get(medication.id)
        rows.append(
            (
                medication.started_on or date.min,
                medication.name.casefold(),
                MedicationRow(
                    name=medication.name,
                    dose=medication.dose,
                    started_on=medication.started_on,
                    stopped_on=medication.stopped_on,
                    taken_for=_("for cramps")
                    if medication.taken_for is TakenFor.CRAMPS
                    else _("for something else"),
                    class_label=None
                    if medication.med_class is None
                    else diary.label(medication.med_class),
                    flag=_(MEDICATION_FLAG)
                    if item is not None and item.associated_with_cramps
                    else None,
                    before_after=None if effect is None else _before_after(effect),
                ),
            )
        )
    rows.sort(key=lambda entry: (entry[0], entry[1]))
    return tuple(row for _, _, row in rows)


def _before_after(effect: stats.TreatmentEffect) -> str | None:
    """Cramps per week before and after starting, e.g. "2.2 → 3.4 (28 and 27 recorded
    nights)"; with too few recorded nights on either side, how many there were.

    Described, never judged.
    """
    if not effect.enough_data:
        return _(
            "too few recorded nights to compare ({before} and {after}; {needed} each needed)"
        ).format(
            before=effect.before_recorded_nights,
            after=effect.after_recorded_nights,
            needed=stats.TREATMENT_MIN_RECORDED_NIGHTS,
        )
    return (
        f"{format_number(effect.before_per_week)} → {format_number(effect.after_per_week)} "
        f"({effect.before_recorded_nights} and {effect.after_recorded_nights} recorded nights)"
    )
