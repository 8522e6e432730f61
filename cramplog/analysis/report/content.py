"""The report's content model: its fixed wording, its sections and the frozen rows it shows."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final

from cramplog.analysis import stats
from cramplog.analysis.report.formatting import format_cited, format_date
from cramplog.core import nights, wording
from cramplog.core.records import ReliefRating
from cramplog.core.translation import N_, _, n_

if TYPE_CHECKING:
    from cramplog.analysis.report.appendix import Appendix


TITLE: Final = N_("Muscle cramp diary — summary for my GP")
DISCLAIMER: Final = N_("Patient-kept diary — not a diagnosis")
NO_WARNING_SIGNS: Final = N_(
    "None of the warning signs the checklist names were found in the diary for this period."
)
NOTHING_TO_SHOW: Final = N_(
    "Nothing to show: no cramps were logged and no nights were reviewed in this period."
)
TRIGGER_NOTE: Final = N_(
    "A comparison, not a cause: how often each factor was present on nights with cramps "
    "and on cramp-free nights. A difference does not show that the factor caused the cramps."
)
MEDICATION_FLAG: Final = N_("Associated with cramps in the references — discuss with your GP")
MEDICATION_NOTE: Final = N_(
    "Flagged medicines belong to a class the reference documents list as a possible cause of "
    "cramps. This is for discussion only; do not stop or change a medicine without advice."
)
# The most tried relief methods get a column of marks each in the appendix; others are named.
APPENDIX_RELIEF_COLUMNS: Final = 5


class Section(enum.StrEnum):
    """The parts of page one a person may leave out. Warning signs are always shown."""

    HEADLINE = "headline"
    CHARTS = "charts"
    MUSCLES = "muscles"
    RELIEFS = "reliefs"
    TRIGGERS = "triggers"
    MEDICATIONS = "medications"
    QUESTIONS = "questions"
    APPENDIX = "appendix"

    @property
    def label(self) -> str:
        return _(_SECTION_LABELS[self])


_SECTION_LABELS = {
    Section.HEADLINE: N_("Headline numbers"),
    Section.CHARTS: N_("Charts"),
    Section.MUSCLES: N_("Muscles and side"),
    Section.RELIEFS: N_("What helped"),
    Section.TRIGGERS: N_("Possible triggers"),
    Section.MEDICATIONS: N_("Medicines and supplements"),
    Section.QUESTIONS: N_("Questions for my GP"),
    Section.APPENDIX: N_("Appendix: every cramp"),
}

ALL_SECTIONS: Final = frozenset(Section)


@dataclass(frozen=True, slots=True)
class Header:
    """Item 1: who, which period, how complete the diary is, when made, and what it is not."""

    title: str
    name: str | None
    date_of_birth: date | None
    period: stats.Period
    comparison: stats.Period | None
    comparison_label: str | None
    nights_recorded: int
    nights_in_period: int
    made_on: date
    disclaimer: str = DISCLAIMER
    # How the recorded nights were counted, and what the night-time figure had to infer.
    counting: str = ""

    @property
    def completeness(self) -> str:
        share = self.nights_recorded / self.nights_in_period if self.nights_in_period else 0.0
        return n_(
            "{recorded} of {n} night recorded ({share})",
            "{recorded} of {n} nights recorded ({share})",
            self.nights_in_period,
        ).format(
            recorded=wording.number(self.nights_recorded),
            n=wording.number(self.nights_in_period),
            share=wording.percent(share),
        )


@dataclass(frozen=True, slots=True)
class WarningLine:
    """Item 2: one warning sign the diary showed, how urgent it is, and when it happened.

    `cited` names the cramps or nights behind it as everywhere else ("night of Sat 12 Sep
    2026, 01:59"), newest first (at most `warning_signs.MAX_EVIDENCE`); `count` is how many
    entries there were in all.
    """

    code: str
    label: str
    urgent: bool
    urgency_text: str
    sentence: str
    advice: str
    cited: tuple[str, ...]
    count: int

    @property
    def cited_text(self) -> str:
        return format_cited(self.cited, self.count)


@dataclass(frozen=True, slots=True)
class HeadlineRow:
    """Item 3: one headline number in this period, in the comparison period, and the change."""

    key: str
    label: str
    value: str
    comparison: str | None
    change: str | None


@dataclass(frozen=True, slots=True)
class ChartInputs:
    """Item 4: the statistics the two charts are drawn from (the Patterns pane's own)."""

    weekly: tuple[stats.WeekPoint, ...]
    by_hour: tuple[stats.HourCount, ...]
    boundary_hour: int
    treatments: tuple[stats.TreatmentEffect, ...]
    sleep_hours: nights.SleepHours = field(default_factory=nights.SleepHours)
    time_not_noted: int = 0


@dataclass(frozen=True, slots=True)
class MuscleRow:
    """Item 5: episodes in one muscle, by side."""

    label: str
    total: int
    left: int
    right: int
    both: int
    not_applicable: int


@dataclass(frozen=True, slots=True)
class ReliefRow:
    label: str
    tried: int
    helped: int
    a_little: int
    not_helped: int
    unrated: int

    @property
    def helped_text(self) -> str:
        """E.g. "12 of 20 (60%)": rated tries that helped at least a little."""
        rated = self.helped + self.a_little + self.not_helped
        if rated == 0:
            return _("not rated")
        useful = self.helped + self.a_little
        return _("{useful} of {rated} ({share})").format(
            useful=useful, rated=rated, share=wording.percent(useful / rated)
        )


@dataclass(frozen=True, slots=True)
class FactorRow:
    """A day factor on cramp nights against cramp-free nights. A comparison, not a cause."""

    label: str
    description: str
    cramp_nights: str
    cramp_free_nights: str
    stands_out: bool


@dataclass(frozen=True, slots=True)
class SuspectedTrigger:
    """A trigger the person noted on episodes in the period."""

    label: str
    episodes: int


@dataclass(frozen=True, slots=True)
class MedicationRow:
    """A medicine or supplement taken during the period, with the neutral flag if it applies."""

    name: str
    dose: str
    started_on: date | None
    stopped_on: date | None
    taken_for: str
    class_label: str | None
    flag: str | None
    before_after: str | None

    @property
    def dates_text(self) -> str:
        started = (
            _("start not recorded") if self.started_on is None else format_date(self.started_on)
        )
        if self.stopped_on is None:
            return (
                _("since {date}").format(date=started) if self.started_on is not None else started
            )
        return f"{started} – {format_date(self.stopped_on)}"


@dataclass(frozen=True, slots=True)
class AppendixRow:
    """Item 7: one episode, as the appendix lists it. `reliefs` are (code, rating) pairs;
    `symptoms` are (label, whether the checklist names it a warning sign) pairs; `triggers`
    are the suspected triggers' (code, label) pairs: two triggers may read the same (a
    translated label and a person's own word), so a trigger is told apart by its code."""

    night_of: date
    start_local: datetime
    muscle: str
    side: str
    duration_s: int | None
    intensity: int | None
    woke: bool | None  # None: not answered
    reliefs: tuple[tuple[str, ReliefRating | None], ...]
    notes: str
    symptoms: tuple[tuple[str, bool], ...] = ()
    triggers: tuple[tuple[str, str], ...] = ()
    time_noted: bool = True


@dataclass(frozen=True, slots=True)
class ReliefColumn:
    """A relief method with its own column of marks in the appendix (the most tried ones)."""

    code: str
    label: str


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the GP summary shows, in order. `sections` says which optional parts to show."""

    header: Header
    sections: frozenset[Section]
    empty: bool
    warnings: tuple[WarningLine, ...]
    headline: tuple[HeadlineRow, ...]
    # Why the rates are dashes, or why there is no comparison column (`stats` words both).
    rate_withheld: str | None
    comparison_withheld: str | None
    charts: ChartInputs
    muscles: tuple[MuscleRow, ...]
    reliefs: tuple[ReliefRow, ...]
    factors: tuple[FactorRow, ...]
    suspected_triggers: tuple[SuspectedTrigger, ...]
    medications: tuple[MedicationRow, ...]
    questions: str
    appendix: Appendix
    relief_columns: tuple[ReliefColumn, ...]
    relief_labels: Mapping[str, str]
    source: Path | None = None
    # The period's suspected triggers: code, the label the appendix names it by, and how many
    # cramps noted it, the most noted first; the appendix gives the first ones a column of
    # marks, keyed by code (two triggers may share a label once translated).
    appendix_triggers: tuple[tuple[str, str, int], ...] = ()

    def shows(self, section: Section) -> bool:
        return section in self.sections
