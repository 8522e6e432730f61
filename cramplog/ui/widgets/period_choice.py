"""The period and comparison pickers shared by the Patterns and Summary places."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit

from cramplog.analysis import stats
from cramplog.core.translation import N_, _

if TYPE_CHECKING:
    from cramplog.diary.view import DiaryView

CUSTOM: Final = "custom"
NO_COMPARISON: Final = "none"
PREVIOUS: Final = "previous"
BASELINE: Final = "baseline"

COMPARISON_LABELS: Final = {
    PREVIOUS: N_("The period before, same length"),
    BASELINE: N_("Chosen dates (a baseline)"),
    NO_COMPARISON: N_("Nothing"),
}


def to_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def fill_period_box(box: QComboBox) -> None:
    """The presets, then "Chosen dates"; the default preset selected."""
    for preset in stats.PeriodPreset:
        box.addItem(preset.label, preset.value)
    box.addItem(_("Chosen dates"), CUSTOM)
    box.setCurrentIndex(box.findData(stats.DEFAULT_PRESET.value))


def fill_comparison_box(box: QComboBox, order: tuple[str, ...]) -> None:
    for key in order:
        box.addItem(_(COMPARISON_LABELS[key]), key)


def chosen_period(
    diary: DiaryView, box: QComboBox, first: QDateEdit, last: QDateEdit
) -> stats.Period:
    """The chosen period; ValueError if chosen dates make no sense."""
    key = box.currentData()
    if key == CUSTOM:
        return stats.Period(to_date(first.date()), to_date(last.date()), _("Chosen dates"))
    return stats.diary_presets(diary)[stats.PeriodPreset(key)]


def chosen_comparison(
    period: stats.Period, box: QComboBox, first: QDateEdit, last: QDateEdit
) -> stats.Period | None:
    key = box.currentData()
    if key == PREVIOUS:
        return period.previous()
    if key == BASELINE:
        return stats.Period(to_date(first.date()), to_date(last.date()), _("Baseline"))
    return None
