"""The GP summary's content: what page one and the appendix say, as frozen plain values."""

from __future__ import annotations

import dataclasses
import enum
import functools
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Final

from cramplog.analysis import stats, warning_signs
from cramplog.core import nights, wording
from cramplog.core.records import ReliefRating, Side, TakenFor
from cramplog.storage.appendix import appendix_rows

if TYPE_CHECKING:
    from cramplog.diary.service import Diary

TITLE: Final = "Muscle cramp diary — summary for my GP"
DISCLAIMER: Final = "Patient-kept diary — not a diagnosis"
NO_WARNING_SIGNS: Final = (
    "None of the warning signs the checklist names were found in the diary for this period."
)
NOTHING_TO_SHOW: Final = (
    "Nothing to show: no cramps were logged and no nights were reviewed in this period."
)
TRIGGER_NOTE: Final = (
    "A comparison, not a cause: how often each factor was present on nights with cramps "
    "and on cramp-free nights. A difference does not show that the factor caused the cramps."
)
MEDICATION_FLAG: Final = "Associated with cramps in the references — discuss with your GP"
MEDICATION_NOTE: Final = (
    "Flagged medicines belong to a class the reference documents list as a possible cause of "
    "cramps. This is for discussion only; do not stop or change a medicine without advice."
)
DASH: Final = "—"
# Cramps cited under each warning sign on page one; the appendix lists every one.
CITED_PER_WARNING: Final = 4
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
        return _SECTION_LABELS[self]


_SECTION_LABELS = {
    Section.HEADLINE: "Headline numbers",
    Section.CHARTS: "Charts",
    Section.MUSCLES: "Muscles and side",
    Section.RELIEFS: "What helped",
    Section.TRIGGERS: "Possible triggers",
    Section.MEDICATIONS: "Medicines and supplements",
    Section.QUESTIONS: "Questions for my GP",
    Section.APPENDIX: "Appendix: every cramp",
}

ALL_SECTIONS: Final = frozenset(Section)


# -- formatting (shared by the PDF, the preview and any text output) ------------------------


def format_number(value: float | None, digits: int = 1) -> str:
    """A rate or mean to `digits` decimals ("3.2"); a whole number stays whole; None is "—"."""
    if value is None:
        return DASH
    if float(value).is_integer() and digits <= 1 and not isinstance(value, float):
        return str(int(value))
    return f"{value:.{digits}f}"


def format_share(value: float | None) -> str:
    return DASH if value is None else f"{value:.0%}"


def format_date(day: date) -> str:
    """E.g. "5 Mar 2026" (no leading zero, no locale surprises)."""
    return f"{day.day} {day:%b %Y}"


def format_period(period: stats.Period) -> str:
    return f"{format_date(period.first)} – {format_date(period.last)} ({period.nights} nights)"


def format_cited(cited: Sequence[str], count: int, *, limit: int = CITED_PER_WARNING) -> str:
    """The first few cramps or nights cited, and how many more of `count` in all:
    "night of Wed 4 Mar 2026, 03:20; night of Tue 3 Mar 2026, 02:10 and 4 more"."""
    shown = "; ".join(cited[:limit])
    more = count - min(limit, len(cited))
    return f"{shown} and {more} more" if more > 0 else shown


# -- the content model ------------------------------------------------------------------------


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
        return f"{self.nights_recorded} of {self.nights_in_period} nights recorded ({share:.0%})"


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
            return "not rated"
        useful = self.helped + self.a_little
        return f"{useful} of {rated} ({useful / rated:.0%})"


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
        started = "start not recorded" if self.started_on is None else format_date(self.started_on)
        if self.stopped_on is None:
            return f"since {started}" if self.started_on is not None else started
        return f"{started} – {format_date(self.stopped_on)}"


@dataclass(frozen=True, slots=True)
class AppendixRow:
    """Item 7: one episode, as the appendix lists it. `reliefs` are (code, rating) pairs."""

    night_of: date
    start_local: datetime
    muscle: str
    side: str
    duration_s: int | None
    intensity: int | None
    woke: bool
    reliefs: tuple[tuple[str, ReliefRating | None], ...]
    notes: str


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
    appendix: tuple[AppendixRow, ...]
    relief_columns: tuple[ReliefColumn, ...]
    relief_labels: Mapping[str, str]
    source: Path | None = None

    def shows(self, section: Section) -> bool:
        return section in self.sections


