"""Single episodes as evidence: those with a symptom, long ones, shares a warning-sign rule hits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import (
    ColumnElement,
    Exists,
    and_,
    case,
    func,
    not_,
    select,
)
from sqlalchemy.orm import Session

from cramplog.storage.aggregates.ranges import (
    NightRange,
    in_range,
    outside_episodes,
    parse_local,
)
from cramplog.storage.schema import (
    EpisodeRelief,
    EpisodeRow,
    EpisodeSymptom,
    EpisodeTrigger,
)

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
    time_noted: bool = True

    @property
    def clock(self) -> datetime | None:
        """The start to cite beside its night; None when only the date was noted."""
        return self.start_local if self.time_noted else None


_BRIEF_COLUMNS = (
    EpisodeRow.id,
    EpisodeRow.start_local,
    EpisodeRow.muscle,
    EpisodeRow.side,
    EpisodeRow.intensity,
    EpisodeRow.duration_s,
    EpisodeRow.time_noted,
)

_BRIEF = len(_BRIEF_COLUMNS)


def _brief(row: Sequence[object], boundary_hour: int) -> EpisodeBrief:
    episode_id, start_text, muscle, side, intensity, duration, time_noted = row[:_BRIEF]
    assert isinstance(start_text, str)
    start = parse_local(start_text)
    return EpisodeBrief(
        id=int(episode_id),  # type: ignore[call-overload]
        start_local=start,
        night=(start - timedelta(hours=boundary_hour)).date(),
        muscle=str(muscle),
        side=str(side),
        intensity=None if intensity is None else int(intensity),  # type: ignore[call-overload]
        duration_s=None if duration is None else int(duration),  # type: ignore[call-overload]
        time_noted=bool(time_noted),
    )


def episodes_with_symptoms(
    session: Session, nights: NightRange, codes: Sequence[str]
) -> list[tuple[EpisodeBrief, str]]:
    """(episode, symptom code) for each episode of the range noting one of `codes`, newest
    first."""
    rows = session.execute(
        select(*_BRIEF_COLUMNS, EpisodeSymptom.code)
        .join(EpisodeSymptom, EpisodeSymptom.episode_id == EpisodeRow.id)
        .where(in_range(nights), EpisodeSymptom.code.in_(codes))
        .order_by(EpisodeRow.start_local.desc(), EpisodeRow.id, EpisodeSymptom.code)
    ).all()
    return [(_brief(row, nights.boundary_hour), str(row[_BRIEF])) for row in rows]


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
    query = select(
        *_BRIEF_COLUMNS,
        _relief_of("relief.stretch"),
        _relief_of("relief.stretch", EpisodeRelief.rating == "helped"),
    ).where(EpisodeRow.duration_s > min_duration_s)
    outside = outside_episodes(session, nights)
    if outside is None:
        rows = list(
            session.execute(
                query.where(in_range(nights)).order_by(EpisodeRow.start_local.desc(), EpisodeRow.id)
            ).all()
        )
    else:
        # Most episodes are in the range: with neither the range nor the order in the
        # query SQLite scans the table, in half the time of walking the start index to
        # every row (a century: 46 → 24 ms); the few long ones are sorted here, newest
        # first, then by id (a stable sort). SQLAlchemy drops SQLite's NOT INDEXED hint.
        rows = list(session.execute(query).all())
        if outside:
            # The few episodes outside the range, left out by the same text comparison.
            rows = [row for row in rows if nights.local_from <= row[1] < nights.local_to]
        rows.sort(key=lambda row: row[0])
        rows.sort(key=lambda row: row[1], reverse=True)
    return [
        (_brief(row, nights.boundary_hour), bool(row[_BRIEF]), bool(row[_BRIEF + 1]))
        for row in rows
    ]


def _reviewed_in_range(nights: NightRange) -> ColumnElement[bool]:
    return and_(in_range(nights), EpisodeRow.to_review.is_(False))


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
        ).where(in_range(nights))
    ).one()
    rows = session.execute(
        select(*_BRIEF_COLUMNS)
        .where(in_range(nights), among, hit)
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
    total = session.scalar(select(func.count()).where(in_range(nights), named)) or 0
    rows = session.execute(
        select(*_BRIEF_COLUMNS)
        .where(in_range(nights), named)
        .order_by(EpisodeRow.start_local.desc(), EpisodeRow.id)
        .limit(limit)
    ).all()
    return int(total), [_brief(row, nights.boundary_hour) for row in rows]
