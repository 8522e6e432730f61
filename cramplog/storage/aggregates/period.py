"""A period's episodes and day records packed into one integer each, and its link-table counts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    case,
    cast,
    func,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session

from cramplog.core.checklist import DAY_FACTORS
from cramplog.storage.aggregates.ranges import (
    NightRange,
    in_bound_range,
    in_range,
    outside_episodes,
    outside_ids,
    raw_rows,
)
from cramplog.storage.schema import (
    SIDES,
    DiaryDayRow,
    EpisodeRelief,
    EpisodeRow,
    EpisodeTrigger,
    Vocabulary,
)

# -- the period's episodes, packed ----------------------------------------------------------

# Layout of `EpisodeColumns.packed` (one int64 per episode):
INTENSITY_BITS: Final = (0, 4)  # 0–10; NO_INTENSITY when not rated
NO_INTENSITY: Final = 15
NOCTURNAL_BIT: Final = 4  # woke the person, or began asleep/in bed
TO_REVIEW_BIT: Final = 5  # quick-logged, still waiting for its review
TIMING_UNKNOWN_BIT: Final = 41  # neither "woke" nor the activity was answered
TIME_NOT_NOTED_BIT: Final = 42  # only the date was noted: the clock time means nothing
SIDE_BITS: Final = (6, 2)  # index into schema.SIDES
MUSCLE_BITS: Final = (8, 16)  # index into EpisodeColumns.muscles
DURATION_BITS: Final = (24, 17)  # seconds, 1–86400; 0 when not timed


@dataclass(frozen=True, slots=True)
class EpisodeColumns:
    """The episodes of a range, oldest first, as two parallel columns.

    `start_second` is the wall-clock start as whole seconds since 1970-01-01 00:00 (local
    time, no zone); `packed` holds the rest in the bit layout above; `muscles` and `sides`
    decode the muscle and side indexes.
    """

    start_second: Sequence[int]
    packed: Sequence[int]
    muscles: tuple[str, ...]
    sides: tuple[str, ...]

    @classmethod
    def none(cls) -> EpisodeColumns:
        """The columns of a range that holds no episode."""
        return cls((), (), ("muscle.other",), SIDES)


def _packed_column(muscles: Sequence[str]) -> ColumnElement[int]:
    # The same rule as `nights.known_nocturnal`, in SQL.
    nocturnal = case(
        (EpisodeRow.woke_from_sleep.is_(True), 1),
        (EpisodeRow.activity == "activity.asleep", 1),
        else_=0,
    )
    unknown = case(
        (and_(EpisodeRow.woke_from_sleep.is_(None), EpisodeRow.activity.is_(None)), 1),
        else_=0,
    )
    side = case({side: index for index, side in enumerate(SIDES)}, value=EpisodeRow.side, else_=3)
    muscle = case(
        {code: index for index, code in enumerate(muscles)},
        value=EpisodeRow.muscle,
        else_=len(muscles),
    )
    return (
        func.coalesce(EpisodeRow.intensity, NO_INTENSITY)
        + nocturnal * (1 << NOCTURNAL_BIT)
        + case((EpisodeRow.to_review.is_(True), 1 << TO_REVIEW_BIT), else_=0)
        + side * (1 << SIDE_BITS[0])
        + muscle * (1 << MUSCLE_BITS[0])
        + func.coalesce(EpisodeRow.duration_s, 0) * (1 << DURATION_BITS[0])
        + unknown * (1 << TIMING_UNKNOWN_BIT)
        + case((EpisodeRow.time_noted.is_(False), 1 << TIME_NOT_NOTED_BIT), else_=0)
    )


# julianday() of 1970-01-01 00:00, in seconds: SQLite's julianday is whole milliseconds
# inside, so the product rounds to the exact second (julianday is positive, so CAST's
# truncation is a floor; unixepoch() needs SQLite 3.38).
_UNIX_EPOCH_JD_SECONDS: Final = 210_866_760_000


def _start_second() -> ColumnElement[int]:
    # A number, not the text: numpy parsing 150,000 date strings cost more than the read.
    return (
        cast(func.julianday(EpisodeRow.start_local) * 86400 + 0.5, Integer) - _UNIX_EPOCH_JD_SECONDS
    )


def episode_columns(session: Session, nights: NightRange) -> EpisodeColumns:
    """Every episode of the range in one pass over the table (see `EpisodeColumns`)."""
    muscles = tuple(
        session.scalars(
            select(Vocabulary.code).where(Vocabulary.kind == "muscle").order_by(Vocabulary.code)
        )
    )
    if len(muscles) >= (1 << MUSCLE_BITS[1]) - 1:
        raise ValueError("Too many muscles to count at once.")

    def query() -> Select[int, int]:
        return (
            select(_start_second(), _packed_column(muscles))
            .where(in_bound_range())
            .order_by(EpisodeRow.start_local)
        )

    rows = raw_rows(
        session,
        ("episode_columns", muscles),
        query,
        {"local_from": nights.local_from, "local_to": nights.local_to},
    )
    # The foreign key keeps muscles in the vocabulary; anything else would count as "other".
    return EpisodeColumns(
        start_second=[row[0] for row in rows],
        packed=[row[1] for row in rows],
        muscles=(*muscles, "muscle.other"),
        sides=SIDES,
    )


# -- link tables ----------------------------------------------------------------------------


def trigger_counts(session: Session, nights: NightRange) -> list[tuple[str, int]]:
    """(trigger code, episodes of the range naming it)."""
    query = select(EpisodeTrigger.code, func.count()).group_by(EpisodeTrigger.code)
    outside = outside_episodes(session, nights)
    if outside is None:
        query = query.join(EpisodeRow, EpisodeRow.id == EpisodeTrigger.episode_id).where(
            in_range(nights)
        )
        return [(code, int(n)) for code, n in session.execute(query)]
    counts = {code: int(n) for code, n in session.execute(query)}
    if outside:
        for code, n in session.execute(
            query.where(EpisodeTrigger.episode_id.in_(outside_ids(nights)))
        ):
            counts[code] -= int(n)
    return [(code, n) for code, n in counts.items() if n > 0]


@dataclass(frozen=True, slots=True)
class ReliefCounts:
    """How often one relief method was tried in a range, by rating."""

    code: str
    tried: int
    helped: int
    a_little: int
    not_helped: int

    @property
    def unrated(self) -> int:
        return self.tried - self.helped - self.a_little - self.not_helped


def relief_counts(session: Session, nights: NightRange) -> list[ReliefCounts]:
    """Per relief method: episodes of the range that tried it, by rating."""

    def rated(value: str) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((EpisodeRelief.rating == value, 1), else_=0)), 0)

    query = select(
        EpisodeRelief.code,
        func.count(),
        rated("helped"),
        rated("a_little"),
        rated("not_helped"),
    ).group_by(EpisodeRelief.code)
    outside = outside_episodes(session, nights)
    if outside is None:
        query = query.join(EpisodeRow, EpisodeRow.id == EpisodeRelief.episode_id).where(
            in_range(nights)
        )
        return [
            ReliefCounts(str(row[0]), *(int(v) for v in row[1:])) for row in session.execute(query)
        ]
    # Every try, counted from the (code, rating) index alone (migration 0005), less the tries
    # of the few episodes outside the range.
    counts = {str(row[0]): [int(v) for v in row[1:]] for row in session.execute(query)}
    if outside:
        fewer = query.where(EpisodeRelief.episode_id.in_(outside_ids(nights)))
        for row in session.execute(fewer):
            counts[str(row[0])] = [
                n - int(v) for n, v in zip(counts[str(row[0])], row[1:], strict=True)
            ]
    return [ReliefCounts(code, *values) for code, values in counts.items() if values[0] > 0]


# -- diary days -----------------------------------------------------------------------------

# `DAY_FACTORS` (owned by the checklist) gives the factors' bit order in `DayColumns.packed`.
REVIEWED_BIT: Final = 0


def factor_present_bit(index: int) -> int:
    return 1 + 2 * index


def factor_recorded_bit(index: int) -> int:
    return 2 + 2 * index


@dataclass(frozen=True, slots=True)
class FactorThresholds:
    """When a recorded day counts as having a factor that is a number rather than yes/no."""

    low_fluids_l: float
    alcohol_units: float
    caffeine_drinks: int
    stress: int


def _factor_conditions(
    limits: FactorThresholds,
) -> dict[str, tuple[ColumnElement[bool], ColumnElement[bool]]]:
    """Per factor: (present, recorded) conditions on a diary-day row."""
    d = DiaryDayRow
    return {
        "fluids_low": (d.fluids_l < limits.low_fluids_l, d.fluids_l.is_not(None)),
        "exercise_hard": (d.exercise == "hard", d.exercise.is_not(None)),
        "exercise_unaccustomed": (d.exercise == "unaccustomed", d.exercise.is_not(None)),
        "alcohol": (d.alcohol_units >= limits.alcohol_units, d.alcohol_units.is_not(None)),
        "caffeine": (
            d.caffeine_drinks >= limits.caffeine_drinks,
            d.caffeine_drinks.is_not(None),
        ),
        "heat": (d.hot_or_sweating.is_(True), d.hot_or_sweating.is_not(None)),
        "long_standing": (d.long_standing.is_(True), d.long_standing.is_not(None)),
        "long_sitting": (d.long_sitting.is_(True), d.long_sitting.is_not(None)),
        "no_stretch": (d.stretched_before_bed.is_(False), d.stretched_before_bed.is_not(None)),
        "stress": (d.stress >= limits.stress, d.stress.is_not(None)),
    }


@dataclass(frozen=True, slots=True)
class DayColumns:
    """The day records of a range, as parallel columns.

    `packed` has bit REVIEWED_BIT for a reviewed night and, for each of DAY_FACTORS at index
    i, bit `factor_present_bit(i)` when the factor was present and `factor_recorded_bit(i)`
    when the record says either way. Sleep figures are None where not recorded.
    """

    night_of: list[str]
    packed: list[int]
    sleep_disturbance: list[int | None]
    minutes_awake: list[int | None]

    @classmethod
    def none(cls) -> DayColumns:
        """The columns of a range that holds no day record."""
        return cls([], [], [], [])


def day_columns(session: Session, nights: NightRange, limits: FactorThresholds) -> DayColumns:
    night_text = type_coerce(DiaryDayRow.night_of, String)

    def query() -> Select[str, int, int | None, int | None]:
        conditions = _factor_conditions(limits)
        packed: ColumnElement[int] = case((DiaryDayRow.reviewed.is_(True), 1), else_=0)
        for index, factor in enumerate(DAY_FACTORS):
            present, recorded = conditions[factor]
            packed = (
                packed
                + case((and_(present, recorded), 1 << factor_present_bit(index)), else_=0)
                + case((recorded, 1 << factor_recorded_bit(index)), else_=0)
            )
        return (
            select(night_text, packed, DiaryDayRow.sleep_disturbance, DiaryDayRow.minutes_awake)
            .where(
                night_text >= bindparam("first", type_=String),
                night_text <= bindparam("last", type_=String),
            )
            .order_by(DiaryDayRow.night_of)
        )

    rows = raw_rows(
        session,
        ("day_columns", limits),
        query,
        {"first": nights.first.isoformat(), "last": nights.last.isoformat()},
    )
    return DayColumns(
        night_of=[row[0] for row in rows],
        packed=[row[1] for row in rows],
        sleep_disturbance=[row[2] for row in rows],
        minutes_awake=[row[3] for row in rows],
    )
