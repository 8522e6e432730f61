"""What the person tried: relief methods rated during cramps, and medicines' before and after."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Final

from cramplog.analysis.stats.periods import Period
from cramplog.analysis.stats.rates import per_week
from cramplog.core.records import Medication, TakenFor
from cramplog.core.value_class import value_class

if TYPE_CHECKING:
    from cramplog.core import recorded
    from cramplog.diary.view import DiaryFigures
    from cramplog.storage import aggregates

TREATMENT_WINDOW_NIGHTS: Final = 28
TREATMENT_MIN_RECORDED_NIGHTS: Final = 14


@value_class
class ReliefStat:
    """How often a relief method was tried in the period, and how the person rated it."""

    code: str
    label: str
    tried: int
    helped: int
    a_little: int
    not_helped: int
    unrated: int

    @property
    def helped_share(self) -> float | None:
        """Share of rated tries that helped at least a little."""
        rated = self.helped + self.a_little + self.not_helped
        return None if rated == 0 else (self.helped + self.a_little) / rated


@value_class
class TreatmentEffect:
    """Cramps per week before and after a medicine or supplement started. Descriptive only."""

    medication_id: int
    name: str
    dose: str
    med_class: str | None
    for_cramps: bool
    started_on: date
    stopped_on: date | None
    before: Period | None
    after: Period | None
    before_episodes: int
    before_recorded_nights: int
    after_episodes: int
    after_recorded_nights: int
    enough_data: bool

    @property
    def before_per_week(self) -> float | None:
        return per_week(self.before_episodes, self.before_recorded_nights)

    @property
    def after_per_week(self) -> float | None:
        return per_week(self.after_episodes, self.after_recorded_nights)


def treatment_windows(
    started: date, diary_first: date | None, last_night: date
) -> tuple[Period | None, Period | None]:
    """The nights before and from a start date, clipped to the nights the diary covers."""
    before_first = started - timedelta(days=TREATMENT_WINDOW_NIGHTS)
    before_last = started - timedelta(days=1)
    after_last = min(started + timedelta(days=TREATMENT_WINDOW_NIGHTS - 1), last_night)
    if diary_first is not None:
        before_first = max(before_first, diary_first)
    before = Period(before_first, before_last) if before_first <= before_last else None
    after = Period(started, after_last) if started <= after_last else None
    return before, after


def reliefs(diary: DiaryFigures, rows: Sequence[aggregates.ReliefCounts]) -> tuple[ReliefStat, ...]:
    stats = [
        ReliefStat(
            code=row.code,
            label=diary.label(row.code),
            tried=row.tried,
            helped=row.helped,
            a_little=row.a_little,
            not_helped=row.not_helped,
            unrated=row.unrated,
        )
        for row in rows
    ]
    return tuple(sorted(stats, key=lambda r: (-r.tried, r.label.casefold())))


def treatments(
    rows: Sequence[tuple[Medication, recorded.WindowCount, recorded.WindowCount]],
    diary_first: date | None,
    last_night: date,
) -> tuple[TreatmentEffect, ...]:
    effects = []
    for medication, before_nights, after_nights in rows:
        started = medication.started_on
        assert started is not None  # _collect keeps only medicines with a start date
        before, after = treatment_windows(started, diary_first, last_night)
        effects.append(
            TreatmentEffect(
                medication_id=medication.id,
                name=medication.name,
                dose=medication.dose,
                med_class=medication.med_class,
                for_cramps=medication.taken_for is TakenFor.CRAMPS,
                started_on=started,
                stopped_on=medication.stopped_on,
                before=before,
                after=after,
                before_episodes=before_nights.episodes,
                before_recorded_nights=before_nights.recorded_nights,
                after_episodes=after_nights.episodes,
                after_recorded_nights=after_nights.recorded_nights,
                enough_data=before_nights.recorded_nights >= TREATMENT_MIN_RECORDED_NIGHTS
                and after_nights.recorded_nights >= TREATMENT_MIN_RECORDED_NIGHTS,
            )
        )
    effects.sort(key=lambda t: (t.started_on, t.name.casefold()))
    return tuple(effects)
