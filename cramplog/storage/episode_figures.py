"""What SQLite keeps of each episode for the figures: its packed layout and indexed columns.

Every figure of a period (Patterns, the GP summary, `cramplog stats`) reads the period's
episodes packed one integer each (`aggregates.episode_columns`). Working the packed value
out on every read cost SQLite about as much as the rest of the read together (a microsecond
per cramp, 100 ms over a century), so since migration 0007 the part that depends on the
episode alone is two virtual columns, `figures_packed` and `start_seconds`, held by the
index `ix_episodes_figures` beside `start_local`. SQLite works them out when a cramp is
written and stores them in the index only; a period's read takes them from there and adds
what depends on the question: the muscle's number, the night and, for sleep hours that are
not whole hours, whether the start lies inside them. (Anything that reads the table itself
works them out again: `SELECT *`, the integrity check, a diary whose index was dropped.)

The price is paid on writing: importing 100,000 cramps took 1.80 s of CPU before and
1.95 s after (the benchmark's own floor, raw inserts, paid as much more), and the file grows
by about 8%.

A later migration that drops or renames a column these expressions read (start_local,
intensity, woke_from_sleep, activity, side, duration_s, time_noted) must first drop the index
and both columns: SQLite refuses to drop a column a generated column uses.

Kept apart from the ORM schema and from the reads so that both take the layout from here;
it loads nothing but `typing`.
"""

from __future__ import annotations

from typing import Final

# Layout of the packed value (one int per episode). (first bit, width) or one bit.
INTENSITY_BITS: Final = (0, 4)  # 0–10; NO_INTENSITY when not rated
NO_INTENSITY: Final = 15
NOCTURNAL_BIT: Final = 4  # woke the person, or began asleep/in bed
SIDE_BITS: Final = (6, 2)  # index into SIDES
MUSCLE_BITS: Final = (8, 9)  # added by the read: the muscle's place in the period's list
DURATION_BITS: Final = (17, 17)  # seconds, 1–86400; 0 when not timed
TIMING_UNKNOWN_BIT: Final = 34  # neither "woke" nor the activity was answered
TIME_NOT_NOTED_BIT: Final = 35  # only the date was noted: the clock time means nothing
IN_SLEEP_BIT: Final = 36  # added by the read: the start's clock minute is in the sleep hours
HOUR_BITS: Final = (37, 5)  # the wall-clock hour of the start, 0–23
EPISODE_NIGHT_BITS: Final = (42, 21)  # added by the read: days after the range's first night

# The sides in the order the layout numbers them: `schema.SIDES` (a test checks they agree),
# written out here so a read-only command never loads the ORM schema.
SIDES: Final = ("left", "right", "both", "n/a")

ASLEEP_ACTIVITY: Final = "activity.asleep"

# -- the indexed columns (migration 0007) ---------------------------------------------------
# These expressions are part of every diary's schema from revision 0007 on: the index keeps
# the values they gave when each cramp was written. Changing one changes nothing already stored,
# so a change to the layout above needs a migration that redefines the columns, never an
# edit here alone (a test checks a migrated diary and a new one store the same values).

# Night-time and "not known" share one CASE (a cramp known to be at night never has an
# unknown timing); night-time is the rule of `nights.known_nocturnal`.
_TIMING: Final = (
    f"CASE WHEN woke_from_sleep IS 1 OR activity = '{ASLEEP_ACTIVITY}'"
    f" THEN {1 << NOCTURNAL_BIT}"
    f" WHEN woke_from_sleep IS NULL AND activity IS NULL THEN {1 << TIMING_UNKNOWN_BIT}"
    " ELSE 0 END"
)
_SIDE: Final = (
    "CASE side "
    + " ".join(f"WHEN '{side}' THEN {i << SIDE_BITS[0]}" for i, side in enumerate(SIDES))
    + f" ELSE {3 << SIDE_BITS[0]} END"
)
# The hour from the stored wall-clock text ("YYYY-MM-DD HH:MM:SS", a generated column).
HOUR_SQL: Final = f"CAST(substr(start_local, 12, 2) AS INTEGER) * {1 << HOUR_BITS[0]}"

FIGURES_PACKED_SQL: Final = " + ".join(
    (
        f"coalesce(intensity, {NO_INTENSITY})",
        _TIMING,
        _SIDE,
        f"coalesce(duration_s, 0) * {1 << DURATION_BITS[0]}",
        f"CASE WHEN time_noted IS 0 THEN {1 << TIME_NOT_NOTED_BIT} ELSE 0 END",
        HOUR_SQL,
    )
)

# The wall-clock start in whole seconds since 1900-01-01 00:00. julianday() of 1900-01-01
# 00:00 is 2415020.5; SQLite's julianday is whole milliseconds inside, so the product rounds
# to the exact second (CAST truncates, so the + 0.5 rounds). Not unixepoch(): a diary file
# must stay readable by SQLite before 3.38, and the cost is paid once per write.
START_SECONDS_SQL: Final = "CAST((julianday(start_local) - 2415020.5) * 86400 + 0.5 AS INTEGER)"

FIGURES_INDEX: Final = "ix_episodes_figures"
# start_local leads, for the period's range; the rest make the index cover the read.
FIGURES_INDEX_COLUMNS: Final = ("start_local", "figures_packed", "start_seconds", "muscle")
