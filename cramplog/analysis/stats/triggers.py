"""Triggers and day factors: how often each was named, and cramp nights against cramp-free ones."""

from __future__ import annotations

import functools
import operator
from collections.abc import Collection, Mapping, Sequence
from datetime import date, datetime
from itertools import repeat
from typing import TYPE_CHECKING, Final

from cramplog.analysis.stats.packed_tally import Column, tally
from cramplog.analysis.stats.periods import Period, night_range
from cramplog.core import wording
from cramplog.core.records import ChecklistKind, Side, VocabularyKind
from cramplog.core.translation import N_, _
from cramplog.core.value_class import value_class
from cramplog.storage import aggregates

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from cramplog.analysis.stats.counting import Days
    from cramplog.diary.view import DiaryFigures

MIN_NIGHTS_EACH_SIDE: Final = 3
# A factor "stands out" when it was present on a share of cramp nights at least this many
# percentage points above its share of cramp-free nights. Descriptive, not a test.
STANDS_OUT_DIFFERENCE: Final = 0.15

# When a numeric day record counts as having the factor (see `aggregates.day_columns`).
FACTOR_THRESHOLDS: Final = aggregates.FactorThresholds(
    low_fluids_l=1.5, alcohol_units=3.0, caffeine_drinks=3, stress=7
)
FACTOR_DESCRIPTIONS: Final[Mapping[str, str]] = {
    "exercise_hard": N_("hard exercise"),
    "exercise_unaccustomed": N_("unaccustomed exercise"),
    "alcohol": N_("3 or more units of alcohol"),
    "caffeine": N_("3 or more caffeine drinks"),
    "heat": N_("hot weather or heavy sweating"),
    "long_standing": N_("stood for a long time"),
    "long_sitting": N_("sat for a long time"),
    "no_stretch": N_("did not stretch before bed"),
    "stress": N_("stress 7 or more out of 10"),
}


def factor_description(factor: str) -> str:
    """What a day factor means, its amounts in the units the person reads."""
    if factor == "fluids_low":
        return _("drank less than {amount}").format(
            amount=wording.fluid(FACTOR_THRESHOLDS.low_fluids_l)
        )
    return _(FACTOR_DESCRIPTIONS[factor]) if factor in FACTOR_DESCRIPTIONS else factor


CUSTOM_GROUP: Final = "custom"
CUSTOM_GROUP_LABEL: Final = N_("Your own triggers")


@value_class
class FactorComparison:
    """One day factor on recorded cramp nights vs recorded cramp-free nights. A comparison,
    not a cause.

    The shares are None unless `enough_data` (at least `MIN_NIGHTS_EACH_SIDE` nights with the
    factor recorded on each side).
    """

    factor: str
    trigger: str
    label: str
    description: str
    cramp_nights_present: int
    cramp_nights_recorded: int
    cramp_free_nights_present: int
    cramp_free_nights_recorded: int
    enough_data: bool
    share_of_cramp_nights: float | None
    share_of_cramp_free_nights: float | None

    @property
    def difference(self) -> float | None:
        """Cramp-night share minus cramp-free share (a fraction; 0.2 is 20 points)."""
        if self.share_of_cramp_nights is None or self.share_of_cramp_free_nights is None:
            return None
        return self.share_of_cramp_nights - self.share_of_cramp_free_nights

    @property
    def stands_out(self) -> bool:
        difference = self.difference
        return difference is not None and difference >= STANDS_OUT_DIFFERENCE


@value_class
class TriggerStat:
    """One trigger of the checklist (or the person's own), with its presence in the period.

    `episodes` counts the period's episodes naming it as a suspected trigger; `comparison`
    is its day factor's comparison, for triggers that have one.
    """

    code: str
    label: str
    group: str
    group_label: str
    custom: bool
    episodes: int
    comparison: FactorComparison | None

    @property
    def stands_out(self) -> bool:
        return self.comparison is not None and self.comparison.stands_out


@value_class
class EpisodeRef:
    """One episode, briefly, for lists such as "episodes that named this trigger".

    `start_local` is None when only its date was noted (then it is cited by its night).
    """

    id: int
    start_local: datetime | None
    night: date
    muscle: str
    muscle_label: str
    side: Side
    intensity: int | None
    duration_s: int | None


def day_kinds(
    days: Days, cramp_nights: Collection[int], recorded_nights: Collection[int]
) -> dict[int, int]:
    """The day records counted by kind: their reviewed and factor bits
    (`aggregates.DayColumns`), `cramp_bit()` when their night held a cramp and
    `recorded_bit()` when their night was recorded (reviewed or inside a logging span).
    Nights are day numbers. Far fewer kinds than days: each kind is then read once per
    factor (`factor_comparisons`)."""
    return tally(marked_days(days, cramp_nights, recorded_nights, cramp_bit() - 1), -1)


