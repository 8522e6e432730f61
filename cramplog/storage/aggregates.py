"""Read-only aggregate queries over ranges of diary nights, returning plain values.

They serve the statistics and warning-sign rules (`cramplog.analysis.stats`,
`cramplog.analysis.warning_signs`), which must stay fast on a hundred-year stress diary of
150,000 episodes. Reading the wide `episodes` rows is what costs (about a microsecond a
row), so the period's episodes are read once, packed into one integer per episode by
SQLite (`episode_columns`), and everything else is a GROUP BY over the narrow link tables
or a query that touches only a few rows.

A night is the wall-clock span from the boundary hour on its date to the same hour the next
day; `NightRange` turns a range of nights into bounds on the stored wall-clock text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Final

from sqlalchemy import (
    ColumnElement,
    Exists,
    Integer,
    Select,
    SQLColumnExpression,
    String,
    and_,
    case,
    func,
    literal,
    literal_column,
    not_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session

from cramplog.storage.engine import driver_connection
from cramplog.storage.schema import (
    SIDES,
    DiaryDayRow,
    EpisodeRelief,
    EpisodeRow,
    EpisodeSymptom,
    EpisodeTrigger,
    Vocabulary,
)

_LOCAL_FORMAT = "%Y-%m-%d %H:%M:%S"


@dataclass(frozen=True, slots=True)
class NightRange:
    """The nights `first`..`last` (both included) under a day-boundary hour."""

    first: date
    last: date
    boundary_hour: int

    def __post_init__(self) -> None:
        if not 0 <= self.boundary_hour <= 23:
            raise ValueError("The day-boundary hour must be from 0 to 23.")
        if self.first > self.last:
            raise ValueError("A range of nights cannot end before it begins.")

    @property
    def local_from(self) -> str:
        """Wall-clock text of the first night's start (the lower bound, included)."""
        return f"{self.first.isoformat()} {self.boundary_hour:02d}:00:00"

    @property
    def local_to(self) -> str:
        """Wall-clock text of the moment after the last night ends (the upper bound, excluded)."""
        return f"{(self.last + timedelta(days=1)).isoformat()} {self.boundary_hour:02d}:00:00"


def _in_range(nights: NightRange) -> ColumnElement[bool]:
    return and_(
        EpisodeRow.start_local >= nights.local_from, EpisodeRow.start_local < nights.local_to
    )


def _night_of(local: SQLColumnExpression[str], boundary_hour: int) -> ColumnElement[str]:
    # An int checked by NightRange, so inlining it is safe; a literal keeps a GROUP BY
    # expression identical to the selected one, which a bound parameter would not.
    return func.date(local, literal_column(f"'-{int(boundary_hour)} hours'"))


def _local(value: str) -> datetime:
    return datetime.strptime(value, _LOCAL_FORMAT)