# -- building ---------------------------------------------------------------------------------


def build_report(
    diary: Diary,
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
    medications = _medications(diary, period, numbers)
    header = Header(
        title=TITLE,
        name=(name or "").strip() or None,
        date_of_birth=date_of_birth,
        period=period,
        comparison=comparison,
        comparison_label=None
        if comparison is None
        else (comparison_label or comparison.label or "Comparison period"),
        nights_recorded=numbers.recorded_nights,
        nights_in_period=numbers.nights_in_period,
        made_on=diary.now().date(),
        counting=_counting(numbers),
    )
    appendix, relief_labels = _appendix(diary, period) if Section.APPENDIX in chosen else ((), {})
    relief_labels.update({r.code: short_label(r.label, r.code) for r in numbers.reliefs})
    return Report(
        header=header,
        sections=chosen,
        empty=numbers.empty,
        warnings=tuple(_warning_line(sign) for sign in fired),
        headline=headline_rows(numbers),
        rate_withheld=numbers.rate_withheld(),
        comparison_withheld=numbers.comparison_withheld(),
        charts=ChartInputs(
            weekly=numbers.weekly,
            by_hour=numbers.by_hour,
            boundary_hour=numbers.boundary_hour,
            sleep_hours=numbers.sleep_hours,
            treatments=numbers.treatments,
        ),
        muscles=tuple(_muscle_row(m) for m in numbers.by_muscle),
        reliefs=tuple(
            ReliefRow(r.label, r.tried, r.helped, r.a_little, r.not_helped, r.unrated)
            for r in numbers.reliefs
        ),
        factors=tuple(_factor_row(c) for c in numbers.factors if c.enough_data),
        suspected_triggers=tuple(
            SuspectedTrigger(t.label, t.episodes)
            for t in sorted(numbers.triggers, key=lambda t: (-t.episodes, t.label.casefold()))
            if t.episodes
        ),
        medications=medications,
        questions=questions.strip(),
        appendix=appendix,
        relief_columns=tuple(
            ReliefColumn(r.code, relief_labels[r.code])
            for r in numbers.reliefs[:APPENDIX_RELIEF_COLUMNS]
        ),
        relief_labels=relief_labels,
        source=diary.path,
    )


def _warning_line(sign: warning_signs.WarningSign) -> WarningLine:
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


def _change(
    mine: float | None, theirs: float | None, *, digits: int = 1, points: bool = False
) -> str | None:
    if mine is None or theirs is None:
        return None
    difference = (mine - theirs) * (100 if points else 1)
    if round(difference, digits) == 0:
        return "no change"
    unit = " pts" if points else ""
    return f"{difference:+.{digits if not points else 0}f}{unit}"


def headline_rows(numbers: stats.PatternStats) -> tuple[HeadlineRow, ...]:
    """Item 3, in reading order, each against the comparison period when there is one.

    A comparison period with too few recorded nights (`stats.PatternStats.comparable`) gives
    rows without a comparison, never a made-up change; `Report.comparison_withheld` says why.
    """
    if not numbers.comparable:
        numbers = dataclasses.replace(numbers, comparison=None)
    base = numbers.comparison

    def row(
        key: str,
        label: str,
        text: str,
        other: str | None,
        mine: float | None,
        theirs: float | None,
        *,
        digits: int = 1,
        points: bool = False,
    ) -> HeadlineRow:
        return HeadlineRow(
            key=key,
            label=label,
            value=text,
            comparison=other,
            change=None if base is None else _change(mine, theirs, digits=digits, points=points),
        )

    def minutes(value: float | int | None) -> float | None:
        return None if value is None else value / 60

    def share_text(s: stats.PatternStats) -> str:
        share = s.share_of_reviewed_nights_with_cramps
        if share is None:
            return DASH
        return f"{share:.0%} ({s.cramp_nights} of {s.recorded_nights})"

    def sleep_text(s: stats.PatternStats) -> str:
        if s.sleep_disturbance_mean is None:
            return DASH
        return f"{s.sleep_disturbance_mean:.1f} / 10"

    def split_text(s: stats.PatternStats) -> str:
        inferred = s.nocturnal_inferred + s.daytime_inferred
        return f"{s.nocturnal} / {s.daytime}" + (f" ({inferred} inferred)" if inferred else "")

    def b(text: str) -> str | None:
        return None if base is None else text

    rows = [
        row(
            "cramps_per_week",
            "Cramps per week",
            format_number(numbers.cramps_per_week),
            b(format_number(base.cramps_per_week)) if base else None,
            numbers.cramps_per_week,
            base.cramps_per_week if base else None,
        ),
        row(
            "episodes",
            "Cramps in the period",
            str(numbers.episodes),
            b(str(base.episodes)) if base else None,
            numbers.episodes,
            base.episodes if base else None,
            digits=0,
        ),
        row(
            "cramp_nights_per_week",
            "Nights with cramps per week",
            format_number(numbers.cramp_nights_per_week),
            b(format_number(base.cramp_nights_per_week)) if base else None,
            numbers.cramp_nights_per_week,
            base.cramp_nights_per_week if base else None,
        ),
        row(
            "share_of_reviewed_nights_with_cramps",
            "Recorded nights with cramps",
            share_text(numbers),
            b(share_text(base)) if base else None,
            numbers.share_of_reviewed_nights_with_cramps,
            base.share_of_reviewed_nights_with_cramps if base else None,
            points=True,
        ),
        row(
            "intensity",
            "Intensity 0–10, median / worst",
            f"{format_number(numbers.intensity_median)} / {format_number(numbers.intensity_worst)}",
            b(f"{format_number(base.intensity_median)} / {format_number(base.intensity_worst)}")
            if base
            else None,
            numbers.intensity_median,
            base.intensity_median if base else None,
        ),
        row(
            "duration",
            "Duration, median / longest",
            f"{wording.duration(numbers.duration_median_s)} / "
            f"{wording.duration(numbers.longest_duration_s)}",
            b(
                f"{wording.duration(base.duration_median_s)} / "
                f"{wording.duration(base.longest_duration_s)}"
            )
            if base
            else None,
            minutes(numbers.duration_median_s),
            minutes(base.duration_median_s) if base else None,
        ),
        row(
            "cramps_over_10_min",
            "Cramps over 10 minutes",
            str(numbers.cramps_over_10_min),
            b(str(base.cramps_over_10_min)) if base else None,
            numbers.cramps_over_10_min,
            base.cramps_over_10_min if base else None,
            digits=0,
        ),
        row(
            "sleep_disturbance",
            "Sleep disturbance (mean)",
            sleep_text(numbers),
            b(sleep_text(base)) if base else None,
            numbers.sleep_disturbance_mean,
            base.sleep_disturbance_mean if base else None,
        ),
        row(
            "nocturnal",
            "Night-time / daytime cramps",
            split_text(numbers),
            b(split_text(base)) if base else None,
            numbers.nocturnal,
            base.nocturnal if base else None,
            digits=0,
        ),
    ]
    return tuple(rows)


def _muscle_row(muscle: stats.MuscleCount) -> MuscleRow:
    sides = dict(muscle.by_side)
    return MuscleRow(
        label=muscle.label,
        total=muscle.episodes,
        left=sides.get(Side.LEFT, 0),
        right=sides.get(Side.RIGHT, 0),
        both=sides.get(Side.BOTH, 0),
        not_applicable=sides.get(Side.NOT_APPLICABLE, 0),
    )


def _factor_row(comparison: stats.FactorComparison) -> FactorRow:
    return FactorRow(
        label=comparison.label,
        description=comparison.description,
        cramp_nights=f"{format_share(comparison.share_of_cramp_nights)} "
        f"({comparison.cramp_nights_present} of {comparison.cramp_nights_recorded})",
        cramp_free_nights=f"{format_share(comparison.share_of_cramp_free_nights)} "
        f"({comparison.cramp_free_nights_present} of {comparison.cramp_free_nights_recorded})",
        stands_out=comparison.stands_out,
    )


def _medications(
    diary: Diary, period: stats.Period, numbers: stats.PatternStats
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
                    taken_for="for cramps"
                    if medication.taken_for is TakenFor.CRAMPS
                    else "for something else",
                    class_label=None
                    if medication.med_class is None
                    else diary.label(medication.med_class),
                    flag=MEDICATION_FLAG
                    if item is not None and item.associated_with_cramps
                    else None,
                    before_after=None if effect is None else _before_after(effect),
                ),
            )
        )
    rows.sort(key=lambda entry: (entry[0], entry[1]))
    return tuple(row for _, _, row in rows)