def marked_days(
    days: Days, cramp_nights: Collection[int], recorded_nights: Collection[int], keep: int
) -> Column:
    """Each day record's bits of `keep` (which must lie clear of `cramp_bit()` and
    `recorded_bit()`), with those two bits set as in `day_kinds`: ready to tally."""
    cramp = cramp_bit()
    recorded = recorded_bit()
    if isinstance(days.nights, Sequence):
        # Each a pass in C (map), as in `counting.days`: no loop over the days in Python.
        cramp_flags = dict.fromkeys(cramp_nights, cramp)
        recorded_flags = dict.fromkeys(recorded_nights, recorded)
        return list(
            map(
                operator.or_,
                map(
                    operator.or_,
                    map(operator.and_, days.packed, repeat(keep)),
                    map(cramp_flags.get, days.nights, repeat(0)),
                ),
                map(recorded_flags.get, days.nights, repeat(0)),
            )
        )
    # numpy's arrays (`packed_tally.column`): a century's tens of thousands of days
    import numpy as np

    def on(nights: Collection[int]) -> NDArray[np.int64]:
        found = np.fromiter(nights, dtype=np.int64, count=len(nights))
        return np.isin(days.nights, found).astype(np.int64)

    return (
        (np.asarray(days.packed) & keep)
        | (on(cramp_nights) * cramp)
        | (on(recorded_nights) * recorded)
    )


def cramp_bit() -> int:
    """The bit `day_kinds` sets for a day whose night held a cramp (above the factors')."""
    return 1 << (1 + 2 * len(aggregates.DAY_FACTORS))


def recorded_bit() -> int:
    """The bit `day_kinds` sets for a day whose night was recorded (above `cramp_bit`)."""
    return cramp_bit() << 1


def factor_comparisons(
    diary: DiaryFigures, days: Mapping[int, int]
) -> tuple[FactorComparison, ...]:
    """Each day factor with a trigger of the checklist, on recorded cramp nights against
    recorded cramp-free nights, from the period's day records counted by kind (`day_kinds`).

    A day record of a night neither reviewed nor inside a span is on neither side: its
    cramps were counted, but nobody said whether its neighbours were cramp-free, so a
    cramp side that took it in would set every recorded night against a cramp-only one.
    """
    cramp = cramp_bit()
    recorded = recorded_bit()
    comparisons = []
    for item in diary.checklist.of_kind(ChecklistKind.TRIGGER):
        if item.day_factor is None or item.day_factor not in aggregates.DAY_FACTORS:
            continue
        index = aggregates.DAY_FACTORS.index(item.day_factor)
        present = 1 << aggregates.factor_present_bit(index)
        known = 1 << aggregates.factor_recorded_bit(index)
        cramp_present = cramp_known = free_present = free_known = 0
        for key, n in days.items():
            if not key & recorded:
                continue
            if key & cramp:
                cramp_present += n if key & present else 0
                cramp_known += n if key & known else 0
            else:
                free_present += n if key & present else 0
                free_known += n if key & known else 0
        enough = cramp_known >= MIN_NIGHTS_EACH_SIDE and free_known >= MIN_NIGHTS_EACH_SIDE
        comparisons.append(
            FactorComparison(
                factor=item.day_factor,
                trigger=item.code,
                label=diary.label(item.code),
                description=factor_description(item.day_factor),
                cramp_nights_present=cramp_present,
                cramp_nights_recorded=cramp_known,
                cramp_free_nights_present=free_present,
                cramp_free_nights_recorded=free_known,
                enough_data=enough,
                share_of_cramp_nights=cramp_present / cramp_known if enough else None,
                share_of_cramp_free_nights=free_present / free_known if enough else None,
            )
        )
    return tuple(comparisons)


def trigger_stats(
    diary: DiaryFigures,
    rows: Sequence[tuple[str, int]],
    comparisons: Sequence[FactorComparison],
) -> tuple[TriggerStat, ...]:
    counts = dict(rows)
    by_trigger = {c.trigger: c for c in comparisons}
    groups = {g.code: g.label for g in diary.checklist.groups_of(ChecklistKind.TRIGGER)}
    stats: list[TriggerStat] = []
    for item in diary.checklist.of_kind(ChecklistKind.TRIGGER):
        group = item.group or CUSTOM_GROUP
        stats.append(
            TriggerStat(
                code=item.code,
                label=diary.label(item.code),
                group=group,
                group_label=groups.get(group, _(CUSTOM_GROUP_LABEL)),
                custom=False,
                episodes=counts.pop(item.code, 0),
                comparison=by_trigger.get(item.code),
            )
        )
    custom = {
        item.code
        for item in diary.custom_items(VocabularyKind.TRIGGER)
        if not item.hidden or item.code in counts
    }
    for code in sorted(custom | counts.keys(), key=lambda c: diary.label(c).casefold()):
        stats.append(
            TriggerStat(
                code=code,
                label=diary.label(code),
                group=CUSTOM_GROUP,
                group_label=_(CUSTOM_GROUP_LABEL),
                custom=True,
                episodes=counts.get(code, 0),
                comparison=None,
            )
        )
    return tuple(stats)


def episodes_with_trigger(
    diary: DiaryFigures, period: Period, code: str, *, limit: int = 200
) -> tuple[int, tuple[EpisodeRef, ...]]:
    """(how many episodes of `period` named trigger `code`, the newest `limit` of them)."""
    nights = night_range(period, diary.boundary_hour)
    total, briefs = diary.read_plain(
        functools.partial(aggregates.episodes_with_trigger, nights=nights, code=code, limit=limit)
    )
    return total, tuple(
        EpisodeRef(
            id=b.id,
            start_local=b.clock,
            night=b.night,
            muscle=b.muscle,
            muscle_label=diary.label(b.muscle),
            side=Side(b.side),
            intensity=b.intensity,
            duration_s=b.duration_s,
        )
        for b in briefs
    )