def _raw_rows(session: Session, query: Select[*tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Run `query` straight on the DBAPI cursor of the session's own connection.

    Only for the two wide reads (every episode or day of a period): building SQLAlchemy Row
    objects for 150,000 rows costs as much as SQLite's own work. The query may bind only
    strings and numbers, which sqlite3 takes as they are.
    """
    connection = session.connection()
    compiled = query.compile(dialect=connection.dialect)
    params = compiled.params
    values = [params[name] for name in compiled.positiontup or ()]
    if any(not isinstance(v, str | int | float) for v in values):
        raise TypeError("a raw read may bind only strings and numbers")
    cursor = driver_connection(session).cursor()
    try:
        return list(cursor.execute(str(compiled), values).fetchall())
    finally:
        cursor.close()


def _covers_every_episode(session: Session, nights: NightRange) -> bool:
    """Whether no episode lies outside the range (then the link tables need no join)."""
    # Two queries: SQLite answers a lone min() or max() from the index, but not both at once.
    first = session.scalar(select(func.min(EpisodeRow.start_local)))
    last = session.scalar(select(func.max(EpisodeRow.start_local)))
    return first is None or last is None or (first >= nights.local_from and last < nights.local_to)


# -- the period's episodes, packed ----------------------------------------------------------

# Layout of `EpisodeColumns.packed` (one int64 per episode):
INTENSITY_BITS: Final = (0, 4)  # 0–10; NO_INTENSITY when not rated
NO_INTENSITY: Final = 15
NOCTURNAL_BIT: Final = 4  # woke the person, or began asleep/in bed
TO_REVIEW_BIT: Final = 5  # quick-logged, still waiting for its review
TIMING_UNKNOWN_BIT: Final = 41  # neither "woke" nor the activity was answered
SIDE_BITS: Final = (6, 2)  # index into schema.SIDES
MUSCLE_BITS: Final = (8, 16)  # index into EpisodeColumns.muscles
DURATION_BITS: Final = (24, 17)  # seconds, 1–86400; 0 when not timed


@dataclass(frozen=True, slots=True)
class EpisodeColumns:
    """The episodes of a range, oldest first, as two parallel columns.

    `start_local` is the wall-clock text ("YYYY-MM-DD HH:MM:SS"); `packed` holds the rest
    in the bit layout above; `muscles` and `sides` decode the muscle and side indexes.
    """

    start_local: list[str]
    packed: list[int]
    muscles: tuple[str, ...]
    sides: tuple[str, ...]


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
    query = (
        select(EpisodeRow.start_local, _packed_column(muscles))
        .where(_in_range(nights))
        .order_by(EpisodeRow.start_local)
    )
    rows = _raw_rows(session, query)
    # The foreign key keeps muscles in the vocabulary; anything else would count as "other".
    return EpisodeColumns(
        start_local=[row[0] for row in rows],
        packed=[row[1] for row in rows],
        muscles=(*muscles, "muscle.other"),
        sides=SIDES,
    )


# -- link tables ----------------------------------------------------------------------------


def trigger_counts(session: Session, nights: NightRange) -> list[tuple[str, int]]:
    """(trigger code, episodes of the range naming it)."""
    query = select(EpisodeTrigger.code, func.count()).group_by(EpisodeTrigger.code)
    if not _covers_every_episode(session, nights):
        query = query.join(EpisodeRow, EpisodeRow.id == EpisodeTrigger.episode_id).where(
            _in_range(nights)
        )
    return [(code, int(n)) for code, n in session.execute(query)]


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
    if _covers_every_episode(session, nights):
        # A plain scan and sort beats walking the code index, which lacks the rating.
        query = query.with_hint(EpisodeRelief, "NOT INDEXED", "sqlite")
    else:
        query = query.join(EpisodeRow, EpisodeRow.id == EpisodeRelief.episode_id).where(
            _in_range(nights)
        )
    return [ReliefCounts(str(row[0]), *(int(v) for v in row[1:])) for row in session.execute(query)]


# -- diary days -----------------------------------------------------------------------------

# The day factors a trigger may stand for, in the bit order of `DayColumns.packed`.
DAY_FACTORS: Final = (
    "fluids_low",
    "exercise_hard",
    "exercise_unaccustomed",
    "alcohol",
    "caffeine",
    "heat",
    "long_standing",
    "long_sitting",
    "no_stretch",
    "stress",
)
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


def day_columns(session: Session, nights: NightRange, limits: FactorThresholds) -> DayColumns:
    conditions = _factor_conditions(limits)
    packed: ColumnElement[int] = case((DiaryDayRow.reviewed.is_(True), 1), else_=0)
    for index, factor in enumerate(DAY_FACTORS):
        present, recorded = conditions[factor]
        packed = (
            packed
            + case((and_(present, recorded), 1 << factor_present_bit(index)), else_=0)
            + case((recorded, 1 << factor_recorded_bit(index)), else_=0)
        )
    night_text = type_coerce(DiaryDayRow.night_of, String)
    rows = _raw_rows(
        session,
        select(night_text, packed, DiaryDayRow.sleep_disturbance, DiaryDayRow.minutes_awake)
        .where(night_text >= nights.first.isoformat(), night_text <= nights.last.isoformat())
        .order_by(DiaryDayRow.night_of),
    )
    return DayColumns(
        night_of=[row[0] for row in rows],
        packed=[row[1] for row in rows],
        sleep_disturbance=[row[2] for row in rows],
        minutes_awake=[row[3] for row in rows],
    )


# -- small windows (treatments, the last four weeks) ----------------------------------------


@dataclass(frozen=True, slots=True)
class WindowNights:
    """Within one range: episodes per cramp night, and the reviewed nights."""

    episodes_by_night: dict[date, int]
    reviewed: frozenset[date]

    @property
    def episodes(self) -> int:
        return sum(self.episodes_by_night.values())

    @property
    def recorded_nights(self) -> int:
        return len(self.reviewed | self.episodes_by_night.keys())


def window_nights(session: Session, windows: Sequence[NightRange]) -> list[WindowNights]:
    """`WindowNights` for each of a few short ranges, in two queries whatever their number."""
    if not windows:
        return []
    hour = windows[0].boundary_hour
    if any(w.boundary_hour != hour for w in windows):
        raise ValueError("All windows must share one day-boundary hour.")
    table = union_all(
        *(
            select(
                literal(index, Integer).label("i"),
                literal(w.local_from, String).label("lo"),
                literal(w.local_to, String).label("hi"),
                literal(w.first.isoformat(), String).label("first"),
                literal(w.last.isoformat(), String).label("last"),
            )
            for index, w in enumerate(windows)
        )
    ).cte("windows")
    night = _night_of(EpisodeRow.start_local, hour).label("night")
    episode_rows = session.execute(
        select(table.c.i, night, func.count())
        .select_from(table)
        .join(
            EpisodeRow,
            and_(EpisodeRow.start_local >= table.c.lo, EpisodeRow.start_local < table.c.hi),
        )
        .group_by(table.c.i, night)
    ).all()
    day_rows = session.execute(
        select(table.c.i, type_coerce(DiaryDayRow.night_of, String))
        .select_from(table)
        .join(
            DiaryDayRow,
            and_(
                type_coerce(DiaryDayRow.night_of, String) >= table.c.first,
                type_coerce(DiaryDayRow.night_of, String) <= table.c.last,
            ),
        )
        .where(DiaryDayRow.reviewed.is_(True))
    ).all()
    counts: list[dict[date, int]] = [{} for _ in windows]
    reviewed: list[set[date]] = [set() for _ in windows]
    for index, night_text, n in episode_rows:
        counts[index][date.fromisoformat(night_text)] = int(n)
    for index, night_text in day_rows:
        reviewed[index].add(date.fromisoformat(night_text))
    return [WindowNights(c, frozenset(r)) for c, r in zip(counts, reviewed, strict=True)]


def first_recorded_night(session: Session, boundary_hour: int) -> date | None:
    """The earliest night with an episode or a day record, or None for an empty diary."""
    first_local = session.scalar(select(func.min(EpisodeRow.start_local)))
    first_day = session.scalar(select(func.min(DiaryDayRow.night_of)))
    candidates = []
    if first_local is not None:
        candidates.append((_local(first_local) - timedelta(hours=boundary_hour)).date())
    if first_day is not None:
        candidates.append(first_day)
    return min(candidates) if candidates else None


# -- single episodes (evidence, the trigger filter) -----------------------------------------


@dataclass(frozen=True, slots=True)
class EpisodeBrief:
    """Just enough of one episode to name it: id, when, where, how bad and how long."""

    id: int
    start_local: datetime
    night: date
    muscle: str
    side: str
    intensity: int | None
    duration_s: int | None


_BRIEF_COLUMNS = (
    EpisodeRow.id,
    EpisodeRow.start_local,
    EpisodeRow.muscle,
    EpisodeRow.side,
    EpisodeRow.intensity,
    EpisodeRow.duration_s,
)


def _brief(row: Sequence[object], boundary_hour: int) -> EpisodeBrief:
    episode_id, start_text, muscle, side, intensity, duration = row[:6]
    assert isinstance(start_text, str)
    start = _local(start_text)
    return EpisodeBrief(
        id=int(episode_id),  # type: ignore[call-overload]
        start_local=start,
        night=(start - timedelta(hours=boundary_hour)).date(),
        muscle=str(muscle),
        side=str(side),
        intensity=None if intensity is None else int(intensity),  # type: ignore[call-overload]
        duration_s=None if duration is None else int(duration),  # type: ignore[call-overload]
    )


def episodes_with_symptoms(
    session: Session, nights: NightRange, codes: Sequence[str]
) -> list[tuple[EpisodeBrief, str]]:
    """(episode, symptom code) for each episode of the range noting one of `codes`, newest
    first."""
    rows = session.execute(
        select(*_BRIEF_COLUMNS, EpisodeSymptom.code)
        .join(EpisodeSymptom, EpisodeSymptom.episode_id == EpisodeRow.id)
        .where(_in_range(nights), EpisodeSymptom.code.in_(codes))
        .order_by(EpisodeRow.start_local.desc(), EpisodeRow.id, EpisodeSymptom.code)
    ).all()
    return [(_brief(row, nights.boundary_hour), str(row[6])) for row in rows]


def _relief_of(code: str, *conditions: ColumnElement[bool]) -> Exists:
    """Whether the outer episode tried relief `code` (a lookup on the link table's key)."""
    return (
        select(EpisodeRelief.episode_id)
        .where(EpisodeRelief.episode_id == EpisodeRow.id, EpisodeRelief.code == code, *conditions)
        .exists()
    )


def _any_relief(*conditions: ColumnElement[bool]) -> Exists:
    return (
        select(EpisodeRelief.episode_id)
        .where(EpisodeRelief.episode_id == EpisodeRow.id, *conditions)
        .exists()
    )


def long_episodes(
    session: Session, nights: NightRange, min_duration_s: int
) -> list[tuple[EpisodeBrief, bool, bool]]:
    """Episodes of the range lasting longer than `min_duration_s`, newest first, each with
    (stretching tried, stretching rated "helped")."""
    rows = session.execute(
        select(
            *_BRIEF_COLUMNS,
            _relief_of("relief.stretch"),
            _relief_of("relief.stretch", EpisodeRelief.rating == "helped"),
        )
        .where(_in_range(nights), EpisodeRow.duration_s > min_duration_s)
        .order_by(EpisodeRow.start_local.desc(), EpisodeRow.id)
    ).all()
    return [(_brief(row, nights.boundary_hour), bool(row[6]), bool(row[7])) for row in rows]


def _reviewed_in_range(nights: NightRange) -> ColumnElement[bool]:
    return and_(_in_range(nights), EpisodeRow.to_review.is_(False))


@dataclass(frozen=True, slots=True)
class Share:
    """Of the episodes of a range that a rule can judge, how many it hits.

    `judged`: episodes whose record says either way; `hits`: those meeting the rule;
    `unjudged`: the range's other episodes (the fact is unknown for them); `newest`: the
    newest hits.
    """

    judged: int
    hits: int
    unjudged: int
    newest: list[EpisodeBrief]


def _share(
    session: Session,
    nights: NightRange,
    among: ColumnElement[bool],
    hit: ColumnElement[bool],
    limit: int,
) -> Share:
    """Correlated lookups per episode of the range, so a short range stays cheap however
    large the diary."""
    everything, total, hits = session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((among, 1), else_=0)), 0),
            func.coalesce(func.sum(case((and_(among, hit), 1), else_=0)), 0),
        ).where(_in_range(nights))
    ).one()
    rows = session.execute(
        select(*_BRIEF_COLUMNS)
        .where(_in_range(nights), among, hit)
        .order_by(EpisodeRow.start_local.desc(), EpisodeRow.id)
        .limit(limit)
    ).all()
    return Share(
        int(total),
        int(hits),
        int(everything) - int(total),
        [_brief(row, nights.boundary_hour) for row in rows],
    )