def _before_after(effect: stats.TreatmentEffect) -> str | None:
    """Cramps per week before and after starting, e.g. "2.2 → 3.4 (28 and 27 nights)".

    Described, never judged; None without enough recorded nights on both sides.
    """
    if not effect.enough_data:
        return None
    return (
        f"{format_number(effect.before_per_week)} → {format_number(effect.after_per_week)} "
        f"({effect.before_recorded_nights} and {effect.after_recorded_nights} recorded nights)"
    )


def short_label(label: str, code: str) -> str:
    """A checklist label without its parenthetical gloss ("Thigh (quadriceps)" → "Thigh"),
    for narrow columns; the person's own words are kept whole."""
    if code.startswith("custom.") or " (" not in label:
        return label
    return label.split(" (", 1)[0]


def _appendix(diary: Diary, period: stats.Period) -> tuple[tuple[AppendixRow, ...], dict[str, str]]:
    """Every episode of the period for the appendix, oldest first, and short relief labels.

    Read with two narrow queries instead of `Diary.list_episodes`, which builds complete
    Episode values (triggers, symptoms, timestamps): for a ten-year diary that alone took a
    third of the two seconds the whole PDF may take.
    """
    hour = diary.boundary_hour
    episodes, reliefs = diary.read(
        functools.partial(appendix_rows, first=period.first, last=period.last, hour=hour)
    )
    side_labels = {side.value: ("" if side is Side.NOT_APPLICABLE else side.label) for side in Side}
    ratings: dict[str | None, ReliefRating | None] = {r.value: r for r in ReliefRating}
    ratings[None] = None
    by_episode: dict[int, list[tuple[str, ReliefRating | None]]] = {}
    codes: set[str] = set()
    for episode_id, code, rating in reliefs:
        by_episode.setdefault(episode_id, []).append((code, ratings.get(rating)))
        codes.add(code)
    muscles: dict[str, str] = {}
    boundary = timedelta(hours=hour)
    rows = []
    for episode_id, start_text, muscle, side, duration_s, intensity, woke, notes in episodes:
        start = datetime.fromisoformat(start_text)
        label = muscles.get(muscle)
        if label is None:
            label = muscles[muscle] = short_label(diary.label(muscle), muscle)
        rows.append(
            AppendixRow(
                night_of=(start - boundary).date(),
                start_local=start,
                muscle=label,
                side=side_labels.get(side, side),
                duration_s=duration_s,
                intensity=intensity,
                woke=bool(woke),
                reliefs=tuple(by_episode.get(episode_id, ())),
                notes=notes or "",
            )
        )
    labels = {code: short_label(diary.label(code), code) for code in codes}
    return tuple(rows), labels


def _counting(numbers: stats.PatternStats) -> str:
    """The sentence under the period: how nights were counted, and what was inferred."""
    text = f"How nights were counted: {numbers.recorded_count.breakdown()}."
    if numbers.cramps_on_unrecorded_nights:
        text += (
            f" {numbers.cramps_on_unrecorded_nights} cramp(s) on other nights are listed but"
            " left out of the rates."
        )
    inferred = numbers.nocturnal_inferred + numbers.daytime_inferred
    if inferred:
        text += (
            f" Night-time or daytime was not recorded for {inferred} cramp(s): inferred from "
            f"the usual sleep hours ({numbers.sleep_hours.describe()})."
        )
    return text
