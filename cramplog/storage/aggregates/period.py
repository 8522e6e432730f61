"""A period's episodes and day records packed into one integer each, and its link-table counts."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Final

from cramplog.core.checklist import DAY_FACTORS
from cramplog.core.value_class import value_class
from cramplog.storage.aggregates.ranges import IN_RANGE, OUTSIDE_IDS, NightRange, outside_episodes
from cramplog.storage.episode_figures import (
    EPISODE_NIGHT_BITS,
    FIGURES_INDEX,
    IN_SLEEP_BIT,
    MUSCLE_BITS,
    SIDES,
)

# -- the period's episodes, packed ----------------------------------------------------------

# Layout of `EpisodeColumns.packed` (one int per episode, everything in one column: the
# sqlite3 module's cost per value fetched was a seventh of a century's read): see
# `storage.episode_figures`. The episode's own part, the clock hour among it, comes from the
# figures index; the read adds the muscle's number, the night and whether the start lies in
# the sleep hours, so the figures only count values (`collections.Counter`) and never take
# a date apart per cramp.


@value_class
class EpisodeColumns:
    """The episodes of a range, oldest first, packed one integer each (the layout above).

    `muscles` and `sides` decode the muscle and side indexes. When the diary has more
    muscles than the muscle field holds, or the range more nights than the night field,
    that field is 0 and the value comes in its own column: `muscle`, or `night` (days
    after the range's first night).
    """

    packed: Sequence[int]
    muscles: tuple[str, ...]
    sides: tuple[str, ...]
    muscle: Sequence[int] | None = None
    night: Sequence[int] | None = None

    @classmethod
    def none(cls) -> EpisodeColumns:
        """The columns of a range that holds no episode."""
        return cls((), ("muscle.other",), SIDES)


# The night: whole days from the start of the range's first night (:night_origin, in the
# seconds of `start_seconds`), never negative inside the range. No cramp starts before 1900
# (validation refuses it), so SQLite's integer division floors, as the clock does.
_NIGHT: Final = "((start_seconds - :night_origin) / 86400)"


CALF: Final = "muscle.calf"


def _muscle_index(muscles: Sequence[str], scale: int = 1) -> str:
    """SQL numbering an episode's muscle by its place in `muscles`, times `scale` (its field's
    place, so no multiplication is made per cramp); the codes are the parameters :m0 …
    :m{len(muscles) - 1}."""
    if not muscles:
        return "0"  # CASE needs a WHEN
    # CASE tries its WHENs in turn and most cramps are calf cramps: the calf's is asked first
    # (about 4 ms less over a century). The numbers stay the places in `muscles`.
    order = sorted(range(len(muscles)), key=lambda i: muscles[i] != CALF)
    whens = " ".join(f"WHEN :m{i} THEN {i * scale}" for i in order)
    return f"CASE muscle {whens} ELSE {len(muscles) * scale} END"


def _in_sleep(sleep_minutes: tuple[int, int]) -> str:
    """SQL for 1 when the start's clock minute lies in [start, end) of the sleep hours
    (`nights.SleepHours.contains`; they may cross midnight), else 0."""
    start, end = (f"'{minute // 60:02d}:{minute % 60:02d}'" for minute in sleep_minutes)
    # The clock text "HH:MM" of the start, compared as text: a third cheaper than the
    # same minutes from unixepoch() over a century.
    clock = "substr(start_local, 12, 5)"
    joined = "AND" if sleep_minutes[0] < sleep_minutes[1] else "OR"
    return f"({clock} >= {start} {joined} {clock} < {end})"


def _packed_column(
    muscles: Sequence[str],
    sleep_minutes: tuple[int, int] | None,
    *,
    muscle_packed: bool,
    night_packed: bool,
) -> str:
    """SQL packing one episode in the `EpisodeColumns.packed` layout: the stored
    `figures_packed`, and the fields that depend on the question."""
    # SQLite pays for every operation once per cramp, so each term answers with its bits
    # already in place.
    terms = ["figures_packed"]
    if sleep_minutes is not None:
        terms.append(f"CASE WHEN {_in_sleep(sleep_minutes)} THEN {1 << IN_SLEEP_BIT} ELSE 0 END")
    if muscle_packed:
        terms.append(_muscle_index(muscles, 1 << MUSCLE_BITS[0]))
    if night_packed:
        terms.append(f"{_NIGHT} * {1 << EPISODE_NIGHT_BITS[0]}")
    return " + ".join(terms)


def _figures_index(connection: sqlite3.Connection) -> str:
    """The clause reading the period from `ix_episodes_figures`, or "" without it."""
    # The planner would take the narrower start_local index and work every value out again
    # from the table; the figures index holds them (`episode_figures`): half the read. A
    # diary whose index was dropped by hand still reads (slower, the same values) rather
    # than fail on INDEXED BY.
    found = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (FIGURES_INDEX,)
    ).fetchone()
    return f" INDEXED BY {FIGURES_INDEX}" if found else ""


def _one_list(
    connection: sqlite3.Connection, value: str, source: str, values: Mapping[str, Any]
) -> list[int]:
    """`SELECT {value} {source}`: an integer a row, in the source's order, handed over as
    one JSON text.

    The sqlite3 module's cost per row fetched (a Python row made, stepped with its lock
    held) was half of a decade's episode read: 5.5 ms for 15,000 cramps, 4.6 as one
    `json_group_array` text that `json.loads` takes apart (59 and 50 ms over a century).
    SQLite aggregates a subquery that has an ORDER BY in that order (it does not flatten
    it into an aggregate query), so the list keeps the select's order.
    """
    (text,) = connection.execute(
        f"SELECT json_group_array(value) FROM (SELECT {value} AS value {source})", values
    ).fetchone()
    return json.loads(text)  # type: ignore[no-any-return]


def episode_columns(
    connection: sqlite3.Connection,
    nights: NightRange,
    sleep_minutes: tuple[int, int] | None = None,
) -> EpisodeColumns:
    """Every episode of the range in one pass over the figures index (see `EpisodeColumns`).

    `sleep_minutes`: the person's sleep hours as clock minutes [start, end)
    (`nights.SleepHours`), for the IN_SLEEP_BIT; without them (sleep hours of whole
    hours, which the hour alone answers) that bit is 0.
    """
    muscles = tuple(
        code
        for (code,) in connection.execute(
            "SELECT code FROM vocabulary WHERE kind = 'muscle' ORDER BY code"
        )
    )
    # Outside its field's reach, a value comes in a column of its own (rare: hundreds of
    # muscles of one's own, or a range of thousands of years).
    muscle_packed = len(muscles) < (1 << MUSCLE_BITS[1])
    night_packed = (nights.last - nights.first).days < (1 << EPISODE_NIGHT_BITS[1])
    columns = [
        _packed_column(
            muscles, sleep_minutes, muscle_packed=muscle_packed, night_packed=night_packed
        )
    ]
    if not night_packed:
        columns.append(_NIGHT)
    if not muscle_packed:
        columns.append(_muscle_index(muscles))
    origin = (nights.first - _1900).days * 86_400 + nights.boundary_hour * 3600
    source = f"FROM episodes{_figures_index(connection)} WHERE {IN_RANGE} ORDER BY start_local"
    values = {
        **nights.bounds(),
        "night_origin": origin,
        **{f"m{i}": code for i, code in enumerate(muscles)},
    }
    # The foreign key keeps muscles in the vocabulary; anything else would count as "other".
    found = (*muscles, "muscle.other")
    if len(columns) == 1:
        return EpisodeColumns(_one_list(connection, columns[0], source, values), found, SIDES)
    rows = connection.execute(f"SELECT {', '.join(columns)} {source}", values).fetchall()
    muscle_at = len(columns) - 1
    return EpisodeColumns(
        [row[0] for row in rows],
        found,
        SIDES,
        muscle=None if muscle_packed else [row[muscle_at] for row in rows],
        night=None if night_packed else [row[1] for row in rows],
    )


_1900: Final = date(1900, 1, 1)


# -- link tables ----------------------------------------------------------------------------


def _counted(
    connection: sqlite3.Connection, nights: NightRange, table: str, columns: str
) -> list[tuple[Any, ...]]:
    """`columns`, count(*) over the link rows of the range's episodes, grouped by `columns`.

    When few episodes lie outside the range, every row is counted from the table's own
    index and the rows of those few are taken away (see `outside_episodes`).
    """
    outside = outside_episodes(connection, nights)
    grouped = f"GROUP BY {columns}"
    if outside is None:
        joined = ", ".join(f"link.{c.strip()}" for c in columns.split(","))
        return connection.execute(
            f"SELECT {joined}, count(*) FROM {table} AS link"
            f" JOIN episodes ON episodes.id = link.episode_id WHERE {IN_RANGE}"
            f" GROUP BY {joined}",
            nights.bounds(),
        ).fetchall()
    counts = {
        row[:-1]: int(row[-1])
        for row in connection.execute(f"SELECT {columns}, count(*) FROM {table} {grouped}")
    }
    if outside:
        for row in connection.execute(
            f"SELECT {columns}, count(*) FROM {table} WHERE episode_id IN ({OUTSIDE_IDS})"
            f" {grouped}",
            nights.bounds(),
        ):
            counts[row[:-1]] -= int(row[-1])
    return [(*key, n) for key, n in counts.items() if n > 0]


def trigger_counts(connection: sqlite3.Connection, nights: NightRange) -> list[tuple[str, int]]:
    """(trigger code, episodes of the range naming it)."""
    return [
        (str(code), int(n)) for code, n in _counted(connection, nights, "episode_triggers", "code")
    ]


@value_class
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


def relief_counts(connection: sqlite3.Connection, nights: NightRange) -> list[ReliefCounts]:
    """Per relief method (in code order): episodes of the range that tried it, by rating."""
    # Counted by (code, rating) pairs, the order of the (code, rating) index (migration
    # 0005), so SQLite reads that index alone and evaluates nothing per row: twice as fast
    # over a century as summing a CASE per rating.
    tallies: dict[str, dict[str | None, int]] = {}
    for code, rating, n in _counted(connection, nights, "episode_reliefs", "code, rating"):
        tallies.setdefault(str(code), {})[rating if rating is None else str(rating)] = int(n)
    return [
        ReliefCounts(
            code,
            sum(by_rating.values()),
            by_rating.get("helped", 0),
            by_rating.get("a_little", 0),
            by_rating.get("not_helped", 0),
        )
        for code, by_rating in sorted(tallies.items())
    ]


# -- diary days -----------------------------------------------------------------------------

# Layout of `DayColumns.packed` (one int64 per day record): REVIEWED_BIT, then two bits per
# factor in the order of `DAY_FACTORS` (owned by the checklist), then the sleep figures (each
# its value + 1, 0 when not recorded) and the night.
REVIEWED_BIT: Final = 0
SLEEP_DISTURBANCE_BITS: Final = (21, 4)  # 0–10, + 1
MINUTES_AWAKE_BITS: Final = (25, 11)  # 0–1440, + 1
NIGHT_BITS: Final = (36, 27)  # days since 1900-01-01, + NIGHT_BIAS (so any date fits)
NIGHT_BIAS: Final = 1 << 26
DAYS_1900_TO_1970: Final = 25_567


def factor_present_bit(index: int) -> int:
    return 1 + 2 * index


def factor_recorded_bit(index: int) -> int:
    return 2 + 2 * index


@value_class
class FactorThresholds:
    """When a recorded day counts as having a factor that is a number rather than yes/no."""

    low_fluids_l: float
    alcohol_units: float
    caffeine_drinks: int
    stress: int


# Per factor: (present, recorded) conditions on a diary_days row; the thresholds are the
# parameters named after FactorThresholds' fields.
_FACTOR_CONDITIONS: Final = {
    "fluids_low": ("fluids_l < :low_fluids_l", "fluids_l IS NOT NULL"),
    "exercise_hard": ("exercise = 'hard'", "exercise IS NOT NULL"),
    "exercise_unaccustomed": ("exercise = 'unaccustomed'", "exercise IS NOT NULL"),
    "alcohol": ("alcohol_units >= :alcohol_units", "alcohol_units IS NOT NULL"),
    "caffeine": ("caffeine_drinks >= :caffeine_drinks", "caffeine_drinks IS NOT NULL"),
    "heat": ("hot_or_sweating IS 1", "hot_or_sweating IS NOT NULL"),
    "long_standing": ("long_standing IS 1", "long_standing IS NOT NULL"),
    "long_sitting": ("long_sitting IS 1", "long_sitting IS NOT NULL"),
    "no_stretch": ("stretched_before_bed IS 0", "stretched_before_bed IS NOT NULL"),
    "stress": ("stress >= :stress", "stress IS NOT NULL"),
}


def _day_packed(*, factors: bool) -> str:
    terms = [f"CASE WHEN reviewed IS 1 THEN {1 << REVIEWED_BIT} ELSE 0 END"]
    # One CASE a factor, answering with both its bits in place: SQLite pays for every
    # operation once per day record (a third less of the read than two CASEs and a sum).
    for index, factor in enumerate(DAY_FACTORS if factors else ()):
        present, recorded = _FACTOR_CONDITIONS[factor]
        recorded_bit = 1 << factor_recorded_bit(index)
        both = recorded_bit | 1 << factor_present_bit(index)
        terms.append(
            f"CASE WHEN {recorded} THEN CASE WHEN {present} THEN {both} ELSE {recorded_bit} END"
            " ELSE 0 END"
        )
    # julianday() of a date is a whole day and a half, as is 2415020.5 (1900-01-01): the
    # difference is exact. The CHECK constraints keep the sleep figures inside their fields.
    terms += [
        f"coalesce(sleep_disturbance + 1, 0) * {1 << SLEEP_DISTURBANCE_BITS[0]}",
        f"coalesce(minutes_awake + 1, 0) * {1 << MINUTES_AWAKE_BITS[0]}",
        f"(CAST(julianday(night_of) - 2415020.5 AS INTEGER) + {NIGHT_BIAS}) * {1 << NIGHT_BITS[0]}",
    ]
    return " + ".join(terms)


@value_class
class DayColumns:
    """The day records of a range, oldest first, packed one integer each.

    `packed` has bit REVIEWED_BIT for a reviewed night and, for each of DAY_FACTORS at index
    i, bit `factor_present_bit(i)` when the factor was present and `factor_recorded_bit(i)`
    when the record says either way; then the sleep figures and the night (the layout above).
    One value a day: the sqlite3 module's cost per value fetched was a quarter of the read.
    Read without factor thresholds, every factor's bits are 0 (not read).
    """

    packed: list[int]

    @classmethod
    def none(cls) -> DayColumns:
        """The columns of a range that holds no day record."""
        return cls([])


def day_columns(
    connection: sqlite3.Connection, nights: NightRange, limits: FactorThresholds | None
) -> DayColumns:
    """The range's day records packed (`DayColumns`); with `limits` None, without their
    factors: their ten conditions were half of SQLite's work on each record."""
    thresholds = (
        {}
        if limits is None
        else {
            "low_fluids_l": limits.low_fluids_l,
            "alcohol_units": limits.alcohol_units,
            "caffeine_drinks": limits.caffeine_drinks,
            "stress": limits.stress,
        }
    )
    packed = _one_list(
        connection,
        _day_packed(factors=limits is not None),
        "FROM diary_days WHERE night_of >= :first AND night_of <= :last ORDER BY night_of",
        {**nights.nights(), **thresholds},
    )
    return DayColumns(packed)