def episodes_without_triggers(session: Session, nights: NightRange, *, limit: int) -> Share:
    """Among episodes whose triggers were asked about, those naming no trigger.

    A quick log still to review, or an import without a trigger column, was never asked:
    its empty list is unknown, not "no cause".
    """
    named = select(EpisodeTrigger.episode_id).where(EpisodeTrigger.episode_id == EpisodeRow.id)
    asked = and_(EpisodeRow.to_review.is_(False), EpisodeRow.triggers_asked.is_(True))
    return _share(session, nights, asked, not_(named.exists()), limit)


def episodes_where_nothing_helped(session: Session, nights: NightRange, *, limit: int) -> Share:
    """Among episodes with a rated relief, those where every rated relief "did not help"."""
    rated = and_(EpisodeRow.to_review.is_(False), _any_relief(EpisodeRelief.rating.is_not(None)))
    helped = _any_relief(EpisodeRelief.rating.in_(("helped", "a_little")))
    return _share(session, nights, rated, not_(helped), limit)


def episodes_with_trigger(
    session: Session, nights: NightRange, code: str, *, limit: int
) -> tuple[int, list[EpisodeBrief]]:
    """(how many episodes of the range name trigger `code`, the newest `limit` of them)."""
    named = (
        select(EpisodeTrigger.episode_id)
        .where(EpisodeTrigger.code == code, EpisodeTrigger.episode_id == EpisodeRow.id)
        .exists()
    )
    total = session.scalar(select(func.count()).where(_in_range(nights), named)) or 0
    rows = session.execute(
        select(*_BRIEF_COLUMNS)
        .where(_in_range(nights), named)
        .order_by(EpisodeRow.start_local.desc(), EpisodeRow.id)
        .limit(limit)
    ).all()
    return int(total), [_brief(row, nights.boundary_hour) for row in rows]
